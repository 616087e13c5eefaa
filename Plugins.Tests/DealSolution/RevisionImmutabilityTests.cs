using System.Linq;
using CrmTeamSelling.Emulator.Faults;
using CrmTeamSelling.Plugins.Model;
using CrmTeamSelling.Plugins.Tests.TestSupport;
using Microsoft.Xrm.Sdk;
using Revision = CrmTeamSelling.Plugins.Model.LogicalNames.DealSolutionRevision;
using Solution = CrmTeamSelling.Plugins.Model.LogicalNames.DealSolution;

namespace CrmTeamSelling.Plugins.Tests.DealSolution;

[TestClass]
public sealed class RevisionImmutabilityTests
{
    [TestMethod]
    public void MembersMayReadRevisionsButNotWriteThem()
    {
        var deal = DealWorld.Create();
        var (manager, solution) = deal.WithManagerAndSolution();
        var revision = deal.RevisionsOf(solution).Single();

        var read = deal.As(manager).Retrieve(Revision.LogicalName, revision.Id, new Microsoft.Xrm.Sdk.Query.ColumnSet(Revision.Version));
        Assert.AreEqual(1, read.GetAttributeValue<int>(Revision.Version));

        var refusal = Refusal.Of(() => deal.As(deal.Rep).Create(new Entity(Revision.LogicalName)
        {
            [Revision.DealSolutionId] = solution,
            [Revision.OpportunityId] = deal.Opportunity,
            [Revision.Version] = 2,
        }));
        Assert.AreEqual(ErrorCodes.PrivilegeDenied, refusal.ErrorCode, "the roles give members no create privilege on revisions");
    }

    [TestMethod]
    public void NoOneChangesARevisionNotEvenTheSystem()
    {
        var deal = DealWorld.Create();
        var solution = deal.CreateDealSolution(deal.Rep);
        var revision = deal.RevisionsOf(solution).Single();

        var refusal = Refusal.Of(() => deal.Crm.System.Update(new Entity(Revision.LogicalName, revision.Id)
        {
            [Revision.Amount] = new Money(1m),
            [Revision.ChangeSummary] = "Rewritten history.",
        }));

        Assert.AreEqual(string.Format(UserMessages.DealSolutionRevisionIsImmutable, "tsell_amount, tsell_changesummary"), refusal.Message);
        Assert.AreEqual(100_000m, deal.RevisionsOf(solution).Single().GetAttributeValue<Money>(Revision.Amount).Value);
    }

    [TestMethod]
    public void ARevisionMayChangeOwnerWhenTheOpportunityIsReassigned()
    {
        var deal = DealWorld.Create();
        var solution = deal.CreateDealSolution(deal.Rep);
        var successor = deal.NewUser("Sam Successor");

        deal.Crm.System.Update(new Entity("opportunity", deal.Opportunity.Id) { ["ownerid"] = successor });

        Assert.AreEqual(successor.Id, deal.RevisionsOf(solution).Single().GetAttributeValue<EntityReference>(Revision.OwnerId).Id);
        deal.Crm.System.Update(new Entity(Revision.LogicalName, deal.RevisionsOf(solution).Single().Id) { [Revision.OwnerId] = deal.Rep });
        Assert.AreEqual(deal.Rep.Id, deal.RevisionsOf(solution).Single().GetAttributeValue<EntityReference>(Revision.OwnerId).Id);
    }

    [TestMethod]
    public void NoOneDeletesARevisionOnItsOwn()
    {
        var deal = DealWorld.Create();
        var solution = deal.CreateDealSolution(deal.Rep);
        var revision = deal.RevisionsOf(solution).Single();

        var refusal = Refusal.Of(() => deal.Crm.System.Delete(Revision.LogicalName, revision.Id));

        Assert.AreEqual(UserMessages.DealSolutionRevisionCannotBeDeleted, refusal.Message);
        Assert.HasCount(1, deal.RevisionsOf(solution));
    }

    [TestMethod]
    public void RevisionsGoWithTheirOpportunity()
    {
        var deal = DealWorld.Create();
        var solution = deal.CreateDealSolution(deal.Rep);
        deal.ChangeAmount(deal.Rep, solution, basedOn: 1, 90_000m, "Discount.");

        deal.Crm.System.Delete("opportunity", deal.Opportunity.Id);

        Assert.IsEmpty(deal.Crm.All(Solution.LogicalName));
        Assert.IsEmpty(deal.Crm.All(Revision.LogicalName));
    }

    [TestMethod]
    public void DeletingTheDealSolutionKeepsItsRevisionsUnderTheOpportunity()
    {
        var deal = DealWorld.Create();
        var solution = deal.CreateDealSolution(deal.Rep);

        deal.Crm.System.Delete(Solution.LogicalName, solution.Id);

        // A table has one parental relationship (the opportunity's); the solution's link is RemoveLink.
        var revision = deal.Crm.All(Revision.LogicalName).Single();
        Assert.IsNull(revision.GetAttributeValue<EntityReference>(Revision.DealSolutionId));
        Assert.AreEqual(deal.Opportunity, revision.GetAttributeValue<EntityReference>(Revision.OpportunityId));
    }

    [TestMethod]
    public void ARevisionDeleteNestedInItsOpportunitysDeleteIsTheCascadeAndAllowed()
    {
        var deal = DealWorld.Create();
        var solution = deal.CreateDealSolution(deal.Rep);
        deal.ChangeAmount(deal.Rep, solution, basedOn: 1, 90_000m, "Discount.");
        // As Dataverse runs the cascade: each revision's Delete inside the opportunity's Delete (ParentContext).
        deal.Crm.DeleteRevisionsInsideOpportunityDelete();

        deal.Crm.System.Delete("opportunity", deal.Opportunity.Id);

        Assert.IsEmpty(deal.Crm.All(Revision.LogicalName));
    }


    [TestMethod]
    public void ARevisionDeleteNestedInAnotherOpportunitysDeleteIsRefused()
    {
        var deal = DealWorld.Create();
        var solution = deal.CreateDealSolution(deal.Rep);
        var unrelated = deal.Crm.Arrange(new Entity("opportunity") { ["name"] = "Unrelated", ["ownerid"] = deal.Rep, ["customerid"] = deal.Account });
        deal.Crm.DeleteRevisionsInsideOpportunityDelete(revisionsOfOpportunity: deal.Opportunity.Id);

        var refusal = Refusal.Of(() => deal.Crm.System.Delete("opportunity", unrelated.Id));

        Assert.AreEqual(UserMessages.DealSolutionRevisionCannotBeDeleted, refusal.Message);
        Assert.HasCount(1, deal.RevisionsOf(solution));
        Assert.IsNotNull(deal.Crm.Find("opportunity", unrelated.Id), "the failed cascade rolls the whole delete back");
    }
}
