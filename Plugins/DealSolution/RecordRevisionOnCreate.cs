using CrmTeamSelling.Plugins.Common;

namespace CrmTeamSelling.Plugins.DealSolution
{
    /// <summary>
    /// Create of tsell_dealsolution, post-operation (40), synchronous: writes revision 1 in the create's
    /// transaction. As the system (members may only read revisions), owned by the creator.
    /// </summary>
    public sealed class RecordRevisionOnCreate : PluginBase
    {
        public RecordRevisionOnCreate()
            : base(typeof(RecordRevisionOnCreate))
        {
        }

        protected override void ExecuteDataversePlugin(ILocalPluginContext localContext)
        {
            var solution = localContext.GetPostImage();
            localContext.SystemService.Create(DealSolutionRevisions.Snapshot(solution, localContext.InitiatingUserId, localContext.PluginExecutionContext.OperationCreatedOn));
        }
    }
}
