using CrmTeamSelling.Plugins.Common;

namespace CrmTeamSelling.Plugins.Counterpart
{
    /// <summary>
    /// Update of tsell_counterpart (member, stakeholder, opportunity, level gap, parity, name),
    /// pre-operation (sync): the rules of <see cref="PrepareCounterpartOnCreate"/> on the record as it
    /// will be. A write to a kept column (gap, parity, name, opportunity) is answered by deriving it
    /// again, so they cannot be set by hand. Reads the pre-image "PreImage".
    /// </summary>
    public sealed class PrepareCounterpartOnUpdate : PluginBase
    {
        public PrepareCounterpartOnUpdate()
            : base(typeof(PrepareCounterpartOnUpdate))
        {
        }

        protected override void ExecuteDataversePlugin(ILocalPluginContext localContext)
        {
            // System service, as on create.
            CounterpartPairing.Prepare(localContext.SystemService, new RecordState(localContext.GetTargetEntity(), localContext.GetPreImage()));
        }
    }
}
