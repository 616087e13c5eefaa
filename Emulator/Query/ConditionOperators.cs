using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using CrmTeamSelling.Emulator.Data;
using CrmTeamSelling.Emulator.Faults;
using CrmTeamSelling.Emulator.Metadata;
using Microsoft.Xrm.Sdk.Query;

namespace CrmTeamSelling.Emulator.Query;

/// <summary>What the values of a condition are, which decides how the emulator reads them.</summary>
internal enum ConditionValueKind
{
    /// <summary>No value: null, today, this-week, eq-userid...</summary>
    None,

    /// <summary>Values of the column's own type: eq, lt, in, between, contain-values...</summary>
    ColumnValue,

    /// <summary>A text pattern, whatever the column's type: like, begins-with...</summary>
    Text,

    /// <summary>One whole number of units counted from now: last-x-days, olderthan-x-minutes...</summary>
    Count,

    /// <summary>One date: on, on-or-before, on-or-after...</summary>
    Date,
}

/// <summary>
/// The condition operators: their FetchXML names (as Fetch.xsd spells them), what their values are, and the
/// reading of those values for a column. FetchXML and QueryExpression conditions both go through
/// <see cref="ReadValues"/>, once per query, so a value means the same in either form: a count for the x-operators
/// (olderthan-x-minutes value="1" is one minute, not a date), a date for on and its kin, the column's type otherwise.
/// </summary>
internal static class ConditionOperators
{
    private static readonly Dictionary<string, ConditionOperator> ByFetchXmlName = new(StringComparer.Ordinal)
    {
        ["eq"] = ConditionOperator.Equal,
        ["ne"] = ConditionOperator.NotEqual,
        ["neq"] = ConditionOperator.NotEqual,
        ["gt"] = ConditionOperator.GreaterThan,
        ["ge"] = ConditionOperator.GreaterEqual,
        ["lt"] = ConditionOperator.LessThan,
        ["le"] = ConditionOperator.LessEqual,
        ["like"] = ConditionOperator.Like,
        ["not-like"] = ConditionOperator.NotLike,
        ["in"] = ConditionOperator.In,
        ["not-in"] = ConditionOperator.NotIn,
        ["between"] = ConditionOperator.Between,
        ["not-between"] = ConditionOperator.NotBetween,
        ["null"] = ConditionOperator.Null,
        ["not-null"] = ConditionOperator.NotNull,
        ["begins-with"] = ConditionOperator.BeginsWith,
        ["not-begin-with"] = ConditionOperator.DoesNotBeginWith,
        ["ends-with"] = ConditionOperator.EndsWith,
        ["not-end-with"] = ConditionOperator.DoesNotEndWith,
        ["yesterday"] = ConditionOperator.Yesterday,
        ["today"] = ConditionOperator.Today,
        ["tomorrow"] = ConditionOperator.Tomorrow,
        ["last-seven-days"] = ConditionOperator.Last7Days,
        ["next-seven-days"] = ConditionOperator.Next7Days,
        ["last-week"] = ConditionOperator.LastWeek,
        ["this-week"] = ConditionOperator.ThisWeek,
        ["next-week"] = ConditionOperator.NextWeek,
        ["last-month"] = ConditionOperator.LastMonth,
        ["this-month"] = ConditionOperator.ThisMonth,
        ["next-month"] = ConditionOperator.NextMonth,
        ["last-year"] = ConditionOperator.LastYear,
        ["this-year"] = ConditionOperator.ThisYear,
        ["next-year"] = ConditionOperator.NextYear,
        ["on"] = ConditionOperator.On,
        ["not-on"] = ConditionOperator.NotOn,
        ["on-or-before"] = ConditionOperator.OnOrBefore,
        ["on-or-after"] = ConditionOperator.OnOrAfter,
        ["last-x-hours"] = ConditionOperator.LastXHours,
        ["next-x-hours"] = ConditionOperator.NextXHours,
        ["last-x-days"] = ConditionOperator.LastXDays,
        ["next-x-days"] = ConditionOperator.NextXDays,
        ["last-x-weeks"] = ConditionOperator.LastXWeeks,
        ["next-x-weeks"] = ConditionOperator.NextXWeeks,
        ["last-x-months"] = ConditionOperator.LastXMonths,
        ["next-x-months"] = ConditionOperator.NextXMonths,
        ["last-x-years"] = ConditionOperator.LastXYears,
        ["next-x-years"] = ConditionOperator.NextXYears,
        ["olderthan-x-minutes"] = ConditionOperator.OlderThanXMinutes,
        ["olderthan-x-hours"] = ConditionOperator.OlderThanXHours,
        ["olderthan-x-days"] = ConditionOperator.OlderThanXDays,
        ["olderthan-x-weeks"] = ConditionOperator.OlderThanXWeeks,
        ["olderthan-x-months"] = ConditionOperator.OlderThanXMonths,
        ["olderthan-x-years"] = ConditionOperator.OlderThanXYears,
        ["eq-userid"] = ConditionOperator.EqualUserId,
        ["ne-userid"] = ConditionOperator.NotEqualUserId,
        ["eq-userteams"] = ConditionOperator.EqualUserTeams,
        ["eq-useroruserteams"] = ConditionOperator.EqualUserOrUserTeams,
        ["eq-businessid"] = ConditionOperator.EqualBusinessId,
        ["ne-businessid"] = ConditionOperator.NotEqualBusinessId,
        ["contain-values"] = ConditionOperator.ContainValues,
        ["not-contain-values"] = ConditionOperator.DoesNotContainValues,
    };

    /// <summary>Operators Fetch.xsd declares that the emulator does not evaluate (fiscal periods, hierarchies, user language).</summary>
    private static readonly HashSet<string> KnownButNotRun = new(StringComparer.Ordinal)
    {
        "eq-useroruserhierarchy", "eq-useroruserhierarchyandteams", "eq-userlanguage",
        "this-fiscal-year", "this-fiscal-period", "next-fiscal-year", "next-fiscal-period", "last-fiscal-year", "last-fiscal-period",
        "last-x-fiscal-years", "last-x-fiscal-periods", "next-x-fiscal-years", "next-x-fiscal-periods",
        "in-fiscal-year", "in-fiscal-period", "in-fiscal-period-and-year", "in-or-before-fiscal-period-and-year", "in-or-after-fiscal-period-and-year",
        "under", "eq-or-under", "not-under", "above", "eq-or-above",
    };

    public static ConditionOperator FromFetchXml(string name)
    {
        if (ByFetchXmlName.TryGetValue(name, out var op))
        {
            return op;
        }

        if (KnownButNotRun.Contains(name))
        {
            throw new NotSupportedException($"The emulator does not run the FetchXML condition operator '{name}' (fiscal periods, hierarchies and user language are not emulated).");
        }

        throw DataverseFault.InvalidArgument($"'{name}' is not a FetchXML condition operator; Fetch.xsd names them (eq, ne, lt, on-or-before, last-x-days, olderthan-x-minutes...).");
    }

    /// <summary>The FetchXML name of an operator, for messages (the enum name when FetchXML has none).</summary>
    public static string NameOf(ConditionOperator op)
        => ByFetchXmlName.FirstOrDefault(pair => pair.Value == op && pair.Key != "neq").Key ?? op.ToString();

    public static ConditionValueKind ValueKindOf(ConditionOperator op) => op switch
    {
        ConditionOperator.Null or ConditionOperator.NotNull
            or ConditionOperator.Today or ConditionOperator.Yesterday or ConditionOperator.Tomorrow
            or ConditionOperator.Last7Days or ConditionOperator.Next7Days
            or ConditionOperator.LastWeek or ConditionOperator.ThisWeek or ConditionOperator.NextWeek
            or ConditionOperator.LastMonth or ConditionOperator.ThisMonth or ConditionOperator.NextMonth
            or ConditionOperator.LastYear or ConditionOperator.ThisYear or ConditionOperator.NextYear
            or ConditionOperator.EqualUserId or ConditionOperator.NotEqualUserId
            or ConditionOperator.EqualUserTeams or ConditionOperator.EqualUserOrUserTeams
            or ConditionOperator.EqualBusinessId or ConditionOperator.NotEqualBusinessId => ConditionValueKind.None,
        ConditionOperator.LastXHours or ConditionOperator.NextXHours
            or ConditionOperator.LastXDays or ConditionOperator.NextXDays
            or ConditionOperator.LastXWeeks or ConditionOperator.NextXWeeks
            or ConditionOperator.LastXMonths or ConditionOperator.NextXMonths
            or ConditionOperator.LastXYears or ConditionOperator.NextXYears
            or ConditionOperator.OlderThanXMinutes or ConditionOperator.OlderThanXHours or ConditionOperator.OlderThanXDays
            or ConditionOperator.OlderThanXWeeks or ConditionOperator.OlderThanXMonths or ConditionOperator.OlderThanXYears => ConditionValueKind.Count,
        ConditionOperator.On or ConditionOperator.NotOn or ConditionOperator.OnOrBefore or ConditionOperator.OnOrAfter => ConditionValueKind.Date,
        ConditionOperator.Like or ConditionOperator.NotLike or ConditionOperator.BeginsWith or ConditionOperator.DoesNotBeginWith
            or ConditionOperator.EndsWith or ConditionOperator.DoesNotEndWith or ConditionOperator.Contains or ConditionOperator.DoesNotContain => ConditionValueKind.Text,
        _ => ConditionValueKind.ColumnValue,
    };

    /// <summary>Operators that only make sense on a date and time column.</summary>
    public static bool IsDateOperator(ConditionOperator op)
        => ValueKindOf(op) is ConditionValueKind.Count or ConditionValueKind.Date
           || op is ConditionOperator.Today or ConditionOperator.Yesterday or ConditionOperator.Tomorrow
               or ConditionOperator.Last7Days or ConditionOperator.Next7Days
               or ConditionOperator.LastWeek or ConditionOperator.ThisWeek or ConditionOperator.NextWeek
               or ConditionOperator.LastMonth or ConditionOperator.ThisMonth or ConditionOperator.NextMonth
               or ConditionOperator.LastYear or ConditionOperator.ThisYear or ConditionOperator.NextYear;

    /// <summary>
    /// The values of a condition read for its column: counts as whole numbers, dates as the column keeps them (a
    /// date-only column compares dates, without time zone conversion), text values of FetchXML as the column's type.
    /// Refuses, naming the operator and the column, a date operator on a column that is no date, a count that is no
    /// whole number of 0 or more, and values given to an operator that takes none.
    /// </summary>
    public static IReadOnlyList<object?> ReadValues(ConditionOperator op, IReadOnlyList<object?> values, ColumnMetadata column)
    {
        if (IsDateOperator(op) && column.Type != ColumnType.DateTime)
        {
            throw DataverseFault.InvalidArgument($"The condition {NameOf(op)} compares dates, but '{column.LogicalName}' is not a date and time column (it is {column.Type}).");
        }

        switch (ValueKindOf(op))
        {
            case ConditionValueKind.None:
                if (values.Count > 0 && op is not (ConditionOperator.Null or ConditionOperator.NotNull))
                {
                    throw DataverseFault.InvalidArgument($"The condition {NameOf(op)} on '{column.LogicalName}' takes no value, but was given {values.Count}.");
                }

                return Array.Empty<object?>();
            case ConditionValueKind.Count:
                return new object?[] { Count(op, Single(op, values, column), column) };
            case ConditionValueKind.Date:
                return new object?[] { Date(op, Single(op, values, column), column) };
            case ConditionValueKind.Text:
                return new object?[] { Convert.ToString(NotNull(Single(op, values, column), column), CultureInfo.InvariantCulture) };
            default:
                RequireCount(op, values, column);
                return values.Select(value => ColumnValue(op, NotNull(value, column), column)).ToArray();
        }
    }

    /// <summary>How many values an operator of the column's type takes: one for comparisons, two for between, one or more for in.</summary>
    private static void RequireCount(ConditionOperator op, IReadOnlyList<object?> values, ColumnMetadata column)
    {
        var (least, most, wording) = op switch
        {
            ConditionOperator.Between or ConditionOperator.NotBetween => (2, 2, "two values"),
            ConditionOperator.In or ConditionOperator.NotIn or ConditionOperator.ContainValues or ConditionOperator.DoesNotContainValues => (1, int.MaxValue, "one value or more"),
            _ => (1, 1, "one value"),
        };
        if (values.Count < least || values.Count > most)
        {
            throw DataverseFault.InvalidArgument($"The condition {NameOf(op)} on '{column.LogicalName}' takes {wording}, not {values.Count}.");
        }
    }

    /// <summary>Dataverse refuses a null compared with an operator other than null and not-null.</summary>
    private static object NotNull(object? value, ColumnMetadata column)
        => value ?? throw DataverseFault.InvalidArgument($"Condition for attribute '{column.LogicalName}': null is not a valid value for an attribute. Use 'Null' or 'NotNull' conditions instead.");

    /// <summary>Reads a value written as text (FetchXML, or a string in a QueryExpression) as the column's type.</summary>
    private static object ColumnValue(ConditionOperator op, object value, ColumnMetadata column)
    {
        if (column.Type == ColumnType.DateTime)
        {
            return Date(op, value, column);
        }

        if (value is not string text || column.Type is ColumnType.String or ColumnType.Memo or ColumnType.EntityName)
        {
            return value;
        }

        try
        {
            return column.Type switch
            {
                ColumnType.Integer or ColumnType.Picklist or ColumnType.State or ColumnType.Status or ColumnType.MultiSelectPicklist => int.Parse(text, CultureInfo.InvariantCulture),
                ColumnType.BigInt => long.Parse(text, CultureInfo.InvariantCulture),
                ColumnType.Decimal or ColumnType.Money => decimal.Parse(text, CultureInfo.InvariantCulture),
                ColumnType.Double => double.Parse(text, CultureInfo.InvariantCulture),
                ColumnType.Boolean => text is "1" || bool.Parse(text == "0" ? "false" : text),
                ColumnType.Lookup or ColumnType.Customer or ColumnType.Owner or ColumnType.PrimaryKey or ColumnType.Uniqueidentifier => Guid.Parse(text.Trim('{', '}')),
                _ => text,
            };
        }
        catch (FormatException)
        {
            throw DataverseFault.InvalidArgument($"The value '{text}' of the condition {NameOf(op)} is not a valid {column.Type} for the column '{column.LogicalName}'.");
        }
    }

    private static object? Single(ConditionOperator op, IReadOnlyList<object?> values, ColumnMetadata column)
        => values.Count == 1
            ? values[0]
            : throw DataverseFault.InvalidArgument($"The condition {NameOf(op)} on '{column.LogicalName}' takes one value, not {values.Count}.");

    private static int Count(ConditionOperator op, object? value, ColumnMetadata column)
    {
        long? count = value switch
        {
            int i => i,
            long l => l,
            short s => s,
            byte b => b,
            string text when long.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) => parsed,
            _ => null,
        };
        if (count is not { } whole || whole < 0 || whole > int.MaxValue)
        {
            throw DataverseFault.InvalidArgument($"The condition {NameOf(op)} on '{column.LogicalName}' takes a whole number of {UnitOf(op)} (0 or more), not '{Convert.ToString(value, CultureInfo.InvariantCulture)}'.");
        }

        return (int)whole;
    }

    private static DateTime Date(ConditionOperator op, object? value, ColumnMetadata column)
        => value switch
        {
            DateTime date => Values.ToStoredDateTime(date, column.DateTimeBehavior),
            string text => Values.ParseDateTime(text, column.DateTimeBehavior)
                ?? throw DataverseFault.InvalidArgument($"The value '{text}' of the condition {NameOf(op)} is not a date for the column '{column.LogicalName}'; write it as yyyy-MM-dd or yyyy-MM-ddTHH:mm:ssZ."),
            _ => throw DataverseFault.InvalidArgument($"The condition {NameOf(op)} on '{column.LogicalName}' takes a date, not '{Convert.ToString(value, CultureInfo.InvariantCulture)}'."),
        };

    private static string UnitOf(ConditionOperator op) => op switch
    {
        ConditionOperator.OlderThanXMinutes => "minutes",
        ConditionOperator.LastXHours or ConditionOperator.NextXHours or ConditionOperator.OlderThanXHours => "hours",
        ConditionOperator.LastXDays or ConditionOperator.NextXDays or ConditionOperator.OlderThanXDays => "days",
        ConditionOperator.LastXWeeks or ConditionOperator.NextXWeeks or ConditionOperator.OlderThanXWeeks => "weeks",
        ConditionOperator.LastXMonths or ConditionOperator.NextXMonths or ConditionOperator.OlderThanXMonths => "months",
        _ => "years",
    };
}
