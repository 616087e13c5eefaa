using CrmTeamSelling.Plugins.Opportunity;

namespace CrmTeamSelling.Plugins.Tests.Coverage;

/// <summary>The readiness formula as the README states it.</summary>
[TestClass]
public sealed class ReadinessScoreTests
{
    [TestMethod]
    public void AFullyCoveredDealScores100()
    {
        var score = ReadinessScore.Compute(stakeholders: 8, knownFacts: 24, keyStakeholders: 3, coveredKeyStakeholders: 3,
            pairings: 5, stalePairings: 0, mismatchedPairings: 0, parityChecked: true,
            hasSolution: true, members: 4, membersWhoReadCurrentVersion: 4, openReviewActions: 2, overdueActions: 0);

        Assert.AreEqual(100, score.Value);
    }

    [TestMethod]
    public void EachMeasureWeighsAsDocumented()
    {
        var keysOnly = ReadinessScore.Compute(1, 0, 1, 1, 0, 0, 0, true, false, 0, 0, 1, 1);
        var profiledOnly = ReadinessScore.Compute(1, 3, 0, 0, 0, 0, 0, true, false, 0, 0, 1, 1);
        var freshOnly = ReadinessScore.Compute(1, 0, 0, 0, 1, 0, 1, true, false, 0, 0, 1, 1);
        var parityOnly = ReadinessScore.Compute(1, 0, 0, 0, 1, 1, 0, true, false, 0, 0, 1, 1);
        var alignedOnly = ReadinessScore.Compute(1, 0, 0, 0, 0, 0, 0, true, true, 1, 1, 1, 1);
        var onTimeOnly = ReadinessScore.Compute(1, 0, 0, 0, 0, 0, 0, true, false, 0, 0, 0, 0);

        Assert.AreEqual(30, keysOnly.Value);
        Assert.AreEqual(25, profiledOnly.Value);
        Assert.AreEqual(15, freshOnly.Value);
        Assert.AreEqual(10, parityOnly.Value);
        Assert.AreEqual(10, alignedOnly.Value);
        Assert.AreEqual(10, onTimeOnly.Value, "no open action: nothing is overdue");
    }

    [TestMethod]
    public void ADealWithoutStakeholdersScoresZeroWhateverElseIsTrue()
    {
        var score = ReadinessScore.Compute(0, 0, 0, 0, 0, 0, 0, false, true, 3, 3, 0, 0);

        Assert.AreEqual(0, score.Value);
    }

    [TestMethod]
    public void WithParityOffParityCountsInFull()
    {
        var score = ReadinessScore.Compute(1, 0, 0, 0, 2, 2, 2, parityChecked: false, false, 0, 0, 1, 1);

        Assert.AreEqual(1m, score.Parity);
        Assert.AreEqual(10, score.Value);
    }

    [TestMethod]
    public void TheSumIsRoundedHalfAwayFromZero()
    {
        // 25 · 1/2 = 12.5 → 13 (banker's rounding would give 12).
        var score = ReadinessScore.Compute(stakeholders: 2, knownFacts: 3, 0, 0, 0, 0, 0, true, false, 0, 0, 1, 1);

        Assert.AreEqual(13, score.Value);
    }

    [TestMethod]
    public void TheRealisticDealsMeasures()
    {
        var score = ReadinessScore.Compute(stakeholders: 10, knownFacts: 26, keyStakeholders: 3, coveredKeyStakeholders: 2,
            pairings: 5, stalePairings: 2, mismatchedPairings: 1, parityChecked: true,
            hasSolution: true, members: 4, membersWhoReadCurrentVersion: 2, openReviewActions: 2, overdueActions: 1);

        Assert.AreEqual(2m / 3m, score.Keys);
        Assert.AreEqual(26m / 30m, score.Profiled);
        Assert.AreEqual(0.6m, score.Fresh);
        Assert.AreEqual(0.8m, score.Parity);
        Assert.AreEqual(0.5m, score.Aligned);
        Assert.AreEqual(0.5m, score.OnTime);
        Assert.AreEqual(69, score.Value);
    }
}
