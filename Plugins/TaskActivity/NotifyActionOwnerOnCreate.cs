using CrmTeamSelling.Plugins.Common;

namespace CrmTeamSelling.Plugins.TaskActivity
{
    /// <summary>
    /// Create of task, post-operation (40), asynchronous, with a post-image: an action created for
    /// someone else tells them, in one in-app notification. Ordinary tasks and actions people create for
    /// themselves end here without a call (Create steps cannot be filtered by column).
    /// </summary>
    public sealed class NotifyActionOwnerOnCreate : PluginBase
    {
        public NotifyActionOwnerOnCreate()
            : base(typeof(NotifyActionOwnerOnCreate))
        {
        }

        protected override void ExecuteDataversePlugin(ILocalPluginContext localContext) => ActionOwnerNotification.Send(localContext, previousOwner: null);
    }
}
