using System;
using System.Collections.Generic;
using System.Linq;
using System.ServiceModel;
using CrmTeamSelling.Emulator;
using CrmTeamSelling.Emulator.Metadata;
using CrmTeamSelling.Plugins.Model;
using CrmTeamSelling.Solution.Tests.Support;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using static CrmTeamSelling.Plugins.Model.LogicalNames;

namespace CrmTeamSelling.Solution.Tests.OnTheEmulator;

/// <summary>
/// The "given" of the emulator tests: an org loaded from Solution/src's metadata only (tables, choices,
/// relationships, keys, roles, settings, custom API definitions; no plugin step registered, as the data
/// model must hold on its own), with a rep who owns an opportunity for Contoso, colleagues, and Contoso's contacts.
/// <see cref="AddDeal"/> puts one row of every team-selling table on an opportunity, every column the design names filled in.
/// </summary>
internal sealed class TeamSellingOrg
{
    private TeamSellingOrg()
    {
        var model = ShippedSolution.Model;
        Crm = XrmEmulator.Create(SolutionMetadataLoader.Load(model));
        foreach (var role in SolutionMetadataLoader.LoadRoles(model))
        {
            Crm.AddRole(role);
        }

        Rep = Crm.CreateUser("Rita Rep", SecurityRoles.TeamSellingMember);
        Colleague = Crm.CreateUser("Colin Colleague", SecurityRoles.TeamSellingMember);
        Outsider = Crm.CreateUser("Otto Outsider", SecurityRoles.TeamSellingMember);
        Manager = Crm.CreateUser("Mona Manager", SecurityRoles.TeamSellingManager);
        // The customer belongs to nobody on the deal, so that what the rep reaches comes from the
        // opportunity alone (an account's owner would reach its opportunities and, through them, the deal).
        Account = Crm.Arrange(new Entity("account") { ["name"] = "Contoso Ltd", ["ownerid"] = Crm.SystemUser });
        Contacts = new[] { "Bruno Buyer", "Dana Head", "Erik Executive" }
            .Select(name => Crm.Arrange(new Entity(Contact.LogicalName) { ["firstname"] = name.Split(' ')[0], ["lastname"] = name.Split(' ')[1], ["parentcustomerid"] = Account, ["ownerid"] = Crm.SystemUser }))
            .ToArray();
        Opportunity = NewOpportunity("Contoso ERP rollout");
    }

    public XrmEmulator Crm { get; }

    /// <summary>A Team Selling Member who owns <see cref="Opportunity"/>.</summary>
    public EntityReference Rep { get; }

    /// <summary>A Team Selling Member the deal is not shared with until a test shares it.</summary>
    public EntityReference Colleague { get; }

    /// <summary>A Team Selling Member who never works on the deal.</summary>
    public EntityReference Outsider { get; }

    /// <summary>A Team Selling Manager in the same business unit.</summary>
    public EntityReference Manager { get; }

    public EntityReference Account { get; }

    public IReadOnlyList<EntityReference> Contacts { get; }

    public EntityReference Opportunity { get; }

    public static TeamSellingOrg Create() => new();

    /// <summary>An open opportunity owned by the rep (opportunities come from the Sales roles, not Team Selling's).</summary>
    public EntityReference NewOpportunity(string name)
        => Crm.Arrange(new Entity(LogicalNames.Opportunity.LogicalName)
        {
            [LogicalNames.Opportunity.Name] = name,
            [LogicalNames.Opportunity.CustomerId] = Account,
            [LogicalNames.Opportunity.OwnerId] = Rep,
        });

    /// <summary>
    /// One row of every team-selling table and an action on the opportunity, created as the plugins and
    /// forms would: the rep creates what people create, the system writes the revision and the
    /// acknowledgement (the versioning plugin's and the Acknowledge Deal Solution action's job, which no role may do).
    /// </summary>
    public Deal AddDeal(EntityReference opportunity)
    {
        var deal = new Deal(opportunity);
        var asRep = Crm.As(Rep);
        var today = new DateTime(2026, 3, 12, 0, 0, 0, DateTimeKind.Utc);

        deal.Add(asRep, new Entity(DealTeamMember.LogicalName)
        {
            [DealTeamMember.Name] = "Colin Colleague – Presales",
            [DealTeamMember.OpportunityId] = opportunity,
            [DealTeamMember.UserId] = Colleague,
            [DealTeamMember.TeamRole] = new OptionSetValue(TeamRole.Presales),
            [DealTeamMember.Level] = new OptionSetValue(Level.Manager),
            [DealTeamMember.Department] = "Presales",
            [DealTeamMember.Responsibility] = "Runs the technical demo for the operations team.",
        });
        var executive = deal.Create(asRep, new Entity(Stakeholder.LogicalName)
        {
            [Stakeholder.OpportunityId] = opportunity,
            [Stakeholder.ContactId] = Contacts[2],
            [Stakeholder.Level] = new OptionSetValue(Level.Executive),
            [Stakeholder.Stance] = new OptionSetValue(Stance.Neutral),
        });
        deal.Paired.Add(executive);
        var champion = deal.Add(asRep, new Entity(Stakeholder.LogicalName)
        {
            [Stakeholder.ReportsToId] = executive,
            [Stakeholder.Name] = "Dana Head – Head of Operations, Operations",
            [Stakeholder.OpportunityId] = opportunity,
            [Stakeholder.ContactId] = Contacts[1],
            [Stakeholder.Department] = "Operations",
            [Stakeholder.JobTitle] = "Head of Operations",
            [Stakeholder.Level] = new OptionSetValue(Level.Manager),
            [Stakeholder.BuyingRole] = new OptionSetValue(BuyingRole.DecisionMaker),
            [Stakeholder.Influence] = new OptionSetValue(Influence.High),
            [Stakeholder.Stance] = new OptionSetValue(Stance.Champion),
            [Stakeholder.Expectations] = "Fewer manual steps in month-end closing.",
            [Stakeholder.Concerns] = "Downtime during the cut-over.",
            [Stakeholder.CommunicationStyle] = "Direct; wants one page, not a deck.",
            [Stakeholder.DecisionProcessPart] = "Recommends the vendor to the CFO.",
            [Stakeholder.LastInteraction] = today.AddDays(-3),
        });
        // Reports to the champion and stays without a counterpart.
        deal.Unpaired = deal.Create(asRep, new Entity(Stakeholder.LogicalName)
        {
            [Stakeholder.OpportunityId] = opportunity,
            [Stakeholder.ContactId] = Contacts[0],
            [Stakeholder.ReportsToId] = champion,
            [Stakeholder.Stance] = new OptionSetValue(Stance.Unknown),
        });
        deal.Add(asRep, new Entity(Counterpart.LogicalName)
        {
            [Counterpart.Name] = "Colin Colleague ↔ Dana Head",
            [Counterpart.OpportunityId] = opportunity,
            [Counterpart.DealTeamMemberId] = deal[DealTeamMember.LogicalName],
            [Counterpart.StakeholderId] = champion,
            [Counterpart.RelationshipStrength] = new OptionSetValue(RelationshipStrength.Strong),
            [Counterpart.TheirExpectations] = "A reference visit before the decision.",
            [Counterpart.OurCommitments] = "Arrange the visit at Fabrikam.",
            [Counterpart.TheirCommitments] = "Bring the CFO.",
            [Counterpart.LastContact] = today.AddDays(-3),
            [Counterpart.NextStep] = "Confirm the date of the reference visit.",
            [Counterpart.NextStepDue] = today.AddDays(7),
            [Counterpart.LevelGap] = 0,
            [Counterpart.LevelParity] = new OptionSetValue(LevelParity.Matched),
        });
        deal.Create(asRep, new Entity(Counterpart.LogicalName)
        {
            [Counterpart.OpportunityId] = opportunity,
            [Counterpart.DealTeamMemberId] = deal[DealTeamMember.LogicalName],
            [Counterpart.StakeholderId] = executive,
        });
        deal.Paired.Add(champion);
        var solution = deal.Add(asRep, new Entity(DealSolution.LogicalName)
        {
            [DealSolution.Name] = "Contoso ERP rollout – v1",
            [DealSolution.OpportunityId] = opportunity,
            [DealSolution.ProblemSummary] = "Month-end closing takes nine days.",
            [DealSolution.ProposedSolution] = "Finance and operations on one ERP, rolled out in two waves.",
            [DealSolution.Scope] = "Finance, purchasing, inventory; not HR.",
            [DealSolution.Value] = "Closing in three days.",
            [DealSolution.Amount] = new Money(480000m),
            [DealSolution.Terms] = "Fixed price, 30% at signature.",
            [DealSolution.SolutionStatus] = new OptionSetValue(DealSolutionStatus.Presented),
            [DealSolution.Version] = 1,
            [DealSolution.BasedOnVersion] = 1,
            [DealSolution.ChangeSummary] = "First version.",
            [DealSolution.ReopenReason] = "Not reopened yet.",
        });
        deal.Add(Crm.System, new Entity(DealSolutionRevision.LogicalName)
        {
            [DealSolutionRevision.Name] = "Contoso ERP rollout – v1",
            [DealSolutionRevision.OpportunityId] = opportunity,
            [DealSolutionRevision.DealSolutionId] = solution,
            [DealSolutionRevision.Version] = 1,
            [DealSolutionRevision.ChangeSummary] = "First version.",
            [DealSolutionRevision.ChangedBy] = Rep,
            [DealSolutionRevision.ChangedOn] = today,
            [DealSolutionRevision.SolutionStatus] = new OptionSetValue(DealSolutionStatus.Presented),
            [DealSolutionRevision.ProblemSummary] = "Month-end closing takes nine days.",
            [DealSolutionRevision.ProposedSolution] = "Finance and operations on one ERP, rolled out in two waves.",
            [DealSolutionRevision.Scope] = "Finance, purchasing, inventory; not HR.",
            [DealSolutionRevision.Value] = "Closing in three days.",
            [DealSolutionRevision.Amount] = new Money(480000m),
            [DealSolutionRevision.Terms] = "Fixed price, 30% at signature.",
        });
        deal.Add(Crm.System, new Entity(SolutionAcknowledgement.LogicalName)
        {
            [SolutionAcknowledgement.Name] = "Rita Rep – v1",
            [SolutionAcknowledgement.OpportunityId] = opportunity,
            [SolutionAcknowledgement.DealSolutionId] = solution,
            [SolutionAcknowledgement.UserId] = Rep,
            [SolutionAcknowledgement.AcknowledgedVersion] = 1,
            [SolutionAcknowledgement.AcknowledgedOn] = today,
        });
        var firstReview = deal.Create(asRep, new Entity(DealReview.LogicalName)
        {
            [DealReview.OpportunityId] = opportunity,
            [DealReview.ReviewDate] = today.AddDays(-14),
        });
        var review = deal.Add(asRep, new Entity(DealReview.LogicalName)
        {
            [DealReview.Name] = "Contoso ERP rollout – review 2026-03-12",
            [DealReview.OpportunityId] = opportunity,
            [DealReview.ReviewDate] = today,
            [DealReview.FacilitatorId] = Rep,
            [DealReview.Decisions] = "Colin runs the demo; Rita books the reference visit.",
            [DealReview.NextReviewDate] = today.AddDays(14),
            [DealReview.PreviousReviewId] = firstReview,
        });
        deal.Add(asRep, new Entity(LogicalNames.Task.LogicalName)
        {
            [LogicalNames.Task.Subject] = "Book the reference visit",
            [LogicalNames.Task.RegardingObjectId] = opportunity,
            [LogicalNames.Task.ScheduledEnd] = today.AddDays(5),
            [LogicalNames.Task.DealReviewId] = review,
            [LogicalNames.Task.StakeholderId] = champion,
            [LogicalNames.Task.CarriedForwardFromId] = firstReview,
            [LogicalNames.Task.ActionOutcome] = new OptionSetValue(ActionOutcome.OnTrack),
            [LogicalNames.Task.OutcomeNotes] = "Fabrikam agreed in principle.",
            [LogicalNames.Task.AmendmentReason] = "Moved a week: Fabrikam's site is closed at Easter.",
            [LogicalNames.Task.OriginalDueDate] = today.AddDays(-2),
        });
        return deal;
    }

    /// <summary>Shares the opportunity with a user as the deal team plugin does when they join the team.</summary>
    public void ShareAsDealTeamMember(EntityReference opportunity, EntityReference user)
        => Crm.System.Execute(new GrantAccessRequest
        {
            Target = opportunity,
            PrincipalAccess = new PrincipalAccess { Principal = user, AccessMask = AccessRights.ReadAccess | AccessRights.WriteAccess | AccessRights.AppendAccess | AccessRights.AppendToAccess },
        });

    /// <summary>The rows of a table that hang off an opportunity (through tsell_opportunityid, or regarding for an action).</summary>
    public IReadOnlyList<Entity> RowsOf(string table, EntityReference opportunity)
        => Crm.All(table, row => row.GetAttributeValue<EntityReference>(OpportunityColumnOf(table))?.Id == opportunity.Id);

    public static string OpportunityColumnOf(string table) => table == LogicalNames.Task.LogicalName ? LogicalNames.Task.RegardingObjectId : DealTeamMember.OpportunityId;

    /// <summary>Runs an operation that Dataverse must refuse and returns its fault.</summary>
    public static OrganizationServiceFault Refused(Action operation)
        => Assert.ThrowsExactly<FaultException<OrganizationServiceFault>>(operation).Detail;
}

/// <summary>The rows <see cref="TeamSellingOrg.AddDeal"/> made: one per table with every designed column set, plus a few that tests lean on.</summary>
internal sealed class Deal
{
    private readonly Dictionary<string, (Entity Row, EntityReference Reference)> rows = new();

    public Deal(EntityReference opportunity) => Opportunity = opportunity;

    public EntityReference Opportunity { get; }

    /// <summary>A stakeholder with no counterpart, reporting to the one who has one.</summary>
    public EntityReference Unpaired { get; set; } = null!;

    /// <summary>The stakeholders who have a counterpart.</summary>
    public List<EntityReference> Paired { get; } = new();

    /// <summary>The full row of a table, as it was sent to Create (its Id set).</summary>
    public Entity RowOf(string table) => rows[table].Row;

    public EntityReference this[string table] => rows[table].Reference;

    public IEnumerable<string> Tables => rows.Keys;

    /// <summary>Creates the table's full row and remembers it.</summary>
    public EntityReference Add(IOrganizationService service, Entity row)
    {
        var reference = Create(service, row);
        row.Id = reference.Id;
        rows.Add(row.LogicalName, (row, reference));
        return reference;
    }

    public EntityReference Create(IOrganizationService service, Entity row) => new(row.LogicalName, service.Create(row));
}
