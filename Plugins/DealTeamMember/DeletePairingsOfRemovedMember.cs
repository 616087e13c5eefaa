using CrmTeamSelling.Plugins.Common;
using CrmTeamSelling.Plugins.Counterpart;
using Pairing = CrmTeamSelling.Plugins.Model.LogicalNames.Counterpart;

namespace CrmTeamSelling.Plugins.DealTeamMember
{
    /// <summary>
    /// Delete of tsell_dealteammember, pre-validation (10), synchronous: deletes the member's counterpart
    /// pairings. Pre-validation, because by pre-operation Dataverse has already cleared the pairings'
    /// link to the member (RemoveLink). The opportunity's own cascade never comes here (platform-generated
    /// deletes have no pre-validation), and takes the pairings itself.
    /// </summary>
    public sealed class DeletePairingsOfRemovedMember : PluginBase
    {
        public DeletePairingsOfRemovedMember()
            : base(typeof(DeletePairingsOfRemovedMember))
        {
        }

        protected override void ExecuteDataversePlugin(ILocalPluginContext localContext)
        {
            var member = localContext.GetTargetReference();
            // System service: the remover may not see every colleague's pairing, and none may outlive the member.
            var deleted = PairingCleanup.DeletePairingsOf(localContext.SystemService, Pairing.DealTeamMemberId, member.Id);
            localContext.Trace("Deleted {0} pairing(s) of member {1}.", deleted, member.Id);
        }
    }
}
