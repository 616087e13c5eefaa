using System;
using System.Globalization;
using CrmTeamSelling.Plugins.Common;
using Microsoft.Xrm.Sdk;
using SystemUserNames = CrmTeamSelling.Plugins.Model.LogicalNames.SystemUser;
using TaskNames = CrmTeamSelling.Plugins.Model.LogicalNames.Task;

namespace CrmTeamSelling.Plugins.TaskActivity
{
    /// <summary>
    /// Who hears of an action being given to them: its new owner, when someone else gave it (a user who
    /// takes an action for themselves is not told). One notice per assignment: the event key names the
    /// task, who had it before (no one, for a new action), who has it now, and the moment of the change,
    /// so a retried job sends nothing twice while a later assignment to the same person is a new event.
    /// </summary>
    public static class ActionAssignment
    {
        /// <summary>The columns of the task the notice reads: the steps' post-image must hold them.</summary>
        public static readonly string[] ImageColumns =
        {
            TaskNames.Subject, TaskNames.OwnerId, TaskNames.DealReviewId, TaskNames.RegardingObjectId, TaskNames.ScheduledEnd, TaskNames.ModifiedOn, TaskNames.ModifiedBy,
        };

        /// <summary>
        /// The notice for the action as it is after the change (<paramref name="action"/>, the post-image),
        /// given by <paramref name="assignedBy"/>, who had it before (<paramref name="previousOwner"/>, null for
        /// a new action); null for an ordinary task, a team owner, or an action someone gave themselves.
        /// </summary>
        public static TeamNotice? NoticeFor(Entity action, Guid assignedBy, Guid? previousOwner)
        {
            if (action == null)
            {
                throw new ArgumentNullException(nameof(action));
            }

            var review = action.GetAttributeValue<EntityReference>(TaskNames.DealReviewId);
            var owner = action.GetAttributeValue<EntityReference>(TaskNames.OwnerId);
            if (review == null || owner == null || owner.LogicalName != SystemUserNames.LogicalName || owner.Id == assignedBy)
            {
                return null;
            }

            var changedOn = action.GetAttributeValue<DateTime?>(TaskNames.ModifiedOn)
                ?? throw new ArgumentException("The action image has no " + TaskNames.ModifiedOn + ": the step's post-image must include it.", nameof(action));
            var modifiedBy = action.GetAttributeValue<EntityReference>(TaskNames.ModifiedBy);
            var giver = modifiedBy != null && modifiedBy.Id == assignedBy && !string.IsNullOrEmpty(modifiedBy.Name) ? modifiedBy.Name : UserMessages.AColleague;
            var subject = action.GetAttributeValue<string>(TaskNames.Subject);
            subject = string.IsNullOrWhiteSpace(subject) ? UserMessages.UntitledAction : subject!.Trim();
            var opportunity = action.GetAttributeValue<EntityReference>(TaskNames.RegardingObjectId);

            return new TeamNotice(
                EventKey(action.Id, previousOwner, owner.Id, changedOn),
                Format(UserMessages.ActionAssignedTitle, subject),
                Format(UserMessages.ActionAssignedBody, giver, subject, review.Name ?? review.Id.ToString("D"), opportunity?.Name ?? opportunity?.Id.ToString("D"),
                    action.GetAttributeValue<DateTime?>(TaskNames.ScheduledEnd)),
                action.ToEntityReference());
        }

        /// <summary>The recipient of <paramref name="notice"/>: the action's owner.</summary>
        public static Guid Recipient(Entity action) => action.GetAttributeValue<EntityReference>(TaskNames.OwnerId).Id;

        /// <summary>
        /// task + previous owner + new owner + the moment the task changed hands (its modifiedon after the
        /// change). Dataverse keeps modifiedon to the second; the previous owner tells apart a task given
        /// away and given back within that second.
        /// </summary>
        public static string EventKey(Guid taskId, Guid? previousOwnerId, Guid ownerId, DateTime changedOn) =>
            TaskNames.LogicalName + "/" + taskId.ToString("D")
            + "/from/" + (previousOwnerId?.ToString("D") ?? "new")
            + "/to/" + ownerId.ToString("D")
            + "/at/" + changedOn.ToUniversalTime().ToString("o", CultureInfo.InvariantCulture);

        private static string Format(string format, params object?[] args) => string.Format(CultureInfo.InvariantCulture, format, args);
    }
}
