using System;
using System.Collections.Generic;
using CrmTeamSelling.Emulator.Data;
using Microsoft.Crm.Sdk.Messages;

namespace CrmTeamSelling.Emulator.Security;

/// <summary>
/// Explicit shares (Dataverse's PrincipalObjectAccess): which principal was granted which rights on
/// which row. Access inherited through cascading relationships is not stored here; the access
/// checker derives it from the parent rows when it is asked, so a revoke or a reparent is reflected at once.
/// </summary>
internal sealed class SharingTable
{
    private readonly Dictionary<(string Table, Guid Id), Dictionary<Guid, AccessRights>> shares = new();

    public AccessRights RightsOf(string table, Guid id, Guid principalId)
        => shares.TryGetValue((table, id), out var byPrincipal) && byPrincipal.TryGetValue(principalId, out var rights) ? rights : AccessRights.None;

    public IReadOnlyDictionary<Guid, AccessRights> SharesOf(string table, Guid id)
        => shares.TryGetValue((table, id), out var byPrincipal) ? byPrincipal : new Dictionary<Guid, AccessRights>();

    /// <summary>Sets the rights of one principal on one row (None removes the share), journaled in <paramref name="transaction"/>.</summary>
    public void Set(string table, Guid id, Guid principalId, AccessRights rights, Transaction? transaction)
    {
        var previous = RightsOf(table, id, principalId);
        transaction?.RecordUndo(() => Write(table, id, principalId, previous));
        Write(table, id, principalId, rights);
    }

    /// <summary>Forgets every share of a deleted row.</summary>
    public void RemoveRow(string table, Guid id, Transaction? transaction)
    {
        if (!shares.TryGetValue((table, id), out var byPrincipal))
        {
            return;
        }

        var previous = new Dictionary<Guid, AccessRights>(byPrincipal);
        transaction?.RecordUndo(() => shares[(table, id)] = previous);
        shares.Remove((table, id));
    }

    private void Write(string table, Guid id, Guid principalId, AccessRights rights)
    {
        if (!shares.TryGetValue((table, id), out var byPrincipal))
        {
            if (rights == AccessRights.None)
            {
                return;
            }

            byPrincipal = new Dictionary<Guid, AccessRights>();
            shares[(table, id)] = byPrincipal;
        }

        if (rights == AccessRights.None)
        {
            byPrincipal.Remove(principalId);
        }
        else
        {
            byPrincipal[principalId] = rights;
        }
    }
}
