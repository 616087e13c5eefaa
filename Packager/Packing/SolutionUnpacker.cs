using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml;
using System.Xml.Linq;
using CrmTeamSelling.Packager.Layout;

namespace CrmTeamSelling.Packager.Packing;

public sealed class UnpackOptions
{
    public required string ZipFile { get; init; }
    public required string LayoutFolder { get; init; }

    /// <summary>
    /// Layout paths that are build outputs (the plugin DLL, compiled web resources): their content is
    /// not written, because the next pack maps them in from the build. Same keys as <see cref="PackOptions.FileMap"/>.
    /// </summary>
    public IReadOnlyCollection<string> MappedFiles { get; init; } = Array.Empty<string>();

    /// <summary>Delete the component files of the previous layout first, so components removed in the org disappear.</summary>
    public bool Clean { get; init; } = true;
}

/// <summary>
/// The reverse of <see cref="SolutionPacker"/>: splits an exported or packed zip into the
/// SolutionPackager layout, so that a zip exported from an org can be unpacked over Solution/src
/// and packs back to the same solution.
/// </summary>
public static class SolutionUnpacker
{
    public static void Unpack(UnpackOptions options)
    {
        var parts = PackageParts.ReadZip(options.ZipFile);
        Unpack(parts, options);
    }

    public static void Unpack(PackageParts parts, UnpackOptions options)
    {
        foreach (var required in new[] { PackageParts.SolutionPart, PackageParts.CustomizationsPart })
            if (!parts.Contains(required))
                throw new PackagingException($"{options.ZipFile}: the package has no {required}; it is not a Dataverse solution zip.");
        var layout = new SolutionLayout(options.LayoutFolder);
        if (options.Clean) CleanComponentFiles(layout);
        new Unpacker(parts, layout, options).Run();
    }

    /// <summary>Removes the component folders a previous unpack wrote; anything else in the folder (a README) stays.</summary>
    private static void CleanComponentFiles(SolutionLayout layout)
    {
        if (!Directory.Exists(layout.Root)) return;
        foreach (var folder in layout.Directories("").Where(SolutionLayout.ComponentFolders.Contains))
            Directory.Delete(layout.FullPath(folder), recursive: true);
    }

    private sealed class Unpacker
    {
        private readonly PackageParts _parts;
        private readonly SolutionLayout _layout;
        private readonly UnpackOptions _options;
        private readonly HashSet<string> _mapped;
        private readonly HashSet<string> _consumedParts = new(StringComparer.Ordinal)
        {
            PackageParts.SolutionPart, PackageParts.CustomizationsPart, PackageParts.ContentTypesPart,
        };

        public Unpacker(PackageParts parts, SolutionLayout layout, UnpackOptions options)
        {
            _parts = parts;
            _layout = layout;
            _options = options;
            _mapped = new HashSet<string>(options.MappedFiles.Select(PackageParts.Normalize), StringComparer.OrdinalIgnoreCase);
        }

        public void Run()
        {
            var solution = LoadPart(PackageParts.SolutionPart);
            WriteXml(SolutionLayout.SolutionFile, solution);

            var customizations = LoadPart(PackageParts.CustomizationsPart);
            var sections = CustomizationsSections.Split
                .Select(name => customizations.Element(name))
                .OfType<XElement>()
                .ToDictionary(s => s.Name.LocalName, s => s.Elements().ToList());
            foreach (var section in customizations.Elements().Where(e => CustomizationsSections.Split.Contains(e.Name.LocalName)))
                section.RemoveNodes();
            WriteXml(SolutionLayout.CustomizationsFile, customizations);

            List<XElement> Items(string section) => sections.TryGetValue(section, out var items) ? items : new List<XElement>();
            foreach (var entity in Items(CustomizationsSections.Entities)) WriteEntity(entity);
            foreach (var role in Items(CustomizationsSections.Roles))
                WriteXml($"{SolutionLayout.RolesFolder}/{SafeFileName(Attribute(role, "name", "Roles"))}.xml", role);
            WriteRelationships(Items(CustomizationsSections.EntityRelationships));
            foreach (var optionSet in Items(CustomizationsSections.OptionSets))
                WriteXml($"{SolutionLayout.OptionSetsFolder}/{SafeFileName(Attribute(optionSet, "Name", "optionsets"))}.xml", optionSet);
            foreach (var resource in Items(CustomizationsSections.WebResources)) WriteWebResource(resource);
            foreach (var assembly in Items(CustomizationsSections.PluginAssemblies)) WritePluginAssembly(assembly);
            foreach (var step in Items(CustomizationsSections.Steps))
                WriteXml($"{SolutionLayout.StepsFolder}/{BracedId(Attribute(step, "SdkMessageProcessingStepId", "SdkMessageProcessingSteps"))}.xml", step);
            foreach (var siteMap in Items(CustomizationsSections.SiteMaps))
                WriteXml($"{SolutionLayout.AppModuleSiteMapsFolder}/{SafeFileName(Child(siteMap, "SiteMapUniqueName"))}/AppModuleSiteMap.xml", siteMap, declareXsi: true);
            foreach (var app in Items(CustomizationsSections.AppModules))
                WriteXml($"{SolutionLayout.AppModulesFolder}/{SafeFileName(Child(app, "UniqueName"))}/AppModule.xml", app, declareXsi: false);

            // Everything else in the package (environment variables, custom APIs) is kept as it is.
            foreach (var name in _parts.Names.Where(n => !_consumedParts.Contains(n)))
            {
                var top = name.Split('/')[0];
                if (!SolutionPacker.PassThroughFolders.Contains(top, StringComparer.Ordinal))
                    throw new PackagingException($"{_options.ZipFile}: the part {name} belongs to a component this unpacker does not handle; unpack with the Power Platform CLI (pac solution unpack).");
                WriteBytes(name, _parts[name]);
            }
        }

        private XElement LoadPart(string name)
        {
            try
            {
                return XmlFormat.Load(_parts[name]).Root!;
            }
            catch (XmlException e)
            {
                throw new PackagingException($"{_options.ZipFile}: {name}({e.LineNumber}) is not well-formed XML: {e.Message}");
            }
        }

        private void WriteEntity(XElement entity)
        {
            var name = Child(entity, "Name");
            var folder = $"{SolutionLayout.EntitiesFolder}/{SafeFileName(name)}";

            var formXml = entity.Element("FormXml");
            foreach (var forms in formXml?.Elements("forms") ?? Enumerable.Empty<XElement>())
            {
                var type = Attribute(forms, "type", $"{name} FormXml");
                foreach (var form in forms.Elements("systemform"))
                    WriteXml($"{folder}/{SolutionLayout.FormsFolderName}/{type}/{BracedId(Child(form, "formid"))}.xml", new XElement("forms", form));
            }
            formXml?.RemoveNodes();

            var savedQueries = entity.Element("SavedQueries");
            foreach (var query in savedQueries?.Element("savedqueries")?.Elements("savedquery") ?? Enumerable.Empty<XElement>())
                WriteXml($"{folder}/{SolutionLayout.ViewsFolderName}/{BracedId(Child(query, "savedqueryid"))}.xml", new XElement("savedqueries", query));
            savedQueries?.RemoveNodes();

            var visualizations = entity.Element("Visualizations");
            foreach (var visualization in visualizations?.Element("visualizations")?.Elements("visualization") ?? Enumerable.Empty<XElement>())
                WriteXml($"{folder}/{SolutionLayout.VisualizationsFolderName}/{BracedId(Child(visualization, "savedqueryvisualizationid"))}.xml",
                    new XElement("visualizations", visualization));
            visualizations?.RemoveNodes();

            var ribbon = entity.Element("RibbonDiffXml");
            if (ribbon is not null && (ribbon.HasElements || ribbon.HasAttributes))
            {
                WriteXml($"{folder}/{SolutionLayout.RibbonDiffFileName}", new XElement(ribbon));
                ribbon.ReplaceWith(new XElement("RibbonDiffXml"));
            }
            WriteXml($"{folder}/{SolutionLayout.EntityFileName}", entity);
        }

        private void WriteRelationships(List<XElement> relationships)
        {
            if (relationships.Count == 0) return;
            WriteXml(SolutionLayout.RelationshipIndexFile, new XElement("EntityRelationships",
                relationships.Select(r => new XElement("EntityRelationship", new XAttribute("Name", Attribute(r, "Name", "EntityRelationships"))))));
            // SolutionPackager files a one-to-many under the referenced (parent) table, a many-to-many under its first table.
            foreach (var group in relationships.GroupBy(r => Child(r, r.Element("ReferencedEntityName") is not null ? "ReferencedEntityName" : "FirstEntityName"), StringComparer.OrdinalIgnoreCase))
                WriteXml($"{SolutionLayout.RelationshipsFolder}/{SafeFileName(group.Key)}.xml", new XElement("EntityRelationships", group));
        }

        private void WriteWebResource(XElement resource)
        {
            var name = Child(resource, "Name");
            var contentFile = $"{SolutionLayout.WebResourcesFolder}/{name}";
            var partName = PackageParts.Normalize(Child(resource, "FileName"));
            if (!_parts.Contains(partName))
                throw new PackagingException($"{_options.ZipFile}: the web resource {name} names the part {partName}, which the package lacks.");
            _consumedParts.Add(partName);
            if (!_mapped.Contains(contentFile)) WriteBytes(contentFile, _parts[partName]);
            WriteXml(contentFile + SolutionLayout.DataFileSuffix, resource);
        }

        private void WritePluginAssembly(XElement assembly)
        {
            var partName = PackageParts.Normalize(Child(assembly, "FileName"));
            if (!_parts.Contains(partName))
                throw new PackagingException($"{_options.ZipFile}: the plugin assembly {Attribute(assembly, "FullName", "SolutionPluginAssemblies")} names the part {partName}, which the package lacks.");
            _consumedParts.Add(partName);
            if (!_mapped.Contains(partName)) WriteBytes(partName, _parts[partName]);
            WriteXml(partName + SolutionLayout.DataFileSuffix, assembly);
        }

        private string Child(XElement element, string name)
        {
            var value = element.Element(name)?.Value.Trim();
            if (string.IsNullOrEmpty(value))
                throw new PackagingException($"{_options.ZipFile}: customizations.xml {XmlPath.Of(element)} has no <{name}>; the package is incomplete.");
            return value;
        }

        private string Attribute(XElement element, string name, string where)
        {
            var value = ((string?)element.Attribute(name))?.Trim();
            if (string.IsNullOrEmpty(value))
                throw new PackagingException($"{_options.ZipFile}: an element <{element.Name.LocalName}> in {where} has no {name} attribute; the package is incomplete.");
            return value;
        }

        private static string BracedId(string text) =>
            Guid.TryParse(text, out var id) ? id.ToString("B") : throw new PackagingException($"'{text}' is not a GUID where a component id belongs.");

        private static string SafeFileName(string name)
        {
            var invalid = Path.GetInvalidFileNameChars().Concat(new[] { '/', '\\', ':', '*', '?', '"', '<', '>', '|' }).ToHashSet();
            return new string(name.Select(c => invalid.Contains(c) ? '_' : c).ToArray());
        }

        private void WriteXml(string relativeFile, XElement root, bool declareXsi = true)
        {
            var element = new XElement(root);
            if (declareXsi && element.Attribute(XNamespace.Xmlns + "xsi") is null)
                element.Add(new XAttribute(XNamespace.Xmlns + "xsi", XmlFormat.Xsi.NamespaceName));
            WriteBytes(relativeFile, XmlFormat.Write(element));
        }

        private void WriteBytes(string relativeFile, byte[] content)
        {
            var full = _layout.FullPath(relativeFile);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllBytes(full, content);
        }
    }
}
