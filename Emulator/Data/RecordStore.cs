using System;
using System.Collections.Generic;
using System.Linq;
using CrmTeamSelling.Emulator.Metadata;
using Microsoft.Xrm.Sdk;

namespace CrmTeamSelling.Emulator.Data;

/// <summary>
/// The rows of every table, with an index per alternate key. Rows are the store's own Entity
/// instances: whatever leaves the store is a copy. Every change made inside a transaction is
/// journaled so that a rollback restores the previous state exactly (indexes included).
/// </summary>
internal sealed class RecordStore
{
    private readonly MetadataCatalog metadata;
    private readonly Dictionary<string, Dictionary<Guid, Entity>> tables = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Table, string Key), Dictionary<string, Guid>> keyIndexes = new();
    private readonly Dictionary<string, long> tableVersions = new(StringComparer.Ordinal);
    private long lastRowVersion;

    public RecordStore(MetadataCatalog metadata)
    {
        this.metadata = metadata;
    }

    /// <summary>The next row version: a number that only grows, like Dataverse's timestamp column.</summary>
    public long NextRowVersion() => ++lastRowVersion;

    /// <summary>The stored row (not a copy: callers inside the emulator must copy before handing it out).</summary>
    public Entity? Find(string table, Guid id)
        => tables.TryGetValue(table, out var rows) && rows.TryGetValue(id, out var row) ? row : null;

    public IEnumerable<Entity> Rows(string table)
        => tables.TryGetValue(table, out var rows) ? rows.Values : Enumerable.Empty<Entity>();

    public int Count(string table) => tables.TryGetValue(table, out var rows) ? rows.Count : 0;

    /// <summary>Grows with every change to the table (rollbacks included), so caches derived from it know when to refresh.</summary>
    public long TableVersion(string table) => tableVersions.TryGetValue(table, out var version) ? version : 0;

    /// <summary>Finds the row whose alternate key has these values; null when none has.</summary>
    public Guid? FindByKey(TableMetadata table, AlternateKeyMetadata key, IReadOnlyDictionary<string, object?> values)
    {
        var text = KeyText(key, name => values.TryGetValue(name, out var v) ? v : null);
        return text is not null && Index(table.LogicalName, key.LogicalName).TryGetValue(text, out var id) ? id : null;
    }

    /// <summary>The id of another row that already holds these key values, if any.</summary>
    public Guid? FindKeyConflict(TableMetadata table, AlternateKeyMetadata key, Entity candidate)
    {
        var text = KeyText(key, name => candidate.Attributes.TryGetValue(name, out var v) ? v : null);
        if (text is not null && Index(table.LogicalName, key.LogicalName).TryGetValue(text, out var id) && id != candidate.Id)
        {
            return id;
        }

        return null;
    }

    /// <summary>Puts a row (new or replacing the stored one), journaling the previous state in <paramref name="transaction"/>.</summary>
    public void Put(Entity row, Transaction? transaction)
    {
        var previous = Find(row.LogicalName, row.Id);
        transaction?.RecordUndo(() => Restore(row.LogicalName, row.Id, previous));
        Restore(row.LogicalName, row.Id, row);
    }

    public void Remove(string table, Guid id, Transaction? transaction)
    {
        var previous = Find(table, id);
        if (previous is null)
        {
            return;
        }

        transaction?.RecordUndo(() => Restore(table, id, previous));
        Restore(table, id, null);
    }

    private void Restore(string table, Guid id, Entity? row)
    {
        if (!tables.TryGetValue(table, out var rows))
        {
            rows = new Dictionary<Guid, Entity>();
            tables[table] = rows;
        }

        tableVersions[table] = TableVersion(table) + 1;
        var tableMetadata = metadata.FindTable(table);
        if (rows.TryGetValue(id, out var current) && tableMetadata is not null)
        {
            foreach (var key in tableMetadata.Keys)
            {
                var text = KeyText(key, name => current.Attributes.TryGetValue(name, out var v) ? v : null);
                if (text is not null)
                {
                    Index(table, key.LogicalName).Remove(text);
                }
            }
        }

        if (row is null)
        {
            rows.Remove(id);
            return;
        }

        rows[id] = row;
        if (tableMetadata is not null)
        {
            foreach (var key in tableMetadata.Keys)
            {
                var text = KeyText(key, name => row.Attributes.TryGetValue(name, out var v) ? v : null);
                if (text is not null)
                {
                    Index(table, key.LogicalName)[text] = id;
                }
            }
        }
    }

    private Dictionary<string, Guid> Index(string table, string key)
    {
        if (!keyIndexes.TryGetValue((table, key), out var index))
        {
            index = new Dictionary<string, Guid>(StringComparer.Ordinal);
            keyIndexes[(table, key)] = index;
        }

        return index;
    }

    /// <summary>
    /// The index entry of a key, or null when a key column is empty: such a row takes no place in the
    /// index (the emulator lets several rows leave a key column empty).
    /// </summary>
    private static string? KeyText(AlternateKeyMetadata key, Func<string, object?> valueOf)
    {
        var parts = new string[key.Columns.Count];
        for (var i = 0; i < parts.Length; i++)
        {
            var value = valueOf(key.Columns[i]);
            if (value is null)
            {
                return null;
            }

            parts[i] = Values.KeyText(value);
        }

        return string.Join("\u001f", parts);
    }
}
