using CrmTeamSelling.Plugins.Common;

namespace CrmTeamSelling.Plugins.TaskActivity
{
    /// <summary>
    /// Create of task, pre-validation (10), synchronous. A task with a deal review is an action: it must
    /// name the person who does it and a due date, its review must be of the opportunity it is regarding
    /// (Regarding is filled from the review when empty), and a target stakeholder must be of that
    /// opportunity. Registered at pre-validation so that it sees the request as the caller sent it, before
    /// Dataverse makes the caller the owner of a task that names none. Ordinary tasks return at once.
    /// </summary>
    public sealed class ValidateActionOnCreate : PluginBase
    {
        public ValidateActionOnCreate()
            : base(typeof(ValidateActionOnCreate))
        {
        }

        protected override void ExecuteDataversePlugin(ILocalPluginContext localContext)
        {
            var change = ReviewActionChange.OfCreate(localContext.GetTargetEntity(), localContext.PluginExecutionContext.PrimaryEntityId);
            if (!change.IsAction)
            {
                return;
            }

            // The review and the stakeholder are facts about the deal, read as the system: the rule must
            // not depend on which of them the caller can open.
            ReviewActionRules.Check(localContext.SystemService, change);
        }
    }
}
