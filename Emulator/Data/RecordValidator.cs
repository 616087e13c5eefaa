using System;
using System.Collections.Generic;
using System.Linq;
using CrmTeamSelling.Emulator.Faults;
using CrmTeamSelling.Emulator.Metadata;
using Microsoft.Xrm.Sdk;

namespace CrmTeamSelling.Emulator.Data;

/// <summary>
/// Checks the columns of a Create or Update as Dataverse does and returns the values to store:
/// unknown columns, value types, text lengths, number ranges, choice values, lookup targets (which
/// must exist), state and status reason, and system-required columns on create. Values for columns
/// the platform keeps (createdon, modifiedby...) are dropped, as Dataverse ignores them.
/// Business-required (ApplicationRequired) columns are not enforced: Dataverse enforces them only in
/// forms, never for SDK calls.
/// </summary>
internal sealed class RecordValidator
{
    private readonly MetadataCatalog metadata;
    private readonly RecordStore store;

    public RecordValidator(MetadataCatalog metadata, RecordStore store)
    {
        this.metadata = metadata;
        this.store = store;
    }

    public TableMetadata RequireTable(string? logicalName)
    {
        if (string.IsNullOrWhiteSpace(logicalName))
        {
            throw DataverseFault.InvalidArgument("The entity has no LogicalName: set it to the table's logical name.");
        }

        return metadata.FindTable(logicalName) ?? throw DataverseFault.UnknownTable(logicalName);
    }

    /// <summary>The id a reference points to, looking it up by alternate key when it has key values instead of an id.</summary>
    public Guid ResolveId(EntityReference reference)
    {
        if (reference.Id != Guid.Empty)
        {
            return reference.Id;
        }

        var table = RequireTable(reference.LogicalName);
        if (reference.KeyAttributes.Count == 0)
        {
            throw DataverseFault.InvalidArgument($"The reference to '{reference.LogicalName}' has neither an Id nor key attributes.");
        }

        return FindByKey(table, reference.KeyAttributes) ?? throw DataverseFault.DoesNotExistByKey(table.LogicalName, Describe(reference.KeyAttributes));
    }

    /// <summary>The row holding these alternate-key values, if any; throws when they are not a key of the table.</summary>
    public Guid? FindByKey(TableMetadata table, KeyAttributeCollection keyAttributes)
    {
        var names = keyAttributes.Keys.ToHashSet(StringComparer.Ordinal);
        if (names.Count == 1 && names.Contains(table.PrimaryIdAttribute) && keyAttributes[table.PrimaryIdAttribute] is Guid id)
        {
            return store.Find(table.LogicalName, id) is null ? null : id;
        }

        var key = table.Keys.FirstOrDefault(k => k.Columns.Count == names.Count && k.Columns.All(names.Contains))
            ?? throw DataverseFault.InvalidArgument($"The key attributes {string.Join(", ", names)} are not an alternate key of '{table.LogicalName}'. Its keys: {(table.Keys.Count == 0 ? "none" : string.Join("; ", table.Keys.Select(k => k.LogicalName + " (" + string.Join(", ", k.Columns) + ")")))}.");
        return store.FindByKey(table, key, keyAttributes.ToDictionary(kv => kv.Key, kv => kv.Value is EntityReference r ? (object?)ResolveId(r) : kv.Value));
    }

    public static string Describe(KeyAttributeCollection keys) => string.Join(",", keys.Select(k => $"{k.Key}:{Values.Normalize(k.Value)}"));

    /// <summary>The checked values to write, keyed by column; a null value clears the column.</summary>
    public Dictionary<string, object?> Validate(TableMetadata table, Entity target, Entity? existing, bool keepPlatformColumns = false)
    {
        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (name, value) in target.Attributes)
        {
            var column = table.FindColumn(name) ?? throw DataverseFault.UnknownColumn(table.LogicalName, name);
            if (column.IsPlatformManaged && !keepPlatformColumns)
            {
                continue;
            }

            if (column.Type == ColumnType.PrimaryKey)
            {
                if (value is not Guid id || (target.Id != Guid.Empty && id != target.Id) || (existing is not null && id != existing.Id))
                {
                    throw DataverseFault.InvalidArgument($"The primary key '{name}' of '{table.LogicalName}' holds {value ?? "null"}, which does not match the record's Id {target.Id}.");
                }

                continue;
            }

            if (value is null)
            {
                if (column.RequiredLevel == ColumnRequiredLevel.SystemRequired && column.Type is not (ColumnType.Owner or ColumnType.State or ColumnType.Status))
                {
                    throw DataverseFault.RequiredFieldMissing(table.LogicalName, name);
                }

                values[name] = null;
                continue;
            }

            values[name] = Check(table, column, value);
        }

        ApplyStateRules(table, values, existing);
        if (existing is null)
        {
            foreach (var column in table.Columns.Where(c => c.RequiredLevel == ColumnRequiredLevel.SystemRequired && !c.IsPlatformManaged
                && c.Type is not (ColumnType.PrimaryKey or ColumnType.Owner or ColumnType.State or ColumnType.Status)))
            {
                if (!values.TryGetValue(column.LogicalName, out var value) || value is null)
                {
                    throw DataverseFault.RequiredFieldMissing(table.LogicalName, column.LogicalName);
                }
            }
        }

        return values;
    }

    private object Check(TableMetadata table, ColumnMetadata column, object value)
    {
        if (value.GetType() != column.ExpectedValueType)
        {
            throw DataverseFault.WrongType(table.LogicalName, column.LogicalName, column.ExpectedValueType, value);
        }

        switch (column.Type)
        {
            case ColumnType.String or ColumnType.Memo:
                if (column.MaxLength is int max && ((string)value).Length > max)
                {
                    throw DataverseFault.StringTooLong(table.LogicalName, column.LogicalName, max);
                }

                return value;
            case ColumnType.Integer or ColumnType.BigInt or ColumnType.Decimal or ColumnType.Double or ColumnType.Money:
                var number = value switch
                {
                    int i => i,
                    long l => l,
                    decimal d => d,
                    double dbl => double.IsFinite(dbl) ? (decimal)dbl : decimal.MaxValue,
                    Money m => m.Value,
                    _ => 0m,
                };
                if ((column.MinValue is decimal min && number < min) || (column.MaxValue is decimal maxValue && number > maxValue))
                {
                    throw DataverseFault.OutOfRange(table.LogicalName, column.LogicalName, value is Money money ? money.Value : value, column.MinValue, column.MaxValue);
                }

                // A Money is mutable: the store keeps its own.
                return Values.CloneValue(value)!;
            case ColumnType.Picklist or ColumnType.State or ColumnType.Status:
                var option = (OptionSetValue)value;
                RequireOption(table, column, option.Value);
                return new OptionSetValue(option.Value);
            case ColumnType.MultiSelectPicklist:
                var options = (OptionSetValueCollection)value;
                foreach (var chosen in options)
                {
                    RequireOption(table, column, chosen.Value);
                }

                return Values.CloneValue(options)!;
            case ColumnType.Lookup or ColumnType.Customer or ColumnType.Owner:
                return CheckReference(table, column, (EntityReference)value);
            case ColumnType.DateTime:
                return Values.ToStoredDateTime((DateTime)value, column.DateTimeBehavior);
            default:
                return Values.CloneValue(value)!;
        }
    }

    private static void RequireOption(TableMetadata table, ColumnMetadata column, int value)
    {
        if (column.Choice is { } choice && !choice.Contains(value))
        {
            throw DataverseFault.ChoiceOutOfRange(table.LogicalName, column.LogicalName, value, choice.AcceptedValues);
        }
    }

    private EntityReference CheckReference(TableMetadata table, ColumnMetadata column, EntityReference reference)
    {
        if (string.IsNullOrWhiteSpace(reference.LogicalName))
        {
            throw DataverseFault.InvalidArgument($"The lookup '{column.LogicalName}' of '{table.LogicalName}' has a reference without a LogicalName.");
        }

        if (column.Targets.Count > 0 && !column.Targets.Contains(reference.LogicalName))
        {
            throw DataverseFault.InvalidArgument($"The lookup '{column.LogicalName}' of '{table.LogicalName}' points to {string.Join(" or ", column.Targets)}, not to '{reference.LogicalName}'.");
        }

        RequireTable(reference.LogicalName);
        var id = ResolveId(reference);
        if (store.Find(reference.LogicalName, id) is null)
        {
            throw DataverseFault.DoesNotExist(reference.LogicalName, id);
        }

        return new EntityReference(reference.LogicalName, id);
    }

    /// <summary>A status reason must belong to the state; setting only the state picks its default status reason.</summary>
    private static void ApplyStateRules(TableMetadata table, Dictionary<string, object?> values, Entity? existing)
    {
        if (!table.HasState)
        {
            return;
        }

        var state = values.TryGetValue("statecode", out var newState) && newState is OptionSetValue s
            ? s.Value
            : existing?.GetAttributeValue<OptionSetValue>("statecode")?.Value ?? 0;
        if (values.TryGetValue("statuscode", out var newStatus) && newStatus is OptionSetValue status)
        {
            var option = table.FindColumn("statuscode")?.Choice?.Find(status.Value);
            if (option?.State is int owningState && owningState != state)
            {
                throw DataverseFault.Create(ErrorCodes.InvalidStateCodeStatusCode,
                    $"{status.Value} is not a valid status code for state code {table.SchemaName ?? table.LogicalName}State.{state} on {table.LogicalName} with Id {existing?.Id ?? Guid.Empty}.");
            }
        }
        else if (values.ContainsKey("statecode") && table.DefaultStatusFor(state) is int defaultStatus)
        {
            values["statuscode"] = new OptionSetValue(defaultStatus);
        }
    }
}
