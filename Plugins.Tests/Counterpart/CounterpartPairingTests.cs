using CrmTeamSelling.Plugins.Model;
using CrmTeamSelling.Plugins.Tests.Stakeholder;
using CrmTeamSelling.Plugins.Tests.TestSupport;
using Microsoft.Xrm.Sdk;
using Pairing = CrmTeamSelling.Plugins.Model.LogicalNames.Counterpart;
using StakeholderNames = CrmTeamSelling.Plugins.Model.LogicalNames.Stakeholder;

namespace CrmTeamSelling.Plugins.Tests.Counterpart;

/// <summary>
/// A pairing joins a team member and a stakeholder of the same deal; the plugin keeps the level gap
/// (ours minus theirs) and, under tsell_LevelParityMode, refuses, flags or ignores a gap above one.
/// </summary>
[TestClass]
public sealed class CounterpartPairingTests
{
    [TestMethod]
    public void APairingTakesItsOpportunityFromThePairAndIsNamedAfterBothPeople()
    {
        var deal = DealWorld.Create();
        var mona = deal.AddTeamMember(deal.NewUser("Mona Manager"), TeamRole.SalesManager, Level.Manager);
        var dana = deal.AddStakeholder(deal.Contacts[1], BuyingRole.Influencer, Level.Director);

        var pairing = deal.Pair(mona, dana);

        var row = deal.Crm.Get(pairing);
        Assert.AreEqual(deal.Opportunity.Id, row.GetAttributeValue<EntityReference>(Pairing.OpportunityId).Id);
        Assert.AreEqual("Mona Manager ↔ Dana Head", row.GetAttributeValue<string>(Pairing.Name));
        Assert.AreEqual(-1, row.GetAttributeValue<int?>(Pairing.LevelGap), "manager (1) minus director (2)");
        Assert.AreEqual(LevelParity.Matched, row.GetAttributeValue<OptionSetValue>(Pairing.LevelParity).Value, "one level apart is matching rank");
    }

    [TestMethod]
    public void UnderWarnAGapAboveOneIsSavedAndFlaggedMismatched()
    {
        var deal = DealWorld.Create();
        deal.SetLevelParityMode(LevelParityModes.Warn);
        var rita = deal.AddTeamMember(deal.Rep, TeamRole.AccountExecutive, Level.Staff);
        var erik = deal.AddStakeholder(deal.Contacts[2], BuyingRole.EconomicBuyer, Level.Executive);

        var row = deal.Crm.Get(deal.Pair(rita, erik));

        Assert.AreEqual(-3, row.GetAttributeValue<int?>(Pairing.LevelGap));
        Assert.AreEqual(LevelParity.Mismatched, row.GetAttributeValue<OptionSetValue>(Pairing.LevelParity).Value);
    }

    [TestMethod]
    public void UnderEnforceAGapAboveOneIsRefusedAndAGapOfOneIsAllowed()
    {
        var deal = DealWorld.Create();
        deal.SetLevelParityMode(LevelParityModes.Enforce);
        var rita = deal.AddTeamMember(deal.Rep, TeamRole.AccountExecutive, Level.Staff);
        var dana = deal.AddStakeholder(deal.Contacts[1], BuyingRole.Influencer, Level.Director, department: "Operations");
        var bruno = deal.AddStakeholder(deal.Contacts[0], BuyingRole.User, Level.Manager);

        var fault = Refusal.Of(() => deal.Pair(rita, dana));
        var allowed = deal.Crm.Get(deal.Pair(rita, bruno));

        Assert.AreEqual(
            "Rita Rep (Staff) and Dana Head (Director) are 2 levels apart, and this organisation pairs people at most 1 level apart (level parity mode: enforce). Choose a counterpart closer in rank, or ask your administrator about the setting tsell_LevelParityMode.",
            fault.Message);
        Assert.AreEqual(-1, allowed.GetAttributeValue<int?>(Pairing.LevelGap));
        Assert.AreEqual(LevelParity.Matched, allowed.GetAttributeValue<OptionSetValue>(Pairing.LevelParity).Value);
        Assert.HasCount(1, deal.Crm.All(Pairing.LogicalName));
    }

    [TestMethod]
    public void UnderOffTheGapIsKeptButParityIsNotChecked()
    {
        var deal = DealWorld.Create();
        deal.SetLevelParityMode(LevelParityModes.Off);
        var rita = deal.AddTeamMember(deal.Rep, TeamRole.AccountExecutive, Level.Staff);
        var erik = deal.AddStakeholder(deal.Contacts[2], BuyingRole.EconomicBuyer, Level.Executive);

        var row = deal.Crm.Get(deal.Pair(rita, erik));

        Assert.AreEqual(-3, row.GetAttributeValue<int?>(Pairing.LevelGap));
        Assert.AreEqual(LevelParity.NotChecked, row.GetAttributeValue<OptionSetValue>(Pairing.LevelParity).Value);
    }

    [TestMethod]
    public void AnUnknownLevelLeavesTheGapEmptyAndUnchecked()
    {
        var deal = DealWorld.Create();
        deal.SetLevelParityMode(LevelParityModes.Enforce);
        var rita = deal.AddTeamMember(deal.Rep, TeamRole.AccountExecutive, Level.Staff);
        var bruno = deal.AddStakeholder(deal.Contacts[0], BuyingRole.User);

        var row = deal.Crm.Get(deal.Pair(rita, bruno));

        Assert.IsNull(row.GetAttributeValue<int?>(Pairing.LevelGap));
        Assert.AreEqual(LevelParity.NotChecked, row.GetAttributeValue<OptionSetValue>(Pairing.LevelParity).Value);
    }

    [TestMethod]
    public void AnUnknownParityModeIsRefusedNamingTheSettingAndItsValues()
    {
        var deal = DealWorld.Create();
        deal.SetLevelParityMode("strict");
        var rita = deal.AddTeamMember(deal.Rep, TeamRole.AccountExecutive, Level.Staff);
        var bruno = deal.AddStakeholder(deal.Contacts[0], BuyingRole.User, Level.Staff);

        var fault = Refusal.Of(() => deal.Pair(rita, bruno));

        StringAssert.Contains(fault.Message, "tsell_LevelParityMode has the value 'strict'");
        StringAssert.Contains(fault.Message, "enforce, warn or off");
    }

    [TestMethod]
    public void ATeamMemberAndAStakeholderOfDifferentDealsCannotBePaired()
    {
        var deal = DealWorld.Create();
        var otherDeal = deal.Crm.Arrange(new Entity(LogicalNames.Opportunity.LogicalName) { [LogicalNames.Opportunity.Name] = "Contoso support renewal", ["ownerid"] = deal.Rep });
        var rita = deal.AddTeamMember(deal.Rep, TeamRole.AccountExecutive, Level.Staff);
        var brunoElsewhere = deal.AddStakeholder(deal.Contacts[0], BuyingRole.User, Level.Staff, opportunity: otherDeal);

        var fault = Refusal.Of(() => deal.Pair(rita, brunoElsewhere));

        Assert.AreEqual("Rita Rep and Bruno Buyer work on different opportunities; a counterpart pairing joins a team member and a stakeholder of the same opportunity. Choose both from the same opportunity.", fault.Message);
    }

    [TestMethod]
    public void APairingNamingAnotherOpportunityThanItsPairIsRefused()
    {
        var deal = DealWorld.Create();
        var otherDeal = deal.Crm.Arrange(new Entity(LogicalNames.Opportunity.LogicalName) { [LogicalNames.Opportunity.Name] = "Other", ["ownerid"] = deal.Rep });
        var rita = deal.AddTeamMember(deal.Rep, TeamRole.AccountExecutive, Level.Staff);
        var bruno = deal.AddStakeholder(deal.Contacts[0], BuyingRole.User, Level.Staff);

        var fault = Refusal.Of(() => deal.As(deal.Rep).Create(new Entity(Pairing.LogicalName)
        {
            [Pairing.DealTeamMemberId] = rita,
            [Pairing.StakeholderId] = bruno,
            [Pairing.OpportunityId] = otherDeal,
        }));

        StringAssert.StartsWith(fault.Message, "This pairing names another opportunity than the one Rita Rep and Bruno Buyer belong to.");
    }

    [TestMethod]
    public void TheSamePairCannotBePairedTwice()
    {
        var deal = DealWorld.Create();
        var rita = deal.AddTeamMember(deal.Rep, TeamRole.AccountExecutive, Level.Staff);
        var bruno = deal.AddStakeholder(deal.Contacts[0], BuyingRole.User, Level.Staff);
        deal.Pair(rita, bruno);

        var fault = Refusal.Of(() => deal.Pair(rita, bruno));

        Assert.AreEqual("Rita Rep is already paired with Bruno Buyer. Open that pairing to update it instead of adding a second one.", fault.Message);
    }

    [TestMethod]
    public void AnInactiveTeamMemberCannotBePaired()
    {
        var deal = DealWorld.Create();
        var lou = deal.AddTeamMember(deal.NewUser("Lou Leaver"), TeamRole.Delivery, Level.Staff);
        deal.DeactivateTeamMember(lou);
        var bruno = deal.AddStakeholder(deal.Contacts[0], BuyingRole.User, Level.Staff);

        var fault = Refusal.Of(() => deal.Pair(lou, bruno));

        StringAssert.StartsWith(fault.Message, "Lou Leaver is no longer an active member of the deal team");
    }

    [TestMethod]
    public void CorrectingAStakeholdersLevelUpdatesTheGapOfTheirPairingsEvenPastTheEnforcedLimit()
    {
        var deal = DealWorld.Create();
        deal.SetLevelParityMode(LevelParityModes.Enforce);
        var rita = deal.AddTeamMember(deal.Rep, TeamRole.AccountExecutive, Level.Staff);
        var mona = deal.AddTeamMember(deal.NewUser("Mona Manager"), TeamRole.SalesManager, Level.Manager);
        var dana = deal.AddStakeholder(deal.Contacts[1], BuyingRole.Influencer, Level.Manager);
        var withRita = deal.Pair(rita, dana);
        var withMona = deal.Pair(mona, dana);

        deal.As(deal.Rep).Update(new Entity(dana.LogicalName, dana.Id) { [StakeholderNames.Level] = new OptionSetValue(Level.Director) });

        Assert.AreEqual(-2, deal.Crm.Get(withRita).GetAttributeValue<int?>(Pairing.LevelGap));
        Assert.AreEqual(LevelParity.Mismatched, deal.Crm.Get(withRita).GetAttributeValue<OptionSetValue>(Pairing.LevelParity).Value,
            "a level is a fact about a person: the correction is saved and the pairing flagged, not refused");
        Assert.AreEqual(-1, deal.Crm.Get(withMona).GetAttributeValue<int?>(Pairing.LevelGap));
        Assert.AreEqual(LevelParity.Matched, deal.Crm.Get(withMona).GetAttributeValue<OptionSetValue>(Pairing.LevelParity).Value);
    }

    [TestMethod]
    public void ChangingATeamMembersLevelUpdatesTheGapOfTheirPairings()
    {
        var deal = DealWorld.Create();
        var mona = deal.AddTeamMember(deal.NewUser("Mona Manager"), TeamRole.SalesManager, Level.Manager);
        var erik = deal.AddStakeholder(deal.Contacts[2], BuyingRole.EconomicBuyer, Level.Executive);
        var pairing = deal.Pair(mona, erik);

        deal.As(deal.Rep).Update(new Entity(mona.LogicalName, mona.Id) { [LogicalNames.DealTeamMember.Level] = new OptionSetValue(Level.Executive) });

        Assert.AreEqual(0, deal.Crm.Get(pairing).GetAttributeValue<int?>(Pairing.LevelGap));
        Assert.AreEqual(LevelParity.Matched, deal.Crm.Get(pairing).GetAttributeValue<OptionSetValue>(Pairing.LevelParity).Value);
    }

    [TestMethod]
    public void AGapWrittenByHandIsDerivedAgainFromTheLevels()
    {
        var deal = DealWorld.Create();
        var rita = deal.AddTeamMember(deal.Rep, TeamRole.AccountExecutive, Level.Staff);
        var bruno = deal.AddStakeholder(deal.Contacts[0], BuyingRole.User, Level.Staff);
        var pairing = deal.Pair(rita, bruno);

        deal.As(deal.Rep).Update(new Entity(pairing.LogicalName, pairing.Id)
        {
            [Pairing.LevelGap] = 3,
            [Pairing.LevelParity] = new OptionSetValue(LevelParity.Mismatched),
        });

        Assert.AreEqual(0, deal.Crm.Get(pairing).GetAttributeValue<int?>(Pairing.LevelGap));
        Assert.AreEqual(LevelParity.Matched, deal.Crm.Get(pairing).GetAttributeValue<OptionSetValue>(Pairing.LevelParity).Value);
    }
}
