using CrmTeamSelling.Plugins.Model;
using CrmTeamSelling.Plugins.Tests.TestSupport;
using Microsoft.Xrm.Sdk;
using StakeholderNames = CrmTeamSelling.Plugins.Model.LogicalNames.Stakeholder;

namespace CrmTeamSelling.Plugins.Tests.Stakeholder;

/// <summary>A stakeholder is a contact of the deal; key stakeholders have a level; reporting lines stay inside the deal and never loop.</summary>
[TestClass]
public sealed class StakeholderRulesTests
{
    [TestMethod]
    public void AStakeholderIsNamedContactJobTitleDepartmentWithTheJobTitleTakenFromTheContact()
    {
        var deal = DealWorld.Create();

        var bruno = deal.AddStakeholder(deal.Contacts[0], BuyingRole.User, Level.Staff, department: "Procurement");

        var row = deal.Crm.Get(bruno);
        Assert.AreEqual("Purchasing Lead", row.GetAttributeValue<string>(StakeholderNames.JobTitle), "from the contact, as none was given");
        Assert.AreEqual("Bruno Buyer – Purchasing Lead, Procurement", row.GetAttributeValue<string>(StakeholderNames.Name));
    }

    [TestMethod]
    public void TheNameFollowsTheDepartmentAndAGivenJobTitleWins()
    {
        var deal = DealWorld.Create();
        var dana = deal.AddStakeholder(deal.Contacts[1], BuyingRole.Influencer, Level.Manager, jobTitle: "COO");

        deal.As(deal.Rep).Update(new Entity(dana.LogicalName, dana.Id) { [StakeholderNames.Department] = "Operations" });

        Assert.AreEqual("Dana Head – COO, Operations", deal.Crm.Get(dana).GetAttributeValue<string>(StakeholderNames.Name));
    }

    [TestMethod]
    public void AStakeholderWithoutAContactIsRefused()
    {
        var deal = DealWorld.Create();

        var fault = Refusal.Of(() => deal.As(deal.Rep).Create(new Entity(StakeholderNames.LogicalName) { [StakeholderNames.OpportunityId] = deal.Opportunity }));

        Assert.AreEqual(UserMessages.StakeholderNeedsContact, fault.Message);
        Assert.IsEmpty(deal.Crm.All(StakeholderNames.LogicalName));
    }

    [TestMethod]
    public void ClearingTheContactIsRefused()
    {
        var deal = DealWorld.Create();
        var bruno = deal.AddStakeholder(deal.Contacts[0], BuyingRole.User, Level.Staff);

        var fault = Refusal.Of(() => deal.As(deal.Rep).Update(new Entity(bruno.LogicalName, bruno.Id) { [StakeholderNames.ContactId] = null }));

        Assert.AreEqual(UserMessages.StakeholderNeedsContact, fault.Message);
    }

    [TestMethod]
    public void AKeyStakeholderWithoutALevelIsRefusedOnCreateAndOnUpdate()
    {
        var deal = DealWorld.Create();
        var dana = deal.AddStakeholder(deal.Contacts[1], BuyingRole.Influencer, jobTitle: "COO", department: "Operations");

        var creating = Refusal.Of(() => deal.AddStakeholder(deal.Contacts[2], BuyingRole.EconomicBuyer, department: "Finance"));
        var promoting = Refusal.Of(() => deal.As(deal.Rep).Update(new Entity(dana.LogicalName, dana.Id) { [StakeholderNames.BuyingRole] = new OptionSetValue(BuyingRole.DecisionMaker) }));

        Assert.AreEqual("Erik Executive – Chief Financial Officer, Finance is the Economic Buyer, a key stakeholder, so the team needs their level to pair them with someone of matching rank. Set Level (staff, manager, director or executive) and save again.", creating.Message);
        StringAssert.StartsWith(promoting.Message, "Dana Head – COO, Operations is the Decision Maker, a key stakeholder");
        Assert.AreEqual(BuyingRole.Influencer, deal.Crm.Get(dana).GetAttributeValue<OptionSetValue>(StakeholderNames.BuyingRole).Value, "nothing was saved");
        Assert.HasCount(1, deal.Crm.All(StakeholderNames.LogicalName));
    }

    [TestMethod]
    public void ClearingTheLevelOfAKeyStakeholderIsRefused()
    {
        var deal = DealWorld.Create();
        var erik = deal.AddStakeholder(deal.Contacts[2], BuyingRole.Approver, Level.Executive);

        var fault = Refusal.Of(() => deal.As(deal.Rep).Update(new Entity(erik.LogicalName, erik.Id) { [StakeholderNames.Level] = null }));

        StringAssert.Contains(fault.Message, "is the Approver, a key stakeholder");
        Assert.AreEqual(Level.Executive, deal.Crm.Get(erik).GetAttributeValue<OptionSetValue>(StakeholderNames.Level).Value);
    }

    [TestMethod]
    public void AThreeNodeReportingCycleIsRefusedWithTheCycleNamed()
    {
        var deal = DealWorld.Create();
        var erik = deal.AddStakeholder(deal.Contacts[2], BuyingRole.EconomicBuyer, Level.Executive, department: "Finance");
        var dana = deal.AddStakeholder(deal.Contacts[1], BuyingRole.Influencer, Level.Manager, department: "Operations", reportsTo: erik);
        var bruno = deal.AddStakeholder(deal.Contacts[0], BuyingRole.User, Level.Staff, department: "Procurement", reportsTo: dana);

        var fault = Refusal.Of(() => deal.As(deal.Rep).Update(new Entity(erik.LogicalName, erik.Id) { [StakeholderNames.ReportsToId] = bruno }));

        Assert.AreEqual(
            "'Erik Executive – Chief Financial Officer, Finance' cannot report to Bruno Buyer: that would close a reporting cycle (Erik Executive → Bruno Buyer → Dana Head → Erik Executive). Change who reports to whom so that the line ends at the top of their organisation.",
            fault.Message);
        Assert.IsNull(deal.Crm.Get(erik).GetAttributeValue<EntityReference>(StakeholderNames.ReportsToId), "nothing was saved");
    }

    [TestMethod]
    public void TheReportingLineIsCheckedWithOneQueryWhateverItsDepth()
    {
        var deal = DealWorld.Create();
        var top = deal.AddPerson("Tara Top", BuyingRole.DecisionMaker, Level.Executive);
        var manager = top;
        for (var i = 0; i < 12; i++)
        {
            manager = deal.AddPerson("Level " + i + " Person", BuyingRole.User, Level.Staff, reportsTo: manager);
        }

        deal.Crm.ResetStatistics();
        var fault = Refusal.Of(() => deal.As(deal.Rep).Update(new Entity(top.LogicalName, top.Id) { [StakeholderNames.ReportsToId] = manager }));

        StringAssert.Contains(fault.Message, "(Tara Top → Level 11 Person → Level 10 Person");
        var update = deal.Crm.LastOperation!;
        Assert.AreEqual(1, update.CallsOf("RetrieveMultiple"), "the whole graph in one query: " + update);
    }

    [TestMethod]
    public void ReportingToOneselfIsRefused()
    {
        var deal = DealWorld.Create();
        var dana = deal.AddStakeholder(deal.Contacts[1], BuyingRole.Influencer, Level.Manager);

        var fault = Refusal.Of(() => deal.As(deal.Rep).Update(new Entity(dana.LogicalName, dana.Id) { [StakeholderNames.ReportsToId] = dana }));

        StringAssert.StartsWith(fault.Message, "'Dana Head – Head of Operations' cannot report to themselves.");
    }

    [TestMethod]
    public void ReportingToAStakeholderOfAnotherDealIsRefusedNamingThem()
    {
        var deal = DealWorld.Create();
        var otherDeal = deal.Crm.Arrange(new Entity(LogicalNames.Opportunity.LogicalName) { [LogicalNames.Opportunity.Name] = "Contoso support renewal", ["ownerid"] = deal.Rep });
        var erikElsewhere = deal.AddStakeholder(deal.Contacts[2], BuyingRole.EconomicBuyer, Level.Executive, opportunity: otherDeal);

        var fault = Refusal.Of(() => deal.AddStakeholder(deal.Contacts[1], BuyingRole.Influencer, Level.Manager, reportsTo: erikElsewhere));

        Assert.AreEqual(
            "'Dana Head – Head of Operations' can only report to a stakeholder of the same opportunity, and Erik Executive is a stakeholder of another one. Add Erik Executive to this opportunity's stakeholders and choose that record, or choose another manager.",
            fault.Message);
        Assert.AreEqual(1, deal.Crm.All(StakeholderNames.LogicalName).Count);
    }

    [TestMethod]
    public void AStakeholderCannotMoveToAnotherOpportunity()
    {
        var deal = DealWorld.Create();
        var bruno = deal.AddStakeholder(deal.Contacts[0], BuyingRole.User, Level.Staff);
        var otherDeal = deal.Crm.Arrange(new Entity(LogicalNames.Opportunity.LogicalName) { [LogicalNames.Opportunity.Name] = "Other", ["ownerid"] = deal.Rep });

        var fault = Refusal.Of(() => deal.As(deal.Rep).Update(new Entity(bruno.LogicalName, bruno.Id) { [StakeholderNames.OpportunityId] = otherDeal }));

        StringAssert.StartsWith(fault.Message, "The stakeholder 'Bruno Buyer – Purchasing Lead' cannot move to another opportunity.");
    }

    [TestMethod]
    public void AValidReportingLineIsSaved()
    {
        var deal = DealWorld.Create();
        var erik = deal.AddStakeholder(deal.Contacts[2], BuyingRole.EconomicBuyer, Level.Executive);
        var dana = deal.AddStakeholder(deal.Contacts[1], BuyingRole.Influencer, Level.Manager, reportsTo: erik);
        var bruno = deal.AddStakeholder(deal.Contacts[0], BuyingRole.User, Level.Staff);

        deal.As(deal.Rep).Update(new Entity(bruno.LogicalName, bruno.Id) { [StakeholderNames.ReportsToId] = dana });

        Assert.AreEqual(dana.Id, deal.Crm.Get(bruno).GetAttributeValue<EntityReference>(StakeholderNames.ReportsToId).Id);
        Assert.AreEqual(erik.Id, deal.Crm.Get(dana).GetAttributeValue<EntityReference>(StakeholderNames.ReportsToId).Id);
    }
}
