using CrmTeamSelling.Plugins.Common;
using Microsoft.Xrm.Sdk;
using Member = CrmTeamSelling.Plugins.Model.LogicalNames.DealTeamMember;

namespace CrmTeamSelling.Plugins.DealTeamMember
{
    /// <summary>
    /// Delete of tsell_dealteammember, post-operation (sync): takes the opportunity's share back from the
    /// removed member's user, unless another active membership of theirs remains. Reads the pre-image
    /// "PreImage" (the deleted record's user and opportunity). Synchronous, so a failed revoke rolls the
    /// delete back: a removed member never keeps the deal.
    /// </summary>
    public sealed class RevokeDealAccessOnMemberDelete : PluginBase
    {
        public RevokeDealAccessOnMemberDelete()
            : base(typeof(RevokeDealAccessOnMemberDelete))
        {
        }

        protected override void ExecuteDataversePlugin(ILocalPluginContext localContext)
        {
            var removed = localContext.GetPreImage();
            var opportunity = removed.GetAttributeValue<EntityReference>(Member.OpportunityId);
            var user = removed.GetAttributeValue<EntityReference>(Member.UserId);
            if (opportunity == null || user == null)
            {
                localContext.Trace("The removed membership named no opportunity or no user; it gave no access to take back.");
                return;
            }

            // System service: the remover may lack the privilege to share the opportunity.
            DealAccess.Reconcile(localContext.SystemService, opportunity.Id, new[] { user.Id }, message => localContext.Trace(message));
        }
    }
}
