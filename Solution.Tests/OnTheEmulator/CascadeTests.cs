using System.Linq;
using CrmTeamSelling.Emulator.Faults;
using CrmTeamSelling.Plugins.Model;
using CrmTeamSelling.Solution.Tests.Support;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using static CrmTeamSelling.Plugins.Model.LogicalNames;

namespace CrmTeamSelling.Solution.Tests.OnTheEmulator;

/// <summary>
/// The parental relationships to opportunity at work: the deal's rows follow the opportunity when it is
/// deleted, shared, unshared or assigned, and the other relationships delete or let go as designed.
/// </summary>
[TestClass]
public sealed class CascadeTests
{
    private static readonly string[] DealTables = ExpectedModel.AllTables.Select(t => t.LogicalName).ToArray();

    [TestMethod]
    public void Deleting_the_opportunity_deletes_every_row_of_its_deal_and_no_other()
    {
        var org = TeamSellingOrg.Create();
        var doomed = org.AddDeal(org.Opportunity);
        var kept = org.AddDeal(org.NewOpportunity("Contoso CRM upgrade"));

        org.Crm.System.Delete(Opportunity.LogicalName, doomed.Opportunity.Id);

        foreach (var table in DealTables)
        {
            // By id: a row merely let go (RemoveLink) would no longer name the opportunity but still exist.
            Assert.IsNull(org.Crm.Find(table, doomed[table].Id), $"The {table} row of the deleted opportunity is left behind.");
            Assert.IsEmpty(org.RowsOf(table, doomed.Opportunity), $"{table} rows of the deleted opportunity are left behind.");
            Assert.IsNotNull(org.Crm.Find(table, kept[table].Id), $"Deleting one opportunity deleted a {table} row of another.");
        }
    }

    [TestMethod]
    public void Sharing_the_opportunity_lets_a_colleague_read_every_row_of_the_deal_and_unsharing_takes_it_back()
    {
        var org = TeamSellingOrg.Create();
        var deal = org.AddDeal(org.Opportunity);
        var colleague = org.Crm.As(org.Colleague);
        foreach (var table in DealTables)
        {
            var denied = TeamSellingOrg.Refused(() => colleague.Retrieve(table, deal[table].Id, new ColumnSet(true)));
            Assert.AreEqual(ErrorCodes.AccessCheckFailed, denied.ErrorCode, $"Before the share, a colleague must not read the {table} row: {denied.Message}");
        }

        org.ShareAsDealTeamMember(deal.Opportunity, org.Colleague);

        foreach (var table in DealTables)
        {
            Assert.AreEqual(deal[table].Id, colleague.Retrieve(table, deal[table].Id, new ColumnSet(true)).Id, $"The share of the opportunity does not reach the {table} row.");
            var visible = colleague.RetrieveMultiple(new QueryExpression(table) { ColumnSet = new ColumnSet(false) }).Entities.Select(e => e.Id).ToList();
            CollectionAssert.AreEquivalent(org.RowsOf(table, deal.Opportunity).Select(r => r.Id).ToList(), visible, $"A colleague's query of {table} must return exactly the deal's rows.");
        }

        org.Crm.System.Execute(new RevokeAccessRequest { Target = deal.Opportunity, Revokee = org.Colleague });

        foreach (var table in DealTables)
        {
            Assert.AreEqual(ErrorCodes.AccessCheckFailed, TeamSellingOrg.Refused(() => colleague.Retrieve(table, deal[table].Id, new ColumnSet(false))).ErrorCode,
                $"After the share is taken back, the colleague still reads the {table} row.");
        }
    }

    [TestMethod]
    public void Assigning_the_opportunity_gives_every_row_of_its_deal_to_the_new_owner()
    {
        var org = TeamSellingOrg.Create();
        var deal = org.AddDeal(org.Opportunity);
        var untouched = org.AddDeal(org.NewOpportunity("Contoso CRM upgrade"));

        // The manager hands the deal to a colleague (Assign on opportunity at Deep depth).
        org.Crm.As(org.Manager).Update(new Entity(Opportunity.LogicalName, deal.Opportunity.Id) { [Opportunity.OwnerId] = org.Colleague });

        foreach (var table in DealTables)
        {
            foreach (var row in org.RowsOf(table, deal.Opportunity))
            {
                Assert.AreEqual(org.Colleague.Id, row.GetAttributeValue<EntityReference>(DealTeamMember.OwnerId).Id, $"A {table} row of the assigned opportunity kept its old owner.");
            }

            Assert.IsTrue(org.RowsOf(table, untouched.Opportunity).All(r => r.GetAttributeValue<EntityReference>(DealTeamMember.OwnerId).Id != org.Colleague.Id),
                $"Assigning one opportunity changed the owner of a {table} row of another.");
        }
    }

    [TestMethod]
    public void The_opportunitys_owner_reads_the_rows_colleagues_add_to_the_deal()
    {
        var org = TeamSellingOrg.Create();
        org.ShareAsDealTeamMember(org.Opportunity, org.Colleague);

        // The colleague owns what they create; the rep reaches it as owner of the parent (Reparent cascade).
        var added = org.Crm.As(org.Colleague).Create(new Entity(Stakeholder.LogicalName)
        {
            [Stakeholder.OpportunityId] = org.Opportunity,
            [Stakeholder.ContactId] = org.Contacts[2],
            [Stakeholder.Stance] = new OptionSetValue(Stance.Skeptic),
        });

        Assert.AreEqual(Stance.Skeptic, org.Crm.As(org.Rep).Retrieve(Stakeholder.LogicalName, added, new ColumnSet(Stakeholder.Stance)).GetAttributeValue<OptionSetValue>(Stakeholder.Stance).Value);
        Assert.AreEqual(ErrorCodes.AccessCheckFailed, TeamSellingOrg.Refused(() => org.Crm.As(org.Outsider).Retrieve(Stakeholder.LogicalName, added, new ColumnSet(false))).ErrorCode);
    }

    [TestMethod]
    public void Deleting_a_member_or_a_stakeholder_lets_go_of_everything_that_points_to_them()
    {
        // Without plugins: the pairing's only parental relationship is the opportunity's, so deleting one of
        // its people clears the link (the plugins then delete the pairing: Plugins.Tests PairingCleanupTests).
        var org = TeamSellingOrg.Create();
        var deal = org.AddDeal(org.Opportunity);
        var champion = deal[Stakeholder.LogicalName];
        var action = deal[Task.LogicalName];

        org.Crm.System.Delete(champion.LogicalName, champion.Id);

        Assert.IsNull(org.Crm.Get(Counterpart.LogicalName, deal[Counterpart.LogicalName].Id).GetAttributeValue<EntityReference>(Counterpart.StakeholderId), "A pairing still points to a deleted stakeholder.");
        Assert.IsNull(org.Crm.Get(Stakeholder.LogicalName, deal.Unpaired.Id).GetAttributeValue<EntityReference>(Stakeholder.ReportsToId), "A stakeholder still reports to a deleted one.");
        Assert.IsNull(org.Crm.Get(action).GetAttributeValue<EntityReference>(Task.StakeholderId), "An action still targets a deleted stakeholder.");

        var member = deal[DealTeamMember.LogicalName];
        org.Crm.System.Delete(member.LogicalName, member.Id);
        Assert.IsEmpty(org.Crm.All(Counterpart.LogicalName, p => p.GetAttributeValue<EntityReference>(Counterpart.DealTeamMemberId)?.Id == member.Id), "A pairing still points to a deleted member.");
    }

    [TestMethod]
    public void Deleting_the_deal_solution_keeps_its_history_and_deleting_a_review_keeps_its_actions()
    {
        var org = TeamSellingOrg.Create();
        var deal = org.AddDeal(org.Opportunity);
        var solution = deal[DealSolution.LogicalName];
        var review = deal[DealReview.LogicalName];
        var previous = org.Crm.Get(review).GetAttributeValue<EntityReference>(DealReview.PreviousReviewId);

        org.Crm.System.Delete(solution.LogicalName, solution.Id);
        org.Crm.System.Delete(review.LogicalName, review.Id);
        org.Crm.System.Delete(previous.LogicalName, previous.Id);

        var revision = org.Crm.Get(DealSolutionRevision.LogicalName, deal[DealSolutionRevision.LogicalName].Id);
        Assert.IsNull(revision.GetAttributeValue<EntityReference>(DealSolutionRevision.DealSolutionId), "A revision still points to the deleted deal solution.");
        Assert.AreEqual(deal.Opportunity.Id, revision.GetAttributeValue<EntityReference>(DealSolutionRevision.OpportunityId).Id, "The history stays with the opportunity.");
        Assert.IsNull(org.Crm.Get(SolutionAcknowledgement.LogicalName, deal[SolutionAcknowledgement.LogicalName].Id).GetAttributeValue<EntityReference>(SolutionAcknowledgement.DealSolutionId), "An acknowledgement still points to the deleted deal solution.");
        var action = org.Crm.Get(deal[Task.LogicalName]);
        Assert.IsNull(action.GetAttributeValue<EntityReference>(Task.DealReviewId), "The action still points to the deleted review.");
        Assert.IsNull(action.GetAttributeValue<EntityReference>(Task.CarriedForwardFromId), "The action still points to the deleted earlier review.");
    }

    [TestMethod]
    public void A_member_reads_but_never_writes_the_solutions_history_or_who_has_read_it()
    {
        var org = TeamSellingOrg.Create();
        var deal = org.AddDeal(org.Opportunity);
        var revision = deal.RowOf(DealSolutionRevision.LogicalName);
        var rep = org.Crm.As(org.Rep);

        Assert.AreEqual(1, rep.Retrieve(revision.LogicalName, revision.Id, new ColumnSet(DealSolutionRevision.Version)).GetAttributeValue<int>(DealSolutionRevision.Version));
        Assert.AreEqual(ErrorCodes.PrivilegeDenied, TeamSellingOrg.Refused(() => rep.Update(new Entity(revision.LogicalName, revision.Id) { [DealSolutionRevision.ChangeSummary] = "Rewritten" })).ErrorCode);
        Assert.AreEqual(ErrorCodes.PrivilegeDenied, TeamSellingOrg.Refused(() => rep.Delete(revision.LogicalName, revision.Id)).ErrorCode);
        var forged = new Entity(DealSolutionRevision.LogicalName)
        {
            [DealSolutionRevision.OpportunityId] = deal.Opportunity,
            [DealSolutionRevision.DealSolutionId] = deal[DealSolution.LogicalName],
            [DealSolutionRevision.Version] = 7,
        };
        Assert.AreEqual(ErrorCodes.PrivilegeDenied, TeamSellingOrg.Refused(() => rep.Create(forged)).ErrorCode);
        Assert.AreEqual(ErrorCodes.PrivilegeDenied, TeamSellingOrg.Refused(() => org.Crm.As(org.Manager).Update(new Entity(revision.LogicalName, revision.Id) { [DealSolutionRevision.ChangeSummary] = "Rewritten" })).ErrorCode,
            "Not even a manager rewrites a revision.");

        // Nor does anyone record by hand that a colleague has read the solution.
        var acknowledgement = deal.RowOf(SolutionAcknowledgement.LogicalName);
        var forgedRead = new Entity(SolutionAcknowledgement.LogicalName)
        {
            [SolutionAcknowledgement.OpportunityId] = deal.Opportunity,
            [SolutionAcknowledgement.DealSolutionId] = deal[DealSolution.LogicalName],
            [SolutionAcknowledgement.UserId] = org.Colleague,
            [SolutionAcknowledgement.AcknowledgedVersion] = 1,
        };
        Assert.AreEqual(ErrorCodes.PrivilegeDenied, TeamSellingOrg.Refused(() => rep.Create(forgedRead)).ErrorCode);
        Assert.AreEqual(ErrorCodes.PrivilegeDenied, TeamSellingOrg.Refused(() => rep.Update(new Entity(acknowledgement.LogicalName, acknowledgement.Id) { [SolutionAcknowledgement.AcknowledgedVersion] = 2 })).ErrorCode);
        Assert.AreEqual(1, rep.Retrieve(acknowledgement.LogicalName, acknowledgement.Id, new ColumnSet(SolutionAcknowledgement.AcknowledgedVersion)).GetAttributeValue<int>(SolutionAcknowledgement.AcknowledgedVersion));
    }
}
