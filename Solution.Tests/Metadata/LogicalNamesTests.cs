using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using CrmTeamSelling.Plugins.Model;
using CrmTeamSelling.Solution.Tests.Support;

namespace CrmTeamSelling.Solution.Tests.Metadata;

/// <summary>
/// Plugins/Model/LogicalNames.cs against Solution/src: a table, column, key or relationship renamed on one
/// side only fails here, not in an org.
/// </summary>
[TestClass]
public sealed class LogicalNamesTests
{
    private const BindingFlags Constants = BindingFlags.Public | BindingFlags.Static;

    [TestMethod]
    public void Every_name_of_every_table_class_exists_in_the_metadata()
    {
        var problems = new Problems();
        foreach (var names in TableClasses())
        {
            var where = $"LogicalNames.{names.Name}";
            var logicalName = Value(names, "LogicalName")!;
            var table = ShippedSolution.KnownTable(logicalName);
            if (table is null)
            {
                problems.Add($"{where}.LogicalName is {logicalName}, a table neither Solution/src nor the standard catalog has.");
                continue;
            }

            var solutionTable = ShippedSolution.Model.Tables.SingleOrDefault(t => t.LogicalName == logicalName && t.HasDefinition);
            foreach (var field in names.GetFields(Constants).Where(f => f.IsLiteral && f.FieldType == typeof(string) && f.Name != "LogicalName"))
            {
                var value = (string)field.GetRawConstantValue()!;
                switch (field.Name)
                {
                    case "EntitySetName":
                        problems.Expect(solutionTable is null || solutionTable.EntitySetName == value,
                            $"{where}.EntitySetName is {value}; {solutionTable?.SourceFile} says {solutionTable?.EntitySetName}.");
                        break;
                    case "Id":
                        problems.Expect(table.PrimaryIdAttribute == value, $"{where}.Id is {value}; the primary key of {logicalName} is {table.PrimaryIdAttribute}.");
                        break;
                    case var key when key.EndsWith("Key", StringComparison.Ordinal):
                        problems.Expect(table.Keys.Any(k => k.LogicalName == value), $"{where}.{field.Name} is {value}, which is not an alternate key of {logicalName}.");
                        break;
                    case var relationship when relationship.EndsWith("Relationship", StringComparison.Ordinal):
                        problems.Expect(ShippedSolution.Catalog.FindRelationship(value) is not null, $"{where}.{field.Name} is {value}, which is not a relationship.");
                        break;
                    default:
                        problems.Expect(table.HasColumn(value), $"{where}.{field.Name} is {value}, which is not a column of {logicalName}.");
                        break;
                }
            }
        }

        problems.AssertNone("LogicalNames table classes");
    }

    [TestMethod]
    public void Every_column_the_solution_adds_has_its_name_in_LogicalNames()
    {
        var named = TableClasses().GroupBy(c => Value(c, "LogicalName")!)
            .ToDictionary(g => g.Key, g => g.SelectMany(c => c.GetFields(Constants)).Where(f => f.IsLiteral && f.FieldType == typeof(string)).Select(f => (string)f.GetRawConstantValue()!).ToHashSet());
        var problems = new Problems();
        foreach (var table in ShippedSolution.Model.Tables)
        {
            foreach (var column in table.Columns.Where(c => c.IsCustom && !c.LogicalName.EndsWith("_base", StringComparison.Ordinal)))
            {
                // A column nobody names is either dead or read through a string typed somewhere else.
                problems.Expect(named.TryGetValue(table.LogicalName, out var names) && names.Contains(column.LogicalName),
                    $"{table.SourceFile}: {table.LogicalName}.{column.LogicalName} has no constant in Plugins/Model/LogicalNames.cs.");
            }
        }

        problems.AssertNone("Solution columns without a name in LogicalNames");
    }

    [TestMethod]
    public void Every_relationship_name_exists_and_joins_the_tables_its_comment_names()
    {
        var problems = new Problems();
        foreach (var field in typeof(Relationships).GetFields(Constants).Where(f => f.IsLiteral))
        {
            var value = (string)field.GetRawConstantValue()!;
            if (field.Name == nameof(Relationships.DealReviewAttendeesIntersectTable))
            {
                problems.Expect(ShippedSolution.Catalog.FindTable(value)?.IsIntersect == true
                                && ShippedSolution.Catalog.FindRelationship(Relationships.DealReviewAttendees)?.IntersectEntity == value,
                    $"Relationships.{field.Name} is {value}, which is not the intersect table of {Relationships.DealReviewAttendees} in the emulator's metadata.");
                continue;
            }

            problems.Expect(ShippedSolution.Model.Relationships.Any(r => r.SchemaName == value),
                $"Relationships.{field.Name} is {value}, which Other/Relationships does not define.");
        }

        problems.AssertNone("LogicalNames relationships");
    }

    /// <summary>The nested classes of LogicalNames that name a table (they declare LogicalName).</summary>
    private static IEnumerable<Type> TableClasses()
        => typeof(LogicalNames).GetNestedTypes(BindingFlags.Public).Where(t => Value(t, "LogicalName") is not null);

    private static string? Value(Type type, string field) => type.GetField(field, Constants)?.GetRawConstantValue() as string;
}
