using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using CrmTeamSelling.Packager.Layout;

namespace CrmTeamSelling.Packager.Checking;

/// <summary>
/// Validates customizations.xml against Microsoft's CustomizationsSolution.xsd (and the schemas it
/// includes), taken from a folder the caller names; the schemas are Microsoft's files and never
/// part of this product.
///
/// The schema comes from an older SDK. It predates app modules, image configs and many elements
/// and attributes today's exports write, and it requires ObjectTypeCode, which exports of custom
/// tables no longer carry. Where a modern export and the schema disagree the export is right, so
/// validation first sets aside what the schema never declares in that place (an element its
/// parent's type has no particle for, an attribute its element's type does not declare), relaxes
/// ObjectTypeCode to optional and accepts the newer enumeration values listed in
/// <see cref="ModernEnumerationValues"/>. Everything the schema does declare is held to it: order,
/// required children, value types.
/// </summary>
public sealed class CustomizationsSchema
{
    public const string MainSchemaFile = "CustomizationsSolution.xsd";

    /// <summary>Elements the old schema requires that modern exports leave out.</summary>
    public static readonly IReadOnlyList<string> OptionalInModernExports = new[]
    {
        "ObjectTypeCode",          // no longer written for custom tables
        "NavPaneDisplayOption",    // the referencing side of a relationship carries only its navigation property
    };

    /// <summary>Values modern exports write where the old enumeration lacks them, by simple type name.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> ModernEnumerationValues = new Dictionary<string, string[]>
    {
        ["CrmDataType"] = new[] { "multiselectpicklist", "file" },  // column types added since
        ["SystemFormType"] = new[] { "card" },                      // card forms
    };

    /// <summary>GUID types whose old pattern demands braces; modern exports write tab and section ids and SdkMessageId without.</summary>
    public static readonly IReadOnlyList<string> BracesOptional = new[] { "FormGuidType", "GuidType" };

    /// <summary>Complex types whose children modern exports write in another order (SdkMessageId first in a step).</summary>
    public static readonly IReadOnlyList<string> AnyChildOrder = new[] { "sdkmessageprocessingsteptype" };

    private readonly XmlSchemaSet _schemas;
    private readonly HashSet<XName> _declaredElementNames;
    private readonly HashSet<XName> _declaredAttributeNames;

    private CustomizationsSchema(XmlSchemaSet schemas)
    {
        _schemas = schemas;
        _declaredElementNames = new HashSet<XName>();
        _declaredAttributeNames = new HashSet<XName>();
        foreach (var schema in WithIncludes(schemas))
            CollectDeclaredNames(schema);
    }

    public string Folder { get; private init; } = "";

    /// <summary>Loads CustomizationsSolution.xsd from the folder; a missing or broken schema is a <see cref="SchemaFolderException"/> saying so.</summary>
    public static CustomizationsSchema Load(string schemaFolder)
    {
        var main = Path.Combine(schemaFolder, MainSchemaFile);
        if (!File.Exists(main))
            throw new SchemaFolderException($"{schemaFolder}: no {MainSchemaFile} there. Point --schemas at the folder holding CustomizationsSolution.xsd and the schemas it includes (CI: ../shared/schemas from the repository root).");
        var schemas = new XmlSchemaSet { XmlResolver = new XmlUrlResolver() };
        try
        {
            using var reader = XmlReader.Create(main, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = new XmlUrlResolver() });
            schemas.Add(null, reader);
            schemas.Compile();
            Relax(schemas);
        }
        catch (Exception e) when (e is XmlSchemaException or XmlException or IOException)
        {
            throw new SchemaFolderException($"{main}: the schema does not load ({e.Message}). Restore the original Microsoft files in {schemaFolder}.");
        }
        return new CustomizationsSchema(schemas) { Folder = schemaFolder };
    }

    /// <summary>Applies the relaxations above to the loaded schema objects, then compiles the set again.</summary>
    private static void Relax(XmlSchemaSet schemas)
    {
        foreach (var schema in WithIncludes(schemas))
        {
            foreach (var element in AllElements(schema).Where(e => OptionalInModernExports.Contains(e.Name)))
                element.MinOccurs = 0;
            foreach (var type in schema.Items.OfType<XmlSchemaSimpleType>())
            {
                if (type.Content is not XmlSchemaSimpleTypeRestriction restriction || type.Name is null) continue;
                if (ModernEnumerationValues.TryGetValue(type.Name, out var values))
                {
                    var existing = restriction.Facets.OfType<XmlSchemaEnumerationFacet>().Select(f => f.Value).ToHashSet();
                    foreach (var value in values.Where(v => !existing.Contains(v)))
                        restriction.Facets.Add(new XmlSchemaEnumerationFacet { Value = value });
                }
                if (BracesOptional.Contains(type.Name))
                {
                    // Pattern facets of one restriction are alternatives: a value matching either passes.
                    restriction.Facets.Add(new XmlSchemaPatternFacet { Value = "[a-fA-F0-9]{8}-[a-fA-F0-9]{4}-[a-fA-F0-9]{4}-[a-fA-F0-9]{4}-[a-fA-F0-9]{12}" });
                }
            }
            foreach (var type in schema.Items.OfType<XmlSchemaComplexType>().Where(t => t.Name is not null && AnyChildOrder.Contains(t.Name)))
            {
                if (type.Particle is not XmlSchemaSequence sequence) continue;
                var all = new XmlSchemaAll();
                foreach (var item in sequence.Items.OfType<XmlSchemaElement>()) all.Items.Add(item);
                if (all.Items.Count == sequence.Items.Count) type.Particle = all;
            }
        }
        foreach (XmlSchema schema in schemas.Schemas().Cast<XmlSchema>().ToList())
            schemas.Reprocess(schema);
        schemas.Compile();
    }

    /// <summary>
    /// Validates a customizations.xml document. The document is not changed; what is set aside is
    /// reported in the result so a reader can see what the old schema could not judge.
    /// </summary>
    public SchemaValidationResult Validate(XDocument customizations, string fileLabel)
    {
        var document = new XDocument(customizations);
        var setAside = new SortedSet<string>(StringComparer.Ordinal);
        List<(XObject? Node, XmlSchemaException Error)> errors;
        for (var pass = 0; ; pass++)
        {
            errors = new List<(XObject?, XmlSchemaException)>();
            document.Validate(_schemas, (sender, e) => errors.Add((sender as XObject, e.Exception)), addSchemaInfo: true);
            var removable = errors.Select(e => e.Node).Where(IsUndeclaredHere).Distinct().ToList();
            if (removable.Count == 0 || pass > 200) break;
            foreach (var node in removable)
            {
                switch (node)
                {
                    case XElement element:
                        setAside.Add($"<{element.Name.LocalName}> in <{element.Parent?.Name.LocalName}>");
                        element.Remove();
                        break;
                    case XAttribute attribute:
                        setAside.Add($"@{attribute.Name.LocalName} on <{attribute.Parent?.Name.LocalName}>");
                        attribute.Remove();
                        break;
                }
            }
        }
        var violations = errors
            .Select(e => new LayoutProblem(fileLabel, e.Node is null ? null : XmlPath.Of(e.Node), LineOf(e.Node, e.Error),
                $"schema violation: {e.Error.Message}"))
            .Distinct()
            .ToList();
        return new SchemaValidationResult(violations, setAside.ToList());
    }

    private static int? LineOf(XObject? node, XmlSchemaException error) =>
        node is IXmlLineInfo info && info.HasLineInfo() ? info.LineNumber : error.LineNumber == 0 ? null : error.LineNumber;

    /// <summary>True for an element or attribute the schema has no declaration for in this place.</summary>
    private bool IsUndeclaredHere(XObject? node)
    {
        switch (node)
        {
            case XElement element when element.Parent is not null:
            {
                // An element the schema declares somewhere is held to the schema wherever it appears.
                if (_declaredElementNames.Contains(element.Name)) return false;
                var parentType = TypeOf(element.Parent);
                if (parentType is XmlSchemaComplexType complex)
                {
                    var names = new HashSet<XName>();
                    return !CollectChildNames(complex.ContentTypeParticle, names) && !names.Contains(element.Name);
                }
                return true;
            }
            case XAttribute attribute when attribute.Parent is not null && !attribute.IsNamespaceDeclaration && attribute.Name.Namespace == XNamespace.None:
            {
                // Attribute names are local to their element (id, name, Color mean different things in
                // different places), so an attribute is judged by its own element's type.
                var type = TypeOf(attribute.Parent);
                if (type is XmlSchemaComplexType complex)
                {
                    if (complex.AttributeWildcard is not null) return false;
                    return !complex.AttributeUses.Names.OfType<XmlQualifiedName>().Any(n => n.Name == attribute.Name.LocalName);
                }
                return !_declaredAttributeNames.Contains(attribute.Name);
            }
            default:
                return false;
        }
    }

    /// <summary>The schemas of the set and every schema they include (FormXml.xsd, Fetch.xsd, ...).</summary>
    private static IEnumerable<XmlSchema> WithIncludes(XmlSchemaSet schemas)
    {
        var seen = new HashSet<XmlSchema>();
        var stack = new Stack<XmlSchema>(schemas.Schemas().Cast<XmlSchema>());
        while (stack.Count > 0)
        {
            var schema = stack.Pop();
            if (!seen.Add(schema)) continue;
            yield return schema;
            foreach (var include in schema.Includes.OfType<XmlSchemaExternal>())
                if (include.Schema is not null) stack.Push(include.Schema);
        }
    }

    private static XmlSchemaType? TypeOf(XElement element)
    {
        var info = element.GetSchemaInfo();
        return info?.SchemaType ?? info?.SchemaElement?.ElementSchemaType;
    }

    /// <summary>Adds the element names a content model allows; returns true when it allows any element (xs:any).</summary>
    private static bool CollectChildNames(XmlSchemaParticle? particle, HashSet<XName> names)
    {
        switch (particle)
        {
            case XmlSchemaElement element:
                names.Add(XName.Get(element.QualifiedName.Name, element.QualifiedName.Namespace));
                return false;
            case XmlSchemaAny:
                return true;
            case XmlSchemaGroupBase group:
                var any = false;
                foreach (var item in group.Items.OfType<XmlSchemaParticle>())
                    any |= CollectChildNames(item, names);
                return any;
            default:
                return false;
        }
    }

    private void CollectDeclaredNames(XmlSchema schema)
    {
        foreach (var element in AllElements(schema))
            _declaredElementNames.Add(XName.Get(element.Name ?? element.RefName.Name));
        foreach (var attribute in AllObjects(schema).OfType<XmlSchemaAttribute>())
            _declaredAttributeNames.Add(XName.Get(attribute.Name ?? attribute.RefName.Name));
    }

    private static IEnumerable<XmlSchemaElement> AllElements(XmlSchema schema) => AllObjects(schema).OfType<XmlSchemaElement>();

    /// <summary>Every object declared in a schema's source tree (types, groups, particles, attributes).</summary>
    private static IEnumerable<XmlSchemaObject> AllObjects(XmlSchema schema)
    {
        var stack = new Stack<XmlSchemaObject>(schema.Items.Cast<XmlSchemaObject>());
        while (stack.Count > 0)
        {
            var item = stack.Pop();
            yield return item;
            foreach (var child in Children(item)) stack.Push(child);
        }
    }

    private static IEnumerable<XmlSchemaObject> Children(XmlSchemaObject item)
    {
        switch (item)
        {
            case XmlSchemaElement element:
                if (element.SchemaType is not null) yield return element.SchemaType;
                break;
            case XmlSchemaComplexType complex:
                if (complex.Particle is not null) yield return complex.Particle;
                foreach (XmlSchemaObject attribute in complex.Attributes) yield return attribute;
                if (complex.ContentModel?.Content is XmlSchemaComplexContentExtension extension)
                {
                    if (extension.Particle is not null) yield return extension.Particle;
                    foreach (XmlSchemaObject attribute in extension.Attributes) yield return attribute;
                }
                if (complex.ContentModel?.Content is XmlSchemaComplexContentRestriction restriction)
                {
                    if (restriction.Particle is not null) yield return restriction.Particle;
                    foreach (XmlSchemaObject attribute in restriction.Attributes) yield return attribute;
                }
                if (complex.ContentModel?.Content is XmlSchemaSimpleContentExtension simpleExtension)
                    foreach (XmlSchemaObject attribute in simpleExtension.Attributes) yield return attribute;
                break;
            case XmlSchemaGroupBase group:
                foreach (XmlSchemaObject particle in group.Items) yield return particle;
                break;
            case XmlSchemaGroup namedGroup:
                if (namedGroup.Particle is not null) yield return namedGroup.Particle;
                break;
            case XmlSchemaAttributeGroup attributeGroup:
                foreach (XmlSchemaObject attribute in attributeGroup.Attributes) yield return attribute;
                break;
        }
    }
}

public sealed record SchemaValidationResult(IReadOnlyList<LayoutProblem> Violations, IReadOnlyList<string> SetAside);

/// <summary>The schema folder is missing or holds no usable CustomizationsSolution.xsd.</summary>
public sealed class SchemaFolderException : Exception
{
    public SchemaFolderException(string message) : base(message) { }
}
