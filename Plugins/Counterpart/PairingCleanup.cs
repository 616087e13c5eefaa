using System;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Pairing = CrmTeamSelling.Plugins.Model.LogicalNames.Counterpart;

namespace CrmTeamSelling.Plugins.Counterpart
{
    /// <summary>
    /// A pairing means nothing without both of its people. The pairing's one parental relationship is
    /// the opportunity's (Dataverse allows a table one), so the member and stakeholder relationships only
    /// clear their link (RemoveLink); the pairings of a removed member or stakeholder go here instead.
    /// Cost: one query, then one Delete per pairing of that person (a handful).
    /// </summary>
    public static class PairingCleanup
    {
        /// <returns>How many pairings were deleted.</returns>
        public static int DeletePairingsOf(IOrganizationService service, string lookupColumn, Guid personId)
        {
            var query = new QueryExpression(Pairing.LogicalName) { ColumnSet = new ColumnSet(false) };
            query.Criteria.AddCondition(lookupColumn, ConditionOperator.Equal, personId);
            var pairings = service.RetrieveMultiple(query).Entities;
            foreach (var pairing in pairings)
            {
                service.Delete(Pairing.LogicalName, pairing.Id);
            }

            return pairings.Count;
        }
    }
}
