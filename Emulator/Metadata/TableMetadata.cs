using System;
using System.Collections.Generic;
using System.Linq;

namespace CrmTeamSelling.Emulator.Metadata;

/// <summary>Who owns the rows of a table, which decides how security applies to them.</summary>
public enum TableOwnership
{
    /// <summary>Rows owned by a user or a team (ownerid); privileges have depths Basic to Global.</summary>
    UserOwned,
    /// <summary>Rows owned by the organisation; a privilege at any depth grants access to every row.</summary>
    OrganizationOwned,
    /// <summary>Rows that belong to a business unit (systemuser, team): the emulator lets every user read them and only the system context write them.</summary>
    BusinessOwned,
    /// <summary>Intersect and internal tables: no privileges of their own.</summary>
    None,
}

/// <summary>An alternate key: columns whose combined values are unique in the table.</summary>
public sealed record AlternateKeyMetadata(string LogicalName, IReadOnlyList<string> Columns, string? DisplayName = null);

/// <summary>A table at run time: columns, keys and the names security uses.</summary>
public sealed class TableMetadata
{
    private readonly Dictionary<string, ColumnMetadata> columns = new(StringComparer.Ordinal);
    private readonly List<AlternateKeyMetadata> keys = new();

    public TableMetadata(string logicalName, string primaryIdAttribute, TableOwnership ownership)
    {
        if (string.IsNullOrWhiteSpace(logicalName))
        {
            throw new ArgumentException("A table needs a logical name.", nameof(logicalName));
        }

        LogicalName = logicalName;
        PrimaryIdAttribute = primaryIdAttribute;
        Ownership = ownership;
    }

    public string LogicalName { get; }

    public string? SchemaName { get; init; }

    public string? DisplayName { get; init; }

    public string PrimaryIdAttribute { get; }

    public string? PrimaryNameAttribute { get; init; }

    public TableOwnership Ownership { get; }

    public bool IsActivity { get; init; }

    public bool IsCustom { get; init; }

    /// <summary>True for the tables behind N:N relationships (Associate writes them; nobody creates them directly).</summary>
    public bool IsIntersect { get; init; }

    /// <summary>
    /// The table part of privilege names: prvRead{PrivilegeName}. Activities share "Activity", systemuser is "User";
    /// other tables use their schema name (matched without regard to case).
    /// </summary>
    public string PrivilegeName { get; init; } = "";

    /// <summary>Where the table came from (an Entity.xml, or the built-in catalog), for error messages.</summary>
    public string Source { get; init; } = "";

    public IReadOnlyCollection<ColumnMetadata> Columns => columns.Values;

    public IReadOnlyList<AlternateKeyMetadata> Keys => keys;

    /// <summary>Rows carry statecode/statuscode.</summary>
    public bool HasState => columns.ContainsKey("statecode");

    /// <summary>Security applies to rows of this table (user/team or organisation owned).</summary>
    public bool IsSecured => Ownership is TableOwnership.UserOwned or TableOwnership.OrganizationOwned;

    public ColumnMetadata? FindColumn(string logicalName) => columns.TryGetValue(logicalName, out var column) ? column : null;

    public bool HasColumn(string logicalName) => columns.ContainsKey(logicalName);

    /// <summary>Adds a column, or replaces the built-in definition of the same name (a solution's Entity.xml wins).</summary>
    public void SetColumn(ColumnMetadata column) => columns[column.LogicalName] = column;

    public void AddKey(AlternateKeyMetadata key)
    {
        foreach (var column in key.Columns)
        {
            if (!columns.ContainsKey(column))
            {
                throw new InvalidOperationException($"Alternate key '{key.LogicalName}' of table '{LogicalName}' names the column '{column}', which the table does not have. Fix the key's column list in {Source}.");
            }
        }

        keys.RemoveAll(k => k.LogicalName == key.LogicalName);
        keys.Add(key);
    }

    /// <summary>The status reason a new row gets for the given state: the first status option of that state.</summary>
    public int? DefaultStatusFor(int state)
    {
        var status = FindColumn("statuscode")?.Choice;
        return status?.Options.FirstOrDefault(o => o.State == state)?.Value;
    }

    public override string ToString() => LogicalName;
}
