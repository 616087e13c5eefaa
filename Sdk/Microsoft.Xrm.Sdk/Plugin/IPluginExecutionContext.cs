using System;

namespace Microsoft.Xrm.Sdk
{
    /// <summary>The plug-in's view of the pipeline: adds only the stage and the parent context.</summary>
    public interface IPluginExecutionContext : IExecutionContext
    {
        int Stage { get; }
        IPluginExecutionContext ParentContext { get; }
    }

    public interface IPluginExecutionContext2 : IPluginExecutionContext
    {
        Guid UserAzureActiveDirectoryObjectId { get; }
        Guid InitiatingUserAzureActiveDirectoryObjectId { get; }
        Guid InitiatingUserApplicationId { get; }
        Guid PortalsContactId { get; }
        bool IsPortalsClientCall { get; }
    }

    public interface IPluginExecutionContext3 : IPluginExecutionContext2
    {
        Guid AuthenticatedUserId { get; }
    }

    public interface IPluginExecutionContext4 : IPluginExecutionContext3
    {
        EntityImageCollection[] PreEntityImagesCollection { get; }
        EntityImageCollection[] PostEntityImagesCollection { get; }
    }
}
