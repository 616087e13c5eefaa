using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.ServiceModel;
using CrmTeamSelling.Emulator.Data;
using CrmTeamSelling.Emulator.Faults;
using CrmTeamSelling.Emulator.Messages;
using CrmTeamSelling.Emulator.Metadata;
using CrmTeamSelling.Emulator.Security;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;

namespace CrmTeamSelling.Emulator.Pipeline;

/// <summary>
/// The engine: runs every message through the pipeline as Dataverse does. Stage 10 of a top-level
/// operation runs outside the transaction; stages 20, 30 (the main operation) and 40 run inside it;
/// a failure anywhere in the transaction rolls all of it back; asynchronous steps are queued when it
/// commits. One lock serialises top-level operations (and each asynchronous job), so concurrent
/// callers see serialisable behaviour; nested calls from plug-ins run on the caller's thread inside it.
/// </summary>
internal sealed class EmulatorRuntime
{
    private readonly object gate = new();
    private readonly Queue<AsyncJob> asyncQueue = new();
    private readonly List<OperationStatistics> operations = new();
    private readonly MessageHandlers handlers;
    private OperationScope? current;

    public EmulatorRuntime(MetadataCatalog metadata, EmulatorOptions options)
    {
        Metadata = metadata;
        Options = options;
        Store = new RecordStore(metadata);
        Sharing = new SharingTable();
        Access = new AccessChecker(metadata, Store, Sharing, Roles);
        Writer = new RecordWriter(this);
        Reader = new RowReader(metadata, Store);
        Queries = new Query.QueryEngine(this);
        handlers = new MessageHandlers(this);
        Plugins = new PluginRegistry(options.AllowMutablePluginFields);
    }

    public MetadataCatalog Metadata { get; }

    public EmulatorOptions Options { get; }

    public RecordStore Store { get; }

    public SharingTable Sharing { get; }

    public Dictionary<Guid, SecurityRole> Roles { get; } = new();

    public AccessChecker Access { get; }

    public RecordWriter Writer { get; }

    public RowReader Reader { get; }

    public Query.QueryEngine Queries { get; }

    public PluginRegistry Plugins { get; }

    public Guid OrganizationId { get; } = Guid.NewGuid();

    public Guid RootBusinessUnitId { get; set; }

    public Guid SystemUserId { get; set; }

    /// <summary>The transaction of the running operation, if it is inside one.</summary>
    public Transaction? CurrentTransaction => current?.Transaction;

    public DateTime UtcNow() => Options.Clock?.Invoke() ?? DateTime.UtcNow;

    public object Gate => gate;

    public IReadOnlyList<OperationStatistics> OperationsSnapshot()
    {
        lock (gate)
        {
            return operations.ToList();
        }
    }

    public void ClearOperations()
    {
        lock (gate)
        {
            operations.Clear();
        }
    }

    public int PendingAsyncJobs
    {
        get
        {
            lock (gate)
            {
                return asyncQueue.Count;
            }
        }
    }

    /// <summary>Runs a request for a caller: a top-level operation, or a call nested in the running one.</summary>
    public OrganizationResponse Execute(OrganizationRequest request, CallFrame frame)
    {
        lock (gate)
        {
            if (current is not null)
            {
                if (frame.CallingPlugin is not null)
                {
                    current.Statistics.RecordServiceCall(frame.CallingPlugin, request.RequestName);
                }

                return RunMessage(request, frame);
            }

            var statistics = new OperationStatistics(request.RequestName, null, frame.UserId, isAsync: false);
            var watch = Stopwatch.StartNew();
            current = new OperationScope(statistics);
            try
            {
                var response = RunMessage(request, frame);
                statistics.Succeeded = true;
                return response;
            }
            finally
            {
                statistics.Elapsed = watch.Elapsed;
                operations.Add(statistics);
                current = null;
            }
        }
    }

    /// <summary>
    /// Runs a message through stages 10, 20, 30 and 40, in the running transaction or in its own. A message the
    /// platform generates (<see cref="CallFrame.IsPlatformGenerated"/>) runs as a child pipeline: stages 20 to 40
    /// only, always inside the transaction of the operation that generated it.
    /// </summary>
    public OrganizationResponse RunMessage(OrganizationRequest request, CallFrame frame)
    {
        if (string.IsNullOrWhiteSpace(request.RequestName))
        {
            throw DataverseFault.InvalidArgument("The request has no RequestName: set it to the message to run (Create, Update, a custom API's unique name...).");
        }

        if (frame.Depth > Options.MaxDepth)
        {
            throw DataverseFault.Create(ErrorCodes.InfiniteLoopDetected, PlatformMessages.InfiniteLoop);
        }

        var scope = current!;
        if (scope.Transaction?.DoomedBy is not null)
        {
            throw NoActiveTransaction(scope.Transaction.DoomedBy);
        }

        if (frame.Origin != CallOrigin.BulkRow && BulkMessageMergedWith(request) is { } bulkMessage)
        {
            return RunAsBulkOfOne(request, bulkMessage, frame);
        }

        var handler = handlers.For(request.RequestName);
        var input = Values.CloneParameters(request.Parameters);
        var operation = new Operation(this, handler, request.RequestName, input, frame);
        handler.Prepare(operation);
        scope.Statistics.EntityName ??= operation.PrimaryEntityName;

        if (frame.IsPlatformGenerated && scope.Transaction is null)
        {
            throw new InvalidOperationException($"The platform generated {request.RequestName} outside any transaction: generated messages run inside the operation that generates them.");
        }

        var ownsTransaction = scope.Transaction is null && handler.IsTransactional;
        try
        {
            if (!frame.IsPlatformGenerated)
            {
                operation.PreValidationInTransaction = scope.Transaction is not null;
                RunStage(operation, PipelineStage.PreValidation, isInTransaction: operation.PreValidationInTransaction);
            }

            if (ownsTransaction)
            {
                scope.Transaction = new Transaction();
            }

            try
            {
                handler.BeforePreOperation(operation);
                var passes = handler.Passes(operation);
                for (var pass = 0; pass < passes.Count; pass++)
                {
                    operation.PassIndex = pass;
                    passes[pass]();
                    operation.CapturePreImage();
                    RunStage(operation, PipelineStage.PreOperation, isInTransaction: scope.Transaction is not null);
                    handler.Execute(operation);
                    operation.CapturePostImage();
                    RunStage(operation, PipelineStage.PostOperation, isInTransaction: scope.Transaction is not null);
                    QueueAsynchronousSteps(operation);
                }

                if (ownsTransaction)
                {
                    var transaction = scope.Transaction!;
                    if (transaction.DoomedBy is not null)
                    {
                        throw NoActiveTransaction(transaction.DoomedBy);
                    }

                    foreach (var job in transaction.PendingJobs)
                    {
                        asyncQueue.Enqueue(job);
                    }
                }
            }
            catch
            {
                if (ownsTransaction)
                {
                    scope.Transaction!.Rollback();
                }

                throw;
            }
            finally
            {
                if (ownsTransaction)
                {
                    scope.Transaction = null;
                }
            }
        }
        catch (Exception failure) when (!ownsTransaction && scope.Transaction is not null)
        {
            // Any failure inside a transaction dooms it, even if the plug-in that made the call catches the fault.
            scope.Transaction.Doom(failure);
            throw;
        }

        return handler.CreateResponse(operation);
    }

    /// <summary>Runs a message the platform generates to complete <paramref name="parent"/>, as its child pipeline.</summary>
    public OrganizationResponse RunPlatformMessage(OrganizationRequest request, Operation parent, CallOrigin origin)
        => RunMessage(request, CallFrame.ForPlatform(parent.Frame, parent.PlatformContext(), origin));

    /// <summary>
    /// Dataverse merges the pipelines of Create and CreateMultiple, and of Update and UpdateMultiple, for the
    /// tables that support the bulk messages (every custom table; some standard ones, which the emulator does
    /// not list): a single Create or Update also raises the bulk event, with Targets holding that one row.
    /// The bulk message to run for <paramref name="request"/>, or null when none (not Create or Update, a
    /// standard table, or no step registered on the bulk message of the table, so nothing would differ).
    /// </summary>
    private string? BulkMessageMergedWith(OrganizationRequest request)
    {
        var bulkMessage = request.RequestName switch
        {
            "Create" => "CreateMultiple",
            "Update" => "UpdateMultiple",
            _ => null,
        };
        if (bulkMessage is null || !request.Parameters.TryGetValue("Target", out var value) || value is not Entity target
            || Metadata.FindTable(target.LogicalName) is not { IsCustom: true } table)
        {
            return null;
        }

        return Plugins.HasStepsFor(bulkMessage, table.LogicalName) ? bulkMessage : null;
    }

    /// <summary>Runs a single Create or Update as its bulk message with one row, and answers as the single message.</summary>
    private OrganizationResponse RunAsBulkOfOne(OrganizationRequest request, string bulkMessage, CallFrame frame)
    {
        var target = (Entity)request.Parameters["Target"];
        var bulk = new OrganizationRequest(bulkMessage);
        foreach (var parameter in request.Parameters.Where(p => p.Key != "Target"))
        {
            bulk.Parameters[parameter.Key] = parameter.Value;
        }

        bulk.Parameters["Targets"] = new EntityCollection(new List<Entity> { target }) { EntityName = target.LogicalName };
        var results = RunMessage(bulk, frame).Results;
        if (request.RequestName == "Create")
        {
            return new CreateResponse { ResponseName = request.RequestName, Results = { ["id"] = ((Guid[])results["Ids"])[0] } };
        }

        return new UpdateResponse { ResponseName = request.RequestName };
    }

    private static FaultException<OrganizationServiceFault> NoActiveTransaction(Exception cause)
    {
        var fault = DataverseFault.Create(ErrorCodes.TransactionNotStarted, PlatformMessages.NoActiveTransaction);
        fault.Detail.InnerFault = (cause as FaultException<OrganizationServiceFault>)?.Detail;
        return fault;
    }

    private void RunStage(Operation operation, int stage, bool isInTransaction)
    {
        foreach (var step in Plugins.StepsFor(operation.MessageName, operation.PrimaryEntityName, stage, asynchronous: false).ToList())
        {
            if (!operation.PassesFilter(step))
            {
                continue;
            }

            var context = operation.CreateContext(step, stage, isInTransaction, mode: 0);
            RunPlugin(step.Instance, step.PluginName, context, step.DisplayName);
        }
    }

    private void QueueAsynchronousSteps(Operation operation)
    {
        foreach (var step in Plugins.StepsFor(operation.MessageName, operation.PrimaryEntityName, PipelineStage.PostOperation, asynchronous: true).ToList())
        {
            if (!operation.PassesFilter(step))
            {
                continue;
            }

            var job = new AsyncJob { Step = step, Context = operation.CreateContext(step, PipelineStage.PostOperation, isInTransaction: false, mode: 1, snapshot: true) };
            if (current?.Transaction is { } transaction)
            {
                transaction.Enqueue(job);
            }
            else
            {
                asyncQueue.Enqueue(job);
            }
        }
    }

    /// <summary>Runs one plug-in and turns what it throws into what an SDK caller of Dataverse receives.</summary>
    public void RunPlugin(IPlugin plugin, string pluginName, PluginExecutionContext context, string stepName)
    {
        var tracing = new TracingService();
        var provider = new PluginServiceProvider(context, tracing, new PluginServiceFactory(this, context, pluginName));
        var statistics = current!.Statistics;
        statistics.RecordPluginExecution(pluginName);
        try
        {
            plugin.Execute(provider);
        }
        catch (InvalidPluginExecutionException refusal)
        {
            // Dataverse hands the plug-in's message to the caller unchanged; the code is IsvAborted unless the plug-in chose one.
            var code = refusal.ErrorCode == new InvalidPluginExecutionException().ErrorCode ? ErrorCodes.IsvAborted : refusal.ErrorCode;
            var fault = DataverseFault.Create(code, refusal.Message);
            fault.Detail.TraceText = tracing.ToString();
            throw fault;
        }
        catch (FaultException<OrganizationServiceFault>)
        {
            // A failed call the plug-in did not catch: the caller sees that fault.
            throw;
        }
        catch (NotSupportedException)
        {
            // The emulator's own "not implemented" stays loud and unwrapped.
            throw;
        }
        catch (Exception crash)
        {
            var fault = DataverseFault.Create(ErrorCodes.UnexpectedPluginException,
                $"Unexpected exception from plug-in (Execute): {pluginName}: {crash.GetType().FullName}: {crash.Message}");
            fault.Detail.TraceText = tracing + Environment.NewLine + crash;
            throw fault;
        }
        finally
        {
            statistics.RecordTrace(pluginName, tracing.Lines);
        }
    }

    /// <summary>Runs queued asynchronous jobs (and the jobs they queue) until none is left.</summary>
    public AsyncDrainResult DrainAsync()
    {
        var outcomes = new List<AsyncJobOutcome>();
        var rounds = 0;
        while (true)
        {
            AsyncJob? job;
            lock (gate)
            {
                if (!asyncQueue.TryDequeue(out job))
                {
                    break;
                }
            }

            if (++rounds > Options.MaxAsyncJobsPerDrain)
            {
                throw new InvalidOperationException($"Draining ran {Options.MaxAsyncJobsPerDrain} asynchronous jobs and the queue is still not empty: asynchronous steps keep queueing each other. Last job: {job.Step.DisplayName}.");
            }

            var outcome = RunAsyncJob(job);
            if (outcome is not null)
            {
                outcomes.Add(outcome);
            }
        }

        return new AsyncDrainResult(outcomes);
    }

    /// <summary>One attempt of a job; a failed attempt goes back in the queue until the attempts run out. Returns the final outcome, or null when retried.</summary>
    private AsyncJobOutcome? RunAsyncJob(AsyncJob job)
    {
        lock (gate)
        {
            var context = job.Context;
            var statistics = new OperationStatistics(context.MessageName, context.PrimaryEntityName, context.UserId, isAsync: true);
            var watch = Stopwatch.StartNew();
            // Asynchronous plug-ins run outside any transaction: each call they make commits on its own,
            // so a failed attempt leaves what it already wrote (plug-ins must be idempotent under retry).
            current = new OperationScope(statistics);
            job.Attempts++;
            try
            {
                var fresh = context.ForAttempt();
                RunPlugin(job.Step.Instance, job.Step.PluginName, fresh, job.Step.DisplayName);
                statistics.Succeeded = true;
                return Outcome(job, succeeded: true);
            }
            catch (Exception failure)
            {
                job.Errors.Add(failure.Message);
                if (job.Attempts < Options.AsyncMaxAttempts)
                {
                    asyncQueue.Enqueue(job);
                    return null;
                }

                return Outcome(job, succeeded: false);
            }
            finally
            {
                statistics.Elapsed = watch.Elapsed;
                operations.Add(statistics);
                current = null;
            }
        }
    }

    private static AsyncJobOutcome Outcome(AsyncJob job, bool succeeded)
        => new(job.Step.DisplayName, job.Context.MessageName, job.Context.PrimaryEntityName, job.Context.PrimaryEntityId, succeeded, job.Attempts, job.Errors.ToList());

    /// <summary>Runs work that is not a message (arranging rows) under the lock, in a transaction of its own.</summary>
    public T RunArrangement<T>(Func<Transaction, T> work)
    {
        lock (gate)
        {
            if (current is not null)
            {
                throw new InvalidOperationException("Arrange cannot be called while an operation runs (from inside a plug-in); plug-ins write through their organization service.");
            }

            var transaction = new Transaction();
            current = new OperationScope(new OperationStatistics("Arrange", null, SystemUserId, isAsync: false)) { Transaction = transaction };
            try
            {
                return work(transaction);
            }
            catch
            {
                transaction.Rollback();
                throw;
            }
            finally
            {
                current = null;
            }
        }
    }

    /// <summary>Throws unless the user exists and is enabled.</summary>
    public void RequireEnabledUser(Guid userId)
    {
        lock (gate)
        {
            var user = Store.Find(StandardTables.SystemUser, userId)
                ?? throw DataverseFault.DoesNotExist(StandardTables.SystemUser, userId);
            if (user.GetAttributeValue<bool>("isdisabled"))
            {
                throw DataverseFault.Create(ErrorCodes.PrivilegeDenied, $"The user with SystemUserId={userId} is disabled. Disabled users cannot log on.");
            }
        }
    }

    public Guid BusinessUnitOf(Guid userId)
        => Store.Find(StandardTables.SystemUser, userId)?.GetAttributeValue<EntityReference>("businessunitid")?.Id ?? RootBusinessUnitId;

    /// <summary>The running top-level operation: its transaction (if any) and its statistics.</summary>
    private sealed class OperationScope
    {
        public OperationScope(OperationStatistics statistics)
        {
            Statistics = statistics;
        }

        public OperationStatistics Statistics { get; }

        public Transaction? Transaction { get; set; }
    }
}
