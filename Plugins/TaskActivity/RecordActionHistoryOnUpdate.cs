using CrmTeamSelling.Plugins.Common;
using CrmTeamSelling.Plugins.DealReview;

namespace CrmTeamSelling.Plugins.TaskActivity
{
    /// <summary>
    /// Update of task, post-operation (40), synchronous, filtered on the review link, due date, state and
    /// outcome, with a pre-image and a post-image of the outcome: records the steps the update made
    /// (decided, amended, outcome recorded, closed, reopened) in the update's transaction, so a failed
    /// update leaves no step behind. A carry-forward records nothing here: the opening review records all
    /// its actions in one call. Ordinary tasks return at once, without a call.
    /// </summary>
    public sealed class RecordActionHistoryOnUpdate : PluginBase
    {
        public RecordActionHistoryOnUpdate()
            : base(typeof(RecordActionHistoryOnUpdate))
        {
        }

        protected override void ExecuteDataversePlugin(ILocalPluginContext localContext)
        {
            var change = ReviewActionChange.OfUpdate(localContext.GetTargetEntity(), localContext.GetPreImage(), localContext.PluginExecutionContext.Depth);
            if (!change.IsAction)
            {
                return;
            }

            ReviewActionHistory.Write(localContext.SystemService, change.HistorySteps(localContext.InitiatingUserId, localContext.GetPostImage()));
        }
    }
}
