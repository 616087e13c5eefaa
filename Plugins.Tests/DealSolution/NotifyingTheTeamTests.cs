using System;
using System.Collections.Generic;
using System.Linq;
using CrmTeamSelling.Plugins.DealSolution;
using CrmTeamSelling.Plugins.Model;
using CrmTeamSelling.Plugins.Tests.TestSupport;
using Microsoft.Xrm.Sdk;
using Notification = CrmTeamSelling.Plugins.Model.LogicalNames.AppNotification;
using Solution = CrmTeamSelling.Plugins.Model.LogicalNames.DealSolution;

namespace CrmTeamSelling.Plugins.Tests.DealSolution;

[TestClass]
public sealed class NotifyingTheTeamTests
{
    /// <summary>Given the rep's solution at version 1, a manager and presales on the team, and a leaver whose membership is inactive.</summary>
    private static (DealWorld Deal, EntityReference Manager, EntityReference Presales, EntityReference Leaver, EntityReference Solution) Team()
    {
        var deal = DealWorld.Create("Contoso ERP rollout");
        var manager = deal.NewTeamMember("Mona Manager", TeamRole.SalesManager, Level.Manager);
        var presales = deal.NewTeamMember("Pia Presales", TeamRole.Presales);
        var leaver = deal.NewUser("Lea Leaver");
        deal.DeactivateTeamMember(deal.AddTeamMember(leaver, TeamRole.Other, Level.Staff));
        var solution = deal.CreateDealSolution(deal.Rep);
        deal.Crm.DrainAsync();
        return (deal, manager, presales, leaver, solution);
    }

    [TestMethod]
    public void EveryoneOnTheTeamButTheEditorHearsOnceWithVersionSummaryAndLink()
    {
        var (deal, manager, presales, leaver, solution) = Team();

        deal.ChangeAmount(manager, solution, basedOn: 1, 120_000m, "Three-year licence instead of one.");
        deal.Crm.DrainAsync();

        Assert.IsEmpty(deal.Crm.NotificationsFor(manager), "the editor is not told of their own change");
        Assert.IsEmpty(deal.Crm.NotificationsFor(leaver), "an inactive member is not told");
        foreach (var recipient in new[] { deal.Rep, presales })
        {
            var notification = deal.Crm.NotificationsFor(recipient).Single();
            Assert.AreEqual("Deal solution changed: Contoso ERP rollout – v2", notification.GetAttributeValue<string>(Notification.Title));
            Assert.AreEqual(string.Format(UserMessages.DealSolutionChangedBody, "Mona Manager", "Contoso ERP rollout", 2, "Three-year licence instead of one."),
                notification.GetAttributeValue<string>(Notification.Body));
            StringAssert.Contains(notification.GetAttributeValue<string>(Notification.Data), "etn=tsell_dealsolution&id=" + solution.Id.ToString("D"));
        }
    }

    [TestMethod]
    public void TheOwnerIsNotToldOfTheirOwnChangeButTheTeamIs()
    {
        var (deal, manager, presales, _, solution) = Team();

        deal.ChangeAmount(deal.Rep, solution, basedOn: 1, 90_000m, "Discount.");
        deal.Crm.DrainAsync();

        Assert.IsEmpty(deal.Crm.NotificationsFor(deal.Rep));
        Assert.HasCount(1, deal.Crm.NotificationsFor(manager));
        Assert.HasCount(1, deal.Crm.NotificationsFor(presales));
    }

    [TestMethod]
    public void EachVersionIsItsOwnNotification()
    {
        var (deal, manager, presales, _, solution) = Team();

        deal.ChangeAmount(manager, solution, basedOn: 1, 120_000m, "Three-year licence.");
        deal.ChangeAmount(manager, solution, basedOn: 2, 125_000m, "Adds training.");
        deal.Crm.DrainAsync();

        CollectionAssert.AreEquivalent(
            new[] { "Deal solution changed: Contoso ERP rollout – v2", "Deal solution changed: Contoso ERP rollout – v3" },
            deal.Crm.NotificationsFor(presales).Select(n => n.GetAttributeValue<string>(Notification.Title)).ToArray());
    }

    [TestMethod]
    public void AChangeWithoutANewVersionNotifiesNoOne()
    {
        var (deal, manager, _, _, solution) = Team();

        var present = DealSolutions.Edit(solution, basedOn: 1, summary: null);
        present[Solution.SolutionStatus] = new OptionSetValue(DealSolutionStatus.Presented);
        deal.As(manager).Update(present);

        deal.Crm.DrainAsync();

        Assert.IsEmpty(deal.Crm.All(Notification.LogicalName), "a status change leaves the version as it was, so there is nothing to tell");
    }

    [TestMethod]
    public void ARetriedJobSendsNothingTwice()
    {
        var (deal, manager, presales, _, solution) = Team();
        // A second run of the notification for the same change, whose first attempt fails after sending.
        deal.Crm.NotifyAgainFailingTheFirstAttemptAfterSending();

        deal.ChangeAmount(manager, solution, basedOn: 1, 120_000m, "Three-year licence.");
        var drained = deal.Crm.DrainAsync();

        Assert.AreEqual(1, drained.Retried, "the failing job ran again");
        Assert.IsTrue(drained.Jobs.All(j => j.Succeeded));
        Assert.HasCount(1, deal.Crm.NotificationsFor(deal.Rep));
        Assert.HasCount(1, deal.Crm.NotificationsFor(presales));
        Assert.HasCount(2, deal.Crm.All(Notification.LogicalName));
        var asyncRuns = deal.Crm.Operations.Where(o => o.IsAsync).ToList();
        Assert.AreEqual(1, asyncRuns.Sum(o => o.CallsOf("CreateMultiple")), "only the first run wrote; the later runs found the notices sent");
    }

    [TestMethod]
    public void WithTheNotificationChannelOffNoOneIsNotified()
    {
        var (deal, manager, _, _, solution) = Team();
        Settings.Set(deal.Crm, EnvironmentVariables.NotificationChannel, NotificationChannels.Off);

        deal.ChangeAmount(manager, solution, basedOn: 1, 120_000m, "Three-year licence.");
        deal.Crm.DrainAsync();

        Assert.IsEmpty(deal.Crm.All(Notification.LogicalName));
    }

    [TestMethod]
    public void OneQueryForTheTeamAndOneWriteForAllRecipients()
    {
        var deal = DealWorld.Create();
        var members = Enumerable.Range(1, 12).Select(i => deal.NewTeamMember("Member " + i)).ToList();
        var solution = deal.CreateDealSolution(deal.Rep);
        deal.Crm.DrainAsync();
        deal.Crm.ResetStatistics();

        deal.ChangeAmount(members[0], solution, basedOn: 1, 120_000m, "Three-year licence.");
        deal.Crm.DrainAsync();

        var notify = deal.Crm.Operations.Single(o => o.IsAsync);
        Assert.AreEqual(1, notify.CallsOf("CreateMultiple"));
        // The setting, the team, the notices already sent: three reads whatever the team size.
        Assert.AreEqual(3, notify.CallsOf("RetrieveMultiple"));
        Assert.AreEqual(4, notify.ServiceCallsByPlugins);
        Assert.HasCount(12, deal.Crm.All(Notification.LogicalName), "11 other members and the owner");
    }

    [TestMethod]
    public void TheEventKeyNamesTheSolutionAndTheVersion()
    {
        var id = Guid.Parse("5a0b8c1e-2f3d-4e5a-9b6c-7d8e9f0a1b2c");

        Assert.AreEqual("tsell_dealsolution/5a0b8c1e-2f3d-4e5a-9b6c-7d8e9f0a1b2c/v3", NotifyTeamOfDealSolutionChange.EventKey(id, 3));
        Assert.AreNotEqual(NotifyTeamOfDealSolutionChange.EventKey(id, 3), NotifyTeamOfDealSolutionChange.EventKey(id, 4));
    }
}
