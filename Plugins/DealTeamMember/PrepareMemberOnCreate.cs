using CrmTeamSelling.Plugins.Common;

namespace CrmTeamSelling.Plugins.DealTeamMember
{
    /// <summary>
    /// Create of tsell_dealteammember, pre-operation (sync): refuses a membership without user or
    /// opportunity, a disabled user and a second membership of the same user; names the member.
    /// Pre-operation so the name is saved with the record, in the transaction.
    /// </summary>
    public sealed class PrepareMemberOnCreate : PluginBase
    {
        public PrepareMemberOnCreate()
            : base(typeof(PrepareMemberOnCreate))
        {
        }

        protected override void ExecuteDataversePlugin(ILocalPluginContext localContext)
        {
            // System service: the one-per-user check must see memberships the saver cannot read, and
            // the name must not fail because the saver cannot read a colleague's user record.
            DealTeamMembership.Prepare(localContext.SystemService, new RecordState(localContext.GetTargetEntity(), null));
        }
    }
}
