using CrmTeamSelling.Plugins.Common;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Solution = CrmTeamSelling.Plugins.Model.LogicalNames.DealSolution;

namespace CrmTeamSelling.Plugins.DealSolution
{
    /// <summary>
    /// Create of tsell_dealsolution, pre-operation (20), synchronous. Only the deal team creates the
    /// opportunity's one deal solution; a second one is refused with a message naming the first (the
    /// alternate key on tsell_opportunityid refuses a create racing this check). Starts it at version 1.
    /// </summary>
    public sealed class PrepareDealSolutionCreate : PluginBase
    {
        public PrepareDealSolutionCreate()
            : base(typeof(PrepareDealSolutionCreate))
        {
        }

        protected override void ExecuteDataversePlugin(ILocalPluginContext localContext)
        {
            var target = localContext.GetTargetEntity();
            var opportunity = target.GetAttributeValue<EntityReference>(Solution.OpportunityId)
                ?? throw Refusal.Because(UserMessages.DealSolutionNeedsOpportunity);

            // Who is on the team and which solution exists are facts about the deal, read as the system:
            // the caller may not be able to see every member row, and the rule must not depend on it.
            var team = DealTeam.Load(localContext.SystemService, opportunity.Id);
            if (!team.MayWorkTheDeal(localContext.InitiatingUserId))
            {
                throw Refusal.Because(UserMessages.NotOnDealTeamToCreateSolution);
            }

            var existing = FindExistingSolution(localContext.SystemService, opportunity);
            if (existing != null)
            {
                throw Refusal.Because(UserMessages.DealSolutionAlreadyExists,
                    existing.GetAttributeValue<string>(Solution.Name),
                    existing.GetAttributeValue<int?>(Solution.Version),
                    existing.GetAttributeValue<EntityReference>(Solution.OwnerId)?.Name ?? UserMessages.AColleague);
            }

            DealSolutionVersioning.PrepareFirstVersion(target, team.OpportunityName);
        }

        private static Entity? FindExistingSolution(IOrganizationService service, EntityReference opportunity)
        {
            var query = new QueryExpression(Solution.LogicalName)
            {
                ColumnSet = new ColumnSet(Solution.Name, Solution.Version, Solution.OwnerId),
                TopCount = 1,
            };
            query.Criteria.AddCondition(Solution.OpportunityId, ConditionOperator.Equal, opportunity.Id);
            var rows = service.RetrieveMultiple(query).Entities;
            return rows.Count == 0 ? null : rows[0];
        }
    }
}
