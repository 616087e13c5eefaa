using System;
using System.Linq;
using CrmTeamSelling.Plugins.Model;
using CrmTeamSelling.Plugins.Tests.Stakeholder;
using CrmTeamSelling.Plugins.Tests.TestSupport;
using Microsoft.Xrm.Sdk;
using static CrmTeamSelling.Plugins.Tests.DealReview.DealReviews;
using Api = CrmTeamSelling.Plugins.Model.CustomApis.GetDealCoverage;
using Review = CrmTeamSelling.Plugins.Model.LogicalNames.DealReview;
using TaskNames = CrmTeamSelling.Plugins.Model.LogicalNames.Task;

namespace CrmTeamSelling.Plugins.Tests.DealReview;

/// <summary>
/// A deal through two sales meetings, as the team lives it: the first review splits the work into
/// actions; between the meetings one is done, one is moved with a reason, one slips; the second review
/// takes over what is still open and records where it stands. At the end the history tells all of it.
/// </summary>
[TestClass]
public sealed class TwoReviewsWalkthroughTests
{
    private const string RoiModel = "Send the ROI model";
    private const string Briefing = "Book the executive briefing";
    private const string SecurityAnswers = "Draft the security questionnaire answers";
    private const string WorkshopMoved = "The customer moved the finance workshop to the 19th.";

    [TestMethod]
    public void ADealThroughTwoReviews()
    {
        // Given the rep's deal, a sales manager and presales on the team, a finance colleague invited, and Dana (Head of Operations) mapped.
        var (deal, clock) = DealOn(Day(3, 2, 9));
        var mona = deal.NewManager("Mona Manager");
        deal.AddTeamMember(mona, TeamRole.SalesManager, Level.Manager);
        var pia = deal.NewTeamMember("Pia Presales", TeamRole.Presales);
        var fred = deal.NewUser("Fred Finance");
        var dana = deal.AddStakeholder(deal.Contacts[1], BuyingRole.DecisionMaker, Level.Manager, department: "Operations");

        // Review 1: Mona runs the meeting; the attendees are recorded; the work is split.
        var review1 = deal.OpenReview(mona, Day(3, 2), with: r => r[Review.Decisions] = "Lead with the finance case; Dana decides.");
        deal.As(mona).Associate(Review.LogicalName, review1.Id, new Relationship(Relationships.DealReviewAttendees),
            new EntityReferenceCollection { deal.Rep, pia, fred, mona });
        var roiModel = deal.AddAction(mona, review1, RoiModel, pia, Day(3, 9, 17), dana);
        var briefing = deal.AddAction(mona, review1, Briefing, deal.Rep, Day(3, 12, 17));
        var securityAnswers = deal.AddAction(mona, review1, SecurityAnswers, pia, Day(3, 6, 17));
        deal.Crm.DrainAsync();

        var first = deal.Crm.Get(review1);
        Assert.AreEqual("Contoso ERP rollout – review 2026-03-02", first.GetAttributeValue<string>(Review.Name));
        Assert.AreEqual(mona.Id, first.GetAttributeValue<EntityReference>(Review.FacilitatorId).Id, "the person who opens the review facilitates it");
        Assert.IsNull(first.GetAttributeValue<EntityReference>(Review.PreviousReviewId), "the first review follows none");
        CollectionAssert.AreEquivalent(new[] { deal.Rep.Id, pia.Id, fred.Id, mona.Id }, AttendeesOf(deal, review1));
        Assert.AreEqual(deal.Opportunity.Id, deal.Crm.Get(roiModel).GetAttributeValue<EntityReference>(TaskNames.RegardingObjectId).Id, "an action is regarding the review's opportunity");
        Assert.HasCount(2, deal.Crm.NotificationsFor(pia), "Pia was given two actions");
        Assert.HasCount(1, deal.Crm.NotificationsFor(deal.Rep), "the rep was given one");
        Assert.IsEmpty(deal.Crm.NotificationsFor(mona), "the facilitator gave, and was given nothing");

        // Between the meetings: the workshop moves, the briefing is booked, the questionnaire slips.
        clock.MoveTo(Day(3, 8, 10));
        deal.MoveDueDate(pia, roiModel, Day(3, 20, 17), WorkshopMoved);
        clock.MoveTo(Day(3, 10, 15));
        deal.Complete(deal.Rep, briefing, ActionOutcome.Done, "Briefing on 3 April with the CFO.");

        // On the day of review 2, the questionnaire is overdue: coverage shows it, and only it.
        clock.MoveTo(Day(3, 16, 8));
        var coverage = deal.Crm.As(mona).Execute(new OrganizationRequest(Api.Name) { [CustomApis.Target] = deal.Opportunity });
        var json = (string)coverage.Results[Api.Coverage];
        StringAssert.Contains(json, string.Format(UserMessages.GapOverdueAction, SecurityAnswers, Day(3, 6, 17)));
        Assert.DoesNotContain(RoiModel + " was due", json);

        // Review 2: opened without naming the previous one; it follows review 1 and takes over what is open.
        var review2 = deal.OpenReview(mona, Day(3, 16));
        Assert.AreEqual(review1.Id, deal.Crm.Get(review2).GetAttributeValue<EntityReference>(Review.PreviousReviewId).Id);
        foreach (var open in new[] { roiModel, securityAnswers })
        {
            var task = deal.Crm.Get(open);
            Assert.AreEqual(review2.Id, task.GetAttributeValue<EntityReference>(TaskNames.DealReviewId).Id, "an open action moves to the new review");
            Assert.AreEqual(review1.Id, task.GetAttributeValue<EntityReference>(TaskNames.CarriedForwardFromId).Id, "and remembers where it came from");
        }

        Assert.AreEqual(review1.Id, deal.Crm.Get(briefing).GetAttributeValue<EntityReference>(TaskNames.DealReviewId).Id, "a closed action stays with its review");

        // At review 2 the questionnaire is at risk.
        clock.MoveTo(Day(3, 16, 11));
        deal.RecordOutcome(pia, securityAnswers, ActionOutcome.AtRisk, "Waiting for the customer's IT to send the template.");

        // Then: the tasks keep the latest state ...
        var roi = deal.Crm.Get(roiModel);
        Assert.AreEqual(Day(3, 9, 17), roi.GetAttributeValue<DateTime>(TaskNames.OriginalDueDate), "the first due date is kept");
        Assert.AreEqual(WorkshopMoved, roi.GetAttributeValue<string>(TaskNames.AmendmentReason));
        var done = deal.Crm.Get(briefing);
        Assert.AreEqual(TaskState.Completed, done.GetAttributeValue<OptionSetValue>(TaskNames.StateCode).Value);
        Assert.AreEqual(ActionOutcome.Done, done.GetAttributeValue<OptionSetValue>(TaskNames.ActionOutcome).Value);

        // ... and the history reads, step by step, what happened to each action at which review.
        const string R1 = "Contoso ERP rollout – review 2026-03-02";
        const string R2 = "Contoso ERP rollout – review 2026-03-16";
        CollectionAssert.AreEqual(new[]
        {
            $"Decided, at {R1}, due 2026-03-09, by Mona Manager",
            $"Amended, at {R1}, due 2026-03-09 → 2026-03-20, because {WorkshopMoved}, by Pia Presales",
            $"Carried Forward, at {R2}, due 2026-03-20, by Mona Manager",
        }, deal.History(roiModel).Select(Describe).ToArray());
        CollectionAssert.AreEqual(new[]
        {
            $"Decided, at {R1}, due 2026-03-12, by Mona Manager",
            $"Closed, at {R1}, due 2026-03-12, outcome Done, notes Briefing on 3 April with the CFO., by Rita Rep",
        }, deal.History(briefing).Select(Describe).ToArray());
        CollectionAssert.AreEqual(new[]
        {
            $"Decided, at {R1}, due 2026-03-06, by Mona Manager",
            $"Carried Forward, at {R2}, due 2026-03-06, by Mona Manager",
            $"Outcome Recorded, at {R2}, due 2026-03-06, outcome At Risk, notes Waiting for the customer's IT to send the template., by Pia Presales",
        }, deal.History(securityAnswers).Select(Describe).ToArray());
        CollectionAssert.AreEqual(new[]
        {
            "Send the ROI model – Decided, due 2026-03-09",
            "Send the ROI model – Amended: 2026-03-09 → 2026-03-20",
            "Send the ROI model – Carried Forward, due 2026-03-20",
        }, deal.History(roiModel).Select(e => e.GetAttributeValue<string>(LogicalNames.ReviewActionEntry.Name)).ToArray(), "each entry's name reads in any list");

        // The history is the deal's: Pia, on the team, reads it all, including the steps others made.
        var asPia = deal.As(pia).RetrieveMultiple(Plugins.DealReview.ReviewActionHistory.QueryForAction(securityAnswers.Id)).Entities;
        Assert.HasCount(3, asPia);
    }

    private static Guid[] AttendeesOf(DealWorld deal, EntityReference review)
        => deal.Crm.All(Relationships.DealReviewAttendeesIntersectTable, row => row.GetAttributeValue<Guid>(Review.Id) == review.Id)
            .Select(row => row.GetAttributeValue<Guid>("systemuserid")).ToArray();
}
