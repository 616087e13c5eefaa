using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using CrmTeamSelling.Packager.Layout;

namespace CrmTeamSelling.Packager.Packing;

public enum PackageType { Unmanaged, Managed }

/// <summary>What to pack and how.</summary>
public sealed class PackOptions
{
    public required string LayoutFolder { get; init; }
    public PackageType PackageType { get; init; } = PackageType.Unmanaged;

    /// <summary>
    /// Build outputs mapped into the package instead of files in the layout: the key is the path
    /// relative to the layout root (PluginAssemblies/Name-GUID/Name.dll, WebResources/prefix_/x.js),
    /// the value the file to take. The plugin DLL and compiled web resources are never committed.
    /// </summary>
    public IReadOnlyDictionary<string, string> FileMap { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// Leave out content files that are neither in the layout nor mapped, instead of failing. For the
    /// check, which judges the XML of a source folder whose build outputs may not exist yet.
    /// </summary>
    public bool SkipMissingContent { get; init; }
}

/// <summary>
/// Packs a SolutionPackager layout into the parts of the zip Dataverse imports: solution.xml,
/// customizations.xml merged from the per-component files, the plugin assemblies and web
/// resource files, and the component folders exports carry as files (environment variables,
/// custom APIs).
/// </summary>
public static class SolutionPacker
{
    /// <summary>Layout folders whose files go into the package as they are, at the same path.</summary>
    public static readonly IReadOnlyList<string> PassThroughFolders = new[]
    {
        SolutionLayout.EnvironmentVariablesFolder, SolutionLayout.CustomApisFolder,
    };

    public static void PackToFile(PackOptions options, string zipFile) => Pack(options).WriteZip(zipFile);

    public static PackageParts Pack(PackOptions options)
    {
        var layout = new SolutionLayout(options.LayoutFolder);
        if (!File.Exists(layout.FullPath(SolutionLayout.SolutionFile)))
            throw new PackagingException($"{layout.Root}: no {SolutionLayout.SolutionFile}; pass the folder that holds the unpacked solution (Other/, Entities/, ...).");
        foreach (var mapped in options.FileMap)
            if (!File.Exists(mapped.Value))
                throw new PackagingException($"{mapped.Value}: the file mapped to {mapped.Key} does not exist; build it first (dotnet build) or fix the mapping.");
        var unknown = layout.Directories("").Select(d => d.Split('/')[0]).Where(d => !SolutionLayout.ComponentFolders.Contains(d)).ToList();
        if (unknown.Count > 0)
            throw new PackagingException($"{layout.Root}: this packer does not pack the component folder(s) {string.Join(", ", unknown)}; remove them or pack with the Power Platform CLI (pac solution pack).");

        var packer = new Packer(layout, options);
        return packer.Run();
    }

    private sealed class Packer
    {
        private readonly SolutionLayout _layout;
        private readonly PackOptions _options;
        private readonly PackageParts _parts = new();
        private readonly Dictionary<string, string> _map;

        public Packer(SolutionLayout layout, PackOptions options)
        {
            _layout = layout;
            _options = options;
            _map = options.FileMap.ToDictionary(p => PackageParts.Normalize(p.Key), p => p.Value, StringComparer.OrdinalIgnoreCase);
        }

        private bool Managed => _options.PackageType == PackageType.Managed;

        public PackageParts Run()
        {
            _parts.Add(PackageParts.SolutionPart, XmlFormat.Write(BuildSolution()));
            _parts.Add(PackageParts.CustomizationsPart, XmlFormat.Write(BuildCustomizations()));
            foreach (var folder in PassThroughFolders)
                foreach (var file in _layout.Files(folder, "*", recursive: true))
                    _parts.Add(file, ReadLayoutFile(file)!);
            return _parts;
        }

        private XElement Load(string relativeFile)
        {
            try
            {
                return XmlFormat.Load(_layout.FullPath(relativeFile)).Root!;
            }
            catch (XmlException e)
            {
                throw new PackagingException($"{relativeFile}({e.LineNumber}): not well-formed XML: {e.Message}");
            }
        }

        /// <summary>The file a layout path stands for: its mapping when there is one, else the file in the layout.</summary>
        private byte[]? ReadLayoutFile(string relativeFile)
        {
            if (_map.TryGetValue(relativeFile, out var mapped)) return File.ReadAllBytes(mapped);
            var full = _layout.FullPath(relativeFile);
            if (!File.Exists(full) && _options.SkipMissingContent) return null;
            if (!File.Exists(full))
                throw new PackagingException($"{relativeFile}: the file is missing from the layout and no mapping supplies it; build it and map it in (--map {relativeFile}=<built file>).");
            return File.ReadAllBytes(full);
        }

        private XElement BuildSolution()
        {
            var root = Load(SolutionLayout.SolutionFile);
            var managed = root.Element("SolutionManifest")?.Element("Managed")
                          ?? throw new PackagingException($"{SolutionLayout.SolutionFile}: <SolutionManifest><Managed> is missing.");
            managed.Value = Managed ? "1" : "0";
            return root;
        }

        private XElement BuildCustomizations()
        {
            var root = Load(SolutionLayout.CustomizationsFile);
            if (root.Name.LocalName != "ImportExportXml")
                throw new PackagingException($"{SolutionLayout.CustomizationsFile}: the root must be <ImportExportXml>, not <{root.Name.LocalName}>.");

            Fill(root, CustomizationsSections.Entities, _layout.EntityFolders()
                .OrderBy(f => f, StringComparer.OrdinalIgnoreCase)
                .Select(BuildEntity));
            Fill(root, CustomizationsSections.Roles, _layout.RoleFiles().Select(Load));
            Fill(root, CustomizationsSections.EntityRelationships, BuildRelationships());
            Fill(root, CustomizationsSections.OptionSets, _layout.OptionSetFiles().Select(Load));
            Fill(root, CustomizationsSections.WebResources, _layout.WebResourceFiles().Select(BuildWebResource));
            Fill(root, CustomizationsSections.PluginAssemblies, _layout.PluginAssemblyFiles().Select(BuildPluginAssembly));
            Fill(root, CustomizationsSections.Steps, _layout.StepFiles().Select(Load));
            Fill(root, CustomizationsSections.SiteMaps, _layout.SiteMapFiles().Select(f => Load(Variant(f))));
            Fill(root, CustomizationsSections.AppModules, _layout.AppModuleFiles().Select(f => Load(Variant(f))));
            return root;
        }

        /// <summary>The managed package takes a component's _managed.xml variant when SolutionPackager kept one.</summary>
        private string Variant(string relativeFile) => Managed ? _layout.ManagedVariantOrSelf(relativeFile) : relativeFile;

        private static void Fill(XElement root, string sectionName, IEnumerable<XElement> components)
        {
            var items = components.ToList();
            var existing = root.Element(sectionName);
            if (existing is not null && existing.HasElements)
                throw new PackagingException($"{SolutionLayout.CustomizationsFile}: <{sectionName}> must be an empty placeholder; its content belongs in the layout's component files.");
            if (items.Count == 0) return;
            var section = CustomizationsSections.Section(root, sectionName);
            section.Add(items.Select(StripNamespaceDeclarations));
        }

        /// <summary>Fragments lose the xmlns:xsi their file root declared; the package root declares it once.</summary>
        private static XElement StripNamespaceDeclarations(XElement element)
        {
            element.Attributes().Where(a => a.IsNamespaceDeclaration).Remove();
            return element;
        }

        private XElement BuildEntity(string folder)
        {
            var file = folder + "/" + SolutionLayout.EntityFileName;
            var entity = Load(file);

            var forms = _layout.FormFiles(folder);
            if (forms.Count > 0)
            {
                var formXml = Placeholder(entity, "FormXml", after: "EntityInfo", file);
                foreach (var group in forms.GroupBy(f => f.FormType).OrderBy(g => g.Key, StringComparer.Ordinal))
                {
                    formXml.Add(new XElement("forms", new XAttribute("type", group.Key),
                        group.OrderBy(f => f.File, StringComparer.OrdinalIgnoreCase)
                            .Select(f => SingleChild(Load(Variant(f.File)), "systemform", f.File))));
                }
            }
            var views = _layout.ViewFiles(folder);
            if (views.Count > 0)
            {
                var savedQueries = Placeholder(entity, "SavedQueries", after: "FormXml", file);
                savedQueries.Add(new XElement("savedqueries", views.Select(v => SingleChild(Load(v), "savedquery", v))));
            }
            var ribbonFile = folder + "/" + SolutionLayout.RibbonDiffFileName;
            if (_layout.Exists(ribbonFile))
            {
                var ribbon = Placeholder(entity, "RibbonDiffXml", after: "SavedQueries", file);
                ribbon.ReplaceWith(StripNamespaceDeclarations(Load(ribbonFile)));
            }
            var visualizations = _layout.VisualizationFiles(folder);
            if (visualizations.Count > 0)
            {
                var container = Placeholder(entity, "Visualizations", after: "SavedQueries", file);
                container.Add(new XElement("visualizations", visualizations.Select(v => SingleChild(Load(v), "visualization", v))));
            }
            return entity;
        }

        /// <summary>The empty placeholder element SolutionPackager leaves in Entity.xml, added when the file lacks it.</summary>
        private static XElement Placeholder(XElement entity, string name, string after, string file)
        {
            var placeholder = entity.Element(name);
            if (placeholder is null)
            {
                placeholder = new XElement(name);
                var anchor = entity.Element(after) ?? entity.Element("EntityInfo") ?? entity.Element("Name");
                if (anchor is null) entity.Add(placeholder);
                else anchor.AddAfterSelf(placeholder);
            }
            else if (placeholder.HasElements)
            {
                throw new PackagingException($"{file}: <{name}> must be an empty placeholder; SolutionPackager keeps its content in separate files.");
            }
            return placeholder;
        }

        private static XElement SingleChild(XElement root, string childName, string file)
        {
            var children = root.Elements(childName).ToList();
            if (children.Count != 1)
                throw new PackagingException($"{file}: expected exactly one <{childName}> under <{root.Name.LocalName}>, found {children.Count}.");
            return children[0];
        }

        private IEnumerable<XElement> BuildRelationships()
        {
            var definitions = new Dictionary<string, (XElement Element, string File)>(StringComparer.OrdinalIgnoreCase);
            foreach (var file in _layout.RelationshipFiles())
            {
                foreach (var relationship in Load(file).Elements("EntityRelationship"))
                {
                    var name = (string?)relationship.Attribute("Name")
                               ?? throw new PackagingException($"{file}: an <EntityRelationship> has no Name attribute.");
                    if (definitions.TryGetValue(name, out var other))
                        throw new PackagingException($"{file}: the relationship {name} is also defined in {other.File}; keep one definition.");
                    definitions[name] = (relationship, file);
                }
            }
            // Other/Relationships.xml lists the relationships in the order the package carries them.
            var order = _layout.Exists(SolutionLayout.RelationshipIndexFile)
                ? Load(SolutionLayout.RelationshipIndexFile).Elements("EntityRelationship").Select(e => (string?)e.Attribute("Name") ?? "").ToList()
                : definitions.Keys.OrderBy(k => k, StringComparer.OrdinalIgnoreCase).ToList();
            foreach (var name in order)
            {
                if (!definitions.Remove(name, out var definition))
                    throw new PackagingException($"{SolutionLayout.RelationshipIndexFile}: lists the relationship {name}, but no file in {SolutionLayout.RelationshipsFolder} defines it.");
                yield return definition.Element;
            }
            foreach (var left in definitions.OrderBy(d => d.Key, StringComparer.OrdinalIgnoreCase))
            {
                if (_layout.Exists(SolutionLayout.RelationshipIndexFile))
                    throw new PackagingException($"{left.Value.File}: defines the relationship {left.Key}, which {SolutionLayout.RelationshipIndexFile} does not list; add <EntityRelationship Name=\"{left.Key}\" /> there.");
                yield return left.Value.Element;
            }
        }

        private XElement BuildWebResource(string dataFile)
        {
            var resource = Load(dataFile);
            var contentFile = dataFile[..^SolutionLayout.DataFileSuffix.Length];
            var idText = resource.Element("WebResourceId")?.Value;
            var name = resource.Element("Name")?.Value;
            if (!Guid.TryParse(idText, out var id) || string.IsNullOrEmpty(name))
                throw new PackagingException($"{dataFile}: a web resource needs <WebResourceId> (a GUID) and <Name>.");
            var fileName = resource.Element("FileName");
            if (fileName is null)
            {
                fileName = new XElement("FileName", "/WebResources/" + WebResourcePartName(name, id));
                resource.Add(fileName);
            }
            AddContent(fileName.Value, contentFile);
            return resource;
        }

        private XElement BuildPluginAssembly(string dataFile)
        {
            var assembly = Load(dataFile);
            var assemblyFile = dataFile[..^SolutionLayout.DataFileSuffix.Length];
            var fileName = assembly.Element("FileName")?.Value;
            if (string.IsNullOrEmpty(fileName))
                throw new PackagingException($"{dataFile}: <FileName> is missing; write /{assemblyFile}.");
            AddContent(fileName, assemblyFile);
            return assembly;
        }

        private void AddContent(string partName, string layoutFile)
        {
            var content = ReadLayoutFile(layoutFile);
            if (content is not null) _parts.Add(partName, content);
        }
    }

    /// <summary>
    /// The part name Dataverse gives a web resource's content: the name without the characters a
    /// file name cannot carry, followed by the id in upper case ("prefix_/js/a.js" to "prefix_jsajs" + ID).
    /// </summary>
    public static string WebResourcePartName(string name, Guid id)
    {
        var kept = new StringBuilder();
        foreach (var c in name)
            if (char.IsAsciiLetterOrDigit(c) || c is '_' or '-') kept.Append(c);
        return kept + id.ToString("D", CultureInfo.InvariantCulture).ToUpperInvariant();
    }
}
