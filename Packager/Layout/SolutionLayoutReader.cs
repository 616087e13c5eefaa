using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Xml.Linq;
using CrmTeamSelling.Packager.Model;

namespace CrmTeamSelling.Packager.Layout;

/// <summary>
/// Reads a folder in SolutionPackager layout (Solution/src, or any unpacked export) into the
/// <see cref="SolutionModel"/>. This is the one reader of the layout: the check, the Emulator and
/// the tests all see the solution through it.
/// </summary>
public static class SolutionLayoutReader
{
    /// <summary>Reads the layout; throws <see cref="SolutionLayoutException"/> listing every problem found.</summary>
    public static SolutionModel Read(string layoutFolder)
    {
        var result = ReadCollectingProblems(layoutFolder);
        if (result.Problems.Count > 0 || result.Model is null)
            throw new SolutionLayoutException(result.Problems);
        return result.Model;
    }

    /// <summary>
    /// Reads what can be read and returns it with the problems met on the way. Model is null only
    /// when the solution manifest itself cannot be read.
    /// </summary>
    public static LayoutReadResult ReadCollectingProblems(string layoutFolder)
    {
        var problems = new List<LayoutProblem>();
        if (!Directory.Exists(layoutFolder))
        {
            problems.Add(new LayoutProblem(layoutFolder, null, null, "the layout folder does not exist; pass the folder that holds Other/Solution.xml."));
            return new LayoutReadResult(null, problems);
        }
        var reader = new Reader(new SolutionLayout(layoutFolder), problems);
        var model = reader.ReadSolution();
        return new LayoutReadResult(model, problems);
    }

    private sealed class Reader
    {
        private readonly SolutionLayout _layout;
        private readonly XmlSource _xml;

        public Reader(SolutionLayout layout, List<LayoutProblem> problems)
        {
            _layout = layout;
            _xml = new XmlSource(layout, problems);
        }

        public SolutionModel? ReadSolution()
        {
            var manifest = ReadManifest();
            _xml.Load(SolutionLayout.CustomizationsFile, "ImportExportXml");
            var relationships = ReadRelationships();
            var assemblies = _layout.PluginAssemblyFiles().Select(ReadPluginAssembly).OfType<PluginAssemblyModel>().ToList();
            var customPrefix = manifest is null ? null : manifest.Publisher.CustomizationPrefix.ToLowerInvariant() + "_";
            var tables = _layout.EntityFolders().Select(f => ReadTable(f, relationships, customPrefix)).OfType<TableModel>().ToList();
            var model = new SolutionModel
            {
                Manifest = manifest ?? new SolutionManifest
                {
                    UniqueName = "",
                    Version = "",
                    Publisher = new PublisherModel { UniqueName = "", CustomizationPrefix = "" },
                    SourceFile = SolutionLayout.SolutionFile,
                },
                Tables = tables,
                GlobalOptionSets = _layout.OptionSetFiles().Select(ReadGlobalOptionSet).OfType<OptionSetModel>().ToList(),
                Relationships = relationships,
                PluginAssemblies = assemblies,
                Steps = _layout.StepFiles().Select(ReadStep).OfType<PluginStepModel>().ToList(),
                WebResources = _layout.WebResourceFiles().Select(ReadWebResource).OfType<WebResourceModel>().ToList(),
                Roles = _layout.RoleFiles().Select(ReadRole).OfType<SecurityRoleModel>().ToList(),
                EnvironmentVariables = _layout.EnvironmentVariableFolders().Select(ReadEnvironmentVariable).OfType<EnvironmentVariableModel>().ToList(),
                CustomApis = _layout.CustomApiFolders().Select(f => ReadCustomApi(f, assemblies)).OfType<CustomApiModel>().ToList(),
                AppModules = _layout.AppModuleFiles().Select(ReadAppModule).OfType<AppModuleModel>().ToList(),
            };
            return manifest is null ? null : model;
        }

        // ---- Other/Solution.xml -------------------------------------------------------------

        private SolutionManifest? ReadManifest()
        {
            const string file = SolutionLayout.SolutionFile;
            var root = _xml.Load(file, "ImportExportXml");
            if (root is null) return null;
            var manifest = root.Element("SolutionManifest");
            if (manifest is null)
            {
                _xml.Report(file, root, "<SolutionManifest> is missing; it carries the solution's unique name, version and publisher.");
                return null;
            }
            var uniqueName = _xml.Required(file, manifest, "UniqueName");
            var version = _xml.Required(file, manifest, "Version");
            if (version is not null && !System.Version.TryParse(version, out _))
                _xml.Report(file, manifest.Element("Version"), $"'{version}' is not a version; write major.minor.build.revision such as 1.0.0.0.");
            var managedCode = _xml.Int(file, manifest, "Managed", 0);
            if (managedCode is < 0 or > 2)
                _xml.Report(file, manifest.Element("Managed"), $"<Managed> is {managedCode}; it must be 0 (unmanaged), 1 (managed) or 2 (unpacked from both).");
            var publisher = ReadPublisher(file, manifest);
            if (uniqueName is null || version is null || publisher is null) return null;

            var rootComponents = new List<RootComponentModel>();
            foreach (var component in manifest.Element("RootComponents")?.Elements("RootComponent") ?? Enumerable.Empty<XElement>())
            {
                rootComponents.Add(new RootComponentModel
                {
                    Type = _xml.IntAttribute(file, component, "type", 0),
                    SchemaName = (string?)component.Attribute("schemaName"),
                    Id = _xml.Guid(file, component, (string?)component.Attribute("id"), "the root component id"),
                    Behavior = _xml.IntAttribute(file, component, "behavior", 0),
                });
            }
            var missingDependencies = new List<RequiredComponentModel>();
            foreach (var required in (manifest.Element("MissingDependencies")?.Elements("MissingDependency") ?? Enumerable.Empty<XElement>()).Select(d => d.Element("Required")))
            {
                if (required is null) continue;
                var type = _xml.RequiredAttribute(file, required, "type");
                if (type is null) continue;
                missingDependencies.Add(new RequiredComponentModel
                {
                    Type = type,
                    SchemaName = (string?)required.Attribute("schemaName"),
                    Id = _xml.Guid(file, required, (string?)required.Attribute("id"), "the required component id"),
                    DisplayName = (string?)required.Attribute("displayName"),
                    Solution = (string?)required.Attribute("solution"),
                });
            }
            var requiredTables = missingDependencies
                .Where(r => r.Type == "1" && !string.IsNullOrEmpty(r.SchemaName))
                .Select(r => r.SchemaName!.ToLowerInvariant())
                .Distinct()
                .ToList();

            return new SolutionManifest
            {
                UniqueName = uniqueName,
                DisplayName = XmlSource.Label(manifest.Element("LocalizedNames"), "LocalizedName"),
                Description = XmlSource.Label(manifest.Element("Descriptions"), "Description"),
                Version = version,
                Managed = managedCode == 1,
                ManagedCode = managedCode,
                Publisher = publisher,
                RootComponents = rootComponents,
                RequiredTables = requiredTables,
                MissingDependencies = missingDependencies,
                SourceFile = file,
            };
        }

        private PublisherModel? ReadPublisher(string file, XElement manifest)
        {
            var publisher = manifest.Element("Publisher");
            if (publisher is null)
            {
                _xml.Report(file, manifest, "<Publisher> is missing; name the publisher, its CustomizationPrefix and CustomizationOptionValuePrefix.");
                return null;
            }
            var uniqueName = _xml.Required(file, publisher, "UniqueName");
            var prefix = _xml.Required(file, publisher, "CustomizationPrefix");
            var optionValuePrefix = _xml.Int(file, publisher, "CustomizationOptionValuePrefix", 0);
            if (optionValuePrefix is < 10000 or > 99999)
                _xml.Report(file, publisher.Element("CustomizationOptionValuePrefix") ?? publisher,
                    $"CustomizationOptionValuePrefix is {optionValuePrefix}; Dataverse needs a number from 10000 to 99999 (choice values are that prefix followed by four digits).");
            if (uniqueName is null || prefix is null) return null;
            return new PublisherModel
            {
                UniqueName = uniqueName,
                DisplayName = XmlSource.Label(publisher.Element("LocalizedNames"), "LocalizedName"),
                CustomizationPrefix = prefix,
                CustomizationOptionValuePrefix = optionValuePrefix,
            };
        }

        // ---- Other/Relationships -----------------------------------------------------------

        private List<RelationshipModel> ReadRelationships()
        {
            var relationships = new List<RelationshipModel>();
            foreach (var file in _layout.RelationshipFiles())
            {
                var root = _xml.Load(file, "EntityRelationships");
                if (root is null) continue;
                foreach (var element in root.Elements("EntityRelationship"))
                {
                    var relationship = ReadRelationship(file, element);
                    if (relationship is not null) relationships.Add(relationship);
                }
            }
            return relationships;
        }

        private RelationshipModel? ReadRelationship(string file, XElement element)
        {
            var name = _xml.RequiredAttribute(file, element, "Name");
            var type = _xml.Required(file, element, "EntityRelationshipType");
            if (name is null || type is null) return null;
            if (type == "ManyToMany")
            {
                var first = Lower(_xml.Required(file, element, "FirstEntityName"));
                var second = Lower(_xml.Required(file, element, "SecondEntityName"));
                return new RelationshipModel
                {
                    SchemaName = name,
                    Type = RelationshipType.ManyToMany,
                    Entity1 = first,
                    Entity2 = second,
                    IntersectEntity = Lower(XmlSource.Optional(element, "IntersectEntityName")),
                    // Exports do not write the intersect attributes; Dataverse names them after each
                    // table's primary key, and "<table>id" for a self-referencing relationship's second side.
                    Entity1IntersectAttribute = first is null ? null : first + "id",
                    Entity2IntersectAttribute = second is null ? null : (second == first ? second + "idtwo" : second + "id"),
                    SourceFile = file,
                };
            }
            if (type != "OneToMany")
            {
                _xml.Report(file, element.Element("EntityRelationshipType"), $"'{type}' is not a relationship type; use OneToMany or ManyToMany.");
                return null;
            }
            var referencing = Lower(_xml.Required(file, element, "ReferencingEntityName"));
            var referenced = Lower(_xml.Required(file, element, "ReferencedEntityName"));
            var attribute = Lower(_xml.Required(file, element, "ReferencingAttributeName"));
            return new RelationshipModel
            {
                SchemaName = name,
                Type = RelationshipType.OneToMany,
                ReferencingEntity = referencing,
                ReferencedEntity = referenced,
                ReferencingAttribute = attribute,
                Cascade = new CascadeModel
                {
                    Assign = XmlSource.Optional(element, "CascadeAssign") ?? "NoCascade",
                    Delete = XmlSource.Optional(element, "CascadeDelete") ?? "RemoveLink",
                    Reparent = XmlSource.Optional(element, "CascadeReparent") ?? "NoCascade",
                    Share = XmlSource.Optional(element, "CascadeShare") ?? "NoCascade",
                    Unshare = XmlSource.Optional(element, "CascadeUnshare") ?? "NoCascade",
                    Merge = XmlSource.Optional(element, "CascadeMerge") ?? "NoCascade",
                },
                SourceFile = file,
            };
        }

        // ---- Entities/<name>/Entity.xml, forms and views --------------------------------------

        private TableModel? ReadTable(string folder, IReadOnlyList<RelationshipModel> relationships, string? customPrefix)
        {
            var file = folder + "/" + SolutionLayout.EntityFileName;
            var root = _xml.Load(file, "Entity");
            if (root is null) return null;
            var schemaName = _xml.Required(file, root, "Name");
            if (schemaName is null) return null;
            var logicalName = schemaName.ToLowerInvariant();
            var entity = root.Element("EntityInfo")?.Element("entity");
            var forms = _layout.FormFiles(folder).Select(f => ReadForm(f.FormType, f.File)).OfType<FormModel>().ToList();
            var views = _layout.ViewFiles(folder).Select(ReadView).OfType<ViewModel>().ToList();

            if (entity is null)
            {
                // A standard table the solution only adds forms, views or ribbons to.
                return new TableModel
                {
                    LogicalName = logicalName,
                    SchemaName = schemaName,
                    DisplayName = (string?)root.Element("Name")?.Attribute("LocalizedName"),
                    PrimaryIdAttribute = StandardPrimaryKey(logicalName),
                    HasDefinition = false,
                    Forms = forms,
                    Views = views,
                    SourceFile = file,
                };
            }

            var columns = new List<ColumnModel>();
            foreach (var attribute in entity.Element("attributes")?.Elements("attribute") ?? Enumerable.Empty<XElement>())
            {
                var column = ReadColumn(file, logicalName, attribute, relationships);
                if (column is not null) columns.Add(column);
            }
            var duplicate = columns.GroupBy(c => c.LogicalName).FirstOrDefault(g => g.Count() > 1);
            if (duplicate is not null)
                _xml.Report(file, entity.Element("attributes"), $"the column {duplicate.Key} is defined {duplicate.Count()} times; keep one <attribute> per column.");

            var primaryKey = columns.FirstOrDefault(c => c.Type == "primarykey");
            // A standard table the solution adds columns to carries only those columns; one of ours
            // (named with the publisher's prefix) must be complete.
            var complete = primaryKey is not null;
            if (!complete && customPrefix is not null && logicalName.StartsWith(customPrefix, StringComparison.Ordinal))
                _xml.Report(file, entity.Element("attributes") ?? entity, $"the table {logicalName} has no column of <Type>primarykey</Type>; add its {logicalName}id column.");
            var ownership = (XmlSource.Optional(entity, "OwnershipTypeMask") ?? "UserOwned") switch
            {
                "UserOwned" or "TeamOwned" => OwnershipType.UserOwned,
                "OrgOwned" or "OrganizationOwned" => OwnershipType.OrganizationOwned,
                "None" => OwnershipType.None,
                var other => ReportOwnership(file, entity, other),
            };

            return new TableModel
            {
                LogicalName = logicalName,
                SchemaName = schemaName,
                DisplayName = XmlSource.Label(entity.Element("LocalizedNames"), "LocalizedName"),
                DisplayCollectionName = XmlSource.Label(entity.Element("LocalizedCollectionNames"), "LocalizedCollectionName"),
                Description = XmlSource.Label(entity.Element("Descriptions"), "Description"),
                Ownership = ownership,
                PrimaryIdAttribute = primaryKey?.LogicalName ?? StandardPrimaryKey(logicalName),
                PrimaryNameAttribute = columns.FirstOrDefault(c => c.IsPrimaryName)?.LogicalName,
                // The layout does not flag custom tables; ours are the ones named with the publisher's prefix.
                IsCustom = customPrefix is not null && logicalName.StartsWith(customPrefix, StringComparison.Ordinal),
                IsActivity = _xml.Flag(file, entity, "IsActivity"),
                HasDefinition = complete,
                EntitySetName = XmlSource.Optional(entity, "EntitySetName"),
                Columns = columns,
                Keys = ReadKeys(file, entity),
                Forms = forms,
                Views = views,
                SourceFile = file,
            };
        }

        private OwnershipType ReportOwnership(string file, XElement entity, string value)
        {
            _xml.Report(file, entity.Element("OwnershipTypeMask"), $"'{value}' is not an ownership; use UserOwned or OrgOwned.");
            return OwnershipType.UserOwned;
        }

        /// <summary>Standard tables follow "&lt;table&gt;id", except activities, which share activityid.</summary>
        private static string StandardPrimaryKey(string logicalName) =>
            logicalName is "task" or "email" or "phonecall" or "appointment" or "letter" or "fax" or "serviceappointment" or "recurringappointmentmaster" or "socialactivity"
                ? "activityid"
                : logicalName + "id";

        private ColumnModel? ReadColumn(string file, string table, XElement attribute, IReadOnlyList<RelationshipModel> relationships)
        {
            var logicalName = Lower(XmlSource.Optional(attribute, "LogicalName") ?? _xml.Required(file, attribute, "Name"));
            var type = _xml.Required(file, attribute, "Type");
            if (logicalName is null || type is null) return null;
            var displayMask = XmlSource.Optional(attribute, "DisplayMask") ?? "";
            var localOptionSet = attribute.Element("optionset");
            var globalOptionSet = Lower(XmlSource.Optional(attribute, "OptionSetName"));
            if (localOptionSet is null && globalOptionSet is null && type is "picklist" or "multiselectpicklist" or "state" or "status")
                _xml.Report(file, attribute, $"the {type} column {logicalName} has neither an <optionset> nor an <OptionSetName>; give it its choices.");

            var lookupTargets = type is "lookup" or "customer" or "owner"
                ? relationships.Where(r => r.Type == RelationshipType.OneToMany && r.ReferencingEntity == table && r.ReferencingAttribute == logicalName)
                    .Select(r => r.ReferencedEntity!).Distinct().OrderBy(t => t, StringComparer.Ordinal).ToList()
                : new List<string>();
            if (type == "owner" && lookupTargets.Count == 0) lookupTargets = new List<string> { "systemuser", "team" };

            return new ColumnModel
            {
                LogicalName = logicalName,
                SchemaName = (string?)attribute.Attribute("PhysicalName"),
                DisplayName = XmlSource.Label(attribute.Element("displaynames"), "displayname"),
                Description = XmlSource.Label(attribute.Element("Descriptions"), "Description"),
                Type = type,
                RequiredLevel = ReadRequiredLevel(file, attribute),
                MaxLength = attribute.Element("MaxLength") is null ? null : _xml.Int(file, attribute, "MaxLength", 0),
                MinValue = _xml.Decimal(file, attribute, "MinValue"),
                MaxValue = _xml.Decimal(file, attribute, "MaxValue"),
                Precision = attribute.Element("Accuracy") is null ? null : _xml.Int(file, attribute, "Accuracy", 0),
                Format = XmlSource.Optional(attribute, "Format"),
                DateTimeBehavior = type == "datetime" ? ReadDateTimeBehavior(file, logicalName, attribute) : null,
                OptionSet = localOptionSet is null ? null : ReadOptionSet(file, localOptionSet, isGlobal: false),
                GlobalOptionSetName = globalOptionSet,
                LookupTargets = lookupTargets,
                IsCustom = _xml.Flag(file, attribute, "IsCustomField"),
                IsPrimaryName = displayMask.Split('|').Contains("PrimaryName"),
            };
        }

        /// <summary>
        /// The Behavior element of a datetime column: 1 user local, 2 date only, 3 time-zone independent. Dataverse
        /// accepts the date-only behaviour only with the date format (a date-only value has no time to show).
        /// </summary>
        private DateTimeBehavior? ReadDateTimeBehavior(string file, string column, XElement attribute)
        {
            var element = attribute.Element("Behavior");
            if (element is null || string.IsNullOrWhiteSpace(element.Value)) return null;
            var text = element.Value.Trim();
            DateTimeBehavior? behavior = text switch
            {
                "1" => DateTimeBehavior.UserLocal,
                "2" => DateTimeBehavior.DateOnly,
                "3" => DateTimeBehavior.TimeZoneIndependent,
                _ => null,
            };
            if (behavior is null)
            {
                _xml.Report(file, element, $"'{text}' is not a date and time behaviour of the column {column}; use 1 (user local), 2 (date only) or 3 (time-zone independent).");
                return null;
            }

            var format = XmlSource.Optional(attribute, "Format");
            if (behavior == DateTimeBehavior.DateOnly && format is not null && !string.Equals(format, "date", StringComparison.OrdinalIgnoreCase))
                _xml.Report(file, element, $"the column {column} has the date-only behaviour (2) but the format '{format}'; a date-only column needs <Format>date</Format>.");
            return behavior;
        }

        private RequiredLevel ReadRequiredLevel(string file, XElement attribute)
        {
            var text = XmlSource.Optional(attribute, "RequiredLevel") ?? "none";
            switch (text.ToLowerInvariant())
            {
                case "none": return RequiredLevel.None;
                case "recommended": return RequiredLevel.Recommended;
                case "required": case "applicationrequired": return RequiredLevel.ApplicationRequired;
                case "systemrequired": return RequiredLevel.SystemRequired;
                default:
                    _xml.Report(file, attribute.Element("RequiredLevel"), $"'{text}' is not a required level; use none, recommended, required or systemrequired.");
                    return RequiredLevel.None;
            }
        }

        private IReadOnlyList<AlternateKeyModel> ReadKeys(string file, XElement entity)
        {
            var keys = new List<AlternateKeyModel>();
            foreach (var key in entity.Element("EntityKeys")?.Elements("EntityKey") ?? Enumerable.Empty<XElement>())
            {
                var name = Lower(XmlSource.Optional(key, "LogicalName") ?? _xml.Required(file, key, "Name"));
                var columns = key.Element("EntityKeyAttributes")?.Elements("AttributeName").Select(a => a.Value.Trim().ToLowerInvariant()).Where(a => a.Length > 0).ToList()
                              ?? new List<string>();
                if (columns.Count == 0)
                    _xml.Report(file, key, "the alternate key lists no columns; add <EntityKeyAttributes><AttributeName>column</AttributeName></EntityKeyAttributes>.");
                if (name is null) continue;
                keys.Add(new AlternateKeyModel
                {
                    LogicalName = name,
                    DisplayName = XmlSource.Label(key.Element("displaynames"), "displayname"),
                    Columns = columns,
                });
            }
            return keys;
        }

        private FormModel? ReadForm(string formType, string file)
        {
            var root = _xml.Load(file, "forms");
            var systemForm = root?.Element("systemform");
            if (root is null) return null;
            if (systemForm is null)
            {
                _xml.Report(file, root, "<systemform> is missing; a form file holds one <forms><systemform>.");
                return null;
            }
            var idText = _xml.Required(file, systemForm, "formid");
            var id = _xml.Guid(file, systemForm.Element("formid") ?? systemForm, idText, "<formid>");
            if (id is null) return null;
            ExpectIdMatchesFileName(file, systemForm.Element("formid")!, id.Value);
            var form = systemForm.Element("form");
            var controls = form?.Descendants("control").ToList() ?? new List<XElement>();
            var webResources = controls
                .Where(c => string.Equals((string?)c.Attribute("classid"), FormControlClasses.WebResource, StringComparison.OrdinalIgnoreCase))
                .Select(c => c.Element("parameters")?.Element("Url")?.Value.Trim())
                .Concat(form?.Element("formLibraries")?.Elements("Library").Select(l => (string?)l.Attribute("name")) ?? Enumerable.Empty<string?>())
                .Concat(form?.Descendants("Handler").Select(h => (string?)h.Attribute("libraryName")) ?? Enumerable.Empty<string?>())
                .Where(n => !string.IsNullOrEmpty(n))
                .Select(n => n!)
                .Distinct(StringComparer.Ordinal)
                .ToList();
            var subgrids = controls
                .Where(c => string.Equals((string?)c.Attribute("classid"), FormControlClasses.Subgrid, StringComparison.OrdinalIgnoreCase))
                .Select(c => ReadSubgrid(file, c))
                .ToList();
            return new FormModel
            {
                Id = id.Value,
                Name = XmlSource.Label(systemForm.Element("LocalizedNames"), "LocalizedName"),
                FormType = formType,
                Fields = controls.Select(c => ((string?)c.Attribute("datafieldname"))?.Trim().ToLowerInvariant())
                    .Where(n => !string.IsNullOrEmpty(n)).Select(n => n!).Distinct(StringComparer.Ordinal).ToList(),
                WebResources = webResources,
                Subgrids = subgrids,
                SourceFile = file,
            };
        }

        private SubgridModel ReadSubgrid(string file, XElement control)
        {
            var parameters = control.Element("parameters");
            var viewText = XmlSource.Optional(parameters, "ViewId");
            return new SubgridModel
            {
                Name = (string?)control.Attribute("id") ?? "",
                TargetEntity = Lower(XmlSource.Optional(parameters, "TargetEntityType")),
                RelationshipName = XmlSource.Optional(parameters, "RelationshipName"),
                ViewId = _xml.Guid(file, parameters?.Element("ViewId") ?? (XObject)control, viewText, "the subgrid's <ViewId>"),
            };
        }

        private ViewModel? ReadView(string file)
        {
            var root = _xml.Load(file, "savedqueries");
            if (root is null) return null;
            var query = root.Element("savedquery");
            if (query is null)
            {
                _xml.Report(file, root, "<savedquery> is missing; a view file holds one <savedqueries><savedquery>.");
                return null;
            }
            var id = _xml.Guid(file, query.Element("savedqueryid") ?? query, _xml.Required(file, query, "savedqueryid"), "<savedqueryid>");
            var name = XmlSource.Label(query.Element("LocalizedNames"), "LocalizedName");
            if (name is null)
                _xml.Report(file, query, "the view has no name; add <LocalizedNames><LocalizedName description=\"...\" languagecode=\"1033\" /></LocalizedNames>.");
            if (id is null || name is null) return null;
            ExpectIdMatchesFileName(file, query.Element("savedqueryid")!, id.Value);
            var fetch = query.Element("fetchxml")?.Elements().FirstOrDefault();
            return new ViewModel
            {
                Id = id.Value,
                Name = name,
                IsDefault = _xml.Flag(file, query, "isdefault"),
                QueryType = _xml.Int(file, query, "querytype", 0),
                LayoutColumns = query.Element("layoutxml")?.Descendants("cell")
                    .Select(c => ((string?)c.Attribute("name"))?.Trim().ToLowerInvariant())
                    .Where(n => !string.IsNullOrEmpty(n)).Select(n => n!).ToList() ?? new List<string>(),
                FetchXml = fetch?.ToString(SaveOptions.DisableFormatting),
                SourceFile = file,
            };
        }

        private void ExpectIdMatchesFileName(string file, XElement idElement, Guid id)
        {
            var fileName = Path.GetFileNameWithoutExtension(file);
            if (Guid.TryParse(fileName, out var fromName) && fromName != id)
                _xml.Report(file, idElement, $"the id {id:B} differs from the file name {fileName}; SolutionPackager names the file after the id, so rename one to match the other.");
        }

        // ---- OptionSets/*.xml ---------------------------------------------------------------

        private OptionSetModel? ReadGlobalOptionSet(string file)
        {
            var root = _xml.Load(file, "optionset");
            return root is null ? null : ReadOptionSet(file, root, isGlobal: true);
        }

        private OptionSetModel? ReadOptionSet(string file, XElement element, bool isGlobal)
        {
            var name = Lower(_xml.RequiredAttribute(file, element, "Name"));
            if (name is null) return null;
            var type = XmlSource.Optional(element, "OptionSetType") ?? "picklist";
            var options = new List<OptionModel>();
            var items = element.Element("options")?.Elements("option")
                        ?? element.Element("states")?.Elements("state")
                        ?? element.Element("statuses")?.Elements("status")
                        ?? Enumerable.Empty<XElement>();
            foreach (var item in items)
            {
                var valueText = (string?)item.Attribute("value");
                if (!int.TryParse(valueText, out var value))
                {
                    _xml.Report(file, item, $"the choice value '{valueText}' is not a whole number; give every choice value=\"...\".");
                    continue;
                }
                var stateText = (string?)item.Attribute("state");
                options.Add(new OptionModel
                {
                    Value = value,
                    Label = XmlSource.Label(item.Element("labels"), "label") ?? (string?)item.Attribute("invariantname") ?? value.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    State = int.TryParse(stateText, out var state) ? state : null,
                });
            }
            var duplicate = options.GroupBy(o => o.Value).FirstOrDefault(g => g.Count() > 1);
            if (duplicate is not null)
                _xml.Report(file, element, $"the choice value {duplicate.Key} appears {duplicate.Count()} times in {name}; every value must be unique.");
            return new OptionSetModel
            {
                Name = name,
                IsGlobal = isGlobal,
                OptionSetType = type,
                Options = options,
                DisplayName = XmlSource.Label(element.Element("displaynames"), "displayname") ?? (string?)element.Attribute("localizedName"),
                SourceFile = file,
            };
        }

        // ---- PluginAssemblies and SdkMessageProcessingSteps -----------------------------------

        private PluginAssemblyModel? ReadPluginAssembly(string file)
        {
            var root = _xml.Load(file, "PluginAssembly");
            if (root is null) return null;
            var fullName = _xml.RequiredAttribute(file, root, "FullName");
            var id = _xml.Guid(file, root, _xml.RequiredAttribute(file, root, "PluginAssemblyId"), "PluginAssemblyId");
            if (fullName is null || id is null) return null;
            var types = new List<PluginTypeModel>();
            foreach (var type in root.Element("PluginTypes")?.Elements("PluginType") ?? Enumerable.Empty<XElement>())
            {
                var qualifiedName = _xml.RequiredAttribute(file, type, "AssemblyQualifiedName");
                var typeId = _xml.Guid(file, type, _xml.RequiredAttribute(file, type, "PluginTypeId"), "PluginTypeId");
                if (qualifiedName is null || typeId is null) continue;
                var (typeName, assemblyName) = SplitQualifiedName(qualifiedName);
                if (!SameAssembly(assemblyName, fullName))
                    _xml.Report(file, type.Attribute("AssemblyQualifiedName"), $"the type {typeName} names the assembly '{assemblyName}' but this assembly is '{fullName}'; make the AssemblyQualifiedName end with the assembly's FullName.");
                types.Add(new PluginTypeModel
                {
                    Id = typeId.Value,
                    TypeName = typeName,
                    Name = (string?)type.Attribute("Name"),
                    FriendlyName = XmlSource.Optional(type, "FriendlyName"),
                });
            }
            return new PluginAssemblyModel
            {
                Id = id.Value,
                FullName = fullName,
                FileName = XmlSource.Optional(root, "FileName"),
                IsolationMode = _xml.Int(file, root, "IsolationMode", 2),
                SourceType = _xml.Int(file, root, "SourceType", 0),
                PluginTypes = types,
                SourceFile = file,
            };
        }

        private PluginStepModel? ReadStep(string file)
        {
            var root = _xml.Load(file, "SdkMessageProcessingStep");
            if (root is null) return null;
            var name = _xml.RequiredAttribute(file, root, "Name");
            var id = _xml.Guid(file, root, _xml.RequiredAttribute(file, root, "SdkMessageProcessingStepId"), "SdkMessageProcessingStepId");
            var messageId = _xml.Guid(file, root.Element("SdkMessageId") ?? (XObject)root, _xml.Required(file, root, "SdkMessageId"), "<SdkMessageId>");
            var qualifiedType = _xml.Required(file, root, "PluginTypeName");
            var typeId = _xml.Guid(file, root.Element("PluginTypeId") ?? (XObject)root, _xml.Required(file, root, "PluginTypeId"), "<PluginTypeId>");
            if (name is null || id is null || qualifiedType is null || typeId is null) return null;
            if (Guid.TryParse(Path.GetFileNameWithoutExtension(file), out var fromName) && fromName != id)
                _xml.Report(file, root.Attribute("SdkMessageProcessingStepId"), $"the step id {id:B} differs from the file name; rename the file to {id:B}.xml or fix the id.");

            var message = messageId is null ? null : SdkMessages.NameOf(messageId.Value) ?? SdkMessages.FromStepName(name);
            if (messageId is not null && message is null)
                _xml.Report(file, root.Element("SdkMessageId"),
                    $"the SdkMessageId {messageId} is not a platform message this tool knows ({string.Join(", ", SdkMessages.WellKnownNames)}) and the step name does not say the message; name the step '<plugin type>: <Message> of <table>'.");
            var (typeName, assemblyName) = SplitQualifiedName(qualifiedType);
            var stage = _xml.Int(file, root, "Stage", 0);
            if (stage is not (10 or 20 or 40))
                _xml.Report(file, root.Element("Stage") ?? root, $"<Stage> is {stage}; a plugin step runs at 10 (pre-validation), 20 (pre-operation) or 40 (post-operation).");
            var mode = _xml.Int(file, root, "Mode", 0);
            if (mode is not (0 or 1))
                _xml.Report(file, root.Element("Mode"), $"<Mode> is {mode}; use 0 (synchronous) or 1 (asynchronous).");
            if (mode == 1 && stage != 40)
                _xml.Report(file, root.Element("Mode"), $"the step is asynchronous at stage {stage}; Dataverse runs asynchronous steps only at stage 40 (post-operation).");

            return new PluginStepModel
            {
                Id = id.Value,
                Name = name,
                Description = XmlSource.Optional(root, "Description"),
                Message = message ?? "",
                SdkMessageId = messageId,
                PrimaryEntity = Lower(XmlSource.Optional(root, "PrimaryEntity")) is { } entity && entity != "none" ? entity : null,
                Stage = stage,
                Mode = mode,
                Rank = _xml.Int(file, root, "Rank", 1),
                FilteringAttributes = XmlSource.NameList(XmlSource.Optional(root, "FilteringAttributes")),
                PluginTypeName = typeName,
                PluginAssemblyName = assemblyName,
                PluginTypeId = typeId.Value,
                Configuration = XmlSource.Optional(root, "CustomConfiguration") ?? XmlSource.Optional(root, "Configuration"),
                AsyncAutoDelete = _xml.Flag(file, root, "AsyncAutoDelete"),
                SupportedDeployment = _xml.Int(file, root, "SupportedDeployment", 0),
                ImpersonatingUserId = _xml.Guid(file, root, XmlSource.Optional(root, "ImpersonatingUserId"), "<ImpersonatingUserId>"),
                Images = (root.Element("SdkMessageProcessingStepImages")?.Elements("SdkMessageProcessingStepImage") ?? Enumerable.Empty<XElement>())
                    .Select(i => ReadImage(file, i)).OfType<PluginStepImageModel>().ToList(),
                SourceFile = file,
            };
        }

        private PluginStepImageModel? ReadImage(string file, XElement image)
        {
            var name = _xml.RequiredAttribute(file, image, "Name");
            var alias = XmlSource.Optional(image, "EntityAlias") ?? name;
            var id = _xml.Guid(file, image, _xml.Required(file, image, "SdkMessageProcessingStepImageId"), "<SdkMessageProcessingStepImageId>");
            var imageType = _xml.Int(file, image, "ImageType", 0);
            if (imageType is not (0 or 1 or 2))
                _xml.Report(file, image.Element("ImageType"), $"<ImageType> is {imageType}; use 0 (pre-image), 1 (post-image) or 2 (both).");
            if (name is null || alias is null || id is null) return null;
            return new PluginStepImageModel
            {
                Id = id.Value,
                Name = name,
                EntityAlias = alias,
                ImageType = imageType,
                Attributes = XmlSource.NameList(XmlSource.Optional(image, "Attributes")),
                MessagePropertyName = XmlSource.Optional(image, "MessagePropertyName") ?? "Target",
            };
        }

        /// <summary>"Ns.Type, Assembly, Version=..., Culture=..., PublicKeyToken=..." into the type's full name and the assembly name.</summary>
        private static (string TypeName, string AssemblyName) SplitQualifiedName(string qualifiedName)
        {
            var comma = qualifiedName.IndexOf(',');
            return comma < 0 ? (qualifiedName.Trim(), "") : (qualifiedName[..comma].Trim(), qualifiedName[(comma + 1)..].Trim());
        }

        private static bool SameAssembly(string assemblyName, string fullName) =>
            assemblyName.Length == 0 ||
            string.Equals(Normalize(assemblyName), Normalize(fullName), StringComparison.OrdinalIgnoreCase);

        private static string Normalize(string assemblyName) => string.Join(",", assemblyName.Split(',').Select(p => p.Trim()));

        // ---- WebResources ---------------------------------------------------------------------

        private WebResourceModel? ReadWebResource(string file)
        {
            var root = _xml.Load(file, "WebResource");
            if (root is null) return null;
            var id = _xml.Guid(file, root.Element("WebResourceId") ?? (XObject)root, _xml.Required(file, root, "WebResourceId"), "<WebResourceId>");
            var name = _xml.Required(file, root, "Name");
            var type = _xml.Int(file, root, "WebResourceType", 0);
            if (type is < 1 or > 12)
                _xml.Report(file, root.Element("WebResourceType") ?? root, $"<WebResourceType> is {type}; use 1 HTML, 2 CSS, 3 JScript, 4 XML, 5 PNG, 6 JPG, 7 GIF, 8 XAP, 9 XSL, 10 ICO, 11 SVG or 12 RESX.");
            if (id is null || name is null) return null;
            var contentFile = file[..^SolutionLayout.DataFileSuffix.Length];
            var expectedContent = SolutionLayout.WebResourcesFolder + "/" + name;
            if (!string.Equals(contentFile, expectedContent, StringComparison.Ordinal))
                _xml.Report(file, root.Element("Name"), $"the web resource {name} is described in {file}; SolutionPackager keeps it at {expectedContent}{SolutionLayout.DataFileSuffix}, so move the file or fix <Name>.");
            return new WebResourceModel
            {
                Id = id.Value,
                Name = name,
                DisplayName = XmlSource.Optional(root, "DisplayName"),
                WebResourceType = type,
                FileName = contentFile,
                PackageFileName = XmlSource.Optional(root, "FileName"),
                SourceFile = file,
            };
        }

        // ---- Roles ----------------------------------------------------------------------------

        private SecurityRoleModel? ReadRole(string file)
        {
            var root = _xml.Load(file, "Role");
            if (root is null) return null;
            var id = _xml.Guid(file, root, _xml.RequiredAttribute(file, root, "id"), "the role id");
            var name = _xml.RequiredAttribute(file, root, "name");
            if (id is null || name is null) return null;
            var privileges = new List<RolePrivilegeModel>();
            foreach (var privilege in root.Element("RolePrivileges")?.Elements("RolePrivilege") ?? Enumerable.Empty<XElement>())
            {
                var privilegeName = _xml.RequiredAttribute(file, privilege, "name");
                var level = _xml.RequiredAttribute(file, privilege, "level");
                if (level is not null && level is not ("Basic" or "Local" or "Deep" or "Global"))
                    _xml.Report(file, privilege.Attribute("level"), $"'{level}' is not a privilege depth; use Basic, Local, Deep or Global.");
                if (privilegeName is null || level is null) continue;
                privileges.Add(new RolePrivilegeModel { Name = privilegeName, Level = level });
            }
            return new SecurityRoleModel { Id = id.Value, Name = name, Privileges = privileges, SourceFile = file };
        }

        // ---- environmentvariabledefinitions ----------------------------------------------------

        private EnvironmentVariableModel? ReadEnvironmentVariable(string folder)
        {
            var file = folder + "/" + SolutionLayout.EnvironmentVariableFileName;
            var root = _xml.Load(file, "environmentvariabledefinition");
            if (root is null) return null;
            var schemaName = _xml.RequiredAttribute(file, root, "schemaname");
            if (schemaName is null) return null;
            var type = _xml.Int(file, root, "type", 100000000);
            if (type is < 100000000 or > 100000005)
                _xml.Report(file, root.Element("type"), $"<type> is {type}; use 100000000 String, 100000001 Number, 100000002 Boolean, 100000003 JSON, 100000004 Data source or 100000005 Secret.");
            return new EnvironmentVariableModel
            {
                SchemaName = schemaName,
                DisplayName = LabelOrDefault(root.Element("displayname")),
                Description = LabelOrDefault(root.Element("description")),
                Type = type,
                DefaultValue = XmlSource.Optional(root, "defaultvalue"),
                CurrentValue = ReadEnvironmentVariableValue(folder + "/" + SolutionLayout.EnvironmentVariableValuesFileName),
                SourceFile = file,
            };
        }

        /// <summary>environmentvariablevalues.json: {"environmentvariablevalues":{"environmentvariablevalue":{"value":"..."}}}.</summary>
        private string? ReadEnvironmentVariableValue(string file)
        {
            if (!_layout.Exists(file)) return null;
            try
            {
                using var document = JsonDocument.Parse(File.ReadAllText(_layout.FullPath(file)));
                if (document.RootElement.TryGetProperty("environmentvariablevalues", out var values) &&
                    values.TryGetProperty("environmentvariablevalue", out var value))
                {
                    var first = value.ValueKind == JsonValueKind.Array ? value.EnumerateArray().FirstOrDefault() : value;
                    if (first.ValueKind == JsonValueKind.Object && first.TryGetProperty("value", out var text))
                        return text.ValueKind == JsonValueKind.String ? text.GetString() : text.GetRawText();
                }
                _xml.Report(file, null, "the file holds no environmentvariablevalues.environmentvariablevalue.value; write {\"environmentvariablevalues\":{\"environmentvariablevalue\":{\"value\":\"...\"}}}.");
            }
            catch (JsonException e)
            {
                _xml.Report(file, null, $"not valid JSON: {e.Message}");
            }
            return null;
        }

        // ---- customapis -----------------------------------------------------------------------

        private CustomApiModel? ReadCustomApi(string folder, IReadOnlyList<PluginAssemblyModel> assemblies)
        {
            var file = folder + "/" + SolutionLayout.CustomApiFileName;
            var root = _xml.Load(file, "customapi");
            if (root is null) return null;
            var uniqueName = _xml.RequiredAttribute(file, root, "uniquename");
            if (uniqueName is null) return null;
            var bindingType = _xml.Int(file, root, "bindingtype", 0);
            if (bindingType is < 0 or > 2)
                _xml.Report(file, root.Element("bindingtype"), $"<bindingtype> is {bindingType}; use 0 Global, 1 Entity or 2 EntityCollection.");
            var pluginTypeKey = root.Element("plugintypeid")?.Element("plugintypeexportkey");
            var pluginTypeId = pluginTypeKey is null ? null : _xml.Guid(file, pluginTypeKey, pluginTypeKey.Value, "<plugintypeexportkey>");
            var pluginType = pluginTypeId is null ? null : assemblies.SelectMany(a => a.PluginTypes).FirstOrDefault(t => t.Id == pluginTypeId);
            return new CustomApiModel
            {
                UniqueName = uniqueName,
                DisplayName = LabelOrDefault(root.Element("displayname")),
                Description = LabelOrDefault(root.Element("description")),
                BindingType = bindingType,
                BoundEntityLogicalName = Lower(XmlSource.Optional(root, "boundentitylogicalname")),
                IsFunction = _xml.Flag(file, root, "isfunction"),
                IsPrivate = _xml.Flag(file, root, "isprivate"),
                AllowedCustomProcessingStepType = _xml.Int(file, root, "allowedcustomprocessingsteptype", 0),
                ExecutePrivilegeName = XmlSource.Optional(root, "executeprivilegename"),
                PluginTypeId = pluginTypeId,
                PluginTypeName = pluginType?.TypeName,
                RequestParameters = ReadCustomApiParameters(folder + "/" + SolutionLayout.CustomApiRequestParametersFolder,
                    SolutionLayout.CustomApiRequestParameterFileName, "customapirequestparameter"),
                ResponseProperties = ReadCustomApiParameters(folder + "/" + SolutionLayout.CustomApiResponsePropertiesFolder,
                    SolutionLayout.CustomApiResponsePropertyFileName, "customapiresponseproperty"),
                SourceFile = file,
            };
        }

        private IReadOnlyList<CustomApiParameterModel> ReadCustomApiParameters(string folder, string fileName, string rootName)
        {
            var parameters = new List<CustomApiParameterModel>();
            foreach (var parameterFolder in _layout.Directories(folder))
            {
                var file = parameterFolder + "/" + fileName;
                var root = _xml.Load(file, rootName);
                if (root is null) continue;
                var uniqueName = _xml.RequiredAttribute(file, root, "uniquename");
                var type = _xml.Int(file, root, "type", -1);
                if (type is < 0 or > 12)
                    _xml.Report(file, root.Element("type") ?? root, $"<type> is {type}; use 0 Boolean, 1 DateTime, 2 Decimal, 3 Entity, 4 EntityCollection, 5 EntityReference, 6 Float, 7 Integer, 8 Money, 9 Picklist, 10 String, 11 StringArray or 12 Guid.");
                if (uniqueName is null) continue;
                parameters.Add(new CustomApiParameterModel
                {
                    UniqueName = uniqueName,
                    DisplayName = LabelOrDefault(root.Element("displayname")),
                    Type = type,
                    IsOptional = _xml.Flag(file, root, "isoptional"),
                    LogicalEntityName = Lower(XmlSource.Optional(root, "logicalentityname")),
                });
            }
            return parameters;
        }

        // ---- AppModules -----------------------------------------------------------------------

        private AppModuleModel? ReadAppModule(string file)
        {
            var root = _xml.Load(file, "AppModule");
            if (root is null) return null;
            var uniqueName = _xml.Required(file, root, "UniqueName");
            if (uniqueName is null) return null;
            var components = root.Element("AppModuleComponents")?.Elements("AppModuleComponent").ToList() ?? new List<XElement>();
            IEnumerable<XElement> OfType(string type) => components.Where(c => (string?)c.Attribute("type") == type);
            List<Guid> Ids(IEnumerable<XElement> elements) => elements
                .Select(e => _xml.Guid(file, e, (string?)e.Attribute("id"), "the component id"))
                .OfType<Guid>().ToList();
            return new AppModuleModel
            {
                UniqueName = uniqueName,
                DisplayName = XmlSource.Label(root.Element("LocalizedNames"), "LocalizedName"),
                Tables = OfType("1").Select(c => ((string?)c.Attribute("schemaName") ?? "").ToLowerInvariant()).Where(n => n.Length > 0).ToList(),
                FormIds = Ids(OfType("60")),
                ViewIds = Ids(OfType("26")),
                RoleIds = Ids(root.Element("AppModuleRoleMaps")?.Elements("Role") ?? Enumerable.Empty<XElement>()),
                SiteMapName = OfType("62").Select(c => (string?)c.Attribute("schemaName")).FirstOrDefault(),
                SourceFile = file,
            };
        }

        private static string? LabelOrDefault(XElement? element) =>
            element is null ? null : XmlSource.Label(element, "label") ?? (string?)element.Attribute("default");

        private static string? Lower(string? name) => name?.Trim().ToLowerInvariant();
    }
}

public sealed record LayoutReadResult(SolutionModel? Model, IReadOnlyList<LayoutProblem> Problems);

/// <summary>The classid of the form controls the reader looks into.</summary>
public static class FormControlClasses
{
    public const string WebResource = "{9FDF5F91-88B1-47f4-AD53-C11EFC01A01D}";
    public const string Subgrid = "{E7A81278-8635-4d9e-8D4D-59480B391C5B}";
}
