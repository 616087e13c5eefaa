using System;
using System.Collections.Generic;
using System.Linq;
using CrmTeamSelling.Emulator.Data;
using CrmTeamSelling.Emulator.Faults;
using CrmTeamSelling.Emulator.Metadata;
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
        PreparePrimaryRecord(operation, target.LogicalName, target.Id);
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

/// <summary>
/// Update, with the two special behaviours Dataverse documents for the columns the deprecated messages used
/// to set ("Behavior of specialized update operations"):
/// <list type="bullet">
/// <item>state and status: when the Target holds statecode or statuscode together with other columns,
/// stages 20 to 40 run twice, first for the other columns, then for statecode and statuscode (stage 10 runs
/// once, with the whole Target; the steps of both runs share the shared variables).</item>
/// <item>owner: when the Target changes the owner, the Update writes its other columns and runs the Assign
/// message as a child pipeline, which writes the owner and cascades it (steps registered on Assign fire).</item>
/// </list>
/// </summary>
internal sealed class UpdateHandler : MessageHandler
{
    private static readonly string[] StateColumns = { "statecode", "statuscode" };

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

    public override IReadOnlyList<Action> Passes(Operation operation)
    {
        var target = Required<Entity>(operation, "Target");
        var primaryKey = operation.Runtime.Writer.Validator.RequireTable(target.LogicalName).PrimaryIdAttribute;
        var stateColumns = target.Attributes.Keys.Where(StateColumns.Contains).ToList();
        var otherColumns = target.Attributes.Keys.Where(column => !StateColumns.Contains(column) && column != primaryKey).ToList();
        if (stateColumns.Count == 0 || otherColumns.Count == 0)
        {
            return SinglePass;
        }

        var others = Values.CloneEntity(target);
        foreach (var column in stateColumns)
        {
            others.Attributes.Remove(column);
        }

        var state = new Entity(target.LogicalName, target.Id);
        foreach (var column in stateColumns)
        {
            state[column] = Values.CloneValue(target[column]);
        }

        return new Action[] { () => operation.Input["Target"] = others, () => operation.Input["Target"] = state };
    }

    public override void Execute(Operation operation)
    {
        var target = Required<Entity>(operation, "Target");
        var writer = operation.Runtime.Writer;
        // The row version is the caller's: it is checked by the first run, which changes it for the second.
        var concurrency = operation.PassIndex == 0 ? Optional<ConcurrencyBehavior>(operation, "ConcurrencyBehavior") : ConcurrencyBehavior.Default;
        var (existing, table) = writer.RequireRow(new EntityReference(target.LogicalName, target.Id));
        var newOwner = operation.Frame.Origin == CallOrigin.OwnerWriteOfAssign ? null : writer.OwnerChangeOf(table, target, existing);
        if (newOwner is null)
        {
            writer.Update(ActorOf(operation), target, concurrency);
            return;
        }

        writer.RequireOwner(newOwner);
        var others = Values.CloneEntity(target);
        others.Attributes.Remove("ownerid");
        writer.Update(ActorOf(operation), others, concurrency, demandAssign: true);
        operation.Runtime.RunPlatformMessage(Cascades.AssignRequestFor(operation.ImageTarget!, newOwner), operation, CallOrigin.OwnerChangeOfUpdate);
    }

    protected override OrganizationResponse NewResponse() => new UpdateResponse();
}

/// <summary>
/// Delete: after stage 10 and before stage 20 the platform checks the row (existence, row version, the
/// caller's Delete privilege) and runs the cascades to its children, each child through its own pipeline;
/// the main operation then removes the row.
/// </summary>
internal sealed class DeleteHandler : MessageHandler
{
    public override string MessageName => "Delete";

    public override void Prepare(Operation operation)
    {
        var target = Required<EntityReference>(operation, "Target");
        PrepareExistingRecord(operation, target);
    }

    public override void BeforePreOperation(Operation operation)
    {
        var target = Required<EntityReference>(operation, "Target");
        var (row, table) = operation.Runtime.Writer.CheckDelete(ActorOf(operation), target, Optional<ConcurrencyBehavior>(operation, "ConcurrencyBehavior"));
        Cascades.Delete(operation, table, row);
    }

    public override void Execute(Operation operation)
    {
        var target = operation.ImageTarget!;
        operation.Runtime.Writer.RemoveRow(operation.Runtime.Writer.Validator.RequireTable(target.LogicalName), target.Id);
    }

    protected override OrganizationResponse NewResponse() => new DeleteResponse();
}

/// <summary>
/// Assign (by name: the SDK's AssignRequest is not among the Sdk/ assemblies): gives a user- or team-owned
/// row a new owner. As Dataverse's ParentContext documentation describes, the Assign runs an Update of the
/// owner as a child pipeline (steps registered on Update fire, their ParentContext is the Assign); then it
/// cascades to the children. An Assign that an Update generated writes the owner itself: that Update is the
/// Update of the owner.
/// </summary>
internal sealed class AssignHandler : MessageHandler
{
    public override string MessageName => "Assign";

    public override void Prepare(Operation operation)
    {
        var target = Required<EntityReference>(operation, "Target");
        Required<EntityReference>(operation, "Assignee");
        PrepareExistingRecord(operation, target);
    }

    public override void Execute(Operation operation)
    {
        var assignee = Required<EntityReference>(operation, "Assignee");
        var writer = operation.Runtime.Writer;
        var (row, table) = writer.RequireRow(operation.ImageTarget!);
        if (table.Ownership != TableOwnership.UserOwned)
        {
            throw DataverseFault.InvalidArgument($"Rows of '{table.LogicalName}' are not owned by a user or a team, so they cannot be assigned.");
        }

        writer.RequireOwner(assignee);
        if (!operation.Frame.IsSystem)
        {
            operation.Runtime.Access.Demand(operation.Frame.UserId, PrivilegeAction.Assign, table, row);
        }

        // The cascade follows the children as they stand before the owner changes (UserOwned compares with the previous owner).
        var children = writer.AssignCascadeChildren(table, row, assignee);
        var owner = new Entity(table.LogicalName, row.Id) { ["ownerid"] = new EntityReference(assignee.LogicalName, assignee.Id) };
        if (operation.Frame.Origin == CallOrigin.OwnerChangeOfUpdate)
        {
            writer.Update(ActorOf(operation), owner);
        }
        else
        {
            operation.Runtime.RunPlatformMessage(new UpdateRequest { Target = owner }, operation, CallOrigin.OwnerWriteOfAssign);
        }

        Cascades.Assign(operation, children, assignee);
    }
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
        PreparePrimaryRecord(operation, target.LogicalName, target.Id);
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

/// <summary>
/// SetState. Dataverse runs a SetStateRequest as the SetStateDynamicEntity message: steps registered on
/// SetStateDynamicEntity fire (those on SetState do not, so the emulator refuses to register them), and its
/// main operation writes the state through an Update of statecode and statuscode, a child pipeline in which
/// the steps registered on Update fire (ParentContext: the SetStateDynamicEntity). An Update of statecode,
/// for its part, fires Update steps only.
/// </summary>
internal sealed class SetStateHandler : MessageHandler
{
    public const string PipelineMessage = "SetStateDynamicEntity";

    public override string MessageName => "SetState";

    public override string PipelineMessageName(string requestName) => PipelineMessage;

    public override void Prepare(Operation operation)
    {
        var moniker = Required<EntityReference>(operation, "EntityMoniker");
        PrepareExistingRecord(operation, moniker);
    }

    public override void Execute(Operation operation)
    {
        var state = Required<OptionSetValue>(operation, "State");
        var status = Required<OptionSetValue>(operation, "Status");
        var (row, table) = operation.Runtime.Writer.RequireRow(operation.ImageTarget!);
        if (!operation.Frame.IsSystem)
        {
            operation.Runtime.Access.Demand(operation.Frame.UserId, PrivilegeAction.Write, table, row);
        }

        var update = new Entity(table.LogicalName, row.Id) { ["statecode"] = new OptionSetValue(state.Value) };
        // -1 asks for the default status reason of the state, as SetStateRequest documents.
        if (status.Value != -1)
        {
            update["statuscode"] = new OptionSetValue(status.Value);
        }

        operation.Runtime.RunPlatformMessage(new UpdateRequest { Target = update }, operation, CallOrigin.StateWriteOfSetState);
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
