using System.Linq;
using System.Xml.Linq;
using CrmTeamSelling.Packager.Layout;
using CrmTeamSelling.Packager.Model;
using CrmTeamSelling.Plugins.Model;
using CrmTeamSelling.Plugins.Tests.TestSupport;
using Microsoft.Xrm.Sdk;
using static CrmTeamSelling.Plugins.Tests.DealReview.DealReviews;
using Entry = CrmTeamSelling.Plugins.Model.LogicalNames.ReviewActionEntry;

namespace CrmTeamSelling.Plugins.Tests.DealReview;

/// <summary>What Solution/src ships for deal reviews agrees with what the plugins write and the rules say.</summary>
[TestClass]
public sealed class ShippedSchemaTests
{
    private static readonly SolutionModel Shipped = SolutionLayoutReader.Read(RepositoryPaths.SolutionSource);

    [TestMethod]
    public void TheOverdueViewListsOpenActionsPastTheirDueDateAndNoOrdinaryTask()
    {
        var conditions = Conditions(ShippedViews.Task("Overdue Actions"));

        CollectionAssert.IsSubsetOf(new[]
        {
            "statecode eq 0",                       // open
            "tsell_dealreviewid not-null",          // an action, not an ordinary task
            "scheduledend olderthan-x-minutes 1",   // past its due date (coverage: due before now)
        }, conditions);
    }

    [TestMethod]
    public void TheOpenActionsViewListsActionsOnly()
    {
        CollectionAssert.Contains(Conditions(ShippedViews.Task("Open Team Selling Actions")), "tsell_dealreviewid not-null");
    }

    [TestMethod]
    public void ThePluginsLabelsOfTheHistoryChoicesAreTheSolutions()
    {
        var entries = Shipped.Tables.Single(t => t.LogicalName == Entry.LogicalName);
        var task = Shipped.Tables.Single(t => t.LogicalName == LogicalNames.Task.LogicalName);
        foreach (var option in entries.Columns.Single(c => c.LogicalName == Entry.Step).OptionSet!.Options)
        {
            Assert.AreEqual(option.Label, ChoiceLabels.ActionHistoryStep(option.Value));
        }

        foreach (var column in new[] { entries.Columns.Single(c => c.LogicalName == Entry.Outcome), task.Columns.Single(c => c.LogicalName == LogicalNames.Task.ActionOutcome) })
        {
            CollectionAssert.AreEqual(
                new[] { ActionOutcome.Done, ActionOutcome.OnTrack, ActionOutcome.AtRisk, ActionOutcome.Blocked, ActionOutcome.Dropped },
                column.OptionSet!.Options.Select(o => o.Value).ToArray(), "the history's outcome has the task's values");
            foreach (var option in column.OptionSet.Options)
            {
                Assert.AreEqual(option.Label, ChoiceLabels.ActionOutcome(option.Value));
            }
        }

        CollectionAssert.AreEqual(
            new[] { ActionHistoryStep.Decided, ActionHistoryStep.CarriedForward, ActionHistoryStep.Amended, ActionHistoryStep.OutcomeRecorded, ActionHistoryStep.Closed, ActionHistoryStep.Reopened },
            entries.Columns.Single(c => c.LogicalName == Entry.Step).OptionSet!.Options.Select(o => o.Value).ToArray());
    }

    [TestMethod]
    public void TheHistoryIsAChildOfTheOpportunityAndSurvivesItsTaskAndReview()
    {
        var parent = Shipped.Relationships.Single(r => r.SchemaName == Relationships.OpportunityReviewActionEntries);
        Assert.AreEqual("Cascade", parent.Cascade.Delete, "it goes with the deal");
        Assert.AreEqual("Cascade", parent.Cascade.Share, "whoever the deal is shared with reads its history");
        Assert.AreEqual("Cascade", parent.Cascade.Assign);
        foreach (var link in new[] { Relationships.TaskReviewActionEntries, Relationships.DealReviewActionEntries })
        {
            Assert.AreEqual("RemoveLink", Shipped.Relationships.Single(r => r.SchemaName == link).Cascade.Delete, link + ": deleting the task or the review keeps its history");
        }
    }

    [TestMethod]
    public void UsersReadTheHistoryButCannotWriteIt()
    {
        var (deal, _) = DealOn(Day(3, 2));
        foreach (var role in new[] { SecurityRoles.TeamSellingMember, SecurityRoles.TeamSellingManager })
        {
            var privileges = Shipped.Roles.Single(r => r.Name == role).Privileges.Select(p => p.Name).ToList();
            CollectionAssert.Contains(privileges, "prvReadtsell_reviewactionentry", role);
            Assert.IsFalse(privileges.Any(p => p.EndsWith("tsell_reviewactionentry", System.StringComparison.Ordinal) && !p.StartsWith("prvRead", System.StringComparison.Ordinal)),
                role + " may only read the history");
        }

        var review = deal.OpenReview(deal.Rep, Day(3, 2));
        var forged = new Entity(Entry.LogicalName)
        {
            [Entry.Name] = "Send the ROI model – Closed: Done",
            [Entry.Step] = new OptionSetValue(ActionHistoryStep.Closed),
            [Entry.OpportunityId] = deal.Opportunity,
            [Entry.DealReviewId] = review,
        };
        var fault = Refusal.Of(() => deal.As(deal.Rep).Create(forged));
        StringAssert.Contains(fault.Message, "prvCreatetsell_reviewactionentry");
    }

    [TestMethod]
    public void TheReviewDatesAreDatesNotMoments()
    {
        var review = Shipped.Tables.Single(t => t.LogicalName == LogicalNames.DealReview.LogicalName);
        foreach (var column in new[] { LogicalNames.DealReview.ReviewDate, LogicalNames.DealReview.NextReviewDate })
        {
            Assert.AreEqual("date", review.Columns.Single(c => c.LogicalName == column).Format, column + ": the name shows the meeting's day, the same for everyone");
        }
    }

    private static string[] Conditions(string fetchXml) =>
        XDocument.Parse(fetchXml).Descendants("condition")
            .Select(c => string.Join(" ", new[] { (string?)c.Attribute("attribute"), (string?)c.Attribute("operator"), (string?)c.Attribute("value") }.Where(p => p != null)))
            .ToArray();
}
