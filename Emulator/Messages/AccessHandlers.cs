using System;
using CrmTeamSelling.Emulator.Faults;
using CrmTeamSelling.Emulator.Metadata;
using CrmTeamSelling.Emulator.Pipeline;
using CrmTeamSelling.Emulator.Security;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;

namespace CrmTeamSelling.Emulator.Messages;

/// <summary>GrantAccess, ModifyAccess and RevokeAccess: the caller needs Share access to the row.</summary>
internal abstract class SharingHandler : MessageHandler
{
    public override void Prepare(Operation operation)
    {
        var target = Required<EntityReference>(operation, "Target");
        PreparePrimaryRecord(operation, target.LogicalName, target.Id);
    }

    public override void Execute(Operation operation)
    {
        var (row, table) = operation.Runtime.Writer.RequireRow(Required<EntityReference>(operation, "Target"));
        if (!table.IsSecured || table.Ownership != TableOwnership.UserOwned)
        {
            throw DataverseFault.InvalidArgument($"Rows of '{table.LogicalName}' cannot be shared: only user- or team-owned tables support sharing.");
        }

        if (!operation.Frame.IsSystem)
        {
            operation.Runtime.Access.Demand(operation.Frame.UserId, PrivilegeAction.Share, table, row);
        }

        Share(operation, table, row);
    }

    protected abstract void Share(Operation operation, TableMetadata table, Entity row);

    protected static Guid RequirePrincipal(Operation operation, EntityReference? principal, string parameter)
    {
        if (principal is null || principal.LogicalName is not (StandardTables.SystemUser or StandardTables.Team))
        {
            throw DataverseFault.InvalidArgument($"The {parameter} of {operation.MessageName} must be a systemuser or a team.");
        }

        if (operation.Runtime.Store.Find(principal.LogicalName, principal.Id) is null)
        {
            throw DataverseFault.DoesNotExist(principal.LogicalName, principal.Id);
        }

        return principal.Id;
    }
}

internal sealed class GrantAccessHandler : SharingHandler
{
    public override string MessageName => "GrantAccess";

    protected override void Share(Operation operation, TableMetadata table, Entity row)
    {
        var access = Required<PrincipalAccess>(operation, "PrincipalAccess");
        var principal = RequirePrincipal(operation, access.Principal, "PrincipalAccess.Principal");
        var sharing = operation.Runtime.Sharing;
        // Granting adds to what the principal already holds.
        sharing.Set(table.LogicalName, row.Id, principal, sharing.RightsOf(table.LogicalName, row.Id, principal) | access.AccessMask, operation.Transaction);
    }

    protected override OrganizationResponse NewResponse() => new GrantAccessResponse();
}

internal sealed class ModifyAccessHandler : SharingHandler
{
    public override string MessageName => "ModifyAccess";

    protected override void Share(Operation operation, TableMetadata table, Entity row)
    {
        var access = Required<PrincipalAccess>(operation, "PrincipalAccess");
        var principal = RequirePrincipal(operation, access.Principal, "PrincipalAccess.Principal");
        operation.Runtime.Sharing.Set(table.LogicalName, row.Id, principal, access.AccessMask, operation.Transaction);
    }

    protected override OrganizationResponse NewResponse() => new ModifyAccessResponse();
}

internal sealed class RevokeAccessHandler : SharingHandler
{
    public override string MessageName => "RevokeAccess";

    protected override void Share(Operation operation, TableMetadata table, Entity row)
    {
        var principal = RequirePrincipal(operation, Required<EntityReference>(operation, "Revokee"), "Revokee");
        operation.Runtime.Sharing.Set(table.LogicalName, row.Id, principal, AccessRights.None, operation.Transaction);
    }

    protected override OrganizationResponse NewResponse() => new RevokeAccessResponse();
}

/// <summary>RetrievePrincipalAccess: the rights a user or team holds on a row, from roles, ownership and shares.</summary>
internal sealed class RetrievePrincipalAccessHandler : MessageHandler
{
    public override string MessageName => "RetrievePrincipalAccess";

    public override void Prepare(Operation operation)
    {
        var target = Required<EntityReference>(operation, "Target");
        PreparePrimaryRecord(operation, target.LogicalName, target.Id);
    }

    public override void Execute(Operation operation)
    {
        var (row, table) = operation.Runtime.Writer.RequireRow(Required<EntityReference>(operation, "Target"));
        var principal = Required<EntityReference>(operation, "Principal");
        if (principal.LogicalName is not (StandardTables.SystemUser or StandardTables.Team))
        {
            throw DataverseFault.InvalidArgument("The Principal of RetrievePrincipalAccess must be a systemuser or a team.");
        }

        var rights = principal.Id == operation.Runtime.SystemUserId
            ? AccessRights.ReadAccess | AccessRights.WriteAccess | AccessRights.AppendAccess | AccessRights.AppendToAccess | AccessRights.CreateAccess
              | AccessRights.DeleteAccess | AccessRights.ShareAccess | AccessRights.AssignAccess
            : operation.Runtime.Access.RightsOn(principal.Id, table, row);
        operation.Output["AccessRights"] = rights;
    }

    protected override OrganizationResponse NewResponse() => new RetrievePrincipalAccessResponse();
}
