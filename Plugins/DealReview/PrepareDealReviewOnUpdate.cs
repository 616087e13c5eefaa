using System;
using CrmTeamSelling.Plugins.Common;
using Microsoft.Xrm.Sdk;
using ReviewNames = CrmTeamSelling.Plugins.Model.LogicalNames.DealReview;

namespace CrmTeamSelling.Plugins.DealReview
{
    /// <summary>
    /// Update of tsell_dealreview, pre-operation (20), synchronous, filtered on the review's columns,
    /// with a pre-image of its opportunity, date and previous review. The review stays with its
    /// opportunity and its previous review; only the deal team changes it; its name follows its date.
    /// Cost: the team (one query).
    /// </summary>
    public sealed class PrepareDealReviewOnUpdate : PluginBase
    {
        public PrepareDealReviewOnUpdate()
            : base(typeof(PrepareDealReviewOnUpdate))
        {
        }

        protected override void ExecuteDataversePlugin(ILocalPluginContext localContext)
        {
            var change = new RecordState(localContext.GetTargetEntity(), localContext.GetPreImage());
            var name = change.GetBefore<string>(ReviewNames.Name) ?? change.Id.ToString("D");
            if (change.Changes(ReviewNames.OpportunityId))
            {
                throw Refusal.Because(UserMessages.DealReviewOpportunityIsFixed, name);
            }

            if (change.Changes(ReviewNames.PreviousReviewId))
            {
                throw Refusal.Because(UserMessages.DealReviewPreviousIsFixed, name);
            }

            var opportunity = change.Get<EntityReference>(ReviewNames.OpportunityId)
                ?? throw Refusal.Because(UserMessages.DealReviewNeedsOpportunity);
            var team = DealTeam.Load(localContext.SystemService, opportunity.Id);
            DealReviewRules.RequireDealTeam(team, localContext.InitiatingUserId);

            if (change.Sets(ReviewNames.ReviewDate) || change.Sets(ReviewNames.Name))
            {
                var reviewDate = change.Get<DateTime?>(ReviewNames.ReviewDate)
                    ?? throw Refusal.Because(UserMessages.DealReviewNeedsDate, team.OpportunityName);
                change.Target[ReviewNames.Name] = DealReviewRules.Name(team.OpportunityName, reviewDate);
            }
        }
    }
}
