using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using CrmTeamSelling.Plugins.Counterpart;
using CrmTeamSelling.Plugins.Model;
using CrmTeamSelling.Plugins.Stakeholder;
using Names = CrmTeamSelling.Plugins.Model.LogicalNames;

namespace CrmTeamSelling.Plugins.Opportunity
{
    /// <summary>The coverage of a deal: its gaps, counts and readiness score.</summary>
    public sealed class DealCoverage
    {
        public DealCoverage(Guid opportunityId, DateTime generatedOn, int? solutionVersion, ReadinessScore readiness,
            int stakeholders, int keyStakeholders, int teamMembers, IReadOnlyList<CoverageGap> gaps)
        {
            OpportunityId = opportunityId;
            GeneratedOn = generatedOn;
            SolutionVersion = solutionVersion;
            Readiness = readiness;
            Stakeholders = stakeholders;
            KeyStakeholders = keyStakeholders;
            TeamMembers = teamMembers;
            Gaps = gaps;
        }

        public Guid OpportunityId { get; }

        public DateTime GeneratedOn { get; }

        public int? SolutionVersion { get; }

        public ReadinessScore Readiness { get; }

        public int Stakeholders { get; }

        public int KeyStakeholders { get; }

        public int TeamMembers { get; }

        /// <summary>Errors first, then warnings, then info; within a severity in the order of <see cref="GapKinds.InOrder"/>, then by name.</summary>
        public IReadOnlyList<CoverageGap> Gaps { get; }
    }

    /// <summary>
    /// Finds what the deal team does not yet know or cover, from facts already in memory: no service
    /// calls, so its cost is linear in the records and independent of the platform.
    /// </summary>
    public static class CoverageAnalysis
    {
        public static DealCoverage Analyse(CoverageFacts facts)
        {
            var gaps = new List<CoverageGap>();
            var members = facts.Members.ToDictionary(m => m.Id);
            var stakeholders = facts.Stakeholders.ToDictionary(s => s.Id);
            // Pairings count only while both people are active on the deal.
            var pairings = facts.Pairings.Where(p => members.ContainsKey(p.MemberId) && stakeholders.ContainsKey(p.StakeholderId)).ToList();
            var pairedStakeholders = new HashSet<Guid>(pairings.Select(p => p.StakeholderId));

            var knownFacts = 0;
            var keyStakeholders = 0;
            var coveredKeyStakeholders = 0;
            foreach (var stakeholder in facts.Stakeholders)
            {
                var isKey = StakeholderProfile.IsKeyRole(stakeholder.BuyingRole);
                var stanceKnown = stakeholder.Stance.HasValue && stakeholder.Stance.Value != Stance.Unknown;
                knownFacts += (stanceKnown ? 1 : 0) + (stakeholder.BuyingRole.HasValue ? 1 : 0) + (stakeholder.Level.HasValue ? 1 : 0);
                // Unknowns about a key stakeholder block the decision; about a low-influence one they matter least.
                var unknownSeverity = isKey ? GapSeverities.Error : stakeholder.Influence == Influence.Low ? GapSeverities.Info : GapSeverities.Warning;
                if (!stanceKnown)
                {
                    gaps.Add(StakeholderGap(GapKinds.UnknownStance, unknownSeverity, stakeholder, UserMessages.GapUnknownStance));
                }

                if (!stakeholder.BuyingRole.HasValue)
                {
                    gaps.Add(StakeholderGap(GapKinds.UnknownBuyingRole, unknownSeverity, stakeholder, UserMessages.GapUnknownBuyingRole));
                }

                if (!stakeholder.Level.HasValue)
                {
                    gaps.Add(StakeholderGap(GapKinds.UnknownLevel, unknownSeverity, stakeholder, UserMessages.GapUnknownLevel));
                }

                if (isKey)
                {
                    keyStakeholders++;
                    if (pairedStakeholders.Contains(stakeholder.Id))
                    {
                        coveredKeyStakeholders++;
                    }
                    else
                    {
                        gaps.Add(StakeholderGap(GapKinds.KeyStakeholderWithoutCounterpart, GapSeverities.Error, stakeholder, UserMessages.GapKeyStakeholderWithoutCounterpart,
                            ChoiceLabels.BuyingRole(stakeholder.BuyingRole)));
                    }
                }
            }

            var parityChecked = facts.LevelParityMode != LevelParityModes.Off;
            var mismatched = 0;
            var stale = 0;
            foreach (var pairing in pairings)
            {
                var member = members[pairing.MemberId];
                var stakeholder = stakeholders[pairing.StakeholderId];
                var gap = LevelGapRule.Gap(member.Level, stakeholder.Level);
                if (parityChecked && LevelGapRule.ExceedsTolerance(gap))
                {
                    mismatched++;
                    gaps.Add(new CoverageGap(GapKinds.LevelGap, GapSeverities.Warning, Names.Counterpart.LogicalName, pairing.Id, pairing.Name, stakeholder.Id,
                        Format(UserMessages.GapLevelGap, member.Name, ChoiceLabels.Level(member.Level), stakeholder.Name, ChoiceLabels.Level(stakeholder.Level), Math.Abs(gap!.Value))));
                }

                var lastTouched = (pairing.LastContact ?? pairing.CreatedOn).Date;
                var days = (facts.Now.Date - lastTouched).Days;
                if (days > facts.StaleRelationshipDays)
                {
                    stale++;
                    gaps.Add(new CoverageGap(GapKinds.StaleRelationship, GapSeverities.Warning, Names.Counterpart.LogicalName, pairing.Id, pairing.Name, stakeholder.Id,
                        pairing.LastContact.HasValue
                            ? Format(UserMessages.GapStaleRelationship, pairing.Name, days, lastTouched)
                            : Format(UserMessages.GapStaleRelationshipNeverContacted, pairing.Name, days)));
                }
            }

            var membersWhoReadCurrentVersion = 0;
            if (facts.SolutionVersion.HasValue)
            {
                foreach (var member in facts.Members)
                {
                    if (!facts.AcknowledgedVersionByUser.TryGetValue(member.UserId, out var read))
                    {
                        gaps.Add(MemberGap(member, Format(UserMessages.GapSolutionNeverRead, member.Name, facts.SolutionVersion.Value)));
                    }
                    else if (read < facts.SolutionVersion.Value)
                    {
                        gaps.Add(MemberGap(member, Format(UserMessages.GapSolutionVersionNotRead, member.Name, facts.SolutionVersion.Value, read)));
                    }
                    else
                    {
                        membersWhoReadCurrentVersion++;
                    }
                }
            }

            var overdue = 0;
            foreach (var action in facts.OpenReviewActions)
            {
                if (action.Due.HasValue && action.Due.Value < facts.Now)
                {
                    overdue++;
                    gaps.Add(new CoverageGap(GapKinds.OverdueAction, GapSeverities.Error, Names.Task.LogicalName, action.Id, action.Subject, action.StakeholderId,
                        Format(UserMessages.GapOverdueAction, action.Subject, action.Due.Value)));
                }
            }

            var readiness = ReadinessScore.Compute(
                facts.Stakeholders.Count, knownFacts,
                keyStakeholders, coveredKeyStakeholders,
                pairings.Count, stale, mismatched, parityChecked,
                facts.SolutionVersion.HasValue, facts.Members.Count, membersWhoReadCurrentVersion,
                facts.OpenReviewActions.Count, overdue);

            var ordered = gaps
                .OrderBy(g => Array.IndexOf(GapSeverities.InOrder, g.Severity))
                .ThenBy(g => Array.IndexOf(GapKinds.InOrder, g.Kind))
                .ThenBy(g => g.RecordName, StringComparer.OrdinalIgnoreCase)
                .ThenBy(g => g.RecordId)
                .ToList();
            return new DealCoverage(facts.OpportunityId, facts.Now, facts.SolutionVersion, readiness, facts.Stakeholders.Count, keyStakeholders, facts.Members.Count, ordered);
        }

        private static CoverageGap StakeholderGap(string kind, string severity, StakeholderFacts stakeholder, string messageFormat, params object?[] extra) =>
            new CoverageGap(kind, severity, Names.Stakeholder.LogicalName, stakeholder.Id, stakeholder.Name, stakeholder.Id,
                Format(messageFormat, new object?[] { stakeholder.Name }.Concat(extra).ToArray()));

        private static CoverageGap MemberGap(MemberFacts member, string message) =>
            new CoverageGap(GapKinds.UnacknowledgedSolution, GapSeverities.Warning, Names.DealTeamMember.LogicalName, member.Id, member.Name, null, message);

        private static string Format(string format, params object?[] args) => string.Format(CultureInfo.InvariantCulture, format, args);
    }
}
