using CrmTeamSelling.Plugins.Common;
using CrmTeamSelling.Plugins.DealReview;

namespace CrmTeamSelling.Plugins.TaskActivity
{
    /// <summary>
    /// Create of task, post-operation (40), synchronous: a new action's first history step, "Decided",
    /// written in the create's transaction. Ordinary tasks return at once, without a call.
    /// </summary>
    public sealed class RecordActionHistoryOnCreate : PluginBase
    {
        public RecordActionHistoryOnCreate()
            : base(typeof(RecordActionHistoryOnCreate))
        {
        }

        protected override void ExecuteDataversePlugin(ILocalPluginContext localContext)
        {
            var change = ReviewActionChange.OfCreate(localContext.GetTargetEntity(), localContext.PluginExecutionContext.PrimaryEntityId);
            if (!change.IsAction)
            {
                return;
            }

            // History is written by the system: users read it and cannot write it.
            ReviewActionHistory.Write(localContext.SystemService, change.HistorySteps(localContext.InitiatingUserId));
        }
    }
}
