using System;
using System.Globalization;
using CrmTeamSelling.Emulator.Faults;
using CrmTeamSelling.Emulator.Metadata;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace CrmTeamSelling.Emulator.Data;

/// <summary>
/// Turns a stored row into what Retrieve returns: a copy holding the requested columns that have a
/// value (Dataverse leaves out empty ones), the primary key, the RowVersion, lookup names and the
/// formatted values of choices, yes/no and lookup columns.
/// </summary>
internal sealed class RowReader
{
    private readonly MetadataCatalog metadata;
    private readonly RecordStore store;

    public RowReader(MetadataCatalog metadata, RecordStore store)
    {
        this.metadata = metadata;
        this.store = store;
    }

    /// <summary>Throws the Dataverse fault for the first requested column the table lacks.</summary>
    public static void RequireColumns(TableMetadata table, ColumnSet? columns)
    {
        if (columns is null || columns.AllColumns)
        {
            return;
        }

        foreach (var column in columns.Columns)
        {
            if (!table.HasColumn(column))
            {
                throw DataverseFault.UnknownColumn(table.LogicalName, column);
            }
        }
    }

    public Entity Read(TableMetadata table, Entity row, ColumnSet? columns, bool ignoreUnknownColumns = false)
    {
        if (!ignoreUnknownColumns)
        {
            RequireColumns(table, columns);
        }

        var result = new Entity(table.LogicalName, row.Id);
        if (row.Attributes.TryGetValue("versionnumber", out var version) && version is long rowVersion)
        {
            result.RowVersion = rowVersion.ToString(CultureInfo.InvariantCulture);
        }

        result[table.PrimaryIdAttribute] = row.Id;
        if (columns is null || columns.AllColumns)
        {
            foreach (var attribute in row.Attributes)
            {
                Copy(table, attribute.Key, attribute.Value, result);
            }
        }
        else
        {
            foreach (var column in columns.Columns)
            {
                if (row.Attributes.TryGetValue(column, out var value))
                {
                    Copy(table, column, value, result);
                }
            }
        }

        return result;
    }

    private void Copy(TableMetadata table, string column, object? value, Entity result)
    {
        if (value is null)
        {
            return;
        }

        var copy = Values.CloneValue(value);
        result[column] = copy;
        var metadataColumn = table.FindColumn(column);
        switch (copy)
        {
            case EntityReference reference:
                reference.Name = NameOf(reference);
                if (reference.Name is not null)
                {
                    result.FormattedValues[column] = reference.Name;
                }

                break;
            case OptionSetValue option when metadataColumn?.Choice?.Find(option.Value) is { } chosen:
                result.FormattedValues[column] = chosen.Label;
                break;
            case bool flag when metadataColumn?.Choice?.Find(flag ? 1 : 0) is { } label:
                result.FormattedValues[column] = label.Label;
                break;
        }
    }

    /// <summary>The primary name of the row a reference points to, as Dataverse fills EntityReference.Name.</summary>
    public string? NameOf(EntityReference reference)
    {
        var target = metadata.FindTable(reference.LogicalName);
        if (target?.PrimaryNameAttribute is null)
        {
            return null;
        }

        return store.Find(reference.LogicalName, reference.Id)?.GetAttributeValue<string>(target.PrimaryNameAttribute);
    }
}
