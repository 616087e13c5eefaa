using CrmTeamSelling.Plugins.Common;
using CrmTeamSelling.Plugins.Counterpart;
using Pairing = CrmTeamSelling.Plugins.Model.LogicalNames.Counterpart;

namespace CrmTeamSelling.Plugins.Stakeholder
{
    /// <summary>
    /// Delete of tsell_stakeholder, pre-validation (10), synchronous: deletes the stakeholder's counterpart
    /// pairings. Pre-validation, because by pre-operation Dataverse has already cleared the pairings'
    /// link to the stakeholder (RemoveLink). The opportunity's own cascade never comes here.
    /// </summary>
    public sealed class DeletePairingsOfRemovedStakeholder : PluginBase
    {
        public DeletePairingsOfRemovedStakeholder()
            : base(typeof(DeletePairingsOfRemovedStakeholder))
        {
        }

        protected override void ExecuteDataversePlugin(ILocalPluginContext localContext)
        {
            var stakeholder = localContext.GetTargetReference();
            var deleted = PairingCleanup.DeletePairingsOf(localContext.SystemService, Pairing.StakeholderId, stakeholder.Id);
            localContext.Trace("Deleted {0} pairing(s) of stakeholder {1}.", deleted, stakeholder.Id);
        }
    }
}
