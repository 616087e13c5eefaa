using System;
using System.Collections.Generic;
using Microsoft.Xrm.Sdk;

namespace CrmTeamSelling.Emulator.Metadata;

/// <summary>How strongly a column is required, as AttributeRequiredLevel says.</summary>
public enum ColumnRequiredLevel
{
    None,
    Recommended,
    /// <summary>"Business required": forms enforce it, the SDK does not (Dataverse accepts a create without it).</summary>
    ApplicationRequired,
    /// <summary>Enforced by the platform on every create.</summary>
    SystemRequired,
}

/// <summary>A column of a table at run time: its type and the constraints the emulator validates.</summary>
public sealed class ColumnMetadata
{
    public ColumnMetadata(string logicalName, ColumnType type)
    {
        if (string.IsNullOrWhiteSpace(logicalName))
        {
            throw new ArgumentException("A column needs a logical name.", nameof(logicalName));
        }

        LogicalName = logicalName;
        Type = type;
    }

    public string LogicalName { get; }

    public ColumnType Type { get; }

    public string? DisplayName { get; init; }

    public ColumnRequiredLevel RequiredLevel { get; init; }

    /// <summary>For String and Memo columns: the most characters a value may have.</summary>
    public int? MaxLength { get; init; }

    public decimal? MinValue { get; init; }

    public decimal? MaxValue { get; init; }

    public int? Precision { get; init; }

    /// <summary>The display format as the solution writes it ("date" or "datetime" for DateTime columns, "text", "email" ...); it never changes what is stored.</summary>
    public string? Format { get; init; }

    /// <summary>For DateTime columns: how values are stored and compared (user local unless the solution says otherwise).</summary>
    public DateTimeBehavior DateTimeBehavior { get; init; } = DateTimeBehavior.UserLocal;

    /// <summary>A DateTime column whose values are calendar dates (date-only behaviour).</summary>
    public bool IsDateOnly => Type == ColumnType.DateTime && DateTimeBehavior == DateTimeBehavior.DateOnly;

    /// <summary>For Picklist, MultiSelectPicklist, State, Status and Boolean columns: their options.</summary>
    public ChoiceMetadata? Choice { get; init; }

    /// <summary>For Lookup, Customer and Owner columns: the tables a value may point to. Empty means any table (regarding).</summary>
    public IReadOnlyList<string> Targets { get; init; } = Array.Empty<string>();

    /// <summary>Columns the platform keeps (createdon, modifiedby, versionnumber...): a value sent by a caller is ignored, as Dataverse does.</summary>
    public bool IsPlatformManaged { get; init; }

    public bool IsLookup => Type is ColumnType.Lookup or ColumnType.Customer or ColumnType.Owner;

    public bool IsChoice => Type is ColumnType.Picklist or ColumnType.State or ColumnType.Status;

    /// <summary>The CLR type the SDK uses for this column's values.</summary>
    public Type ExpectedValueType => Type switch
    {
        ColumnType.String or ColumnType.Memo or ColumnType.EntityName => typeof(string),
        ColumnType.Integer => typeof(int),
        ColumnType.BigInt => typeof(long),
        ColumnType.Decimal => typeof(decimal),
        ColumnType.Double => typeof(double),
        ColumnType.Money => typeof(Money),
        ColumnType.Boolean => typeof(bool),
        ColumnType.DateTime => typeof(DateTime),
        ColumnType.Picklist or ColumnType.State or ColumnType.Status => typeof(OptionSetValue),
        ColumnType.MultiSelectPicklist => typeof(OptionSetValueCollection),
        ColumnType.Lookup or ColumnType.Customer or ColumnType.Owner => typeof(EntityReference),
        ColumnType.Uniqueidentifier or ColumnType.PrimaryKey => typeof(Guid),
        ColumnType.Image => typeof(byte[]),
        _ => throw new InvalidOperationException($"Column type {Type} has no value type."),
    };

    public override string ToString() => $"{LogicalName} ({Type})";
}
