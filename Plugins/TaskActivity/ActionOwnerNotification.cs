using CrmTeamSelling.Plugins.Common;
using Microsoft.Xrm.Sdk;
using TaskNames = CrmTeamSelling.Plugins.Model.LogicalNames.Task;

namespace CrmTeamSelling.Plugins.TaskActivity
{
    /// <summary>
    /// The work of both notification steps (on create and on reassignment): read the post-image, build
    /// the notice, send it unless notifications are off. Cost: none for an ordinary task or a self-assigned
    /// action; otherwise the setting, then one query and one CreateMultiple.
    /// </summary>
    internal static class ActionOwnerNotification
    {
        /// <param name="localContext">The step's context, with the action's post-image.</param>
        /// <param name="previousOwner">For a reassignment, the owner before it (the pre-image's): an update that
        /// names the same owner again gives the action to no one new.</param>
        public static void Send(ILocalPluginContext localContext, EntityReference? previousOwner)
        {
            var action = localContext.GetPostImage();
            if (previousOwner != null && previousOwner.Id == action.GetAttributeValue<EntityReference>(TaskNames.OwnerId)?.Id)
            {
                localContext.Trace("The owner did not change: no notification.");
                return;
            }

            // The person who gave the action is the user who made the change, not a user the step runs as.
            var notice = ActionAssignment.NoticeFor(action, localContext.InitiatingUserId, previousOwner?.Id);
            if (notice == null)
            {
                localContext.Trace("Not an action given to someone else: no notification.");
                return;
            }

            var system = localContext.SystemService;
            if (!EnvironmentSettings.InAppNotificationsEnabled(system))
            {
                localContext.Trace("Notification channel is off: no notification for action {0}.", action.Id);
                return;
            }

            var sent = TeamNotifier.Notify(system, notice, new[] { ActionAssignment.Recipient(action) });
            localContext.Trace("Action {0}: {1} notification(s) sent.", action.Id, sent);
        }
    }
}
