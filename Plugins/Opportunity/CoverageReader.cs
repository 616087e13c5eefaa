using System;
using CrmTeamSelling.Plugins.Common;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Names = CrmTeamSelling.Plugins.Model.LogicalNames;

namespace CrmTeamSelling.Plugins.Opportunity
{
    /// <summary>
    /// Reads what coverage needs in a fixed number of queries, whatever the size of the deal: the
    /// opportunity, its stakeholders (with contact names), its members (with user names), its pairings,
    /// its solution with every acknowledgement, its open review actions, and two settings. Eight calls
    /// (more only past 5,000 rows of one kind, one per further page); never one per stakeholder.
    /// </summary>
    public static class CoverageReader
    {
        private const string PersonAlias = "person";
        private const string AcknowledgementAlias = "ack";

        /// <param name="data">Reads the deal's records as the caller: coverage shows what they may see.</param>
        /// <param name="settings">Reads the settings, which every user of the solution may know.</param>
        public static CoverageFacts Read(IOrganizationService data, IOrganizationService settings, Guid opportunityId, DateTime now)
        {
            // Fails with the platform's "does not exist" or access error when the caller cannot see the deal.
            data.Retrieve(Names.Opportunity.LogicalName, opportunityId, new ColumnSet(Names.Opportunity.Name));

            var facts = new CoverageFacts
            {
                OpportunityId = opportunityId,
                Now = now,
                StaleRelationshipDays = EnvironmentSettings.StaleRelationshipDays(settings),
                LevelParityMode = EnvironmentSettings.LevelParityMode(settings),
            };
            ReadStakeholders(data, opportunityId, facts);
            ReadMembers(data, opportunityId, facts);
            ReadPairings(data, opportunityId, facts);
            ReadSolution(data, opportunityId, facts);
            ReadOpenReviewActions(data, opportunityId, facts);
            return facts;
        }

        private static void ReadStakeholders(IOrganizationService service, Guid opportunityId, CoverageFacts facts)
        {
            var s = Names.Stakeholder.LogicalName;
            var query = ActiveChildren(s, Names.Stakeholder.OpportunityId, opportunityId,
                Names.Stakeholder.Name, Names.Stakeholder.BuyingRole, Names.Stakeholder.Stance, Names.Stakeholder.Level, Names.Stakeholder.Influence);
            LinkPersonName(query, Names.Stakeholder.ContactId, Names.Contact.LogicalName, Names.Contact.Id, Names.Contact.FullName);
            foreach (var row in service.RetrieveAll(query))
            {
                facts.Stakeholders.Add(new StakeholderFacts
                {
                    Id = row.Id,
                    Name = PersonName(row, Names.Contact.FullName, Names.Stakeholder.Name),
                    BuyingRole = Option(row, Names.Stakeholder.BuyingRole),
                    Stance = Option(row, Names.Stakeholder.Stance),
                    Level = Option(row, Names.Stakeholder.Level),
                    Influence = Option(row, Names.Stakeholder.Influence),
                });
            }
        }

        private static void ReadMembers(IOrganizationService service, Guid opportunityId, CoverageFacts facts)
        {
            var query = ActiveChildren(Names.DealTeamMember.LogicalName, Names.DealTeamMember.OpportunityId, opportunityId,
                Names.DealTeamMember.Name, Names.DealTeamMember.UserId, Names.DealTeamMember.Level);
            LinkPersonName(query, Names.DealTeamMember.UserId, Names.SystemUser.LogicalName, Names.SystemUser.Id, Names.SystemUser.FullName);
            foreach (var row in service.RetrieveAll(query))
            {
                facts.Members.Add(new MemberFacts
                {
                    Id = row.Id,
                    UserId = row.GetAttributeValue<EntityReference>(Names.DealTeamMember.UserId)?.Id ?? Guid.Empty,
                    Name = PersonName(row, Names.SystemUser.FullName, Names.DealTeamMember.Name),
                    Level = Option(row, Names.DealTeamMember.Level),
                });
            }
        }

        private static void ReadPairings(IOrganizationService service, Guid opportunityId, CoverageFacts facts)
        {
            var query = ActiveChildren(Names.Counterpart.LogicalName, Names.Counterpart.OpportunityId, opportunityId,
                Names.Counterpart.Name, Names.Counterpart.DealTeamMemberId, Names.Counterpart.StakeholderId, Names.Counterpart.LastContact, Names.Counterpart.CreatedOn);
            foreach (var row in service.RetrieveAll(query))
            {
                facts.Pairings.Add(new PairingFacts
                {
                    Id = row.Id,
                    Name = row.GetAttributeValue<string>(Names.Counterpart.Name) ?? row.Id.ToString("D"),
                    MemberId = row.GetAttributeValue<EntityReference>(Names.Counterpart.DealTeamMemberId)?.Id ?? Guid.Empty,
                    StakeholderId = row.GetAttributeValue<EntityReference>(Names.Counterpart.StakeholderId)?.Id ?? Guid.Empty,
                    LastContact = row.GetAttributeValue<DateTime?>(Names.Counterpart.LastContact),
                    CreatedOn = row.GetAttributeValue<DateTime>(Names.Counterpart.CreatedOn),
                });
            }
        }

        // The solution and, joined to it, every acknowledgement of it: one query.
        private static void ReadSolution(IOrganizationService service, Guid opportunityId, CoverageFacts facts)
        {
            var query = new QueryExpression(Names.DealSolution.LogicalName) { ColumnSet = new ColumnSet(Names.DealSolution.Version) };
            query.Criteria.AddCondition(Names.DealSolution.OpportunityId, ConditionOperator.Equal, opportunityId);
            var acknowledgements = query.AddLink(Names.SolutionAcknowledgement.LogicalName, Names.DealSolution.Id, Names.SolutionAcknowledgement.DealSolutionId, JoinOperator.LeftOuter);
            acknowledgements.EntityAlias = AcknowledgementAlias;
            acknowledgements.Columns = new ColumnSet(Names.SolutionAcknowledgement.UserId, Names.SolutionAcknowledgement.AcknowledgedVersion);
            acknowledgements.LinkCriteria.AddCondition(Names.SolutionAcknowledgement.StateCode, ConditionOperator.Equal, Model.StateCodes.Active);
            foreach (var row in service.RetrieveAll(query))
            {
                facts.SolutionVersion = row.GetAttributeValue<int?>(Names.DealSolution.Version) ?? facts.SolutionVersion;
                var user = row.GetAttributeValue<AliasedValue>(AcknowledgementAlias + "." + Names.SolutionAcknowledgement.UserId)?.Value as EntityReference;
                var version = row.GetAttributeValue<AliasedValue>(AcknowledgementAlias + "." + Names.SolutionAcknowledgement.AcknowledgedVersion)?.Value as int?;
                if (user != null && version.HasValue
                    && (!facts.AcknowledgedVersionByUser.TryGetValue(user.Id, out var known) || known < version.Value))
                {
                    facts.AcknowledgedVersionByUser[user.Id] = version.Value;
                }
            }
        }

        // Open tasks regarding the opportunity that a deal review decided (tsell_dealreviewid set).
        private static void ReadOpenReviewActions(IOrganizationService service, Guid opportunityId, CoverageFacts facts)
        {
            var query = new QueryExpression(Names.Task.LogicalName)
            {
                ColumnSet = new ColumnSet(Names.Task.Subject, Names.Task.ScheduledEnd, Names.Task.StakeholderId),
            };
            query.Criteria.AddCondition(Names.Task.RegardingObjectId, ConditionOperator.Equal, opportunityId);
            query.Criteria.AddCondition(Names.Task.StateCode, ConditionOperator.Equal, OpenTask);
            query.Criteria.AddCondition(Names.Task.DealReviewId, ConditionOperator.NotNull);
            foreach (var row in service.RetrieveAll(query))
            {
                facts.OpenReviewActions.Add(new ActionFacts
                {
                    Id = row.Id,
                    Subject = row.GetAttributeValue<string>(Names.Task.Subject) ?? row.Id.ToString("D"),
                    Due = row.GetAttributeValue<DateTime?>(Names.Task.ScheduledEnd),
                    StakeholderId = row.GetAttributeValue<EntityReference>(Names.Task.StakeholderId)?.Id,
                });
            }
        }

        /// <summary>task.statecode of an open task.</summary>
        private const int OpenTask = 0;

        private static QueryExpression ActiveChildren(string table, string opportunityColumn, Guid opportunityId, params string[] columns)
        {
            var query = new QueryExpression(table) { ColumnSet = new ColumnSet(columns) };
            query.Criteria.AddCondition(opportunityColumn, ConditionOperator.Equal, opportunityId);
            query.Criteria.AddCondition("statecode", ConditionOperator.Equal, Model.StateCodes.Active);
            return query;
        }

        private static void LinkPersonName(QueryExpression query, string lookupColumn, string personTable, string personIdColumn, string nameColumn)
        {
            var person = query.AddLink(personTable, lookupColumn, personIdColumn, JoinOperator.LeftOuter);
            person.EntityAlias = PersonAlias;
            person.Columns = new ColumnSet(nameColumn);
        }

        // The person's full name; the record's own name when the caller cannot read the person.
        private static string PersonName(Entity row, string nameColumn, string recordNameColumn) =>
            row.GetAttributeValue<AliasedValue>(PersonAlias + "." + nameColumn)?.Value as string
            ?? row.GetAttributeValue<string>(recordNameColumn)
            ?? row.Id.ToString("D");

        private static int? Option(Entity row, string column) => RecordState.OptionValue(row.GetAttributeValue<OptionSetValue>(column));
    }
}
