using System;
using System.Linq;
using System.Text.Json;
using CrmTeamSelling.Plugins.Model;
using CrmTeamSelling.Plugins.Tests.Stakeholder;
using CrmTeamSelling.Plugins.Tests.TestSupport;
using Microsoft.Xrm.Sdk;

namespace CrmTeamSelling.Plugins.Tests.Coverage;

/// <summary>tsell_GetDealCoverage on the emulator: what the team does not yet know or cover, and how ready it is.</summary>
[TestClass]
public sealed class DealCoverageTests
{
    /// <summary>
    /// Given Contoso's buying organisation: ten stakeholders over four levels and three departments
    /// (Finance, Operations, IT), four of us on the team, five pairings, the solution at version 3,
    /// two open review actions.
    /// </summary>
    private sealed class RealisticDeal
    {
        public RealisticDeal()
        {
            World = new CoverageWorld();
            var deal = World.Deal;
            var mona = deal.NewUser("Mona Manager");
            var gus = deal.NewUser("Gus General");
            var pia = deal.NewUser("Pia Presales");
            Rita = deal.Rep;
            var ritaOnTeam = deal.AddTeamMember(Rita, TeamRole.AccountExecutive, Level.Staff, "Sales");
            var monaOnTeam = deal.AddTeamMember(mona, TeamRole.SalesManager, Level.Manager, "Sales");
            var gusOnTeam = deal.AddTeamMember(gus, TeamRole.ExecutiveSponsor, Level.Executive, "Management");
            var piaOnTeam = deal.AddTeamMember(pia, TeamRole.Presales, Level.Staff, "Presales");

            Erik = deal.AddStakeholder(deal.Contacts[2], BuyingRole.EconomicBuyer, Level.Executive, Stance.Supporter, "Finance");
            Olivia = deal.AddPerson("Olivia Owens", BuyingRole.DecisionMaker, Level.Executive, Stance.Neutral, "Operations", "COO");
            Frank = deal.AddPerson("Frank Fisher", BuyingRole.Approver, Level.Director, Stance.Skeptic, "Finance", "Finance Director", reportsTo: Erik);
            Ivan = deal.AddPerson("Ivan Ito", BuyingRole.TechnicalEvaluator, Level.Director, Stance.Champion, "IT", "IT Director", reportsTo: Olivia);
            Dana = deal.AddStakeholder(deal.Contacts[1], BuyingRole.Influencer, Level.Manager, Stance.Unknown, "Operations", reportsTo: Olivia);
            deal.AddPerson("Mia Moore", BuyingRole.TechnicalEvaluator, Level.Manager, Stance.Supporter, "IT", "IT Manager", reportsTo: Ivan);
            Bruno = deal.AddStakeholder(deal.Contacts[0], BuyingRole.Gatekeeper, Level.Staff, Stance.Neutral, "Finance", reportsTo: Frank);
            Sara = deal.AddPerson("Sara Stone", null, Level.Staff, Stance.Unknown, "Operations", "Analyst", Dana, Influence.Low);
            Tom = deal.AddPerson("Tom Tech", BuyingRole.User, null, Stance.Supporter, "IT", "Engineer");
            deal.AddPerson("Carla Coach", BuyingRole.Coach, Level.Staff, Stance.Champion, "Operations", "Operations Coordinator", reportsTo: Dana);

            World.DaysAgo(60, () => deal.Pair(gusOnTeam, Erik, lastContact: CoverageWorld.Today.AddDays(-5)));
            MonaFrank = World.DaysAgo(60, () => deal.Pair(monaOnTeam, Frank, lastContact: CoverageWorld.Today.AddDays(-40)));
            RitaIvan = World.DaysAgo(60, () => deal.Pair(ritaOnTeam, Ivan, lastContact: CoverageWorld.Today.AddDays(-2)));
            PiaBruno = World.DaysAgo(60, () => deal.Pair(piaOnTeam, Bruno, lastContact: CoverageWorld.Today.AddDays(-31)));
            World.DaysAgo(60, () => deal.Pair(piaOnTeam, Tom, lastContact: CoverageWorld.Today.AddDays(-30)));

            World.ArrangeSolution(3, (Rita, 3), (mona, 2), (pia, 3));
            MonaOnTeam = monaOnTeam;
            GusOnTeam = gusOnTeam;

            var review = World.ArrangeDealReview();
            RoiModel = World.ArrangeAction("Send the ROI model to Erik", CoverageWorld.Today.AddDays(-3), review, Erik);
            World.ArrangeAction("Book the integration workshop with IT", CoverageWorld.Today.AddDays(5), review);
            World.ArrangeAction("Draft the MSA", CoverageWorld.Today.AddDays(-10), review, completed: true);
            World.ArrangeAction("Call Bruno about the tender", CoverageWorld.Today.AddDays(-8), review: null);
        }

        public CoverageWorld World { get; }

        public EntityReference Rita { get; }

        public EntityReference Erik { get; }

        public EntityReference Olivia { get; }

        public EntityReference Frank { get; }

        public EntityReference Ivan { get; }

        public EntityReference Dana { get; }

        public EntityReference Bruno { get; }

        public EntityReference Sara { get; }

        public EntityReference Tom { get; }

        public EntityReference MonaFrank { get; }

        public EntityReference RitaIvan { get; }

        public EntityReference PiaBruno { get; }

        public EntityReference MonaOnTeam { get; }

        public EntityReference GusOnTeam { get; }

        public EntityReference RoiModel { get; }
    }

    [TestMethod]
    public void ARealisticDealHasExactlyTheGapsItsTeamLeftOpenAndScores69()
    {
        var deal = new RealisticDeal();

        var coverage = deal.World.GetCoverage(deal.Rita);

        var gaps = coverage.Gaps.EnumerateArray()
            .Select(g => $"{g.GetProperty("severity").GetString()} {g.GetProperty("kind").GetString()} {g.GetProperty("recordName").GetString()}")
            .ToArray();
        CollectionAssert.AreEqual(new[]
        {
            "error KeyStakeholderWithoutCounterpart Olivia Owens",
            "error OverdueAction Send the ROI model to Erik",
            "warning UnknownStance Dana Head",
            "warning UnknownLevel Tom Tech",
            "warning LevelGap Rita Rep ↔ Ivan Ito",
            "warning StaleRelationship Mona Manager ↔ Frank Fisher",
            "warning StaleRelationship Pia Presales ↔ Bruno Buyer",
            "warning UnacknowledgedSolution Gus General",
            "warning UnacknowledgedSolution Mona Manager",
            "info UnknownStance Sara Stone",
            "info UnknownBuyingRole Sara Stone",
        }, gaps, string.Join(Environment.NewLine, gaps));

        // 30·2/3 (keys) + 25·26/30 (profiled) + 15·3/5 (fresh) + 10·4/5 (parity) + 10·2/4 (aligned) + 10·1/2 (on time) = 68.67
        Assert.AreEqual(69, coverage.ReadinessScore);
        Assert.AreEqual(69, coverage.Document.GetProperty("readinessScore").GetInt32());
        var counts = coverage.Document.GetProperty("counts");
        Assert.AreEqual(10, counts.GetProperty("stakeholders").GetInt32());
        Assert.AreEqual(3, counts.GetProperty("keyStakeholders").GetInt32());
        Assert.AreEqual(4, counts.GetProperty("teamMembers").GetInt32());
        Assert.AreEqual(11, counts.GetProperty("gaps").GetInt32());
        Assert.AreEqual(3, coverage.Document.GetProperty("solutionVersion").GetInt32());
        Assert.AreEqual(deal.World.Deal.Opportunity.Id, coverage.Document.GetProperty("opportunityId").GetGuid());
        Assert.AreEqual("2026-11-28T10:00:00Z", coverage.Document.GetProperty("generatedOn").GetString());
    }

    [TestMethod]
    public void EachGapPointsAtItsRecordAndTheStakeholderItConcerns()
    {
        var deal = new RealisticDeal();

        var gaps = deal.World.GetCoverage(deal.Rita).Gaps.EnumerateArray().ToList();

        AssertGap(gaps[0], "tsell_stakeholder", deal.Olivia, deal.Olivia, "Olivia Owens (Decision Maker) has no counterpart on our team. Pair them with a team member of matching rank.");
        AssertGap(gaps[1], "task", deal.RoiModel, deal.Erik, "Send the ROI model to Erik was due on 2026-11-25 and is still open. Complete it, or agree a new date at the next deal review.");
        AssertGap(gaps[2], "tsell_stakeholder", deal.Dana, deal.Dana, "Dana Head: we do not know where they stand on our offer. Find out, and set their stance.");
        AssertGap(gaps[4], "tsell_counterpart", deal.RitaIvan, deal.Ivan, "Rita Rep (Staff) is paired with Ivan Ito (Director): 2 levels apart. Pair Ivan Ito with someone closer in rank.");
        AssertGap(gaps[5], "tsell_counterpart", deal.MonaFrank, deal.Frank, "Mona Manager ↔ Frank Fisher: no contact for 40 days (last on 2026-10-19). Get in touch, and record the last contact.");
        AssertGap(gaps[6], "tsell_counterpart", deal.PiaBruno, deal.Bruno, "Pia Presales ↔ Bruno Buyer: no contact for 31 days (last on 2026-10-28). Get in touch, and record the last contact.");
        AssertGap(gaps[7], "tsell_dealteammember", deal.GusOnTeam, null, "Gus General has not read the deal solution (now at version 3). Ask them to open it and acknowledge it.");
        AssertGap(gaps[8], "tsell_dealteammember", deal.MonaOnTeam, null, "Mona Manager has not read version 3 of the deal solution (last read: version 2). Ask them to open it and acknowledge it.");
        AssertGap(gaps[10], "tsell_stakeholder", deal.Sara, deal.Sara, "Sara Stone: their part in the buying decision is unknown. Find out, and set their buying role.");
    }

    [TestMethod]
    public void TheJsonHasExactlyTheContractsProperties()
    {
        var deal = new RealisticDeal();

        var coverage = deal.World.GetCoverage(deal.Rita).Document;

        CollectionAssert.AreEqual(new[] { "opportunityId", "generatedOn", "solutionVersion", "readinessScore", "counts", "gaps" },
            coverage.EnumerateObject().Select(p => p.Name).ToArray());
        CollectionAssert.AreEqual(new[] { "stakeholders", "keyStakeholders", "teamMembers", "gaps" },
            coverage.GetProperty("counts").EnumerateObject().Select(p => p.Name).ToArray());
        foreach (var gap in coverage.GetProperty("gaps").EnumerateArray())
        {
            CollectionAssert.AreEqual(new[] { "kind", "severity", "recordType", "recordId", "recordName", "stakeholderId", "message" },
                gap.EnumerateObject().Select(p => p.Name).ToArray());
        }
    }

    [TestMethod]
    public void WithParityOffLevelGapsAreNotReportedAndParityCountsInFull()
    {
        var deal = new RealisticDeal();
        deal.World.Deal.SetLevelParityMode(LevelParityModes.Off);

        var coverage = deal.World.GetCoverage(deal.Rita);

        Assert.IsFalse(coverage.Gaps.EnumerateArray().Any(g => g.GetProperty("kind").GetString() == "LevelGap"));
        Assert.AreEqual(71, coverage.ReadinessScore, "68.67 + 10·(1 − 4/5)");
    }

    [TestMethod]
    public void ADealWithoutStakeholdersOrSolutionScoresZeroAndSaysSo()
    {
        var world = new CoverageWorld();

        var coverage = world.GetCoverage(world.Deal.Rep);

        Assert.AreEqual(0, coverage.ReadinessScore);
        Assert.AreEqual(JsonValueKind.Null, coverage.Document.GetProperty("solutionVersion").ValueKind);
        Assert.AreEqual(0, coverage.Gaps.GetArrayLength());
    }

    [TestMethod]
    public void AColleagueOffTheTeamCannotReadTheDealsCoverage()
    {
        var deal = new RealisticDeal();
        var outsider = deal.World.Deal.NewUser("Otto Outsider");

        var fault = Refusal.Of(() => deal.World.GetCoverage(outsider));

        StringAssert.Contains(fault.Message, "SecLib::AccessCheckEx failed");
    }

    [TestMethod]
    public void ATeamMemberSeesTheSameCoverageAsTheOwner()
    {
        var deal = new RealisticDeal();
        var mona = deal.World.Crm.Get(deal.MonaOnTeam).GetAttributeValue<EntityReference>(LogicalNames.DealTeamMember.UserId);

        var byOwner = deal.World.GetCoverage(deal.Rita);
        var byMember = deal.World.GetCoverage(mona);

        Assert.AreEqual(byOwner.Json, byMember.Json, "the share cascades to every record coverage reads");
    }

    [TestMethod]
    public void CoverageCostsTheSameNumberOfQueriesFor10And100Stakeholders()
    {
        var small = CallsFor(10);
        var large = CallsFor(100);

        Assert.AreEqual(8, small, "opportunity, two settings, stakeholders, members, pairings, solution with acknowledgements, actions");
        Assert.AreEqual(small, large);
    }

    [TestMethod]
    public void NamesAreEscapedSoTheJsonParsesBackToTheSameTextAndCarriesNoMarkup()
    {
        var world = new CoverageWorld();
        const string nasty = "Zoë \"Z\" O'Neil \\ <img src=x onerror=alert(1)> & Co\n\t\u0001\u2028";
        var contact = world.Crm.Arrange(new Entity(LogicalNames.Contact.LogicalName)
        {
            ["firstname"] = "Zoë",
            ["lastname"] = "Other",
            [LogicalNames.Contact.FullName] = nasty,
            ["ownerid"] = world.Deal.Rep,
        });
        world.Deal.AddStakeholder(contact, BuyingRole.DecisionMaker, Level.Executive, Stance.Unknown);

        var coverage = world.GetCoverage(world.Deal.Rep);

        var names = coverage.Gaps.EnumerateArray().Select(g => g.GetProperty("recordName").GetString()).Distinct().ToList();
        CollectionAssert.AreEqual(new[] { nasty }, names);
        StringAssert.StartsWith(coverage.Gaps[0].GetProperty("message").GetString(), nasty);
        foreach (var forbidden in new[] { "<", ">", "&", "'", "\n", "\t", "\u0001", "\u2028" })
        {
            Assert.IsFalse(coverage.Json.Contains(forbidden, StringComparison.Ordinal), $"the JSON text must carry {JsonSerializer.Serialize(forbidden)} only escaped");
        }
    }

    private static int CallsFor(int stakeholders)
    {
        var world = new CoverageWorld();
        var deal = world.Deal;
        var member = deal.AddTeamMember(deal.Rep, TeamRole.AccountExecutive, Level.Staff);
        for (var i = 0; i < stakeholders; i++)
        {
            var stakeholder = deal.AddPerson("Person " + i, i % 5 == 0 ? BuyingRole.DecisionMaker : BuyingRole.User, Level.Staff, Stance.Neutral, "Dept " + (i % 3));
            if (i % 2 == 0)
            {
                deal.Pair(member, stakeholder);
            }
        }

        world.ArrangeSolution(2, (deal.Rep, 1));
        world.Crm.ResetStatistics();
        var coverage = world.GetCoverage(deal.Rep);
        Assert.AreEqual(stakeholders, coverage.Document.GetProperty("counts").GetProperty("stakeholders").GetInt32());
        return world.Crm.LastOperation!.ServiceCallsByPlugins;
    }

    private static void AssertGap(JsonElement gap, string recordType, EntityReference record, EntityReference? stakeholder, string message)
    {
        Assert.AreEqual(recordType, gap.GetProperty("recordType").GetString());
        Assert.AreEqual(record.Id, gap.GetProperty("recordId").GetGuid());
        if (stakeholder is null)
        {
            Assert.AreEqual(JsonValueKind.Null, gap.GetProperty("stakeholderId").ValueKind);
        }
        else
        {
            Assert.AreEqual(stakeholder.Id, gap.GetProperty("stakeholderId").GetGuid());
        }

        Assert.AreEqual(message, gap.GetProperty("message").GetString());
    }
}
