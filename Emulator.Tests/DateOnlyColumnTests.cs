using System;
using System.Linq;
using System.ServiceModel;
using CrmTeamSelling.Emulator.Faults;
using CrmTeamSelling.Emulator.Metadata;
using CrmTeamSelling.Packager.Layout;
using CrmTeamSelling.Packager.Model;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Behavior = CrmTeamSelling.Packager.Model.DateTimeBehavior;

namespace CrmTeamSelling.Emulator.Tests;

/// <summary>
/// A table with one column of each date and time behaviour, declared as an export declares them (Format and
/// Behavior), and an emulator whose clock stands still on Wednesday 12 June 2030, 10:00 UTC.
/// </summary>
internal static class DatedModel
{
    public const string Meeting = "test_meeting";

    /// <summary>Date only (Format date, Behavior 2): the day of the meeting.</summary>
    public const string MeetingDay = "test_meetingday";

    /// <summary>Time-zone independent (Format datetime, Behavior 3): the local time the meeting starts where it is held.</summary>
    public const string StartsAt = "test_startsat";

    /// <summary>User local (Format datetime, Behavior 1): when the follow-up is due.</summary>
    public const string FollowUpDue = "test_followupdue";

    /// <summary>User local but shown as a date (Format date, Behavior 1): the format does not make it a date.</summary>
    public const string ShownAsDate = "test_shownasdate";

    public static readonly DateTime Now = new(2030, 6, 12, 10, 0, 0, DateTimeKind.Utc);

    public static SolutionModel Solution() => new()
    {
        Manifest = new SolutionManifest
        {
            UniqueName = "DatedTests",
            Version = "1.0.0.0",
            Publisher = new PublisherModel { UniqueName = "test", CustomizationPrefix = "test", CustomizationOptionValuePrefix = 41300 },
        },
        Tables = new[]
        {
            new TableModel
            {
                LogicalName = Meeting,
                SchemaName = "test_Meeting",
                PrimaryIdAttribute = "test_meetingid",
                PrimaryNameAttribute = "test_name",
                IsCustom = true,
                Ownership = OwnershipType.OrganizationOwned,
                Columns = new[]
                {
                    new ColumnModel { LogicalName = "test_meetingid", Type = "primarykey" },
                    new ColumnModel { LogicalName = "test_name", Type = "nvarchar", MaxLength = 100 },
                    new ColumnModel { LogicalName = "test_attendees", Type = "int" },
                    new ColumnModel { LogicalName = MeetingDay, Type = "datetime", Format = "date", DateTimeBehavior = Behavior.DateOnly },
                    new ColumnModel { LogicalName = StartsAt, Type = "datetime", Format = "datetime", DateTimeBehavior = Behavior.TimeZoneIndependent },
                    new ColumnModel { LogicalName = FollowUpDue, Type = "datetime", Format = "datetime", DateTimeBehavior = Behavior.UserLocal },
                    new ColumnModel { LogicalName = ShownAsDate, Type = "datetime", Format = "date", DateTimeBehavior = Behavior.UserLocal },
                },
            },
        },
    };

    public static XrmEmulator Emulator() => XrmEmulator.FromModel(Solution(), options: new EmulatorOptions { Clock = () => Now });

    public static Guid Add(this XrmEmulator crm, string name, string column, DateTime value)
        => crm.System.Create(new Entity(Meeting) { ["test_name"] = name, [column] = value });

    /// <summary>The names of the meetings a FetchXML condition on a column selects.</summary>
    public static string[] Fetch(this XrmEmulator crm, string column, string op, string? value = null)
        => Names(crm.System.RetrieveMultiple(new FetchExpression(
            $"<fetch><entity name='{Meeting}'><attribute name='test_name' /><filter><condition attribute='{column}' operator='{op}'{(value is null ? "" : $" value='{value}'")} /></filter></entity></fetch>")));

    /// <summary>The names of the meetings a QueryExpression condition on a column selects.</summary>
    public static string[] Query(this XrmEmulator crm, string column, ConditionOperator op, params object[] values)
    {
        var query = new QueryExpression(Meeting) { ColumnSet = new ColumnSet("test_name") };
        query.Criteria.AddCondition(column, op, values);
        return Names(crm.System.RetrieveMultiple(query));
    }

    public static string[] Names(EntityCollection rows) => rows.Entities.Select(e => e.GetAttributeValue<string>("test_name")).OrderBy(n => n, StringComparer.Ordinal).ToArray();

    public static FaultException<OrganizationServiceFault> Fails(Action action) => Assert.ThrowsExactly<FaultException<OrganizationServiceFault>>(action);
}

/// <summary>
/// Date and time behaviours as Dataverse applies them: a date-only column holds a calendar date (midnight, never
/// converted between time zones, returned with an unspecified kind), a time-zone-independent one keeps the time as
/// written, a user-local one is kept in UTC. The Format ("date"/"datetime") only says how forms show a value.
/// </summary>
[TestClass]
public sealed class DateOnlyColumnTests
{
    private static DateTime Stored(XrmEmulator crm, Guid id, string column) => crm.Get(DatedModel.Meeting, id).GetAttributeValue<DateTime>(column);

    [TestMethod]
    public void The_shipped_review_and_contact_dates_are_date_only_and_the_due_dates_user_local()
    {
        var catalog = SolutionMetadataLoader.Load(SolutionLayoutReader.Read(RealSolutionTests.RepoFile("Solution", "src")));
        ColumnMetadata Column(string table, string column) => catalog.FindTable(table)!.FindColumn(column)!;

        foreach (var (table, column) in new[]
                 {
                     ("tsell_dealreview", "tsell_reviewdate"), ("tsell_dealreview", "tsell_nextreviewdate"),
                     ("tsell_counterpart", "tsell_lastcontact"), ("tsell_counterpart", "tsell_nextstepdue"), ("tsell_stakeholder", "tsell_lastinteraction"),
                 })
        {
            Assert.IsTrue(Column(table, column).IsDateOnly, $"{table}.{column} is written <Behavior>2</Behavior>");
            Assert.AreEqual("date", Column(table, column).Format);
        }

        Assert.AreEqual(Metadata.DateTimeBehavior.UserLocal, Column("tsell_reviewactionentry", "tsell_duedate").DateTimeBehavior);
        Assert.AreEqual(Metadata.DateTimeBehavior.UserLocal, Column("tsell_dealreview", "createdon").DateTimeBehavior);
        Assert.AreEqual(Metadata.DateTimeBehavior.UserLocal, Column("opportunity", "estimatedclosedate").DateTimeBehavior, "a new org's estimated close date is user local, shown as a date");
    }

    [TestMethod]
    public void A_date_only_value_is_the_date_written_at_midnight_without_time_zone_conversion()
    {
        var crm = DatedModel.Emulator();
        var lateEvening = crm.Add("late evening UTC", DatedModel.MeetingDay, new DateTime(2030, 6, 12, 23, 30, 0, DateTimeKind.Utc));
        var localMorning = crm.Add("local morning", DatedModel.MeetingDay, new DateTime(2030, 6, 12, 0, 30, 0, DateTimeKind.Local));
        var unspecified = crm.Add("unspecified", DatedModel.MeetingDay, new DateTime(2030, 6, 12, 18, 0, 0));

        foreach (var id in new[] { lateEvening, localMorning, unspecified })
        {
            var stored = Stored(crm, id, DatedModel.MeetingDay);
            Assert.AreEqual(new DateTime(2030, 6, 12), stored, "the date as written, never shifted to another day");
            Assert.AreEqual(TimeSpan.Zero, stored.TimeOfDay);
            Assert.AreEqual(DateTimeKind.Unspecified, stored.Kind, "the SDK returns date-only values with an unspecified kind");
        }
    }

    [TestMethod]
    public void An_update_through_the_service_stores_the_date_only_as_well()
    {
        var crm = DatedModel.Emulator();
        var id = crm.Add("moved", DatedModel.MeetingDay, new DateTime(2030, 6, 12));

        crm.System.Update(new Entity(DatedModel.Meeting, id) { [DatedModel.MeetingDay] = new DateTime(2030, 6, 19, 16, 45, 0, DateTimeKind.Utc) });

        var retrieved = crm.System.Retrieve(DatedModel.Meeting, id, new ColumnSet(DatedModel.MeetingDay)).GetAttributeValue<DateTime>(DatedModel.MeetingDay);
        Assert.AreEqual(new DateTime(2030, 6, 19), retrieved);
        Assert.AreEqual(DateTimeKind.Unspecified, retrieved.Kind);
    }

    [TestMethod]
    public void A_time_zone_independent_value_keeps_the_time_written_and_a_user_local_one_is_kept_in_utc()
    {
        var crm = DatedModel.Emulator();
        var written = new DateTime(2030, 6, 12, 14, 15, 0, DateTimeKind.Local);
        var id = crm.System.Create(new Entity(DatedModel.Meeting) { ["test_name"] = "both", [DatedModel.StartsAt] = written, [DatedModel.FollowUpDue] = written });

        var startsAt = Stored(crm, id, DatedModel.StartsAt);
        Assert.AreEqual(new DateTime(2030, 6, 12, 14, 15, 0), startsAt, "the wall-clock time as written");
        Assert.AreEqual(DateTimeKind.Unspecified, startsAt.Kind);

        var followUp = Stored(crm, id, DatedModel.FollowUpDue);
        Assert.AreEqual(written.ToUniversalTime(), followUp, "a local time is converted to UTC");
        Assert.AreEqual(DateTimeKind.Utc, followUp.Kind);
    }

    [TestMethod]
    public void The_date_format_alone_does_not_drop_the_time_of_a_user_local_column()
    {
        var crm = DatedModel.Emulator();
        var moment = new DateTime(2030, 6, 12, 21, 30, 0, DateTimeKind.Utc);
        var id = crm.Add("shown as a date", DatedModel.ShownAsDate, moment);
        var deal = crm.System.Create(new Entity("opportunity") { ["name"] = "Closes in the evening", ["estimatedclosedate"] = moment });

        Assert.AreEqual(moment, Stored(crm, id, DatedModel.ShownAsDate));
        Assert.AreEqual(moment, crm.Get("opportunity", deal).GetAttributeValue<DateTime>("estimatedclosedate"));
    }

    [TestMethod]
    public void A_condition_on_a_date_only_column_compares_dates()
    {
        var crm = DatedModel.Emulator();
        crm.Add("eleventh", DatedModel.MeetingDay, new DateTime(2030, 6, 11));
        crm.Add("twelfth", DatedModel.MeetingDay, new DateTime(2030, 6, 12));
        crm.Add("thirteenth", DatedModel.MeetingDay, new DateTime(2030, 6, 13));

        // A time in the value does not make the date a later moment: eq and le match the day itself.
        CollectionAssert.AreEqual(new[] { "twelfth" }, crm.Query(DatedModel.MeetingDay, ConditionOperator.Equal, new DateTime(2030, 6, 12, 15, 0, 0, DateTimeKind.Utc)));
        CollectionAssert.AreEqual(new[] { "eleventh" }, crm.Query(DatedModel.MeetingDay, ConditionOperator.LessThan, new DateTime(2030, 6, 12, 15, 0, 0, DateTimeKind.Utc)));
        CollectionAssert.AreEqual(new[] { "eleventh", "twelfth" }, crm.Fetch(DatedModel.MeetingDay, "le", "2030-06-12T15:00:00Z"));
        CollectionAssert.AreEqual(new[] { "twelfth" }, crm.Fetch(DatedModel.MeetingDay, "on", "2030-06-12"));
        CollectionAssert.AreEqual(new[] { "twelfth" }, crm.Fetch(DatedModel.MeetingDay, "today"));
        CollectionAssert.AreEqual(new[] { "eleventh" }, crm.Fetch(DatedModel.MeetingDay, "yesterday"));
    }

    [TestMethod]
    public void A_date_with_an_offset_is_the_date_written_for_a_date_only_column_and_a_utc_moment_for_a_user_local_one()
    {
        var crm = DatedModel.Emulator();
        crm.System.Create(new Entity(DatedModel.Meeting) { ["test_name"] = "eleventh", [DatedModel.MeetingDay] = new DateTime(2030, 6, 11), [DatedModel.FollowUpDue] = new DateTime(2030, 6, 11, 20, 0, 0, DateTimeKind.Utc) });
        crm.System.Create(new Entity(DatedModel.Meeting) { ["test_name"] = "twelfth", [DatedModel.MeetingDay] = new DateTime(2030, 6, 12), [DatedModel.FollowUpDue] = new DateTime(2030, 6, 12, 9, 0, 0, DateTimeKind.Utc) });

        // 01:00 on the 12th in UTC+5 is 20:00 on the 11th in UTC.
        CollectionAssert.AreEqual(new[] { "twelfth" }, crm.Fetch(DatedModel.MeetingDay, "eq", "2030-06-12T01:00:00+05:00"));
        CollectionAssert.AreEqual(new[] { "eleventh" }, crm.Fetch(DatedModel.FollowUpDue, "eq", "2030-06-12T01:00:00+05:00"));
    }

    [TestMethod]
    public void A_date_value_that_is_no_date_is_refused_naming_the_column()
    {
        var crm = DatedModel.Emulator();

        var fault = DatedModel.Fails(() => crm.Fetch(DatedModel.MeetingDay, "on-or-before", "next tuesday"));

        Assert.AreEqual(ErrorCodes.InvalidArgument, fault.Detail.ErrorCode);
        StringAssert.Contains(fault.Detail.Message, "'next tuesday' of the condition on-or-before is not a date for the column 'test_meetingday'");
    }
}
