using CrmTeamSelling.Plugins.Tests.TestSupport;
using Microsoft.Xrm.Sdk;
using Solution = CrmTeamSelling.Plugins.Model.LogicalNames.DealSolution;

namespace CrmTeamSelling.Plugins.Tests.DealSolution;

/// <summary>The version bump and its revision are one: a failure after the bump leaves neither.</summary>
[TestClass]
public sealed class RollbackTests
{
    [TestMethod]
    public void AFailingLaterStepLeavesNeitherTheNewVersionNorItsRevisionNorANotification()
    {
        var deal = DealWorld.Create();
        var (manager, solution) = deal.WithManagerAndSolution();
        deal.Crm.FailEveryUpdateAfterTheRevision();

        var refusal = Refusal.Of(() => deal.ChangeAmount(manager, solution, basedOn: 1, 120_000m, "Three-year licence."));

        Assert.AreEqual(TestSteps.LaterStepFailure, refusal.Message);
        var saved = deal.Read(solution);
        Assert.AreEqual(1, saved.GetAttributeValue<int>(Solution.Version));
        Assert.AreEqual(100_000m, saved.GetAttributeValue<Money>(Solution.Amount).Value);
        CollectionAssert.AreEqual(new[] { 1 }, deal.RevisionVersionsOf(solution));
        Assert.AreEqual(0, deal.Crm.PendingAsyncJobs, "a rolled-back change queues no notification");
    }

    [TestMethod]
    public void AFailingRevisionWriteLeavesTheVersionAsItWas()
    {
        var deal = DealWorld.Create();
        var (manager, solution) = deal.WithManagerAndSolution();
        deal.Crm.FailEveryRevisionCreate();

        Refusal.Of(() => deal.ChangeAmount(manager, solution, basedOn: 1, 120_000m, "Three-year licence."));

        Assert.AreEqual(1, deal.VersionOf(solution));
        Assert.AreEqual(100_000m, deal.Read(solution).GetAttributeValue<Money>(Solution.Amount).Value);
        CollectionAssert.AreEqual(new[] { 1 }, deal.RevisionVersionsOf(solution));
    }

    [TestMethod]
    public void AFailingRevisionWriteOnCreateLeavesNoSolution()
    {
        var deal = DealWorld.Create();
        deal.Crm.FailEveryRevisionCreate();

        Refusal.Of(() => deal.CreateDealSolution(deal.Rep));

        Assert.IsEmpty(deal.Crm.All(Solution.LogicalName));
    }
}
