using System;
using CrmTeamSelling.Plugins.Common;
using DealSolutionStatus = CrmTeamSelling.Plugins.Model.DealSolutionStatus;
using Microsoft.Xrm.Sdk;
using Solution = CrmTeamSelling.Plugins.Model.LogicalNames.DealSolution;

namespace CrmTeamSelling.Plugins.DealSolution
{
    /// <summary>
    /// The versioning rules of the deal solution: version 1 on create; on update, a new version for a
    /// content change or a reopening, only from the current version (no lost update), with a change
    /// summary, never on an accepted solution's content.
    /// </summary>
    public static class DealSolutionVersioning
    {
        public const int FirstVersion = 1;

        /// <summary>The length of tsell_changesummary on the deal solution and its revisions.</summary>
        public const int ChangeSummaryMaxLength = 1000;

        /// <summary>Fills what Team Selling keeps on a new deal solution: version 1, its name, Draft when no status is given, a first change summary.</summary>
        public static void PrepareFirstVersion(Entity target, string? opportunityName)
        {
            if (target == null)
            {
                throw new ArgumentNullException(nameof(target));
            }

            var requestedVersion = target.GetAttributeValue<int?>(Solution.Version);
            if (requestedVersion.HasValue && requestedVersion.Value != FirstVersion)
            {
                throw Refusal.Because(UserMessages.DealSolutionStartsAtVersionOne, requestedVersion.Value);
            }

            target[Solution.Version] = FirstVersion;
            target[Solution.Name] = DealSolutionNames.Versioned(opportunityName, FirstVersion);
            if (target.GetAttributeValue<OptionSetValue>(Solution.SolutionStatus) == null)
            {
                target[Solution.SolutionStatus] = new OptionSetValue(DealSolutionStatus.Draft);
            }

            if (string.IsNullOrWhiteSpace(target.GetAttributeValue<string>(Solution.ChangeSummary)))
            {
                target[Solution.ChangeSummary] = UserMessages.DealSolutionFirstVersionSummary;
            }
        }

        /// <summary>
        /// Decides what an update does to the version, or refuses it. <paramref name="change"/> is the
        /// target over the pre-image (content, version, status, modifiedby); <paramref name="concurrency"/>
        /// is the request's ConcurrencyBehavior.
        /// </summary>
        public static DealSolutionChange Assess(RecordState change, string solutionName, ConcurrencyBehavior concurrency)
        {
            if (change == null)
            {
                throw new ArgumentNullException(nameof(change));
            }

            var target = change.Target;
            // A solution saved before Team Selling numbered it counts as version 0: its first change makes version 1.
            var current = change.GetBefore<int?>(Solution.Version) ?? 0;
            var lastEditor = change.GetBefore<EntityReference>(Solution.ModifiedBy)?.Name ?? UserMessages.AColleague;

            if (change.Sets(Solution.Version) && target.GetAttributeValue<int?>(Solution.Version) != current)
            {
                throw Refusal.Because(UserMessages.DealSolutionVersionIsKept, solutionName, current, target.GetAttributeValue<int?>(Solution.Version)?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "empty");
            }

            // The editor's starting point is checked whenever it is given, whatever the update touches:
            // accepting or presenting a version one has not seen is as wrong as overwriting it.
            var basedOn = target.GetAttributeValue<int?>(Solution.BasedOnVersion);
            if (basedOn.HasValue && basedOn.Value < current)
            {
                throw Refusal.Because(UserMessages.DealSolutionChangeConflict, solutionName, basedOn.Value, lastEditor, current);
            }

            if (basedOn.HasValue && basedOn.Value > current)
            {
                throw Refusal.Because(UserMessages.DealSolutionBasedOnUnknownVersion, solutionName, basedOn.Value, current);
            }

            // With IfRowVersionMatches the platform refuses a stale RowVersion itself (in the main operation);
            // refusing it here too, when the pre-image carries the row version, tells the editor who changed it.
            var guardedByRowVersion = concurrency == ConcurrencyBehavior.IfRowVersionMatches && !string.IsNullOrEmpty(target.RowVersion);
            var storedRowVersion = change.Before?.RowVersion;
            if (guardedByRowVersion && !string.IsNullOrEmpty(storedRowVersion) && !string.Equals(target.RowVersion, storedRowVersion, StringComparison.Ordinal))
            {
                throw Refusal.Because(UserMessages.DealSolutionRowVersionConflict, solutionName, lastEditor, current);
            }

            var contentChanges = DealSolutionContent.ChangedBy(change).Count > 0;
            var statusBefore = change.GetBefore<OptionSetValue>(Solution.SolutionStatus)?.Value;
            var statusAfter = change.Get<OptionSetValue>(Solution.SolutionStatus)?.Value;
            var wasAccepted = statusBefore == DealSolutionStatus.Accepted;
            var reopens = wasAccepted && statusAfter != DealSolutionStatus.Accepted;
            if (wasAccepted && !reopens && contentChanges)
            {
                throw Refusal.Because(UserMessages.DealSolutionAcceptedIsLocked, solutionName);
            }

            var reopenReason = target.GetAttributeValue<string>(Solution.ReopenReason);
            if (reopens && string.IsNullOrWhiteSpace(reopenReason))
            {
                throw Refusal.Because(UserMessages.DealSolutionReopenNeedsReason, solutionName);
            }

            if (!contentChanges && !reopens)
            {
                return DealSolutionChange.WithoutNewVersion(current);
            }

            if (!basedOn.HasValue && !guardedByRowVersion)
            {
                throw Refusal.Because(UserMessages.DealSolutionNeedsBaseVersion, solutionName, current);
            }

            var changeSummary = target.GetAttributeValue<string>(Solution.ChangeSummary);
            if (!string.IsNullOrWhiteSpace(changeSummary))
            {
                return DealSolutionChange.NewVersion(current, null);
            }

            if (contentChanges)
            {
                throw Refusal.Because(UserMessages.DealSolutionNeedsChangeSummary, solutionName);
            }

            // A reopening without other changes explains itself by its reason.
            var composed = string.Format(System.Globalization.CultureInfo.InvariantCulture, UserMessages.DealSolutionReopenedSummary, reopenReason!.Trim());
            return DealSolutionChange.NewVersion(current, Fit(composed, ChangeSummaryMaxLength));
        }

        private static string Fit(string text, int maxLength) => text.Length <= maxLength ? text : text.Substring(0, maxLength - 1) + "…";
    }
}
