using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Linq;
using Microsoft.Xrm.Sdk;
using OpportunityNames = CrmTeamSelling.Plugins.Model.LogicalNames.Opportunity;
using Revision = CrmTeamSelling.Plugins.Model.LogicalNames.DealSolutionRevision;
using Solution = CrmTeamSelling.Plugins.Model.LogicalNames.DealSolution;
using SystemUserNames = CrmTeamSelling.Plugins.Model.LogicalNames.SystemUser;

namespace CrmTeamSelling.Plugins.DealSolution
{
    /// <summary>
    /// Revisions: the immutable snapshot of each version of a deal solution (who, when, why, and the
    /// content as it was), and the only ways they may change: a new owner, or going away with their
    /// deal solution or opportunity.
    /// </summary>
    public static class DealSolutionRevisions
    {
        /// <summary>
        /// Columns an update of a revision may set: reassigning the opportunity cascades a new owner to its
        /// revisions, which changes who owns the snapshot, not the snapshot.
        /// </summary>
        public static readonly ReadOnlyCollection<string> OwnershipColumns = new ReadOnlyCollection<string>(new[]
        {
            Revision.OwnerId, "owningbusinessunit", "owninguser", "owningteam",
        });

        /// <summary>The revision recording the deal solution as it now is, made by <paramref name="editorId"/>, who owns it.</summary>
        /// <param name="solution">The deal solution after the change (the step's post-image).</param>
        /// <param name="changedOnFallback">When the change happened, if the image lacks modifiedon.</param>
        public static Entity Snapshot(Entity solution, Guid editorId, DateTime changedOnFallback)
        {
            if (solution == null)
            {
                throw new ArgumentNullException(nameof(solution));
            }

            var version = solution.GetAttributeValue<int?>(Solution.Version)
                ?? throw new ArgumentException("The deal solution image has no " + Solution.Version + ": the step's image must include it.", nameof(solution));
            var editor = new EntityReference(SystemUserNames.LogicalName, editorId);
            var revision = new Entity(Revision.LogicalName)
            {
                [Revision.Name] = solution.GetAttributeValue<string>(Solution.Name) ?? DealSolutionNames.Versioned(null, version),
                [Revision.DealSolutionId] = solution.ToEntityReference(),
                [Revision.OpportunityId] = solution.GetAttributeValue<EntityReference>(Solution.OpportunityId),
                [Revision.Version] = version,
                [Revision.ChangeSummary] = solution.GetAttributeValue<string>(Solution.ChangeSummary),
                [Revision.ChangedBy] = editor,
                [Revision.ChangedOn] = solution.GetAttributeValue<DateTime?>(Solution.ModifiedOn) ?? changedOnFallback,
                [Revision.SolutionStatus] = solution.GetAttributeValue<OptionSetValue>(Solution.SolutionStatus),
                [Revision.TransactionCurrencyId] = solution.GetAttributeValue<EntityReference>(Solution.TransactionCurrencyId),
                [Revision.OwnerId] = editor,
            };

            // The content columns have the same names on both tables.
            foreach (var column in DealSolutionContent.Columns)
            {
                revision[column] = solution.Contains(column) ? solution[column] : null;
            }

            return revision;
        }

        /// <summary>The columns an update of a revision sets beyond its ownership: any one of them is refused.</summary>
        public static IReadOnlyList<string> ImmutableColumnsSetBy(Entity update)
        {
            if (update == null)
            {
                throw new ArgumentNullException(nameof(update));
            }

            return update.Attributes.Keys
                .Where(column => column != Revision.Id && !OwnershipColumns.Contains(column))
                .OrderBy(column => column, StringComparer.Ordinal)
                .ToList();
        }

        /// <summary>
        /// True when this Delete of a revision is part of deleting its opportunity, its only parental
        /// relationship (a table has one; deleting the deal solution only clears the revision's link to it).
        /// Dataverse runs a cascaded delete of a child row as a Delete of that row inside the parent's
        /// Delete, so from pre-operation on the opportunity's Delete is an ancestor in the ParentContext chain.
        /// </summary>
        public static bool IsDeletedWithItsParent(IPluginExecutionContext context, Entity revision)
        {
            if (context == null)
            {
                throw new ArgumentNullException(nameof(context));
            }

            var opportunityId = revision.GetAttributeValue<EntityReference>(Revision.OpportunityId)?.Id;
            for (var ancestor = context.ParentContext; ancestor != null; ancestor = ancestor.ParentContext)
            {
                if (!string.Equals(ancestor.MessageName, "Delete", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                if (ancestor.PrimaryEntityName == OpportunityNames.LogicalName && ancestor.PrimaryEntityId == opportunityId)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
