using System;
using System.Globalization;
using System.Linq;
using CrmTeamSelling.Plugins.Model;
using CrmTeamSelling.Plugins.Tests.TestSupport;
using Microsoft.Xrm.Sdk;
using static CrmTeamSelling.Plugins.Tests.DealReview.DealReviews;
using Review = CrmTeamSelling.Plugins.Model.LogicalNames.DealReview;

namespace CrmTeamSelling.Plugins.Tests.DealReview;

/// <summary>The deal review itself: who may hold it, its name, and which review it follows.</summary>
[TestClass]
public sealed class ReviewRulesTests
{
    private static string Format(string format, params object?[] args) => string.Format(CultureInfo.InvariantCulture, format, args);

    [TestMethod]
    public void AReviewIsNamedAfterItsOpportunityAndDayAndKeepsTheName()
    {
        var (deal, _) = DealOn(Day(3, 2));
        var review = deal.OpenReview(deal.Rep, Day(3, 2), with: r => r[Review.Name] = "My meeting");

        Assert.AreEqual("Contoso ERP rollout – review 2026-03-02", deal.Crm.Get(review).GetAttributeValue<string>(Review.Name), "a typed name gives way to the kept one");

        deal.As(deal.Rep).Update(new Entity(Review.LogicalName, review.Id) { [Review.ReviewDate] = Day(3, 4) });
        Assert.AreEqual("Contoso ERP rollout – review 2026-03-04", deal.Crm.Get(review).GetAttributeValue<string>(Review.Name), "the name follows the date");

        deal.As(deal.Rep).Update(new Entity(Review.LogicalName, review.Id) { [Review.Name] = "Renamed" });
        Assert.AreEqual("Contoso ERP rollout – review 2026-03-04", deal.Crm.Get(review).GetAttributeValue<string>(Review.Name));
    }

    [TestMethod]
    public void ALongOpportunityNameIsCutToTheColumn()
    {
        var clock = new TestClock(Day(3, 2));
        var deal = DealWorld.Create(new string('X', 290), new Emulator.EmulatorOptions { Clock = () => clock.Now });

        var review = deal.OpenReview(deal.Rep, Day(3, 2));

        var name = deal.Crm.Get(review).GetAttributeValue<string>(Review.Name);
        Assert.AreEqual(200, name.Length);
        Assert.EndsWith("…", name);
    }

    [TestMethod]
    public void SomeoneNotOnTheDealTeamCannotOpenOrChangeAReview()
    {
        var (deal, _) = DealOn(Day(3, 2));
        var outsider = deal.NewManager("Otto Outsider");
        var review = deal.OpenReview(deal.Rep, Day(3, 2));

        var opening = Refusal.Of(() => deal.OpenReview(outsider, Day(3, 9)));
        var changing = Refusal.Of(() => deal.As(outsider).Update(new Entity(Review.LogicalName, review.Id) { [Review.Decisions] = "Drop the deal." }));

        Assert.AreEqual(Format(UserMessages.NotOnDealTeamToReview, OpportunityName), opening.Message);
        Assert.AreEqual(Format(UserMessages.NotOnDealTeamToReview, OpportunityName), changing.Message);
        Assert.HasCount(1, deal.Crm.All(Review.LogicalName));
    }

    [TestMethod]
    public void TheOwnerAndActiveMembersMayHoldReviewsButNotAFormerMember()
    {
        var (deal, _) = DealOn(Day(3, 2));
        var member = deal.NewTeamMember("Pia Presales", TeamRole.Presales);
        var leaver = deal.NewUser("Lea Leaver");
        deal.DeactivateTeamMember(deal.AddTeamMember(leaver, TeamRole.Other, Level.Staff));
        deal.GrantOpportunityAccess(leaver);

        deal.OpenReview(deal.Rep, Day(3, 2));
        deal.OpenReview(member, Day(3, 9));
        var fault = Refusal.Of(() => deal.OpenReview(leaver, Day(3, 16)));

        Assert.AreEqual(Format(UserMessages.NotOnDealTeamToReview, OpportunityName), fault.Message);
    }

    [TestMethod]
    public void AReviewWithoutADateIsRefused()
    {
        var (deal, _) = DealOn(Day(3, 2));

        var fault = Refusal.Of(() => deal.As(deal.Rep).Create(new Entity(Review.LogicalName) { [Review.OpportunityId] = deal.Opportunity }));

        Assert.AreEqual(Format(UserMessages.DealReviewNeedsDate, OpportunityName), fault.Message);
    }

    [TestMethod]
    public void AReviewWithoutAnOpportunityIsRefused()
    {
        var (deal, _) = DealOn(Day(3, 2));

        var fault = Refusal.Of(() => deal.As(deal.Rep).Create(new Entity(Review.LogicalName) { [Review.ReviewDate] = Day(3, 2) }));

        Assert.AreEqual(UserMessages.DealReviewNeedsOpportunity, fault.Message);
    }

    [TestMethod]
    public void TheFacilitatorIsWhoOpensTheReviewUnlessSomeoneIsNamed()
    {
        var (deal, _) = DealOn(Day(3, 2));
        var mona = deal.NewTeamMember("Mona Manager", TeamRole.SalesManager, Level.Manager);

        var own = deal.OpenReview(deal.Rep, Day(3, 2));
        var hers = deal.OpenReview(deal.Rep, Day(3, 9), with: r => r[Review.FacilitatorId] = mona);

        Assert.AreEqual(deal.Rep.Id, deal.Crm.Get(own).GetAttributeValue<EntityReference>(Review.FacilitatorId).Id);
        Assert.AreEqual(mona.Id, deal.Crm.Get(hers).GetAttributeValue<EntityReference>(Review.FacilitatorId).Id);
    }

    [TestMethod]
    public void WithoutAPreviousReviewTheLatestEarlierOneIsTaken()
    {
        var (deal, _) = DealOn(Day(3, 2));
        var first = deal.OpenReview(deal.Rep, Day(3, 2));
        var third = deal.OpenReview(deal.Rep, Day(3, 16));

        // A meeting held in between is recorded afterwards: it follows the one before it, not the latest.
        var second = deal.OpenReview(deal.Rep, Day(3, 9));

        Assert.AreEqual(first.Id, deal.Crm.Get(third).GetAttributeValue<EntityReference>(Review.PreviousReviewId).Id);
        Assert.AreEqual(first.Id, deal.Crm.Get(second).GetAttributeValue<EntityReference>(Review.PreviousReviewId).Id);
    }

    [TestMethod]
    public void AReviewOfAnotherDealDoesNotCountAsEarlier()
    {
        var (deal, _) = DealOn(Day(3, 2));
        var otherDeal = deal.Crm.Arrange(new Entity(LogicalNames.Opportunity.LogicalName) { [LogicalNames.Opportunity.Name] = "Contoso CRM upgrade", [LogicalNames.Opportunity.OwnerId] = deal.Rep });
        var otherReview = deal.As(deal.Rep).Create(new Entity(Review.LogicalName) { [Review.OpportunityId] = otherDeal, [Review.ReviewDate] = Day(3, 1) });

        var review = deal.OpenReview(deal.Rep, Day(3, 2));
        Assert.IsNull(deal.Crm.Get(review).GetAttributeValue<EntityReference>(Review.PreviousReviewId));

        var fault = Refusal.Of(() => deal.OpenReview(deal.Rep, Day(3, 9), previous: new EntityReference(Review.LogicalName, otherReview)));
        Assert.AreEqual(Format(UserMessages.DealReviewPreviousOfAnotherOpportunity, "Contoso CRM upgrade – review 2026-03-01", OpportunityName), fault.Message);
    }

    [TestMethod]
    public void APreviousReviewHeldLaterIsRefused()
    {
        var (deal, _) = DealOn(Day(3, 2));
        var later = deal.OpenReview(deal.Rep, Day(3, 16));

        var fault = Refusal.Of(() => deal.OpenReview(deal.Rep, Day(3, 9), previous: later));

        Assert.AreEqual(Format(UserMessages.DealReviewPreviousIsLater, "Contoso ERP rollout – review 2026-03-16", Day(3, 16), Day(3, 9)), fault.Message);
    }

    [TestMethod]
    public void TheOpportunityAndThePreviousReviewCannotChangeLater()
    {
        var (deal, _) = DealOn(Day(3, 2));
        var first = deal.OpenReview(deal.Rep, Day(3, 2));
        var second = deal.OpenReview(deal.Rep, Day(3, 9));
        var otherDeal = deal.Crm.Arrange(new Entity(LogicalNames.Opportunity.LogicalName) { [LogicalNames.Opportunity.Name] = "Contoso CRM upgrade", [LogicalNames.Opportunity.OwnerId] = deal.Rep });

        var moving = Refusal.Of(() => deal.As(deal.Rep).Update(new Entity(Review.LogicalName, second.Id) { [Review.OpportunityId] = otherDeal }));
        var rechaining = Refusal.Of(() => deal.As(deal.Rep).Update(new Entity(Review.LogicalName, second.Id) { [Review.PreviousReviewId] = null }));

        Assert.AreEqual(Format(UserMessages.DealReviewOpportunityIsFixed, "Contoso ERP rollout – review 2026-03-09"), moving.Message);
        Assert.AreEqual(Format(UserMessages.DealReviewPreviousIsFixed, "Contoso ERP rollout – review 2026-03-09"), rechaining.Message);
        Assert.AreEqual(first.Id, deal.Crm.Get(second).GetAttributeValue<EntityReference>(Review.PreviousReviewId).Id);
    }

    [TestMethod]
    public void AttendeesAreTeamMembersAndInvitedColleagues()
    {
        var (deal, _) = DealOn(Day(3, 2));
        var pia = deal.NewTeamMember("Pia Presales", TeamRole.Presales);
        var fred = deal.NewUser("Fred Finance");
        var review = deal.OpenReview(pia, Day(3, 2));

        deal.As(pia).Associate(Review.LogicalName, review.Id, new Relationship(Relationships.DealReviewAttendees), new EntityReferenceCollection { pia, deal.Rep, fred });

        var attendees = deal.Crm.All(Relationships.DealReviewAttendeesIntersectTable, row => row.GetAttributeValue<Guid>(Review.Id) == review.Id)
            .Select(row => row.GetAttributeValue<Guid>("systemuserid")).ToArray();
        CollectionAssert.AreEquivalent(new[] { pia.Id, deal.Rep.Id, fred.Id }, attendees);
    }

    [TestMethod]
    public void AReviewWithActionsIsKeptAsTheirRecord()
    {
        var (deal, _) = DealOn(Day(3, 2));
        var pia = deal.NewTeamMember("Pia Presales", TeamRole.Presales);
        var review = deal.OpenReview(deal.Rep, Day(3, 2));
        var action = deal.AddAction(pia, review, "Send the ROI model", pia, Day(3, 9));
        deal.Complete(pia, action, ActionOutcome.Done);

        var fault = Refusal.Of(() => deal.As(deal.Rep).Delete(Review.LogicalName, review.Id));

        Assert.AreEqual(Format(UserMessages.DealReviewWithActionsCannotBeDeleted, "Contoso ERP rollout – review 2026-03-02"), fault.Message, "even when all its actions are closed");
        Assert.AreEqual(review.Id, deal.Crm.Get(action).GetAttributeValue<EntityReference>(LogicalNames.Task.DealReviewId).Id);
    }

    [TestMethod]
    public void AReviewWithoutActionsMayBeDeleted()
    {
        var (deal, _) = DealOn(Day(3, 2));
        var mistake = deal.OpenReview(deal.Rep, Day(3, 2));

        deal.As(deal.Rep).Delete(Review.LogicalName, mistake.Id);

        Assert.IsEmpty(deal.Crm.All(Review.LogicalName));
    }

    [TestMethod]
    public void AReviewWithActionsGoesWithItsOpportunity()
    {
        var (deal, _) = DealOn(Day(3, 2));
        var review = deal.OpenReview(deal.Rep, Day(3, 2));
        deal.AddAction(deal.Rep, review, "Send the ROI model", deal.Rep, Day(3, 9));
        // Dataverse deletes the opportunity's reviews inside the opportunity's Delete (the parental cascade);
        // a test step does the same here, so the review's Delete runs with the opportunity's as its parent.
        deal.Crm.RegisterStep(new Emulator.Pipeline.PluginStepRegistration
        {
            Name = "test: cascade the opportunity's reviews",
            Message = "Delete",
            PrimaryEntity = LogicalNames.Opportunity.LogicalName,
            Stage = Emulator.Pipeline.PipelineStage.PreOperation,
            PluginType = typeof(DeleteReviewsOfTheOpportunity),
        });

        deal.Crm.System.Delete(LogicalNames.Opportunity.LogicalName, deal.Opportunity.Id);

        Assert.IsEmpty(deal.Crm.All(Review.LogicalName));
    }

    public sealed class DeleteReviewsOfTheOpportunity : IPlugin
    {
        public void Execute(IServiceProvider serviceProvider)
        {
            var context = (IPluginExecutionContext)serviceProvider.GetService(typeof(IPluginExecutionContext))!;
            var service = ((IOrganizationServiceFactory)serviceProvider.GetService(typeof(IOrganizationServiceFactory))!).CreateOrganizationService(null);
            var reviews = new Microsoft.Xrm.Sdk.Query.QueryExpression(Review.LogicalName) { ColumnSet = new Microsoft.Xrm.Sdk.Query.ColumnSet(false) };
            reviews.Criteria.AddCondition(Review.OpportunityId, Microsoft.Xrm.Sdk.Query.ConditionOperator.Equal, context.PrimaryEntityId);
            foreach (var review in service.RetrieveMultiple(reviews).Entities)
            {
                service.Delete(Review.LogicalName, review.Id);
            }
        }
    }
}
