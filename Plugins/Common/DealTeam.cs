using System;
using System.Collections.Generic;
using System.Linq;
using CrmTeamSelling.Plugins.Model;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Member = CrmTeamSelling.Plugins.Model.LogicalNames.DealTeamMember;
using OpportunityNames = CrmTeamSelling.Plugins.Model.LogicalNames.Opportunity;
using SystemUserNames = CrmTeamSelling.Plugins.Model.LogicalNames.SystemUser;

namespace CrmTeamSelling.Plugins.Common
{
    /// <summary>
    /// Who works an opportunity: its owner and its active deal team members, loaded in one query.
    /// Answers "may this user change the deal's records?" and "whom do we tell?".
    /// </summary>
    public sealed class DealTeam
    {
        private const string MemberAlias = "member";
        private readonly HashSet<Guid> activeMembers;

        private DealTeam(Guid opportunityId, string? opportunityName, EntityReference? owner, HashSet<Guid> activeMembers)
        {
            OpportunityId = opportunityId;
            OpportunityName = opportunityName;
            Owner = owner;
            this.activeMembers = activeMembers;
        }

        public Guid OpportunityId { get; }

        public string? OpportunityName { get; }

        /// <summary>The opportunity's owner (a user or a team).</summary>
        public EntityReference? Owner { get; }

        public IReadOnlyCollection<Guid> ActiveMemberUserIds => activeMembers;

        /// <summary>Loads the opportunity's owner and the users of its active team members: one query.</summary>
        public static DealTeam Load(IOrganizationService service, Guid opportunityId)
        {
            return TryLoad(service, opportunityId) ?? throw new InvalidPluginExecutionException(string.Format(System.Globalization.CultureInfo.InvariantCulture,
                UserMessages.OpportunityNotFound, opportunityId));
        }

        /// <summary>As <see cref="Load"/>, but null when the opportunity no longer exists (a step cleaning up after a cascade delete).</summary>
        public static DealTeam? TryLoad(IOrganizationService service, Guid opportunityId)
        {
            var query = new QueryExpression(OpportunityNames.LogicalName)
            {
                ColumnSet = new ColumnSet(OpportunityNames.Name, OpportunityNames.OwnerId),
            };
            query.Criteria.AddCondition(OpportunityNames.Id, ConditionOperator.Equal, opportunityId);
            var members = query.AddLink(Member.LogicalName, OpportunityNames.Id, Member.OpportunityId, JoinOperator.LeftOuter);
            members.EntityAlias = MemberAlias;
            members.Columns = new ColumnSet(Member.UserId);
            members.LinkCriteria.AddCondition(Member.StateCode, ConditionOperator.Equal, StateCodes.Active);

            var rows = service.RetrieveMultiple(query).Entities;
            if (rows.Count == 0)
            {
                return null;
            }

            var userIds = new HashSet<Guid>();
            foreach (var row in rows)
            {
                if (row.GetAttributeValue<AliasedValue>(MemberAlias + "." + Member.UserId)?.Value is EntityReference user)
                {
                    userIds.Add(user.Id);
                }
            }

            return new DealTeam(opportunityId, rows[0].GetAttributeValue<string>(OpportunityNames.Name), rows[0].GetAttributeValue<EntityReference>(OpportunityNames.OwnerId), userIds);
        }

        public bool IsOwner(Guid userId) => Owner != null && Owner.LogicalName == SystemUserNames.LogicalName && Owner.Id == userId;

        public bool IsActiveMember(Guid userId) => activeMembers.Contains(userId);

        /// <summary>The owner and the active members may work the deal's records.</summary>
        public bool MayWorkTheDeal(Guid userId) => IsOwner(userId) || IsActiveMember(userId);

        /// <summary>Everyone who hears of a change: active members and the owning user, except the person who made it.</summary>
        public IReadOnlyList<Guid> RecipientsExcept(Guid changedBy)
        {
            var recipients = new List<Guid>(activeMembers);
            if (Owner != null && Owner.LogicalName == SystemUserNames.LogicalName && !activeMembers.Contains(Owner.Id))
            {
                recipients.Add(Owner.Id);
            }

            return recipients.Where(id => id != changedBy).OrderBy(id => id).ToList();
        }
    }
}
