using System;
using System.Collections.Generic;
using System.Linq;
using System.Xml.Linq;
using CrmTeamSelling.Packager.Model;
using CrmTeamSelling.Solution.Tests.Support;
using static CrmTeamSelling.Plugins.Model.LogicalNames;

namespace CrmTeamSelling.Solution.Tests.Metadata;

/// <summary>The views: every column they show or query exists, and each table has the views an app needs.</summary>
[TestClass]
public sealed class ViewTests
{
    /// <summary>Dataverse's savedquery querytype values.</summary>
    private static readonly IReadOnlyDictionary<int, string> QueryTypes = new Dictionary<int, string>
    {
        [0] = "public",
        [1] = "advanced find",
        [2] = "associated (subgrid)",
        [4] = "quick find",
        [64] = "lookup",
    };

    [TestMethod]
    public void Every_column_a_view_shows_or_queries_is_a_column_of_its_table()
    {
        var problems = new Problems();
        foreach (var (table, view) in ShippedSolution.Views)
        {
            var where = $"{view.SourceFile} ('{view.Name}')";
            if (string.IsNullOrWhiteSpace(view.FetchXml))
            {
                problems.Add($"{where} has no <fetchxml>.");
                continue;
            }

            var entity = XElement.Parse(view.FetchXml).Element("entity");
            if (entity is null || (string?)entity.Attribute("name") != table.LogicalName)
            {
                problems.Add($"{where} queries '{(string?)entity?.Attribute("name")}' but is a view of {table.LogicalName}.");
                continue;
            }

            // Every table of the query, by the name conditions and layout cells use for it. Each entity and
            // link-entity is checked for its own children (Elements), not those of the link-entities inside it.
            var aliases = new Dictionary<string, (string Table, XElement Element)>(StringComparer.Ordinal) { [""] = (table.LogicalName, entity) };
            foreach (var link in entity.Descendants("link-entity"))
            {
                aliases[(string?)link.Attribute("alias") ?? (string?)link.Attribute("name") ?? ""] = ((string?)link.Attribute("name") ?? "", link);
            }

            foreach (var (alias, (tableName, element)) in aliases)
            {
                CheckQueriedColumns(problems, where, alias, tableName, element, aliases);
            }

            foreach (var cell in view.LayoutColumns)
            {
                var dot = cell.IndexOf('.');
                var alias = dot < 0 ? "" : cell[..dot];
                var column = dot < 0 ? cell : cell[(dot + 1)..];
                if (!aliases.TryGetValue(alias, out var source))
                {
                    problems.Add($"{where} shows {cell}, but the query has no link-entity with the alias '{alias}'.");
                    continue;
                }

                RequireColumn(problems, where, source.Table, column, "shows");
                // A grid shows only what the query fetches: a layout column missing from the fetch stays empty.
                problems.Expect(source.Element.Elements("attribute").Any(a => (string?)a.Attribute("name") == column),
                    $"{where} shows {cell} but its fetch does not read it; add <attribute name=\"{column}\" /> to the {(alias.Length == 0 ? "entity" : "link-entity " + alias)}.");
            }
        }

        problems.AssertNone("View columns");
    }

    [TestMethod]
    public void Every_table_of_the_solution_has_the_views_a_model_driven_app_needs()
    {
        var problems = new Problems();
        foreach (var table in ShippedSolution.CustomTables)
        {
            foreach (var (type, purpose) in QueryTypes)
            {
                var defaults = table.Views.Where(v => v.QueryType == type && v.IsDefault).ToList();
                problems.Expect(defaults.Count == 1, $"{table.SourceFile}: {table.LogicalName} has {defaults.Count} default {purpose} views (querytype {type}); it needs exactly one.");
            }

            var active = table.Views.SingleOrDefault(v => v.QueryType == 0 && v.IsDefault);
            problems.Expect(active is not null && Filters(active, "statecode", "0"),
                $"{table.SourceFile}: the default public view of {table.LogicalName} ('{active?.Name}') must show the active rows (statecode 0).");
            problems.Expect(table.Views.Any(v => v.QueryType == 0 && v.Name.StartsWith("Inactive ", StringComparison.Ordinal) && Filters(v, "statecode", "1")),
                $"{table.SourceFile}: {table.LogicalName} has no 'Inactive ...' public view showing rows with statecode 1.");
        }

        problems.AssertNone("Standard views");
    }

    [TestMethod]
    public void The_views_the_issue_names_exist_on_their_tables()
    {
        var problems = new Problems();
        foreach (var table in new[] { DealTeamMember.LogicalName, Stakeholder.LogicalName, Counterpart.LogicalName, DealReview.LogicalName })
        {
            var byOpportunity = ShippedSolution.Table(table).Views.Where(v => v.QueryType == 0 && v.Name.EndsWith(" by Opportunity", StringComparison.Ordinal)).ToList();
            problems.Expect(byOpportunity.Count == 1 && XElement.Parse(byOpportunity[0].FetchXml!).Element("entity")!.Elements("order").FirstOrDefault()?.Attribute("attribute")?.Value == DealTeamMember.OpportunityId,
                $"{ShippedSolution.Table(table).SourceFile}: {table} needs one public view '... by Opportunity' ordered first by tsell_opportunityid.");
        }

        foreach (var (table, name) in new[]
        {
            (Opportunity.LogicalName, ExpectedModel.ViewNames.MyDealsAsTeamMember),
            (Stakeholder.LogicalName, ExpectedModel.ViewNames.StakeholdersWithoutCounterpart),
            (Task.LogicalName, ExpectedModel.ViewNames.OverdueActions),
        })
        {
            problems.Expect(ShippedSolution.Table(table).Views.Any(v => v.Name == name && v.QueryType == 0), $"{table} has no public view '{name}'.");
        }

        problems.AssertNone("Named views");
    }

    private static void CheckQueriedColumns(Problems problems, string where, string alias, string table, XElement element, IReadOnlyDictionary<string, (string Table, XElement Element)> aliases)
    {
        var label = alias.Length == 0 ? table : $"{table} (link-entity {alias})";
        if (ShippedSolution.KnownTable(table) is null)
        {
            problems.Add($"{where} queries {label}, a table neither the solution nor the org has.");
            return;
        }

        foreach (var attribute in element.Elements("attribute"))
        {
            RequireColumn(problems, where, table, (string?)attribute.Attribute("name"), "reads");
        }

        foreach (var order in element.Elements("order"))
        {
            RequireColumn(problems, where, table, (string?)order.Attribute("attribute"), "orders by");
        }

        foreach (var condition in element.Elements("filter").Descendants("condition"))
        {
            var entityName = (string?)condition.Attribute("entityname");
            var conditionTable = entityName is null ? table : aliases.TryGetValue(entityName, out var aliased) ? aliased.Table : null;
            if (conditionTable is null)
            {
                problems.Add($"{where} filters on the alias '{entityName}', which the query does not define.");
                continue;
            }

            RequireColumn(problems, where, conditionTable, (string?)condition.Attribute("attribute"), "filters on");
        }

        if (element.Name == "link-entity")
        {
            var parentTable = (string)element.Parent!.Attribute("name")!;
            RequireColumn(problems, where, table, (string?)element.Attribute("from"), "joins from");
            RequireColumn(problems, where, parentTable, (string?)element.Attribute("to"), "joins to");
        }
    }

    private static void RequireColumn(Problems problems, string where, string table, string? column, string verb)
    {
        var known = ShippedSolution.KnownTable(table);
        problems.Expect(column is not null && known is not null && known.HasColumn(column), $"{where} {verb} {table}.{column ?? "(no name)"}, which is not a column of {table}.");
    }

    private static bool Filters(ViewModel view, string column, string value)
        => XElement.Parse(view.FetchXml!).Element("entity")!.Elements("filter").Descendants("condition")
            .Any(c => (string?)c.Attribute("attribute") == column && (string?)c.Attribute("operator") == "eq" && (string?)c.Attribute("value") == value);
}
