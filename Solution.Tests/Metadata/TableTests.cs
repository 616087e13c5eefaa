using System.Collections.Generic;
using System.Linq;
using CrmTeamSelling.Packager.Model;
using CrmTeamSelling.Solution.Tests.Support;
using static CrmTeamSelling.Plugins.Model.LogicalNames;

namespace CrmTeamSelling.Solution.Tests.Metadata;

/// <summary>The tables and columns of DESIGN.md's data model, as Solution/src defines them.</summary>
[TestClass]
public sealed class TableTests
{
    [TestMethod]
    public void Every_table_the_design_names_is_defined_with_its_display_name_and_a_primary_name_for_lookups()
    {
        var problems = new Problems();
        foreach (var expected in ExpectedModel.TeamSellingTables)
        {
            var table = ShippedSolution.Model.Tables.SingleOrDefault(t => t.LogicalName == expected.LogicalName);
            if (table is null)
            {
                problems.Add($"{expected} ({expected.DisplayName}) is missing: add Entities/{expected}/Entity.xml.");
                continue;
            }

            problems.Expect(table.HasDefinition, $"{table.SourceFile}: {expected} has no primary key column, so it is not a complete table definition.");
            problems.Expect(table.IsCustom, $"{table.SourceFile}: {expected} is not named with the publisher's prefix tsell_.");
            problems.Expect(table.DisplayName == expected.DisplayName, $"{table.SourceFile}: {expected} is displayed as '{table.DisplayName}'; DESIGN.md calls it '{expected.DisplayName}'.");
            problems.Expect(table.PrimaryIdAttribute == expected + "id", $"{table.SourceFile}: the primary key of {expected} is {table.PrimaryIdAttribute}; Dataverse names it {expected}id.");
            problems.Expect(table.PrimaryNameAttribute == DealTeamMember.Name,
                $"{table.SourceFile}: {expected}'s primary name column is {table.PrimaryNameAttribute ?? "missing"}; lookups show tsell_name (DisplayMask PrimaryName).");
            problems.Expect(!string.IsNullOrWhiteSpace(table.Description), $"{table.SourceFile}: {expected} has no description; say what a row is.");
        }

        problems.AssertNone("Team-selling tables");
    }

    [TestMethod]
    public void Every_column_the_design_names_exists_with_its_type_and_required_level()
    {
        var problems = new Problems();
        foreach (var expected in ExpectedModel.AllTables)
        {
            var table = ShippedSolution.Table(expected.LogicalName);
            foreach (var column in expected.Columns)
            {
                var actual = table.Columns.SingleOrDefault(c => c.LogicalName == column.Name);
                if (actual is null)
                {
                    problems.Add($"{table.SourceFile}: {expected} has no column {column.Name} ({column.Type}).");
                    continue;
                }

                problems.Expect(actual.Type == column.Type, $"{table.SourceFile}: {expected}.{column} is {actual.Type}; it must be {column.Type}.");
                problems.Expect(actual.IsCustom, $"{table.SourceFile}: {expected}.{column} is not marked IsCustomField 1.");
                problems.Expect(!string.IsNullOrWhiteSpace(actual.DisplayName) && !string.IsNullOrWhiteSpace(actual.Description),
                    $"{table.SourceFile}: {expected}.{column} needs a display name and a description people can read in the form designer.");
                var required = actual.RequiredLevel is RequiredLevel.ApplicationRequired or RequiredLevel.SystemRequired;
                switch (column.Need)
                {
                    case Need.Required:
                        problems.Expect(required, $"{table.SourceFile}: {expected}.{column} is {actual.RequiredLevel}; make it required (<RequiredLevel>required</RequiredLevel>): the row means nothing without it.");
                        break;
                    case Need.Optional:
                        problems.Expect(!required, $"{table.SourceFile}: {expected}.{column} is {actual.RequiredLevel}; leave it optional: empty means unknown or not yet, which the team must be able to save.");
                        break;
                    case Need.KeptByPlugin:
                        problems.Expect(!required, $"{table.SourceFile}: {expected}.{column} is {actual.RequiredLevel}; a plugin fills it on save, so a required level would stop the form from saving first. Use <RequiredLevel>none</RequiredLevel>.");
                        break;
                }
            }
        }

        problems.AssertNone("Columns of the data model");
    }

    [TestMethod]
    public void Every_lookup_points_to_the_one_table_the_design_names()
    {
        var problems = new Problems();
        foreach (var expected in ExpectedModel.AllTables)
        {
            foreach (var column in expected.Columns.Where(c => c.Target is not null))
            {
                var actual = ShippedSolution.Column(expected.LogicalName, column.Name);
                problems.Expect(actual.LookupTargets.SequenceEqual(new[] { column.Target! }),
                    $"{expected}.{column} points to [{string.Join(", ", actual.LookupTargets)}]; it must point to {column.Target} through one relationship in Other/Relationships.");
            }
        }

        problems.AssertNone("Lookup targets");
    }

    [TestMethod]
    public void Text_columns_have_lengths_Dataverse_accepts_and_the_plugins_rely_on()
    {
        var problems = new Problems();
        foreach (var table in ExpectedModel.AllTables.Select(t => ShippedSolution.Table(t.LogicalName)))
        {
            foreach (var column in table.Columns.Where(c => c.IsCustom && c.Type is "nvarchar" or "ntext"))
            {
                // Dataverse's limits: single line of text up to 4,000 characters, multiple lines up to 1,048,576.
                var limit = column.Type == "nvarchar" ? 4000 : 1048576;
                problems.Expect(column.MaxLength is > 0 && column.MaxLength <= limit,
                    $"{table.SourceFile}: {table.LogicalName}.{column.LogicalName} ({column.Type}) has MaxLength {column.MaxLength?.ToString() ?? "missing"}; give it one from 1 to {limit}.");
            }
        }

        foreach (var expected in ExpectedModel.AllTables)
        {
            foreach (var column in expected.Columns.Where(c => c.MaxLength is not null))
            {
                var actual = ShippedSolution.Column(expected.LogicalName, column.Name);
                problems.Expect(actual.MaxLength == column.MaxLength,
                    $"{expected}.{column} holds {actual.MaxLength} characters; the plugins cut what they write there to {column.MaxLength}, so make them equal.");
            }
        }

        problems.AssertNone("Text lengths");
    }

    [TestMethod]
    public void A_revision_holds_everything_its_deal_solution_holds()
    {
        // The versioning plugin copies the solution into a revision at every change: a revision column of
        // another type, or shorter than the solution's, would make that copy fail on a long text.
        var copied = new[]
        {
            DealSolution.ProblemSummary, DealSolution.ProposedSolution, DealSolution.Scope, DealSolution.Value,
            DealSolution.Amount, DealSolution.Terms, DealSolution.SolutionStatus, DealSolution.ChangeSummary, DealSolution.Version,
        };
        var problems = new Problems();
        foreach (var name in copied)
        {
            var source = ShippedSolution.Column(DealSolution.LogicalName, name);
            var snapshot = ShippedSolution.Table(DealSolutionRevision.LogicalName).Columns.SingleOrDefault(c => c.LogicalName == name);
            if (snapshot is null)
            {
                problems.Add($"{DealSolutionRevision.LogicalName} has no {name}, so a revision cannot keep the solution's {name}.");
                continue;
            }

            problems.Expect(snapshot.Type == source.Type, $"{DealSolutionRevision.LogicalName}.{name} is {snapshot.Type} but {DealSolution.LogicalName}.{name} is {source.Type}; make them the same type.");
            problems.Expect(snapshot.MaxLength >= source.MaxLength || source.MaxLength is null,
                $"{DealSolutionRevision.LogicalName}.{name} holds {snapshot.MaxLength} characters but {DealSolution.LogicalName}.{name} holds {source.MaxLength}; a revision must hold at least as much.");
            problems.Expect(snapshot.GlobalOptionSetName == source.GlobalOptionSetName,
                $"{DealSolutionRevision.LogicalName}.{name} uses the choice {snapshot.GlobalOptionSetName} but the solution's uses {source.GlobalOptionSetName}.");
        }

        problems.AssertNone("Revision columns");
    }

    [TestMethod]
    public void Tables_with_money_columns_have_the_currency_columns_Dataverse_pairs_with_them()
    {
        var problems = new Problems();
        foreach (var table in ShippedSolution.CustomTables.Where(t => t.Columns.Any(c => c.Type == "money" && c.IsCustom && !c.LogicalName.EndsWith("_base", System.StringComparison.Ordinal))))
        {
            var columns = table.Columns.ToDictionary(c => c.LogicalName, c => c);
            problems.Expect(columns.TryGetValue("transactioncurrencyid", out var currency) && currency.LookupTargets.SequenceEqual(new[] { "transactioncurrency" }),
                $"{table.SourceFile}: {table.LogicalName} has money columns but no transactioncurrencyid lookup to transactioncurrency.");
            problems.Expect(columns.ContainsKey("exchangerate"), $"{table.SourceFile}: {table.LogicalName} has money columns but no exchangerate column.");
            foreach (var money in table.Columns.Where(c => c.Type == "money" && c.IsCustom && !c.LogicalName.EndsWith("_base", System.StringComparison.Ordinal)))
            {
                problems.Expect(columns.ContainsKey(money.LogicalName + "_base"), $"{table.SourceFile}: {table.LogicalName}.{money.LogicalName} has no {money.LogicalName}_base column in the base currency.");
            }
        }

        problems.AssertNone("Currency columns");
    }
}
