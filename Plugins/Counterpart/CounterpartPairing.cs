using System;
using CrmTeamSelling.Plugins.Common;
using CrmTeamSelling.Plugins.Model;
using Microsoft.Xrm.Sdk;
using RecordState = CrmTeamSelling.Plugins.Common.RecordState;
using Microsoft.Xrm.Sdk.Query;
using ContactNames = CrmTeamSelling.Plugins.Model.LogicalNames.Contact;
using Member = CrmTeamSelling.Plugins.Model.LogicalNames.DealTeamMember;
using Pairing = CrmTeamSelling.Plugins.Model.LogicalNames.Counterpart;
using StakeholderNames = CrmTeamSelling.Plugins.Model.LogicalNames.Stakeholder;
using SystemUserNames = CrmTeamSelling.Plugins.Model.LogicalNames.SystemUser;

namespace CrmTeamSelling.Plugins.Counterpart
{
    /// <summary>
    /// The rules of a counterpart pairing before it is saved: a team member and a stakeholder, both
    /// active and of the same opportunity (which the pairing takes from them), one pairing per member
    /// and stakeholder, the level gap and parity flag kept from their levels under the parity setting,
    /// and the name "Jane Doe ↔ Ana Silva" (member's user ↔ stakeholder's contact).
    /// </summary>
    public static class CounterpartPairing
    {
        public const string NameSeparator = " ↔ ";

        private const string UserAlias = "user";
        private const string ContactAlias = "contact";

        /// <summary>
        /// Checks the pairing as it will be after the change and sets opportunity, level gap, parity and
        /// name on the target. Cost when the pairing or a kept column changes: the member, the stakeholder
        /// and the parity setting (three queries), plus the one-pairing check when the pair changes.
        /// </summary>
        public static void Prepare(IOrganizationService service, RecordState pairing)
        {
            var memberReference = pairing.Get<EntityReference>(Pairing.DealTeamMemberId);
            if (memberReference == null)
            {
                throw Refusal.Because(UserMessages.CounterpartNeedsMember);
            }

            var stakeholderReference = pairing.Get<EntityReference>(Pairing.StakeholderId);
            if (stakeholderReference == null)
            {
                throw Refusal.Because(UserMessages.CounterpartNeedsStakeholder);
            }

            var pairs = pairing.Before == null || pairing.Changes(Pairing.DealTeamMemberId) || pairing.Changes(Pairing.StakeholderId);
            var keptColumnWritten = pairing.Sets(Pairing.OpportunityId) || pairing.Sets(Pairing.LevelGap) || pairing.Sets(Pairing.LevelParity) || pairing.Sets(Pairing.Name);
            if (!pairs && !keptColumnWritten)
            {
                return;
            }

            var member = Side.LoadMember(service, memberReference.Id);
            var stakeholder = Side.LoadStakeholder(service, stakeholderReference.Id);
            if (pairs && !member.IsActive)
            {
                throw Refusal.Because(UserMessages.CounterpartMemberInactive, member.PersonName);
            }

            if (pairs && !stakeholder.IsActive)
            {
                throw Refusal.Because(UserMessages.CounterpartStakeholderInactive, stakeholder.PersonName);
            }

            if (member.OpportunityId != stakeholder.OpportunityId)
            {
                throw Refusal.Because(UserMessages.CounterpartAcrossOpportunities, member.PersonName, stakeholder.PersonName);
            }

            var statedOpportunity = pairing.Get<EntityReference>(Pairing.OpportunityId);
            if (statedOpportunity != null && statedOpportunity.Id != member.OpportunityId)
            {
                throw Refusal.Because(UserMessages.CounterpartOnOtherOpportunity, member.PersonName, stakeholder.PersonName);
            }

            if (pairs)
            {
                RefuseSecondPairing(service, memberReference.Id, stakeholderReference.Id, pairing.Id, member.PersonName, stakeholder.PersonName);
            }

            var mode = EnvironmentSettings.LevelParityMode(service);
            var gap = LevelGapRule.Gap(member.Level, stakeholder.Level);
            // Enforce refuses making a pairing of mismatched rank. A pairing that becomes mismatched
            // because someone's level was corrected is kept and flagged: the level is a fact about a person.
            if (pairs && mode == LevelParityModes.Enforce && LevelGapRule.ExceedsTolerance(gap))
            {
                throw Refusal.Because(UserMessages.CounterpartLevelGapRefused,
                    member.PersonName, ChoiceLabels.Level(member.Level), stakeholder.PersonName, ChoiceLabels.Level(stakeholder.Level), Math.Abs(gap!.Value), LevelGapRule.Tolerance);
            }

            var target = pairing.Target;
            target[Pairing.OpportunityId] = new EntityReference(LogicalNames.Opportunity.LogicalName, member.OpportunityId);
            target[Pairing.LevelGap] = gap;
            target[Pairing.LevelParity] = new OptionSetValue(LevelGapRule.Parity(gap, mode));
            target[Pairing.Name] = PrimaryName.Fit(member.PersonName + NameSeparator + stakeholder.PersonName);
        }

        // The alternate key on (member, stakeholder) refuses it too, with the platform's generic error,
        // and only once Dataverse has built the key's index.
        private static void RefuseSecondPairing(IOrganizationService service, Guid memberId, Guid stakeholderId, Guid pairingId, string memberName, string stakeholderName)
        {
            var query = new QueryExpression(Pairing.LogicalName) { ColumnSet = new ColumnSet(false), TopCount = 1 };
            query.Criteria.AddCondition(Pairing.DealTeamMemberId, ConditionOperator.Equal, memberId);
            query.Criteria.AddCondition(Pairing.StakeholderId, ConditionOperator.Equal, stakeholderId);
            if (pairingId != Guid.Empty)
            {
                query.Criteria.AddCondition(Pairing.Id, ConditionOperator.NotEqual, pairingId);
            }

            if (service.RetrieveMultiple(query).Entities.Count > 0)
            {
                throw Refusal.Because(UserMessages.CounterpartAlreadyPaired, memberName, stakeholderName);
            }
        }

        /// <summary>One side of the pairing as the rules need it: whose opportunity, which level, who.</summary>
        private sealed class Side
        {
            private Side(Guid opportunityId, int? level, bool isActive, string personName)
            {
                OpportunityId = opportunityId;
                Level = level;
                IsActive = isActive;
                PersonName = personName;
            }

            public Guid OpportunityId { get; }

            public int? Level { get; }

            public bool IsActive { get; }

            public string PersonName { get; }

            public static Side LoadMember(IOrganizationService service, Guid memberId) =>
                Load(service, Member.LogicalName, Member.Id, memberId, Member.OpportunityId, Member.Level, Member.StateCode,
                    Member.UserId, SystemUserNames.LogicalName, SystemUserNames.Id, SystemUserNames.FullName, UserAlias, Member.Name);

            public static Side LoadStakeholder(IOrganizationService service, Guid stakeholderId) =>
                Load(service, StakeholderNames.LogicalName, StakeholderNames.Id, stakeholderId, StakeholderNames.OpportunityId, StakeholderNames.Level, StakeholderNames.StateCode,
                    StakeholderNames.ContactId, ContactNames.LogicalName, ContactNames.Id, ContactNames.FullName, ContactAlias, StakeholderNames.Name);

            // One query: the record with the full name of the person it stands for.
            private static Side Load(IOrganizationService service, string table, string idColumn, Guid id, string opportunityColumn, string levelColumn, string stateColumn,
                string personColumn, string personTable, string personIdColumn, string personNameColumn, string alias, string recordNameColumn)
            {
                var query = new QueryExpression(table) { ColumnSet = new ColumnSet(opportunityColumn, levelColumn, stateColumn, recordNameColumn) };
                query.Criteria.AddCondition(idColumn, ConditionOperator.Equal, id);
                var person = query.AddLink(personTable, personColumn, personIdColumn, JoinOperator.LeftOuter);
                person.EntityAlias = alias;
                person.Columns = new ColumnSet(personNameColumn);

                var rows = service.RetrieveMultiple(query).Entities;
                if (rows.Count == 0)
                {
                    throw Refusal.Because(UserMessages.CounterpartSideNotFound, table, id);
                }

                var row = rows[0];
                var opportunity = row.GetAttributeValue<EntityReference>(opportunityColumn);
                var personName = row.GetAttributeValue<AliasedValue>(alias + "." + personNameColumn)?.Value as string
                    ?? row.GetAttributeValue<string>(recordNameColumn)
                    ?? id.ToString("D");
                return new Side(
                    opportunity?.Id ?? Guid.Empty,
                    RecordState.OptionValue(row.GetAttributeValue<OptionSetValue>(levelColumn)),
                    RecordState.OptionValue(row.GetAttributeValue<OptionSetValue>(stateColumn)) != StateCodes.Inactive,
                    personName);
            }
        }
    }
}
