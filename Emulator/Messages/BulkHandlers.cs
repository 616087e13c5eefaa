using System;
using System.Linq;
using System.ServiceModel;
using CrmTeamSelling.Emulator.Faults;
using CrmTeamSelling.Emulator.Pipeline;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;

namespace CrmTeamSelling.Emulator.Messages;

/// <summary>
/// ExecuteMultiple: each request runs on its own (its own transaction, its own plug-ins), at the
/// caller's depth; ContinueOnError decides whether a fault stops the rest.
/// </summary>
internal sealed class ExecuteMultipleHandler : MessageHandler
{
    /// <summary>Dataverse's batch size limit.</summary>
    public const int MaxRequests = 1000;

    public override string MessageName => "ExecuteMultiple";

    public override bool IsTransactional => false;

    public override void Execute(Operation operation)
    {
        var requests = Required<OrganizationRequestCollection>(operation, "Requests");
        var settings = Required<ExecuteMultipleSettings>(operation, "Settings");
        if (requests.Count > MaxRequests)
        {
            throw DataverseFault.InvalidArgument($"The number of requests {requests.Count} exceeds the maximum of {MaxRequests} that ExecuteMultiple accepts.");
        }

        var responses = new ExecuteMultipleResponseItemCollection();
        var faulted = false;
        for (var index = 0; index < requests.Count; index++)
        {
            var request = requests[index];
            if (request.RequestName == MessageName)
            {
                throw DataverseFault.InvalidArgument("ExecuteMultiple cannot contain another ExecuteMultiple request.");
            }

            try
            {
                var response = operation.Runtime.RunMessage(request, operation.Frame);
                if (settings.ReturnResponses)
                {
                    responses.Add(new ExecuteMultipleResponseItem { RequestIndex = index, Response = response });
                }
            }
            catch (FaultException<OrganizationServiceFault> fault)
            {
                faulted = true;
                responses.Add(new ExecuteMultipleResponseItem { RequestIndex = index, Fault = fault.Detail });
                if (!settings.ContinueOnError)
                {
                    break;
                }
            }
        }

        operation.Output["IsFaulted"] = faulted;
        operation.Output["Responses"] = responses;
    }

    protected override OrganizationResponse NewResponse() => new ExecuteMultipleResponse();
}

/// <summary>
/// CreateMultiple and UpdateMultiple: one transaction for all rows (any failure rolls every row back); each
/// row goes through the Create or Update pipeline, so steps registered on Create or Update run for each row,
/// as Dataverse's merged pipelines do. Steps on the bulk message itself run once, with the image arrays
/// (PreEntityImagesCollection, PostEntityImagesCollection) in the order of Targets.
/// </summary>
internal abstract class MultipleHandler : MessageHandler
{
    /// <summary>The single message each row runs: Create or Update.</summary>
    protected abstract string RowMessage { get; }

    public override void Prepare(Operation operation)
    {
        var targets = Required<EntityCollection>(operation, "Targets");
        var name = targets.EntityName;
        if (string.IsNullOrEmpty(name))
        {
            throw DataverseFault.InvalidArgument($"{MessageName}: set EntityCollection.EntityName to the table of the rows.");
        }

        var stray = targets.Entities.FirstOrDefault(e => e.LogicalName != name);
        if (stray is not null)
        {
            throw DataverseFault.InvalidArgument($"{MessageName}: every row must be a '{name}'; found a '{stray.LogicalName}'.");
        }

        operation.Runtime.Writer.Validator.RequireTable(name);
        operation.PrimaryEntityName = name;
    }

    /// <summary>Runs one row's single message in the bulk operation, with the bulk request's other parameters (ConcurrencyBehavior...).</summary>
    protected OrganizationResponse RunRow(Operation operation, Entity target)
    {
        var row = new OrganizationRequest(RowMessage);
        foreach (var parameter in operation.Input.Where(p => p.Key != "Targets"))
        {
            row.Parameters[parameter.Key] = parameter.Value;
        }

        row.Parameters["Target"] = target;
        return operation.Runtime.RunMessage(row, operation.Frame with { Origin = CallOrigin.BulkRow });
    }
}

internal sealed class CreateMultipleHandler : MultipleHandler
{
    public override string MessageName => "CreateMultiple";

    protected override string RowMessage => "Create";

    public override void Execute(Operation operation)
    {
        var targets = Required<EntityCollection>(operation, "Targets");
        var ids = new Guid[targets.Entities.Count];
        for (var index = 0; index < ids.Length; index++)
        {
            var target = targets.Entities[index];
            ids[index] = (Guid)RunRow(operation, target).Results["id"];
            // As for Create, post-operation steps see each new row's id on its Target.
            target.Id = ids[index];
        }

        operation.Output["Ids"] = ids;
        operation.BulkImageTargets = ids.Select(id => (EntityReference?)new EntityReference(targets.EntityName, id)).ToList();
    }

    protected override OrganizationResponse NewResponse() => new CreateMultipleResponse();
}

internal sealed class UpdateMultipleHandler : MultipleHandler
{
    public override string MessageName => "UpdateMultiple";

    protected override string RowMessage => "Update";

    public override void Prepare(Operation operation)
    {
        base.Prepare(operation);
        var targets = Required<EntityCollection>(operation, "Targets");
        var table = operation.Runtime.Writer.Validator.RequireTable(targets.EntityName);
        operation.BulkImageTargets = targets.Entities
            .Select(target => (EntityReference?)new EntityReference(table.LogicalName, operation.Runtime.Writer.IdOf(table, target)))
            .ToList();
    }

    public override void Execute(Operation operation)
    {
        foreach (var target in Required<EntityCollection>(operation, "Targets").Entities)
        {
            RunRow(operation, target);
        }
    }

    protected override OrganizationResponse NewResponse() => new UpdateMultipleResponse();
}

/// <summary>Upsert: updates the row the Target's id or alternate key finds, or creates it (key values included).</summary>
internal sealed class UpsertHandler : MessageHandler
{
    public override string MessageName => "Upsert";

    public override void Prepare(Operation operation)
    {
        var target = Required<Entity>(operation, "Target");
        PreparePrimaryRecord(operation, target.LogicalName, target.Id);
    }

    public override void Execute(Operation operation)
    {
        var target = Required<Entity>(operation, "Target");
        var writer = operation.Runtime.Writer;
        var table = writer.Validator.RequireTable(target.LogicalName);
        Guid? existing = target.Id != Guid.Empty
            ? (operation.Runtime.Store.Find(table.LogicalName, target.Id) is null ? null : target.Id)
            : target.KeyAttributes.Count > 0 ? writer.Validator.FindByKey(table, target.KeyAttributes) : null;
        Guid id;
        if (existing is Guid found)
        {
            var update = Data.Values.CloneEntity(target);
            update.Id = found;
            operation.Runtime.RunMessage(new UpdateRequest { Target = update }, operation.Frame);
            id = found;
            operation.Output["RecordCreated"] = false;
        }
        else
        {
            var create = Data.Values.CloneEntity(target);
            foreach (var key in target.KeyAttributes)
            {
                create[key.Key] = Data.Values.CloneValue(key.Value);
            }

            create.KeyAttributes.Clear();
            id = (Guid)operation.Runtime.RunMessage(new CreateRequest { Target = create }, operation.Frame).Results["id"];
            operation.Output["RecordCreated"] = true;
        }

        operation.PrimaryEntityId = id;
        operation.Output["Target"] = new EntityReference(target.LogicalName, id);
    }

    protected override OrganizationResponse NewResponse() => new UpsertResponse();
}
