using CrmTeamSelling.Plugins.Common;

namespace CrmTeamSelling.Plugins.DealSolution
{
    /// <summary>
    /// Delete of tsell_dealsolutionrevision, pre-operation (20), with a pre-image of the revision's
    /// opportunity: a revision goes only with its opportunity (the cascade of its Delete, seen in the
    /// ParentContext chain, which Dataverse documents from pre-operation on), never on its own.
    /// </summary>
    public sealed class ProtectRevisionFromDelete : PluginBase
    {
        public ProtectRevisionFromDelete()
            : base(typeof(ProtectRevisionFromDelete))
        {
        }

        protected override void ExecuteDataversePlugin(ILocalPluginContext localContext)
        {
            var revision = localContext.GetPreImage();
            if (!DealSolutionRevisions.IsDeletedWithItsParent(localContext.PluginExecutionContext, revision))
            {
                throw Refusal.Because(UserMessages.DealSolutionRevisionCannotBeDeleted);
            }

            localContext.Trace("Deleted with its opportunity.");
        }
    }
}
