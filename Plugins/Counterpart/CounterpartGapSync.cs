using System;
using System.Linq;
using CrmTeamSelling.Plugins.Common;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;
using Member = CrmTeamSelling.Plugins.Model.LogicalNames.DealTeamMember;
using Pairing = CrmTeamSelling.Plugins.Model.LogicalNames.Counterpart;
using StakeholderNames = CrmTeamSelling.Plugins.Model.LogicalNames.Stakeholder;

namespace CrmTeamSelling.Plugins.Counterpart
{
    /// <summary>
    /// Keeps the level gap and parity of pairings true when a team member's or a stakeholder's level
    /// changes: the pairings of that person are recomputed against the other side's level. Cost: one
    /// query for the pairings with the other side's level; when any pairing changes, the parity setting
    /// and one UpdateMultiple for all of them.
    /// </summary>
    public static class CounterpartGapSync
    {
        private const string OtherSideAlias = "other";

        /// <returns>How many pairings changed.</returns>
        public static int AfterMemberLevelChange(IOrganizationService service, Guid memberId, int? memberLevel) =>
            Sync(service, Pairing.DealTeamMemberId, memberId, StakeholderNames.LogicalName, Pairing.StakeholderId, StakeholderNames.Id, StakeholderNames.Level,
                otherLevel => LevelGapRule.Gap(memberLevel, otherLevel));

        /// <returns>How many pairings changed.</returns>
        public static int AfterStakeholderLevelChange(IOrganizationService service, Guid stakeholderId, int? stakeholderLevel) =>
            Sync(service, Pairing.StakeholderId, stakeholderId, Member.LogicalName, Pairing.DealTeamMemberId, Member.Id, Member.Level,
                otherLevel => LevelGapRule.Gap(otherLevel, stakeholderLevel));

        private static int Sync(IOrganizationService service, string changedSideColumn, Guid changedSideId,
            string otherTable, string otherSideColumn, string otherIdColumn, string otherLevelColumn, Func<int?, int?> gapFor)
        {
            var query = new QueryExpression(Pairing.LogicalName) { ColumnSet = new ColumnSet(Pairing.LevelGap, Pairing.LevelParity) };
            query.Criteria.AddCondition(changedSideColumn, ConditionOperator.Equal, changedSideId);
            var other = query.AddLink(otherTable, otherSideColumn, otherIdColumn, JoinOperator.LeftOuter);
            other.EntityAlias = OtherSideAlias;
            other.Columns = new ColumnSet(otherLevelColumn);
            var pairings = service.RetrieveAll(query);
            if (pairings.Count == 0)
            {
                return 0;
            }

            var mode = EnvironmentSettings.LevelParityMode(service);
            var changed = new EntityCollection { EntityName = Pairing.LogicalName };
            foreach (var pairing in pairings)
            {
                var otherLevel = (pairing.GetAttributeValue<AliasedValue>(OtherSideAlias + "." + otherLevelColumn)?.Value as OptionSetValue)?.Value;
                var gap = gapFor(otherLevel);
                var parity = LevelGapRule.Parity(gap, mode);
                if (pairing.GetAttributeValue<int?>(Pairing.LevelGap) == gap && RecordState.OptionValue(pairing.GetAttributeValue<OptionSetValue>(Pairing.LevelParity)) == parity)
                {
                    continue;
                }

                // The counterpart's own update step derives both columns again from the levels, as it
                // does for any write to them; these values are what it will find.
                changed.Entities.Add(new Entity(Pairing.LogicalName, pairing.Id)
                {
                    [Pairing.LevelGap] = gap,
                    [Pairing.LevelParity] = new OptionSetValue(parity),
                });
            }

            if (changed.Entities.Count > 0)
            {
                service.Execute(new UpdateMultipleRequest { Targets = changed });
            }

            return changed.Entities.Count;
        }
    }
}
