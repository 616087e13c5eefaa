using CrmTeamSelling.Plugins.Common;

namespace CrmTeamSelling.Plugins.Counterpart
{
    /// <summary>
    /// Create of tsell_counterpart, pre-operation (sync): member and stakeholder of the same opportunity,
    /// one pairing per pair, level gap and parity under tsell_LevelParityMode (enforce refuses a gap
    /// above one), the opportunity and the name filled in. Pre-operation so they are saved with the record.
    /// </summary>
    public sealed class PrepareCounterpartOnCreate : PluginBase
    {
        public PrepareCounterpartOnCreate()
            : base(typeof(PrepareCounterpartOnCreate))
        {
        }

        protected override void ExecuteDataversePlugin(ILocalPluginContext localContext)
        {
            // System service: the one-pairing check must see pairings the saver cannot read, and the
            // name must not fail because the saver cannot read the colleague's user or the contact.
            CounterpartPairing.Prepare(localContext.SystemService, new RecordState(localContext.GetTargetEntity(), null));
        }
    }
}
