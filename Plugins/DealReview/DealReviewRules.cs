using System;
using System.Globalization;
using CrmTeamSelling.Plugins.Common;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using ReviewNames = CrmTeamSelling.Plugins.Model.LogicalNames.DealReview;

namespace CrmTeamSelling.Plugins.DealReview
{
    /// <summary>
    /// The rules of a deal review: it belongs to one opportunity, for good; only the deal team (the
    /// opportunity's owner and its active members) opens and changes it; its name is "&lt;opportunity&gt; –
    /// review yyyy-MM-dd"; it follows a previous review of the same opportunity, held on or before its date —
    /// the one the user picks, or else the latest such review — whose open actions it takes over.
    /// </summary>
    public static class DealReviewRules
    {
        /// <summary>"Contoso ERP rollout – review 2026-03-12". The review date is a date-only column: its date is the meeting's day for everyone.</summary>
        public static string Name(string? opportunityName, DateTime reviewDate) =>
            PrimaryName.Compose(string.IsNullOrWhiteSpace(opportunityName) ? "Deal review" : opportunityName!,
                "review " + reviewDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

        /// <summary>Refuses a user who is not on the deal team; <paramref name="userId"/> is the user who made the request.</summary>
        public static void RequireDealTeam(DealTeam team, Guid userId)
        {
            if (!team.MayWorkTheDeal(userId))
            {
                throw Refusal.Because(UserMessages.NotOnDealTeamToReview, team.OpportunityName ?? team.OpportunityId.ToString("D"));
            }
        }

        /// <summary>
        /// The review the new one follows: the one the user chose (checked: same opportunity, not later), or
        /// else the latest review of the opportunity held on or before <paramref name="reviewDate"/>; null for
        /// the first review. One query either way.
        /// </summary>
        public static EntityReference? ResolvePrevious(IOrganizationService service, DealTeam team, EntityReference? chosen, DateTime reviewDate)
        {
            if (chosen == null)
            {
                var latest = new QueryExpression(ReviewNames.LogicalName)
                {
                    ColumnSet = new ColumnSet(ReviewNames.Name),
                    TopCount = 1,
                };
                latest.Criteria.AddCondition(ReviewNames.OpportunityId, ConditionOperator.Equal, team.OpportunityId);
                latest.Criteria.AddCondition(ReviewNames.ReviewDate, ConditionOperator.LessEqual, reviewDate);
                latest.AddOrder(ReviewNames.ReviewDate, OrderType.Descending);
                latest.AddOrder(ReviewNames.CreatedOn, OrderType.Descending);
                var rows = service.RetrieveMultiple(latest).Entities;
                return rows.Count == 0 ? null : new EntityReference(ReviewNames.LogicalName, rows[0].Id) { Name = rows[0].GetAttributeValue<string>(ReviewNames.Name) };
            }

            var query = new QueryExpression(ReviewNames.LogicalName)
            {
                ColumnSet = new ColumnSet(ReviewNames.Name, ReviewNames.OpportunityId, ReviewNames.ReviewDate),
                TopCount = 1,
            };
            query.Criteria.AddCondition(ReviewNames.Id, ConditionOperator.Equal, chosen.Id);
            var found = service.RetrieveMultiple(query).Entities;
            if (found.Count == 0)
            {
                throw Refusal.Because(UserMessages.DealReviewPreviousNotFound, chosen.Id.ToString("D"), team.OpportunityName);
            }

            var previous = found[0];
            var previousName = previous.GetAttributeValue<string>(ReviewNames.Name) ?? chosen.Id.ToString("D");
            if (previous.GetAttributeValue<EntityReference>(ReviewNames.OpportunityId)?.Id != team.OpportunityId)
            {
                throw Refusal.Because(UserMessages.DealReviewPreviousOfAnotherOpportunity, previousName, team.OpportunityName);
            }

            var previousDate = previous.GetAttributeValue<DateTime?>(ReviewNames.ReviewDate);
            if (previousDate.HasValue && previousDate.Value > reviewDate)
            {
                throw Refusal.Because(UserMessages.DealReviewPreviousIsLater, previousName, previousDate.Value, reviewDate);
            }

            return new EntityReference(ReviewNames.LogicalName, previous.Id) { Name = previousName };
        }
    }
}
