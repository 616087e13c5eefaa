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
/// negative text operators never match it), strings compare without regard to case. The values come read for the
/// operator and the column (<see cref="ConditionOperators.ReadValues"/>).
/// Relative dates count from the emulator's clock in the user's time zone, which is UTC for every emulated user:
/// today, yesterday and tomorrow are calendar days; last-x-hours is [now − x h, now] and next-x-hours [now, now + x h];
/// last-x-days/weeks/months/years run from the start of the day x units ago up to now, next-x-… from now to the end of the
/// day x units ahead; last-seven-days and next-seven-days are last-x-days and next-x-days with x = 7; weeks run
/// Sunday to Saturday, months and years by the calendar; olderthan-x-… is before the moment x units ago; on,
/// on-or-before and on-or-after compare calendar days. A date-only column holds dates at midnight, compared as they are.
/// </summary>
internal static class ConditionEvaluator
{
    public static bool Evaluate(ConditionOperator op, object? value, IReadOnlyList<object?> arguments, ColumnMetadata column, DateTime now, Actor actor, EmulatorRuntime runtime)
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

        var today = now.Date;
        switch (op)
        {
            case ConditionOperator.Equal:
                return Values.Compare(value, arguments[0]) == 0;
            case ConditionOperator.NotEqual:
                return Values.Compare(value, arguments[0]) != 0;
            case ConditionOperator.GreaterThan:
                return Values.Compare(value, arguments[0]) > 0;
            case ConditionOperator.GreaterEqual:
                return Values.Compare(value, arguments[0]) >= 0;
            case ConditionOperator.LessThan:
                return Values.Compare(value, arguments[0]) < 0;
            case ConditionOperator.LessEqual:
                return Values.Compare(value, arguments[0]) <= 0;
            case ConditionOperator.In:
                return arguments.Any(a => Values.Compare(value, a) == 0);
            case ConditionOperator.NotIn:
                return arguments.All(a => Values.Compare(value, a) != 0);
            case ConditionOperator.Between:
                return Values.Compare(value, arguments[0]) >= 0 && Values.Compare(value, arguments[1]) <= 0;
            case ConditionOperator.NotBetween:
                return Values.Compare(value, arguments[0]) < 0 || Values.Compare(value, arguments[1]) > 0;
            case ConditionOperator.Like:
                return Like(value, Text(arguments));
            case ConditionOperator.NotLike:
                return !Like(value, Text(arguments));
            case ConditionOperator.BeginsWith:
                return Like(value, Escape(Text(arguments)) + "%");
            case ConditionOperator.DoesNotBeginWith:
                return !Like(value, Escape(Text(arguments)) + "%");
            case ConditionOperator.EndsWith:
                return Like(value, "%" + Escape(Text(arguments)));
            case ConditionOperator.DoesNotEndWith:
                return !Like(value, "%" + Escape(Text(arguments)));
            case ConditionOperator.Contains:
                return Like(value, "%" + Escape(Text(arguments)) + "%");
            case ConditionOperator.DoesNotContain:
                return !Like(value, "%" + Escape(Text(arguments)) + "%");
            case ConditionOperator.On:
                return Day(value) == DateArgument(arguments).Date;
            case ConditionOperator.NotOn:
                return Day(value) != DateArgument(arguments).Date;
            case ConditionOperator.OnOrBefore:
                return Day(value) <= DateArgument(arguments).Date;
            case ConditionOperator.OnOrAfter:
                return Day(value) >= DateArgument(arguments).Date;
            case ConditionOperator.Today:
                return Day(value) == today;
            case ConditionOperator.Yesterday:
                return Day(value) == today.AddDays(-1);
            case ConditionOperator.Tomorrow:
                return Day(value) == today.AddDays(1);
            case ConditionOperator.ThisWeek:
                return Within(value, StartOfWeek(today), StartOfWeek(today).AddDays(7));
            case ConditionOperator.LastWeek:
                return Within(value, StartOfWeek(today).AddDays(-7), StartOfWeek(today));
            case ConditionOperator.NextWeek:
                return Within(value, StartOfWeek(today).AddDays(7), StartOfWeek(today).AddDays(14));
            case ConditionOperator.ThisMonth:
                return Within(value, StartOfMonth(today), StartOfMonth(today).AddMonths(1));
            case ConditionOperator.LastMonth:
                return Within(value, StartOfMonth(today).AddMonths(-1), StartOfMonth(today));
            case ConditionOperator.NextMonth:
                return Within(value, StartOfMonth(today).AddMonths(1), StartOfMonth(today).AddMonths(2));
            case ConditionOperator.ThisYear:
                return Within(value, StartOfYear(today), StartOfYear(today).AddYears(1));
            case ConditionOperator.LastYear:
                return Within(value, StartOfYear(today).AddYears(-1), StartOfYear(today));
            case ConditionOperator.NextYear:
                return Within(value, StartOfYear(today).AddYears(1), StartOfYear(today).AddYears(2));
            case ConditionOperator.LastXHours:
                return UpToNow(value, now.AddHours(-Count(arguments)), now);
            case ConditionOperator.NextXHours:
                return FromNow(value, now, now.AddHours(Count(arguments)), inclusiveEnd: true);
            case ConditionOperator.Last7Days:
                return UpToNow(value, today.AddDays(-7), now);
            case ConditionOperator.Next7Days:
                return FromNow(value, now, today.AddDays(7 + 1), inclusiveEnd: false);
            case ConditionOperator.LastXDays:
                return UpToNow(value, today.AddDays(-Count(arguments)), now);
            case ConditionOperator.NextXDays:
                return FromNow(value, now, today.AddDays(Count(arguments) + 1), inclusiveEnd: false);
            case ConditionOperator.LastXWeeks:
                return UpToNow(value, today.AddDays(-7 * Count(arguments)), now);
            case ConditionOperator.NextXWeeks:
                return FromNow(value, now, today.AddDays(7 * Count(arguments) + 1), inclusiveEnd: false);
            case ConditionOperator.LastXMonths:
                return UpToNow(value, today.AddMonths(-Count(arguments)), now);
            case ConditionOperator.NextXMonths:
                return FromNow(value, now, today.AddMonths(Count(arguments)).AddDays(1), inclusiveEnd: false);
            case ConditionOperator.LastXYears:
                return UpToNow(value, today.AddYears(-Count(arguments)), now);
            case ConditionOperator.NextXYears:
                return FromNow(value, now, today.AddYears(Count(arguments)).AddDays(1), inclusiveEnd: false);
            case ConditionOperator.OlderThanXMinutes:
                return Moment(value) < now.AddMinutes(-Count(arguments));
            case ConditionOperator.OlderThanXHours:
                return Moment(value) < now.AddHours(-Count(arguments));
            case ConditionOperator.OlderThanXDays:
                return Moment(value) < now.AddDays(-Count(arguments));
            case ConditionOperator.OlderThanXWeeks:
                return Moment(value) < now.AddDays(-7 * Count(arguments));
            case ConditionOperator.OlderThanXMonths:
                return Moment(value) < now.AddMonths(-Count(arguments));
            case ConditionOperator.OlderThanXYears:
                return Moment(value) < now.AddYears(-Count(arguments));
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

    private static string Text(IReadOnlyList<object?> arguments) => (string)arguments[0]!;

    private static int Count(IReadOnlyList<object?> arguments) => (int)arguments[0]!;

    private static DateTime DateArgument(IReadOnlyList<object?> arguments) => (DateTime)arguments[0]!;

    // ReadValues refuses a date operator on a column that is not a date, so a value here is a DateTime.
    private static DateTime Moment(object value) => (DateTime)value;

    private static DateTime Day(object value) => Moment(value).Date;

    /// <summary>From the start of one day (included) to the start of another (excluded).</summary>
    private static bool Within(object value, DateTime from, DateTime until) => Moment(value) >= from && Moment(value) < until;

    /// <summary>From a moment in the past up to now, both included.</summary>
    private static bool UpToNow(object value, DateTime from, DateTime now) => Moment(value) >= from && Moment(value) <= now;

    /// <summary>From now (included) to a later moment: included for hours, excluded for the start of the day after the last one.</summary>
    private static bool FromNow(object value, DateTime now, DateTime until, bool inclusiveEnd)
        => Moment(value) >= now && (inclusiveEnd ? Moment(value) <= until : Moment(value) < until);

    private static DateTime StartOfWeek(DateTime day) => day.AddDays(-(int)day.DayOfWeek);

    private static DateTime StartOfMonth(DateTime day) => new(day.Year, day.Month, 1, 0, 0, 0, day.Kind);

    private static DateTime StartOfYear(DateTime day) => new(day.Year, 1, 1, 0, 0, 0, day.Kind);

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
