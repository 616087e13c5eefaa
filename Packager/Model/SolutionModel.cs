using System;
using System.Collections.Generic;

namespace CrmTeamSelling.Packager.Model;

// The one model of a solution in SolutionPackager layout. SolutionLayoutReader fills it from
// Solution/src (or any unpacked export); the check, the packer and the Emulator read it.
// Logical names are lower case as Dataverse stores them; SourceFile says where each part came
// from so that errors can name the file.

public sealed class SolutionModel
{
    public required SolutionManifest Manifest { get; init; }
    public IReadOnlyList<TableModel> Tables { get; init; } = Array.Empty<TableModel>();
    public IReadOnlyList<OptionSetModel> GlobalOptionSets { get; init; } = Array.Empty<OptionSetModel>();
    public IReadOnlyList<RelationshipModel> Relationships { get; init; } = Array.Empty<RelationshipModel>();
    public IReadOnlyList<PluginAssemblyModel> PluginAssemblies { get; init; } = Array.Empty<PluginAssemblyModel>();
    public IReadOnlyList<PluginStepModel> Steps { get; init; } = Array.Empty<PluginStepModel>();
    public IReadOnlyList<WebResourceModel> WebResources { get; init; } = Array.Empty<WebResourceModel>();
    public IReadOnlyList<SecurityRoleModel> Roles { get; init; } = Array.Empty<SecurityRoleModel>();
    public IReadOnlyList<EnvironmentVariableModel> EnvironmentVariables { get; init; } = Array.Empty<EnvironmentVariableModel>();
    public IReadOnlyList<CustomApiModel> CustomApis { get; init; } = Array.Empty<CustomApiModel>();
    public IReadOnlyList<AppModuleModel> AppModules { get; init; } = Array.Empty<AppModuleModel>();
}

public sealed class SolutionManifest
{
    public required string UniqueName { get; init; }
    public string? DisplayName { get; init; }
    public required string Version { get; init; }
    public bool Managed { get; init; }
    /// <summary>The Managed element as written: 0 unmanaged, 1 managed, 2 a layout unpacked from both (SolutionPackager /packagetype:Both).</summary>
    public int ManagedCode { get; init; }
    public string? Description { get; init; }
    public required PublisherModel Publisher { get; init; }
    /// <summary>RootComponent type codes (1 entity, 9 option set, 61 web resource, 91 plugin assembly, ...) with schema name or id.</summary>
    public IReadOnlyList<RootComponentModel> RootComponents { get; init; } = Array.Empty<RootComponentModel>();
    /// <summary>Tables the solution needs from the target org (MissingDependencies / declared dependencies).</summary>
    public IReadOnlyList<string> RequiredTables { get; init; } = Array.Empty<string>();
    /// <summary>Every component the solution declares it needs from the target org (MissingDependency/Required).</summary>
    public IReadOnlyList<RequiredComponentModel> MissingDependencies { get; init; } = Array.Empty<RequiredComponentModel>();
    public string SourceFile { get; init; } = "";
}

public sealed class PublisherModel
{
    public required string UniqueName { get; init; }
    public string? DisplayName { get; init; }
    public required string CustomizationPrefix { get; init; }
    public int CustomizationOptionValuePrefix { get; init; }
}

/// <summary>A component the solution needs from the target org, as a MissingDependency's Required element names it.</summary>
public sealed class RequiredComponentModel
{
    /// <summary>The component type as written: a number (1 table, 60 form, 90 plugin type ...) or a name (CustomAPI, SettingDefinition ...).</summary>
    public required string Type { get; init; }
    public string? SchemaName { get; init; }
    public Guid? Id { get; init; }
    public string? DisplayName { get; init; }
    /// <summary>The solution that provides it, such as "msdynce_Sales (9.0.1.0)".</summary>
    public string? Solution { get; init; }
}

public sealed class RootComponentModel
{
    public int Type { get; init; }
    public string? SchemaName { get; init; }
    public Guid? Id { get; init; }
    public int Behavior { get; init; }
}

public enum OwnershipType { None, UserOwned, OrganizationOwned }

public sealed class TableModel
{
    public required string LogicalName { get; init; }
    public string? SchemaName { get; init; }
    public string? DisplayName { get; init; }
    public string? DisplayCollectionName { get; init; }
    public string? Description { get; init; }
    public OwnershipType Ownership { get; init; } = OwnershipType.UserOwned;
    public required string PrimaryIdAttribute { get; init; }
    public string? PrimaryNameAttribute { get; init; }
    public bool IsCustom { get; init; }
    public bool IsActivity { get; init; }
    /// <summary>
    /// True when the layout carries the table's whole definition (EntityInfo with its primary key).
    /// False for a standard table the solution only extends (forms, views, a few added columns, which
    /// are in <see cref="Columns"/>); its other metadata comes from the org.
    /// </summary>
    public bool HasDefinition { get; init; } = true;
    public string? EntitySetName { get; init; }
    public IReadOnlyList<ColumnModel> Columns { get; init; } = Array.Empty<ColumnModel>();
    public IReadOnlyList<AlternateKeyModel> Keys { get; init; } = Array.Empty<AlternateKeyModel>();
    public IReadOnlyList<FormModel> Forms { get; init; } = Array.Empty<FormModel>();
    public IReadOnlyList<ViewModel> Views { get; init; } = Array.Empty<ViewModel>();
    public string SourceFile { get; init; } = "";
}

public enum RequiredLevel { None, Recommended, ApplicationRequired, SystemRequired }

public sealed class ColumnModel
{
    public required string LogicalName { get; init; }
    public string? SchemaName { get; init; }
    public string? DisplayName { get; init; }
    public string? Description { get; init; }
    /// <summary>The Type element of Entity.xml as written: nvarchar, ntext, int, decimal, float, money, bit, datetime, picklist, multiselectpicklist, lookup, customer, owner, primarykey, state, status, uniqueidentifier, image, file ...</summary>
    public required string Type { get; init; }
    public RequiredLevel RequiredLevel { get; init; }
    public int? MaxLength { get; init; }
    public decimal? MinValue { get; init; }
    public decimal? MaxValue { get; init; }
    public int? Precision { get; init; }
    /// <summary>
    /// The Format element as written: for datetime columns "date" or "datetime" (how forms show the value;
    /// it does not decide how the value is stored, <see cref="DateTimeBehavior"/> does), for text columns
    /// "text", "textarea", "email", "url" ...
    /// </summary>
    public string? Format { get; init; }
    /// <summary>For datetime columns: the Behavior element (1 user local, 2 date only, 3 time-zone independent); null when the file has none.</summary>
    public DateTimeBehavior? DateTimeBehavior { get; init; }
    /// <summary>For picklist/state/status/bit columns: the local choices, or null when the column uses a global choice.</summary>
    public OptionSetModel? OptionSet { get; init; }
    /// <summary>For columns bound to a global choice: its name.</summary>
    public string? GlobalOptionSetName { get; init; }
    /// <summary>For lookup/customer/owner columns: the tables it may point to (from the relationships).</summary>
    public IReadOnlyList<string> LookupTargets { get; init; } = Array.Empty<string>();
    public bool IsCustom { get; init; }
    public bool IsPrimaryName { get; init; }
}

/// <summary>How Dataverse stores and converts a datetime column's values, with the numbers exports write in &lt;Behavior&gt;.</summary>
public enum DateTimeBehavior
{
    /// <summary>Stored in UTC and shown in each user's time zone (the default).</summary>
    UserLocal = 1,
    /// <summary>A calendar date: stored at midnight, never converted between time zones.</summary>
    DateOnly = 2,
    /// <summary>A date and time stored and returned as entered, never converted between time zones.</summary>
    TimeZoneIndependent = 3,
}

public sealed class OptionSetModel
{
    public required string Name { get; init; }
    public bool IsGlobal { get; init; }
    /// <summary>picklist, state, status, bit, multiselectpicklist.</summary>
    public string OptionSetType { get; init; } = "picklist";
    public IReadOnlyList<OptionModel> Options { get; init; } = Array.Empty<OptionModel>();
    public string? DisplayName { get; init; }
    public string SourceFile { get; init; } = "";
}

public sealed class OptionModel
{
    public int Value { get; init; }
    public required string Label { get; init; }
    /// <summary>For status options: the state value they belong to.</summary>
    public int? State { get; init; }
}

public sealed class AlternateKeyModel
{
    public required string LogicalName { get; init; }
    public string? DisplayName { get; init; }
    public IReadOnlyList<string> Columns { get; init; } = Array.Empty<string>();
}

public enum RelationshipType { OneToMany, ManyToMany }

public sealed class RelationshipModel
{
    public required string SchemaName { get; init; }
    public RelationshipType Type { get; init; }
    // One-to-many: ReferencedEntity (the parent, "one") <- ReferencingEntity.ReferencingAttribute.
    public string? ReferencedEntity { get; init; }
    public string? ReferencedAttribute { get; init; }
    public string? ReferencingEntity { get; init; }
    public string? ReferencingAttribute { get; init; }
    /// <summary>Cascade behaviours as written: Cascade, Active, UserOwned, NoCascade, RemoveLink, Restrict.</summary>
    public CascadeModel Cascade { get; init; } = new();
    // Many-to-many.
    public string? Entity1 { get; init; }
    public string? Entity2 { get; init; }
    public string? IntersectEntity { get; init; }
    public string? Entity1IntersectAttribute { get; init; }
    public string? Entity2IntersectAttribute { get; init; }
    public string SourceFile { get; init; } = "";
}

public sealed class CascadeModel
{
    public string Assign { get; init; } = "NoCascade";
    public string Delete { get; init; } = "RemoveLink";
    public string Reparent { get; init; } = "NoCascade";
    public string Share { get; init; } = "NoCascade";
    public string Unshare { get; init; } = "NoCascade";
    public string Merge { get; init; } = "NoCascade";

    public bool IsParental => Assign == "Cascade" && Delete == "Cascade" && Share == "Cascade" && Unshare == "Cascade" && Reparent == "Cascade";
}

public sealed class FormModel
{
    public Guid Id { get; init; }
    public string? Name { get; init; }
    /// <summary>main, quick (quick create), quickViewForm, card ...</summary>
    public required string FormType { get; init; }
    /// <summary>Column logical names bound by controls (datafieldname).</summary>
    public IReadOnlyList<string> Fields { get; init; } = Array.Empty<string>();
    /// <summary>Web resource names the form uses as controls or as script libraries.</summary>
    public IReadOnlyList<string> WebResources { get; init; } = Array.Empty<string>();
    /// <summary>Subgrids: the table each shows and the relationship it uses.</summary>
    public IReadOnlyList<SubgridModel> Subgrids { get; init; } = Array.Empty<SubgridModel>();
    public string SourceFile { get; init; } = "";
}

public sealed class SubgridModel
{
    public required string Name { get; init; }
    public string? TargetEntity { get; init; }
    public string? RelationshipName { get; init; }
    public Guid? ViewId { get; init; }
}

public sealed class ViewModel
{
    public Guid Id { get; init; }
    public required string Name { get; init; }
    public bool IsDefault { get; init; }
    public int QueryType { get; init; }
    /// <summary>Columns the view's layout shows.</summary>
    public IReadOnlyList<string> LayoutColumns { get; init; } = Array.Empty<string>();
    public string? FetchXml { get; init; }
    public string SourceFile { get; init; } = "";
}

public sealed class PluginAssemblyModel
{
    public Guid Id { get; init; }
    /// <summary>The assembly's full name (name, version, culture, public key token).</summary>
    public required string FullName { get; init; }
    /// <summary>Where the assembly file sits in the layout (it may be mapped in at pack time).</summary>
    public string? FileName { get; init; }
    public int IsolationMode { get; init; } = 2;
    public int SourceType { get; init; }
    public IReadOnlyList<PluginTypeModel> PluginTypes { get; init; } = Array.Empty<PluginTypeModel>();
    public string SourceFile { get; init; } = "";
}

public sealed class PluginTypeModel
{
    public Guid Id { get; init; }
    /// <summary>The type's full name, as the assembly defines it.</summary>
    public required string TypeName { get; init; }
    public string? FriendlyName { get; init; }
    public string? Name { get; init; }
}

public sealed class PluginStepModel
{
    public Guid Id { get; init; }
    public required string Name { get; init; }
    public string? Description { get; init; }
    /// <summary>The SDK message name: Create, Update, Delete, Associate, tsell_AcknowledgeDealSolution ...</summary>
    public required string Message { get; init; }
    /// <summary>The table logical name, or null for a message with no primary entity.</summary>
    public string? PrimaryEntity { get; init; }
    /// <summary>10 pre-validation, 20 pre-operation, 40 post-operation.</summary>
    public int Stage { get; init; }
    /// <summary>0 synchronous, 1 asynchronous.</summary>
    public int Mode { get; init; }
    public int Rank { get; init; } = 1;
    public IReadOnlyList<string> FilteringAttributes { get; init; } = Array.Empty<string>();
    public required string PluginTypeName { get; init; }
    public Guid PluginTypeId { get; init; }
    /// <summary>The SdkMessageId the step file names (the message's id in every org for platform messages).</summary>
    public Guid? SdkMessageId { get; init; }
    /// <summary>The assembly part of the step's PluginTypeName ("CrmTeamSelling.Plugins, Version=..., PublicKeyToken=...").</summary>
    public string? PluginAssemblyName { get; init; }
    public string? Configuration { get; init; }
    public bool AsyncAutoDelete { get; init; }
    /// <summary>0 server, 1 offline, 2 both.</summary>
    public int SupportedDeployment { get; init; }
    public Guid? ImpersonatingUserId { get; init; }
    public IReadOnlyList<PluginStepImageModel> Images { get; init; } = Array.Empty<PluginStepImageModel>();
    public string SourceFile { get; init; } = "";
}

public sealed class PluginStepImageModel
{
    public Guid Id { get; init; }
    public required string Name { get; init; }
    public required string EntityAlias { get; init; }
    /// <summary>0 pre-image, 1 post-image, 2 both.</summary>
    public int ImageType { get; init; }
    /// <summary>Empty means all columns.</summary>
    public IReadOnlyList<string> Attributes { get; init; } = Array.Empty<string>();
    /// <summary>Target for Create/Update/Delete; Id for Create's post image.</summary>
    public string MessagePropertyName { get; init; } = "Target";
}

public sealed class WebResourceModel
{
    public Guid Id { get; init; }
    public required string Name { get; init; }
    public string? DisplayName { get; init; }
    /// <summary>1 HTML, 2 CSS, 3 JScript, 4 XML, 5 PNG, 6 JPG, 7 GIF, 8 XAP, 9 XSL, 10 ICO, 11 SVG, 12 RESX.</summary>
    public int WebResourceType { get; init; }
    /// <summary>The content file's path in the layout, relative to the layout root.</summary>
    public string? FileName { get; init; }
    /// <summary>The FileName element: where the content sits inside the packed zip (/WebResources/name+GUID).</summary>
    public string? PackageFileName { get; init; }
    public string SourceFile { get; init; } = "";
}

public sealed class SecurityRoleModel
{
    public Guid Id { get; init; }
    public required string Name { get; init; }
    public IReadOnlyList<RolePrivilegeModel> Privileges { get; init; } = Array.Empty<RolePrivilegeModel>();
    public string SourceFile { get; init; } = "";
}

public sealed class RolePrivilegeModel
{
    /// <summary>prvCreatetsell_dealteammember, prvReadOpportunity ...</summary>
    public required string Name { get; init; }
    /// <summary>Basic (user), Local (business unit), Deep (parent: child BUs), Global (organisation).</summary>
    public required string Level { get; init; }
}

public sealed class EnvironmentVariableModel
{
    public required string SchemaName { get; init; }
    public string? DisplayName { get; init; }
    public string? Description { get; init; }
    /// <summary>100000000 String, 100000001 Number, 100000002 Boolean, 100000003 JSON, 100000004 Data source, 100000005 Secret.</summary>
    public int Type { get; init; } = 100000000;
    public string? DefaultValue { get; init; }
    /// <summary>The environment variable value shipped with the solution, if any.</summary>
    public string? CurrentValue { get; init; }
    public string SourceFile { get; init; } = "";
}

public sealed class CustomApiModel
{
    public required string UniqueName { get; init; }
    public string? DisplayName { get; init; }
    public string? Description { get; init; }
    /// <summary>0 Global, 1 Entity, 2 EntityCollection.</summary>
    public int BindingType { get; init; }
    public string? BoundEntityLogicalName { get; init; }
    public bool IsFunction { get; init; }
    public bool IsPrivate { get; init; }
    /// <summary>0 none, 1 async only, 2 sync and async.</summary>
    public int AllowedCustomProcessingStepType { get; init; }
    public string? ExecutePrivilegeName { get; init; }
    /// <summary>The plugin type that implements the main operation.</summary>
    public string? PluginTypeName { get; init; }
    /// <summary>The plugintypeexportkey: the id of the plugin type that implements the main operation.</summary>
    public Guid? PluginTypeId { get; init; }
    public IReadOnlyList<CustomApiParameterModel> RequestParameters { get; init; } = Array.Empty<CustomApiParameterModel>();
    public IReadOnlyList<CustomApiParameterModel> ResponseProperties { get; init; } = Array.Empty<CustomApiParameterModel>();
    public string SourceFile { get; init; } = "";
}

public sealed class CustomApiParameterModel
{
    public required string UniqueName { get; init; }
    public string? DisplayName { get; init; }
    /// <summary>0 Boolean, 1 DateTime, 2 Decimal, 3 Entity, 4 EntityCollection, 5 EntityReference, 6 Float, 7 Integer, 8 Money, 9 Picklist, 10 String, 11 StringArray, 12 Guid.</summary>
    public int Type { get; init; }
    public bool IsOptional { get; init; }
    public string? LogicalEntityName { get; init; }
}

public sealed class AppModuleModel
{
    public required string UniqueName { get; init; }
    public string? DisplayName { get; init; }
    public IReadOnlyList<string> Tables { get; init; } = Array.Empty<string>();
    /// <summary>The app's forms and dashboards (component type 60), views (26) and security roles, by id.</summary>
    public IReadOnlyList<Guid> FormIds { get; init; } = Array.Empty<Guid>();
    public IReadOnlyList<Guid> ViewIds { get; init; } = Array.Empty<Guid>();
    public IReadOnlyList<Guid> RoleIds { get; init; } = Array.Empty<Guid>();
    /// <summary>The site map (component type 62) the app uses.</summary>
    public string? SiteMapName { get; init; }
    public string SourceFile { get; init; } = "";
}
