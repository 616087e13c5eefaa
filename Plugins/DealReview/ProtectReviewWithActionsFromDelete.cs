using System;
using CrmTeamSelling.Plugins.Common;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using EntryNames = CrmTeamSelling.Plugins.Model.LogicalNames.ReviewActionEntry;
using OpportunityNames = CrmTeamSelling.Plugins.Model.LogicalNames.Opportunity;
using ReviewNames = CrmTeamSelling.Plugins.Model.LogicalNames.DealReview;

namespace CrmTeamSelling.Plugins.DealReview
{
    /// <summary>
    /// Delete of tsell_dealreview, pre-validation (10), synchronous, with a pre-image of its name and
    /// opportunity. A review that decided or took over actions is their record: deleting it would turn
    /// them into ordinary tasks and leave their history without its meeting, so it goes only with its
    /// opportunity (the cascade of the opportunity's Delete, seen in the ParentContext chain). A review
    /// without actions may go. Cost: one query (does any history step name the review?).
    /// </summary>
    public sealed class ProtectReviewWithActionsFromDelete : PluginBase
    {
        public ProtectReviewWithActionsFromDelete()
            : base(typeof(ProtectReviewWithActionsFromDelete))
        {
        }

        protected override void ExecuteDataversePlugin(ILocalPluginContext localContext)
        {
            var review = localContext.GetPreImage();
            var opportunity = review.GetAttributeValue<EntityReference>(ReviewNames.OpportunityId);
            if (opportunity != null && IsDeletedWithItsOpportunity(localContext.PluginExecutionContext, opportunity.Id))
            {
                localContext.Trace("Deleted with its opportunity.");
                return;
            }

            // Every action leaves a step on each review it belonged to (decided, carried forward), so the
            // history answers "did this review have actions?" in one query, open or closed, moved on or not.
            var steps = new QueryExpression(EntryNames.LogicalName) { ColumnSet = new ColumnSet(false), TopCount = 1 };
            steps.Criteria.AddCondition(EntryNames.DealReviewId, ConditionOperator.Equal, review.Id);
            if (localContext.SystemService.RetrieveMultiple(steps).Entities.Count > 0)
            {
                throw Refusal.Because(UserMessages.DealReviewWithActionsCannotBeDeleted, review.GetAttributeValue<string>(ReviewNames.Name) ?? review.Id.ToString("D"));
            }
        }

        // Dataverse runs a cascaded delete of a child as a Delete inside the parent's Delete.
        private static bool IsDeletedWithItsOpportunity(IPluginExecutionContext context, Guid opportunityId)
        {
            for (var ancestor = context.ParentContext; ancestor != null; ancestor = ancestor.ParentContext)
            {
                if (string.Equals(ancestor.MessageName, "Delete", StringComparison.OrdinalIgnoreCase)
                    && ancestor.PrimaryEntityName == OpportunityNames.LogicalName && ancestor.PrimaryEntityId == opportunityId)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
