using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Linq;
using CrmTeamSelling.Plugins.Common;
using Solution = CrmTeamSelling.Plugins.Model.LogicalNames.DealSolution;

namespace CrmTeamSelling.Plugins.DealSolution
{
    /// <summary>
    /// What the offer is made of. A change to any of these columns is a new version of the deal
    /// solution; a change to anything else (status, owner...) is not.
    /// </summary>
    public static class DealSolutionContent
    {
        public static readonly ReadOnlyCollection<string> Columns = new ReadOnlyCollection<string>(new[]
        {
            Solution.ProblemSummary,
            Solution.ProposedSolution,
            Solution.Scope,
            Solution.Value,
            Solution.Amount,
            Solution.Terms,
        });

        /// <summary>The content columns the update sets to a value other than the one they had.</summary>
        public static IReadOnlyList<string> ChangedBy(RecordState change) => Columns.Where(change.Changes).ToList();
    }
}
