using System;
using System.Text.Json;
using CrmTeamSelling.Emulator;
using CrmTeamSelling.Plugins.Model;
using CrmTeamSelling.Plugins.Tests.TestSupport;
using Microsoft.Xrm.Sdk;
using Api = CrmTeamSelling.Plugins.Model.CustomApis.GetDealCoverage;

namespace CrmTeamSelling.Plugins.Tests.Coverage;

/// <summary>A deal on a clock the test moves, and the coverage API called as a user.</summary>
public sealed class CoverageWorld
{
    /// <summary>"Now" in every coverage test: staleness and overdue actions are measured against it.</summary>
    public static readonly DateTime Today = new(2026, 11, 28, 10, 0, 0, DateTimeKind.Utc);

    private DateTime now = Today;

    public CoverageWorld(string opportunityName = "Contoso ERP rollout")
    {
        Deal = DealWorld.Create(opportunityName, new EmulatorOptions { Clock = () => now });
    }

    public DealWorld Deal { get; }

    public XrmEmulator Crm => Deal.Crm;

    /// <summary>Runs the arrangement as if it happened <paramref name="daysAgo"/> days before today (createdon, modifiedon).</summary>
    public T DaysAgo<T>(int daysAgo, Func<T> arrange)
    {
        now = Today.AddDays(-daysAgo);
        try
        {
            return arrange();
        }
        finally
        {
            now = Today;
        }
    }

    /// <summary>Calls tsell_GetDealCoverage on the deal as the user.</summary>
    public CoverageResult GetCoverage(EntityReference user)
    {
        var response = Deal.As(user).Execute(new OrganizationRequest(Api.Name) { [CustomApis.Target] = Deal.Opportunity });
        return new CoverageResult((string)response.Results[Api.Coverage], (int)response.Results[Api.ReadinessScore]);
    }

    /// <summary>Arranges a deal review of the opportunity (the deal-review feature's own table, without its plugins).</summary>
    public EntityReference ArrangeDealReview()
        => Crm.Arrange(new Entity(LogicalNames.DealReview.LogicalName)
        {
            [LogicalNames.DealReview.OpportunityId] = Deal.Opportunity,
            [LogicalNames.DealReview.Name] = "Contoso ERP rollout – review",
            [LogicalNames.DealReview.ReviewDate] = Today.AddDays(-14),
            ["ownerid"] = Deal.Rep,
        });

    /// <summary>Arranges an action of a deal review: a task regarding the opportunity.</summary>
    public EntityReference ArrangeAction(string subject, DateTime due, EntityReference? review, EntityReference? stakeholder = null, bool completed = false)
    {
        var task = new Entity(LogicalNames.Task.LogicalName)
        {
            [LogicalNames.Task.Subject] = subject,
            [LogicalNames.Task.RegardingObjectId] = Deal.Opportunity,
            [LogicalNames.Task.ScheduledEnd] = due,
            [LogicalNames.Task.DealReviewId] = review,
            [LogicalNames.Task.StakeholderId] = stakeholder,
            ["ownerid"] = Deal.Rep,
        };
        if (completed)
        {
            task[LogicalNames.Task.StateCode] = new OptionSetValue(1);
            task[LogicalNames.Task.StatusCode] = new OptionSetValue(5);
        }

        return Crm.Arrange(task);
    }

    /// <summary>Arranges the deal solution at a version, and who has read which version of it.</summary>
    public void ArrangeSolution(int version, params (EntityReference User, int Version)[] readBy)
    {
        var solution = Crm.Arrange(new Entity(LogicalNames.DealSolution.LogicalName)
        {
            [LogicalNames.DealSolution.OpportunityId] = Deal.Opportunity,
            [LogicalNames.DealSolution.Name] = "Contoso ERP rollout – v" + version,
            [LogicalNames.DealSolution.Version] = version,
            ["ownerid"] = Deal.Rep,
        });
        foreach (var (user, read) in readBy)
        {
            Crm.Arrange(new Entity(LogicalNames.SolutionAcknowledgement.LogicalName)
            {
                [LogicalNames.SolutionAcknowledgement.OpportunityId] = Deal.Opportunity,
                [LogicalNames.SolutionAcknowledgement.DealSolutionId] = solution,
                [LogicalNames.SolutionAcknowledgement.UserId] = user,
                [LogicalNames.SolutionAcknowledgement.AcknowledgedVersion] = read,
                ["ownerid"] = user,
            });
        }
    }
}

/// <summary>What the coverage API returned: the JSON text, parsed, and the score.</summary>
public sealed class CoverageResult
{
    public CoverageResult(string json, int readinessScore)
    {
        Json = json;
        ReadinessScore = readinessScore;
        Document = JsonDocument.Parse(json).RootElement;
    }

    public string Json { get; }

    public int ReadinessScore { get; }

    public JsonElement Document { get; }

    public JsonElement Gaps => Document.GetProperty("gaps");
}
