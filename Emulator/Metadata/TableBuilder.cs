using System;
using System.Linq;

namespace CrmTeamSelling.Emulator.Metadata;

/// <summary>
/// Declares a table in a few lines: the built-in catalog and tests use it. Every table gets the
/// system columns Dataverse gives it (created/modified on/by, versionnumber, and the owner columns of a
/// user-owned table).
/// </summary>
public sealed class TableBuilder
{
    private readonly TableMetadata table;

    public TableBuilder(string logicalName, TableOwnership ownership, string? primaryIdAttribute = null, string? primaryNameAttribute = null, bool isActivity = false, string? privilegeName = null, bool isIntersect = false, string source = "built-in catalog")
    {
        table = new TableMetadata(logicalName, primaryIdAttribute ?? logicalName + "id", ownership)
        {
            PrimaryNameAttribute = primaryNameAttribute,
            IsActivity = isActivity,
            IsIntersect = isIntersect,
            PrivilegeName = privilegeName ?? (isActivity ? "Activity" : logicalName),
            Source = source,
        };
        table.SetColumn(new ColumnMetadata(table.PrimaryIdAttribute, ColumnType.PrimaryKey));
        if (!isIntersect)
        {
            AddSystemColumns(table);
        }
    }

    public TableMetadata Build() => table;

    public TableBuilder String(string name, int maxLength, ColumnRequiredLevel required = ColumnRequiredLevel.None)
        => Add(new ColumnMetadata(name, ColumnType.String) { MaxLength = maxLength, RequiredLevel = required });

    public TableBuilder Memo(string name, int maxLength, ColumnRequiredLevel required = ColumnRequiredLevel.None)
        => Add(new ColumnMetadata(name, ColumnType.Memo) { MaxLength = maxLength, RequiredLevel = required });

    public TableBuilder Integer(string name, int min = int.MinValue, int max = int.MaxValue, ColumnRequiredLevel required = ColumnRequiredLevel.None)
        => Add(new ColumnMetadata(name, ColumnType.Integer) { MinValue = min, MaxValue = max, RequiredLevel = required });

    public TableBuilder Decimal(string name, decimal min, decimal max, int precision = 2)
        => Add(new ColumnMetadata(name, ColumnType.Decimal) { MinValue = min, MaxValue = max, Precision = precision });

    public TableBuilder Money(string name, ColumnRequiredLevel required = ColumnRequiredLevel.None)
        => Add(new ColumnMetadata(name, ColumnType.Money) { MinValue = -922337203685477m, MaxValue = 922337203685477m, Precision = 2, RequiredLevel = required });

    public TableBuilder Boolean(string name, string trueLabel = "Yes", string falseLabel = "No")
        => Add(new ColumnMetadata(name, ColumnType.Boolean) { Choice = new ChoiceMetadata(table.LogicalName + "_" + name, false, new[] { new ChoiceOption(0, falseLabel), new ChoiceOption(1, trueLabel) }) });

    /// <summary>A DateTime column; its format follows the behaviour ("date" for date-only columns) unless given.</summary>
    public TableBuilder DateTime(string name, DateTimeBehavior behavior = DateTimeBehavior.UserLocal, string? format = null)
        => Add(new ColumnMetadata(name, ColumnType.DateTime) { DateTimeBehavior = behavior, Format = format ?? (behavior == DateTimeBehavior.DateOnly ? "date" : "datetime") });

    public TableBuilder Guid(string name, ColumnRequiredLevel required = ColumnRequiredLevel.None)
        => Add(new ColumnMetadata(name, ColumnType.Uniqueidentifier) { RequiredLevel = required });

    public TableBuilder Choice(string name, params (int Value, string Label)[] options)
        => Add(new ColumnMetadata(name, ColumnType.Picklist) { Choice = new ChoiceMetadata(table.LogicalName + "_" + name, false, options.Select(o => new ChoiceOption(o.Value, o.Label))) });

    public TableBuilder Choice(string name, ChoiceMetadata globalChoice, ColumnRequiredLevel required = ColumnRequiredLevel.None)
        => Add(new ColumnMetadata(name, ColumnType.Picklist) { Choice = globalChoice, RequiredLevel = required });

    public TableBuilder MultiChoice(string name, ChoiceMetadata choice)
        => Add(new ColumnMetadata(name, ColumnType.MultiSelectPicklist) { Choice = choice });

    public TableBuilder Lookup(string name, string target, ColumnRequiredLevel required = ColumnRequiredLevel.None)
        => Add(new ColumnMetadata(name, ColumnType.Lookup) { Targets = new[] { target }, RequiredLevel = required });

    /// <summary>A lookup that may point to any table (regardingobjectid).</summary>
    public TableBuilder AnyLookup(string name)
        => Add(new ColumnMetadata(name, ColumnType.Lookup));

    public TableBuilder Customer(string name, ColumnRequiredLevel required = ColumnRequiredLevel.None)
        => Add(new ColumnMetadata(name, ColumnType.Customer) { Targets = new[] { "account", "contact" }, RequiredLevel = required });

    /// <summary>statecode and statuscode: states as (value, label), statuses as (value, label, state).</summary>
    public TableBuilder States((int Value, string Label)[] states, (int Value, string Label, int State)[] statuses)
    {
        Add(new ColumnMetadata("statecode", ColumnType.State)
        {
            RequiredLevel = ColumnRequiredLevel.SystemRequired,
            Choice = new ChoiceMetadata(table.LogicalName + "_statecode", false, states.Select(s => new ChoiceOption(s.Value, s.Label))),
        });
        return Add(new ColumnMetadata("statuscode", ColumnType.Status)
        {
            Choice = new ChoiceMetadata(table.LogicalName + "_statuscode", false, statuses.Select(s => new ChoiceOption(s.Value, s.Label, s.State))),
        });
    }

    public TableBuilder Key(string name, params string[] columns)
    {
        table.AddKey(new AlternateKeyMetadata(name, columns));
        return this;
    }

    public TableBuilder Add(ColumnMetadata column)
    {
        table.SetColumn(column);
        return this;
    }

    /// <summary>The columns the platform keeps on every row; values sent for them are ignored.</summary>
    internal static void AddSystemColumns(TableMetadata table)
    {
        table.SetColumn(new ColumnMetadata("createdon", ColumnType.DateTime) { IsPlatformManaged = true, Format = "datetime" });
        table.SetColumn(new ColumnMetadata("modifiedon", ColumnType.DateTime) { IsPlatformManaged = true, Format = "datetime" });
        table.SetColumn(new ColumnMetadata("createdby", ColumnType.Lookup) { IsPlatformManaged = true, Targets = new[] { "systemuser" } });
        table.SetColumn(new ColumnMetadata("modifiedby", ColumnType.Lookup) { IsPlatformManaged = true, Targets = new[] { "systemuser" } });
        table.SetColumn(new ColumnMetadata("createdonbehalfby", ColumnType.Lookup) { IsPlatformManaged = true, Targets = new[] { "systemuser" } });
        table.SetColumn(new ColumnMetadata("modifiedonbehalfby", ColumnType.Lookup) { IsPlatformManaged = true, Targets = new[] { "systemuser" } });
        table.SetColumn(new ColumnMetadata("versionnumber", ColumnType.BigInt) { IsPlatformManaged = true });
        if (table.Ownership == TableOwnership.UserOwned)
        {
            table.SetColumn(new ColumnMetadata("ownerid", ColumnType.Owner) { RequiredLevel = ColumnRequiredLevel.SystemRequired, Targets = new[] { "systemuser", "team" } });
            table.SetColumn(new ColumnMetadata("owningbusinessunit", ColumnType.Lookup) { IsPlatformManaged = true, Targets = new[] { "businessunit" } });
            table.SetColumn(new ColumnMetadata("owninguser", ColumnType.Lookup) { IsPlatformManaged = true, Targets = new[] { "systemuser" } });
            table.SetColumn(new ColumnMetadata("owningteam", ColumnType.Lookup) { IsPlatformManaged = true, Targets = new[] { "team" } });
        }
    }

    /// <summary>True for the columns <see cref="AddSystemColumns"/> declares as platform-managed.</summary>
    internal static bool IsPlatformColumn(string logicalName) => logicalName is "createdon" or "modifiedon" or "createdby" or "modifiedby"
        or "createdonbehalfby" or "modifiedonbehalfby" or "versionnumber" or "owningbusinessunit" or "owninguser" or "owningteam";
}
