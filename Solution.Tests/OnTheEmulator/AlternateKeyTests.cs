using System;
using System.Linq;
using CrmTeamSelling.Emulator.Faults;
using CrmTeamSelling.Solution.Tests.Support;
using Microsoft.Xrm.Sdk;
using static CrmTeamSelling.Plugins.Model.LogicalNames;

namespace CrmTeamSelling.Solution.Tests.OnTheEmulator;

/// <summary>Each alternate key refuses a second row with the same values, as Dataverse does, and only that.</summary>
[TestClass]
public sealed class AlternateKeyTests
{
    [TestMethod]
    [DataRow(DealTeamMember.LogicalName, DealTeamMember.OpportunityUserKey, "one membership per user and opportunity")]
    [DataRow(Stakeholder.LogicalName, Stakeholder.OpportunityContactKey, "one stakeholder per contact and opportunity")]
    [DataRow(Counterpart.LogicalName, Counterpart.TeamMemberStakeholderKey, "one pairing per team member and stakeholder")]
    [DataRow(DealSolution.LogicalName, DealSolution.OpportunityKey, "one offer per opportunity")]
    [DataRow(SolutionAcknowledgement.LogicalName, SolutionAcknowledgement.DealSolutionUserKey, "one acknowledgement per user and deal solution")]
    [DataRow(DealSolutionRevision.LogicalName, DealSolutionRevision.DealSolutionVersionKey, "one revision per version")]
    public void A_second_row_with_the_same_key_values_is_refused_with_the_duplicate_key_error(string table, string key, string rule)
    {
        var org = TeamSellingOrg.Create();
        var deal = org.AddDeal(org.Opportunity);
        var twin = Copy(deal.RowOf(table));

        var fault = TeamSellingOrg.Refused(() => org.Crm.System.Create(twin));

        Assert.AreEqual(ErrorCodes.DuplicateRecordEntityKey, fault.ErrorCode, $"{rule}: expected Dataverse's DuplicateRecordEntityKey (0x80060892), got 0x{fault.ErrorCode:X8}: {fault.Message}");
        StringAssert.Contains(fault.Message, "already exists", StringComparison.Ordinal);
        var keyName = ShippedSolution.Table(table).Keys.Single(k => k.LogicalName == key);
        StringAssert.Contains(fault.Message, keyName.DisplayName ?? keyName.LogicalName, StringComparison.Ordinal, "The error names the key.");
    }

    [TestMethod]
    [DataRow(DealTeamMember.LogicalName)]
    [DataRow(Stakeholder.LogicalName)]
    [DataRow(Counterpart.LogicalName)]
    [DataRow(DealSolution.LogicalName)]
    [DataRow(SolutionAcknowledgement.LogicalName)]
    [DataRow(DealSolutionRevision.LogicalName)]
    public void A_row_that_differs_in_one_key_column_is_accepted(string table)
    {
        var org = TeamSellingOrg.Create();
        var deal = org.AddDeal(org.Opportunity);
        var sibling = Copy(deal.RowOf(table));
        var anotherOpportunity = org.NewOpportunity("Contoso CRM upgrade");
        var (column, value) = table switch
        {
            DealTeamMember.LogicalName => (DealTeamMember.UserId, (object)org.Outsider),
            Stakeholder.LogicalName => (Stakeholder.ContactId, org.Crm.Arrange(new Entity(Contact.LogicalName) { ["lastname"] = "Newcomer" })),
            Counterpart.LogicalName => (Counterpart.StakeholderId, deal.Unpaired),
            DealSolution.LogicalName => (DealSolution.OpportunityId, anotherOpportunity),
            SolutionAcknowledgement.LogicalName => (SolutionAcknowledgement.UserId, org.Colleague),
            DealSolutionRevision.LogicalName => (DealSolutionRevision.Version, 2),
            _ => throw new ArgumentOutOfRangeException(nameof(table), table, "no other key value for this table"),
        };
        sibling[column] = value;

        var id = org.Crm.System.Create(sibling);

        Assert.AreNotEqual(deal[table].Id, id);
    }

    /// <summary>The same values in a new row: every column but the primary key.</summary>
    private static Entity Copy(Entity row)
    {
        var copy = new Entity(row.LogicalName);
        foreach (var (column, value) in row.Attributes.Where(a => a.Key != ShippedSolution.Table(row.LogicalName).PrimaryIdAttribute))
        {
            copy[column] = value;
        }

        return copy;
    }
}
