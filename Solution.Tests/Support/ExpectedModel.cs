using System;
using System.Collections.Generic;
using CrmTeamSelling.Plugins.Model;
using static CrmTeamSelling.Plugins.Model.LogicalNames;

namespace CrmTeamSelling.Solution.Tests.Support;

/// <summary>What a column must be for the rest of the product to work.</summary>
internal enum Need
{
    /// <summary>Business- or system-required: the row means nothing without it.</summary>
    Required,

    /// <summary>Not required: left empty it means "unknown" or "not yet", which coverage and the forms handle.</summary>
    Optional,

    /// <summary>A plugin fills it on save, so it must not be required: a form would refuse to save before the plugin runs.</summary>
    KeptByPlugin,
}

/// <summary>
/// A column DESIGN.md ("The data model") names: its type as Entity.xml writes it, whether it is required,
/// the table a lookup points to, the choice it uses, and a length where other code depends on it.
/// </summary>
internal sealed record ExpectedColumn(string Name, string Type, Need Need = Need.Optional)
{
    /// <summary>For a lookup: the one table it points to.</summary>
    public string? Target { get; init; }

    /// <summary>For a choice bound to a global choice (option set): its name.</summary>
    public string? GlobalChoice { get; init; }

    /// <summary>For a choice: the class in Plugins/Model whose constants are its values, in order.</summary>
    public Type? Values { get; init; }

    /// <summary>For a choice: the labels DESIGN.md lists, in the order of <see cref="Values"/>.</summary>
    public IReadOnlyList<string>? Labels { get; init; }

    /// <summary>For a text column whose length other code relies on: the exact length.</summary>
    public int? MaxLength { get; init; }

    public override string ToString() => Name;
}

internal sealed record ExpectedTable(string LogicalName, string DisplayName, IReadOnlyList<ExpectedColumn> Columns)
{
    public override string ToString() => LogicalName;
}

/// <summary>
/// DESIGN.md's data model written down as a specification, in the names of Plugins/Model/LogicalNames.cs.
/// Tests hold Solution/src to it; when the design changes, change it here with the solution.
/// </summary>
internal static class ExpectedModel
{
    /// <summary>
    /// The length of every primary name: the plugins cut the names they build ("Jane Doe – Sales Manager")
    /// to it (Plugins/Common/PrimaryName.MaxLength).
    /// </summary>
    public const int PrimaryNameLength = 200;

    /// <summary>The length the versioning plugin cuts a composed change summary to (DealSolutionVersioning.ChangeSummaryMaxLength).</summary>
    public const int ChangeSummaryLength = 1000;

    public static readonly IReadOnlyList<string> LevelLabels = new[] { "Staff", "Manager", "Director", "Executive" };

    public static readonly IReadOnlyList<string> DealSolutionStatusLabels = new[] { "Draft", "Presented", "Accepted", "Withdrawn" };

    private static ExpectedColumn PrimaryName(string name) => new(name, "nvarchar", Need.KeptByPlugin) { MaxLength = PrimaryNameLength };

    private static ExpectedColumn Lookup(string name, string target, Need need = Need.Optional) => new(name, "lookup", need) { Target = target };

    private static ExpectedColumn LevelColumn(string name, Need need) => new(name, "picklist", need)
    {
        GlobalChoice = OptionSets.Level,
        Values = typeof(Level),
        Labels = LevelLabels,
    };

    /// <summary>The global choices, by name.</summary>
    public static class OptionSets
    {
        public const string Level = "tsell_level";
        public const string DealSolutionStatus = "tsell_dealsolutionstatus";
    }

    public static readonly ExpectedTable DealTeamMemberTable = new(DealTeamMember.LogicalName, "Deal Team Member", new[]
    {
        PrimaryName(DealTeamMember.Name),
        Lookup(DealTeamMember.OpportunityId, Opportunity.LogicalName, Need.Required),
        Lookup(DealTeamMember.UserId, SystemUser.LogicalName, Need.Required),
        new ExpectedColumn(DealTeamMember.TeamRole, "picklist", Need.Required)
        {
            Values = typeof(TeamRole),
            Labels = new[] { "Account Executive", "Sales Manager", "Executive Sponsor", "Presales", "Delivery", "Finance", "Legal", "Product", "Other" },
        },
        LevelColumn(DealTeamMember.Level, Need.Required),
        new ExpectedColumn(DealTeamMember.Department, "nvarchar"),
        new ExpectedColumn(DealTeamMember.Responsibility, "ntext"),
    });

    public static readonly ExpectedTable StakeholderTable = new(Stakeholder.LogicalName, "Buying Stakeholder", new[]
    {
        PrimaryName(Stakeholder.Name),
        Lookup(Stakeholder.OpportunityId, Opportunity.LogicalName, Need.Required),
        Lookup(Stakeholder.ContactId, Contact.LogicalName, Need.Required),
        new ExpectedColumn(Stakeholder.Department, "nvarchar"),
        new ExpectedColumn(Stakeholder.JobTitle, "nvarchar"),
        // Unknown level, role or stance is a coverage gap the team must be able to record.
        LevelColumn(Stakeholder.Level, Need.Optional),
        Lookup(Stakeholder.ReportsToId, Stakeholder.LogicalName),
        new ExpectedColumn(Stakeholder.BuyingRole, "picklist")
        {
            Values = typeof(BuyingRole),
            Labels = new[] { "Economic Buyer", "Decision Maker", "Approver", "Technical Evaluator", "User", "Influencer", "Gatekeeper", "Coach" },
        },
        new ExpectedColumn(Stakeholder.Influence, "picklist") { Values = typeof(Influence), Labels = new[] { "Low", "Medium", "High" } },
        // Required, with Unknown as its value when nobody knows yet.
        new ExpectedColumn(Stakeholder.Stance, "picklist", Need.Required)
        {
            Values = typeof(Stance),
            Labels = new[] { "Unknown", "Champion", "Supporter", "Neutral", "Skeptic", "Opponent" },
        },
        new ExpectedColumn(Stakeholder.Expectations, "ntext"),
        new ExpectedColumn(Stakeholder.Concerns, "ntext"),
        new ExpectedColumn(Stakeholder.CommunicationStyle, "ntext"),
        new ExpectedColumn(Stakeholder.DecisionProcessPart, "ntext"),
        new ExpectedColumn(Stakeholder.LastInteraction, "datetime"),
    });

    public static readonly ExpectedTable CounterpartTable = new(Counterpart.LogicalName, "Counterpart Pairing", new[]
    {
        PrimaryName(Counterpart.Name),
        // Filled from the team member when left empty.
        Lookup(Counterpart.OpportunityId, Opportunity.LogicalName, Need.KeptByPlugin),
        Lookup(Counterpart.DealTeamMemberId, DealTeamMember.LogicalName, Need.Required),
        Lookup(Counterpart.StakeholderId, Stakeholder.LogicalName, Need.Required),
        new ExpectedColumn(Counterpart.RelationshipStrength, "picklist") { Values = typeof(RelationshipStrength), Labels = new[] { "Weak", "Developing", "Strong", "Trusted" } },
        new ExpectedColumn(Counterpart.TheirExpectations, "ntext"),
        new ExpectedColumn(Counterpart.OurCommitments, "ntext"),
        new ExpectedColumn(Counterpart.TheirCommitments, "ntext"),
        new ExpectedColumn(Counterpart.LastContact, "datetime"),
        new ExpectedColumn(Counterpart.NextStep, "nvarchar"),
        new ExpectedColumn(Counterpart.NextStepDue, "datetime"),
        new ExpectedColumn(Counterpart.LevelGap, "int", Need.KeptByPlugin),
        new ExpectedColumn(Counterpart.LevelParity, "picklist", Need.KeptByPlugin) { Values = typeof(LevelParity), Labels = new[] { "Matched", "Mismatched", "Not Checked" } },
    });

    public static readonly ExpectedTable DealSolutionTable = new(DealSolution.LogicalName, "Deal Solution", new[]
    {
        PrimaryName(DealSolution.Name),
        Lookup(DealSolution.OpportunityId, Opportunity.LogicalName, Need.Required),
        new ExpectedColumn(DealSolution.ProblemSummary, "ntext"),
        new ExpectedColumn(DealSolution.ProposedSolution, "ntext"),
        new ExpectedColumn(DealSolution.Scope, "ntext"),
        new ExpectedColumn(DealSolution.Value, "ntext"),
        new ExpectedColumn(DealSolution.Amount, "money"),
        new ExpectedColumn(DealSolution.Terms, "ntext"),
        new ExpectedColumn(DealSolution.SolutionStatus, "picklist", Need.Required)
        {
            GlobalChoice = OptionSets.DealSolutionStatus,
            Values = typeof(DealSolutionStatus),
            Labels = DealSolutionStatusLabels,
        },
        new ExpectedColumn(DealSolution.Version, "int", Need.KeptByPlugin),
        // Required for every change after the first version: the plugin enforces it, the column cannot.
        new ExpectedColumn(DealSolution.ChangeSummary, "nvarchar") { MaxLength = ChangeSummaryLength },
        new ExpectedColumn(DealSolution.BasedOnVersion, "int"),
        new ExpectedColumn(DealSolution.ReopenReason, "ntext"),
    });

    public static readonly ExpectedTable DealSolutionRevisionTable = new(DealSolutionRevision.LogicalName, "Deal Solution Revision", new[]
    {
        PrimaryName(DealSolutionRevision.Name),
        Lookup(DealSolutionRevision.OpportunityId, Opportunity.LogicalName, Need.Required),
        Lookup(DealSolutionRevision.DealSolutionId, DealSolution.LogicalName, Need.Required),
        new ExpectedColumn(DealSolutionRevision.Version, "int", Need.Required),
        new ExpectedColumn(DealSolutionRevision.ChangeSummary, "nvarchar") { MaxLength = ChangeSummaryLength },
        Lookup(DealSolutionRevision.ChangedBy, SystemUser.LogicalName),
        new ExpectedColumn(DealSolutionRevision.ChangedOn, "datetime"),
        new ExpectedColumn(DealSolutionRevision.SolutionStatus, "picklist")
        {
            GlobalChoice = OptionSets.DealSolutionStatus,
            Values = typeof(DealSolutionStatus),
            Labels = DealSolutionStatusLabels,
        },
        new ExpectedColumn(DealSolutionRevision.ProblemSummary, "ntext"),
        new ExpectedColumn(DealSolutionRevision.ProposedSolution, "ntext"),
        new ExpectedColumn(DealSolutionRevision.Scope, "ntext"),
        new ExpectedColumn(DealSolutionRevision.Value, "ntext"),
        new ExpectedColumn(DealSolutionRevision.Amount, "money"),
        new ExpectedColumn(DealSolutionRevision.Terms, "ntext"),
    });

    public static readonly ExpectedTable SolutionAcknowledgementTable = new(SolutionAcknowledgement.LogicalName, "Solution Acknowledgement", new[]
    {
        PrimaryName(SolutionAcknowledgement.Name),
        Lookup(SolutionAcknowledgement.OpportunityId, Opportunity.LogicalName, Need.Required),
        Lookup(SolutionAcknowledgement.DealSolutionId, DealSolution.LogicalName, Need.Required),
        Lookup(SolutionAcknowledgement.UserId, SystemUser.LogicalName, Need.Required),
        new ExpectedColumn(SolutionAcknowledgement.AcknowledgedVersion, "int", Need.Required),
        new ExpectedColumn(SolutionAcknowledgement.AcknowledgedOn, "datetime"),
    });

    public static readonly ExpectedTable DealReviewTable = new(DealReview.LogicalName, "Deal Review", new[]
    {
        PrimaryName(DealReview.Name),
        Lookup(DealReview.OpportunityId, Opportunity.LogicalName, Need.Required),
        new ExpectedColumn(DealReview.ReviewDate, "datetime", Need.Required),
        Lookup(DealReview.FacilitatorId, SystemUser.LogicalName),
        new ExpectedColumn(DealReview.Decisions, "ntext"),
        new ExpectedColumn(DealReview.NextReviewDate, "datetime"),
        Lookup(DealReview.PreviousReviewId, DealReview.LogicalName),
    });

    /// <summary>The columns the solution adds to the standard task: a deal review's actions.</summary>
    public static readonly ExpectedTable TaskExtension = new(LogicalNames.Task.LogicalName, "Task", new[]
    {
        Lookup(LogicalNames.Task.DealReviewId, DealReview.LogicalName),
        Lookup(LogicalNames.Task.StakeholderId, Stakeholder.LogicalName),
        Lookup(LogicalNames.Task.CarriedForwardFromId, DealReview.LogicalName),
        new ExpectedColumn(LogicalNames.Task.ActionOutcome, "picklist") { Values = typeof(ActionOutcome), Labels = new[] { "Done", "On Track", "At Risk", "Blocked", "Dropped" } },
        new ExpectedColumn(LogicalNames.Task.OutcomeNotes, "ntext"),
        new ExpectedColumn(LogicalNames.Task.AmendmentReason, "ntext"),
        new ExpectedColumn(LogicalNames.Task.OriginalDueDate, "datetime"),
    });

    /// <summary>The solution's own tables: user-owned children of opportunity.</summary>
    public static readonly IReadOnlyList<ExpectedTable> TeamSellingTables = new[]
    {
        DealTeamMemberTable, StakeholderTable, CounterpartTable, DealSolutionTable, DealSolutionRevisionTable, SolutionAcknowledgementTable, DealReviewTable,
    };

    /// <summary>Every table whose columns the solution defines: its own and the task extension.</summary>
    public static readonly IReadOnlyList<ExpectedTable> AllTables = new List<ExpectedTable>(TeamSellingTables) { TaskExtension };

    /// <summary>The alternate keys issue 5 names (and the revision's, one per version), with their columns in order.</summary>
    public static readonly IReadOnlyList<(string Table, string Key, string[] Columns)> AlternateKeys = new[]
    {
        (DealTeamMember.LogicalName, DealTeamMember.OpportunityUserKey, new[] { DealTeamMember.OpportunityId, DealTeamMember.UserId }),
        (Stakeholder.LogicalName, Stakeholder.OpportunityContactKey, new[] { Stakeholder.OpportunityId, Stakeholder.ContactId }),
        (Counterpart.LogicalName, Counterpart.TeamMemberStakeholderKey, new[] { Counterpart.DealTeamMemberId, Counterpart.StakeholderId }),
        (DealSolution.LogicalName, DealSolution.OpportunityKey, new[] { DealSolution.OpportunityId }),
        (SolutionAcknowledgement.LogicalName, SolutionAcknowledgement.DealSolutionUserKey, new[] { SolutionAcknowledgement.DealSolutionId, SolutionAcknowledgement.UserId }),
        (DealSolutionRevision.LogicalName, DealSolutionRevision.DealSolutionVersionKey, new[] { DealSolutionRevision.DealSolutionId, DealSolutionRevision.Version }),
    };

    /// <summary>The views issue 5 asks for by purpose (besides each table's active and by-opportunity views).</summary>
    public static class ViewNames
    {
        public const string MyDealsAsTeamMember = "My Deals as a Team Member";
        public const string StakeholdersWithoutCounterpart = "Stakeholders Without a Counterpart";
        public const string OverdueActions = "Overdue Actions";
    }

    /// <summary>Tables people add rows to from a subgrid, so each needs a quick create form.</summary>
    public static readonly IReadOnlyList<string> AddedFromSubgrids = new[]
    {
        DealTeamMember.LogicalName, Stakeholder.LogicalName, Counterpart.LogicalName, DealSolution.LogicalName, DealReview.LogicalName,
    };
}
