using System.Linq;
using CrmTeamSelling.Plugins.Model;
using CrmTeamSelling.Plugins.Tests.TestSupport;
using Microsoft.Xrm.Sdk;
using Acknowledgement = CrmTeamSelling.Plugins.Model.LogicalNames.SolutionAcknowledgement;
using Api = CrmTeamSelling.Plugins.Model.CustomApis.AcknowledgeDealSolution;

namespace CrmTeamSelling.Plugins.Tests.DealSolution;

[TestClass]
public sealed class AcknowledgingADealSolutionTests
{
    private static OrganizationResponse Acknowledge(DealWorld deal, EntityReference reader, EntityReference solution, int? version = null)
    {
        var request = new OrganizationRequest(Api.Name) { [CustomApis.Target] = solution };
        if (version.HasValue)
        {
            request[Api.Version] = version.Value;
        }

        return deal.As(reader).Execute(request);
    }

    private static Entity[] AcknowledgementsOf(DealWorld deal, EntityReference reader)
        => deal.Crm.All(Acknowledgement.LogicalName, a => a.GetAttributeValue<EntityReference>(Acknowledgement.UserId)?.Id == reader.Id).ToArray();

    [TestMethod]
    public void AMemberAcknowledgesTheCurrentVersion()
    {
        var deal = DealWorld.Create("Contoso ERP rollout");
        var (manager, solution) = deal.WithManagerAndSolution();
        deal.ChangeAmount(deal.Rep, solution, basedOn: 1, 90_000m, "Discount.");

        var response = Acknowledge(deal, manager, solution);

        Assert.AreEqual(2, response.Results[Api.AcknowledgedVersion]);
        var acknowledgement = AcknowledgementsOf(deal, manager).Single();
        Assert.AreEqual(2, acknowledgement.GetAttributeValue<int>(Acknowledgement.AcknowledgedVersion));
        Assert.AreEqual(solution.Id, acknowledgement.GetAttributeValue<EntityReference>(Acknowledgement.DealSolutionId).Id);
        Assert.AreEqual(deal.Opportunity.Id, acknowledgement.GetAttributeValue<EntityReference>(Acknowledgement.OpportunityId).Id);
        Assert.AreEqual("Mona Manager – v2", acknowledgement.GetAttributeValue<string>(Acknowledgement.Name));
        Assert.AreEqual(manager.Id, acknowledgement.GetAttributeValue<EntityReference>(Acknowledgement.OwnerId).Id);
        Assert.AreNotEqual(default, acknowledgement.GetAttributeValue<System.DateTime>(Acknowledgement.AcknowledgedOn));
    }

    [TestMethod]
    public void AcknowledgingAgainMovesTheOneAcknowledgementForward()
    {
        var deal = DealWorld.Create("Contoso ERP rollout");
        var (manager, solution) = deal.WithManagerAndSolution();
        Acknowledge(deal, manager, solution, version: 1);
        deal.ChangeAmount(deal.Rep, solution, basedOn: 1, 90_000m, "Discount.");

        Acknowledge(deal, manager, solution, version: 2);

        var acknowledgement = AcknowledgementsOf(deal, manager).Single();
        Assert.AreEqual(2, acknowledgement.GetAttributeValue<int>(Acknowledgement.AcknowledgedVersion));
        Assert.AreEqual("Mona Manager – v2", acknowledgement.GetAttributeValue<string>(Acknowledgement.Name));
    }

    [TestMethod]
    public void AcknowledgingAnOldVersionIsRefused()
    {
        var deal = DealWorld.Create("Contoso ERP rollout");
        var (manager, solution) = deal.WithManagerAndSolution();
        deal.ChangeAmount(deal.Rep, solution, basedOn: 1, 90_000m, "Discount.");

        var refusal = Refusal.Of(() => Acknowledge(deal, manager, solution, version: 1));

        Assert.AreEqual(string.Format(UserMessages.DealSolutionAcknowledgeOldVersion, "Contoso ERP rollout – v2", 1, 2, "Rita Rep"), refusal.Message);
        Assert.IsEmpty(AcknowledgementsOf(deal, manager));
    }

    [TestMethod]
    public void AUserOffTheTeamCannotAcknowledge()
    {
        var deal = DealWorld.Create("Contoso ERP rollout");
        var solution = deal.CreateDealSolution(deal.Rep);
        var outsider = deal.NewManager("Oscar Outsider");

        var refusal = Refusal.Of(() => Acknowledge(deal, outsider, solution));

        Assert.AreEqual(string.Format(UserMessages.NotOnDealTeamToAcknowledgeSolution, "Contoso ERP rollout – v1"), refusal.Message);
        Assert.IsEmpty(deal.Crm.All(Acknowledgement.LogicalName));
    }

    [TestMethod]
    public void TheOwnerAcknowledgesToo()
    {
        var deal = DealWorld.Create();
        var presales = deal.NewTeamMember("Pia Presales", TeamRole.Presales);
        var solution = deal.CreateDealSolution(presales);

        Assert.AreEqual(1, Acknowledge(deal, deal.Rep, solution).Results[Api.AcknowledgedVersion]);
        Assert.HasCount(1, AcknowledgementsOf(deal, deal.Rep));
    }
}
