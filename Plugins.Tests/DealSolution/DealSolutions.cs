using System;
using System.Collections.Generic;
using System.Linq;
using CrmTeamSelling.Plugins.Model;
using CrmTeamSelling.Plugins.Tests.TestSupport;
using Microsoft.Xrm.Sdk;
using Revision = CrmTeamSelling.Plugins.Model.LogicalNames.DealSolutionRevision;
using Solution = CrmTeamSelling.Plugins.Model.LogicalNames.DealSolution;

namespace CrmTeamSelling.Plugins.Tests.DealSolution;

/// <summary>Givens and reads for deal solution tests: a solution with content, an edit from a version, its revisions.</summary>
internal static class DealSolutions
{
    public const string FirstProblem = "Month-end close takes 12 days across 4 ledgers.";
    public const string FirstProposal = "One ERP ledger, rolled out finance first.";

    /// <summary>The user creates the opportunity's deal solution with a problem, a proposal and an amount.</summary>
    public static EntityReference CreateDealSolution(this DealWorld deal, EntityReference by, Action<Entity>? with = null)
    {
        var solution = NewDealSolution(deal);
        with?.Invoke(solution);
        return new EntityReference(Solution.LogicalName, deal.As(by).Create(solution));
    }

    public static Entity NewDealSolution(this DealWorld deal) => new(Solution.LogicalName)
    {
        [Solution.OpportunityId] = deal.Opportunity,
        [Solution.ProblemSummary] = FirstProblem,
        [Solution.ProposedSolution] = FirstProposal,
        [Solution.Amount] = new Money(100_000m),
    };

    /// <summary>An update of the solution made from <paramref name="basedOn"/> with a change summary; add the changed columns to it.</summary>
    public static Entity Edit(EntityReference solution, int? basedOn, string? summary = "Reworked after the discovery workshop.")
    {
        var edit = new Entity(Solution.LogicalName, solution.Id);
        if (basedOn.HasValue)
        {
            edit[Solution.BasedOnVersion] = basedOn.Value;
        }

        if (summary is not null)
        {
            edit[Solution.ChangeSummary] = summary;
        }

        return edit;
    }

    /// <summary>The user changes the amount, starting from the given version (the form's usual save).</summary>
    public static void ChangeAmount(this DealWorld deal, EntityReference by, EntityReference solution, int basedOn, decimal amount, string summary)
    {
        var edit = Edit(solution, basedOn, summary);
        edit[Solution.Amount] = new Money(amount);
        deal.As(by).Update(edit);
    }

    public static Entity Read(this DealWorld deal, EntityReference solution) => deal.Crm.Get(solution);

    public static int VersionOf(this DealWorld deal, EntityReference solution) => deal.Read(solution).GetAttributeValue<int>(Solution.Version);

    /// <summary>The solution's revisions, oldest version first.</summary>
    public static IReadOnlyList<Entity> RevisionsOf(this DealWorld deal, EntityReference solution)
        => deal.Crm.All(Revision.LogicalName, r => r.GetAttributeValue<EntityReference>(Revision.DealSolutionId)?.Id == solution.Id)
            .OrderBy(r => r.GetAttributeValue<int>(Revision.Version)).ToList();

    public static int[] RevisionVersionsOf(this DealWorld deal, EntityReference solution)
        => deal.RevisionsOf(solution).Select(r => r.GetAttributeValue<int>(Revision.Version)).ToArray();

    public static int StatusOf(this DealWorld deal, EntityReference solution) => deal.Read(solution).GetAttributeValue<OptionSetValue>(Solution.SolutionStatus).Value;

    /// <summary>A rep and a manager on the team with the rep's deal solution at version 1.</summary>
    public static (EntityReference Manager, EntityReference Solution) WithManagerAndSolution(this DealWorld deal)
    {
        var manager = deal.NewTeamMember("Mona Manager", TeamRole.SalesManager, Level.Manager);
        return (manager, deal.CreateDealSolution(deal.Rep));
    }
}
