using System.Globalization;
using CrmTeamSelling.Plugins.Common;
using Microsoft.Xrm.Sdk;
using Solution = CrmTeamSelling.Plugins.Model.LogicalNames.DealSolution;

namespace CrmTeamSelling.Plugins.DealSolution
{
    /// <summary>
    /// Update of tsell_dealsolution, post-operation (40), asynchronous, filtered on the columns that can
    /// make a version (as VersionDealSolutionChange), with a pre-image of the version and a post-image of
    /// the version, change summary, name, opportunity and modifiedby. When the version moved, tells every active
    /// team member and the opportunity's owner, except the editor, in one in-app notification each.
    /// A retried job sends nothing twice (the notices' ids derive from the solution, version and recipient).
    /// Cost: the setting, the team (one query), then one query and one CreateMultiple whatever the team size.
    /// </summary>
    public sealed class NotifyTeamOfDealSolutionChange : PluginBase
    {
        public NotifyTeamOfDealSolutionChange()
            : base(typeof(NotifyTeamOfDealSolutionChange))
        {
        }

        protected override void ExecuteDataversePlugin(ILocalPluginContext localContext)
        {
            var solution = localContext.GetPostImage();
            var version = solution.GetAttributeValue<int?>(Solution.Version);
            // The images, not the Target, say whether this change made a version: the step's filter is the
            // columns a client sends, so it does not depend on how the platform filters on columns a
            // pre-operation plugin added.
            if (version != null && version == localContext.GetPreImage().GetAttributeValue<int?>(Solution.Version))
            {
                localContext.Trace("Version {0} unchanged: nothing to tell.", version);
                return;
            }

            var opportunity = solution.GetAttributeValue<EntityReference>(Solution.OpportunityId);
            if (version == null || opportunity == null)
            {
                var context = localContext.PluginExecutionContext;
                throw Refusal.Because(UserMessages.StepRegistrationLacks, context.MessageName, context.PrimaryEntityName, context.Stage,
                    "tsell_version and tsell_opportunityid in the post-image '" + PluginContextExtensions.PostImageName + "'");
            }

            var system = localContext.SystemService;
            if (!EnvironmentSettings.InAppNotificationsEnabled(system))
            {
                localContext.Trace("Notification channel is off: no notifications for version {0}.", version);
                return;
            }

            var team = DealTeam.TryLoad(system, opportunity.Id);
            if (team == null)
            {
                // The opportunity went (with its solution) before this job ran: there is no one left to tell.
                localContext.Trace("Opportunity {0} no longer exists: nothing to notify.", opportunity.Id);
                return;
            }

            // The editor is the user who made the change (InitiatingUserId), not the user a step may run as.
            var editor = localContext.InitiatingUserId;
            var modifiedBy = solution.GetAttributeValue<EntityReference>(Solution.ModifiedBy);
            var editorName = modifiedBy != null && modifiedBy.Id == editor && !string.IsNullOrEmpty(modifiedBy.Name) ? modifiedBy.Name : UserMessages.AColleague;
            var name = solution.GetAttributeValue<string>(Solution.Name) ?? DealSolutionNames.Versioned(team.OpportunityName, version.Value);
            var notice = new TeamNotice(
                EventKey(solution.Id, version.Value),
                Format(UserMessages.DealSolutionChangedTitle, name),
                Format(UserMessages.DealSolutionChangedBody, editorName, team.OpportunityName, version.Value, solution.GetAttributeValue<string>(Solution.ChangeSummary)),
                solution.ToEntityReference());
            var sent = TeamNotifier.Notify(system, notice, team.RecipientsExcept(editor));
            localContext.Trace("Version {0}: {1} notification(s) sent.", version, sent);
        }

        /// <summary>One event per solution version: the same version never notifies anyone twice.</summary>
        public static string EventKey(System.Guid solutionId, int version) =>
            Solution.LogicalName + "/" + solutionId.ToString("D") + "/v" + version.ToString(CultureInfo.InvariantCulture);

        private static string Format(string format, params object?[] args) => string.Format(CultureInfo.InvariantCulture, format, args);
    }
}
