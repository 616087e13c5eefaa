using System;
using System.Collections.Generic;
using CrmTeamSelling.Plugins.DealReview;
using CrmTeamSelling.Plugins.Common;
using CrmTeamSelling.Plugins.Model;
using Microsoft.Xrm.Sdk;
using TaskNames = CrmTeamSelling.Plugins.Model.LogicalNames.Task;

namespace CrmTeamSelling.Plugins.TaskActivity
{
    /// <summary>
    /// What a create or an update does to a task, read as a deal review action: is it an action (a task
    /// with a deal review), does it become one, is it carried forward, does its due date move, does it
    /// close or reopen, does it record an outcome. The validation before the change and the history after
    /// it both read the change through this one class, so they can never disagree about what happened.
    /// </summary>
    public sealed class ReviewActionChange
    {
        private ReviewActionChange(RecordState state, Guid taskId, bool isCreate, int depth)
        {
            State = state;
            TaskId = taskId;
            IsCreate = isCreate;
            Depth = depth;
        }

        /// <summary>The task after the change: the target's values over the pre-image's.</summary>
        public RecordState State { get; }

        public bool IsCreate { get; }

        /// <summary>The pipeline depth of the change: 1 for a user's own request, more when a plug-in made it.</summary>
        public int Depth { get; }

        /// <summary>A new task: the target is the whole record; <paramref name="taskId"/> is its id once created (empty before).</summary>
        public static ReviewActionChange OfCreate(Entity target, Guid taskId) => new ReviewActionChange(new RecordState(target, null), taskId, isCreate: true, depth: 1);

        /// <summary>An update: <paramref name="before"/> is the step's pre-image, <paramref name="depth"/> the context's Depth.</summary>
        public static ReviewActionChange OfUpdate(Entity target, Entity before, int depth)
        {
            var state = new RecordState(target, before ?? throw new ArgumentNullException(nameof(before)));
            return new ReviewActionChange(state, state.Id, isCreate: false, depth: depth);
        }

        public Guid TaskId { get; }

        public Entity Target => State.Target;

        /// <summary>The subject, for messages and history names.</summary>
        public string Subject
        {
            get
            {
                var subject = State.Get<string>(TaskNames.Subject);
                return string.IsNullOrWhiteSpace(subject) ? UserMessages.UntitledAction : subject!.Trim();
            }
        }

        public EntityReference? ReviewBefore => State.GetBefore<EntityReference>(TaskNames.DealReviewId);

        public EntityReference? ReviewAfter => State.Get<EntityReference>(TaskNames.DealReviewId);

        /// <summary>The task was a deal review action before this change.</summary>
        public bool WasAction => ReviewBefore != null;

        /// <summary>The task is a deal review action after this change. Every other task is an ordinary task, left alone.</summary>
        public bool IsAction => ReviewAfter != null;

        /// <summary>A new action, or an ordinary task linked to a review: the review decided it.</summary>
        public bool BecomesAction => IsAction && !WasAction;

        /// <summary>The change sets the review link to another review, or clears it.</summary>
        public bool ChangesReview => WasAction && State.Sets(TaskNames.DealReviewId) && ReviewAfter?.Id != ReviewBefore!.Id;

        /// <summary>
        /// Team Selling carrying the open action forward to the next review: a plug-in (depth above 1) moves
        /// the action from the review it belongs to and records that review as the one it came from. A user's
        /// own request never counts as one, whatever it sets.
        /// </summary>
        public bool IsCarryForward =>
            ChangesReview
            && ReviewAfter != null
            && Depth > 1
            && Target.GetAttributeValue<EntityReference>(TaskNames.CarriedForwardFromId)?.Id == ReviewBefore!.Id;

        public DateTime? DueBefore => State.GetBefore<DateTime?>(TaskNames.ScheduledEnd);

        public DateTime? DueAfter => State.Get<DateTime?>(TaskNames.ScheduledEnd);

        /// <summary>An action's due date moves from one date to another: an amendment, which needs its reason.</summary>
        public bool MovesDueDate => WasAction && State.Sets(TaskNames.ScheduledEnd) && DueBefore.HasValue && DueAfter.HasValue && DueAfter.Value != DueBefore.Value;

        public int StateBefore => State.GetBefore<OptionSetValue>(TaskNames.StateCode)?.Value ?? TaskState.Open;

        public int StateAfter => IsCreate
            ? TaskState.Open
            : State.Get<OptionSetValue>(TaskNames.StateCode)?.Value ?? TaskState.Open;

        /// <summary>The action goes from open to completed or canceled.</summary>
        public bool Closes => !IsCreate && State.Sets(TaskNames.StateCode) && StateBefore == TaskState.Open && StateAfter != TaskState.Open;

        /// <summary>The action goes from completed or canceled back to open.</summary>
        public bool Reopens => !IsCreate && State.Sets(TaskNames.StateCode) && StateBefore != TaskState.Open && StateAfter == TaskState.Open;

        public int? OutcomeAfter => State.Get<OptionSetValue>(TaskNames.ActionOutcome)?.Value;

        /// <summary>The outcome or its notes change, without the action closing or reopening in the same change.</summary>
        public bool ChangesOutcomeOnly =>
            !Closes && !Reopens && (State.Changes(TaskNames.ActionOutcome) || State.Changes(TaskNames.OutcomeNotes));

        /// <summary>
        /// The outcome is emptied and nothing else about it changes: what a reopening does (in the first part
        /// of the update Dataverse splits, while the action still reads closed). There is no outcome to
        /// record; the reopening records itself, and the history keeps the outcome it had.
        /// </summary>
        public bool ClearsOutcomeOnly =>
            State.Changes(TaskNames.ActionOutcome) && OutcomeAfter == null && !State.Changes(TaskNames.OutcomeNotes);

        /// <summary>
        /// The steps of the action's history this change makes, once it happened: none for an ordinary task,
        /// nor for a carry-forward (the review that opens records those, all in one call). A closing outcome
        /// set on an open action waits for the closing, which records it; so an update that Dataverse runs
        /// in two parts (the outcome first, the state after) records the closing once. The outcome a closing
        /// records is read from <paramref name="after"/> (the post-image) when the step has one: in the
        /// second part of such an update the target holds only the state.
        /// </summary>
        public IReadOnlyList<ActionStep> HistorySteps(Guid changedBy, Entity? after = null)
        {
            var steps = new List<ActionStep>();
            if (!IsAction || IsCarryForward)
            {
                return steps;
            }

            var regarding = State.Get<EntityReference>(TaskNames.RegardingObjectId);
            var opportunity = regarding?.LogicalName == LogicalNames.Opportunity.LogicalName ? regarding : null;
            ActionStep NewStep(int step) => new ActionStep(step, TaskId, Subject, opportunity, ReviewAfter!, DueAfter, changedBy);

            if (BecomesAction)
            {
                steps.Add(NewStep(ActionHistoryStep.Decided));
            }

            if (MovesDueDate)
            {
                var amended = NewStep(ActionHistoryStep.Amended);
                amended.PreviousDueDate = DueBefore;
                amended.AmendmentReason = Target.GetAttributeValue<string>(TaskNames.AmendmentReason);
                steps.Add(amended);
            }

            if (Closes || (ChangesOutcomeOnly && !BecomesAction && !ClearsOutcomeOnly && (StateAfter != TaskState.Open || !IsClosingOutcome(OutcomeAfter))))
            {
                var outcome = NewStep(Closes ? ActionHistoryStep.Closed : ActionHistoryStep.OutcomeRecorded);
                outcome.Outcome = after != null ? after.GetAttributeValue<OptionSetValue>(TaskNames.ActionOutcome)?.Value : OutcomeAfter;
                outcome.OutcomeNotes = after != null ? after.GetAttributeValue<string>(TaskNames.OutcomeNotes) : State.Get<string>(TaskNames.OutcomeNotes);
                steps.Add(outcome);
            }
            else if (Reopens)
            {
                steps.Add(NewStep(ActionHistoryStep.Reopened));
            }

            return steps;
        }

        /// <summary>Done and Dropped end an action; On Track, At Risk and Blocked describe an open one.</summary>
        public static bool IsClosingOutcome(int? outcome) => outcome == ActionOutcome.Done || outcome == ActionOutcome.Dropped;
    }
}
