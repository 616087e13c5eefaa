using System.Linq;
using CrmTeamSelling.Emulator.Faults;
using CrmTeamSelling.Plugins.Model;
using CrmTeamSelling.Plugins.Tests.TestSupport;
using Microsoft.Xrm.Sdk;
using Revision = CrmTeamSelling.Plugins.Model.LogicalNames.DealSolutionRevision;
using Solution = CrmTeamSelling.Plugins.Model.LogicalNames.DealSolution;

namespace CrmTeamSelling.Plugins.Tests.DealSolution;

[TestClass]
public sealed class CreatingADealSolutionTests
{
    [TestMethod]
    public void TheFirstSolutionStartsAtVersionOneAsADraftNamedAfterTheOpportunity()
    {
        var deal = DealWorld.Create("Contoso ERP rollout");

        var solution = deal.CreateDealSolution(deal.Rep);

        var saved = deal.Read(solution);
        Assert.AreEqual(1, saved.GetAttributeValue<int>(Solution.Version));
        Assert.AreEqual(DealSolutionStatus.Draft, saved.GetAttributeValue<OptionSetValue>(Solution.SolutionStatus).Value);
        Assert.AreEqual("Contoso ERP rollout – v1", saved.GetAttributeValue<string>(Solution.Name));
        Assert.AreEqual(UserMessages.DealSolutionFirstVersionSummary, saved.GetAttributeValue<string>(Solution.ChangeSummary));
    }

    [TestMethod]
    public void AGivenStatusIsKept()
    {
        var deal = DealWorld.Create();

        var solution = deal.CreateDealSolution(deal.Rep, s => s[Solution.SolutionStatus] = new OptionSetValue(DealSolutionStatus.Presented));

        Assert.AreEqual(DealSolutionStatus.Presented, deal.StatusOf(solution));
    }

    [TestMethod]
    public void RevisionOneSnapshotsTheContentWhoWhenAndWhyOwnedByTheCreator()
    {
        var deal = DealWorld.Create("Contoso ERP rollout");
        var presales = deal.NewTeamMember("Pia Presales", TeamRole.Presales);

        var solution = deal.CreateDealSolution(presales, s => s[Solution.ChangeSummary] = "Draft from the discovery call.");

        var revision = deal.RevisionsOf(solution).Single();
        var saved = deal.Read(solution);
        Assert.AreEqual(1, revision.GetAttributeValue<int>(Revision.Version));
        Assert.AreEqual("Contoso ERP rollout – v1", revision.GetAttributeValue<string>(Revision.Name));
        Assert.AreEqual(deal.Opportunity.Id, revision.GetAttributeValue<EntityReference>(Revision.OpportunityId).Id);
        Assert.AreEqual(DealSolutions.FirstProblem, revision.GetAttributeValue<string>(Revision.ProblemSummary));
        Assert.AreEqual(DealSolutions.FirstProposal, revision.GetAttributeValue<string>(Revision.ProposedSolution));
        Assert.AreEqual(100_000m, revision.GetAttributeValue<Money>(Revision.Amount).Value);
        Assert.AreEqual("Draft from the discovery call.", revision.GetAttributeValue<string>(Revision.ChangeSummary));
        Assert.AreEqual(DealSolutionStatus.Draft, revision.GetAttributeValue<OptionSetValue>(Revision.SolutionStatus).Value);
        Assert.AreEqual(presales.Id, revision.GetAttributeValue<EntityReference>(Revision.ChangedBy).Id);
        Assert.AreEqual(saved.GetAttributeValue<System.DateTime>(Solution.ModifiedOn), revision.GetAttributeValue<System.DateTime>(Revision.ChangedOn));
        Assert.AreEqual(presales.Id, revision.GetAttributeValue<EntityReference>(Revision.OwnerId).Id);
    }

    [TestMethod]
    public void AUserOffTheDealTeamCannotCreateIt()
    {
        var deal = DealWorld.Create();
        // A manager's role reaches every opportunity of the unit, but the deal is the team's.
        var outsider = deal.NewManager("Oscar Outsider");

        var refusal = Refusal.Of(() => deal.CreateDealSolution(outsider));

        Assert.AreEqual(UserMessages.NotOnDealTeamToCreateSolution, refusal.Message);
        Assert.IsEmpty(deal.Crm.All(Solution.LogicalName));
        Assert.IsEmpty(deal.Crm.All(Revision.LogicalName));
    }

    [TestMethod]
    public void AnActiveTeamMemberMayCreateIt()
    {
        var deal = DealWorld.Create();
        var presales = deal.NewTeamMember("Pia Presales", TeamRole.Presales);

        var solution = deal.CreateDealSolution(presales);

        Assert.AreEqual(1, deal.VersionOf(solution));
    }

    [TestMethod]
    public void ASecondSolutionIsRefusedNamingTheFirstItsVersionAndOwner()
    {
        var deal = DealWorld.Create("Contoso ERP rollout");
        var (manager, first) = deal.WithManagerAndSolution();
        deal.ChangeAmount(deal.Rep, first, basedOn: 1, 95_000m, "Discount agreed with procurement.");

        var refusal = Refusal.Of(() => deal.CreateDealSolution(manager));

        Assert.AreEqual(string.Format(UserMessages.DealSolutionAlreadyExists, "Contoso ERP rollout – v2", 2, "Rita Rep"), refusal.Message);
        Assert.HasCount(1, deal.Crm.All(Solution.LogicalName));
    }

    [TestMethod]
    public void TheVersionCannotBeChosenByTheCreator()
    {
        var deal = DealWorld.Create();

        var refusal = Refusal.Of(() => deal.CreateDealSolution(deal.Rep, s => s[Solution.Version] = 7));

        Assert.AreEqual(string.Format(UserMessages.DealSolutionStartsAtVersionOne, 7), refusal.Message);
    }

    [TestMethod]
    public void RacingCreatesLeaveOneSolutionAndOneRevision()
    {
        var deal = DealWorld.Create();
        var creators = new[] { deal.Rep, deal.NewTeamMember("Mona Manager", TeamRole.SalesManager, Level.Manager), deal.NewTeamMember("Pia Presales", TeamRole.Presales), deal.NewTeamMember("Finn Finance", TeamRole.Finance) };

        var attempts = creators.Select(creator => System.Threading.Tasks.Task.Run(() =>
        {
            try
            {
                deal.CreateDealSolution(creator);
                return (int?)null;
            }
            catch (System.ServiceModel.FaultException<OrganizationServiceFault> fault)
            {
                return fault.Detail.ErrorCode;
            }
        })).ToArray();
        System.Threading.Tasks.Task.WaitAll(attempts);

        Assert.HasCount(1, deal.Crm.All(Solution.LogicalName));
        Assert.HasCount(1, deal.Crm.All(Revision.LogicalName));
        var refusals = attempts.Select(a => a.Result).Where(code => code.HasValue).ToList();
        Assert.HasCount(creators.Length - 1, refusals);
        // The plugin's check refuses a create that comes after the winner; one racing it between the check
        // and the insert gets the platform's duplicate-key error from the alternate key.
        Assert.IsTrue(refusals.All(code => code is ErrorCodes.IsvAborted or ErrorCodes.DuplicateRecordEntityKey), string.Join(", ", refusals));
    }

    [TestMethod]
    public void TheAlternateKeyRefusesASecondSolutionThatSkipsThePlugins()
    {
        var deal = DealWorld.Create();
        deal.CreateDealSolution(deal.Rep);

        // Arrange writes without plugins: only the shipped alternate key on tsell_opportunityid stands in the way.
        var refusal = Refusal.Of(() => deal.Crm.Arrange(deal.NewDealSolution()));

        Assert.AreEqual(ErrorCodes.DuplicateRecordEntityKey, refusal.ErrorCode);
        Assert.HasCount(1, deal.Crm.All(Solution.LogicalName));
    }
}
