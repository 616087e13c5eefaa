using System.Linq;
using CrmTeamSelling.Plugins.Model;
using CrmTeamSelling.Plugins.Tests.Stakeholder;
using CrmTeamSelling.Plugins.Tests.TestSupport;
using Microsoft.Xrm.Sdk;
using Pairing = CrmTeamSelling.Plugins.Model.LogicalNames.Counterpart;

namespace CrmTeamSelling.Plugins.Tests.Counterpart;

/// <summary>
/// A pairing goes with either of its people. Dataverse allows the pairing one parental relationship
/// (the opportunity's), so the member and stakeholder relationships only clear their link; the plugins
/// delete the pairings of whoever is removed.
/// </summary>
[TestClass]
public sealed class PairingCleanupTests
{
    [TestMethod]
    public void RemovingAMemberDeletesTheirPairingsAndNoOneElses()
    {
        var deal = DealWorld.Create();
        var mona = deal.AddTeamMember(deal.NewUser("Mona Manager"), TeamRole.SalesManager, Level.Manager);
        var rita = deal.AddTeamMember(deal.Rep, TeamRole.AccountExecutive, Level.Staff);
        var dana = deal.AddStakeholder(deal.Contacts[1], BuyingRole.Influencer, Level.Manager);
        var bruno = deal.AddStakeholder(deal.Contacts[0], BuyingRole.User, Level.Staff);
        deal.Pair(mona, dana);
        deal.Pair(mona, bruno);
        var kept = deal.Pair(rita, bruno);

        deal.As(deal.Rep).Delete(mona.LogicalName, mona.Id);

        Assert.AreEqual(kept.Id, deal.Crm.All(Pairing.LogicalName).Single().Id);
    }

    [TestMethod]
    public void RemovingAStakeholderDeletesTheirPairings()
    {
        var deal = DealWorld.Create();
        var rita = deal.AddTeamMember(deal.Rep, TeamRole.AccountExecutive, Level.Staff);
        var bruno = deal.AddStakeholder(deal.Contacts[0], BuyingRole.User, Level.Staff);
        var dana = deal.AddStakeholder(deal.Contacts[1], BuyingRole.Influencer, Level.Manager);
        deal.Pair(rita, bruno);
        var kept = deal.Pair(rita, dana);

        deal.As(deal.Rep).Delete(bruno.LogicalName, bruno.Id);

        Assert.AreEqual(kept.Id, deal.Crm.All(Pairing.LogicalName).Single().Id);
    }

    [TestMethod]
    public void DeletingTheOpportunityStillTakesEveryPairingWithIt()
    {
        var deal = DealWorld.Create();
        var rita = deal.AddTeamMember(deal.Rep, TeamRole.AccountExecutive, Level.Staff);
        var bruno = deal.AddStakeholder(deal.Contacts[0], BuyingRole.User, Level.Staff);
        deal.Pair(rita, bruno);

        deal.Crm.System.Delete(deal.Opportunity.LogicalName, deal.Opportunity.Id);

        Assert.IsEmpty(deal.Crm.All(Pairing.LogicalName));
        Assert.IsEmpty(deal.Crm.All(LogicalNames.DealTeamMember.LogicalName));
        Assert.IsEmpty(deal.Crm.All(LogicalNames.Stakeholder.LogicalName));
    }
}
