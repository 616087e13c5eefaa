using CrmTeamSelling.Emulator.Faults;
using CrmTeamSelling.Plugins.Model;
using CrmTeamSelling.Plugins.Tests.TestSupport;
using Microsoft.Xrm.Sdk;
using Member = CrmTeamSelling.Plugins.Model.LogicalNames.DealTeamMember;

namespace CrmTeamSelling.Plugins.Tests.DealTeamMember;

/// <summary>One membership per user and deal, only enabled users, a name that says who and what.</summary>
[TestClass]
public sealed class DealTeamMembershipTests
{
    [TestMethod]
    public void AMemberIsNamedAfterTheUserAndTheirTeamRoleAndTheNameFollowsTheRole()
    {
        var deal = DealWorld.Create();
        var member = deal.AddTeamMember(deal.NewUser("Pia Presales"), TeamRole.Presales, Level.Staff);
        Assert.AreEqual("Pia Presales – Presales", deal.Crm.Get(member).GetAttributeValue<string>(Member.Name));

        deal.As(deal.Rep).Update(new Entity(member.LogicalName, member.Id) { [Member.TeamRole] = new OptionSetValue(TeamRole.Product) });

        Assert.AreEqual("Pia Presales – Product", deal.Crm.Get(member).GetAttributeValue<string>(Member.Name));
    }

    [TestMethod]
    public void ANameWrittenByHandIsReplacedByTheKeptOne()
    {
        var deal = DealWorld.Create();
        var member = deal.AddTeamMember(deal.NewUser("Pia Presales"), TeamRole.Presales, Level.Staff);

        deal.As(deal.Rep).Update(new Entity(member.LogicalName, member.Id) { [Member.Name] = "Somebody else" });

        Assert.AreEqual("Pia Presales – Presales", deal.Crm.Get(member).GetAttributeValue<string>(Member.Name));
    }

    [TestMethod]
    public void AddingTheSameUserTwiceIsRefusedNamingTheExistingRole()
    {
        var deal = DealWorld.Create();
        var pia = deal.NewUser("Pia Presales");
        deal.AddTeamMember(pia, TeamRole.Presales, Level.Staff);

        var fault = Refusal.Of(() => deal.AddTeamMember(pia, TeamRole.Product, Level.Staff));

        Assert.AreEqual(ErrorCodes.IsvAborted, fault.ErrorCode, "refused by the plugin's friendly check, before the alternate key");
        Assert.AreEqual("Pia Presales is already on the deal team of this opportunity (as Presales). Open that membership to change their role instead of adding them twice.", fault.Message);
        Assert.HasCount(1, deal.Crm.All(Member.LogicalName));
    }

    [TestMethod]
    public void AddingAUserWhoseMembershipIsInactiveSuggestsReactivatingIt()
    {
        var deal = DealWorld.Create();
        var pia = deal.NewUser("Pia Presales");
        deal.DeactivateTeamMember(deal.AddTeamMember(pia, TeamRole.Presales, Level.Staff));

        var fault = Refusal.Of(() => deal.AddTeamMember(pia, TeamRole.Presales, Level.Staff));

        StringAssert.Contains(fault.Message, "Pia Presales already has an inactive membership");
        StringAssert.Contains(fault.Message, "Reactivate that membership");
    }

    [TestMethod]
    public void ChangingAMembersUserToSomeoneAlreadyOnTheTeamIsRefused()
    {
        var deal = DealWorld.Create();
        var pia = deal.NewUser("Pia Presales");
        var paul = deal.NewUser("Paul Presales");
        deal.AddTeamMember(pia, TeamRole.Presales, Level.Staff);
        var pauls = deal.AddTeamMember(paul, TeamRole.Product, Level.Staff);

        var fault = Refusal.Of(() => deal.As(deal.Rep).Update(new Entity(pauls.LogicalName, pauls.Id) { [Member.UserId] = pia }));

        StringAssert.StartsWith(fault.Message, "Pia Presales is already on the deal team");
        Assert.AreEqual(paul.Id, deal.Crm.Get(pauls).GetAttributeValue<EntityReference>(Member.UserId).Id, "nothing changed");
    }

    [TestMethod]
    public void ADisabledUserCannotJoinNorBeReactivated()
    {
        var deal = DealWorld.Create();
        var leaver = deal.NewUser("Lou Leaver");
        var membership = deal.AddTeamMember(leaver, TeamRole.Delivery, Level.Staff);
        deal.DeactivateTeamMember(membership);
        var gone = deal.NewUser("Gil Gone");
        deal.Crm.System.Update(new Entity(LogicalNames.SystemUser.LogicalName, leaver.Id) { [LogicalNames.SystemUser.IsDisabled] = true });
        deal.Crm.System.Update(new Entity(LogicalNames.SystemUser.LogicalName, gone.Id) { [LogicalNames.SystemUser.IsDisabled] = true });

        var joining = Refusal.Of(() => deal.AddTeamMember(gone, TeamRole.Delivery, Level.Staff));
        var reactivating = Refusal.Of(() => deal.As(deal.Rep).Update(new Entity(membership.LogicalName, membership.Id)
        {
            [Member.StateCode] = new OptionSetValue(StateCodes.Active),
            [Member.StatusCode] = new OptionSetValue(1),
        }));

        Assert.AreEqual("Gil Gone is a disabled user and cannot be an active member of the deal team. Choose an active colleague, or ask your administrator to enable Gil Gone's account.", joining.Message);
        StringAssert.StartsWith(reactivating.Message, "Lou Leaver is a disabled user");
        Assert.AreEqual(StateCodes.Inactive, deal.Crm.Get(membership).GetAttributeValue<OptionSetValue>(Member.StateCode).Value);
    }

    [TestMethod]
    public void AMemberWithoutAUserIsRefused()
    {
        var deal = DealWorld.Create();

        var fault = Refusal.Of(() => deal.As(deal.Rep).Create(new Entity(Member.LogicalName)
        {
            [Member.OpportunityId] = deal.Opportunity,
            [Member.TeamRole] = new OptionSetValue(TeamRole.Legal),
        }));

        StringAssert.Contains(fault.Message, "names no user. Choose the colleague in User (tsell_userid)");
    }

    [TestMethod]
    public void AMemberCannotMoveToAnotherOpportunity()
    {
        var deal = DealWorld.Create();
        var member = deal.AddTeamMember(deal.NewUser("Pia Presales"), TeamRole.Presales, Level.Staff);
        var other = deal.Crm.Arrange(new Entity(LogicalNames.Opportunity.LogicalName) { [LogicalNames.Opportunity.Name] = "Other deal", ["ownerid"] = deal.Rep });

        var fault = Refusal.Of(() => deal.As(deal.Rep).Update(new Entity(member.LogicalName, member.Id) { [Member.OpportunityId] = other }));

        Assert.AreEqual("The deal team member 'Pia Presales – Presales' cannot move to another opportunity. Remove them from this deal team and add them to the other opportunity's team.", fault.Message);
    }
}
