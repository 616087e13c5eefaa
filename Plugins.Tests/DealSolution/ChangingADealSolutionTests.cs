using System.Linq;
using CrmTeamSelling.Emulator.Faults;
using CrmTeamSelling.Plugins.Model;
using CrmTeamSelling.Plugins.Tests.TestSupport;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;
using Revision = CrmTeamSelling.Plugins.Model.LogicalNames.DealSolutionRevision;
using Solution = CrmTeamSelling.Plugins.Model.LogicalNames.DealSolution;

namespace CrmTeamSelling.Plugins.Tests.DealSolution;

[TestClass]
public sealed class ChangingADealSolutionTests
{
    [TestMethod]
    public void AContentChangeRaisesTheVersionRenamesAndWritesItsRevision()
    {
        var deal = DealWorld.Create("Contoso ERP rollout");
        var (manager, solution) = deal.WithManagerAndSolution();

        deal.ChangeAmount(manager, solution, basedOn: 1, 120_000m, "Three-year licence instead of one.");

        var saved = deal.Read(solution);
        Assert.AreEqual(2, saved.GetAttributeValue<int>(Solution.Version));
        Assert.AreEqual("Contoso ERP rollout – v2", saved.GetAttributeValue<string>(Solution.Name));
        var revision = deal.RevisionsOf(solution).Last();
        Assert.AreEqual(2, revision.GetAttributeValue<int>(Revision.Version));
        Assert.AreEqual("Contoso ERP rollout – v2", revision.GetAttributeValue<string>(Revision.Name));
        Assert.AreEqual(120_000m, revision.GetAttributeValue<Money>(Revision.Amount).Value);
        Assert.AreEqual(DealSolutions.FirstProblem, revision.GetAttributeValue<string>(Revision.ProblemSummary), "the snapshot holds all the content, not only what changed");
        Assert.AreEqual("Three-year licence instead of one.", revision.GetAttributeValue<string>(Revision.ChangeSummary));
        Assert.AreEqual(manager.Id, revision.GetAttributeValue<EntityReference>(Revision.ChangedBy).Id);
        Assert.AreEqual(manager.Id, revision.GetAttributeValue<EntityReference>(Revision.OwnerId).Id);
    }

    [TestMethod]
    public void EveryContentColumnMakesANewVersion()
    {
        var deal = DealWorld.Create();
        var solution = deal.CreateDealSolution(deal.Rep);
        var changes = new (string Column, object Value)[]
        {
            (Solution.ProblemSummary, "Close takes 15 days."),
            (Solution.ProposedSolution, "Finance and procurement first."),
            (Solution.Scope, "Excludes payroll."),
            (Solution.Value, "Close in 5 days."),
            (Solution.Amount, new Money(110_000m)),
            (Solution.Terms, "Net 60."),
        };

        var version = 1;
        foreach (var (column, value) in changes)
        {
            var edit = DealSolutions.Edit(solution, basedOn: version, summary: "Changed " + column);
            edit[column] = value;
            deal.As(deal.Rep).Update(edit);
            Assert.AreEqual(++version, deal.VersionOf(solution), column);
        }

        CollectionAssert.AreEqual(new[] { 1, 2, 3, 4, 5, 6, 7 }, deal.RevisionVersionsOf(solution));
    }

    [TestMethod]
    public void AChangeThatTouchesNoContentDoesNotVersion()
    {
        var deal = DealWorld.Create();
        var (manager, solution) = deal.WithManagerAndSolution();

        // Status only, and the content re-sent unchanged, as a form saves it.
        var edit = DealSolutions.Edit(solution, basedOn: 1, summary: null);
        edit[Solution.SolutionStatus] = new OptionSetValue(DealSolutionStatus.Presented);
        edit[Solution.ProblemSummary] = DealSolutions.FirstProblem;
        edit[Solution.Amount] = new Money(100_000.00m);
        deal.As(manager).Update(edit);

        Assert.AreEqual(1, deal.VersionOf(solution));
        Assert.AreEqual(DealSolutionStatus.Presented, deal.StatusOf(solution));
        CollectionAssert.AreEqual(new[] { 1 }, deal.RevisionVersionsOf(solution));
    }

    [TestMethod]
    public void AContentChangeWithoutAChangeSummaryIsRefused()
    {
        var deal = DealWorld.Create("Contoso ERP rollout");
        var (manager, solution) = deal.WithManagerAndSolution();
        var edit = DealSolutions.Edit(solution, basedOn: 1, summary: null);
        edit[Solution.Scope] = "Adds the warehouse.";

        var refusal = Refusal.Of(() => deal.As(manager).Update(edit));

        Assert.AreEqual(string.Format(UserMessages.DealSolutionNeedsChangeSummary, "Contoso ERP rollout – v1"), refusal.Message);
        Assert.AreEqual(1, deal.VersionOf(solution));
        Assert.IsFalse(deal.Read(solution).Contains(Solution.Scope));
    }

    [TestMethod]
    public void AContentChangeThatDoesNotSayWhereItStartedIsRefused()
    {
        var deal = DealWorld.Create("Contoso ERP rollout");
        var (manager, solution) = deal.WithManagerAndSolution();
        var edit = DealSolutions.Edit(solution, basedOn: null, summary: "Adds the warehouse.");
        edit[Solution.Scope] = "Adds the warehouse.";

        var refusal = Refusal.Of(() => deal.As(manager).Update(edit));

        Assert.AreEqual(string.Format(UserMessages.DealSolutionNeedsBaseVersion, "Contoso ERP rollout – v1", 1), refusal.Message);
        Assert.AreEqual(1, deal.VersionOf(solution));
    }

    [TestMethod]
    public void TwoEditorsFromTheSameVersionOneWinsTheOtherIsToldWhoChangedItToWhichVersion()
    {
        var deal = DealWorld.Create("Contoso ERP rollout");
        var (manager, solution) = deal.WithManagerAndSolution();
        // Both opened version 1.

        deal.ChangeAmount(deal.Rep, solution, basedOn: 1, 90_000m, "Discount for a reference visit.");
        var refusal = Refusal.Of(() => deal.ChangeAmount(manager, solution, basedOn: 1, 130_000m, "Adds premium support."));

        Assert.AreEqual(string.Format(UserMessages.DealSolutionChangeConflict, "Contoso ERP rollout – v2", 1, "Rita Rep", 2), refusal.Message);
        Assert.AreEqual(90_000m, deal.Read(solution).GetAttributeValue<Money>(Solution.Amount).Value, "the winner's change stands");
        CollectionAssert.AreEqual(new[] { 1, 2 }, deal.RevisionVersionsOf(solution));

        // The loser reloads (version 2) and makes the change again: the history stays contiguous.
        deal.ChangeAmount(manager, solution, basedOn: 2, 120_000m, "Adds premium support on top of the discount.");
        CollectionAssert.AreEqual(new[] { 1, 2, 3 }, deal.RevisionVersionsOf(solution));
    }

    [TestMethod]
    public void ConcurrentEditorsFromTheSameVersionLeaveOneWinnerAndAContiguousHistory()
    {
        var deal = DealWorld.Create();
        var solution = deal.CreateDealSolution(deal.Rep);
        var editors = Enumerable.Range(1, 6).Select(i => deal.NewTeamMember("Editor " + i, TeamRole.Other)).ToList();

        var outcomes = editors.Select((editor, i) => System.Threading.Tasks.Task.Run(() =>
        {
            try
            {
                deal.ChangeAmount(editor, solution, basedOn: 1, 100_000m + i + 1, "Editor " + (i + 1) + "'s price.");
                return true;
            }
            catch (System.ServiceModel.FaultException<OrganizationServiceFault>)
            {
                return false;
            }
        })).ToArray();
        System.Threading.Tasks.Task.WaitAll(outcomes);

        Assert.AreEqual(1, outcomes.Count(o => o.Result), "exactly one editor wins");
        Assert.AreEqual(2, deal.VersionOf(solution));
        CollectionAssert.AreEqual(new[] { 1, 2 }, deal.RevisionVersionsOf(solution));
        var winner = editors[outcomes.Select((o, i) => (o.Result, i)).Single(x => x.Result).i];
        Assert.AreEqual(winner.Id, deal.RevisionsOf(solution).Last().GetAttributeValue<EntityReference>(Revision.ChangedBy).Id);
    }

    [TestMethod]
    public void AnEditorMayUseTheRowVersionInsteadOfBasedOnVersion()
    {
        var deal = DealWorld.Create("Contoso ERP rollout");
        var (manager, solution) = deal.WithManagerAndSolution();
        var opened = deal.As(manager).Retrieve(Solution.LogicalName, solution.Id, new ColumnSet(Solution.Amount));

        var edit = DealSolutions.Edit(solution, basedOn: null, summary: "Price for a three-year term.");
        edit[Solution.Amount] = new Money(150_000m);
        edit.RowVersion = opened.RowVersion;
        deal.As(manager).Execute(new UpdateRequest { Target = edit, ConcurrencyBehavior = ConcurrencyBehavior.IfRowVersionMatches });

        Assert.AreEqual(2, deal.VersionOf(solution));
        CollectionAssert.AreEqual(new[] { 1, 2 }, deal.RevisionVersionsOf(solution));
    }

    [TestMethod]
    public void AStaleRowVersionIsRefusedAsAConflictNamingWhoChangedIt()
    {
        var deal = DealWorld.Create("Contoso ERP rollout");
        var (manager, solution) = deal.WithManagerAndSolution();
        var opened = deal.As(manager).Retrieve(Solution.LogicalName, solution.Id, new ColumnSet(Solution.Amount));
        deal.ChangeAmount(deal.Rep, solution, basedOn: 1, 90_000m, "Discount for a reference visit.");

        var edit = DealSolutions.Edit(solution, basedOn: null, summary: "Price for a three-year term.");
        edit[Solution.Amount] = new Money(150_000m);
        edit.RowVersion = opened.RowVersion;
        var refusal = Refusal.Of(() => deal.As(manager).Execute(new UpdateRequest { Target = edit, ConcurrencyBehavior = ConcurrencyBehavior.IfRowVersionMatches }));

        Assert.AreEqual(string.Format(UserMessages.DealSolutionRowVersionConflict, "Contoso ERP rollout – v2", "Rita Rep", 2), refusal.Message);
        Assert.AreEqual(90_000m, deal.Read(solution).GetAttributeValue<Money>(Solution.Amount).Value);
        CollectionAssert.AreEqual(new[] { 1, 2 }, deal.RevisionVersionsOf(solution));
    }

    [TestMethod]
    public void AStartingVersionAheadOfTheCurrentOneIsRefused()
    {
        var deal = DealWorld.Create("Contoso ERP rollout");
        var (manager, solution) = deal.WithManagerAndSolution();

        var refusal = Refusal.Of(() => deal.ChangeAmount(manager, solution, basedOn: 4, 1m, "Typo."));

        Assert.AreEqual(string.Format(UserMessages.DealSolutionBasedOnUnknownVersion, "Contoso ERP rollout – v1", 4, 1), refusal.Message);
    }

    [TestMethod]
    public void AStatusChangeFromAnOldVersionIsAConflictToo()
    {
        var deal = DealWorld.Create();
        var (manager, solution) = deal.WithManagerAndSolution();
        deal.ChangeAmount(deal.Rep, solution, basedOn: 1, 90_000m, "Discount.");

        var accept = DealSolutions.Edit(solution, basedOn: 1, summary: null);
        accept[Solution.SolutionStatus] = new OptionSetValue(DealSolutionStatus.Accepted);
        var refusal = Refusal.Of(() => deal.As(manager).Update(accept));

        Assert.AreEqual(ErrorCodes.IsvAborted, refusal.ErrorCode);
        StringAssert.Contains(refusal.Message, "has since changed it to version 2");
        Assert.AreEqual(DealSolutionStatus.Draft, deal.StatusOf(solution), "no one accepts a version they have not seen");
    }

    [TestMethod]
    public void TheVersionAndTheNameAreKeptByTeamSelling()
    {
        var deal = DealWorld.Create("Contoso ERP rollout");
        var solution = deal.CreateDealSolution(deal.Rep);

        var setVersion = DealSolutions.Edit(solution, basedOn: 1, summary: null);
        setVersion[Solution.Version] = 9;
        var refusal = Refusal.Of(() => deal.As(deal.Rep).Update(setVersion));
        Assert.AreEqual(string.Format(UserMessages.DealSolutionVersionIsKept, "Contoso ERP rollout – v1", 1, 9), refusal.Message);

        var rename = DealSolutions.Edit(solution, basedOn: 1, summary: null);
        rename[Solution.Name] = "My own name";
        deal.As(deal.Rep).Update(rename);
        Assert.AreEqual("Contoso ERP rollout – v1", deal.Read(solution).GetAttributeValue<string>(Solution.Name));
        Assert.AreEqual(1, deal.VersionOf(solution));
    }

    [TestMethod]
    public void TheSolutionCannotMoveToAnotherOpportunity()
    {
        var deal = DealWorld.Create("Contoso ERP rollout");
        var solution = deal.CreateDealSolution(deal.Rep);
        var other = deal.Crm.Arrange(new Entity("opportunity") { ["name"] = "Contoso CRM", ["ownerid"] = deal.Rep, ["customerid"] = deal.Account });

        var move = DealSolutions.Edit(solution, basedOn: 1, summary: null);
        move[Solution.OpportunityId] = other;
        var refusal = Refusal.Of(() => deal.As(deal.Rep).Update(move));

        Assert.AreEqual(string.Format(UserMessages.DealSolutionOpportunityIsFixed, "Contoso ERP rollout – v1"), refusal.Message);
        Assert.AreEqual(deal.Opportunity.Id, deal.Read(solution).GetAttributeValue<EntityReference>(Solution.OpportunityId).Id);
    }

    [TestMethod]
    public void AUserOffTheTeamCannotChangeItEvenWithAccess()
    {
        var deal = DealWorld.Create("Contoso ERP rollout");
        var solution = deal.CreateDealSolution(deal.Rep);
        // The manager role reaches every deal solution in the unit: the platform lets them write, the rule does not.
        var outsider = deal.NewManager("Oscar Outsider");

        var refusal = Refusal.Of(() => deal.ChangeAmount(outsider, solution, basedOn: 1, 1m, "Oops."));

        Assert.AreEqual(string.Format(UserMessages.NotOnDealTeamToChangeSolution, "Contoso ERP rollout – v1"), refusal.Message);
        Assert.AreEqual(1, deal.VersionOf(solution));
    }

    [TestMethod]
    public void AFormerMemberCannotChangeIt()
    {
        var deal = DealWorld.Create("Contoso ERP rollout");
        var solution = deal.CreateDealSolution(deal.Rep);
        var leaver = deal.NewManager("Lea Leaver");
        var membership = deal.AddTeamMember(leaver, TeamRole.Presales, Level.Manager);
        deal.ChangeAmount(leaver, solution, basedOn: 1, 105_000m, "While still on the team.");

        deal.DeactivateTeamMember(membership);
        var refusal = Refusal.Of(() => deal.ChangeAmount(leaver, solution, basedOn: 2, 1m, "After leaving."));

        Assert.AreEqual(string.Format(UserMessages.NotOnDealTeamToChangeSolution, "Contoso ERP rollout – v2"), refusal.Message);
        Assert.AreEqual(2, deal.VersionOf(solution));
    }

    [TestMethod]
    public void AnOwnerChangeAloneIsNotADealSolutionEdit()
    {
        var deal = DealWorld.Create();
        var solution = deal.CreateDealSolution(deal.Rep);
        var newOwner = deal.NewTeamMember("Nina Newowner", TeamRole.AccountExecutive);

        // Assigning touches none of the step's filtering attributes: no version, no membership check of the assigner.
        deal.Crm.System.Update(new Entity(Solution.LogicalName, solution.Id) { [Solution.OwnerId] = newOwner });

        Assert.AreEqual(newOwner.Id, deal.Read(solution).GetAttributeValue<EntityReference>(Solution.OwnerId).Id);
        Assert.AreEqual(1, deal.VersionOf(solution));
    }
}
