using System.ServiceModel;
using CrmTeamSelling.Emulator.Pipeline;
using CrmTeamSelling.Plugins.Model;
using CrmTeamSelling.Plugins.Tests.Stakeholder;
using CrmTeamSelling.Plugins.Tests.TestSupport;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Member = CrmTeamSelling.Plugins.Model.LogicalNames.DealTeamMember;

namespace CrmTeamSelling.Plugins.Tests.DealTeamMember;

/// <summary>Who may open the deal follows who is on its team: joining shares it, leaving takes it back.</summary>
[TestClass]
public sealed class DealTeamAccessTests
{
    private const AccessRights MemberRights = AccessRights.ReadAccess | AccessRights.WriteAccess | AccessRights.AppendAccess | AccessRights.AppendToAccess;

    [TestMethod]
    public void AJoiningMemberCanOpenTheDealAndItsTeamSellingRecordsButNotDeleteOrShareIt()
    {
        var deal = DealWorld.Create();
        var stakeholder = deal.AddStakeholder(deal.Contacts[0], BuyingRole.User, Level.Staff);
        var solution = ArrangeDealSolution(deal);
        var presales = deal.NewUser("Pia Presales");
        Assert.IsFalse(CanRead(deal, presales, deal.Opportunity), "given: a colleague off the team cannot open the deal");

        deal.AddTeamMember(presales, TeamRole.Presales, Level.Staff);

        Assert.IsTrue(CanRead(deal, presales, deal.Opportunity));
        Assert.IsTrue(CanRead(deal, presales, stakeholder), "the share cascades to the stakeholders");
        Assert.IsTrue(CanRead(deal, presales, solution), "the share cascades to the deal solution");
        Assert.AreEqual(MemberRights, RightsOf(deal, presales, deal.Opportunity), "read, write, append and append to; no delete, share or assign");
    }

    [TestMethod]
    public void RemovingAMemberTakesTheDealAndItsChildrenBack()
    {
        var deal = DealWorld.Create();
        var stakeholder = deal.AddStakeholder(deal.Contacts[0], BuyingRole.User, Level.Staff);
        var solution = ArrangeDealSolution(deal);
        var presales = deal.NewUser("Pia Presales");
        var member = deal.AddTeamMember(presales, TeamRole.Presales, Level.Staff);
        Assert.IsTrue(CanRead(deal, presales, stakeholder), "given: the member can open the stakeholders");

        deal.As(deal.Rep).Delete(member.LogicalName, member.Id);

        Assert.IsFalse(CanRead(deal, presales, deal.Opportunity));
        Assert.IsFalse(CanRead(deal, presales, stakeholder));
        Assert.IsFalse(CanRead(deal, presales, solution));
        Assert.AreEqual(AccessRights.None, RightsOf(deal, presales, deal.Opportunity));
        var visibleStakeholders = deal.As(presales).RetrieveMultiple(new QueryExpression(LogicalNames.Stakeholder.LogicalName) { ColumnSet = new ColumnSet(false) });
        Assert.IsEmpty(visibleStakeholders.Entities, "a query finds none of the deal's stakeholders either");
    }

    [TestMethod]
    public void DeactivatingAMembershipTakesTheDealBackAndReactivatingGivesItAgain()
    {
        var deal = DealWorld.Create();
        var presales = deal.NewUser("Pia Presales");
        var member = deal.AddTeamMember(presales, TeamRole.Presales, Level.Staff);

        deal.DeactivateTeamMember(member);
        Assert.IsFalse(CanRead(deal, presales, deal.Opportunity), "deactivated: no access");

        deal.As(deal.Rep).Update(new Entity(member.LogicalName, member.Id)
        {
            [Member.StateCode] = new OptionSetValue(StateCodes.Active),
            [Member.StatusCode] = new OptionSetValue(1),
        });
        Assert.IsTrue(CanRead(deal, presales, deal.Opportunity), "reactivated: access again");
    }

    [TestMethod]
    public void ChangingTheMembersUserMovesTheAccessFromThePreviousUserToTheNewOne()
    {
        var deal = DealWorld.Create();
        var pia = deal.NewUser("Pia Presales");
        var paul = deal.NewUser("Paul Presales");
        var member = deal.AddTeamMember(pia, TeamRole.Presales, Level.Staff);

        deal.As(deal.Rep).Update(new Entity(member.LogicalName, member.Id) { [Member.UserId] = paul });

        Assert.IsFalse(CanRead(deal, pia, deal.Opportunity));
        Assert.IsTrue(CanRead(deal, paul, deal.Opportunity));
        Assert.AreEqual("Paul Presales – Presales", deal.Crm.Get(member).GetAttributeValue<string>(Member.Name), "the name follows the user");
    }

    [TestMethod]
    public void TheOwnerRemovedFromTheTeamKeepsTheDealTheyOwn()
    {
        var deal = DealWorld.Create();
        var ownMembership = deal.AddTeamMember(deal.Rep, TeamRole.AccountExecutive, Level.Staff);

        deal.As(deal.Rep).Delete(ownMembership.LogicalName, ownMembership.Id);

        Assert.IsTrue(CanRead(deal, deal.Rep, deal.Opportunity));
        var rights = RightsOf(deal, deal.Rep, deal.Opportunity);
        Assert.AreEqual(AccessRights.ReadAccess | AccessRights.WriteAccess, rights & (AccessRights.ReadAccess | AccessRights.WriteAccess), "still reads and writes the deal as its owner");
    }

    [TestMethod]
    public void AManagerRemovedFromTheTeamKeepsWhatTheirRoleGivesThem()
    {
        var deal = DealWorld.Create();
        var manager = deal.NewManager("Mona Manager");
        var member = deal.AddTeamMember(manager, TeamRole.SalesManager, Level.Manager);

        deal.As(deal.Rep).Delete(member.LogicalName, member.Id);

        Assert.IsTrue(CanRead(deal, manager, deal.Opportunity), "the manager's role reads every deal of the unit: a second reason for access, untouched");
    }

    [TestMethod]
    public void AMemberOfTheTeamThatOwnsTheDealKeepsItWhenTheirMembershipEnds()
    {
        var deal = DealWorld.Create();
        var presales = deal.NewUser("Pia Presales");
        var keyAccounts = deal.Crm.CreateTeam("Key accounts", deal.SalesUnit, deal.Rep, presales);
        deal.Crm.AssignRole(keyAccounts, DealWorld.MemberRole);
        deal.Crm.System.Update(new Entity(deal.Opportunity.LogicalName, deal.Opportunity.Id) { [LogicalNames.Opportunity.OwnerId] = keyAccounts });
        var member = deal.AddTeamMember(presales, TeamRole.Presales, Level.Staff);

        deal.As(deal.Rep).Delete(member.LogicalName, member.Id);

        Assert.IsTrue(CanRead(deal, presales, deal.Opportunity), "their team owns the deal: a second reason for access, untouched");
        var outsider = deal.NewUser("Otto Outsider");
        var outsiderMembership = deal.AddTeamMember(outsider, TeamRole.Other, Level.Staff);
        deal.As(deal.Rep).Delete(outsiderMembership.LogicalName, outsiderMembership.Id);
        Assert.IsFalse(CanRead(deal, outsider, deal.Opportunity), "while someone whose only reason was the membership loses it");
    }

    [TestMethod]
    public void AMemberWithoutThePrivilegeToShareCanBringAColleagueOntoTheTeam()
    {
        var deal = DealWorld.Create();
        var manager = deal.NewUser("Mona Manager");
        deal.AddTeamMember(manager, TeamRole.SalesManager, Level.Manager);
        var legal = deal.NewUser("Lea Legal");

        deal.As(manager).Create(new Entity(Member.LogicalName)
        {
            [Member.OpportunityId] = deal.Opportunity,
            [Member.UserId] = legal,
            [Member.TeamRole] = new OptionSetValue(TeamRole.Legal),
        });

        Assert.IsTrue(CanRead(deal, legal, deal.Opportunity));
        var fault = Refusal.Of(() => deal.As(manager).Execute(new GrantAccessRequest
        {
            Target = deal.Opportunity,
            PrincipalAccess = new PrincipalAccess { Principal = deal.NewUser("Otto Outsider"), AccessMask = AccessRights.ReadAccess },
        }));
        StringAssert.Contains(fault.Message, "prvShareOpportunity", "given: the member's role cannot share opportunities itself");
    }

    [TestMethod]
    public void AMemberCanLeaveTheTeamAndLosesTheDeal()
    {
        var deal = DealWorld.Create();
        var presales = deal.NewUser("Pia Presales");
        var member = deal.AddTeamMember(presales, TeamRole.Presales, Level.Staff);

        deal.As(presales).Update(new Entity(member.LogicalName, member.Id)
        {
            [Member.StateCode] = new OptionSetValue(StateCodes.Inactive),
            [Member.StatusCode] = new OptionSetValue(2),
        });

        Assert.IsFalse(CanRead(deal, presales, deal.Opportunity));
    }

    [TestMethod]
    public void WhenTheShareFailsTheMembershipIsNotSavedEither()
    {
        var deal = DealWorld.Create();
        deal.Crm.RegisterStep(new PluginStepRegistration
        {
            Message = "GrantAccess",
            PrimaryEntity = LogicalNames.Opportunity.LogicalName,
            Stage = PipelineStage.PreOperation,
            PluginType = typeof(RefuseSharing),
        });
        var presales = deal.NewUser("Pia Presales");

        var fault = Refusal.Of(() => deal.AddTeamMember(presales, TeamRole.Presales, Level.Staff));

        StringAssert.Contains(fault.Message, RefuseSharing.Message);
        Assert.IsEmpty(deal.Crm.All(Member.LogicalName), "the share runs in the membership's transaction: no member who cannot open the deal");
    }

    /// <summary>Stands for anything that makes GrantAccess fail (a policy plugin, a platform fault).</summary>
    public sealed class RefuseSharing : IPlugin
    {
        public const string Message = "Sharing opportunities is blocked in this test.";

        public void Execute(System.IServiceProvider serviceProvider) => throw new InvalidPluginExecutionException(Message);
    }

    [TestMethod]
    public void JoiningCostsFourServiceCallsWhateverTheSizeOfTheTeam()
    {
        var deal = DealWorld.Create();
        for (var i = 0; i < 6; i++)
        {
            deal.NewTeamMember("Colleague " + i);
        }

        var presales = deal.NewUser("Pia Presales");
        deal.Crm.ResetStatistics();
        deal.AddTeamMember(presales, TeamRole.Presales, Level.Staff);

        var add = deal.Crm.LastOperation!;
        Assert.AreEqual(4, add.ServiceCallsByPlugins, add.ToString());
        Assert.AreEqual(1, add.CallsOf("GrantAccess"), add.ToString());
    }

    private static EntityReference ArrangeDealSolution(DealWorld deal)
        => deal.Crm.Arrange(new Entity(LogicalNames.DealSolution.LogicalName)
        {
            [LogicalNames.DealSolution.OpportunityId] = deal.Opportunity,
            [LogicalNames.DealSolution.Name] = "Contoso ERP rollout – v1",
            [LogicalNames.DealSolution.Version] = 1,
            ["ownerid"] = deal.Rep,
        });

    private static bool CanRead(DealWorld deal, EntityReference user, EntityReference record)
    {
        try
        {
            deal.As(user).Retrieve(record.LogicalName, record.Id, new ColumnSet(false));
            return true;
        }
        catch (FaultException<OrganizationServiceFault>)
        {
            return false;
        }
    }

    private static AccessRights RightsOf(DealWorld deal, EntityReference user, EntityReference record)
        => ((RetrievePrincipalAccessResponse)deal.Crm.System.Execute(new RetrievePrincipalAccessRequest { Target = record, Principal = user })).AccessRights;
}
