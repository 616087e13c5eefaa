using CrmTeamSelling.Plugins.Common;
using Microsoft.Xrm.Sdk;
using ReviewNames = CrmTeamSelling.Plugins.Model.LogicalNames.DealReview;
using SystemUserNames = CrmTeamSelling.Plugins.Model.LogicalNames.SystemUser;

namespace CrmTeamSelling.Plugins.DealReview
{
    /// <summary>
    /// Create of tsell_dealreview, pre-operation (20), synchronous. Only the deal team opens a review;
    /// it gets its name, the person opening it as facilitator unless one is named, and its previous review
    /// (the one chosen, checked, or the latest earlier one), whose open actions
    /// <see cref="CarryForwardOpenActions"/> then moves to it. Cost: the team (one query), the previous review (one query).
    /// </summary>
    public sealed class PrepareDealReviewOnCreate : PluginBase
    {
        public PrepareDealReviewOnCreate()
            : base(typeof(PrepareDealReviewOnCreate))
        {
        }

        protected override void ExecuteDataversePlugin(ILocalPluginContext localContext)
        {
            var target = localContext.GetTargetEntity();
            var opportunity = target.GetAttributeValue<EntityReference>(ReviewNames.OpportunityId)
                ?? throw Refusal.Because(UserMessages.DealReviewNeedsOpportunity);

            // Who is on the team is a fact about the deal, read as the system.
            var system = localContext.SystemService;
            var team = DealTeam.Load(system, opportunity.Id);
            var openedBy = localContext.InitiatingUserId;
            DealReviewRules.RequireDealTeam(team, openedBy);

            var reviewDate = target.GetAttributeValue<System.DateTime?>(ReviewNames.ReviewDate)
                ?? throw Refusal.Because(UserMessages.DealReviewNeedsDate, team.OpportunityName);

            target[ReviewNames.Name] = DealReviewRules.Name(team.OpportunityName, reviewDate);
            if (target.GetAttributeValue<EntityReference>(ReviewNames.FacilitatorId) == null)
            {
                target[ReviewNames.FacilitatorId] = new EntityReference(SystemUserNames.LogicalName, openedBy);
            }

            var previous = DealReviewRules.ResolvePrevious(system, team, target.GetAttributeValue<EntityReference>(ReviewNames.PreviousReviewId), reviewDate);
            target[ReviewNames.PreviousReviewId] = previous;
            localContext.Trace("Review of {0} on {1:yyyy-MM-dd} follows {2}.", team.OpportunityName, reviewDate, previous?.Name ?? "no earlier review");
        }
    }
}
