using CrmTeamSelling.Plugins.Common;

namespace CrmTeamSelling.Plugins.DealSolution
{
    /// <summary>
    /// Delete of tsell_dealsolutionrevision, pre-validation (10), with a pre-image of the revision's
    /// deal solution and opportunity: a revision goes only with its deal solution or its opportunity
    /// (the cascade of their Delete, seen in the ParentContext chain), never on its own.
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

            localContext.Trace("Deleted with its deal solution or opportunity.");
        }
    }
}
