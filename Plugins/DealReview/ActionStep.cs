using System;
using System.Globalization;
using CrmTeamSelling.Plugins.Common;
using CrmTeamSelling.Plugins.Model;
using Microsoft.Xrm.Sdk;
using EntryNames = CrmTeamSelling.Plugins.Model.LogicalNames.ReviewActionEntry;
using SystemUserNames = CrmTeamSelling.Plugins.Model.LogicalNames.SystemUser;

namespace CrmTeamSelling.Plugins.DealReview
{
    /// <summary>
    /// One step in the life of a deal review action, as its history entry (tsell_reviewactionentry)
    /// records it. Every step names the action, its opportunity, the review it belongs to after the
    /// step, its due date then, and who made the change; an amendment adds the earlier due date and the
    /// reason, a closing or an outcome adds the outcome and its notes.
    /// </summary>
    public sealed class ActionStep
    {
        public ActionStep(int step, Guid actionId, string subject, EntityReference? opportunity, EntityReference review, DateTime? dueDate, Guid changedBy)
        {
            Step = step;
            ActionId = actionId;
            Subject = subject ?? throw new ArgumentNullException(nameof(subject));
            Opportunity = opportunity;
            Review = review ?? throw new ArgumentNullException(nameof(review));
            DueDate = dueDate;
            ChangedBy = changedBy;
        }

        /// <summary>An <see cref="ActionHistoryStep"/> value.</summary>
        public int Step { get; }

        public Guid ActionId { get; }

        /// <summary>The task's subject, kept in the entry's name so the history reads even after the task is gone.</summary>
        public string Subject { get; }

        /// <summary>The opportunity the action is regarding: the entry's parent.</summary>
        public EntityReference? Opportunity { get; }

        /// <summary>The review the action belongs to after this step.</summary>
        public EntityReference Review { get; }

        /// <summary>The due date after this step.</summary>
        public DateTime? DueDate { get; }

        /// <summary>The user who made the change; the entry is theirs.</summary>
        public Guid ChangedBy { get; }

        /// <summary>For an amendment: the due date before it.</summary>
        public DateTime? PreviousDueDate { get; set; }

        /// <summary>For an amendment: why the due date moved.</summary>
        public string? AmendmentReason { get; set; }

        /// <summary>For a closing or an outcome recorded: an <see cref="ActionOutcome"/> value.</summary>
        public int? Outcome { get; set; }

        public string? OutcomeNotes { get; set; }

        /// <summary>
        /// The entry's name, readable in any list without opening it: "Send the ROI model – Decided, due
        /// 2026-03-09", "… – Amended: 2026-03-09 → 2026-03-20", "… – Closed: Done".
        /// </summary>
        public string Name
        {
            get
            {
                var step = ChoiceLabels.ActionHistoryStep(Step);
                if (PreviousDueDate.HasValue)
                {
                    return PrimaryName.Compose(Subject, step + ": " + Day(PreviousDueDate) + " → " + Day(DueDate));
                }

                if (Outcome.HasValue)
                {
                    return PrimaryName.Compose(Subject, step + ": " + ChoiceLabels.ActionOutcome(Outcome));
                }

                return PrimaryName.Compose(Subject, DueDate.HasValue ? step + ", due " + Day(DueDate) : step);
            }
        }

        public Entity ToEntity()
        {
            var user = new EntityReference(SystemUserNames.LogicalName, ChangedBy);
            var entry = new Entity(EntryNames.LogicalName)
            {
                [EntryNames.Name] = Name,
                [EntryNames.Step] = new OptionSetValue(Step),
                [EntryNames.ActionId] = new EntityReference(LogicalNames.Task.LogicalName, ActionId),
                [EntryNames.DealReviewId] = new EntityReference(LogicalNames.DealReview.LogicalName, Review.Id),
                [EntryNames.ChangedBy] = user,
                [EntryNames.OwnerId] = user,
            };
            Set(entry, EntryNames.OpportunityId, Opportunity == null ? null : new EntityReference(LogicalNames.Opportunity.LogicalName, Opportunity.Id));
            Set(entry, EntryNames.DueDate, DueDate);
            Set(entry, EntryNames.PreviousDueDate, PreviousDueDate);
            Set(entry, EntryNames.AmendmentReason, AmendmentReason);
            Set(entry, EntryNames.Outcome, Outcome.HasValue ? new OptionSetValue(Outcome.Value) : null);
            Set(entry, EntryNames.OutcomeNotes, OutcomeNotes);
            return entry;
        }

        // Only what the step knows goes into the create: an empty column is left out rather than written as null.
        private static void Set(Entity entry, string column, object? value)
        {
            if (value != null)
            {
                entry[column] = value;
            }
        }

        private static string Day(DateTime? value) => value?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "none";
    }
}
