using System.Linq;
using CrmTeamSelling.Packager.Model;
using CrmTeamSelling.Solution.Tests.Support;

namespace CrmTeamSelling.Solution.Tests.Metadata;

/// <summary>The alternate keys that keep one member per user, one stakeholder per contact, one solution per opportunity ...</summary>
[TestClass]
public sealed class KeyTests
{
    [TestMethod]
    public void Every_alternate_key_exists_with_its_columns_and_they_are_required()
    {
        var problems = new Problems();
        foreach (var (tableName, keyName, columns) in ExpectedModel.AlternateKeys)
        {
            var table = ShippedSolution.Table(tableName);
            var key = table.Keys.SingleOrDefault(k => k.LogicalName == keyName);
            if (key is null)
            {
                problems.Add($"{table.SourceFile}: {tableName} has no alternate key {keyName} on ({string.Join(", ", columns)}); its keys: {string.Join(", ", table.Keys.Select(k => k.LogicalName))}.");
                continue;
            }

            problems.Expect(key.Columns.SequenceEqual(columns), $"{table.SourceFile}: the key {keyName} is on ({string.Join(", ", key.Columns)}); it must be on ({string.Join(", ", columns)}).");
            problems.Expect(!string.IsNullOrWhiteSpace(key.DisplayName), $"{table.SourceFile}: the key {keyName} has no display name.");
            foreach (var column in key.Columns)
            {
                var actual = table.Columns.SingleOrDefault(c => c.LogicalName == column);
                // A row whose key column is empty cannot be found or upserted by its key: the key must always be filled.
                problems.Expect(actual?.RequiredLevel is RequiredLevel.ApplicationRequired or RequiredLevel.SystemRequired,
                    $"{table.SourceFile}: the key column {tableName}.{column} is {(actual is null ? "missing" : actual.RequiredLevel.ToString())}; a key column must exist and be required.");
            }
        }

        problems.AssertNone("Alternate keys");
    }
}
