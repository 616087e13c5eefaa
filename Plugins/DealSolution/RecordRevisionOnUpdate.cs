using CrmTeamSelling.Plugins.Common;
using Solution = CrmTeamSelling.Plugins.Model.LogicalNames.DealSolution;

namespace CrmTeamSelling.Plugins.DealSolution
{
    /// <summary>
    /// Update of tsell_dealsolution, post-operation (40), synchronous, filtered on the columns that can make
    /// a version (as VersionDealSolutionChange, whose Target it shares in the transaction), with a
    /// post-image: writes the revision of the new version in the update's transaction, so a failure
    /// anywhere after the version bump leaves neither the version nor the revision.
    /// </summary>
    public sealed class RecordRevisionOnUpdate : PluginBase
    {
        public RecordRevisionOnUpdate()
            : base(typeof(RecordRevisionOnUpdate))
        {
        }

        protected override void ExecuteDataversePlugin(ILocalPluginContext localContext)
        {
            if (!localContext.GetTargetEntity().Contains(Solution.Version))
            {
                // Only VersionDealSolutionChange puts tsell_version on the Target, and only for a new version.
                localContext.Trace("No new version: no revision.");
                return;
            }

            var solution = localContext.GetPostImage();
            localContext.SystemService.Create(DealSolutionRevisions.Snapshot(solution, localContext.InitiatingUserId, localContext.PluginExecutionContext.OperationCreatedOn));
        }
    }
}
