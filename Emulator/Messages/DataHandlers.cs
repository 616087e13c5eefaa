using System;
using System.Linq;
using CrmTeamSelling.Emulator.Data;
using CrmTeamSelling.Emulator.Faults;
using CrmTeamSelling.Emulator.Pipeline;
using CrmTeamSelling.Emulator.Security;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;

namespace CrmTeamSelling.Emulator.Messages;

internal sealed class CreateHandler : MessageHandler
{
    public override string MessageName => "Create";

    public override void Prepare(Operation operation)
    {
        var target = Required<Entity>(operation, "Target");
        operation.Runtime.Writer.Validator.RequireTable(target.LogicalName);
        operation.PrimaryEntityName = target.LogicalName;
        operation.PrimaryEntityId = target.Id;
    }

    public override void Execute(Operation operation)
    {
        var target = Required<Entity>(operation, "Target");
        var id = operation.Runtime.Writer.Create(ActorOf(operation), target);
        // As in Dataverse, post-operation steps see the new id on the Target and in the context.
        target.Id = id;
        operation.Output["id"] = id;
        operation.PrimaryEntityId = id;
        operation.ImageTarget = new EntityReference(target.LogicalName, id);
    }

    protected override OrganizationResponse NewResponse() => new CreateResponse();
}

internal sealed class RetrieveHandler : MessageHandler
{
    public override string MessageName => "Retrieve";

    public override void Prepare(Operation operation)
    {
        var target = Required<EntityReference>(operation, "Target");
        operation.Runtime.Writer.Validator.RequireTable(target.LogicalName);
        operation.PrimaryEntityName = target.LogicalName;
        operation.PrimaryEntityId = operation.Runtime.Writer.Validator.ResolveId(target);
    }

    public override void Execute(Operation operation)
    {
        var target = Required<EntityReference>(operation, "Target");
        var columns = Required<ColumnSet>(operation, "ColumnSet");
        var (row, table) = operation.Runtime.Writer.RequireRow(target);
        RowReader.RequireColumns(table, columns);
        if (!operation.Frame.IsSystem)
        {
            operation.Runtime.Access.Demand(operation.Frame.UserId, PrivilegeAction.Read, table, row);
        }

        // Plug-ins see Retrieve's result as the output parameter BusinessEntity; SDK callers as RetrieveResponse.Entity.
        operation.Output["BusinessEntity"] = operation.Runtime.Reader.Read(table, row, columns);
    }

    protected override OrganizationResponse NewResponse() => new RetrieveResponse();

    protected override void RenameResults(ParameterCollection results) => Rename(results, "BusinessEntity", "Entity");
}

internal sealed class UpdateHandler : MessageHandler
{
    public override string MessageName => "Update";

    public override void Prepare(Operation operation)
    {
        var target = Required<Entity>(operation, "Target");
        var table = operation.Runtime.Writer.Validator.RequireTable(target.LogicalName);
        target.Id = operation.Runtime.Writer.IdOf(table, target);
        operation.PrimaryEntityName = target.LogicalName;
        operation.PrimaryEntityId = target.Id;
        operation.ImageTarget = new EntityReference(target.LogicalName, target.Id);
    }

    public override void Execute(Operation operation)
    {
        var target = Required<Entity>(operation, "Target");
        operation.Runtime.Writer.Update(ActorOf(operation), target, Optional<ConcurrencyBehavior>(operation, "ConcurrencyBehavior"));
    }

    protected override OrganizationResponse NewResponse() => new UpdateResponse();
}

internal sealed class DeleteHandler : MessageHandler
{
    public override string MessageName => "Delete";

    public override void Prepare(Operation operation)
    {
        var target = Required<EntityReference>(operation, "Target");
        operation.Runtime.Writer.Validator.RequireTable(target.LogicalName);
        var id = operation.Runtime.Writer.Validator.ResolveId(target);
        operation.PrimaryEntityName = target.LogicalName;
        operation.PrimaryEntityId = id;
        operation.ImageTarget = new EntityReference(target.LogicalName, id);
    }

    public override void Execute(Operation operation)
    {
        var target = Required<EntityReference>(operation, "Target");
        operation.Runtime.Writer.Delete(ActorOf(operation), target, Optional<ConcurrencyBehavior>(operation, "ConcurrencyBehavior"));
    }

    protected override OrganizationResponse NewResponse() => new DeleteResponse();
}

internal sealed class RetrieveMultipleHandler : MessageHandler
{
    public override string MessageName => "RetrieveMultiple";

    public override void Prepare(Operation operation)
    {
        var query = Required<QueryBase>(operation, "Query");
        operation.PrimaryEntityName = Query.QueryTranslator.EntityNameOf(query);
    }

    public override void Execute(Operation operation)
    {
        var query = Required<QueryBase>(operation, "Query");
        // Plug-ins see the rows as the output parameter BusinessEntityCollection; SDK callers as RetrieveMultipleResponse.EntityCollection.
        operation.Output["BusinessEntityCollection"] = operation.Runtime.Queries.Execute(query, ActorOf(operation));
    }

    protected override OrganizationResponse NewResponse() => new RetrieveMultipleResponse();

    protected override void RenameResults(ParameterCollection results) => Rename(results, "BusinessEntityCollection", "EntityCollection");
}

internal abstract class RelationshipHandler : MessageHandler
{
    public override void Prepare(Operation operation)
    {
        var target = Required<EntityReference>(operation, "Target");
        Required<Relationship>(operation, "Relationship");
        Required<EntityReferenceCollection>(operation, "RelatedEntities");
        operation.Runtime.Writer.Validator.RequireTable(target.LogicalName);
        operation.PrimaryEntityName = target.LogicalName;
        operation.PrimaryEntityId = target.Id;
    }

    public override void Execute(Operation operation)
    {
        var target = Required<EntityReference>(operation, "Target");
        var relationship = Required<Relationship>(operation, "Relationship");
        var related = Required<EntityReferenceCollection>(operation, "RelatedEntities");
        var metadata = operation.Runtime.Metadata.FindRelationship(relationship.SchemaName)
            ?? throw DataverseFault.InvalidArgument($"The relationship '{relationship.SchemaName}' is not defined: neither the solution nor the built-in catalog has it.");
        Apply(operation, metadata, target, related, relationship.PrimaryEntityRole);
    }

    protected abstract void Apply(Operation operation, Metadata.RelationshipMetadata relationship, EntityReference target, EntityReferenceCollection related, EntityRole? role);
}

internal sealed class AssociateHandler : RelationshipHandler
{
    public override string MessageName => "Associate";

    protected override void Apply(Operation operation, Metadata.RelationshipMetadata relationship, EntityReference target, EntityReferenceCollection related, EntityRole? role)
        => operation.Runtime.Writer.Associate(ActorOf(operation), relationship, target, related, role);

    protected override OrganizationResponse NewResponse() => new AssociateResponse();
}

internal sealed class DisassociateHandler : RelationshipHandler
{
    public override string MessageName => "Disassociate";

    protected override void Apply(Operation operation, Metadata.RelationshipMetadata relationship, EntityReference target, EntityReferenceCollection related, EntityRole? role)
        => operation.Runtime.Writer.Disassociate(ActorOf(operation), relationship, target, related, role);

    protected override OrganizationResponse NewResponse() => new DisassociateResponse();
}

internal sealed class SetStateHandler : MessageHandler
{
    public override string MessageName => "SetState";

    public override void Prepare(Operation operation)
    {
        var moniker = Required<EntityReference>(operation, "EntityMoniker");
        operation.Runtime.Writer.Validator.RequireTable(moniker.LogicalName);
        operation.PrimaryEntityName = moniker.LogicalName;
        operation.PrimaryEntityId = moniker.Id;
        operation.ImageTarget = moniker;
    }

    public override void Execute(Operation operation)
    {
        var moniker = Required<EntityReference>(operation, "EntityMoniker");
        var state = Required<OptionSetValue>(operation, "State");
        var status = Required<OptionSetValue>(operation, "Status");
        var update = new Entity(moniker.LogicalName, moniker.Id) { ["statecode"] = new OptionSetValue(state.Value) };
        // -1 asks for the default status reason of the state, as SetStateRequest documents.
        if (status.Value != -1)
        {
            update["statuscode"] = new OptionSetValue(status.Value);
        }

        operation.Runtime.Writer.Update(ActorOf(operation), update);
    }

    protected override OrganizationResponse NewResponse() => new Microsoft.Crm.Sdk.Messages.SetStateResponse();
}

internal sealed class WhoAmIHandler : MessageHandler
{
    public override string MessageName => "WhoAmI";

    public override void Execute(Operation operation)
    {
        operation.Output["UserId"] = operation.Frame.UserId;
        operation.Output["BusinessUnitId"] = operation.Runtime.BusinessUnitOf(operation.Frame.UserId);
        operation.Output["OrganizationId"] = operation.Runtime.OrganizationId;
    }

    protected override OrganizationResponse NewResponse() => new Microsoft.Crm.Sdk.Messages.WhoAmIResponse();
}
