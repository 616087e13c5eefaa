using CrmTeamSelling.Plugins.Common;

namespace CrmTeamSelling.Plugins.DealSolution
{
    /// <summary>
    /// Update of tsell_dealsolutionrevision, pre-validation (10): a revision is the permanent record of
    /// a version, so only its owner may change (the opportunity's reassignment cascades to it).
    /// Refused before the transaction starts, for everyone, the system included.
    /// </summary>
    public sealed class ProtectRevisionFromUpdate : PluginBase
    {
        public ProtectRevisionFromUpdate()
            : base(typeof(ProtectRevisionFromUpdate))
        {
        }

        protected override void ExecuteDataversePlugin(ILocalPluginContext localContext)
        {
            var changed = DealSolutionRevisions.ImmutableColumnsSetBy(localContext.GetTargetEntity());
            if (changed.Count > 0)
            {
                throw Refusal.Because(UserMessages.DealSolutionRevisionIsImmutable, string.Join(", ", changed));
            }
        }
    }
}
