using System;

namespace CrmTeamSelling.Plugins.Opportunity
{
    /// <summary>
    /// How ready the team is to win the deal, 0 to 100: six measures, each a share from 0 to 1, weighted
    /// by how much it decides a team-selling deal, summed and rounded (half away from zero).
    /// <code>
    /// score = 30·keys + 25·profiled + 15·fresh + 10·parity + 10·aligned + 10·onTime
    /// keys     = key stakeholders with a counterpart / key stakeholders         (0 when none is identified)
    /// profiled = known (stance, buying role, level) facts / (3 · stakeholders)
    /// fresh    = pairings touched within the stale days / pairings             (0 when there are none)
    /// parity   = pairings at most one level apart / pairings                   (0 when there are none; 1 when the parity mode is off)
    /// aligned  = members who read the current solution version / members       (0 without a solution or members)
    /// onTime   = open review actions not overdue / open review actions         (1 when there are none)
    /// </code>
    /// A deal with no stakeholders scores 0: without the buying organisation there is nothing to be ready for.
    /// </summary>
    public sealed class ReadinessScore
    {
        public const int KeysWeight = 30;
        public const int ProfiledWeight = 25;
        public const int FreshWeight = 15;
        public const int ParityWeight = 10;
        public const int AlignedWeight = 10;
        public const int OnTimeWeight = 10;

        public decimal Keys { get; private set; }

        public decimal Profiled { get; private set; }

        public decimal Fresh { get; private set; }

        public decimal Parity { get; private set; }

        public decimal Aligned { get; private set; }

        public decimal OnTime { get; private set; }

        public int Value { get; private set; }

        /// <param name="stakeholders">Active stakeholders.</param>
        /// <param name="knownFacts">Known stance, buying role and level values over all stakeholders (at most 3 per stakeholder).</param>
        /// <param name="keyStakeholders">Key stakeholders (decision maker, economic buyer, approver).</param>
        /// <param name="coveredKeyStakeholders">Key stakeholders with at least one counterpart.</param>
        /// <param name="pairings">Pairings between active members and active stakeholders.</param>
        /// <param name="stalePairings">Pairings not touched for longer than the stale days.</param>
        /// <param name="mismatchedPairings">Pairings more than one level apart.</param>
        /// <param name="parityChecked">False when the parity mode is off: parity then counts in full.</param>
        /// <param name="hasSolution">Whether the deal has a solution to read.</param>
        /// <param name="members">Active deal team members.</param>
        /// <param name="membersWhoReadCurrentVersion">Members whose acknowledged version is the current one.</param>
        /// <param name="openReviewActions">Open actions from deal reviews.</param>
        /// <param name="overdueActions">Those of them past their due date.</param>
        public static ReadinessScore Compute(
            int stakeholders, int knownFacts,
            int keyStakeholders, int coveredKeyStakeholders,
            int pairings, int stalePairings, int mismatchedPairings, bool parityChecked,
            bool hasSolution, int members, int membersWhoReadCurrentVersion,
            int openReviewActions, int overdueActions)
        {
            var score = new ReadinessScore
            {
                Keys = Share(coveredKeyStakeholders, keyStakeholders, whenNone: 0m),
                Profiled = Share(knownFacts, 3 * stakeholders, whenNone: 0m),
                Fresh = Share(pairings - stalePairings, pairings, whenNone: 0m),
                Parity = parityChecked ? Share(pairings - mismatchedPairings, pairings, whenNone: 0m) : 1m,
                Aligned = hasSolution ? Share(membersWhoReadCurrentVersion, members, whenNone: 0m) : 0m,
                OnTime = Share(openReviewActions - overdueActions, openReviewActions, whenNone: 1m),
            };

            var weighted = KeysWeight * score.Keys + ProfiledWeight * score.Profiled + FreshWeight * score.Fresh
                + ParityWeight * score.Parity + AlignedWeight * score.Aligned + OnTimeWeight * score.OnTime;
            score.Value = stakeholders == 0 ? 0 : (int)Math.Round(weighted, MidpointRounding.AwayFromZero);
            return score;
        }

        private static decimal Share(int part, int whole, decimal whenNone) => whole <= 0 ? whenNone : (decimal)part / whole;
    }
}
