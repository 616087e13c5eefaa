using CrmTeamSelling.Plugins.Model;
using Microsoft.Xrm.Sdk;

namespace CrmTeamSelling.Plugins.Tests.TestSupport;

/// <summary>The fixture arranges what it says it does, so a failing feature test points at the feature.</summary>
[TestClass]
public sealed class DealWorldTests
{
    [TestMethod]
    public void TheRepOwnsAnOpportunityForTheAccountWithThreeContacts()
    {
        var deal = DealWorld.Create("Fabrikam CRM renewal");

        var opportunity = deal.Crm.Get(deal.Opportunity);
        Assert.AreEqual("Fabrikam CRM renewal", opportunity.GetAttributeValue<string>(LogicalNames.Opportunity.Name));
        Assert.AreEqual(deal.Rep.Id, opportunity.GetAttributeValue<EntityReference>(LogicalNames.Opportunity.OwnerId).Id);
        Assert.AreEqual(deal.Account.Id, opportunity.GetAttributeValue<EntityReference>(LogicalNames.Opportunity.CustomerId).Id);
        Assert.HasCount(3, deal.Contacts);
        Assert.AreEqual(deal.SalesUnit.Id, deal.Crm.Get(deal.Rep).GetAttributeValue<EntityReference>(LogicalNames.SystemUser.BusinessUnitId).Id);
    }

    [TestMethod]
    public void AddTeamMemberCreatesAnActiveMembershipForTheUser()
    {
        var deal = DealWorld.Create();
        var presales = deal.NewUser("Pia Presales");

        var member = deal.AddTeamMember(presales, TeamRole.Presales, Level.Staff, "Presales");

        var row = deal.Crm.Get(member);
        Assert.AreEqual(presales.Id, row.GetAttributeValue<EntityReference>(LogicalNames.DealTeamMember.UserId).Id);
        Assert.AreEqual(deal.Opportunity.Id, row.GetAttributeValue<EntityReference>(LogicalNames.DealTeamMember.OpportunityId).Id);
        Assert.AreEqual(TeamRole.Presales, row.GetAttributeValue<OptionSetValue>(LogicalNames.DealTeamMember.TeamRole).Value);
        Assert.AreEqual(Level.Staff, row.GetAttributeValue<OptionSetValue>(LogicalNames.DealTeamMember.Level).Value);
        Assert.AreEqual(StateCodes.Active, row.GetAttributeValue<OptionSetValue>(LogicalNames.DealTeamMember.StateCode).Value);
    }
}
