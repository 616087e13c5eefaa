using System;
using System.Linq;
using CrmTeamSelling.Plugins.Model;
using CrmTeamSelling.Plugins.Tests.Stakeholder;
using CrmTeamSelling.Plugins.Tests.TestSupport;
using Microsoft.Xrm.Sdk;
using static CrmTeamSelling.Plugins.Tests.DealReview.DealReviews;
using Entry = CrmTeamSelling.Plugins.Model.LogicalNames.ReviewActionEntry;
using Review = CrmTeamSelling.Plugins.Model.LogicalNames.DealReview;
using TaskNames = CrmTeamSelling.Plugins.Model.LogicalNames.Task;

namespace CrmTeamSelling.Plugins.Tests.DealReview;

/// <summary>What makes an action valid, and the message a rep gets for each way it is not.</summary>
[TestClass]
public sealed class ActionRulesTests
{
    private const string Subject = "Send the ROI model";
    private const string ReviewName = "Contoso ERP rollout – review 2026-03-02";

    /// <summary>Given the rep's deal, Mona (a sales manager on the team) and Pia (presales), and review 1 opened by Mona.</summary>
    private static (DealWorld Deal, TestClock Clock, EntityReference Mona, EntityReference Pia, EntityReference Review) Meeting()
    {
        var (deal, clock) = DealOn(Day(3, 2, 9));
        var mona = deal.NewManager("Mona Manager");
        deal.AddTeamMember(mona, TeamRole.SalesManager, Level.Manager);
        var pia = deal.NewTeamMember("Pia Presales", TeamRole.Presales);
        var review = deal.OpenReview(mona, Day(3, 2));
        return (deal, clock, mona, pia, review);
    }

    private static string Format(string format, params object?[] args) => string.Format(System.Globalization.CultureInfo.InvariantCulture, format, args);

    [TestMethod]
    public void AnActionWithoutAnOwnerIsRefused()
    {
        var (deal, _, mona, _, review) = Meeting();

        var fault = Refusal.Of(() => deal.As(mona).Create(NewAction(review, Subject, owner: null, Day(3, 9))));

        Assert.AreEqual(Format(UserMessages.ActionNeedsOwner, Subject), fault.Message);
        Assert.IsEmpty(deal.Crm.All(TaskNames.LogicalName), "nothing was created");
        Assert.IsEmpty(deal.Crm.All(Entry.LogicalName), "and nothing recorded");
    }

    [TestMethod]
    public void AnActionWithoutADueDateIsRefused()
    {
        var (deal, _, mona, pia, review) = Meeting();

        var fault = Refusal.Of(() => deal.As(mona).Create(NewAction(review, Subject, pia, due: null)));

        Assert.AreEqual(Format(UserMessages.ActionNeedsDueDate, Subject), fault.Message);
        Assert.IsEmpty(deal.Crm.All(TaskNames.LogicalName));
    }

    [TestMethod]
    public void AnActionOwnedByATeamIsRefused()
    {
        var (deal, _, mona, pia, review) = Meeting();
        var presalesTeam = deal.Crm.CreateTeam("Presales EMEA", deal.SalesUnit, pia);

        var fault = Refusal.Of(() => deal.As(mona).Create(NewAction(review, Subject, presalesTeam, Day(3, 9))));

        Assert.AreEqual(Format(UserMessages.ActionOwnedByTeam, Subject, "Presales EMEA"), fault.Message);
    }

    [TestMethod]
    public void AnActionForAStakeholderOfAnotherOpportunityIsRefused()
    {
        var (deal, _, mona, pia, review) = Meeting();
        var otherDeal = deal.Crm.Arrange(new Entity(LogicalNames.Opportunity.LogicalName)
        {
            [LogicalNames.Opportunity.Name] = "Contoso CRM upgrade",
            [LogicalNames.Opportunity.CustomerId] = deal.Account,
            [LogicalNames.Opportunity.OwnerId] = deal.Rep,
        });
        var danaOnTheOtherDeal = deal.AddStakeholder(deal.Contacts[1], opportunity: otherDeal);

        var fault = Refusal.Of(() => deal.As(mona).Create(NewAction(review, Subject, pia, Day(3, 9), danaOnTheOtherDeal)));

        var stakeholderName = deal.Crm.Get(danaOnTheOtherDeal).GetAttributeValue<string>(LogicalNames.Stakeholder.Name);
        Assert.AreEqual(Format(UserMessages.ActionStakeholderOfAnotherOpportunity, Subject, stakeholderName, OpportunityName), fault.Message);
    }

    [TestMethod]
    public void AnActionForAStakeholderOfTheDealIsKept()
    {
        var (deal, _, mona, pia, review) = Meeting();
        var dana = deal.AddStakeholder(deal.Contacts[1]);

        var action = deal.AddAction(mona, review, Subject, pia, Day(3, 9), dana);

        Assert.AreEqual(dana.Id, deal.Crm.Get(action).GetAttributeValue<EntityReference>(TaskNames.StakeholderId).Id);
    }

    [TestMethod]
    public void TargetingAStakeholderOfAnotherOpportunityLaterIsRefusedToo()
    {
        var (deal, _, mona, pia, review) = Meeting();
        var action = deal.AddAction(mona, review, Subject, pia, Day(3, 9));
        var otherDeal = deal.Crm.Arrange(new Entity(LogicalNames.Opportunity.LogicalName)
        {
            [LogicalNames.Opportunity.Name] = "Contoso CRM upgrade",
            [LogicalNames.Opportunity.OwnerId] = deal.Rep,
        });
        var stranger = deal.AddStakeholder(deal.Contacts[2], opportunity: otherDeal);

        var fault = Refusal.Of(() => deal.As(pia).Update(new Entity(TaskNames.LogicalName, action.Id) { [TaskNames.StakeholderId] = stranger }));

        StringAssert.StartsWith(fault.Message, $"The action '{Subject}' targets the stakeholder '");
        Assert.IsNull(deal.Crm.Get(action).GetAttributeValue<EntityReference>(TaskNames.StakeholderId));
    }

    [TestMethod]
    public void AnActionOfAReviewOfAnotherOpportunityIsRefused()
    {
        var (deal, _, mona, pia, review) = Meeting();
        var otherDeal = deal.Crm.Arrange(new Entity(LogicalNames.Opportunity.LogicalName)
        {
            [LogicalNames.Opportunity.Name] = "Contoso CRM upgrade",
            [LogicalNames.Opportunity.OwnerId] = mona,
        });
        var action = NewAction(review, Subject, pia, Day(3, 9));
        action[TaskNames.RegardingObjectId] = otherDeal;

        var fault = Refusal.Of(() => deal.As(mona).Create(action));

        Assert.AreEqual(Format(UserMessages.ActionReviewOfAnotherOpportunity, Subject, "Contoso CRM upgrade", ReviewName, OpportunityName), fault.Message);
    }

    [TestMethod]
    public void AnActionRegardingSomethingElseThanTheOpportunityIsRefused()
    {
        var (deal, _, mona, pia, review) = Meeting();
        var action = NewAction(review, Subject, pia, Day(3, 9));
        action[TaskNames.RegardingObjectId] = deal.Account;

        var fault = Refusal.Of(() => deal.As(mona).Create(action));

        Assert.AreEqual(Format(UserMessages.ActionRegardingNotOpportunity, Subject, "account", ReviewName, OpportunityName), fault.Message);
    }

    [TestMethod]
    public void AnActionIsRegardingTheReviewsOpportunityWhenNoneIsGiven()
    {
        var (deal, _, mona, pia, review) = Meeting();

        var action = deal.AddAction(mona, review, Subject, pia, Day(3, 9));

        var regarding = deal.Crm.Get(action).GetAttributeValue<EntityReference>(TaskNames.RegardingObjectId);
        Assert.AreEqual(LogicalNames.Opportunity.LogicalName, regarding.LogicalName);
        Assert.AreEqual(deal.Opportunity.Id, regarding.Id);
    }

    [TestMethod]
    public void MovingTheDueDateWithoutAReasonIsRefused()
    {
        var (deal, _, mona, pia, review) = Meeting();
        var action = deal.AddAction(mona, review, Subject, pia, Day(3, 9, 17));

        var fault = Refusal.Of(() => deal.MoveDueDate(pia, action, Day(3, 20, 17), reason: null));

        Assert.AreEqual(Format(UserMessages.ActionAmendmentNeedsReason, Subject, Day(3, 9, 17), Day(3, 20, 17)), fault.Message);
        Assert.AreEqual(Day(3, 9, 17), deal.Crm.Get(action).GetAttributeValue<DateTime>(TaskNames.ScheduledEnd), "the due date did not move");
    }

    [TestMethod]
    public void AReasonLeftFromAnEarlierAmendmentDoesNotCountForANewOne()
    {
        var (deal, _, mona, pia, review) = Meeting();
        var action = deal.AddAction(mona, review, Subject, pia, Day(3, 9));
        deal.MoveDueDate(pia, action, Day(3, 20), "Workshop moved.");

        var fault = Refusal.Of(() => deal.MoveDueDate(pia, action, Day(3, 27), reason: null));

        StringAssert.StartsWith(fault.Message, "You moved the due date of the action 'Send the ROI model' from 2026-03-20 to 2026-03-27.");
    }

    [TestMethod]
    public void TheFirstDueDateIsKeptThroughEveryAmendment()
    {
        var (deal, _, mona, pia, review) = Meeting();
        var action = deal.AddAction(mona, review, Subject, pia, Day(3, 9));

        deal.MoveDueDate(pia, action, Day(3, 20), "Workshop moved.");
        deal.MoveDueDate(pia, action, Day(3, 27), "CFO on holiday.");

        var task = deal.Crm.Get(action);
        Assert.AreEqual(Day(3, 9), task.GetAttributeValue<DateTime>(TaskNames.OriginalDueDate));
        Assert.AreEqual(Day(3, 27), task.GetAttributeValue<DateTime>(TaskNames.ScheduledEnd));
        CollectionAssert.AreEqual(new[] { "Workshop moved.", "CFO on holiday." },
            deal.History(action).Where(e => e.GetAttributeValue<OptionSetValue>(Entry.Step).Value == ActionHistoryStep.Amended)
                .Select(e => e.GetAttributeValue<string>(Entry.AmendmentReason)).ToArray(), "both reasons are kept, in order");
    }

    [TestMethod]
    public void ClearingTheDueDateIsRefused()
    {
        var (deal, _, mona, pia, review) = Meeting();
        var action = deal.AddAction(mona, review, Subject, pia, Day(3, 9));

        var fault = Refusal.Of(() => deal.As(pia).Update(new Entity(TaskNames.LogicalName, action.Id) { [TaskNames.ScheduledEnd] = null }));

        Assert.AreEqual(Format(UserMessages.ActionDueDateCannotBeCleared, Subject), fault.Message);
    }

    [TestMethod]
    public void ClosingWithoutAnOutcomeIsRefused()
    {
        var (deal, _, mona, pia, review) = Meeting();
        var action = deal.AddAction(mona, review, Subject, pia, Day(3, 9));

        var fault = Refusal.Of(() => deal.Complete(pia, action, outcome: null));

        Assert.AreEqual(Format(UserMessages.ActionCloseNeedsOutcome, Subject), fault.Message);
        Assert.AreEqual(TaskState.Open, deal.Crm.Get(action).GetAttributeValue<OptionSetValue>(TaskNames.StateCode).Value);
    }

    [TestMethod]
    public void ClosingWithAnOpenOutcomeIsRefused()
    {
        var (deal, _, mona, pia, review) = Meeting();
        var action = deal.AddAction(mona, review, Subject, pia, Day(3, 9));
        deal.RecordOutcome(pia, action, ActionOutcome.AtRisk);

        var fault = Refusal.Of(() => deal.Complete(pia, action, outcome: null));

        Assert.AreEqual(Format(UserMessages.ActionCloseNeedsOutcome, Subject), fault.Message, "At Risk describes an open action, not a closed one");
    }

    [TestMethod]
    public void AnOutcomeSavedFirstLetsTheActionBeClosedAfterwards()
    {
        // The "Mark Complete" button sends the state alone: the outcome can be saved before it.
        var (deal, _, mona, pia, review) = Meeting();
        var action = deal.AddAction(mona, review, Subject, pia, Day(3, 9));
        deal.RecordOutcome(pia, action, ActionOutcome.Dropped, "The customer no longer needs it.");

        deal.Complete(pia, action, outcome: null);

        var steps = deal.History(action).Select(e => e.GetAttributeValue<OptionSetValue>(Entry.Step).Value).ToArray();
        CollectionAssert.AreEqual(new[] { ActionHistoryStep.Decided, ActionHistoryStep.Closed }, steps,
            "a closing outcome saved on an open action is recorded once, by the closing");
        var closed = deal.History(action).Last();
        Assert.AreEqual(ActionOutcome.Dropped, closed.GetAttributeValue<OptionSetValue>(Entry.Outcome).Value);
        Assert.AreEqual("The customer no longer needs it.", closed.GetAttributeValue<string>(Entry.OutcomeNotes));
    }

    [TestMethod]
    public void ReopeningAnActionClearsItsClosingOutcomeAndRecordsTheReopening()
    {
        var (deal, _, mona, pia, review) = Meeting();
        var action = deal.AddAction(mona, review, Subject, pia, Day(3, 9));
        deal.Complete(pia, action, ActionOutcome.Done);

        deal.As(pia).Update(new Entity(TaskNames.LogicalName, action.Id)
        {
            [TaskNames.StateCode] = new OptionSetValue(TaskState.Open),
            [TaskNames.StatusCode] = new OptionSetValue(3),
        });

        Assert.IsNull(deal.Crm.Get(action).GetAttributeValue<OptionSetValue>(TaskNames.ActionOutcome), "the next review records a fresh outcome");
        var history = deal.History(action);
        CollectionAssert.AreEqual(new[] { ActionHistoryStep.Decided, ActionHistoryStep.Closed, ActionHistoryStep.Reopened },
            history.Select(e => e.GetAttributeValue<OptionSetValue>(Entry.Step).Value).ToArray());
        Assert.AreEqual(ActionOutcome.Done, history[1].GetAttributeValue<OptionSetValue>(Entry.Outcome).Value, "the history keeps the outcome it had");
    }

    [TestMethod]
    public void AnActionCannotBeMovedToAnotherReviewByHand()
    {
        var (deal, _, mona, pia, review) = Meeting();
        var action = deal.AddAction(mona, review, Subject, pia, Day(3, 9));
        var later = deal.OpenReview(mona, Day(3, 16));
        var fresh = deal.AddAction(mona, later, "Prepare the pricing", pia, Day(3, 20));

        var fault = Refusal.Of(() => deal.As(mona).Update(new Entity(TaskNames.LogicalName, fresh.Id) { [TaskNames.DealReviewId] = review }));

        Assert.AreEqual(Format(UserMessages.ActionReviewIsFixed, "Prepare the pricing", "Contoso ERP rollout – review 2026-03-16"), fault.Message);
        Assert.AreEqual(later.Id, deal.Crm.Get(action).GetAttributeValue<EntityReference>(TaskNames.DealReviewId).Id, "(the open action was carried forward when review 2 opened)");
    }

    [TestMethod]
    public void AUserCannotPassAMoveOffAsACarryForward()
    {
        var (deal, _, mona, pia, review) = Meeting();
        var elsewhere = deal.OpenReview(mona, Day(3, 16));
        var action = deal.AddAction(mona, elsewhere, Subject, pia, Day(3, 20));

        var fault = Refusal.Of(() => deal.As(pia).Update(new Entity(TaskNames.LogicalName, action.Id)
        {
            [TaskNames.DealReviewId] = review,
            [TaskNames.CarriedForwardFromId] = elsewhere,
        }));

        StringAssert.StartsWith(fault.Message, $"The action '{Subject}' belongs to the deal review 'Contoso ERP rollout – review 2026-03-16'.");
    }

    [TestMethod]
    public void AnActionCannotLeaveItsReview()
    {
        var (deal, _, mona, pia, review) = Meeting();
        var action = deal.AddAction(mona, review, Subject, pia, Day(3, 9));

        var fault = Refusal.Of(() => deal.As(pia).Update(new Entity(TaskNames.LogicalName, action.Id) { [TaskNames.DealReviewId] = null }));

        Assert.AreEqual(Format(UserMessages.ActionReviewIsFixed, Subject, ReviewName), fault.Message);
    }

    [TestMethod]
    public void AnActionCannotMoveToAnotherRecord()
    {
        var (deal, _, mona, pia, review) = Meeting();
        var action = deal.AddAction(mona, review, Subject, pia, Day(3, 9));

        var fault = Refusal.Of(() => deal.As(mona).Update(new Entity(TaskNames.LogicalName, action.Id) { [TaskNames.RegardingObjectId] = deal.Account }));

        Assert.AreEqual(Format(UserMessages.ActionRegardingIsFixed, Subject, OpportunityName), fault.Message);
    }

    [TestMethod]
    public void AnOrdinaryTaskLinkedToAReviewBecomesAnActionOnTheSameRules()
    {
        var (deal, _, mona, pia, review) = Meeting();
        var task = deal.As(pia).Create(new Entity(TaskNames.LogicalName) { [TaskNames.Subject] = "Call Dana", [TaskNames.RegardingObjectId] = deal.Opportunity });

        var fault = Refusal.Of(() => deal.As(pia).Update(new Entity(TaskNames.LogicalName, task) { [TaskNames.DealReviewId] = review }));
        Assert.AreEqual(Format(UserMessages.ActionNeedsDueDate, "Call Dana"), fault.Message);

        deal.As(pia).Update(new Entity(TaskNames.LogicalName, task) { [TaskNames.DealReviewId] = review, [TaskNames.ScheduledEnd] = Day(3, 5) });

        var decided = deal.History(new EntityReference(TaskNames.LogicalName, task)).Single();
        Assert.AreEqual(ActionHistoryStep.Decided, decided.GetAttributeValue<OptionSetValue>(Entry.Step).Value);
        Assert.AreEqual(review.Id, decided.GetAttributeValue<EntityReference>(Entry.DealReviewId).Id);
    }

    [TestMethod]
    public void OrdinaryTasksAreLeftAloneAndCostNoServiceCall()
    {
        var (deal, _, _, pia, _) = Meeting();
        deal.Crm.ResetStatistics();

        var task = deal.As(pia).Create(new Entity(TaskNames.LogicalName) { [TaskNames.Subject] = "Call Dana" });
        deal.As(pia).Update(new Entity(TaskNames.LogicalName, task) { [TaskNames.ScheduledEnd] = Day(3, 4), [TaskNames.Subject] = "Call Dana back" });
        deal.As(pia).Update(new Entity(TaskNames.LogicalName, task) { [TaskNames.ScheduledEnd] = Day(3, 5) });
        deal.As(pia).Update(new Entity(TaskNames.LogicalName, task) { [TaskNames.StateCode] = new OptionSetValue(TaskState.Completed), [TaskNames.StatusCode] = new OptionSetValue(TaskStatusCompleted) });
        deal.Crm.DrainAsync();

        Assert.AreEqual(0, deal.Crm.Operations.Sum(o => o.ServiceCallsByPlugins), "no rule and no notification read anything for an ordinary task");
        Assert.IsEmpty(deal.Crm.All(Entry.LogicalName), "and no history is written");
        Assert.AreEqual(TaskState.Completed, deal.Crm.Get(new EntityReference(TaskNames.LogicalName, task)).GetAttributeValue<OptionSetValue>(TaskNames.StateCode).Value,
            "an ordinary task closes without an outcome");
    }

    [TestMethod]
    public void CreatingAnActionCostsOneReadOfTheReviewAndOneWriteOfItsHistory()
    {
        var (deal, _, mona, pia, review) = Meeting();
        deal.Crm.ResetStatistics();

        deal.AddAction(mona, review, Subject, pia, Day(3, 9));

        var create = deal.Crm.Operations.Single(o => !o.IsAsync);
        Assert.AreEqual(1, create.CallsOf("RetrieveMultiple"), "the review, to check and fill the opportunity");
        Assert.AreEqual(1, create.CallsOf("Create"), "the Decided step");
        Assert.AreEqual(2, create.ServiceCallsByPlugins);
    }
}
