using System;
using System.Collections.Concurrent;
using System.Linq;
using CrmTeamSelling.Emulator;
using CrmTeamSelling.Emulator.Pipeline;
using CrmTeamSelling.Plugins.Model;
using CrmTeamSelling.Plugins.TaskActivity;
using CrmTeamSelling.Plugins.Tests.TestSupport;
using Microsoft.Xrm.Sdk;
using static CrmTeamSelling.Plugins.Tests.DealReview.DealReviews;
using Notification = CrmTeamSelling.Plugins.Model.LogicalNames.AppNotification;
using TaskNames = CrmTeamSelling.Plugins.Model.LogicalNames.Task;

namespace CrmTeamSelling.Plugins.Tests.DealReview;

/// <summary>Whoever is given an action by someone else hears of it, once.</summary>
[TestClass]
public sealed class AssignmentNotificationTests
{
    private const string Subject = "Send the ROI model";

    private static (DealWorld Deal, EntityReference Mona, EntityReference Pia, EntityReference Review) Meeting()
    {
        var (deal, _) = DealOn(Day(3, 2, 9));
        var mona = deal.NewManager("Mona Manager");
        deal.AddTeamMember(mona, TeamRole.SalesManager, Level.Manager);
        var pia = deal.NewTeamMember("Pia Presales", TeamRole.Presales);
        var review = deal.OpenReview(mona, Day(3, 2));
        deal.Crm.DrainAsync();
        return (deal, mona, pia, review);
    }

    [TestMethod]
    public void AnActionCreatedForSomeoneElseTellsThemWhatWhenAndWhere()
    {
        var (deal, mona, pia, review) = Meeting();

        var action = deal.AddAction(mona, review, Subject, pia, Day(3, 9, 17));
        deal.Crm.DrainAsync();

        var notification = deal.Crm.NotificationsFor(pia).Single();
        Assert.AreEqual("Action for you: Send the ROI model", notification.GetAttributeValue<string>(Notification.Title));
        Assert.AreEqual(string.Format(System.Globalization.CultureInfo.InvariantCulture, UserMessages.ActionAssignedBody,
            "Mona Manager", Subject, "Contoso ERP rollout – review 2026-03-02", OpportunityName, Day(3, 9, 17)), notification.GetAttributeValue<string>(Notification.Body));
        StringAssert.Contains(notification.GetAttributeValue<string>(Notification.Data), "etn=task&id=" + action.Id.ToString("D"));
        Assert.IsEmpty(deal.Crm.NotificationsFor(mona), "the giver is not told");
    }

    [TestMethod]
    public void AnActionSomeoneTakesForThemselvesTellsNoOne()
    {
        var (deal, _, pia, review) = Meeting();

        deal.AddAction(pia, review, Subject, pia, Day(3, 9));
        deal.Crm.DrainAsync();

        Assert.IsEmpty(deal.Crm.All(Notification.LogicalName));
    }

    [TestMethod]
    public void ReassigningAnActionTellsTheNewOwnerOnceAndNoOneElse()
    {
        var (deal, mona, pia, review) = Meeting();
        var action = deal.AddAction(pia, review, Subject, pia, Day(3, 9));
        deal.Crm.DrainAsync();

        // Pia hands it to the rep (an Update of ownerid: how Dataverse processes Assign too).
        deal.As(pia).Update(new Entity(TaskNames.LogicalName, action.Id) { [TaskNames.OwnerId] = deal.Rep });
        deal.Crm.DrainAsync();
        deal.Crm.DrainAsync();

        var notification = deal.Crm.NotificationsFor(deal.Rep).Single();
        StringAssert.StartsWith(notification.GetAttributeValue<string>(Notification.Body), "Pia Presales gave you the action \"Send the ROI model\"");
        Assert.IsEmpty(deal.Crm.NotificationsFor(pia), "the person who gave it away is not told");
        Assert.IsEmpty(deal.Crm.NotificationsFor(mona));
    }

    [TestMethod]
    public void TakingAnActionOverTellsNoOne()
    {
        var (deal, mona, pia, review) = Meeting();
        var action = deal.AddAction(mona, review, Subject, pia, Day(3, 9));
        deal.Crm.DrainAsync();

        // Mona (a manager, deep access) takes the action back for herself.
        deal.As(mona).Update(new Entity(TaskNames.LogicalName, action.Id) { [TaskNames.OwnerId] = mona });
        deal.Crm.DrainAsync();

        Assert.IsEmpty(deal.Crm.NotificationsFor(mona), "someone who assigns to themselves is not told");
        Assert.HasCount(1, deal.Crm.NotificationsFor(pia), "only the first assignment told Pia");
    }

    [TestMethod]
    public void SavingTheSameOwnerAgainIsNotANewAssignment()
    {
        var (deal, mona, pia, review) = Meeting();
        var action = deal.AddAction(mona, review, Subject, pia, Day(3, 9));
        deal.Crm.DrainAsync();

        deal.As(mona).Update(new Entity(TaskNames.LogicalName, action.Id) { [TaskNames.OwnerId] = pia, [TaskNames.Description] = "Use the March prices." });
        deal.Crm.DrainAsync();

        Assert.HasCount(1, deal.Crm.NotificationsFor(pia));
    }

    [TestMethod]
    public void GivenBackLaterTheActionIsANewAssignment()
    {
        var (deal, mona, pia, review) = Meeting();
        var action = deal.AddAction(mona, review, Subject, pia, Day(3, 9));
        deal.Crm.DrainAsync();
        deal.As(mona).Update(new Entity(TaskNames.LogicalName, action.Id) { [TaskNames.OwnerId] = deal.Rep });
        deal.Crm.DrainAsync();

        deal.As(mona).Update(new Entity(TaskNames.LogicalName, action.Id) { [TaskNames.OwnerId] = pia });
        deal.Crm.DrainAsync();

        Assert.HasCount(2, deal.Crm.NotificationsFor(pia), "given, taken away, given again: two events");
        Assert.HasCount(1, deal.Crm.NotificationsFor(deal.Rep));
    }

    [TestMethod]
    public void ARetriedNotificationJobSendsNothingTwice()
    {
        var (deal, mona, pia, review) = Meeting();
        var action = deal.AddAction(pia, review, Subject, pia, Day(3, 9));
        deal.Crm.DrainAsync();
        NotifyAgainFailingTheFirstAttemptAfterSending(deal.Crm);

        deal.As(pia).Update(new Entity(TaskNames.LogicalName, action.Id) { [TaskNames.OwnerId] = mona });
        var drained = deal.Crm.DrainAsync();

        Assert.AreEqual(1, drained.Retried, "the failing job ran again");
        Assert.IsTrue(drained.Jobs.All(j => j.Succeeded));
        Assert.HasCount(1, deal.Crm.NotificationsFor(mona));
        Assert.AreEqual(1, deal.Crm.Operations.Where(o => o.IsAsync).Sum(o => o.CallsOf("CreateMultiple")), "only the first run wrote; the others found it sent");
    }

    [TestMethod]
    public void WithNotificationsOffNoOneIsTold()
    {
        var (deal, mona, pia, review) = Meeting();
        Settings.Set(deal.Crm, EnvironmentVariables.NotificationChannel, NotificationChannels.Off);

        deal.AddAction(mona, review, Subject, pia, Day(3, 9));
        deal.Crm.DrainAsync();

        Assert.IsEmpty(deal.Crm.All(Notification.LogicalName));
    }

    [TestMethod]
    public void TheEventKeyNamesTheTaskItsPreviousAndNewOwnerAndTheMomentOfTheChange()
    {
        var task = Guid.Parse("5a0b8c1e-2f3d-4e5a-9b6c-7d8e9f0a1b2c");
        var owner = Guid.Parse("0e1d2c3b-4a59-4867-9756-a4b3c2d1e0f9");
        var before = Guid.Parse("11111111-2222-4333-8444-555555555555");

        Assert.AreEqual("task/5a0b8c1e-2f3d-4e5a-9b6c-7d8e9f0a1b2c/from/new/to/0e1d2c3b-4a59-4867-9756-a4b3c2d1e0f9/at/2026-03-02T09:00:00.0000000Z",
            ActionAssignment.EventKey(task, null, owner, Day(3, 2, 9)));
        Assert.AreNotEqual(ActionAssignment.EventKey(task, before, owner, Day(3, 2, 9)), ActionAssignment.EventKey(task, before, owner, Day(3, 2, 10)), "a later change is a new event");
        Assert.AreNotEqual(ActionAssignment.EventKey(task, null, owner, Day(3, 2, 9)), ActionAssignment.EventKey(task, before, owner, Day(3, 2, 9)), "given back within the same second");
    }

    /// <summary>
    /// A second registration of the shipped reassignment step whose first attempt fails after it sent
    /// (as a job the platform times out after its writes): the platform retries it.
    /// </summary>
    private static void NotifyAgainFailingTheFirstAttemptAfterSending(XrmEmulator crm)
    {
        var shipped = crm.Steps.Single(s => s.PluginType == typeof(NotifyActionOwnerOnAssign));
        crm.RegisterStep(new PluginStepRegistration
        {
            Name = "test: notify the new owner, fail the first attempt after sending",
            Message = shipped.Message,
            PrimaryEntity = shipped.PrimaryEntity,
            Stage = shipped.Stage,
            IsAsynchronous = true,
            FilteringAttributes = shipped.FilteringAttributes,
            Images = shipped.Images,
            PluginType = typeof(FailFirstAttemptAfter<NotifyActionOwnerOnAssign>),
        });
    }

}
