using System;
using System.Collections.Generic;
using System.Linq;
using CrmTeamSelling.Plugins.Common;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using ContactNames = CrmTeamSelling.Plugins.Model.LogicalNames.Contact;
using StakeholderNames = CrmTeamSelling.Plugins.Model.LogicalNames.Stakeholder;

namespace CrmTeamSelling.Plugins.Stakeholder
{
    /// <summary>
    /// The reports-to line of a stakeholder: the manager must be another stakeholder of the same
    /// opportunity, and following the line upward from the manager must never come back to the
    /// stakeholder. The opportunity's whole reporting graph is read in one query and walked in memory,
    /// so the cost does not grow with the depth of the organisation.
    /// </summary>
    public static class ReportingLine
    {
        public const string Arrow = " → ";

        private const string ContactAlias = "contact";

        /// <param name="service">Must see every stakeholder of the opportunity: a cycle through one the saver cannot read is still a cycle.</param>
        /// <param name="stakeholderId">The stakeholder whose reports-to is set (empty on create: no one can report to a record not yet saved).</param>
        /// <param name="newContactName">The stakeholder's contact name when the same change sets it; else the saved one is used.</param>
        /// <param name="displayName">How the messages name the stakeholder.</param>
        public static void Check(IOrganizationService service, Guid opportunityId, Guid stakeholderId, Guid managerId, string? newContactName, string displayName)
        {
            if (managerId == stakeholderId)
            {
                throw Refusal.Because(UserMessages.ReportsToSelf, displayName);
            }

            var graph = Load(service, opportunityId, managerId);
            if (!graph.TryGetValue(managerId, out var manager))
            {
                throw Refusal.Because(UserMessages.ReportsToUnknownStakeholder, displayName);
            }

            if (manager.OpportunityId != opportunityId)
            {
                throw Refusal.Because(UserMessages.ReportsToOtherOpportunity, displayName, manager.Name);
            }

            var cycle = CycleThrough(graph, stakeholderId, managerId);
            if (cycle != null)
            {
                var selfName = newContactName ?? (graph.TryGetValue(stakeholderId, out var self) ? self.Name : displayName);
                var names = cycle.Select(id => id == stakeholderId ? selfName : graph[id].Name);
                throw Refusal.Because(UserMessages.ReportsToCycle, displayName, manager.Name, string.Join(Arrow, names));
            }
        }

        /// <summary>
        /// The cycle that "stakeholder reports to manager" would close, as the ids from the stakeholder
        /// round to the stakeholder again; null when the line from the manager ends without returning.
        /// </summary>
        public static IReadOnlyList<Guid>? CycleThrough(IReadOnlyDictionary<Guid, Node> graph, Guid stakeholderId, Guid managerId)
        {
            var path = new List<Guid> { stakeholderId };
            var seen = new HashSet<Guid> { stakeholderId };
            Guid? current = managerId;
            while (current.HasValue)
            {
                if (current.Value == stakeholderId)
                {
                    path.Add(stakeholderId);
                    return path;
                }

                // A loop above that does not pass through this stakeholder is not this change's doing
                // (and this rule never lets one be saved); stop rather than walk it forever.
                if (!seen.Add(current.Value) || !graph.TryGetValue(current.Value, out var node))
                {
                    return null;
                }

                path.Add(current.Value);
                current = node.ReportsToId;
            }

            return null;
        }

        // The opportunity's stakeholders with their reporting lines and contact names, and the chosen
        // manager even when it belongs to another opportunity (so the refusal can name it). One query.
        private static Dictionary<Guid, Node> Load(IOrganizationService service, Guid opportunityId, Guid managerId)
        {
            var query = new QueryExpression(StakeholderNames.LogicalName)
            {
                ColumnSet = new ColumnSet(StakeholderNames.OpportunityId, StakeholderNames.ReportsToId, StakeholderNames.Name),
            };
            query.Criteria.FilterOperator = LogicalOperator.Or;
            query.Criteria.AddCondition(StakeholderNames.OpportunityId, ConditionOperator.Equal, opportunityId);
            query.Criteria.AddCondition(StakeholderNames.Id, ConditionOperator.Equal, managerId);
            var contact = query.AddLink(ContactNames.LogicalName, StakeholderNames.ContactId, ContactNames.Id, JoinOperator.LeftOuter);
            contact.EntityAlias = ContactAlias;
            contact.Columns = new ColumnSet(ContactNames.FullName);

            return service.RetrieveAll(query).ToDictionary(
                row => row.Id,
                row => new Node(
                    row.GetAttributeValue<EntityReference>(StakeholderNames.OpportunityId)?.Id ?? Guid.Empty,
                    row.GetAttributeValue<EntityReference>(StakeholderNames.ReportsToId)?.Id,
                    row.GetAttributeValue<AliasedValue>(ContactAlias + "." + ContactNames.FullName)?.Value as string
                        ?? row.GetAttributeValue<string>(StakeholderNames.Name)
                        ?? row.Id.ToString("D")));
        }

        /// <summary>A stakeholder in the reporting graph.</summary>
        public sealed class Node
        {
            public Node(Guid opportunityId, Guid? reportsToId, string name)
            {
                OpportunityId = opportunityId;
                ReportsToId = reportsToId;
                Name = name;
            }

            public Guid OpportunityId { get; }

            public Guid? ReportsToId { get; }

            public string Name { get; }
        }
    }
}
