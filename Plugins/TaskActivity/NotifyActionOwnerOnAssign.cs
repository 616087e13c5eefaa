using CrmTeamSelling.Plugins.Common;
using Microsoft.Xrm.Sdk;
using TaskNames = CrmTeamSelling.Plugins.Model.LogicalNames.Task;

namespace CrmTeamSelling.Plugins.TaskActivity
{
    /// <summary>
    /// Update of task filtered on ownerid, post-operation (40), asynchronous, with a pre-image of the owner
    /// and a post-image: an action
    /// given to someone else tells its new owner. Registered on Update, not on Assign: Dataverse processes
    /// the deprecated AssignRequest as an Update of ownerid, so this one step hears of every reassignment,
    /// however it was asked for, and never twice.
    /// </summary>
    public sealed class NotifyActionOwnerOnAssign : PluginBase
    {
        public NotifyActionOwnerOnAssign()
            : base(typeof(NotifyActionOwnerOnAssign))
        {
        }

        protected override void ExecuteDataversePlugin(ILocalPluginContext localContext) =>
            ActionOwnerNotification.Send(localContext, localContext.GetPreImage().GetAttributeValue<EntityReference>(TaskNames.OwnerId));
    }
}
