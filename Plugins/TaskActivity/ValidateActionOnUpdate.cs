using CrmTeamSelling.Plugins.Common;

namespace CrmTeamSelling.Plugins.TaskActivity
{
    /// <summary>
    /// Update of task, pre-validation (10), synchronous, filtered on the columns the action rules read,
    /// with a pre-image of them. Pre-validation, because there Dataverse still has the whole request: an
    /// update that sets the state with other columns runs the later stages twice (the other columns, then
    /// the state), and "close with an outcome in the same save" can only be judged on the whole. The legacy
    /// SetState and Assign requests reach plugins as an Update the platform generates, which has no
    /// pre-validation stage: those SDK-only paths are not checked here (forms and the Web API use Update).
    /// </summary>
    public sealed class ValidateActionOnUpdate : PluginBase
    {
        public ValidateActionOnUpdate()
            : base(typeof(ValidateActionOnUpdate))
        {
        }

        protected override void ExecuteDataversePlugin(ILocalPluginContext localContext)
        {
            var change = ReviewActionChange.OfUpdate(localContext.GetTargetEntity(), localContext.GetPreImage(), localContext.PluginExecutionContext.Depth);
            if (!change.WasAction && !change.IsAction)
            {
                return;
            }

            ReviewActionRules.Check(localContext.SystemService, change);
        }
    }
}
