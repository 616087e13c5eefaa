using CrmTeamSelling.Plugins.Common;

namespace CrmTeamSelling.Plugins.Stakeholder
{
    /// <summary>
    /// Create of tsell_stakeholder, pre-operation (sync): contact and opportunity required, a key
    /// stakeholder needs a level, reports-to must be a stakeholder of the same opportunity; names the
    /// stakeholder and takes a missing job title from the contact. Pre-operation so the name is saved
    /// with the record.
    /// </summary>
    public sealed class PrepareStakeholderOnCreate : PluginBase
    {
        public PrepareStakeholderOnCreate()
            : base(typeof(PrepareStakeholderOnCreate))
        {
        }

        protected override void ExecuteDataversePlugin(ILocalPluginContext localContext)
        {
            // System service: the reporting line must be checked against every stakeholder of the
            // deal, including those the saver cannot read, and the name must not depend on whether the
            // saver may read the contact record.
            StakeholderProfile.Prepare(localContext.SystemService, new RecordState(localContext.GetTargetEntity(), null));
        }
    }
}
