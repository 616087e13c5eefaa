using System;
using CrmTeamSelling.Plugins.Model;

namespace CrmTeamSelling.Plugins.Counterpart
{
    /// <summary>
    /// Rank matching between a deal team member and the stakeholder they are paired with. Levels are
    /// steps: staff 0, manager 1, director 2, executive 3. The gap is ours minus theirs (positive: we
    /// send someone more senior). Parity means at most one step apart: a rep with a buyer or their
    /// manager, a sales manager with a department head or a director. A gap above one is what the
    /// tsell_LevelParityMode setting refuses (enforce), flags (warn) or ignores (off).
    /// </summary>
    public static class LevelGapRule
    {
        /// <summary>The largest gap that still counts as matching rank.</summary>
        public const int Tolerance = 1;

        /// <summary>The level as a step from staff (0) to executive (3); null when unknown.</summary>
        public static int? Steps(int? level)
        {
            if (level == null)
            {
                return null;
            }

            var steps = level.Value - Level.Staff;
            return steps >= 0 && steps <= Level.Executive - Level.Staff ? steps : (int?)null;
        }

        /// <summary>Member level minus stakeholder level, in steps; null when either is unknown.</summary>
        public static int? Gap(int? memberLevel, int? stakeholderLevel)
        {
            var ours = Steps(memberLevel);
            var theirs = Steps(stakeholderLevel);
            return ours.HasValue && theirs.HasValue ? ours.Value - theirs.Value : (int?)null;
        }

        public static bool ExceedsTolerance(int? gap) => gap.HasValue && Math.Abs(gap.Value) > Tolerance;

        /// <summary>The parity flag a pairing carries under the setting: off and unknown levels are not checked.</summary>
        public static int Parity(int? gap, string parityMode)
        {
            if (parityMode == LevelParityModes.Off || gap == null)
            {
                return LevelParity.NotChecked;
            }

            return ExceedsTolerance(gap) ? LevelParity.Mismatched : LevelParity.Matched;
        }
    }
}
