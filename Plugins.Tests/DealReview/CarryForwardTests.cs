using System;
using System.Linq;
using CrmTeamSelling.Plugins.DealReview;
using CrmTeamSelling.Plugins.Model;
using CrmTeamSelling.Plugins.Tests.TestSupport;
using Microsoft.Xrm.Sdk;
using static CrmTeamSelling.Plugins.Tests.DealReview.DealReviews;
using Entry = CrmTeamSelling.Plugins.Model.LogicalNames.ReviewActionEntry;
using TaskNames = CrmTeamSelling.Plugins.Model.LogicalNames.Task;

namespace CrmTeamSelling.Plugins.Tests.DealReview;

/// <summary>Opening the next review takes over every open action of the previous one, at a fixed cost.</summary>
[TestClass]
public sealed class CarryForwardTests
{
    /// <summary>Given review 1 with <paramref name="open"/> open actions for Pia and one she closed, all decided by Mona.</summary>
    private static (DealWorld Deal, EntityReference Mona, EntityReference Review1, EntityReference[] Open, EntityReference Closed) ReviewWithActions(int open)
    {
        var (deal, _) = DealOn(Day(3, 2, 9));
        var mona = deal.NewManager("Mona Manager");
        deal.AddTeamMember(mona, TeamRole.SalesManager, Level.Manager);
        var pia = deal.NewTeamMember("Pia Presales", TeamRole.Presales);
        var review1 = deal.OpenReview(mona, Day(3, 2));
        var actions = Enumerable.Range(1, open).Select(i => deal.AddAction(mona, review1, "Action " + i, pia, Day(3, 2 + i))).ToArray();
        var closed = deal.AddAction(mona, review1, "Done already", pia, Day(3, 5));
        deal.Complete(pia, closed, ActionOutcome.Done);
        return (deal, mona, review1, actions, closed);
    }

    [TestMethod]
    public void EveryOpenActionMovesToTheNewReviewRemembersWhereItCameFromAndGetsAHistoryStep()
    {
        var (deal, mona, review1, open, closed) = ReviewWithActions(3);

        var review2 = deal.OpenReview(mona, Day(3, 16));

        foreach (var action in open)
        {
            var task = deal.Crm.Get(action);
            Assert.AreEqual(review2.Id, task.GetAttributeValue<EntityReference>(TaskNames.DealReviewId).Id);
            Assert.AreEqual(review1.Id, task.GetAttributeValue<EntityReference>(TaskNames.CarriedForwardFromId).Id);
            var carried = deal.History(action).Last();
            Assert.AreEqual(ActionHistoryStep.CarriedForward, carried.GetAttributeValue<OptionSetValue>(Entry.Step).Value);
            Assert.AreEqual(review2.Id, carried.GetAttributeValue<EntityReference>(Entry.DealReviewId).Id);
            Assert.AreEqual(mona.Id, carried.GetAttributeValue<EntityReference>(Entry.ChangedBy).Id, "the person who opened the review carried it");
            Assert.AreEqual(deal.Opportunity.Id, deal.Crm.Get(carried.ToEntityReference()).GetAttributeValue<EntityReference>(Entry.OpportunityId).Id, "the history is the deal's");
        }

        var stays = deal.Crm.Get(closed);
        Assert.AreEqual(review1.Id, stays.GetAttributeValue<EntityReference>(TaskNames.DealReviewId).Id);
        Assert.IsNull(stays.GetAttributeValue<EntityReference>(TaskNames.CarriedForwardFromId));
        Assert.AreEqual(ActionHistoryStep.Closed, deal.History(closed).Last().GetAttributeValue<OptionSetValue>(Entry.Step).Value);
    }

    [TestMethod]
    public void AnActionCarriedTwiceRemembersTheReviewItLastCameFromAndItsHistoryBoth()
    {
        var (deal, mona, review1, open, _) = ReviewWithActions(1);
        var review2 = deal.OpenReview(mona, Day(3, 16));

        var review3 = deal.OpenReview(mona, Day(3, 30));

        var task = deal.Crm.Get(open[0]);
        Assert.AreEqual(review3.Id, task.GetAttributeValue<EntityReference>(TaskNames.DealReviewId).Id);
        Assert.AreEqual(review2.Id, task.GetAttributeValue<EntityReference>(TaskNames.CarriedForwardFromId).Id);
        CollectionAssert.AreEqual(new[] { review1.Id, review2.Id, review3.Id },
            deal.History(open[0]).Select(e => e.GetAttributeValue<EntityReference>(Entry.DealReviewId).Id).ToArray(), "every review the action passed through");
    }

    [TestMethod]
    public void TheCarryForwardCostsOneQueryOneUpdateMultipleAndOneCreateMultipleWhateverTheNumberOfActions()
    {
        foreach (var count in new[] { 2, 7 })
        {
            var (deal, mona, _, _, _) = ReviewWithActions(count);
            deal.Crm.ResetStatistics();

            deal.OpenReview(mona, Day(3, 16));

            var opening = deal.Crm.Operations.Single(o => !o.IsAsync);
            var carry = typeof(CarryForwardOpenActions).FullName!;
            Assert.AreEqual(3, opening.ServiceCallsByPlugin[carry], $"{count} actions: one query, one UpdateMultiple, one CreateMultiple");
            Assert.AreEqual(1, opening.CallsOf("UpdateMultiple"));
            Assert.AreEqual(1, opening.CallsOf("CreateMultiple"));
            // The deal team and the previous review, read when the review opens; nothing per action, not even
            // in the task steps the UpdateMultiple runs for each action.
            Assert.AreEqual(5, opening.ServiceCallsByPlugins, $"{count} actions");
        }
    }

    [TestMethod]
    public void TheFirstReviewAndAReviewAfterOneWithNothingOpenCarryNothing()
    {
        var (deal, _) = DealOn(Day(3, 2));
        var first = deal.OpenReview(deal.Rep, Day(3, 2));
        deal.Crm.ResetStatistics();

        deal.OpenReview(deal.Rep, Day(3, 9));

        Assert.AreEqual(0, deal.Crm.LastOperation!.CallsOf("UpdateMultiple"));
        Assert.IsEmpty(deal.Crm.All(Entry.LogicalName));
        Assert.IsNotNull(first);
    }

    [TestMethod]
    public void AnExplicitPreviousReviewIsTheOneCarriedFrom()
    {
        var (deal, mona, review1, open, _) = ReviewWithActions(1);
        var pia = deal.Crm.Get(open[0]).GetAttributeValue<EntityReference>(TaskNames.OwnerId);
        // A meeting of the delivery side, recorded afterwards with an earlier date: it follows no review.
        var deliveryMeeting = deal.OpenReview(mona, Day(3, 1));
        var deliveryAction = deal.AddAction(mona, deliveryMeeting, "Staff the pilot", pia, Day(3, 20));

        // Review 2 follows the delivery meeting, by choice; by default it would follow review 1, the latest earlier one.
        var review2 = deal.OpenReview(mona, Day(3, 16), previous: deliveryMeeting);

        Assert.AreEqual(review2.Id, deal.Crm.Get(deliveryAction).GetAttributeValue<EntityReference>(TaskNames.DealReviewId).Id);
        Assert.AreEqual(review1.Id, deal.Crm.Get(open[0]).GetAttributeValue<EntityReference>(TaskNames.DealReviewId).Id, "review 1's open action stays with it");
    }
}
