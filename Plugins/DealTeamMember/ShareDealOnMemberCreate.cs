using CrmTeamSelling.Plugins.Common;
using Microsoft.Xrm.Sdk;
using Member = CrmTeamSelling.Plugins.Model.LogicalNames.DealTeamMember;

namespace CrmTeamSelling.Plugins.DealTeamMember
{
    /// <summary>
    /// Create of tsell_dealteammember, post-operation (sync): shares the opportunity with the new member.
    /// Synchronous and in the transaction, so a failed share rolls the membership back: there is never
    /// a member who cannot open the deal.
    /// </summary>
    public sealed class ShareDealOnMemberCreate : PluginBase
    {
        public ShareDealOnMemberCreate()
            : base(typeof(ShareDealOnMemberCreate))
        {
        }

        protected override void ExecuteDataversePlugin(ILocalPluginContext localContext)
        {
            var member = localContext.GetTargetEntity();
            var opportunity = member.GetAttributeValue<EntityReference>(Member.OpportunityId);
            var user = member.GetAttributeValue<EntityReference>(Member.UserId);
            if (opportunity == null)
            {
                throw Refusal.Because(UserMessages.MemberNeedsOpportunity);
            }

            if (user == null)
            {
                throw Refusal.Because(UserMessages.MemberNeedsUser);
            }

            // System service: whoever may add a member to the deal (which needs append-to on the
            // opportunity) brings them in, even without the privilege to share opportunities themselves.
            DealAccess.Reconcile(localContext.SystemService, opportunity.Id, new[] { user.Id }, message => localContext.Trace(message));
        }
    }
}
