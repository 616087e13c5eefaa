using CrmTeamSelling.Plugins.Common;

namespace CrmTeamSelling.Plugins.DealTeamMember
{
    /// <summary>
    /// Update of tsell_dealteammember (user, team role, opportunity, status, name), pre-operation (sync):
    /// the rules of <see cref="PrepareMemberOnCreate"/> on the record as it will be; a member cannot move
    /// to another opportunity; reactivating the membership of a disabled user is refused. Reads the
    /// pre-image "PreImage".
    /// </summary>
    public sealed class PrepareMemberOnUpdate : PluginBase
    {
        public PrepareMemberOnUpdate()
            : base(typeof(PrepareMemberOnUpdate))
        {
        }

        protected override void ExecuteDataversePlugin(ILocalPluginContext localContext)
        {
            // System service, as on create.
            DealTeamMembership.Prepare(localContext.SystemService, new RecordState(localContext.GetTargetEntity(), localContext.GetPreImage()));
        }
    }
}
