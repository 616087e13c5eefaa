using CrmTeamSelling.Plugins.Common;

namespace CrmTeamSelling.Plugins.Stakeholder
{
    /// <summary>
    /// Update of tsell_stakeholder (contact, opportunity, reports-to, buying role, level, job title,
    /// department, name), pre-operation (sync): the rules of <see cref="PrepareStakeholderOnCreate"/> on
    /// the record as it will be, plus no reporting cycle (refused with the cycle named) and no move to
    /// another opportunity. Reads the pre-image "PreImage".
    /// </summary>
    public sealed class PrepareStakeholderOnUpdate : PluginBase
    {
        public PrepareStakeholderOnUpdate()
            : base(typeof(PrepareStakeholderOnUpdate))
        {
        }

        protected override void ExecuteDataversePlugin(ILocalPluginContext localContext)
        {
            // System service, as on create.
            StakeholderProfile.Prepare(localContext.SystemService, new RecordState(localContext.GetTargetEntity(), localContext.GetPreImage()));
        }
    }
}
