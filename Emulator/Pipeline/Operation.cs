using System;
using System.Linq;
using CrmTeamSelling.Emulator.Data;
using CrmTeamSelling.Emulator.Messages;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace CrmTeamSelling.Emulator.Pipeline;

/// <summary>
/// One run of one message through the pipeline: its parameters (shared by every stage), the row its
/// images are taken from, the shared variables of its synchronous steps, and who runs it.
/// </summary>
internal sealed class Operation
{
    private readonly EmulatorRuntime runtime;
    private Entity? preImageRow;
    private bool preImageCaptured;
    private Entity? postImageRow;

    public Operation(EmulatorRuntime runtime, MessageHandler handler, string messageName, ParameterCollection input, CallFrame frame)
    {
        this.runtime = runtime;
        Handler = handler;
        MessageName = messageName;
        Input = input;
        Frame = frame;
        OperationCreatedOn = runtime.UtcNow();
    }

    public MessageHandler Handler { get; }

    public string MessageName { get; }

    public ParameterCollection Input { get; }

    public ParameterCollection Output { get; } = new();

    public ParameterCollection SharedVariables { get; } = new();

    public CallFrame Frame { get; }

    /// <summary>The table the message is about ("none" for messages without one), as context.PrimaryEntityName.</summary>
    public string PrimaryEntityName { get; set; } = "none";

    public Guid PrimaryEntityId { get; set; }

    /// <summary>The row pre and post images are taken from; null for messages without images.</summary>
    public EntityReference? ImageTarget { get; set; }

    public Guid OperationId { get; } = Guid.NewGuid();

    public DateTime OperationCreatedOn { get; }

    public Guid? RequestId { get; set; }

    public Transaction? Transaction => runtime.CurrentTransaction;

    public EmulatorRuntime Runtime => runtime;

    /// <summary>Filtering attributes: an Update step runs only when the Target holds one of its columns.</summary>
    public bool PassesFilter(RegisteredStep step)
    {
        if (step.FilteringAttributes.Count == 0 || MessageName is not ("Update" or "UpdateMultiple"))
        {
            return true;
        }

        if (Input.TryGetValue<Entity>("Target", out var target) && target is not null)
        {
            return target.Attributes.Keys.Any(step.FilteringAttributes.Contains);
        }

        if (Input.TryGetValue<EntityCollection>("Targets", out var targets) && targets is not null)
        {
            return targets.Entities.Any(t => t.Attributes.Keys.Any(step.FilteringAttributes.Contains));
        }

        return false;
    }

    /// <summary>Takes the pre-image row: the stored row as it is before the main operation.</summary>
    public void CapturePreImage()
    {
        preImageRow = ImageTarget is null ? null : runtime.Store.Find(ImageTarget.LogicalName, ImageTarget.Id) is { } row ? Values.CloneEntity(row) : null;
        preImageCaptured = true;
    }

    public void CapturePostImage()
    {
        postImageRow = ImageTarget is null ? null : runtime.Store.Find(ImageTarget.LogicalName, ImageTarget.Id) is { } row ? Values.CloneEntity(row) : null;
    }

    /// <summary>
    /// The context for one step. Synchronous steps share this operation's parameter collections;
    /// an asynchronous step gets a snapshot of them as they are now.
    /// </summary>
    public PluginExecutionContext CreateContext(RegisteredStep step, int stage, bool isInTransaction, int mode, bool snapshot = false)
    {
        if (!preImageCaptured)
        {
            CapturePreImage();
        }

        var preImages = new EntityImageCollection();
        var postImages = new EntityImageCollection();
        foreach (var image in step.Registration.Images)
        {
            if (image.ImageType is ImageType.PreImage or ImageType.Both && preImageRow is not null)
            {
                preImages[image.Name] = Project(preImageRow, image);
            }

            if (image.ImageType is ImageType.PostImage or ImageType.Both && stage == PipelineStage.PostOperation && postImageRow is not null)
            {
                postImages[image.Name] = Project(postImageRow, image);
            }
        }

        var userId = step.Registration.ImpersonatingUserId ?? Frame.UserId;
        return new PluginExecutionContext
        {
            Mode = mode,
            Depth = Frame.Depth,
            MessageName = MessageName,
            PrimaryEntityName = PrimaryEntityName,
            PrimaryEntityId = PrimaryEntityId,
            RequestId = RequestId,
            InputParameters = snapshot ? Values.CloneParameters(Input) : Input,
            OutputParameters = snapshot ? Values.CloneParameters(Output) : Output,
            SharedVariables = snapshot ? Values.CloneParameters(SharedVariables) : SharedVariables,
            UserId = userId,
            InitiatingUserId = Frame.InitiatingUserId,
            BusinessUnitId = runtime.BusinessUnitOf(userId),
            OrganizationId = runtime.OrganizationId,
            OrganizationName = runtime.Options.OrganizationName,
            PreEntityImages = preImages,
            PostEntityImages = postImages,
            OwningExtension = new EntityReference("sdkmessageprocessingstep", step.Registration.Id) { Name = step.DisplayName },
            CorrelationId = Frame.CorrelationId,
            IsInTransaction = isInTransaction,
            OperationId = OperationId,
            OperationCreatedOn = OperationCreatedOn,
            Stage = stage,
            ParentContext = Frame.Parent!,
            AuthenticatedUserId = Frame.InitiatingUserId,
        };
    }

    private Entity Project(Entity row, StepImage image)
    {
        var table = runtime.Metadata.FindTable(row.LogicalName)!;
        var columns = image.Attributes.Count == 0 ? new ColumnSet(true) : new ColumnSet(image.Attributes.ToArray());
        return runtime.Reader.Read(table, row, columns, ignoreUnknownColumns: true);
    }
}
