using System.Linq;
using CrmTeamSelling.Plugins.Common;
using Microsoft.Xrm.Sdk;
using Member = CrmTeamSelling.Plugins.Model.LogicalNames.DealTeamMember;

namespace CrmTeamSelling.Plugins.DealTeamMember
{
    /// <summary>
    /// Update of tsell_dealteammember (user, status), post-operation (sync): when the member's user
    /// changes, the previous user loses the share and the new one gets it; deactivating the membership
    /// takes the share back and reactivating it gives it again. Reads the pre-image "PreImage" for the
    /// previous user. Synchronous, so a failed share or revoke rolls the change back.
    /// </summary>
    public sealed class UpdateDealAccessOnMemberUpdate : PluginBase
    {
        public UpdateDealAccessOnMemberUpdate()
            : base(typeof(UpdateDealAccessOnMemberUpdate))
        {
        }

        protected override void ExecuteDataversePlugin(ILocalPluginContext localContext)
        {
            var member = new RecordState(localContext.GetTargetEntity(), localContext.GetPreImage());
            var opportunity = member.Get<EntityReference>(Member.OpportunityId);
            if (opportunity == null)
            {
                throw Refusal.Because(UserMessages.MemberNeedsOpportunity);
            }

            // Both users are reconciled against the team as it now is: the one the record named before
            // and the one it names now (the same user when only the status changed).
            var users = new[] { member.GetBefore<EntityReference>(Member.UserId), member.Get<EntityReference>(Member.UserId) }
                .Where(user => user != null)
                .Select(user => user!.Id);

            // System service: taking access back must not depend on the remover's privilege to share
            // (a member may take themselves off the deal), and neither may giving it.
            DealAccess.Reconcile(localContext.SystemService, opportunity.Id, users, message => localContext.Trace(message));
        }
    }
}
