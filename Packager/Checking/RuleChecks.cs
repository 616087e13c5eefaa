using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml;
using System.Xml.Linq;
using CrmTeamSelling.Packager.Layout;
using CrmTeamSelling.Packager.Model;

namespace CrmTeamSelling.Packager.Checking;

/// <summary>
/// The checks that need the whole solution at once: references that must resolve, the publisher's
/// prefixes, and the plugin assembly against its registrations. Tables the layout only extends
/// (standard tables without their definition) cannot have their columns checked here; the report
/// notes which.
/// </summary>
internal sealed class RuleChecks
{
    private readonly SolutionModel _model;
    private readonly CheckReport _report;
    private readonly Func<string, byte[]?> _readLayoutFile;
    private readonly string _prefix;
    private readonly Dictionary<string, TableModel> _tables;
    private readonly HashSet<string> _tablesWithUnknownColumns = new(StringComparer.Ordinal);

    public RuleChecks(SolutionModel model, CheckReport report, Func<string, byte[]?> readLayoutFile)
    {
        _model = model;
        _report = report;
        _readLayoutFile = readLayoutFile;
        _prefix = model.Manifest.Publisher.CustomizationPrefix.ToLowerInvariant() + "_";
        _tables = model.Tables.GroupBy(t => t.LogicalName).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
    }

    public void Run()
    {
        CheckPrefixes();
        CheckChoiceValues();
        CheckPluginRegistrations();
        CheckSteps();
        CheckForms();
        CheckViews();
        CheckRootComponents();
        CheckUniqueIds();
        CheckAppModules();
        CheckCustomApis();
        CheckParentalRelationships();
        if (_tablesWithUnknownColumns.Count > 0)
            _report.Notes.Add($"columns of {string.Join(", ", _tablesWithUnknownColumns.OrderBy(t => t, StringComparer.Ordinal))} were not checked: the layout does not carry those tables' definitions (they come from the org).");
    }

    private void Error(string file, string? element, string message) => _report.Errors.Add(new LayoutProblem(file, element, null, message));

    private bool HasPrefix(string name) => name.StartsWith(_prefix, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// A table the solution creates: its definition is in the layout and its primary name column
    /// is a custom field (a standard table included with its definition has a system primary name).
    /// </summary>
    private static bool IsCreatedBySolution(TableModel table) =>
        table.HasDefinition && table.Columns.Any(c => c.IsPrimaryName && c.IsCustom);

    // ---- One parent per table ------------------------------------------------------------------

    /// <summary>
    /// Dataverse gives a table at most one relationship that cascades any action (a parental one):
    /// import refuses a second with "An entity can have only one parental relationship".
    /// </summary>
    private void CheckParentalRelationships()
    {
        static bool Cascades(CascadeModel c) =>
            new[] { c.Assign, c.Delete, c.Reparent, c.Share, c.Unshare }.Any(behaviour => string.Equals(behaviour, "Cascade", StringComparison.OrdinalIgnoreCase));

        var cascading = _model.Relationships
            .Where(r => r.Type == RelationshipType.OneToMany && r.ReferencingEntity != null && Cascades(r.Cascade))
            .GroupBy(r => r.ReferencingEntity!, StringComparer.OrdinalIgnoreCase);
        foreach (var child in cascading.Where(g => g.Count() > 1))
        {
            var names = child.Select(r => r.SchemaName).OrderBy(n => n, StringComparer.Ordinal).ToList();
            foreach (var relationship in child.Where(r => r.SchemaName != names[0]))
            {
                Error(relationship.SourceFile, $"/EntityRelationships/EntityRelationship[@Name='{relationship.SchemaName}']",
                    $"{child.Key} would have more than one parental relationship ({string.Join(", ", names)}): a table may have only one relationship that cascades any action. Set this one's Cascade behaviours to NoCascade (Delete: RemoveLink or Restrict).");
            }
        }
    }

    // ---- Publisher prefix -----------------------------------------------------------------------

    private void CheckPrefixes()
    {
        foreach (var table in _model.Tables)
        {
            if (IsCreatedBySolution(table) && !HasPrefix(table.LogicalName))
                Error(table.SourceFile, "/Entity/Name", $"the table {table.LogicalName} does not carry the publisher prefix '{_prefix}'; name it {_prefix}{Unprefixed(table.LogicalName)}.");
            foreach (var column in table.Columns.Where(c => c.IsCustom && !HasPrefix(c.LogicalName)))
                Error(table.SourceFile, $"/Entity/EntityInfo/entity/attributes/attribute[@PhysicalName='{column.SchemaName}']",
                    $"the column {table.LogicalName}.{column.LogicalName} does not carry the publisher prefix '{_prefix}'; name it {_prefix}{Unprefixed(column.LogicalName)}.");
            foreach (var key in table.Keys.Where(k => !HasPrefix(k.LogicalName)))
                Error(table.SourceFile, $"/Entity/EntityInfo/entity/EntityKeys/EntityKey[{key.LogicalName}]",
                    $"the alternate key {key.LogicalName} does not carry the publisher prefix '{_prefix}'.");
        }
        foreach (var optionSet in _model.GlobalOptionSets.Where(o => !HasPrefix(o.Name)))
            Error(optionSet.SourceFile, "/optionset/@Name", $"the global choice {optionSet.Name} does not carry the publisher prefix '{_prefix}'.");
        foreach (var resource in _model.WebResources.Where(w => !HasPrefix(w.Name)))
            Error(resource.SourceFile, "/WebResource/Name", $"the web resource {resource.Name} does not carry the publisher prefix '{_prefix}'; name it {_prefix}/...");
        var customColumns = _model.Tables.SelectMany(t => t.Columns.Where(c => c.IsCustom).Select(c => (t.LogicalName, c.LogicalName))).ToHashSet();
        foreach (var relationship in _model.Relationships.Where(r => r.Type == RelationshipType.OneToMany && !HasPrefix(r.SchemaName)))
            if (customColumns.Contains((relationship.ReferencingEntity!, relationship.ReferencingAttribute!)))
                Error(relationship.SourceFile, $"/EntityRelationships/EntityRelationship[@Name='{relationship.SchemaName}']",
                    $"the relationship {relationship.SchemaName} of the custom column {relationship.ReferencingEntity}.{relationship.ReferencingAttribute} does not carry the publisher prefix '{_prefix}'.");
        foreach (var variable in _model.EnvironmentVariables.Where(v => !HasPrefix(v.SchemaName)))
            Error(variable.SourceFile, "/environmentvariabledefinition/@schemaname", $"the environment variable {variable.SchemaName} does not carry the publisher prefix '{_prefix}'.");
        foreach (var api in _model.CustomApis.Where(a => !HasPrefix(a.UniqueName)))
            Error(api.SourceFile, "/customapi/@uniquename", $"the custom API {api.UniqueName} does not carry the publisher prefix '{_prefix}'.");
        foreach (var app in _model.AppModules.Where(a => !HasPrefix(a.UniqueName)))
            Error(app.SourceFile, "/AppModule/UniqueName", $"the app {app.UniqueName} does not carry the publisher prefix '{_prefix}'.");
    }

    private string Unprefixed(string name)
    {
        var underscore = name.IndexOf('_');
        return underscore < 0 ? name : name[(underscore + 1)..];
    }

    // ---- Choice values ---------------------------------------------------------------------------

    private void CheckChoiceValues()
    {
        var prefix = _model.Manifest.Publisher.CustomizationOptionValuePrefix;
        if (prefix == 0) return;
        var low = prefix * 10000L;
        var high = low + 9999;
        void Check(OptionSetModel optionSet, string file, string element)
        {
            foreach (var option in optionSet.Options.Where(o => o.Value < low || o.Value > high))
                Error(file, element, $"the choice '{option.Label}' of {optionSet.Name} has the value {option.Value}; choices of this publisher take values {low} to {high} (option value prefix {prefix}).");
        }
        // Yes/no (bit, boolean) and state/status choices keep the platform's own values.
        foreach (var optionSet in _model.GlobalOptionSets.Where(o => o.OptionSetType is "picklist" or "multiselectpicklist"))
            Check(optionSet, optionSet.SourceFile, $"/optionset[@Name='{optionSet.Name}']/options");
        foreach (var table in _model.Tables)
            foreach (var column in table.Columns.Where(c => c.IsCustom && c.OptionSet is not null && c.Type is "picklist" or "multiselectpicklist"))
                Check(column.OptionSet!, table.SourceFile, $"/Entity/EntityInfo/entity/attributes/attribute[@PhysicalName='{column.SchemaName}']/optionset");
    }

    // ---- Plugin assemblies against their registrations ----------------------------------------------

    private void CheckPluginRegistrations()
    {
        foreach (var assembly in _model.PluginAssemblies)
        {
            var assemblyFile = assembly.SourceFile[..^SolutionLayout.DataFileSuffix.Length];
            var duplicate = assembly.PluginTypes.GroupBy(t => t.TypeName).FirstOrDefault(g => g.Count() > 1);
            if (duplicate is not null)
                Error(assembly.SourceFile, "/PluginAssembly/PluginTypes", $"the type {duplicate.Key} is registered {duplicate.Count()} times; keep one <PluginType> per type.");

            var bytes = _readLayoutFile(assemblyFile);
            if (bytes is null)
            {
                _report.Notes.Add($"{assemblyFile} was not inspected: the file is neither in the layout nor mapped in, so its plugin types were not compared with {assembly.SourceFile}.");
                continue;
            }
            PluginAssemblyContents contents;
            try
            {
                contents = PluginAssemblyInspector.Inspect(bytes, assemblyFile);
            }
            catch (InvalidDataException e)
            {
                Error(assemblyFile, null, e.Message);
                continue;
            }
            if (!string.Equals(contents.FullName, NormalizeAssemblyName(assembly.FullName), StringComparison.OrdinalIgnoreCase))
                Error(assembly.SourceFile, "/PluginAssembly/@FullName",
                    $"the registration names the assembly '{assembly.FullName}' but the file is '{contents.FullName}'; make FullName (and every AssemblyQualifiedName and PluginTypeName) match the built assembly.");
            var registered = assembly.PluginTypes.Select(t => t.TypeName).ToHashSet(StringComparer.Ordinal);
            foreach (var type in contents.PluginTypes.Where(t => !registered.Contains(t)))
                Error(assembly.SourceFile, "/PluginAssembly/PluginTypes",
                    $"the assembly defines the plugin type {type}, which is not registered; add a <PluginType> for it (with a fixed PluginTypeId) or make the class abstract or non-public.");
            var defined = contents.PluginTypes.ToHashSet(StringComparer.Ordinal);
            foreach (var type in assembly.PluginTypes.Where(t => !defined.Contains(t.TypeName)))
                Error(assembly.SourceFile, $"/PluginAssembly/PluginTypes/PluginType[@Name='{type.Name ?? type.TypeName}']",
                    $"the registered plugin type {type.TypeName} does not exist in {assemblyFile} as a public class implementing Microsoft.Xrm.Sdk.IPlugin; fix the name or remove the registration.");
        }
    }

    private static string NormalizeAssemblyName(string name) => string.Join(", ", name.Split(',').Select(p => p.Trim()));

    // ---- Steps ---------------------------------------------------------------------------------------

    private void CheckSteps()
    {
        var types = _model.PluginAssemblies.SelectMany(a => a.PluginTypes.Select(t => (Assembly: a, Type: t))).ToList();
        foreach (var step in _model.Steps)
        {
            var match = types.FirstOrDefault(t => t.Type.Id == step.PluginTypeId);
            if (match.Type is null)
            {
                if (!ExternalPluginTypeIds.Contains(step.PluginTypeId))
                    Error(step.SourceFile, "/SdkMessageProcessingStep/PluginTypeId",
                        $"the step '{step.Name}' points at the plugin type {step.PluginTypeName} ({step.PluginTypeId}), which no PluginAssemblies/*.data.xml registers; register the type or fix <PluginTypeId>.");
            }
            else if (!string.Equals(match.Type.TypeName, step.PluginTypeName, StringComparison.Ordinal))
            {
                Error(step.SourceFile, "/SdkMessageProcessingStep/PluginTypeName",
                    $"the step '{step.Name}' names the type {step.PluginTypeName} but its PluginTypeId {step.PluginTypeId} is registered for {match.Type.TypeName}; make the two agree.");
            }

            foreach (var image in step.Images)
            {
                if (step.Message == "Create" && image.ImageType is 0 or 2)
                    Error(step.SourceFile, $"/SdkMessageProcessingStep/SdkMessageProcessingStepImages/SdkMessageProcessingStepImage[@Name='{image.Name}']/ImageType",
                        $"the step '{step.Name}' asks for a pre-image on Create; a record being created has no pre-image. Use a post-image at stage 40.");
                if (step.Message == "Delete" && image.ImageType is 1 or 2)
                    Error(step.SourceFile, $"/SdkMessageProcessingStep/SdkMessageProcessingStepImages/SdkMessageProcessingStepImage[@Name='{image.Name}']/ImageType",
                        $"the step '{step.Name}' asks for a post-image on Delete; a deleted record has no post-image. Use a pre-image.");
                // The image is taken of the record the message names: Create names it by the new "Id",
                // Update and Delete by their "Target" (as the Plugin Registration Tool offers them).
                var expectedProperty = step.Message == "Create" ? "Id" : step.Message is "Update" or "Delete" ? "Target" : null;
                if (expectedProperty != null && !string.Equals(image.MessagePropertyName, expectedProperty, StringComparison.Ordinal))
                    Error(step.SourceFile, $"/SdkMessageProcessingStep/SdkMessageProcessingStepImages/SdkMessageProcessingStepImage[@Name='{image.Name}']/MessagePropertyName",
                        $"the step '{step.Name}' takes its image from the message property '{image.MessagePropertyName}'; {step.Message} images come from '{expectedProperty}'. Write <MessagePropertyName>{expectedProperty}</MessagePropertyName>.");
                if (image.ImageType is 1 or 2 && step.Stage != 40)
                    Error(step.SourceFile, $"/SdkMessageProcessingStep/SdkMessageProcessingStepImages/SdkMessageProcessingStepImage[@Name='{image.Name}']/ImageType",
                        $"the step '{step.Name}' asks for a post-image at stage {step.Stage}; post-images exist only at stage 40.");
            }

            if (step.PrimaryEntity is null) continue;
            var table = ColumnsOf(step.PrimaryEntity);
            if (table is null) continue;
            foreach (var attribute in step.FilteringAttributes.Where(a => !HasColumn(table, a)))
                Error(step.SourceFile, "/SdkMessageProcessingStep/FilteringAttributes",
                    $"the step '{step.Name}' filters on {attribute}, which is not a column of {table.LogicalName}.");
            foreach (var image in step.Images)
                foreach (var attribute in image.Attributes.Where(a => !HasColumn(table, a)))
                    Error(step.SourceFile, $"/SdkMessageProcessingStep/SdkMessageProcessingStepImages/SdkMessageProcessingStepImage[@Name='{image.Name}']/Attributes",
                        $"the image {image.Name} of step '{step.Name}' names {attribute}, which is not a column of {table.LogicalName}.");
        }
    }

    /// <summary>Plugin types of other solutions (such as the Power Fx evaluator) the manifest declares as missing dependencies (type 90).</summary>
    private IEnumerable<Guid> ExternalPluginTypeIds =>
        _model.Manifest.MissingDependencies.Where(d => d.Type == "90" && d.Id is not null).Select(d => d.Id!.Value);

    /// <summary>The table whose columns can be checked, or null (noted) when the layout does not define it.</summary>
    private TableModel? ColumnsOf(string logicalName)
    {
        if (_tables.TryGetValue(logicalName, out var table) && table.HasDefinition) return table;
        _tablesWithUnknownColumns.Add(logicalName);
        return null;
    }

    private static bool HasColumn(TableModel table, string column) => table.Columns.Any(c => c.LogicalName == column);

    // ---- Forms and views -------------------------------------------------------------------------------

    private void CheckForms()
    {
        var webResources = _model.WebResources.Select(w => w.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var relationships = _model.Relationships.Select(r => r.SchemaName).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var table in _model.Tables)
        {
            foreach (var form in table.Forms)
            {
                var columns = ColumnsOf(table.LogicalName);
                if (columns is not null)
                    foreach (var field in form.Fields.Where(f => !HasColumn(columns, f)))
                        Error(form.SourceFile, $"/forms/systemform/form//control[@datafieldname='{field}']",
                            $"the form '{form.Name}' shows the field {field}, which is not a column of {table.LogicalName}; add the column or remove the control.");
                foreach (var resource in form.WebResources.Where(r => HasPrefix(r) && !webResources.Contains(r)))
                    Error(form.SourceFile, $"/forms/systemform/form (web resource {resource})",
                        $"the form '{form.Name}' uses the web resource {resource}, which the solution does not contain; add WebResources/{resource}.data.xml or fix the name.");
                foreach (var grid in form.Subgrids)
                {
                    var element = $"/forms/systemform/form//control[@id='{grid.Name}']/parameters";
                    if (grid.RelationshipName is not null && HasPrefix(grid.RelationshipName) && !relationships.Contains(grid.RelationshipName))
                        Error(form.SourceFile, element + "/RelationshipName",
                            $"the subgrid {grid.Name} uses the relationship {grid.RelationshipName}, which the solution does not define.");
                    if (grid.TargetEntity is not null && grid.ViewId is not null && _tables.TryGetValue(grid.TargetEntity, out var target) && IsCreatedBySolution(target)
                        && target.Views.All(v => v.Id != grid.ViewId))
                        Error(form.SourceFile, element + "/ViewId",
                            $"the subgrid {grid.Name} shows the view {grid.ViewId:B}, which is not a view of {grid.TargetEntity} in this solution.");
                }
            }
        }
    }

    private void CheckViews()
    {
        foreach (var table in _model.Tables)
        {
            foreach (var view in table.Views)
            {
                var columns = ColumnsOf(table.LogicalName);
                if (columns is null) continue;
                // Columns of linked tables are written "alias.column"; only the view's own table is checked.
                foreach (var cell in view.LayoutColumns.Where(c => !c.Contains('.') && !HasColumn(columns, c)))
                    Error(view.SourceFile, $"/savedqueries/savedquery/layoutxml/grid/row/cell[@name='{cell}']",
                        $"the view '{view.Name}' shows the column {cell}, which is not a column of {table.LogicalName}.");
                if (view.FetchXml is null) continue;
                var entity = XElement.Parse(view.FetchXml).Element("entity");
                if (entity is null) continue;
                var fetchTable = ((string?)entity.Attribute("name"))?.ToLowerInvariant();
                if (fetchTable != table.LogicalName)
                    Error(view.SourceFile, "/savedqueries/savedquery/fetchxml/fetch/entity/@name",
                        $"the view '{view.Name}' queries {fetchTable}, but it belongs to {table.LogicalName}.");
                var referenced = entity.Elements("attribute").Select(a => (string?)a.Attribute("name"))
                    .Concat(entity.Elements("order").Select(o => (string?)o.Attribute("attribute")))
                    .Concat(entity.Elements("filter").Descendants("condition").Where(c => c.Attribute("entityname") is null)
                        .Select(c => (string?)c.Attribute("attribute")))
                    .Where(n => !string.IsNullOrEmpty(n)).Select(n => n!.ToLowerInvariant()).Distinct();
                foreach (var column in referenced.Where(c => !HasColumn(columns, c)))
                    Error(view.SourceFile, "/savedqueries/savedquery/fetchxml",
                        $"the view '{view.Name}' queries the column {column}, which is not a column of {table.LogicalName}.");
            }
        }
    }

    // ---- Root components, ids, apps, custom APIs ----------------------------------------------------------

    private void CheckRootComponents()
    {
        const string file = SolutionLayout.SolutionFile;
        var roots = _model.Manifest.RootComponents;
        foreach (var root in roots)
        {
            var (found, what) = root.Type switch
            {
                1 => (_tables.ContainsKey((root.SchemaName ?? "").ToLowerInvariant()), $"table {root.SchemaName} (Entities/<name>/Entity.xml)"),
                9 => (_model.GlobalOptionSets.Any(o => o.Name == (root.SchemaName ?? "").ToLowerInvariant()), $"global choice {root.SchemaName} (OptionSets/)"),
                20 => (_model.Roles.Any(r => r.Id == root.Id), $"security role {root.Id:B} (Roles/)"),
                61 => (_model.WebResources.Any(w => string.Equals(w.Name, root.SchemaName, StringComparison.OrdinalIgnoreCase)), $"web resource {root.SchemaName} (WebResources/)"),
                80 => (_model.AppModules.Any(a => string.Equals(a.UniqueName, root.SchemaName, StringComparison.OrdinalIgnoreCase)), $"app {root.SchemaName} (AppModules/)"),
                91 => (_model.PluginAssemblies.Any(a => a.Id == root.Id), $"plugin assembly {root.Id:B} (PluginAssemblies/)"),
                92 => (_model.Steps.Any(s => s.Id == root.Id), $"plugin step {root.Id:B} (SdkMessageProcessingSteps/)"),
                380 => (_model.EnvironmentVariables.Any(v => string.Equals(v.SchemaName, root.SchemaName, StringComparison.OrdinalIgnoreCase)), $"environment variable {root.SchemaName} (environmentvariabledefinitions/)"),
                _ => (true, ""),
            };
            if (!found)
                Error(file, $"/ImportExportXml/SolutionManifest/RootComponents/RootComponent[@type='{root.Type}']",
                    $"the root component {what} is not in the layout; add its files or remove the <RootComponent>.");
        }

        void Expect(bool present, string sourceFile, string what, string rootComponent)
        {
            if (!present)
                Error(sourceFile, null, $"the {what} is not a root component of the solution, so the import would not make it part of {_model.Manifest.UniqueName}; add {rootComponent} to <RootComponents> in {file}.");
        }
        foreach (var table in _model.Tables.Where(IsCreatedBySolution))
            Expect(roots.Any(r => r.Type == 1 && string.Equals(r.SchemaName, table.LogicalName, StringComparison.OrdinalIgnoreCase)), table.SourceFile,
                $"table {table.LogicalName}", $"<RootComponent type=\"1\" schemaName=\"{table.LogicalName}\" behavior=\"0\" />");
        foreach (var optionSet in _model.GlobalOptionSets)
            Expect(roots.Any(r => r.Type == 9 && string.Equals(r.SchemaName, optionSet.Name, StringComparison.OrdinalIgnoreCase)), optionSet.SourceFile,
                $"global choice {optionSet.Name}", $"<RootComponent type=\"9\" schemaName=\"{optionSet.Name}\" behavior=\"0\" />");
        foreach (var role in _model.Roles)
            Expect(roots.Any(r => r.Type == 20 && r.Id == role.Id), role.SourceFile, $"security role {role.Name}", $"<RootComponent type=\"20\" id=\"{role.Id:B}\" behavior=\"0\" />");
        foreach (var resource in _model.WebResources)
            Expect(roots.Any(r => r.Type == 61 && string.Equals(r.SchemaName, resource.Name, StringComparison.OrdinalIgnoreCase)), resource.SourceFile,
                $"web resource {resource.Name}", $"<RootComponent type=\"61\" schemaName=\"{resource.Name}\" behavior=\"0\" />");
        foreach (var assembly in _model.PluginAssemblies)
            Expect(roots.Any(r => r.Type == 91 && r.Id == assembly.Id), assembly.SourceFile,
                $"plugin assembly {assembly.FullName}", $"<RootComponent type=\"91\" id=\"{assembly.Id:B}\" schemaName=\"{assembly.FullName}\" behavior=\"0\" />");
        foreach (var step in _model.Steps)
            Expect(roots.Any(r => r.Type == 92 && r.Id == step.Id), step.SourceFile, $"plugin step '{step.Name}'", $"<RootComponent type=\"92\" id=\"{step.Id:B}\" behavior=\"0\" />");
        // Environment variables and custom APIs travel as their own folders; exports list them as
        // root components only sometimes, so their absence from RootComponents is not a fault.
        foreach (var app in _model.AppModules)
            Expect(roots.Any(r => r.Type == 80 && string.Equals(r.SchemaName, app.UniqueName, StringComparison.OrdinalIgnoreCase)), app.SourceFile,
                $"app {app.UniqueName}", $"<RootComponent type=\"80\" schemaName=\"{app.UniqueName}\" behavior=\"0\" />");
    }

    private void CheckUniqueIds()
    {
        var ids = _model.Tables.SelectMany(t => t.Forms.Select(f => (f.Id, f.SourceFile, What: "form")))
            .Concat(_model.Tables.SelectMany(t => t.Views.Select(v => (v.Id, v.SourceFile, What: "view"))))
            .Concat(_model.Steps.Select(s => (s.Id, s.SourceFile, What: "step")))
            .Concat(_model.Steps.SelectMany(s => s.Images.Select(i => (i.Id, s.SourceFile, What: "step image"))))
            .Concat(_model.WebResources.Select(w => (w.Id, w.SourceFile, What: "web resource")))
            .Concat(_model.PluginAssemblies.SelectMany(a => a.PluginTypes.Select(t => (t.Id, a.SourceFile, What: "plugin type"))))
            .Concat(_model.Roles.Select(r => (r.Id, r.SourceFile, What: "security role")));
        foreach (var group in ids.GroupBy(i => i.Id).Where(g => g.Count() > 1))
        {
            var first = group.First();
            foreach (var other in group.Skip(1))
                Error(other.SourceFile, null, $"the {other.What} id {group.Key:B} is also used by the {first.What} in {first.SourceFile}; every component needs its own fixed id.");
        }
    }

    private void CheckAppModules()
    {
        var required = _model.Manifest.MissingDependencies.Where(d => d.Id is not null).Select(d => d.Id!.Value).ToHashSet();
        var forms = _model.Tables.SelectMany(t => t.Forms).Select(f => f.Id).ToHashSet();
        var views = _model.Tables.SelectMany(t => t.Views).Select(v => v.Id).ToHashSet();
        var roles = _model.Roles.Select(r => r.Id).ToHashSet();
        foreach (var app in _model.AppModules)
        {
            // An app may show standard forms and views and be given to the org's own roles, so what is
            // not in the solution is reported as a note: it must exist in the target org.
            var external = app.FormIds.Where(i => !forms.Contains(i) && !required.Contains(i)).Select(i => $"form {i:B}")
                .Concat(app.ViewIds.Where(i => !views.Contains(i) && !required.Contains(i)).Select(i => $"view {i:B}"))
                .Concat(app.RoleIds.Where(i => !roles.Contains(i) && !required.Contains(i)).Select(i => $"role {i:B}"))
                .ToList();
            if (external.Count > 0)
                _report.Notes.Add($"{app.SourceFile}: the app {app.UniqueName} refers to {string.Join(", ", external)}, which the solution neither contains nor declares as missing dependencies; the target org must have them.");
            if (app.SiteMapName is not null && !SiteMapExists(app.SiteMapName))
                Error(app.SourceFile, "/AppModule/AppModuleComponents/AppModuleComponent[@type='62']",
                    $"the app {app.UniqueName} uses the site map {app.SiteMapName}, which the solution does not contain (AppModuleSiteMaps/{app.SiteMapName}/AppModuleSiteMap.xml).");
        }
    }

    private bool SiteMapExists(string name) =>
        _readLayoutFile($"{SolutionLayout.AppModuleSiteMapsFolder}/{name}/AppModuleSiteMap.xml") is not null;

    private void CheckCustomApis()
    {
        foreach (var api in _model.CustomApis)
        {
            if (api.PluginTypeId is not null && api.PluginTypeName is null && !ExternalPluginTypeIds.Contains(api.PluginTypeId.Value))
                Error(api.SourceFile, "/customapi/plugintypeid/plugintypeexportkey",
                    $"the custom API {api.UniqueName} is implemented by the plugin type {api.PluginTypeId}, which no PluginAssemblies/*.data.xml registers and no missing dependency (type 90) declares.");
            if (api.BindingType != 0 && api.BoundEntityLogicalName is null)
                Error(api.SourceFile, "/customapi/boundentitylogicalname", $"the custom API {api.UniqueName} is bound (bindingtype {api.BindingType}) but names no <boundentitylogicalname>.");
        }
    }
}
