using System;
using System.Collections.Generic;
using System.Linq;
using System.ServiceModel;
using CrmTeamSelling.Emulator.Data;
using CrmTeamSelling.Emulator.Faults;
using CrmTeamSelling.Emulator.Metadata;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;

namespace CrmTeamSelling.Emulator.Security;

/// <summary>
/// Decides what a principal (user or team) may do with a row, as Dataverse's role-based security does:
/// a privilege from the principal's roles (and, for a user, the roles of their teams) at a depth that
/// reaches the row's owner, or a share of the row (direct, or inherited from a parent row through a
/// relationship whose Share cascades), or ownership of a parent row through a relationship whose
/// Reparent cascades. The system context never reaches this class.
/// </summary>
internal sealed class AccessChecker
{
    /// <summary>The rights RetrievePrincipalAccess reports, in the order Dataverse lists them.</summary>
    private static readonly (PrivilegeAction Action, AccessRights Right)[] RightsByAction =
    {
        (PrivilegeAction.Read, AccessRights.ReadAccess),
        (PrivilegeAction.Write, AccessRights.WriteAccess),
        (PrivilegeAction.Append, AccessRights.AppendAccess),
        (PrivilegeAction.AppendTo, AccessRights.AppendToAccess),
        (PrivilegeAction.Create, AccessRights.CreateAccess),
        (PrivilegeAction.Delete, AccessRights.DeleteAccess),
        (PrivilegeAction.Share, AccessRights.ShareAccess),
        (PrivilegeAction.Assign, AccessRights.AssignAccess),
    };

    private readonly MetadataCatalog metadata;
    private readonly RecordStore store;
    private readonly SharingTable sharing;
    private readonly Dictionary<Guid, SecurityRole> roles;
    private readonly Dictionary<Guid, (long Version, Principal Principal)> principalCache = new();

    public AccessChecker(MetadataCatalog metadata, RecordStore store, SharingTable sharing, Dictionary<Guid, SecurityRole> roles)
    {
        this.metadata = metadata;
        this.store = store;
        this.sharing = sharing;
        this.roles = roles;
    }

    public static AccessRights RightOf(PrivilegeAction action) => RightsByAction.First(r => r.Action == action).Right;

    /// <summary>Throws the fault Dataverse throws when the principal may not do <paramref name="action"/> on the row.</summary>
    public void Demand(Guid principalId, PrivilegeAction action, TableMetadata table, Entity row)
    {
        var principal = PrincipalOf(principalId);
        var depth = DemandPrivilege(principal, action, table);
        if (!Reaches(principal, depth, action, table, row))
        {
            throw AccessDenied(principal, action, table, row);
        }
    }

    /// <summary>Throws unless the principal holds the privilege at some depth; returns the deepest depth it holds.</summary>
    public PrivilegeDepth DemandPrivilege(Guid principalId, PrivilegeAction action, TableMetadata table)
        => DemandPrivilege(PrincipalOf(principalId), action, table);

    /// <summary>For Create: throws unless the principal may create a row owned by <paramref name="owner"/>.</summary>
    public void DemandCreate(Guid principalId, TableMetadata table, EntityReference? owner, Guid? ownerBusinessUnit)
    {
        var principal = PrincipalOf(principalId);
        var depth = DemandPrivilege(principal, PrivilegeAction.Create, table);
        if (table.Ownership != TableOwnership.UserOwned || owner is null || depth == PrivilegeDepth.Global)
        {
            return;
        }

        var reaches = depth switch
        {
            PrivilegeDepth.Deep => ownerBusinessUnit is Guid bu && BusinessUnitsUnder(principal.BusinessUnitId).Contains(bu),
            PrivilegeDepth.Local => ownerBusinessUnit == principal.BusinessUnitId,
            _ => principal.Identities.Contains(owner.Id),
        };
        if (!reaches)
        {
            var privilege = SecurityRole.PrivilegeNameOf(PrivilegeAction.Create, table.PrivilegeName);
            throw DataverseFault.Create(ErrorCodes.PrivilegeDenied,
                $"Principal user (Id={principal.Id}, type={principal.TypeCode}) holds {privilege} only at depth {depth}, which does not reach the owner {owner.LogicalName} {owner.Id} of the new '{table.LogicalName}' row. context.Caller={principal.Id}");
        }
    }

    /// <summary>
    /// A read check for many rows (a query): the principal and its read depth per table are looked up once.
    /// </summary>
    public Func<TableMetadata, Entity, bool> ReadFilter(Guid principalId)
    {
        var principal = PrincipalOf(principalId);
        var depths = new Dictionary<TableMetadata, PrivilegeDepth?>(ReferenceEqualityComparer.Instance);
        return (table, row) =>
        {
            if (!table.IsSecured)
            {
                return true;
            }

            if (!depths.TryGetValue(table, out var depth))
            {
                depth = principal.DepthOf(PrivilegeAction.Read, table);
                depths[table] = depth;
            }

            return depth is not null && Reaches(principal, depth.Value, PrivilegeAction.Read, table, row);
        };
    }

    /// <summary>The rights the principal holds on the row (RetrievePrincipalAccess).</summary>
    public AccessRights RightsOn(Guid principalId, TableMetadata table, Entity row)
    {
        var principal = PrincipalOf(principalId);
        var rights = AccessRights.None;
        foreach (var (action, right) in RightsByAction)
        {
            if (!table.IsSecured)
            {
                rights |= right;
                continue;
            }

            var depth = principal.DepthOf(action, table);
            if (depth is null)
            {
                continue;
            }

            if (action == PrivilegeAction.Create || Reaches(principal, depth.Value, action, table, row))
            {
                rights |= right;
            }
        }

        return rights;
    }

    private PrivilegeDepth DemandPrivilege(Principal principal, PrivilegeAction action, TableMetadata table)
    {
        if (table.Ownership == TableOwnership.None || (table.Ownership == TableOwnership.BusinessOwned && action == PrivilegeAction.Read))
        {
            return PrivilegeDepth.Global;
        }

        var depth = principal.DepthOf(action, table);
        if (depth is null)
        {
            var privilege = SecurityRole.PrivilegeNameOf(action, table.PrivilegeName);
            throw DataverseFault.Create(ErrorCodes.PrivilegeDenied,
                $"Principal user (Id={principal.Id}, type={principal.TypeCode}, roleCount={principal.Roles.Count}, privilegeCount={principal.PrivilegeCount}, accessMode=0), is missing {privilege} privilege on entity '{table.LogicalName}'. context.Caller={principal.Id}");
        }

        return depth.Value;
    }

    private bool Reaches(Principal principal, PrivilegeDepth depth, PrivilegeAction action, TableMetadata table, Entity row)
    {
        if (table.Ownership != TableOwnership.UserOwned || depth == PrivilegeDepth.Global)
        {
            return true;
        }

        var owner = row.GetAttributeValue<EntityReference>("ownerid");
        var owningUnit = row.GetAttributeValue<EntityReference>("owningbusinessunit")?.Id;
        if (owner is not null && principal.Identities.Contains(owner.Id))
        {
            return true;
        }

        if (depth == PrivilegeDepth.Local && owningUnit == principal.BusinessUnitId)
        {
            return true;
        }

        if (depth == PrivilegeDepth.Deep && owningUnit is Guid unit && BusinessUnitsUnder(principal.BusinessUnitId).Contains(unit))
        {
            return true;
        }

        var right = RightOf(action);
        return (SharedRights(principal, table, row, new HashSet<Guid>()) & right) == right;
    }

    /// <summary>
    /// Rights reaching the principal through shares of the row and of its parents (Share cascade), and
    /// through owning a parent (Reparent cascade: the parent's owner gets the child's rights as its owner would).
    /// </summary>
    private AccessRights SharedRights(Principal principal, TableMetadata table, Entity row, HashSet<Guid> visited)
    {
        if (!visited.Add(row.Id))
        {
            return AccessRights.None;
        }

        var rights = AccessRights.None;
        foreach (var (principalId, granted) in sharing.SharesOf(table.LogicalName, row.Id))
        {
            if (principal.Identities.Contains(principalId))
            {
                rights |= granted;
            }
        }

        foreach (var relationship in metadata.ParentRelationshipsOf(table.LogicalName))
        {
            var inheritsShares = Cascades(relationship.Cascade.Share, row);
            var inheritsOwner = Cascades(relationship.Cascade.Reparent, row);
            if (!inheritsShares && !inheritsOwner)
            {
                continue;
            }

            if (row.Attributes.TryGetValue(relationship.ReferencingAttribute, out var value) && value is EntityReference parentReference
                && parentReference.LogicalName == relationship.ReferencedEntity
                && store.Find(parentReference.LogicalName, parentReference.Id) is { } parent
                && metadata.FindTable(parentReference.LogicalName) is { } parentTable)
            {
                if (inheritsOwner && parent.GetAttributeValue<EntityReference>("ownerid") is { } parentOwner && principal.Identities.Contains(parentOwner.Id))
                {
                    rights |= AccessRights.ReadAccess | AccessRights.WriteAccess | AccessRights.AppendAccess | AccessRights.AppendToAccess
                        | AccessRights.DeleteAccess | AccessRights.ShareAccess | AccessRights.AssignAccess;
                }

                if (inheritsShares)
                {
                    rights |= SharedRights(principal, parentTable, parent, visited);
                }
            }
        }

        return rights;
    }

    private static bool Cascades(CascadeType cascade, Entity child) => cascade switch
    {
        CascadeType.Cascade => true,
        CascadeType.Active => child.GetAttributeValue<OptionSetValue>("statecode") is null or { Value: 0 },
        _ => false,
    };

    private FaultException<OrganizationServiceFault> AccessDenied(Principal principal, PrivilegeAction action, TableMetadata table, Entity row)
    {
        var owner = row.GetAttributeValue<EntityReference>("ownerid");
        var ownerType = owner?.LogicalName == "team" ? 9 : 8;
        var unit = row.GetAttributeValue<EntityReference>("owningbusinessunit")?.Id;
        return DataverseFault.Create(ErrorCodes.AccessCheckFailed,
            $"SecLib::AccessCheckEx failed. Returned hr = -2147187962, ObjectID: {row.Id}, OwnerId: {owner?.Id}, OwnerIdType: {ownerType} and CallingUser: {principal.Id}. ObjectTypeCode: {table.LogicalName}, objectBusinessUnitId: {unit}, AccessRights: {RightOf(action)} ");
    }

    /// <summary>The business unit and every unit below it.</summary>
    private HashSet<Guid> BusinessUnitsUnder(Guid root)
    {
        var result = new HashSet<Guid> { root };
        var added = true;
        while (added)
        {
            added = false;
            foreach (var unit in store.Rows(StandardTables.BusinessUnit))
            {
                var parent = unit.GetAttributeValue<EntityReference>("parentbusinessunitid");
                if (parent is not null && result.Contains(parent.Id) && result.Add(unit.Id))
                {
                    added = true;
                }
            }
        }

        return result;
    }

    /// <summary>The identities, business unit and roles of a user or team, cached until membership or roles change.</summary>
    public Principal PrincipalOf(Guid principalId)
    {
        var version = store.TableVersion(StandardTables.SystemUser) + store.TableVersion(StandardTables.Team)
            + store.TableVersion(StandardTables.TeamMembership) + store.TableVersion(StandardTables.SystemUserRoles) + store.TableVersion(StandardTables.TeamRoles);
        if (principalCache.TryGetValue(principalId, out var cached) && cached.Version == version && cached.Principal.RolesRevision == cached.Principal.Roles.Sum(r => r.Revision))
        {
            return cached.Principal;
        }

        var principal = Resolve(principalId);
        principalCache[principalId] = (version, principal);
        return principal;
    }

    private Principal Resolve(Guid principalId)
    {
        if (store.Find(StandardTables.SystemUser, principalId) is { } user)
        {
            var teams = store.Rows(StandardTables.TeamMembership)
                .Where(m => m.GetAttributeValue<Guid>("systemuserid") == principalId)
                .Select(m => m.GetAttributeValue<Guid>("teamid"))
                .ToHashSet();
            var roleIds = store.Rows(StandardTables.SystemUserRoles).Where(r => r.GetAttributeValue<Guid>("systemuserid") == principalId).Select(r => r.GetAttributeValue<Guid>("roleid"))
                .Concat(store.Rows(StandardTables.TeamRoles).Where(r => teams.Contains(r.GetAttributeValue<Guid>("teamid"))).Select(r => r.GetAttributeValue<Guid>("roleid")));
            var identities = new HashSet<Guid>(teams) { principalId };
            return new Principal(principalId, 8, user.GetAttributeValue<EntityReference>("businessunitid")?.Id ?? Guid.Empty, identities, RolesOf(roleIds));
        }

        if (store.Find(StandardTables.Team, principalId) is { } team)
        {
            var roleIds = store.Rows(StandardTables.TeamRoles).Where(r => r.GetAttributeValue<Guid>("teamid") == principalId).Select(r => r.GetAttributeValue<Guid>("roleid"));
            return new Principal(principalId, 9, team.GetAttributeValue<EntityReference>("businessunitid")?.Id ?? Guid.Empty, new HashSet<Guid> { principalId }, RolesOf(roleIds));
        }

        throw DataverseFault.DoesNotExist(StandardTables.SystemUser, principalId);
    }

    private List<SecurityRole> RolesOf(IEnumerable<Guid> roleIds)
        => roleIds.Distinct().Select(id => roles.TryGetValue(id, out var role) ? role : null).OfType<SecurityRole>().ToList();

    /// <summary>A user or team as security sees it.</summary>
    internal sealed class Principal
    {
        private readonly Dictionary<string, PrivilegeDepth> privileges = new(StringComparer.OrdinalIgnoreCase);

        public Principal(Guid id, int typeCode, Guid businessUnitId, HashSet<Guid> identities, List<SecurityRole> roles)
        {
            Id = id;
            TypeCode = typeCode;
            BusinessUnitId = businessUnitId;
            Identities = identities;
            Roles = roles;
            RolesRevision = roles.Sum(r => r.Revision);
            foreach (var (name, depth) in roles.SelectMany(r => r.Privileges))
            {
                if (!privileges.TryGetValue(name, out var existing) || existing < depth)
                {
                    privileges[name] = depth;
                }
            }
        }

        public Guid Id { get; }

        /// <summary>8 for a user, 9 for a team (the object type codes Dataverse prints).</summary>
        public int TypeCode { get; }

        public Guid BusinessUnitId { get; }

        /// <summary>The principal and the teams it belongs to: owners and share targets it answers to.</summary>
        public HashSet<Guid> Identities { get; }

        public List<SecurityRole> Roles { get; }

        /// <summary>The roles' revisions when the privileges were gathered: a later grant makes the cache look again.</summary>
        public int RolesRevision { get; }

        public int PrivilegeCount => privileges.Count;

        public PrivilegeDepth? DepthOf(PrivilegeAction action, TableMetadata table)
            => privileges.TryGetValue(SecurityRole.PrivilegeNameOf(action, table.PrivilegeName), out var depth) ? depth : null;

        public bool HasPrivilege(string privilegeName) => privileges.ContainsKey(privilegeName);
    }
}
