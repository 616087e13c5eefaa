using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using CrmTeamSelling.Packager.Layout;
using CrmTeamSelling.Packager.Model;

namespace CrmTeamSelling.WebResources.Harness;

/// <summary>
/// The metadata FakeXrm serves, read from Solution/src with the Packager's reader: the solution's
/// tables (columns, lookups and their navigation properties, choices), its custom APIs, plus the
/// standard tables and system columns Dataverse has in every org. A web resource that names a
/// column the solution does not have then fails in the browser tests as it would in Dataverse.
/// </summary>
public sealed class FakeMetadata
{
    private readonly Dictionary<string, TableMeta> tables = new(StringComparer.Ordinal);
    private readonly JsonObject customApis = new();

    private sealed record ColumnMeta(string Type, IReadOnlyList<string> Targets, string? Navigation, IReadOnlyList<OptionModel> Options);

    private sealed record TableMeta(string EntitySetName, string PrimaryId, string? PrimaryName, Dictionary<string, ColumnMeta> Columns);

    /// <summary>
    /// Reads the layout. Problems elsewhere in it (the Packager's check reports those) do not stop
    /// the web resources' tests; a layout whose manifest cannot be read does.
    /// </summary>
    public static FakeMetadata FromSolution(string? solutionSource = null)
    {
        var result = SolutionLayoutReader.ReadCollectingProblems(solutionSource ?? HarnessPaths.SolutionSource);
        if (result.Model is null) throw new SolutionLayoutException(result.Problems);
        return new FakeMetadata(result.Model);
    }

    private FakeMetadata(SolutionModel model)
    {
        AddStandardTables();
        var globals = model.GlobalOptionSets.ToDictionary(o => o.Name, StringComparer.OrdinalIgnoreCase);
        foreach (var table in model.Tables.Where(t => t.HasDefinition))
        {
            var columns = new Dictionary<string, ColumnMeta>(StringComparer.Ordinal);
            foreach (var column in table.Columns)
            {
                var options = column.OptionSet?.Options
                    ?? (column.GlobalOptionSetName is not null && globals.TryGetValue(column.GlobalOptionSetName, out var global) ? global.Options : Array.Empty<OptionModel>());
                columns[column.LogicalName] = new ColumnMeta(column.Type.ToLowerInvariant(), column.LookupTargets,
                    IsLookup(column.Type) ? column.SchemaName ?? column.LogicalName : null, options);
            }
            AddSystemColumns(columns, table.PrimaryIdAttribute);
            tables[table.LogicalName] = new TableMeta(table.EntitySetName ?? table.LogicalName + "s", table.PrimaryIdAttribute, table.PrimaryNameAttribute, columns);
        }
        foreach (var api in model.CustomApis)
        {
            customApis[api.UniqueName] = new JsonObject
            {
                ["name"] = api.UniqueName,
                ["isFunction"] = api.IsFunction,
                ["bindingType"] = api.BindingType,
                ["boundEntity"] = api.BoundEntityLogicalName,
                ["requestParameters"] = Parameters(api.RequestParameters),
                ["responseProperties"] = Parameters(api.ResponseProperties),
            };
        }
    }

    private static JsonArray Parameters(IEnumerable<CustomApiParameterModel> parameters) =>
        new(parameters.Select(p => (JsonNode)new JsonObject
        {
            ["name"] = p.UniqueName,
            ["type"] = p.Type,
            ["optional"] = p.IsOptional,
            ["entity"] = p.LogicalEntityName,
        }).ToArray());

    private static bool IsLookup(string type) => type is "lookup" or "owner" or "customer";

    public bool HasTable(string table) => tables.ContainsKey(table);

    public bool HasColumn(string table, string column) => tables.TryGetValue(table, out var t) && t.Columns.ContainsKey(column);

    public string PrimaryId(string table) => Table(table).PrimaryId;

    public string? PrimaryName(string table) => Table(table).PrimaryName;

    private TableMeta Table(string table) =>
        tables.TryGetValue(table, out var t) ? t : throw new InvalidOperationException($"Solution/src has no table {table}.");

    /// <summary>The value of the choice with this label (case-insensitive) on the column, as Solution/src defines it.</summary>
    public int Choice(string table, string column, string label)
    {
        var t = Table(table);
        if (!t.Columns.TryGetValue(column, out var c)) throw new InvalidOperationException($"Solution/src: {table} has no column {column}.");
        var option = c.Options.FirstOrDefault(o => string.Equals(o.Label, label, StringComparison.OrdinalIgnoreCase));
        return option?.Value ?? throw new InvalidOperationException(
            $"Solution/src: {table}.{column} has no choice labelled '{label}' (it has: {string.Join(", ", c.Options.Select(o => $"{o.Value} {o.Label}"))}).");
    }

    public string LabelOf(string table, string column, int value) =>
        Table(table).Columns[column].Options.FirstOrDefault(o => o.Value == value)?.Label ?? value.ToString();

    public JsonObject ToJson()
    {
        var tablesJson = new JsonObject();
        foreach (var (name, t) in tables)
        {
            var columns = new JsonObject();
            foreach (var (column, c) in t.Columns)
            {
                var json = new JsonObject { ["type"] = c.Type };
                if (c.Targets.Count > 0) json["targets"] = new JsonArray(c.Targets.Select(x => (JsonNode)JsonValue.Create(x)!).ToArray());
                if (c.Navigation is not null) json["navigation"] = c.Navigation;
                if (c.Options.Count > 0)
                {
                    var options = new JsonObject();
                    foreach (var o in c.Options) options[o.Value.ToString()] = o.Label;
                    json["options"] = options;
                }
                columns[column] = json;
            }
            tablesJson[name] = new JsonObject
            {
                ["entitySetName"] = t.EntitySetName,
                ["primaryId"] = t.PrimaryId,
                ["primaryName"] = t.PrimaryName,
                ["columns"] = columns,
            };
        }
        return new JsonObject { ["tables"] = tablesJson, ["customApis"] = customApis.DeepClone() };
    }

    // Columns Dataverse gives every user-owned table, whether or not the layout lists them.
    private static void AddSystemColumns(Dictionary<string, ColumnMeta> columns, string primaryId)
    {
        void Add(string name, ColumnMeta meta) => columns.TryAdd(name, meta);
        var none = Array.Empty<OptionModel>();
        var users = new[] { "systemuser" };
        Add(primaryId, new ColumnMeta("primarykey", Array.Empty<string>(), null, none));
        Add("createdby", new ColumnMeta("lookup", users, "createdby", none));
        Add("modifiedby", new ColumnMeta("lookup", users, "modifiedby", none));
        Add("createdon", new ColumnMeta("datetime", Array.Empty<string>(), null, none));
        Add("modifiedon", new ColumnMeta("datetime", Array.Empty<string>(), null, none));
        Add("ownerid", new ColumnMeta("owner", new[] { "systemuser", "team" }, "ownerid", none));
        Add("statecode", new ColumnMeta("state", Array.Empty<string>(), null,
            new[] { new OptionModel { Value = 0, Label = "Active" }, new OptionModel { Value = 1, Label = "Inactive" } }));
        Add("statuscode", new ColumnMeta("status", Array.Empty<string>(), null,
            new[] { new OptionModel { Value = 1, Label = "Active" }, new OptionModel { Value = 2, Label = "Inactive" } }));
    }

    // The standard tables the web resources touch, with the columns a test needs; the solution
    // only declares them as dependencies.
    private void AddStandardTables()
    {
        var none = Array.Empty<OptionModel>();
        var text = new ColumnMeta("nvarchar", Array.Empty<string>(), null, none);
        TableMeta Standard(string set, string id, string name, params string[] textColumns)
        {
            var columns = new Dictionary<string, ColumnMeta>(StringComparer.Ordinal) { [name] = text };
            foreach (var c in textColumns) columns[c] = text;
            AddSystemColumns(columns, id);
            return new TableMeta(set, id, name, columns);
        }
        tables["opportunity"] = Standard("opportunities", "opportunityid", "name");
        tables["contact"] = Standard("contacts", "contactid", "fullname", "firstname", "lastname", "jobtitle");
        tables["systemuser"] = Standard("systemusers", "systemuserid", "fullname", "internalemailaddress");
        tables["team"] = Standard("teams", "teamid", "name");
    }
}
