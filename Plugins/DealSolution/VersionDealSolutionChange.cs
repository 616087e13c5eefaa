using CrmTeamSelling.Plugins.Common;
using Microsoft.Xrm.Sdk;
using Solution = CrmTeamSelling.Plugins.Model.LogicalNames.DealSolution;

namespace CrmTeamSelling.Plugins.DealSolution
{
    /// <summary>
    /// Update of tsell_dealsolution, pre-operation (20), synchronous, with a pre-image of the content,
    /// version, status, name, opportunity, owner and modifiedby. Only the deal team changes the solution;
    /// a content change or a reopening raises the version by one, from the current version only.
    /// Sets tsell_version on the Target only when it makes a new version: the revision and
    /// notification steps read it (the Target in the transaction, the images after it).
    /// </summary>
    public sealed class VersionDealSolutionChange : PluginBase
    {
        private const string ConcurrencyBehaviorParameter = "ConcurrencyBehavior";

        public VersionDealSolutionChange()
            : base(typeof(VersionDealSolutionChange))
        {
        }

        protected override void ExecuteDataversePlugin(ILocalPluginContext localContext)
        {
            var target = localContext.GetTargetEntity();
            var before = localContext.GetPreImage();
            var change = new RecordState(target, before);
            var solutionName = before.GetAttributeValue<string>(Solution.Name) ?? DealSolutionNames.Versioned(null, before.GetAttributeValue<int?>(Solution.Version) ?? 0);

            if (change.Changes(Solution.OpportunityId) && before.Contains(Solution.OpportunityId))
            {
                throw Refusal.Because(UserMessages.DealSolutionOpportunityIsFixed, solutionName);
            }

            var opportunity = change.Get<EntityReference>(Solution.OpportunityId)
                ?? throw Refusal.Because(UserMessages.DealSolutionNeedsOpportunity);
            // Read as the system, as on create: membership is the rule, whatever rows the caller can see.
            var team = DealTeam.Load(localContext.SystemService, opportunity.Id);
            if (!team.MayWorkTheDeal(localContext.InitiatingUserId))
            {
                throw Refusal.Because(UserMessages.NotOnDealTeamToChangeSolution, solutionName);
            }

            var result = DealSolutionVersioning.Assess(change, solutionName, ConcurrencyOf(localContext));
            if (result.CreatesVersion)
            {
                target[Solution.Version] = result.ResultingVersion;
                target[Solution.Name] = DealSolutionNames.Versioned(team.OpportunityName, result.ResultingVersion);
                if (result.ComposedChangeSummary != null)
                {
                    target[Solution.ChangeSummary] = result.ComposedChangeSummary;
                }

                localContext.Trace("Version {0} -> {1}.", result.CurrentVersion, result.ResultingVersion);
                return;
            }

            // The Target carries tsell_version only for a new version (Assess refused any other value).
            target.Attributes.Remove(Solution.Version);
            if (change.Sets(Solution.Name))
            {
                // The name is kept by Team Selling: an edit of it is put back.
                target[Solution.Name] = DealSolutionNames.Versioned(team.OpportunityName, result.CurrentVersion);
            }

            localContext.Trace("No content change: version stays {0}.", result.CurrentVersion);
        }

        private static ConcurrencyBehavior ConcurrencyOf(ILocalPluginContext localContext)
        {
            switch (localContext.GetInput<object>(ConcurrencyBehaviorParameter))
            {
                case ConcurrencyBehavior behavior:
                    return behavior;
                case int value:
                    return (ConcurrencyBehavior)value;
                default:
                    return ConcurrencyBehavior.Default;
            }
        }
    }
}
