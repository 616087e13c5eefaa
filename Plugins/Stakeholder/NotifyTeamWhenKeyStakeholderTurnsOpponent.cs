using System;
using System.Globalization;
using CrmTeamSelling.Plugins.Common;
using CrmTeamSelling.Plugins.Model;
using Microsoft.Xrm.Sdk;
using RecordState = CrmTeamSelling.Plugins.Common.RecordState;
using StakeholderNames = CrmTeamSelling.Plugins.Model.LogicalNames.Stakeholder;

namespace CrmTeamSelling.Plugins.Stakeholder
{
    /// <summary>
    /// Update of tsell_stakeholder (stance, buying role), post-operation, asynchronous: when a key
    /// stakeholder becomes an opponent (or an opponent becomes a key stakeholder), tells the deal team
    /// and the owner, except whoever made the change, with an in-app notification. Reads "PreImage" and
    /// "PostImage". The event key is the stakeholder and the moment of the change, so a retried job
    /// sends nothing twice, and turning opponent again later is a new event.
    /// </summary>
    public sealed class NotifyTeamWhenKeyStakeholderTurnsOpponent : PluginBase
    {
        public NotifyTeamWhenKeyStakeholderTurnsOpponent()
            : base(typeof(NotifyTeamWhenKeyStakeholderTurnsOpponent))
        {
        }

        protected override void ExecuteDataversePlugin(ILocalPluginContext localContext)
        {
            var before = localContext.GetPreImage();
            var after = localContext.GetPostImage();
            if (!IsKeyOpponent(after) || IsKeyOpponent(before))
            {
                localContext.Trace("Stakeholder {0} did not turn into a key opponent; nobody to tell.", after.Id);
                return;
            }

            // System service: notifications are created for, and owned by, the other team members.
            var service = localContext.SystemService;
            if (!EnvironmentSettings.InAppNotificationsEnabled(service))
            {
                localContext.Trace("Notifications are off ({0}); the team is not told.", EnvironmentVariables.NotificationChannel);
                return;
            }

            var opportunity = after.GetAttributeValue<EntityReference>(StakeholderNames.OpportunityId);
            var changedOn = after.GetAttributeValue<DateTime?>(StakeholderNames.ModifiedOn);
            if (opportunity == null || changedOn == null)
            {
                throw Refusal.Because(UserMessages.StepRegistrationLacks, localContext.PluginExecutionContext.MessageName, StakeholderNames.LogicalName,
                    localContext.PluginExecutionContext.Stage, "tsell_opportunityid and modifiedon in the post-image 'PostImage'");
            }

            var team = DealTeam.Load(service, opportunity.Id);
            var name = after.GetAttributeValue<string>(StakeholderNames.Name) ?? after.Id.ToString("D");
            var role = ChoiceLabels.BuyingRole(RecordState.OptionValue(after.GetAttributeValue<OptionSetValue>(StakeholderNames.BuyingRole)));
            var notice = new TeamNotice(
                EventKey(after.Id, changedOn.Value),
                string.Format(CultureInfo.InvariantCulture, UserMessages.KeyStakeholderTurnedOpponentTitle, name),
                string.Format(CultureInfo.InvariantCulture, UserMessages.KeyStakeholderTurnedOpponentBody, name, role, team.OpportunityName),
                new EntityReference(StakeholderNames.LogicalName, after.Id))
            {
                IconType = NotificationIcon.Warning,
                Priority = NotificationPriority.High,
            };
            var sent = TeamNotifier.Notify(service, notice, team.RecipientsExcept(localContext.InitiatingUserId));
            localContext.Trace("Told {0} team member(s) that stakeholder {1} turned opponent.", sent, after.Id);
        }

        /// <summary>The stakeholder and the moment of the change: the same event always has the same key.</summary>
        public static string EventKey(Guid stakeholderId, DateTime changedOn) =>
            "tsell_stakeholder|" + stakeholderId.ToString("D") + "|turned-opponent|" + AsUtc(changedOn).ToString("o", CultureInfo.InvariantCulture);

        // Dataverse returns UTC times; a time without a kind is taken as UTC so the key never depends on the server's zone.
        private static DateTime AsUtc(DateTime value) =>
            value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : DateTime.SpecifyKind(value, DateTimeKind.Utc);

        private static bool IsKeyOpponent(Entity image) =>
            StakeholderProfile.IsKeyRole(RecordState.OptionValue(image.GetAttributeValue<OptionSetValue>(StakeholderNames.BuyingRole)))
            && RecordState.OptionValue(image.GetAttributeValue<OptionSetValue>(StakeholderNames.Stance)) == Stance.Opponent;
    }
}
