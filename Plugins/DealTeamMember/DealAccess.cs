using System;
using System.Collections.Generic;
using System.Linq;
using CrmTeamSelling.Plugins.Common;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using OpportunityNames = CrmTeamSelling.Plugins.Model.LogicalNames.Opportunity;
using SystemUserNames = CrmTeamSelling.Plugins.Model.LogicalNames.SystemUser;

namespace CrmTeamSelling.Plugins.DealTeamMember
{
    /// <summary>
    /// Keeps "who may open the deal" equal to "who is on the deal team": a user with an active
    /// membership holds a share of the opportunity (read, write, append, append to; the opportunity's
    /// parental relationships cascade the share to its stakeholders, solution, reviews...), and a user
    /// without one holds none, unless they own the opportunity.
    /// </summary>
    /// <remarks>
    /// It reconciles rather than reacts: after any change to a membership it looks at the deal team as
    /// it now is (in the same transaction) and grants or revokes accordingly, so a user who still has
    /// another active membership of the deal keeps the share, and a retried or repeated step changes
    /// nothing. RevokeAccess takes back only the share: the owner keeps the opportunity through
    /// ownership, a member of an owning team through the team, a manager through their role's depth.
    /// The owner is shared with too while on the team, so that reassigning the deal does not lock
    /// them out of a team they still belong to; and their share goes with their membership, so
    /// "holds a share" always means "is on the team". Dataverse keeps one share per user and record,
    /// so a share someone made by hand to a member is taken back with the membership.
    /// </remarks>
    public static class DealAccess
    {
        /// <summary>What a deal team member may do with the opportunity: no delete, assign or share.</summary>
        public const AccessRights MemberRights =
            AccessRights.ReadAccess | AccessRights.WriteAccess | AccessRights.AppendAccess | AccessRights.AppendToAccess;

        /// <summary>
        /// Grants or revokes the opportunity to each user as the deal team now stands. Cost: one query,
        /// then one GrantAccess or RevokeAccess per user (one or two users per membership change).
        /// <paramref name="service"/> must be able to share the opportunity whoever changed the membership.
        /// </summary>
        public static void Reconcile(IOrganizationService service, Guid opportunityId, IEnumerable<Guid> userIds, Action<string> trace)
        {
            var team = DealTeam.TryLoad(service, opportunityId);
            if (team == null)
            {
                // The opportunity itself is gone (its delete cascades to the members): no share is left to take back.
                trace("Opportunity " + opportunityId.ToString("D") + " no longer exists; no access to change.");
                return;
            }

            var opportunity = new EntityReference(OpportunityNames.LogicalName, opportunityId);
            foreach (var userId in userIds.Where(id => id != Guid.Empty).Distinct())
            {
                var user = new EntityReference(SystemUserNames.LogicalName, userId);
                if (team.IsActiveMember(userId))
                {
                    service.Execute(new GrantAccessRequest { Target = opportunity, PrincipalAccess = new PrincipalAccess { Principal = user, AccessMask = MemberRights } });
                    trace("Shared opportunity " + opportunityId.ToString("D") + " with deal team member " + userId.ToString("D") + ".");
                }
                else
                {
                    service.Execute(new RevokeAccessRequest { Target = opportunity, Revokee = user });
                    trace("Took back the share of opportunity " + opportunityId.ToString("D") + " from " + userId.ToString("D") + (team.IsOwner(userId)
                        ? ", who is no longer on its deal team and keeps the opportunity as its owner."
                        : ", who is no longer on its deal team."));
                }
            }
        }
    }
}
