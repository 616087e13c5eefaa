using System;
using CrmTeamSelling.Plugins.Common;
using CrmTeamSelling.Plugins.Model;
using Microsoft.Xrm.Sdk;
using RecordState = CrmTeamSelling.Plugins.Common.RecordState;
using Microsoft.Xrm.Sdk.Query;
using Member = CrmTeamSelling.Plugins.Model.LogicalNames.DealTeamMember;
using SystemUserNames = CrmTeamSelling.Plugins.Model.LogicalNames.SystemUser;

namespace CrmTeamSelling.Plugins.DealTeamMember
{
    /// <summary>
    /// The rules of a deal team membership before it is saved: it names a user and an opportunity,
    /// stays on its opportunity, one membership per user per deal, no disabled users; and its primary
    /// name "Jane Doe – Sales Manager" (user – team role).
    /// </summary>
    public static class DealTeamMembership
    {
        /// <summary>
        /// Checks the membership as it will be after the change and sets its name on the target.
        /// <paramref name="service"/> must see every membership of the deal and every user, whoever
        /// saves: the one-per-user check and the name must not depend on what the saver may read.
        /// Cost: nothing when no rule's input changes; else one user read and, when the user changes,
        /// one membership query.
        /// </summary>
        public static void Prepare(IOrganizationService service, RecordState member)
        {
            var isNew = member.Before == null;
            var opportunity = member.Get<EntityReference>(Member.OpportunityId);
            if (opportunity == null)
            {
                throw Refusal.Because(UserMessages.MemberNeedsOpportunity);
            }

            if (!isNew && member.Changes(Member.OpportunityId))
            {
                throw Refusal.Because(UserMessages.MemberCannotMoveToAnotherOpportunity, member.Before!.GetAttributeValue<string>(Member.Name));
            }

            var user = member.Get<EntityReference>(Member.UserId);
            if (user == null)
            {
                throw Refusal.Because(UserMessages.MemberNeedsUser);
            }

            var userChanges = isNew || member.Changes(Member.UserId);
            var activeAfter = IsActive(member.Get<OptionSetValue>(Member.StateCode));
            var becomesActive = activeAfter && (isNew || !IsActive(member.GetBefore<OptionSetValue>(Member.StateCode)));
            var renames = userChanges || member.Sets(Member.TeamRole) || member.Sets(Member.Name);
            if (!userChanges && !becomesActive && !renames)
            {
                return;
            }

            var colleague = service.Retrieve(SystemUserNames.LogicalName, user.Id, new ColumnSet(SystemUserNames.FullName, SystemUserNames.IsDisabled));
            var fullName = colleague.GetAttributeValue<string>(SystemUserNames.FullName) ?? user.Id.ToString("D");
            if ((userChanges || becomesActive) && activeAfter && colleague.GetAttributeValue<bool>(SystemUserNames.IsDisabled))
            {
                throw Refusal.Because(UserMessages.MemberUserDisabled, fullName);
            }

            if (userChanges)
            {
                RefuseSecondMembership(service, opportunity.Id, user.Id, member.Id, fullName);
            }

            member.Target[Member.Name] = PrimaryName.Compose(fullName, ChoiceLabels.TeamRole(RecordState.OptionValue(member.Get<OptionSetValue>(Member.TeamRole))));
        }

        // The alternate key on (opportunity, user) would refuse the duplicate too, but with the
        // platform's generic duplicate-key error; and an alternate key only holds once its index is
        // built, which Dataverse does asynchronously after import.
        private static void RefuseSecondMembership(IOrganizationService service, Guid opportunityId, Guid userId, Guid memberId, string fullName)
        {
            var query = new QueryExpression(Member.LogicalName)
            {
                ColumnSet = new ColumnSet(Member.TeamRole, Member.StateCode),
                TopCount = 1,
            };
            query.Criteria.AddCondition(Member.OpportunityId, ConditionOperator.Equal, opportunityId);
            query.Criteria.AddCondition(Member.UserId, ConditionOperator.Equal, userId);
            if (memberId != Guid.Empty)
            {
                query.Criteria.AddCondition(Member.Id, ConditionOperator.NotEqual, memberId);
            }

            var existing = service.RetrieveMultiple(query).Entities;
            if (existing.Count == 0)
            {
                return;
            }

            var role = ChoiceLabels.TeamRole(RecordState.OptionValue(existing[0].GetAttributeValue<OptionSetValue>(Member.TeamRole))) ?? "no role yet";
            throw IsActive(existing[0].GetAttributeValue<OptionSetValue>(Member.StateCode))
                ? Refusal.Because(UserMessages.MemberAlreadyOnTeam, fullName, role)
                : Refusal.Because(UserMessages.MemberAlreadyOnTeamInactive, fullName, role);
        }

        internal static bool IsActive(OptionSetValue? state) => state == null || state.Value == StateCodes.Active;
    }
}
