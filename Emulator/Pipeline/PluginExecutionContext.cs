using System;
using Microsoft.Xrm.Sdk;

namespace CrmTeamSelling.Emulator.Pipeline;

/// <summary>
/// The context a plug-in receives, filled as Dataverse fills it. The input parameters, output
/// parameters and shared variables are those of the running operation, so a change a pre-stage
/// plug-in makes to the Target reaches the main operation, as in Dataverse.
/// </summary>
internal sealed class PluginExecutionContext : IPluginExecutionContext4
{
    public int Mode { get; init; }

    /// <summary>2: sandbox, as every plug-in registered in Dataverse online runs.</summary>
    public int IsolationMode { get; init; } = 2;

    public int Depth { get; init; }

    public string MessageName { get; init; } = "";

    public string PrimaryEntityName { get; init; } = "none";

    public Guid? RequestId { get; init; }

    public string SecondaryEntityName { get; init; } = "none";

    public ParameterCollection InputParameters { get; init; } = new();

    public ParameterCollection OutputParameters { get; init; } = new();

    public ParameterCollection SharedVariables { get; init; } = new();

    public Guid UserId { get; init; }

    public Guid InitiatingUserId { get; init; }

    public Guid BusinessUnitId { get; init; }

    public Guid OrganizationId { get; init; }

    public string OrganizationName { get; init; } = "";

    /// <summary>Settable: for Create it becomes the new row's id once the main operation has run.</summary>
    public Guid PrimaryEntityId { get; set; }

    public EntityImageCollection PreEntityImages { get; init; } = new();

    public EntityImageCollection PostEntityImages { get; init; } = new();

    public EntityReference OwningExtension { get; init; } = new("sdkmessageprocessingstep", Guid.Empty);

    public Guid CorrelationId { get; init; }

    public bool IsExecutingOffline => false;

    public bool IsOfflinePlayback => false;

    public bool IsInTransaction { get; init; }

    public Guid OperationId { get; init; }

    public DateTime OperationCreatedOn { get; init; }

    public int Stage { get; init; }

    public IPluginExecutionContext ParentContext { get; init; } = null!;

    public Guid UserAzureActiveDirectoryObjectId { get; init; }

    public Guid InitiatingUserAzureActiveDirectoryObjectId { get; init; }

    public Guid InitiatingUserApplicationId => Guid.Empty;

    public Guid PortalsContactId => Guid.Empty;

    public bool IsPortalsClientCall => false;

    public Guid AuthenticatedUserId { get; init; }

    public EntityImageCollection[] PreEntityImagesCollection { get; init; } = Array.Empty<EntityImageCollection>();

    public EntityImageCollection[] PostEntityImagesCollection { get; init; } = Array.Empty<EntityImageCollection>();

    /// <summary>A fresh copy for one attempt of an asynchronous job, so a failed attempt's changes to the parameters do not reach the next.</summary>
    public PluginExecutionContext ForAttempt() => new()
    {
        Mode = Mode,
        IsolationMode = IsolationMode,
        Depth = Depth,
        MessageName = MessageName,
        PrimaryEntityName = PrimaryEntityName,
        RequestId = RequestId,
        SecondaryEntityName = SecondaryEntityName,
        InputParameters = Data.Values.CloneParameters(InputParameters),
        OutputParameters = Data.Values.CloneParameters(OutputParameters),
        SharedVariables = Data.Values.CloneParameters(SharedVariables),
        UserId = UserId,
        InitiatingUserId = InitiatingUserId,
        BusinessUnitId = BusinessUnitId,
        OrganizationId = OrganizationId,
        OrganizationName = OrganizationName,
        PrimaryEntityId = PrimaryEntityId,
        PreEntityImages = CloneImages(PreEntityImages),
        PostEntityImages = CloneImages(PostEntityImages),
        PreEntityImagesCollection = Array.ConvertAll(PreEntityImagesCollection, CloneImages),
        PostEntityImagesCollection = Array.ConvertAll(PostEntityImagesCollection, CloneImages),
        OwningExtension = OwningExtension,
        CorrelationId = CorrelationId,
        IsInTransaction = false,
        OperationId = OperationId,
        OperationCreatedOn = OperationCreatedOn,
        Stage = Stage,
        ParentContext = ParentContext,
        AuthenticatedUserId = AuthenticatedUserId,
    };

    private static EntityImageCollection CloneImages(EntityImageCollection images)
    {
        var copy = new EntityImageCollection();
        foreach (var image in images)
        {
            copy[image.Key] = Data.Values.CloneEntity(image.Value);
        }

        return copy;
    }

    public override string ToString() => $"{MessageName} of {PrimaryEntityName} {PrimaryEntityId}, stage {Stage}, depth {Depth}";
}
