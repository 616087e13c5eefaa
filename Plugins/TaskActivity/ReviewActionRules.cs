using System;
using CrmTeamSelling.Plugins.Common;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using OpportunityNames = CrmTeamSelling.Plugins.Model.LogicalNames.Opportunity;
using ReviewNames = CrmTeamSelling.Plugins.Model.LogicalNames.DealReview;
using StakeholderNames = CrmTeamSelling.Plugins.Model.LogicalNames.Stakeholder;
using SystemUserNames = CrmTeamSelling.Plugins.Model.LogicalNames.SystemUser;
using TaskNames = CrmTeamSelling.Plugins.Model.LogicalNames.Task;

namespace CrmTeamSelling.Plugins.TaskActivity
{
    /// <summary>
    /// The rules of a deal review action, checked before the change with the whole request in view:
    /// owned by one person, due on a date, regarding the review's opportunity, aimed (if at all) at a
    /// stakeholder of that opportunity; it stays with its review until Team Selling carries it forward;
    /// a moved due date gives its reason and keeps the first one; closing records the outcome.
    /// Ordinary tasks (no deal review, before or after) cost nothing: the rules return before any call.
    /// </summary>
    public static class ReviewActionRules
    {
        /// <summary>The primary name column of the standard team table.</summary>
        private const string TeamNameColumn = "name";

        /// <summary>
        /// Checks the change and completes the target (Regarding from the review, the first due date, an
        /// outcome cleared on reopening). <paramref name="service"/> reads the review and the stakeholder as
        /// facts about the deal, whatever the caller may see. Cost: none for an ordinary task or a change
        /// that touches no link; one query for a new link to a review, one for a new target stakeholder.
        /// </summary>
        public static void Check(IOrganizationService service, ReviewActionChange change)
        {
            if (service == null)
            {
                throw new ArgumentNullException(nameof(service));
            }

            if (change == null)
            {
                throw new ArgumentNullException(nameof(change));
            }

            if (!change.WasAction && !change.IsAction)
            {
                return;
            }

            if (change.WasAction && change.ChangesReview && !change.IsCarryForward)
            {
                throw Refusal.Because(UserMessages.ActionReviewIsFixed, change.Subject, change.ReviewBefore!.Name ?? change.ReviewBefore.Id.ToString("D"));
            }

            RequireOwner(service, change);
            RequireDueDate(change);

            if (change.BecomesAction)
            {
                RequireRegardingTheReviewsOpportunity(service, change);
            }
            else if (change.State.Changes(TaskNames.RegardingObjectId))
            {
                var regarding = change.State.GetBefore<EntityReference>(TaskNames.RegardingObjectId);
                throw Refusal.Because(UserMessages.ActionRegardingIsFixed, change.Subject, regarding?.Name ?? regarding?.Id.ToString("D"));
            }

            if (change.BecomesAction || change.State.Changes(TaskNames.StakeholderId))
            {
                RequireStakeholderOfTheOpportunity(service, change);
            }

            if (change.MovesDueDate)
            {
                RecordAmendment(change);
            }

            if (change.Closes && !ReviewActionChange.IsClosingOutcome(change.OutcomeAfter))
            {
                throw Refusal.Because(UserMessages.ActionCloseNeedsOutcome, change.Subject);
            }

            if (change.Reopens && !change.Target.Contains(TaskNames.ActionOutcome) && ReviewActionChange.IsClosingOutcome(change.OutcomeAfter))
            {
                // The closing outcome belonged to the closing; the reopened action waits for the next review's outcome.
                // The history keeps the old one.
                change.Target[TaskNames.ActionOutcome] = null;
            }
        }

        private static void RequireOwner(IOrganizationService service, ReviewActionChange change)
        {
            // On create the request must name the person: Dataverse would otherwise make the facilitator who
            // types the action its owner. On update Dataverse never lets ownerid go empty, so only a team is checked.
            if (change.IsCreate || change.BecomesAction || change.Target.Contains(TaskNames.OwnerId))
            {
                var owner = change.IsCreate ? change.Target.GetAttributeValue<EntityReference>(TaskNames.OwnerId) : change.State.Get<EntityReference>(TaskNames.OwnerId);
                if (owner == null)
                {
                    throw Refusal.Because(UserMessages.ActionNeedsOwner, change.Subject);
                }

                if (owner.LogicalName != SystemUserNames.LogicalName)
                {
                    throw Refusal.Because(UserMessages.ActionOwnedByTeam, change.Subject, NameOf(service, owner, TeamNameColumn));
                }
            }
        }

        private static void RequireDueDate(ReviewActionChange change)
        {
            if (change.BecomesAction && !change.DueAfter.HasValue)
            {
                throw Refusal.Because(UserMessages.ActionNeedsDueDate, change.Subject);
            }

            if (change.WasAction && change.State.Sets(TaskNames.ScheduledEnd) && !change.DueAfter.HasValue)
            {
                throw Refusal.Because(UserMessages.ActionDueDateCannotBeCleared, change.Subject);
            }
        }

        private static void RequireRegardingTheReviewsOpportunity(IOrganizationService service, ReviewActionChange change)
        {
            var reviewReference = change.ReviewAfter!;
            var review = service.RetrieveOrNull(ReviewNames.LogicalName, ReviewNames.Id, reviewReference.Id, ReviewNames.Name, ReviewNames.OpportunityId)
                ?? throw Refusal.Because(UserMessages.ActionReviewNotFound, change.Subject, reviewReference.Id.ToString("D"));
            var reviewName = review.GetAttributeValue<string>(ReviewNames.Name) ?? reviewReference.Id.ToString("D");
            var reviewOpportunity = review.GetAttributeValue<EntityReference>(ReviewNames.OpportunityId)
                ?? throw Refusal.Because(UserMessages.DealReviewNeedsOpportunity);

            var regarding = change.State.Get<EntityReference>(TaskNames.RegardingObjectId);
            if (regarding == null)
            {
                // The action is regarding the review's opportunity by definition: say so for the caller.
                change.Target[TaskNames.RegardingObjectId] = new EntityReference(OpportunityNames.LogicalName, reviewOpportunity.Id) { Name = reviewOpportunity.Name };
                return;
            }

            if (regarding.LogicalName != OpportunityNames.LogicalName)
            {
                throw Refusal.Because(UserMessages.ActionRegardingNotOpportunity, change.Subject, regarding.LogicalName, reviewName, reviewOpportunity.Name);
            }

            if (regarding.Id != reviewOpportunity.Id)
            {
                throw Refusal.Because(UserMessages.ActionReviewOfAnotherOpportunity, change.Subject, NameOf(service, regarding, OpportunityNames.Name), reviewName, reviewOpportunity.Name);
            }
        }

        private static void RequireStakeholderOfTheOpportunity(IOrganizationService service, ReviewActionChange change)
        {
            var stakeholderReference = change.State.Get<EntityReference>(TaskNames.StakeholderId);
            if (stakeholderReference == null)
            {
                return;
            }

            var opportunity = change.State.Get<EntityReference>(TaskNames.RegardingObjectId);
            var opportunityName = opportunity?.Name ?? opportunity?.Id.ToString("D");
            var stakeholder = service.RetrieveOrNull(StakeholderNames.LogicalName, StakeholderNames.Id, stakeholderReference.Id, StakeholderNames.Name, StakeholderNames.OpportunityId)
                ?? throw Refusal.Because(UserMessages.ActionStakeholderNotFound, change.Subject, stakeholderReference.Id.ToString("D"), opportunityName);
            if (stakeholder.GetAttributeValue<EntityReference>(StakeholderNames.OpportunityId)?.Id != opportunity?.Id)
            {
                throw Refusal.Because(UserMessages.ActionStakeholderOfAnotherOpportunity, change.Subject,
                    stakeholder.GetAttributeValue<string>(StakeholderNames.Name) ?? stakeholderReference.Id.ToString("D"), opportunityName);
            }
        }

        private static void RecordAmendment(ReviewActionChange change)
        {
            if (string.IsNullOrWhiteSpace(change.Target.GetAttributeValue<string>(TaskNames.AmendmentReason)))
            {
                throw Refusal.Because(UserMessages.ActionAmendmentNeedsReason, change.Subject, change.DueBefore!.Value, change.DueAfter!.Value);
            }

            // The first due date is kept once, at the first amendment; later amendments leave it alone.
            if (change.State.GetBefore<DateTime?>(TaskNames.OriginalDueDate) == null && !change.Target.Contains(TaskNames.OriginalDueDate))
            {
                change.Target[TaskNames.OriginalDueDate] = change.DueBefore!.Value;
            }
        }

        /// <summary>
        /// A record's name for a message: the reference's own (images carry it) or else read, which only a
        /// refusal pays for; the id when the record cannot be read. For the standard tables it names (team,
        /// opportunity), whose primary key is their logical name followed by "id".
        /// </summary>
        private static string NameOf(IOrganizationService service, EntityReference reference, string nameColumn)
        {
            if (!string.IsNullOrEmpty(reference.Name))
            {
                return reference.Name;
            }

            var row = service.RetrieveOrNull(reference.LogicalName, reference.LogicalName + "id", reference.Id, nameColumn);
            return row?.GetAttributeValue<string>(nameColumn) ?? reference.Id.ToString("D");
        }

        /// <summary>
        /// The row with the columns asked for, or null when it does not exist: one query, which unlike
        /// Retrieve lets a deleted review or stakeholder become a message instead of a platform fault.
        /// </summary>
        private static Entity? RetrieveOrNull(this IOrganizationService service, string table, string idColumn, Guid id, params string[] columns)
        {
            var query = new QueryExpression(table) { ColumnSet = new ColumnSet(columns), TopCount = 1 };
            query.Criteria.AddCondition(idColumn, ConditionOperator.Equal, id);
            var rows = service.RetrieveMultiple(query).Entities;
            return rows.Count == 0 ? null : rows[0];
        }
    }
}
