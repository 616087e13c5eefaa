using System;
using CrmTeamSelling.Plugins.Model;
using CrmTeamSelling.Plugins.Tests.TestSupport;
using Microsoft.Xrm.Sdk;
using Pairing = CrmTeamSelling.Plugins.Model.LogicalNames.Counterpart;
using StakeholderNames = CrmTeamSelling.Plugins.Model.LogicalNames.Stakeholder;

namespace CrmTeamSelling.Plugins.Tests.Stakeholder;

/// <summary>Arranges the buying organisation and the pairings through the plugins, as the forms do.</summary>
public static class StakeholderMap
{
    /// <summary>Adds the contact as a stakeholder of the deal (as the opportunity's owner unless <paramref name="by"/> says who).</summary>
    public static EntityReference AddStakeholder(this DealWorld deal, EntityReference contact, int? buyingRole = null, int? level = null, int? stance = null,
        string? department = null, string? jobTitle = null, EntityReference? reportsTo = null, int? influence = null, EntityReference? by = null, EntityReference? opportunity = null)
    {
        var stakeholder = new Entity(StakeholderNames.LogicalName)
        {
            [StakeholderNames.OpportunityId] = opportunity ?? deal.Opportunity,
            [StakeholderNames.ContactId] = contact,
        };
        Set(stakeholder, StakeholderNames.BuyingRole, buyingRole);
        Set(stakeholder, StakeholderNames.Level, level);
        Set(stakeholder, StakeholderNames.Stance, stance);
        Set(stakeholder, StakeholderNames.Influence, influence);
        if (department is not null)
        {
            stakeholder[StakeholderNames.Department] = department;
        }

        if (jobTitle is not null)
        {
            stakeholder[StakeholderNames.JobTitle] = jobTitle;
        }

        if (reportsTo is not null)
        {
            stakeholder[StakeholderNames.ReportsToId] = reportsTo;
        }

        return new EntityReference(StakeholderNames.LogicalName, deal.As(by ?? deal.Rep).Create(stakeholder));
    }

    /// <summary>A new contact of the account added as a stakeholder.</summary>
    public static EntityReference AddPerson(this DealWorld deal, string fullName, int? buyingRole = null, int? level = null, int? stance = null,
        string? department = null, string? jobTitle = null, EntityReference? reportsTo = null, int? influence = null)
        => deal.AddStakeholder(deal.AddContact(fullName, jobTitle), buyingRole, level, stance, department, jobTitle, reportsTo, influence);

    /// <summary>Pairs a deal team member (the membership row) with a stakeholder, as the opportunity's owner.</summary>
    public static EntityReference Pair(this DealWorld deal, EntityReference member, EntityReference stakeholder, DateTime? lastContact = null, EntityReference? by = null)
    {
        var pairing = new Entity(Pairing.LogicalName)
        {
            [Pairing.DealTeamMemberId] = member,
            [Pairing.StakeholderId] = stakeholder,
        };
        if (lastContact.HasValue)
        {
            pairing[Pairing.LastContact] = lastContact.Value;
        }

        return new EntityReference(Pairing.LogicalName, deal.As(by ?? deal.Rep).Create(pairing));
    }

    public static void SetLevelParityMode(this DealWorld deal, string mode) => Settings.Set(deal.Crm, EnvironmentVariables.LevelParityMode, mode);

    private static void Set(Entity record, string column, int? option)
    {
        if (option.HasValue)
        {
            record[column] = new OptionSetValue(option.Value);
        }
    }
}
