using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using CrmTeamSelling.Emulator.Data;
using CrmTeamSelling.Emulator.Metadata;
using CrmTeamSelling.Emulator.Pipeline;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace CrmTeamSelling.Emulator.Query;

/// <summary>
/// One condition against one value, with SQL's semantics: an empty column matches only Null (and the
/// negative text operators never match it), strings compare without regard to case, and relative
/// dates count from the emulator's clock.
/// </summary>
internal static class ConditionEvaluator
{
    public static bool Evaluate(ConditionOperator op, object? value, IReadOnlyList<object?> arguments, ColumnMetadata column, Actor actor, EmulatorRuntime runtime)
    {
        switch (op)
        {
            case ConditionOperator.Null:
                return value is null;
            case ConditionOperator.NotNull:
                return value is not null;
        }

        if (value is null)
        {
            return false;
        }

        var now = runtime.UtcNow();
        switch (op)
        {
            case ConditionOperator.Equal:
                return Values.Compare(value, Single(op, arguments, column)) == 0;
            case ConditionOperator.NotEqual:
                return Values.Compare(value, Single(op, arguments, column)) != 0;
            case ConditionOperator.GreaterThan:
                return Values.Compare(value, Single(op, arguments, column)) > 0;
            case ConditionOperator.GreaterEqual:
                return Values.Compare(value, Single(op, arguments, column)) >= 0;
            case ConditionOperator.LessThan:
                return Values.Compare(value, Single(op, arguments, column)) < 0;
            case ConditionOperator.LessEqual:
                return Values.Compare(value, Single(op, arguments, column)) <= 0;
            case ConditionOperator.In:
                return arguments.Any(a => Values.Compare(value, a) == 0);
            case ConditionOperator.NotIn:
                return arguments.All(a => Values.Compare(value, a) != 0);
            case ConditionOperator.Between:
                RequireCount(op, arguments, 2, column);
                return Values.Compare(value, arguments[0]) >= 0 && Values.Compare(value, arguments[1]) <= 0;
            case ConditionOperator.NotBetween:
                RequireCount(op, arguments, 2, column);
                return Values.Compare(value, arguments[0]) < 0 || Values.Compare(value, arguments[1]) > 0;
            case ConditionOperator.Like:
                return Like(value, Text(op, arguments, column));
            case ConditionOperator.NotLike:
                return !Like(value, Text(op, arguments, column));
            case ConditionOperator.BeginsWith:
                return Like(value, Escape(Text(op, arguments, column)) + "%");
            case ConditionOperator.DoesNotBeginWith:
                return !Like(value, Escape(Text(op, arguments, column)) + "%");
            case ConditionOperator.EndsWith:
                return Like(value, "%" + Escape(Text(op, arguments, column)));
            case ConditionOperator.DoesNotEndWith:
                return !Like(value, "%" + Escape(Text(op, arguments, column)));
            case ConditionOperator.Contains:
                return Like(value, "%" + Escape(Text(op, arguments, column)) + "%");
            case ConditionOperator.DoesNotContain:
                return !Like(value, "%" + Escape(Text(op, arguments, column)) + "%");
            case ConditionOperator.On:
                return Date(value) == DateArgument(op, arguments, column).Date;
            case ConditionOperator.NotOn:
                return Date(value) != DateArgument(op, arguments, column).Date;
            case ConditionOperator.OnOrBefore:
                return Date(value) <= DateArgument(op, arguments, column).Date;
            case ConditionOperator.OnOrAfter:
                return Date(value) >= DateArgument(op, arguments, column).Date;
            case ConditionOperator.Today:
                return Date(value) == now.Date;
            case ConditionOperator.Yesterday:
                return Date(value) == now.Date.AddDays(-1);
            case ConditionOperator.Tomorrow:
                return Date(value) == now.Date.AddDays(1);
            case ConditionOperator.LastXDays:
                return Moment(value) >= now.Date.AddDays(-Count(op, arguments, column)) && Moment(value) <= now;
            case ConditionOperator.NextXDays:
                return Moment(value) >= now && Moment(value) < now.Date.AddDays(Count(op, arguments, column) + 1);
            case ConditionOperator.LastXHours:
                return Moment(value) >= now.AddHours(-Count(op, arguments, column)) && Moment(value) <= now;
            case ConditionOperator.NextXHours:
                return Moment(value) >= now && Moment(value) <= now.AddHours(Count(op, arguments, column));
            case ConditionOperator.OlderThanXMinutes:
                return Moment(value) < now.AddMinutes(-Count(op, arguments, column));
            case ConditionOperator.OlderThanXHours:
                return Moment(value) < now.AddHours(-Count(op, arguments, column));
            case ConditionOperator.OlderThanXDays:
                return Moment(value) < now.AddDays(-Count(op, arguments, column));
            case ConditionOperator.OlderThanXWeeks:
                return Moment(value) < now.AddDays(-7 * Count(op, arguments, column));
            case ConditionOperator.OlderThanXMonths:
                return Moment(value) < now.AddMonths(-Count(op, arguments, column));
            case ConditionOperator.OlderThanXYears:
                return Moment(value) < now.AddYears(-Count(op, arguments, column));
            case ConditionOperator.EqualUserId:
                return Values.Compare(value, actor.UserId) == 0;
            case ConditionOperator.NotEqualUserId:
                return Values.Compare(value, actor.UserId) != 0;
            case ConditionOperator.EqualBusinessId:
                return Values.Compare(value, runtime.BusinessUnitOf(actor.UserId)) == 0;
            case ConditionOperator.NotEqualBusinessId:
                return Values.Compare(value, runtime.BusinessUnitOf(actor.UserId)) != 0;
            case ConditionOperator.EqualUserTeams:
                return TeamsOf(actor, runtime).Contains((Guid)Values.Normalize(value)!) ;
            case ConditionOperator.EqualUserOrUserTeams:
                return Values.Compare(value, actor.UserId) == 0 || TeamsOf(actor, runtime).Contains((Guid)Values.Normalize(value)!);
            case ConditionOperator.ContainValues:
                return value is OptionSetValueCollection chosen && arguments.Any(a => chosen.Any(c => Values.Compare(c, a) == 0));
            case ConditionOperator.DoesNotContainValues:
                return value is OptionSetValueCollection present && !arguments.Any(a => present.Any(c => Values.Compare(c, a) == 0));
            default:
                throw new NotSupportedException($"The emulator does not evaluate the condition operator {op} (on '{column.LogicalName}').");
        }
    }

    private static HashSet<Guid> TeamsOf(Actor actor, EmulatorRuntime runtime)
        => runtime.Access.PrincipalOf(actor.UserId).Identities.Where(id => id != actor.UserId).ToHashSet();

    private static object? Single(ConditionOperator op, IReadOnlyList<object?> arguments, ColumnMetadata column)
    {
        RequireCount(op, arguments, 1, column);
        return arguments[0];
    }

    private static void RequireCount(ConditionOperator op, IReadOnlyList<object?> arguments, int count, ColumnMetadata column)
    {
        if (arguments.Count != count)
        {
            throw Faults.DataverseFault.InvalidArgument($"The condition {op} on '{column.LogicalName}' takes {count} value(s), not {arguments.Count}.");
        }
    }

    private static string Text(ConditionOperator op, IReadOnlyList<object?> arguments, ColumnMetadata column)
        => Convert.ToString(Single(op, arguments, column), CultureInfo.InvariantCulture) ?? "";

    private static int Count(ConditionOperator op, IReadOnlyList<object?> arguments, ColumnMetadata column)
        => Convert.ToInt32(Single(op, arguments, column), CultureInfo.InvariantCulture);

    private static DateTime DateArgument(ConditionOperator op, IReadOnlyList<object?> arguments, ColumnMetadata column)
        => Single(op, arguments, column) switch
        {
            DateTime date => date,
            string text => DateTime.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal),
            var other => throw Faults.DataverseFault.InvalidArgument($"The condition {op} on '{column.LogicalName}' takes a date, not {other}."),
        };

    private static DateTime Moment(object value) => value is DateTime date ? date : throw Faults.DataverseFault.InvalidArgument("A date condition was used on a column that is not a date.");

    private static DateTime Date(object value) => Moment(value).Date;

    private static string Escape(string text) => text.Replace("[", "[[]").Replace("%", "[%]").Replace("_", "[_]");

    /// <summary>SQL LIKE: % any run, _ one character, [x] a character class; case-insensitive.</summary>
    private static bool Like(object value, string pattern)
    {
        var text = Convert.ToString(Values.Normalize(value), CultureInfo.InvariantCulture) ?? "";
        var regex = new System.Text.StringBuilder("^");
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            switch (c)
            {
                case '%':
                    regex.Append(".*");
                    break;
                case '_':
                    regex.Append('.');
                    break;
                case '[':
                    var close = pattern.IndexOf(']', i + 1);
                    if (close > i)
                    {
                        var inside = pattern.Substring(i + 1, close - i - 1);
                        regex.Append('[').Append(inside.Replace("\\", "\\\\").Replace("^", "\\^")).Append(']');
                        i = close;
                    }
                    else
                    {
                        regex.Append("\\[");
                    }

                    break;
                default:
                    regex.Append(Regex.Escape(c.ToString()));
                    break;
            }
        }

        return Regex.IsMatch(text, regex.Append('$').ToString(), RegexOptions.IgnoreCase | RegexOptions.Singleline | RegexOptions.CultureInvariant);
    }
}
