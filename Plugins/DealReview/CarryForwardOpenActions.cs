using System.Collections.Generic;
using System.Linq;
using CrmTeamSelling.Plugins.Common;
using CrmTeamSelling.Plugins.Model;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;
using ReviewNames = CrmTeamSelling.Plugins.Model.LogicalNames.DealReview;
using TaskNames = CrmTeamSelling.Plugins.Model.LogicalNames.Task;

namespace CrmTeamSelling.Plugins.DealReview
{
    /// <summary>
    /// Create of tsell_dealreview, post-operation (40), synchronous: opening the next review takes over
    /// every open action of the previous one. Each action's review becomes the new one and remembers the
    /// one it came from, and its history gets a "Carried Forward" step — all in the review's transaction,
    /// so a review that fails to open moves nothing. Cost: one query for the open actions (a page per
    /// 5,000), one UpdateMultiple, one CreateMultiple; whatever the number of actions.
    /// </summary>
    public sealed class CarryForwardOpenActions : PluginBase
    {
        public CarryForwardOpenActions()
            : base(typeof(CarryForwardOpenActions))
        {
        }

        protected override void ExecuteDataversePlugin(ILocalPluginContext localContext)
        {
            var target = localContext.GetTargetEntity();
            var previous = target.GetAttributeValue<EntityReference>(ReviewNames.PreviousReviewId);
            if (previous == null)
            {
                localContext.Trace("The first review of the deal: nothing to carry forward.");
                return;
            }

            var review = new EntityReference(ReviewNames.LogicalName, localContext.PluginExecutionContext.PrimaryEntityId);
            // As the system: the actions belong to the colleagues who do them, and the person opening
            // the review may not be allowed to change their tasks.
            var system = localContext.SystemService;
            var openActions = system.RetrieveAll(OpenActionsOf(previous));
            if (openActions.Count == 0)
            {
                localContext.Trace("No open actions at {0}.", previous.Name ?? previous.Id.ToString("D"));
                return;
            }

            var moves = new EntityCollection { EntityName = TaskNames.LogicalName };
            foreach (var action in openActions)
            {
                moves.Entities.Add(new Entity(TaskNames.LogicalName, action.Id)
                {
                    [TaskNames.DealReviewId] = review,
                    [TaskNames.CarriedForwardFromId] = new EntityReference(ReviewNames.LogicalName, previous.Id),
                });
            }

            system.Execute(new UpdateMultipleRequest { Targets = moves });

            var openedBy = localContext.InitiatingUserId;
            var steps = openActions.Select(action =>
            {
                var subject = action.GetAttributeValue<string>(TaskNames.Subject);
                return new ActionStep(ActionHistoryStep.CarriedForward, action.Id, string.IsNullOrWhiteSpace(subject) ? UserMessages.UntitledAction : subject.Trim(),
                    action.GetAttributeValue<EntityReference>(TaskNames.RegardingObjectId), review, action.GetAttributeValue<System.DateTime?>(TaskNames.ScheduledEnd), openedBy);
            }).ToList();
            ReviewActionHistory.Write(system, steps);
            localContext.Trace("Carried {0} open action(s) forward from {1}.", openActions.Count, previous.Name ?? previous.Id.ToString("D"));
        }

        private static QueryExpression OpenActionsOf(EntityReference previous)
        {
            var query = new QueryExpression(TaskNames.LogicalName)
            {
                ColumnSet = new ColumnSet(TaskNames.Subject, TaskNames.RegardingObjectId, TaskNames.ScheduledEnd),
            };
            query.Criteria.AddCondition(TaskNames.DealReviewId, ConditionOperator.Equal, previous.Id);
            query.Criteria.AddCondition(TaskNames.StateCode, ConditionOperator.Equal, TaskState.Open);
            query.AddOrder(TaskNames.ScheduledEnd, OrderType.Ascending);
            return query;
        }
    }
}
