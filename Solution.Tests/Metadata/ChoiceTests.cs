using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using CrmTeamSelling.Packager.Model;
using CrmTeamSelling.Solution.Tests.Support;
using static CrmTeamSelling.Plugins.Model.LogicalNames;

namespace CrmTeamSelling.Solution.Tests.Metadata;

/// <summary>The choices (option sets): shared where DESIGN.md shares them, values the plugins' constants name, the publisher's prefix.</summary>
[TestClass]
public sealed class ChoiceTests
{
    /// <summary>DESIGN.md: option value prefix 41200, so choice values run from 412000000 upward.</summary>
    private const int OptionValuePrefix = 41200;

    [TestMethod]
    public void The_level_is_one_global_choice_shared_by_team_members_and_stakeholders()
    {
        var level = ShippedSolution.Model.GlobalOptionSets.SingleOrDefault(o => o.Name == ExpectedModel.OptionSets.Level);
        Assert.IsNotNull(level, $"OptionSets/{ExpectedModel.OptionSets.Level}.xml is missing: team members and stakeholders share one level choice so that counterparts are paired rank for rank.");
        Assert.IsTrue(level.IsGlobal);

        foreach (var (table, column) in new[] { (DealTeamMember.LogicalName, DealTeamMember.Level), (Stakeholder.LogicalName, Stakeholder.Level) })
        {
            var actual = ShippedSolution.Column(table, column);
            Assert.AreEqual(ExpectedModel.OptionSets.Level, actual.GlobalOptionSetName,
                $"{table}.{column} must use the global choice {ExpectedModel.OptionSets.Level} (<OptionSetName>), not a choice of its own.");
            Assert.IsNull(actual.OptionSet, $"{table}.{column} defines local options; remove its <optionset> and name the global choice instead.");
        }
    }

    [TestMethod]
    public void Every_choice_has_the_values_of_the_plugins_constants_and_the_labels_of_the_design()
    {
        var problems = new Problems();
        foreach (var expected in ExpectedModel.AllTables)
        {
            foreach (var column in expected.Columns.Where(c => c.Values is not null))
            {
                var actual = ShippedSolution.Column(expected.LogicalName, column.Name);
                problems.Expect(actual.GlobalOptionSetName == column.GlobalChoice,
                    $"{expected}.{column} uses the global choice '{actual.GlobalOptionSetName ?? "none"}'; expected '{column.GlobalChoice ?? "none (a choice of its own)"}'.");
                var options = OptionsOf(actual);
                if (options is null)
                {
                    problems.Add($"{expected}.{column} names the global choice {actual.GlobalOptionSetName}, which OptionSets/ does not define.");
                    continue;
                }

                var values = ConstantsOf(column.Values!);
                var described = string.Join(", ", options.Select(o => $"{o.Value} {o.Label}"));
                problems.Expect(options.Select(o => o.Value).SequenceEqual(values.Select(v => v.Value)),
                    $"{expected}.{column} has the values [{described}]; {column.Values!.Name} in Plugins/Model declares [{string.Join(", ", values.Select(v => $"{v.Value} {v.Name}"))}]. Change both together.");
                problems.Expect(options.Select(o => o.Label).SequenceEqual(column.Labels!),
                    $"{expected}.{column} has the labels [{string.Join(", ", options.Select(o => o.Label))}]; DESIGN.md lists [{string.Join(", ", column.Labels!)}].");
            }
        }

        problems.AssertNone("Choice values and labels");
    }

    [TestMethod]
    public void Every_choice_value_the_solution_defines_carries_the_publishers_prefix()
    {
        var publisher = ShippedSolution.Model.Manifest.Publisher;
        Assert.AreEqual(OptionValuePrefix, publisher.CustomizationOptionValuePrefix, "Other/Solution.xml: the publisher's CustomizationOptionValuePrefix must be 41200 (DESIGN.md).");
        Assert.AreEqual("tsell", publisher.CustomizationPrefix, "Other/Solution.xml: the publisher's CustomizationPrefix must be tsell (DESIGN.md).");

        var problems = new Problems();
        var choices = ShippedSolution.Model.GlobalOptionSets.Select(o => (Where: $"OptionSets/{o.Name}.xml", Choice: o))
            .Concat(ShippedSolution.Model.Tables.SelectMany(t => t.Columns
                .Where(c => c.IsCustom && c.OptionSet is not null && c.Type is "picklist" or "multiselectpicklist")
                .Select(c => (Where: $"{t.SourceFile} ({t.LogicalName}.{c.LogicalName})", Choice: c.OptionSet!))));
        foreach (var (where, choice) in choices)
        {
            problems.Expect(choice.Options.Count > 0, $"{where}: the choice {choice.Name} has no options.");
            foreach (var option in choice.Options.Where(o => o.Value / 10000 != OptionValuePrefix))
            {
                problems.Add($"{where}: '{option.Label}' has the value {option.Value}; the publisher's values are {OptionValuePrefix}0000 to {OptionValuePrefix}9999.");
            }
        }

        problems.AssertNone("Choice value prefix");
    }

    /// <summary>The options of a choice column: its own, or those of the global choice it names.</summary>
    internal static IReadOnlyList<OptionModel>? OptionsOf(ColumnModel column)
        => column.OptionSet?.Options
           ?? ShippedSolution.Model.GlobalOptionSets.SingleOrDefault(o => o.Name == column.GlobalOptionSetName)?.Options;

    /// <summary>The int constants of a class in Plugins/Model, in declaration order.</summary>
    internal static IReadOnlyList<(string Name, int Value)> ConstantsOf(Type type)
        => type.GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(int))
            .OrderBy(f => f.MetadataToken)
            .Select(f => (f.Name, (int)f.GetRawConstantValue()!))
            .ToList();
}
