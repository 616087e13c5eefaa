using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace CrmTeamSelling.Packager.Layout;

/// <summary>
/// Where things live in the folder layout SolutionPackager (<c>pac solution unpack</c>) writes.
/// The reader, the packer and the unpacker all ask this class, so the layout is described once.
/// Paths handed out are relative to the layout root and use '/' separators.
/// </summary>
public sealed class SolutionLayout
{
    public const string SolutionFile = "Other/Solution.xml";
    public const string CustomizationsFile = "Other/Customizations.xml";
    public const string RelationshipIndexFile = "Other/Relationships.xml";
    public const string RelationshipsFolder = "Other/Relationships";
    public const string EntitiesFolder = "Entities";
    public const string EntityFileName = "Entity.xml";
    public const string RibbonDiffFileName = "RibbonDiff.xml";
    public const string FormsFolderName = "FormXml";
    public const string ViewsFolderName = "SavedQueries";
    public const string VisualizationsFolderName = "Visualizations";
    public const string OptionSetsFolder = "OptionSets";
    public const string PluginAssembliesFolder = "PluginAssemblies";
    public const string StepsFolder = "SdkMessageProcessingSteps";
    public const string WebResourcesFolder = "WebResources";
    public const string RolesFolder = "Roles";
    public const string AppModulesFolder = "AppModules";
    public const string AppModuleSiteMapsFolder = "AppModuleSiteMaps";
    public const string EnvironmentVariablesFolder = "environmentvariabledefinitions";
    public const string EnvironmentVariableFileName = "environmentvariabledefinition.xml";
    public const string EnvironmentVariableValuesFileName = "environmentvariablevalues.json";
    public const string CustomApisFolder = "customapis";
    public const string CustomApiFileName = "customapi.xml";
    public const string CustomApiRequestParametersFolder = "customapirequestparameters";
    public const string CustomApiRequestParameterFileName = "customapirequestparameter.xml";
    public const string CustomApiResponsePropertiesFolder = "customapiresponseproperties";
    public const string CustomApiResponsePropertyFileName = "customapiresponseproperty.xml";
    public const string DataFileSuffix = ".data.xml";
    /// <summary>SolutionPackager keeps a managed variant beside a file as name_managed.xml when the two differ.</summary>
    public const string ManagedSuffix = "_managed";

    /// <summary>The top-level folders this layout reader, packer and unpacker understand.</summary>
    public static readonly IReadOnlySet<string> ComponentFolders = new HashSet<string>(StringComparer.Ordinal)
    {
        "Other", EntitiesFolder, OptionSetsFolder, PluginAssembliesFolder, StepsFolder, WebResourcesFolder, RolesFolder,
        AppModulesFolder, AppModuleSiteMapsFolder, EnvironmentVariablesFolder, CustomApisFolder,
    };

    public SolutionLayout(string root)
    {
        Root = Path.GetFullPath(root);
    }

    public string Root { get; }

    public string FullPath(string relativePath) => Path.Combine(Root, relativePath.Replace('/', Path.DirectorySeparatorChar));

    public bool Exists(string relativePath) => File.Exists(FullPath(relativePath));

    public string Relative(string fullPath) => Path.GetRelativePath(Root, fullPath).Replace(Path.DirectorySeparatorChar, '/');

    /// <summary>Entity folders (Entities/&lt;SchemaName&gt;), in ordinal order of their names.</summary>
    public IReadOnlyList<string> EntityFolders() => Directories(EntitiesFolder);

    /// <summary>Form files of one entity folder: FormXml/&lt;form type&gt;/{id}.xml, unmanaged variants only.</summary>
    public IReadOnlyList<(string FormType, string File)> FormFiles(string entityFolder)
    {
        var forms = new List<(string, string)>();
        foreach (var typeFolder in Directories($"{entityFolder}/{FormsFolderName}"))
        {
            var formType = typeFolder[(typeFolder.LastIndexOf('/') + 1)..];
            forms.AddRange(Files(typeFolder, "*.xml").Where(f => !IsManagedVariant(f)).Select(f => (formType, f)));
        }
        return forms;
    }

    public IReadOnlyList<string> ViewFiles(string entityFolder) =>
        Files($"{entityFolder}/{ViewsFolderName}", "*.xml").Where(f => !IsManagedVariant(f)).ToList();

    public IReadOnlyList<string> VisualizationFiles(string entityFolder) =>
        Files($"{entityFolder}/{VisualizationsFolderName}", "*.xml").Where(f => !IsManagedVariant(f)).ToList();

    public IReadOnlyList<string> RelationshipFiles() => Files(RelationshipsFolder, "*.xml");

    public IReadOnlyList<string> OptionSetFiles() => Files(OptionSetsFolder, "*.xml");

    /// <summary>PluginAssemblies/&lt;Name-GUID&gt;/&lt;Name&gt;.dll.data.xml.</summary>
    public IReadOnlyList<string> PluginAssemblyFiles() =>
        Directories(PluginAssembliesFolder).SelectMany(d => Files(d, "*" + DataFileSuffix)).ToList();

    public IReadOnlyList<string> StepFiles() => Files(StepsFolder, "*.xml");

    /// <summary>Every WebResources/**/*.data.xml; the content file is the same path without ".data.xml".</summary>
    public IReadOnlyList<string> WebResourceFiles() => Files(WebResourcesFolder, "*" + DataFileSuffix, recursive: true);

    public IReadOnlyList<string> RoleFiles() => Files(RolesFolder, "*.xml");

    public IReadOnlyList<string> AppModuleFiles() =>
        Directories(AppModulesFolder).Select(d => d + "/AppModule.xml").Where(Exists).ToList();

    public IReadOnlyList<string> SiteMapFiles() =>
        Directories(AppModuleSiteMapsFolder).Select(d => d + "/AppModuleSiteMap.xml").Where(Exists).ToList();

    public IReadOnlyList<string> EnvironmentVariableFolders() => Directories(EnvironmentVariablesFolder);

    public IReadOnlyList<string> CustomApiFolders() => Directories(CustomApisFolder);

    /// <summary>The managed variant of a file (x_managed.xml) when one exists, else the file itself.</summary>
    public string ManagedVariantOrSelf(string relativeFile)
    {
        var managed = ManagedVariantName(relativeFile);
        return Exists(managed) ? managed : relativeFile;
    }

    public static string ManagedVariantName(string relativeFile)
    {
        var extension = Path.GetExtension(relativeFile);
        return relativeFile[..^extension.Length] + ManagedSuffix + extension;
    }

    public static bool IsManagedVariant(string relativeFile) =>
        Path.GetFileNameWithoutExtension(relativeFile).EndsWith(ManagedSuffix, StringComparison.OrdinalIgnoreCase);

    /// <summary>Every file under the root, relative, in ordinal order (used to copy pass-through components).</summary>
    public IReadOnlyList<string> AllFiles() => Files("", "*", recursive: true);

    public IReadOnlyList<string> Directories(string relativeFolder)
    {
        var full = FullPath(relativeFolder);
        if (!Directory.Exists(full)) return Array.Empty<string>();
        return Directory.GetDirectories(full).Select(Relative).OrderBy(p => p, StringComparer.Ordinal).ToList();
    }

    public IReadOnlyList<string> Files(string relativeFolder, string pattern, bool recursive = false)
    {
        var full = relativeFolder.Length == 0 ? Root : FullPath(relativeFolder);
        if (!Directory.Exists(full)) return Array.Empty<string>();
        return Directory.GetFiles(full, pattern, recursive ? SearchOption.AllDirectories : SearchOption.TopDirectoryOnly)
            .Select(Relative).OrderBy(p => p, StringComparer.Ordinal).ToList();
    }
}
