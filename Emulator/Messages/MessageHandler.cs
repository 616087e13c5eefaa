using System;
using System.Collections.Generic;
using System.Linq;
using CrmTeamSelling.Emulator.Data;
using CrmTeamSelling.Emulator.Faults;
using CrmTeamSelling.Emulator.Pipeline;
using Microsoft.Xrm.Sdk;

namespace CrmTeamSelling.Emulator.Messages;

/// <summary>
/// The main operation (stage 30) of one message. Prepare reads the request to tell the pipeline which
/// table and row the message is about; Execute does the work and fills the output parameters.
/// </summary>
internal abstract class MessageHandler
{
    public abstract string MessageName { get; }

    /// <summary>False for ExecuteMultiple: each request it carries runs in its own transaction.</summary>
    public virtual bool IsTransactional => true;

    /// <summary>
    /// The message the pipeline runs for a request: the steps registered on it fire, and it is the context's
    /// MessageName. The request's own name, except where Dataverse runs another message (SetState).
    /// </summary>
    public virtual string PipelineMessageName(string requestName) => requestName;

    public virtual void Prepare(Operation operation)
    {
    }

    /// <summary>
    /// The platform's work between stage 10 and the first stage 20, inside the transaction (Delete: its checks
    /// and cascades). Nothing for most messages.
    /// </summary>
    public virtual void BeforePreOperation(Operation operation)
    {
    }

    /// <summary>
    /// The runs of stages 20, 30 and 40 the request makes, each prepared by its action (evaluated after
    /// stage 10): one run for every message except an Update that Dataverse splits in two.
    /// </summary>
    public virtual IReadOnlyList<Action> Passes(Operation operation) => SinglePass;

    protected static readonly IReadOnlyList<Action> SinglePass = new Action[] { () => { } };

    public abstract void Execute(Operation operation);

    public OrganizationResponse CreateResponse(Operation operation)
    {
        var response = NewResponse();
        response.ResponseName = operation.RequestName;
        response.Results = Values.CloneParameters(operation.Output);
        RenameResults(response.Results);
        return response;
    }

    /// <summary>Where a plug-in's output parameter and the SDK response name a result differently (Retrieve's BusinessEntity is the response's Entity).</summary>
    protected virtual void RenameResults(ParameterCollection results)
    {
    }

    protected static void Rename(ParameterCollection results, string from, string to)
    {
        if (results.TryGetValue(from, out var value))
        {
            results.Remove(from);
            results[to] = value;
        }
    }

    /// <summary>The typed response Dataverse's SDK returns for the message, so callers can cast it.</summary>
    protected virtual OrganizationResponse NewResponse() => new();

    protected static T Required<T>(Operation operation, string name)
        where T : class
    {
        if (!operation.Input.TryGetValue(name, out var value) || value is null)
        {
            throw DataverseFault.InvalidArgument($"Required field '{name}' is missing in the {operation.MessageName} request.");
        }

        return value as T ?? throw DataverseFault.InvalidArgument($"The '{name}' parameter of {operation.MessageName} must be a {typeof(T).Name}, not a {value.GetType().Name}.");
    }

    protected static T? Optional<T>(Operation operation, string name)
        => operation.Input.TryGetValue(name, out var value) && value is T typed ? typed : default;

    protected static Actor ActorOf(Operation operation) => new(operation.Frame.UserId, operation.Frame.IsSystem);

    /// <summary>Names the operation's primary record (its table must exist); the id may still be empty, as for a Create.</summary>
    protected static void PreparePrimaryRecord(Operation operation, string logicalName, Guid id)
    {
        operation.Runtime.Writer.Validator.RequireTable(logicalName);
        operation.PrimaryEntityName = logicalName;
        operation.PrimaryEntityId = id;
    }

    /// <summary>Names an existing primary record, found by id or alternate key, and takes the step images of it.</summary>
    protected static void PrepareExistingRecord(Operation operation, EntityReference record)
    {
        operation.Runtime.Writer.Validator.RequireTable(record.LogicalName);
        var id = operation.Runtime.Writer.Validator.ResolveId(record);
        PreparePrimaryRecord(operation, record.LogicalName, id);
        operation.ImageTarget = new EntityReference(record.LogicalName, id);
    }
}

/// <summary>Finds the handler of a message: a built-in one, or the solution's custom API of that name.</summary>
internal sealed class MessageHandlers
{
    private readonly EmulatorRuntime runtime;
    private readonly Dictionary<string, MessageHandler> builtIn;
    private readonly Dictionary<string, MessageHandler> customApis = new(StringComparer.OrdinalIgnoreCase);

    public MessageHandlers(EmulatorRuntime runtime)
    {
        this.runtime = runtime;
        builtIn = new MessageHandler[]
        {
            new CreateHandler(), new RetrieveHandler(), new UpdateHandler(), new DeleteHandler(), new RetrieveMultipleHandler(),
            new AssociateHandler(), new DisassociateHandler(), new ExecuteMultipleHandler(), new CreateMultipleHandler(),
            new UpdateMultipleHandler(), new UpsertHandler(), new SetStateHandler(), new WhoAmIHandler(), new GrantAccessHandler(),
            new ModifyAccessHandler(), new RevokeAccessHandler(), new RetrievePrincipalAccessHandler(), new AssignHandler(),
        }.ToDictionary(h => h.MessageName, StringComparer.Ordinal);
    }

    public MessageHandler For(string messageName)
    {
        if (builtIn.TryGetValue(messageName, out var handler))
        {
            return handler;
        }

        if (customApis.TryGetValue(messageName, out var api))
        {
            return api;
        }

        if (runtime.Metadata.FindCustomApi(messageName) is { } definition)
        {
            var created = new CustomApiHandler(definition);
            customApis[messageName] = created;
            return created;
        }

        throw new NotSupportedException(
            $"The emulator does not implement the message '{messageName}'. It runs {string.Join(", ", builtIn.Keys.OrderBy(k => k))}"
            + (runtime.Metadata.CustomApis.Count > 0 ? $" and the custom APIs {string.Join(", ", runtime.Metadata.CustomApis.Select(a => a.UniqueName))}" : "")
            + ". Message names are case-sensitive.");
    }
}
