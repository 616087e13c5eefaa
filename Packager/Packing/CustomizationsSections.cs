using System;
using System.Collections.Generic;
using System.Linq;
using System.Xml.Linq;

namespace CrmTeamSelling.Packager.Packing;

/// <summary>
/// The top-level sections of customizations.xml in the order Dataverse exports them (and the old
/// CustomizationsSolution.xsd declares them), and which of them SolutionPackager splits into
/// folders. Sections not split stay in Other/Customizations.xml as they are.
/// </summary>
internal static class CustomizationsSections
{
    public const string Entities = "Entities";
    public const string Roles = "Roles";
    public const string EntityRelationships = "EntityRelationships";
    public const string OptionSets = "optionsets";
    public const string WebResources = "WebResources";
    public const string PluginAssemblies = "SolutionPluginAssemblies";
    public const string Steps = "SdkMessageProcessingSteps";
    public const string SiteMaps = "AppModuleSiteMaps";
    public const string AppModules = "AppModules";
    public const string Languages = "Languages";

    /// <summary>Dataverse's order; a section a layout lacks is inserted at its place here.</summary>
    public static readonly IReadOnlyList<string> Order = new[]
    {
        Entities, Roles, "Workflows", "FieldSecurityProfiles", "Templates", "EntityImageConfigs", "AttributeImageConfigs",
        "EntityMaps", EntityRelationships, "OrganizationSettings", OptionSets, "Dashboards", WebResources, "CustomControls",
        PluginAssemblies, Steps, "ServiceEndpoints", SiteMaps, AppModules, "EntityDataProviders", "EntityDataSources",
        "CanvasApps", "Connectors", Languages,
    };

    /// <summary>The sections whose content lives in layout folders and is left as an empty placeholder in Other/Customizations.xml.</summary>
    public static readonly IReadOnlySet<string> Split = new HashSet<string>(StringComparer.Ordinal)
    {
        Entities, Roles, EntityRelationships, OptionSets, WebResources, PluginAssemblies, Steps, SiteMaps, AppModules,
    };

    /// <summary>The section element under the root, created at its place in <see cref="Order"/> when absent.</summary>
    public static XElement Section(XElement root, string name)
    {
        var existing = root.Element(name);
        if (existing is not null) return existing;
        var section = new XElement(name);
        var rank = Rank(name);
        var after = root.Elements().LastOrDefault(e => Rank(e.Name.LocalName) < rank);
        if (after is null) root.AddFirst(section);
        else after.AddAfterSelf(section);
        return section;
    }

    private static int Rank(string name)
    {
        var index = Order.ToList().IndexOf(name);
        // Sections this list does not know keep their place before Languages.
        return index < 0 ? Order.Count - 1 : index;
    }
}
