using System;
using System.Linq;
using System.Xml.Linq;
using CrmTeamSelling.Emulator.Metadata;
using CrmTeamSelling.Packager.Model;
using CrmTeamSelling.Plugins.Model;
using CrmTeamSelling.Solution.Tests.Support;
using static CrmTeamSelling.Plugins.Model.LogicalNames;

namespace CrmTeamSelling.Solution.Tests.Metadata;

/// <summary>The forms: every field and subgrid they show exists, people can fill what is required, and opportunity gets a form of its own.</summary>
[TestClass]
public sealed class FormTests
{
    private const string TeamSellingFormName = "Team Selling";
    private const string StakeholderMap = "tsell_/stakeholdermap/index.html";

    [TestMethod]
    public void Every_field_on_every_form_is_a_column_of_its_table()
    {
        var problems = new Problems();
        foreach (var (table, form) in ShippedSolution.Forms)
        {
            var known = ShippedSolution.KnownTable(table.LogicalName);
            if (known is null)
            {
                problems.Add($"{form.SourceFile}: the form's table {table.LogicalName} is neither in the solution nor a standard table the emulator knows.");
                continue;
            }

            foreach (var field in form.Fields.Where(f => !known.HasColumn(f)))
            {
                problems.Add($"{form.SourceFile}: the form '{form.Name}' shows {field}, which is not a column of {table.LogicalName}.");
            }
        }

        problems.AssertNone("Form fields");
    }

    [TestMethod]
    public void Every_subgrid_shows_its_table_through_a_relationship_of_the_forms_table_with_a_view_of_that_table()
    {
        var problems = new Problems();
        foreach (var (table, form) in ShippedSolution.Forms)
        {
            foreach (var grid in form.Subgrids)
            {
                var where = $"{form.SourceFile}: subgrid {grid.Name} of '{form.Name}'";
                if (grid.TargetEntity is null || ShippedSolution.KnownTable(grid.TargetEntity) is null)
                {
                    problems.Add($"{where} shows '{grid.TargetEntity ?? "no table"}', which is not a table the solution or the org has.");
                    continue;
                }

                var relationship = grid.RelationshipName is null ? null : ShippedSolution.Catalog.FindRelationship(grid.RelationshipName);
                if (relationship is null)
                {
                    problems.Add($"{where} uses the relationship '{grid.RelationshipName ?? "(none)"}', which does not exist.");
                }
                else
                {
                    var joins = relationship.Kind == RelationshipKind.ManyToMany
                        ? new[] { relationship.Entity1, relationship.Entity2 }.OrderBy(n => n).SequenceEqual(new[] { table.LogicalName, grid.TargetEntity }.OrderBy(n => n))
                        : relationship.ReferencedEntity == table.LogicalName && relationship.ReferencingEntity == grid.TargetEntity;
                    problems.Expect(joins, $"{where} uses {relationship.SchemaName}, which does not lead from {table.LogicalName} to {grid.TargetEntity}.");
                }

                var views = ShippedSolution.Model.Tables.Where(t => t.LogicalName == grid.TargetEntity).SelectMany(t => t.Views);
                problems.Expect(grid.ViewId is Guid id && views.Any(v => v.Id == id),
                    $"{where} uses the view {grid.ViewId?.ToString("B") ?? "(none)"}, which is not a view of {grid.TargetEntity} in the solution.");
            }
        }

        problems.AssertNone("Subgrids");
    }

    [TestMethod]
    public void Every_web_resource_a_form_uses_ships_in_the_solution()
    {
        var shipped = ShippedSolution.Model.WebResources.Select(w => w.Name).ToHashSet(StringComparer.Ordinal);
        var problems = new Problems();
        foreach (var (_, form) in ShippedSolution.Forms)
        {
            foreach (var name in form.WebResources.Where(n => !shipped.Contains(n)))
            {
                problems.Add($"{form.SourceFile}: '{form.Name}' uses the web resource {name}, which WebResources/ does not ship.");
            }
        }

        problems.AssertNone("Form web resources");
    }

    [TestMethod]
    public void Every_table_of_the_solution_has_a_main_form_and_those_added_from_subgrids_a_quick_create_form()
    {
        var problems = new Problems();
        foreach (var table in ShippedSolution.CustomTables)
        {
            problems.Expect(table.Forms.Any(f => f.FormType == "main"), $"{table.SourceFile}: {table.LogicalName} has no main form (FormXml/main).");
            if (!ExpectedModel.AddedFromSubgrids.Contains(table.LogicalName))
            {
                continue;
            }

            problems.Expect(table.Forms.Any(f => f.FormType == "quickCreate"), $"{table.SourceFile}: {table.LogicalName} is added from subgrids but has no quick create form (FormXml/quickCreate).");
            // Without it the app opens the full form instead of the quick create form.
            problems.Expect(EntityFlag(table, "IsQuickCreateEnabled"), $"{table.SourceFile}: {table.LogicalName} has a quick create form but <IsQuickCreateEnabled> is not 1.");
        }

        problems.AssertNone("Main and quick create forms");
    }

    [TestMethod]
    public void Every_team_selling_form_shows_the_required_columns_people_must_fill()
    {
        var problems = new Problems();
        foreach (var table in ShippedSolution.CustomTables)
        {
            var mustFill = table.Columns
                .Where(c => c.RequiredLevel is RequiredLevel.ApplicationRequired or RequiredLevel.SystemRequired)
                .Where(c => c.Type is not ("primarykey" or "owner" or "state" or "status"))
                .Where(c => !HasDefault(table, c.LogicalName))
                .ToList();
            foreach (var form in table.Forms.Where(f => f.FormType is "main" or "quickCreate"))
            {
                foreach (var column in mustFill.Where(c => !form.Fields.Contains(c.LogicalName)))
                {
                    problems.Add($"{form.SourceFile}: '{form.Name}' does not show {column.LogicalName}, which is required and has no default, so the form can never be saved.");
                }
            }
        }

        problems.AssertNone("Required columns on forms");
    }

    [TestMethod]
    public void The_opportunitys_Team_Selling_form_is_a_new_form_with_the_stakeholder_map_and_the_team_selling_subgrids()
    {
        var opportunity = ShippedSolution.Table(Opportunity.LogicalName);
        var form = opportunity.Forms.SingleOrDefault(f => f.Name == TeamSellingFormName);
        Assert.IsNotNull(form, $"Entities/Opportunity/FormXml/main has no form named '{TeamSellingFormName}'.");
        Assert.AreEqual("main", form.FormType);

        // A form of our own, not the customer's: a component of its own in the manifest, added on top of
        // opportunity without its subcomponents (behavior 2), deletable like any form made in an org.
        var roots = ShippedSolution.Model.Manifest.RootComponents;
        Assert.IsTrue(roots.Any(r => r.Type == 60 && r.Id == form.Id), $"Other/Solution.xml must list the form {form.Id:B} as a root component of type 60.");
        var opportunityRoot = roots.SingleOrDefault(r => r.Type == 1 && string.Equals(r.SchemaName, Opportunity.LogicalName, StringComparison.OrdinalIgnoreCase));
        Assert.IsTrue(opportunityRoot is null || opportunityRoot.Behavior != 0,
            "Other/Solution.xml includes opportunity with all its subcomponents (behavior 0), which would ship the customer's own opportunity forms; use behavior 2.");
        Assert.AreEqual(1, opportunity.Forms.Count(f => f.FormType == "main"), "Entities/Opportunity must carry only the Team Selling form, never a standard one.");
        var systemForm = ShippedSolution.Xml(form.SourceFile).Root!.Element("systemform")!;
        Assert.AreEqual("1", systemForm.Element("CanBeDeleted")?.Value, $"{form.SourceFile}: a form made in this solution has <CanBeDeleted>1</CanBeDeleted>; 0 marks a system form.");

        CollectionAssert.Contains(form.WebResources.ToList(), StakeholderMap, $"{form.SourceFile}: the form has no web resource control showing {StakeholderMap}.");

        var subgrids = form.Subgrids.Select(s => (s.TargetEntity, s.RelationshipName)).ToList();
        foreach (var expected in new[]
        {
            (DealTeamMember.LogicalName, Relationships.OpportunityDealTeamMembers),
            (Stakeholder.LogicalName, Relationships.OpportunityStakeholders),
            (Counterpart.LogicalName, Relationships.OpportunityCounterparts),
            (DealSolution.LogicalName, Relationships.OpportunityDealSolution),
            (DealReview.LogicalName, Relationships.OpportunityDealReviews),
            (Task.LogicalName, Opportunity.TasksRelationship),
        })
        {
            Assert.IsTrue(subgrids.Contains(expected), $"{form.SourceFile}: the form has no subgrid of {expected.Item1} through {expected.Item2}. It has: {string.Join("; ", subgrids)}.");
        }

        // Shown to the two team-selling roles, so other users keep the form they have.
        var shownTo = systemForm.Element("form")?.Element("DisplayConditions")?.Elements("Role").Select(r => Guid.Parse((string)r.Attribute("Id")!)).OrderBy(g => g).ToList();
        CollectionAssert.AreEqual(ShippedSolution.Model.Roles.Select(r => r.Id).OrderBy(g => g).ToList(), shownTo,
            $"{form.SourceFile}: <DisplayConditions> must name the Team Selling Member and Manager roles.");
    }

    private static XElement? AttributeXml(TableModel table, string column)
        => ShippedSolution.Xml(table.SourceFile).Descendants("attribute").SingleOrDefault(a => (string?)a.Element("LogicalName") == column);

    /// <summary>Whether a choice column has a default the form fills a new row with (AppDefaultValue other than -1).</summary>
    private static bool HasDefault(TableModel table, string column)
        => (string?)AttributeXml(table, column)?.Element("AppDefaultValue") is { } value && value != "-1";

    private static bool EntityFlag(TableModel table, string element)
        => ShippedSolution.Xml(table.SourceFile).Descendants("entity").FirstOrDefault()?.Element(element)?.Value == "1";
}
