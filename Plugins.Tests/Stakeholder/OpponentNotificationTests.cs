using System.Linq;
using CrmTeamSelling.Plugins.Common;
using CrmTeamSelling.Plugins.Model;
using CrmTeamSelling.Plugins.Stakeholder;
using CrmTeamSelling.Plugins.Tests.TestSupport;
using Microsoft.Xrm.Sdk;
using Notification = CrmTeamSelling.Plugins.Model.LogicalNames.AppNotification;
using StakeholderNames = CrmTeamSelling.Plugins.Model.LogicalNames.Stakeholder;

namespace CrmTeamSelling.Plugins.Tests.Stakeholder;

/// <summary>A key stakeholder turning opponent tells the rest of the team, once per event.</summary>
[TestClass]
public sealed class OpponentNotificationTests
{
    [TestMethod]
    public void AKeyStakeholderTurningOpponentNotifiesEveryoneButTheChangerOnce()
    {
        var (deal, mona, pia, erik) = DealWithKeySupporter();

        TurnOpponent(deal, mona, erik);
        deal.Crm.DrainAsync();

        var toRep = deal.Crm.NotificationsFor(deal.Rep);
        Assert.HasCount(1, toRep, "the owner, who is not on the team, is told");
        Assert.HasCount(1, deal.Crm.NotificationsFor(pia));
        Assert.IsEmpty(deal.Crm.NotificationsFor(mona), "the person who made the change is not told of it");
        Assert.AreEqual("Key stakeholder turned opponent: Erik Executive – Chief Financial Officer, Finance", toRep[0].GetAttributeValue<string>(Notification.Title));
        Assert.AreEqual(
            "Erik Executive – Chief Financial Officer, Finance, the Economic Buyer on Contoso ERP rollout, is now an opponent. Agree with the team how to respond, and who, at the next deal review.",
            toRep[0].GetAttributeValue<string>(Notification.Body));
        Assert.AreEqual(NotificationIcon.Warning, toRep[0].GetAttributeValue<OptionSetValue>(Notification.IconType).Value);
        StringAssert.Contains(toRep[0].GetAttributeValue<string>(Notification.Data), "id=" + erik.Id.ToString("D"), "the notification opens the stakeholder");
    }

    [TestMethod]
    public void ARetriedJobSendsNothingTwice()
    {
        var (deal, mona, pia, erik) = DealWithKeySupporter();
        TurnOpponent(deal, mona, erik);
        // What a first attempt wrote before it failed: Pia's notification, with the id the event gives it.
        var changedOn = deal.Crm.Get(erik).GetAttributeValue<System.DateTime>(StakeholderNames.ModifiedOn);
        var eventKey = NotifyTeamWhenKeyStakeholderTurnsOpponent.EventKey(erik.Id, changedOn);
        deal.Crm.Arrange(new Entity(Notification.LogicalName, NameBasedGuid.Create(eventKey + "|" + pia.Id.ToString("D")))
        {
            [Notification.Title] = "written by the first attempt",
            [Notification.OwnerId] = pia,
        });

        deal.Crm.DrainAsync();

        Assert.AreEqual("written by the first attempt", deal.Crm.NotificationsFor(pia).Single().GetAttributeValue<string>(Notification.Title), "Pia is not told twice");
        Assert.HasCount(1, deal.Crm.NotificationsFor(deal.Rep), "the recipient the first attempt missed is told");
    }

    [TestMethod]
    public void OnlyTurningIntoAKeyOpponentIsAnEvent()
    {
        var (deal, mona, pia, erik) = DealWithKeySupporter();
        var bruno = deal.AddStakeholder(deal.Contacts[0], BuyingRole.User, Level.Staff, Stance.Neutral);
        TurnOpponent(deal, mona, erik);
        deal.Crm.DrainAsync();

        // Still a key opponent, in another key role: not a new event.
        deal.As(mona).Update(new Entity(erik.LogicalName, erik.Id) { [StakeholderNames.BuyingRole] = new OptionSetValue(BuyingRole.Approver) });
        // Not a key stakeholder.
        TurnOpponent(deal, mona, bruno);
        deal.Crm.DrainAsync();

        Assert.HasCount(1, deal.Crm.NotificationsFor(pia));
        Assert.HasCount(1, deal.Crm.NotificationsFor(deal.Rep));
    }

    [TestMethod]
    public void AnOpponentBecomingAKeyStakeholderIsAnEventAndTurningOpponentAgainLaterIsANewOne()
    {
        var (deal, mona, pia, _) = DealWithKeySupporter();
        var dana = deal.AddStakeholder(deal.Contacts[1], BuyingRole.Influencer, Level.Director, Stance.Opponent);

        deal.As(mona).Update(new Entity(dana.LogicalName, dana.Id) { [StakeholderNames.BuyingRole] = new OptionSetValue(BuyingRole.DecisionMaker) });
        deal.Crm.DrainAsync();
        deal.As(mona).Update(new Entity(dana.LogicalName, dana.Id) { [StakeholderNames.Stance] = new OptionSetValue(Stance.Neutral) });
        TurnOpponent(deal, mona, dana);
        deal.Crm.DrainAsync();

        Assert.HasCount(2, deal.Crm.NotificationsFor(pia));
    }

    [TestMethod]
    public void NobodyIsToldWhenTheNotificationChannelIsOff()
    {
        var (deal, mona, pia, erik) = DealWithKeySupporter();
        Settings.Set(deal.Crm, EnvironmentVariables.NotificationChannel, NotificationChannels.Off);

        TurnOpponent(deal, mona, erik);
        deal.Crm.DrainAsync();

        Assert.IsEmpty(deal.Crm.NotificationsFor(pia));
        Assert.IsEmpty(deal.Crm.NotificationsFor(deal.Rep));
    }

    // Given Rita's deal with Mona (manager) and Pia (presales) on the team, and Erik, the economic buyer, a supporter.
    private static (DealWorld Deal, EntityReference Mona, EntityReference Pia, EntityReference Erik) DealWithKeySupporter()
    {
        var deal = DealWorld.Create();
        var mona = deal.NewTeamMember("Mona Manager", TeamRole.SalesManager, Level.Manager);
        var pia = deal.NewTeamMember("Pia Presales", TeamRole.Presales, Level.Staff);
        var erik = deal.AddStakeholder(deal.Contacts[2], BuyingRole.EconomicBuyer, Level.Executive, Stance.Supporter, department: "Finance");
        deal.Crm.DrainAsync();
        return (deal, mona, pia, erik);
    }

    private static void TurnOpponent(DealWorld deal, EntityReference by, EntityReference stakeholder)
        => deal.As(by).Update(new Entity(stakeholder.LogicalName, stakeholder.Id) { [StakeholderNames.Stance] = new OptionSetValue(Stance.Opponent) });
}
