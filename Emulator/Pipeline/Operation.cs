using System;
using System.Collections.Generic;
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
    private IReadOnlyList<Entity?> bulkPreImageRows = Array.Empty<Entity?>();
    private IReadOnlyList<Entity?> bulkPostImageRows = Array.Empty<Entity?>();
    private PluginExecutionContext? platformContext;
    private PluginExecutionContext? preValidationContext;

    /// <summary>The messages whose stages 20 to 40 Dataverse runs in a child pipeline of their stage 10.</summary>
    private static readonly HashSet<string> MessagesWithChildPipeline = new(StringComparer.Ordinal) { "Create", "Update", "Delete" };

    public Operation(EmulatorRuntime runtime, MessageHandler handler, string requestName, ParameterCollection input, CallFrame frame)
    {
        this.runtime = runtime;
        Handler = handler;
        RequestName = requestName;
        MessageName = handler.PipelineMessageName(requestName);
        Input = input;
        Frame = frame;
        OperationCreatedOn = runtime.UtcNow();
    }

    public MessageHandler Handler { get; }

    /// <summary>The message the caller asked for (the response's name).</summary>
    public string RequestName { get; }

    /// <summary>The message the pipeline runs: whose steps fire, the context's MessageName.</summary>
    public string MessageName { get; }

    public ParameterCollection Input { get; }

    public ParameterCollection Output { get; } = new();

    /// <summary>The shared variables of stages 20 to 40 (of every stage, for messages without a child pipeline).</summary>
    public ParameterCollection SharedVariables { get; } = new();

    /// <summary>
    /// Create, Update and Delete asked for by a caller run stage 10 in a parent pipeline and stages 20 to 40
    /// in a child pipeline: the later stages get their own shared variables, and the stage-10 context as
    /// ParentContext, whose SharedVariables are what stage 10 shared ("Understand the execution context").
    /// A message the platform generates has no stage 10, so no such split.
    /// </summary>
    public bool HasChildPipeline => !Frame.IsPlatformGenerated && MessagesWithChildPipeline.Contains(MessageName);

    /// <summary>The shared variables of stage 10 when the operation has a child pipeline.</summary>
    public ParameterCollection PreValidationSharedVariables { get; } = new();

    /// <summary>Whether stage 10 ran inside a transaction (a call made by a plug-in in stage 20 or 40).</summary>
    public bool PreValidationInTransaction { get; set; }

    public CallFrame Frame { get; }

    /// <summary>The table the message is about ("none" for messages without one), as context.PrimaryEntityName.</summary>
    public string PrimaryEntityName { get; set; } = "none";

    public Guid PrimaryEntityId { get; set; }

    /// <summary>The row pre and post images are taken from; null for messages without images.</summary>
    public EntityReference? ImageTarget { get; set; }

    /// <summary>
    /// CreateMultiple and UpdateMultiple: the row of each entry of Targets, in order, for the image arrays
    /// (PreEntityImagesCollection, PostEntityImagesCollection) their steps receive; a null entry has no row yet.
    /// </summary>
    public IReadOnlyList<EntityReference?>? BulkImageTargets { get; set; }

    /// <summary>
    /// Which run of stages 20 to 40 this is. Dataverse runs an Update that changes state or status together
    /// with other columns twice: once for the other columns, then once for statecode and statuscode.
    /// </summary>
    public int PassIndex { get; set; }

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

    /// <summary>Takes the pre-image row(s): the stored row(s) as they are before the main operation.</summary>
    public void CapturePreImage()
    {
        preImageRow = StoredCopy(ImageTarget);
        bulkPreImageRows = BulkImageTargets?.Select(StoredCopy).ToList() ?? (IReadOnlyList<Entity?>)Array.Empty<Entity?>();
        preImageCaptured = true;
    }

    public void CapturePostImage()
    {
        postImageRow = StoredCopy(ImageTarget);
        bulkPostImageRows = BulkImageTargets?.Select(StoredCopy).ToList() ?? (IReadOnlyList<Entity?>)Array.Empty<Entity?>();
    }

    private Entity? StoredCopy(EntityReference? reference)
        => reference is not null && runtime.Store.Find(reference.LogicalName, reference.Id) is { } row ? Values.CloneEntity(row) : null;

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

        var images = step.Registration.Images;
        var withPostImages = stage == PipelineStage.PostOperation;
        return NewContext(
            userId: step.Registration.ImpersonatingUserId ?? Frame.UserId,
            stage,
            isInTransaction,
            mode,
            snapshot,
            owningExtension: new EntityReference("sdkmessageprocessingstep", step.Registration.Id) { Name = step.DisplayName },
            preImages: ImagesOf(preImageRow, images, ImageType.PreImage),
            postImages: withPostImages ? ImagesOf(postImageRow, images, ImageType.PostImage) : new EntityImageCollection(),
            preImagesCollection: bulkPreImageRows.Select(row => ImagesOf(row, images, ImageType.PreImage)).ToArray(),
            postImagesCollection: withPostImages ? bulkPostImageRows.Select(row => ImagesOf(row, images, ImageType.PostImage)).ToArray() : Array.Empty<EntityImageCollection>());
    }

    /// <summary>
    /// This operation as the ParentContext of a message the platform runs to complete it (a cascade to a
    /// child row, the Assign inside an Update...): the context of its main operation (stage 30), without
    /// images or a step of its own. Its parameter collections are the operation's own.
    /// </summary>
    public PluginExecutionContext PlatformContext()
        => platformContext ??= NewContext(
            Frame.UserId,
            PipelineStage.MainOperation,
            isInTransaction: Transaction is not null,
            mode: 0,
            snapshot: false,
            owningExtension: new EntityReference("sdkmessageprocessingstep", Guid.Empty),
            preImages: new EntityImageCollection(),
            postImages: new EntityImageCollection(),
            preImagesCollection: Array.Empty<EntityImageCollection>(),
            postImagesCollection: Array.Empty<EntityImageCollection>());

    /// <summary>The context of stage 10's parent pipeline, ParentContext of the child pipeline's stages.</summary>
    private PluginExecutionContext PreValidationContext()
        => preValidationContext ??= NewContext(
            Frame.UserId,
            PipelineStage.PreValidation,
            isInTransaction: PreValidationInTransaction,
            mode: 0,
            snapshot: false,
            owningExtension: new EntityReference("sdkmessageprocessingstep", Guid.Empty),
            preImages: new EntityImageCollection(),
            postImages: new EntityImageCollection(),
            preImagesCollection: Array.Empty<EntityImageCollection>(),
            postImagesCollection: Array.Empty<EntityImageCollection>());

    private PluginExecutionContext NewContext(Guid userId, int stage, bool isInTransaction, int mode, bool snapshot, EntityReference owningExtension,
        EntityImageCollection preImages, EntityImageCollection postImages, EntityImageCollection[] preImagesCollection, EntityImageCollection[] postImagesCollection)
    {
        var inParentPipeline = !HasChildPipeline || stage == PipelineStage.PreValidation;
        var sharedVariables = HasChildPipeline && stage == PipelineStage.PreValidation ? PreValidationSharedVariables : SharedVariables;
        return new()
        {
            Mode = mode,
            Depth = Frame.Depth,
            MessageName = MessageName,
            PrimaryEntityName = PrimaryEntityName,
            PrimaryEntityId = PrimaryEntityId,
            RequestId = RequestId,
            InputParameters = snapshot ? Values.CloneParameters(Input) : Input,
            OutputParameters = snapshot ? Values.CloneParameters(Output) : Output,
            SharedVariables = snapshot ? Values.CloneParameters(sharedVariables) : sharedVariables,
            UserId = userId,
            InitiatingUserId = Frame.InitiatingUserId,
            BusinessUnitId = runtime.BusinessUnitOf(userId),
            OrganizationId = runtime.OrganizationId,
            OrganizationName = runtime.Options.OrganizationName,
            PreEntityImages = preImages,
            PostEntityImages = postImages,
            PreEntityImagesCollection = preImagesCollection,
            PostEntityImagesCollection = postImagesCollection,
            OwningExtension = owningExtension,
            CorrelationId = Frame.CorrelationId,
            IsInTransaction = isInTransaction,
            OperationId = OperationId,
            OperationCreatedOn = OperationCreatedOn,
            Stage = stage,
            ParentContext = inParentPipeline ? Frame.Parent! : PreValidationContext(),
            AuthenticatedUserId = Frame.InitiatingUserId,
        };
    }

    /// <summary>The step's images of one kind (pre or post) taken from <paramref name="row"/>; empty when there is no row.</summary>
    private EntityImageCollection ImagesOf(Entity? row, IReadOnlyList<StepImage> images, ImageType kind)
    {
        var collection = new EntityImageCollection();
        if (row is null)
        {
            return collection;
        }

        foreach (var image in images.Where(i => i.ImageType == kind || i.ImageType == ImageType.Both))
        {
            collection[image.Name] = Project(row, image);
        }

        return collection;
    }

    private Entity Project(Entity row, StepImage image)
    {
        var table = runtime.Metadata.FindTable(row.LogicalName)!;
        var columns = image.Attributes.Count == 0 ? new ColumnSet(true) : new ColumnSet(image.Attributes.ToArray());
        return runtime.Reader.Read(table, row, columns, ignoreUnknownColumns: true);
    }
}
