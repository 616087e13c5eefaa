using System;
using System.Collections.Generic;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;
using EntryNames = CrmTeamSelling.Plugins.Model.LogicalNames.ReviewActionEntry;

namespace CrmTeamSelling.Plugins.DealReview
{
    /// <summary>
    /// The history of deal review actions: one tsell_reviewactionentry row per step in an action's life
    /// (decided, carried forward, amended, outcome recorded, closed, reopened), against the review the
    /// action belonged to at that step. The task keeps only its latest outcome, reason and link; the
    /// entries keep every step, append-only, so nothing of the history is lost. They are written by the
    /// steps as the system (users only read them) in the transaction of the change they record.
    /// </summary>
    public static class ReviewActionHistory
    {
        /// <summary>Writes the entries: nothing for none, Create for one, one CreateMultiple for more.</summary>
        public static void Write(IOrganizationService service, IReadOnlyList<ActionStep> steps)
        {
            if (service == null)
            {
                throw new ArgumentNullException(nameof(service));
            }

            if (steps == null)
            {
                throw new ArgumentNullException(nameof(steps));
            }

            if (steps.Count == 0)
            {
                return;
            }

            if (steps.Count == 1)
            {
                service.Create(steps[0].ToEntity());
                return;
            }

            var targets = new EntityCollection { EntityName = EntryNames.LogicalName };
            foreach (var step in steps)
            {
                targets.Entities.Add(step.ToEntity());
            }

            service.Execute(new CreateMultipleRequest { Targets = targets });
        }

        /// <summary>
        /// The history of one action, oldest first. Steps of the same change share their time; their
        /// values are in the order they happen (an amendment before the closing it came with).
        /// </summary>
        public static QueryExpression QueryForAction(Guid actionId)
        {
            var query = new QueryExpression(EntryNames.LogicalName)
            {
                ColumnSet = new ColumnSet(EntryNames.Name, EntryNames.Step, EntryNames.DealReviewId, EntryNames.DueDate, EntryNames.PreviousDueDate,
                    EntryNames.AmendmentReason, EntryNames.Outcome, EntryNames.OutcomeNotes, EntryNames.ChangedBy, EntryNames.CreatedOn),
            };
            query.Criteria.AddCondition(EntryNames.ActionId, ConditionOperator.Equal, actionId);
            query.AddOrder(EntryNames.CreatedOn, OrderType.Ascending);
            query.AddOrder(EntryNames.Step, OrderType.Ascending);
            return query;
        }
    }
}
