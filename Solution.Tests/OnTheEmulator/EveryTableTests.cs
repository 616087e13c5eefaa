using System;
using System.Linq;
using CrmTeamSelling.Plugins.Model;
using CrmTeamSelling.Solution.Tests.Support;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using static CrmTeamSelling.Plugins.Model.LogicalNames;

namespace CrmTeamSelling.Solution.Tests.OnTheEmulator;

/// <summary>Every table of the data model takes its rows, gives them back and answers queries, on the emulator loaded from Solution/src.</summary>
[TestClass]
public sealed class EveryTableTests
{
    [TestMethod]
    [DataRow(DealTeamMember.LogicalName)]
    [DataRow(Stakeholder.LogicalName)]
    [DataRow(Counterpart.LogicalName)]
    [DataRow(DealSolution.LogicalName)]
    [DataRow(DealSolutionRevision.LogicalName)]
    [DataRow(SolutionAcknowledgement.LogicalName)]
    [DataRow(DealReview.LogicalName)]
    [DataRow(Task.LogicalName)]
    public void A_row_with_every_column_of_the_design_is_created_read_back_and_found_by_queries(string table)
    {
        var org = TeamSellingOrg.Create();
        var deal = org.AddDeal(org.Opportunity);
        var otherDeal = org.AddDeal(org.NewOpportunity("Contoso CRM upgrade"));
        var sent = deal.RowOf(table);
        var expected = ExpectedModel.AllTables.Single(t => t.LogicalName == table);
        var unset = expected.Columns.Select(c => c.Name).Where(c => !sent.Contains(c)).ToList();
        Assert.IsEmpty(unset, $"The test's {table} row leaves out {string.Join(", ", unset)}: fill every column the design names.");

        // The rep owns the deal; the revision, written by the system, reaches them through the opportunity.
        var read = org.Crm.As(org.Rep).Retrieve(table, sent.Id, new ColumnSet(true));

        foreach (var (column, value) in sent.Attributes)
        {
            Assert.IsTrue(SameValue(value, read.Contains(column) ? read[column] : null), $"{table}.{column}: sent {Describe(value)}, read back {Describe(read.Contains(column) ? read[column] : null)}.");
        }

        var byQuery = org.Crm.As(org.Rep).RetrieveMultiple(new QueryExpression(table)
        {
            ColumnSet = new ColumnSet(expected.Columns.Select(c => c.Name).ToArray()),
            Criteria = { Conditions = { new ConditionExpression(TeamSellingOrg.OpportunityColumnOf(table), ConditionOperator.Equal, deal.Opportunity.Id) } },
        });
        var fullRows = byQuery.Entities.Where(e => e.Id == sent.Id).ToList();
        Assert.HasCount(1, fullRows, $"A query of {table} by opportunity must find the row.");
        Assert.IsFalse(byQuery.Entities.Any(e => e.Id == otherDeal[table].Id), $"A query of {table} by opportunity returned a row of another opportunity.");

        var primaryKey = ShippedSolution.KnownTable(table)!.PrimaryIdAttribute;
        var fetch = $"<fetch><entity name='{table}'><attribute name='{primaryKey}' /><filter><condition attribute='{TeamSellingOrg.OpportunityColumnOf(table)}' operator='eq' value='{deal.Opportunity.Id}' /></filter></entity></fetch>";
        var byFetch = org.Crm.As(org.Rep).RetrieveMultiple(new FetchExpression(fetch));
        CollectionAssert.AreEquivalent(byQuery.Entities.Select(e => e.Id).ToList(), byFetch.Entities.Select(e => e.Id).ToList(), $"FetchXML and QueryExpression disagree on the {table} rows of the opportunity.");
    }

    [TestMethod]
    public void A_deal_review_records_its_attendees_through_the_many_to_many_relationship()
    {
        var org = TeamSellingOrg.Create();
        var deal = org.AddDeal(org.Opportunity);
        var review = deal[DealReview.LogicalName];

        org.Crm.As(org.Rep).Associate(review.LogicalName, review.Id, new Relationship(Relationships.DealReviewAttendees), new EntityReferenceCollection { org.Rep, org.Colleague });

        var attendees = org.Crm.As(org.Rep).RetrieveMultiple(new QueryExpression(SystemUser.LogicalName)
        {
            ColumnSet = new ColumnSet(SystemUser.FullName),
            LinkEntities =
            {
                new LinkEntity(SystemUser.LogicalName, Relationships.DealReviewAttendeesIntersectTable, SystemUser.Id, SystemUser.Id, JoinOperator.Inner)
                {
                    LinkCriteria = { Conditions = { new ConditionExpression(DealReview.Id, ConditionOperator.Equal, review.Id) } },
                },
            },
        });
        CollectionAssert.AreEquivalent(new[] { "Rita Rep", "Colin Colleague" }, attendees.Entities.Select(u => u.GetAttributeValue<string>(SystemUser.FullName)).ToList());
    }

    /// <summary>Values compare as Dataverse gives them back: references by table and id, money and choices by value.</summary>
    private static bool SameValue(object? sent, object? read) => (sent, read) switch
    {
        (EntityReference a, EntityReference b) => a.LogicalName == b.LogicalName && a.Id == b.Id,
        (Money a, Money b) => a.Value == b.Value,
        (OptionSetValue a, OptionSetValue b) => a.Value == b.Value,
        (DateTime a, DateTime b) => a.ToUniversalTime() == b.ToUniversalTime(),
        _ => Equals(sent, read),
    };

    private static string Describe(object? value) => value switch
    {
        null => "nothing",
        EntityReference r => $"{r.LogicalName} {r.Id}",
        Money m => $"money {m.Value}",
        OptionSetValue o => $"choice {o.Value}",
        _ => $"'{value}'",
    };
}
