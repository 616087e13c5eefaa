using System;
using System.Linq;
using CrmTeamSelling.Emulator.Faults;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace CrmTeamSelling.Emulator.Tests;

/// <summary>
/// Relative and absolute date conditions, in FetchXML and in QueryExpression, against the emulator's clock
/// (Wednesday 12 June 2030, 10:00 UTC; never the machine's). The x-operators read their value as a count of units,
/// on and its kin read a date, comparisons read a value of the column's type.
/// </summary>
[TestClass]
public sealed class FetchXmlDateOperatorTests
{
    private static readonly DateTime Now = DatedModel.Now;

    /// <summary>Meetings whose follow-up (a user-local column) is due at the given moments, named by the moment.</summary>
    private static XrmEmulator FollowUpsDue(params DateTime[] moments)
    {
        var crm = DatedModel.Emulator();
        foreach (var moment in moments)
        {
            crm.Add(Name(moment), DatedModel.FollowUpDue, moment);
        }

        return crm;
    }

    private static string Name(DateTime moment) => moment.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    private static string[] Names(params DateTime[] moments) => moments.Select(Name).OrderBy(n => n, StringComparer.Ordinal).ToArray();

    [TestMethod]
    public void Olderthan_x_minutes_reads_its_value_as_minutes_before_the_emulator_clock()
    {
        var twoMinutesAgo = Now.AddMinutes(-2);
        var crm = FollowUpsDue(twoMinutesAgo, Now.AddSeconds(-30), Now.AddDays(1), Now.AddYears(-3));

        var expected = Names(twoMinutesAgo, Now.AddYears(-3));
        CollectionAssert.AreEqual(expected, crm.Fetch(DatedModel.FollowUpDue, "olderthan-x-minutes", "1"));
        CollectionAssert.AreEqual(expected, crm.Query(DatedModel.FollowUpDue, ConditionOperator.OlderThanXMinutes, 1));
        CollectionAssert.AreEqual(expected, crm.Query(DatedModel.FollowUpDue, ConditionOperator.OlderThanXMinutes, "1"), "a count written as text is read as the number");
        CollectionAssert.AreEqual(Names(Now.AddYears(-3)), crm.Fetch(DatedModel.FollowUpDue, "olderthan-x-minutes", "5"));
    }

    [TestMethod]
    [DataRow("olderthan-x-hours", ConditionOperator.OlderThanXHours, "-3h", "-1h")]
    [DataRow("olderthan-x-days", ConditionOperator.OlderThanXDays, "-3d", "-1d")]
    [DataRow("olderthan-x-weeks", ConditionOperator.OlderThanXWeeks, "-15d", "-13d")]
    [DataRow("olderthan-x-months", ConditionOperator.OlderThanXMonths, "-65d", "-55d")]
    [DataRow("olderthan-x-years", ConditionOperator.OlderThanXYears, "-740d", "-700d")]
    [DataRow("last-x-hours", ConditionOperator.LastXHours, "-1h", "-3h")]
    [DataRow("next-x-hours", ConditionOperator.NextXHours, "+1h", "+3h")]
    [DataRow("last-x-days", ConditionOperator.LastXDays, "-2d-9h", "-3d-11h")]
    [DataRow("next-x-days", ConditionOperator.NextXDays, "+2d+13h", "+3d+14h")]
    [DataRow("last-x-weeks", ConditionOperator.LastXWeeks, "-13d", "-15d")]
    [DataRow("next-x-weeks", ConditionOperator.NextXWeeks, "+14d+13h", "+15d+14h")]
    [DataRow("last-x-months", ConditionOperator.LastXMonths, "-55d", "-62d")]
    [DataRow("next-x-months", ConditionOperator.NextXMonths, "+55d", "+63d")]
    [DataRow("last-x-years", ConditionOperator.LastXYears, "-700d", "-732d")]
    [DataRow("next-x-years", ConditionOperator.NextXYears, "+700d", "+732d")]
    public void Every_x_operator_reads_its_value_as_a_count_of_units(string fetchName, ConditionOperator op, string inside, string outside)
    {
        // The count is 2 (hours, days, weeks, months, years); "inside" is selected, "outside" and the other side of now are not.
        var selected = Shift(inside);
        var crm = FollowUpsDue(selected, Shift(outside), fetchName.StartsWith("next", StringComparison.Ordinal) ? Now.AddMinutes(-1) : Now.AddMinutes(1));

        CollectionAssert.AreEqual(Names(selected), crm.Fetch(DatedModel.FollowUpDue, fetchName, "2"), fetchName);
        CollectionAssert.AreEqual(Names(selected), crm.Query(DatedModel.FollowUpDue, op, 2), op.ToString());
    }

    /// <summary>Now moved by "-3d-11h", "+1h"...: days and hours.</summary>
    private static DateTime Shift(string offset)
    {
        var moment = Now;
        foreach (var part in System.Text.RegularExpressions.Regex.Matches(offset, @"[+-]\d+[dh]").Select(m => m.Value))
        {
            var amount = int.Parse(part[..^1], System.Globalization.CultureInfo.InvariantCulture);
            moment = part[^1] == 'd' ? moment.AddDays(amount) : moment.AddHours(amount);
        }

        return moment;
    }

    [TestMethod]
    public void Last_x_days_starts_at_midnight_x_days_ago_and_next_x_days_ends_at_the_end_of_the_last_day()
    {
        var startOfYesterday = new DateTime(2030, 6, 11, 0, 0, 0, DateTimeKind.Utc);
        var endOfTomorrow = new DateTime(2030, 6, 13, 23, 59, 0, DateTimeKind.Utc);
        var crm = FollowUpsDue(startOfYesterday, startOfYesterday.AddMinutes(-1), endOfTomorrow, endOfTomorrow.AddMinutes(1), Now.AddMinutes(30));

        CollectionAssert.AreEqual(Names(startOfYesterday), crm.Fetch(DatedModel.FollowUpDue, "last-x-days", "1"));
        CollectionAssert.AreEqual(Names(endOfTomorrow, Now.AddMinutes(30)), crm.Fetch(DatedModel.FollowUpDue, "next-x-days", "1"));
    }

    [TestMethod]
    public void Today_yesterday_and_tomorrow_are_the_calendar_days_of_the_emulator_clock()
    {
        var yesterdayEvening = new DateTime(2030, 6, 11, 23, 59, 0, DateTimeKind.Utc);
        var earlyToday = new DateTime(2030, 6, 12, 0, 1, 0, DateTimeKind.Utc);
        var lateToday = new DateTime(2030, 6, 12, 23, 0, 0, DateTimeKind.Utc);
        var tomorrowMorning = new DateTime(2030, 6, 13, 8, 0, 0, DateTimeKind.Utc);
        var crm = FollowUpsDue(yesterdayEvening, earlyToday, lateToday, tomorrowMorning);

        CollectionAssert.AreEqual(Names(earlyToday, lateToday), crm.Fetch(DatedModel.FollowUpDue, "today"));
        CollectionAssert.AreEqual(Names(yesterdayEvening), crm.Query(DatedModel.FollowUpDue, ConditionOperator.Yesterday));
        CollectionAssert.AreEqual(Names(tomorrowMorning), crm.Fetch(DatedModel.FollowUpDue, "tomorrow"));
    }

    [TestMethod]
    public void This_last_and_next_week_run_sunday_to_saturday_and_months_and_years_by_the_calendar()
    {
        // 12 June 2030 is a Wednesday: this week is Sunday 9 to Saturday 15 June.
        var sunday = new DateTime(2030, 6, 9, 0, 0, 0, DateTimeKind.Utc);
        var lastSaturday = sunday.AddMinutes(-1);
        var saturday = new DateTime(2030, 6, 15, 23, 0, 0, DateTimeKind.Utc);
        var nextSunday = new DateTime(2030, 6, 16, 1, 0, 0, DateTimeKind.Utc);
        var lastOfMay = new DateTime(2030, 5, 31, 12, 0, 0, DateTimeKind.Utc);
        var newYear = new DateTime(2031, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var crm = FollowUpsDue(sunday, lastSaturday, saturday, nextSunday, lastOfMay, newYear);

        CollectionAssert.AreEqual(Names(sunday, saturday), crm.Fetch(DatedModel.FollowUpDue, "this-week"));
        CollectionAssert.AreEqual(Names(lastSaturday), crm.Fetch(DatedModel.FollowUpDue, "last-week"));
        CollectionAssert.AreEqual(Names(nextSunday), crm.Fetch(DatedModel.FollowUpDue, "next-week"));
        CollectionAssert.AreEqual(Names(lastOfMay), crm.Fetch(DatedModel.FollowUpDue, "last-month"));
        CollectionAssert.AreEqual(Names(sunday, lastSaturday, saturday, nextSunday), crm.Fetch(DatedModel.FollowUpDue, "this-month"));
        CollectionAssert.AreEqual(Names(newYear), crm.Fetch(DatedModel.FollowUpDue, "next-year"));
    }

    [TestMethod]
    public void On_on_or_before_and_on_or_after_read_a_date_and_compare_days()
    {
        var morning = new DateTime(2030, 6, 12, 6, 0, 0, DateTimeKind.Utc);
        var evening = new DateTime(2030, 6, 12, 21, 0, 0, DateTimeKind.Utc);
        var dayBefore = new DateTime(2030, 6, 11, 23, 0, 0, DateTimeKind.Utc);
        var dayAfter = new DateTime(2030, 6, 13, 1, 0, 0, DateTimeKind.Utc);
        var crm = FollowUpsDue(morning, evening, dayBefore, dayAfter);

        CollectionAssert.AreEqual(Names(morning, evening), crm.Fetch(DatedModel.FollowUpDue, "on", "2030-06-12"));
        CollectionAssert.AreEqual(Names(morning, evening, dayBefore), crm.Fetch(DatedModel.FollowUpDue, "on-or-before", "2030-06-12"));
        CollectionAssert.AreEqual(Names(morning, evening, dayAfter), crm.Query(DatedModel.FollowUpDue, ConditionOperator.OnOrAfter, new DateTime(2030, 6, 12, 15, 0, 0, DateTimeKind.Utc)));
        CollectionAssert.AreEqual(Names(dayBefore, dayAfter), crm.Query(DatedModel.FollowUpDue, ConditionOperator.NotOn, "2030-06-12"));
    }

    [TestMethod]
    public void Comparisons_on_a_date_and_time_column_read_the_value_as_a_moment()
    {
        var morning = new DateTime(2030, 6, 12, 6, 0, 0, DateTimeKind.Utc);
        var noon = new DateTime(2030, 6, 12, 12, 0, 0, DateTimeKind.Utc);
        var evening = new DateTime(2030, 6, 12, 21, 0, 0, DateTimeKind.Utc);
        var crm = FollowUpsDue(morning, noon, evening);

        CollectionAssert.AreEqual(Names(morning), crm.Fetch(DatedModel.FollowUpDue, "lt", "2030-06-12T12:00:00Z"));
        CollectionAssert.AreEqual(Names(morning, noon), crm.Fetch(DatedModel.FollowUpDue, "le", "2030-06-12T12:00:00Z"));
        CollectionAssert.AreEqual(Names(evening), crm.Fetch(DatedModel.FollowUpDue, "gt", "2030-06-12T12:00:00Z"));
        CollectionAssert.AreEqual(Names(noon, evening), crm.Query(DatedModel.FollowUpDue, ConditionOperator.GreaterEqual, noon));
        CollectionAssert.AreEqual(Names(morning, noon), crm.Query(DatedModel.FollowUpDue, ConditionOperator.Between, morning, noon));
    }

    [TestMethod]
    public void A_date_for_a_count_is_refused_naming_the_operator_the_unit_and_the_column()
    {
        var crm = FollowUpsDue(Now);

        var fetch = DatedModel.Fails(() => crm.Fetch(DatedModel.FollowUpDue, "olderthan-x-minutes", "2030-06-01"));
        var query = DatedModel.Fails(() => crm.Query(DatedModel.FollowUpDue, ConditionOperator.LastXDays, Now));
        var negative = DatedModel.Fails(() => crm.Fetch(DatedModel.FollowUpDue, "next-x-hours", "-4"));

        Assert.AreEqual(ErrorCodes.InvalidArgument, fetch.Detail.ErrorCode);
        StringAssert.Contains(fetch.Detail.Message, "The condition olderthan-x-minutes on 'test_followupdue' takes a whole number of minutes (0 or more), not '2030-06-01'.");
        StringAssert.Contains(query.Detail.Message, "The condition last-x-days on 'test_followupdue' takes a whole number of days");
        StringAssert.Contains(negative.Detail.Message, "takes a whole number of hours (0 or more), not '-4'");
    }

    [TestMethod]
    public void A_date_operator_on_a_column_that_is_no_date_is_refused_even_without_rows()
    {
        var crm = DatedModel.Emulator();

        var fault = DatedModel.Fails(() => crm.Fetch("test_attendees", "last-x-days", "3"));

        Assert.AreEqual(ErrorCodes.InvalidArgument, fault.Detail.ErrorCode);
        StringAssert.Contains(fault.Detail.Message, "The condition last-x-days compares dates, but 'test_attendees' is not a date and time column (it is Integer).");
    }

    [TestMethod]
    public void An_operator_that_takes_no_value_refuses_one()
    {
        var crm = DatedModel.Emulator();

        var fault = DatedModel.Fails(() => crm.Fetch(DatedModel.FollowUpDue, "today", "2030-06-12"));

        StringAssert.Contains(fault.Detail.Message, "The condition today on 'test_followupdue' takes no value, but was given 1.");
    }

    [TestMethod]
    public void A_null_compared_with_eq_is_refused_as_Dataverse_does()
    {
        var crm = DatedModel.Emulator();

        var fault = DatedModel.Fails(() => crm.Query(DatedModel.FollowUpDue, ConditionOperator.Equal, new object[] { null! }));

        StringAssert.Contains(fault.Detail.Message, "Condition for attribute 'test_followupdue': null is not a valid value for an attribute. Use 'Null' or 'NotNull' conditions instead.");
    }

    [TestMethod]
    public void Unknown_and_unemulated_fetchxml_operators_say_so()
    {
        var crm = DatedModel.Emulator();

        var unknown = DatedModel.Fails(() => crm.Fetch(DatedModel.FollowUpDue, "older-than-x-days", "2"));
        var fiscal = Assert.ThrowsExactly<NotSupportedException>(() => crm.Fetch(DatedModel.FollowUpDue, "last-fiscal-year"));

        StringAssert.Contains(unknown.Detail.Message, "'older-than-x-days' is not a FetchXML condition operator");
        StringAssert.Contains(fiscal.Message, "'last-fiscal-year'");
    }

    [TestMethod]
    public void A_condition_on_a_linked_table_reads_its_count_too()
    {
        var crm = DatedModel.Emulator();
        var user = crm.CreateUser("Olga Owner");
        var account = crm.Arrange(new Entity("account") { ["name"] = "Contoso", ["ownerid"] = user });
        crm.Arrange(
            new Entity("task") { ["subject"] = "late", ["regardingobjectid"] = account, ["scheduledend"] = Now.AddHours(-2), ["ownerid"] = user },
            new Entity("task") { ["subject"] = "due later", ["regardingobjectid"] = account, ["scheduledend"] = Now.AddHours(2), ["ownerid"] = user });

        var fetch = "<fetch><entity name='account'><attribute name='name' />"
            + "<link-entity name='task' from='regardingobjectid' to='accountid' alias='t'><attribute name='subject' /></link-entity>"
            + "<filter><condition entityname='t' attribute='scheduledend' operator='olderthan-x-minutes' value='1' /></filter></entity></fetch>";
        var rows = crm.System.RetrieveMultiple(new FetchExpression(fetch)).Entities;

        CollectionAssert.AreEqual(new object[] { "late" }, rows.Select(r => r.GetAttributeValue<AliasedValue>("t.subject").Value).ToArray());
    }
}
