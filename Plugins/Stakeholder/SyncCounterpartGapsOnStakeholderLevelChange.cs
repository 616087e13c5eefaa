using CrmTeamSelling.Plugins.Common;
using CrmTeamSelling.Plugins.Counterpart;
using Microsoft.Xrm.Sdk;
using StakeholderNames = CrmTeamSelling.Plugins.Model.LogicalNames.Stakeholder;

namespace CrmTeamSelling.Plugins.Stakeholder
{
    /// <summary>
    /// Update of tsell_stakeholder (level), post-operation (sync): recomputes the level gap and parity of
    /// the stakeholder's counterpart pairings. In the transaction, so a pairing never shows a gap its
    /// levels do not have.
    /// </summary>
    public sealed class SyncCounterpartGapsOnStakeholderLevelChange : PluginBase
    {
        public SyncCounterpartGapsOnStakeholderLevelChange()
            : base(typeof(SyncCounterpartGapsOnStakeholderLevelChange))
        {
        }

        protected override void ExecuteDataversePlugin(ILocalPluginContext localContext)
        {
            var stakeholder = localContext.GetTargetEntity();
            var level = RecordState.OptionValue(stakeholder.GetAttributeValue<OptionSetValue>(StakeholderNames.Level));
            // System service: the pairings belong to colleagues; the gap is kept whoever corrects the level.
            var changed = CounterpartGapSync.AfterStakeholderLevelChange(localContext.SystemService, stakeholder.Id, level);
            localContext.Trace("Level of stakeholder {0} changed; {1} counterpart pairing(s) updated.", stakeholder.Id, changed);
        }
    }
}
