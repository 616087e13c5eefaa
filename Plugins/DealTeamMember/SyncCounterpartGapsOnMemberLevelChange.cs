using CrmTeamSelling.Plugins.Common;
using CrmTeamSelling.Plugins.Counterpart;
using Microsoft.Xrm.Sdk;
using Member = CrmTeamSelling.Plugins.Model.LogicalNames.DealTeamMember;

namespace CrmTeamSelling.Plugins.DealTeamMember
{
    /// <summary>
    /// Update of tsell_dealteammember (level), post-operation (sync): recomputes the level gap and parity
    /// of the member's counterpart pairings, in the transaction.
    /// </summary>
    public sealed class SyncCounterpartGapsOnMemberLevelChange : PluginBase
    {
        public SyncCounterpartGapsOnMemberLevelChange()
            : base(typeof(SyncCounterpartGapsOnMemberLevelChange))
        {
        }

        protected override void ExecuteDataversePlugin(ILocalPluginContext localContext)
        {
            var member = localContext.GetTargetEntity();
            var level = RecordState.OptionValue(member.GetAttributeValue<OptionSetValue>(Member.Level));
            // System service: the pairings may be owned by colleagues; the gap is kept whoever changes the level.
            var changed = CounterpartGapSync.AfterMemberLevelChange(localContext.SystemService, member.Id, level);
            localContext.Trace("Level of deal team member {0} changed; {1} counterpart pairing(s) updated.", member.Id, changed);
        }
    }
}
