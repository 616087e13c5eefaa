using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using CrmTeamSelling.Emulator.Faults;
using CrmTeamSelling.Emulator.Metadata;
using CrmTeamSelling.Emulator.Pipeline;
using CrmTeamSelling.Emulator.Security;
using Microsoft.Xrm.Sdk;

namespace CrmTeamSelling.Emulator.Data;

/// <summary>Who performs a write: a user (security applies) or the system context (it does not).</summary>
internal readonly record struct Actor(Guid UserId, bool IsSystem);

/// <summary>
/// The main operation (stage 30) of the messages that change rows: validation, security, the columns
/// the platform sets, alternate-key uniqueness, the children a cascade reaches (Pipeline/Cascades runs the
/// cascades, each child through its own pipeline). Every change goes into the running transaction.
/// </summary>
internal sealed class RecordWriter
{
    private readonly EmulatorRuntime runtime;

    public RecordWriter(EmulatorRuntime runtime)
    {
        this.runtime = runtime;
        Validator = new RecordValidator(runtime.Metadata, runtime.Store);
    }

    public RecordValidator Validator { get; }

    private RecordStore Store => runtime.Store;

    private Transaction? Transaction => runtime.CurrentTransaction;

    /// <summary>Creates a row; returns its id. <paramref name="arranging"/> lets a test set the platform's columns (createdon...).</summary>
    public Guid Create(Actor actor, Entity target, bool arranging = false)
    {
        var table = Validator.RequireTable(target.LogicalName);
        if (target.RelatedEntities.Count > 0)
        {
            throw new NotSupportedException($"The emulator does not implement creating related rows with the '{table.LogicalName}' (Entity.RelatedEntities, \"deep insert\"): create them one by one.");
        }

        if (table.IsIntersect)
        {
            throw DataverseFault.InvalidArgument($"'{table.LogicalName}' is the intersect table of a many-to-many relationship: rows are added with Associate, not Create.");
        }

        var id = target.Id;
        if (target.Attributes.TryGetValue(table.PrimaryIdAttribute, out var idValue) && idValue is Guid explicitId && explicitId != Guid.Empty)
        {
            if (id != Guid.Empty && id != explicitId)
            {
                throw DataverseFault.InvalidArgument($"The Id {id} and the primary key '{table.PrimaryIdAttribute}' {explicitId} of the new '{table.LogicalName}' differ.");
            }

            id = explicitId;
        }

        if (id == Guid.Empty)
        {
            id = Guid.NewGuid();
        }

        if (Store.Find(table.LogicalName, id) is not null)
        {
            throw DataverseFault.DuplicateId(table.LogicalName, id);
        }

        var candidate = new Entity(target.LogicalName, id);
        foreach (var attribute in target.Attributes)
        {
            candidate.Attributes[attribute.Key] = attribute.Value;
        }

        var values = Validator.Validate(table, candidate, existing: null, keepPlatformColumns: arranging);
        var row = new Entity(table.LogicalName, id);
        foreach (var (name, value) in values)
        {
            if (value is not null)
            {
                row[name] = value;
            }
        }

        row[table.PrimaryIdAttribute] = id;
        var now = runtime.UtcNow();
        var actorReference = new EntityReference(StandardTables.SystemUser, actor.UserId);
        SetDefault(row, "createdon", now);
        SetDefault(row, "modifiedon", row["createdon"]);
        SetDefault(row, "createdby", actorReference);
        SetDefault(row, "modifiedby", row["createdby"]);
        row["versionnumber"] = Store.NextRowVersion();
        if (table.IsActivity)
        {
            row["activitytypecode"] = table.LogicalName;
        }

        if (table.HasState && !row.Contains("statecode"))
        {
            row["statecode"] = new OptionSetValue(0);
            if (!row.Contains("statuscode") && table.DefaultStatusFor(0) is int status)
            {
                row["statuscode"] = new OptionSetValue(status);
            }
        }

        ComputeFullName(table, row);
        if (table.Ownership == TableOwnership.UserOwned)
        {
            var owner = row.GetAttributeValue<EntityReference>("ownerid") ?? actorReference;
            SetOwner(row, owner);
        }

        if (!actor.IsSystem)
        {
            runtime.Access.DemandCreate(actor.UserId, table, row.GetAttributeValue<EntityReference>("ownerid"), row.GetAttributeValue<EntityReference>("owningbusinessunit")?.Id);
            DemandAppend(actor, table, row, values.Keys);
        }

        RequireUniqueKeys(table, row);
        Store.Put(row, Transaction);
        return id;
    }

    /// <summary>
    /// Updates a row; an owner in <paramref name="target"/> is written as it is (the Assign message, its cascade
    /// and its privilege are the caller's business: see <see cref="OwnerChangeOf"/>). <paramref name="demandAssign"/>
    /// also demands the Assign privilege on the row, for an update whose owner change the platform writes afterwards.
    /// Returns the row as stored before the update.
    /// </summary>
    public Entity Update(Actor actor, Entity target, ConcurrencyBehavior concurrency = ConcurrencyBehavior.Default, bool demandAssign = false)
    {
        var table = Validator.RequireTable(target.LogicalName);
        var id = IdOf(table, target);
        var existing = Store.Find(table.LogicalName, id) ?? throw DataverseFault.DoesNotExist(table.LogicalName, id);
        CheckRowVersion(table, existing, target.RowVersion, concurrency);
        if (!actor.IsSystem)
        {
            runtime.Access.Demand(actor.UserId, PrivilegeAction.Write, table, existing);
            if (demandAssign)
            {
                runtime.Access.Demand(actor.UserId, PrivilegeAction.Assign, table, existing);
            }
        }

        var candidate = new Entity(table.LogicalName, id);
        foreach (var attribute in target.Attributes)
        {
            candidate.Attributes[attribute.Key] = attribute.Value;
        }

        var values = Validator.Validate(table, candidate, existing);
        RefuseClosingAnOpportunity(table, values, existing);
        var row = Values.CloneEntity(existing);
        foreach (var (name, value) in values)
        {
            if (value is null)
            {
                row.Attributes.Remove(name);
            }
            else
            {
                row[name] = value;
            }
        }

        if (values.TryGetValue("ownerid", out var newOwner) && newOwner is EntityReference owner
            && owner.Id != existing.GetAttributeValue<EntityReference>("ownerid")?.Id)
        {
            if (!actor.IsSystem)
            {
                runtime.Access.Demand(actor.UserId, PrivilegeAction.Assign, table, existing);
            }

            SetOwner(row, owner);
        }

        if (!actor.IsSystem)
        {
            DemandAppend(actor, table, row, values.Where(v => v.Value is not null).Select(v => v.Key));
        }

        if (values.ContainsKey("firstname") || values.ContainsKey("lastname"))
        {
            row.Attributes.Remove("fullname");
            ComputeFullName(table, row);
        }

        row["modifiedon"] = runtime.UtcNow();
        row["modifiedby"] = new EntityReference(StandardTables.SystemUser, actor.UserId);
        row["versionnumber"] = Store.NextRowVersion();
        RequireUniqueKeys(table, row);
        Store.Put(row, Transaction);
        return existing;
    }

    /// <summary>
    /// The checks of a Delete that come before its cascades: the row exists, its row version matches when
    /// asked, and the caller may delete it. Returns the row.
    /// </summary>
    public (Entity Row, TableMetadata Table) CheckDelete(Actor actor, EntityReference target, ConcurrencyBehavior concurrency = ConcurrencyBehavior.Default)
    {
        var (existing, table) = RequireRow(target);
        CheckRowVersion(table, existing, target.RowVersion, concurrency);
        if (!actor.IsSystem)
        {
            runtime.Access.Demand(actor.UserId, PrivilegeAction.Delete, table, existing);
        }

        return (existing, table);
    }

    /// <summary>
    /// Removes a row whose cascades have run: its many-to-many links and its shares go with it. The one-to-many
    /// children were deleted or unlinked before, each through its own pipeline (see Pipeline/Cascades).
    /// </summary>
    public void RemoveRow(TableMetadata table, Guid id)
    {
        if (Store.Find(table.LogicalName, id) is null)
        {
            throw DataverseFault.DoesNotExist(table.LogicalName, id);
        }

        foreach (var relationship in runtime.Metadata.Relationships.Where(r => r.Kind == RelationshipKind.ManyToMany && (r.Entity1 == table.LogicalName || r.Entity2 == table.LogicalName)))
        {
            foreach (var link in Store.Rows(relationship.IntersectEntity).Where(l =>
                (relationship.Entity1 == table.LogicalName && l.GetAttributeValue<Guid>(relationship.Entity1IntersectAttribute) == id)
                || (relationship.Entity2 == table.LogicalName && l.GetAttributeValue<Guid>(relationship.Entity2IntersectAttribute) == id)).ToList())
            {
                Store.Remove(relationship.IntersectEntity, link.Id, Transaction);
            }
        }

        runtime.Sharing.RemoveRow(table.LogicalName, id, Transaction);
        Store.Remove(table.LogicalName, id, Transaction);
    }

    /// <summary>
    /// The new owner an Update's Target gives a user- or team-owned row, when it differs from the stored owner;
    /// null when the Target leaves the owner as it is.
    /// </summary>
    public EntityReference? OwnerChangeOf(TableMetadata table, Entity target, Entity existing)
        => table.Ownership == TableOwnership.UserOwned
            && target.Attributes.TryGetValue("ownerid", out var value) && value is EntityReference owner
            && owner.Id != existing.GetAttributeValue<EntityReference>("ownerid")?.Id
            ? owner
            : null;

    /// <summary>Throws unless <paramref name="owner"/> is an existing user or team: the only principals that own rows.</summary>
    public void RequireOwner(EntityReference owner)
    {
        if (owner.LogicalName is not (StandardTables.SystemUser or StandardTables.Team))
        {
            throw DataverseFault.InvalidArgument($"The owner of a row is a systemuser or a team, not a '{owner.LogicalName}'.");
        }

        _ = Store.Find(owner.LogicalName, owner.Id) ?? throw DataverseFault.DoesNotExist(owner.LogicalName, owner.Id);
    }

    /// <summary>
    /// Dataverse closes an opportunity only through WinOpportunity or LoseOpportunity (which also write the
    /// opportunity close); Update and SetState to Won or Lost are refused with this message.
    /// </summary>
    private static void RefuseClosingAnOpportunity(TableMetadata table, Dictionary<string, object?> values, Entity existing)
    {
        if (table.LogicalName == "opportunity" && values.TryGetValue("statecode", out var value) && value is OptionSetValue { Value: 1 or 2 } state
            && existing.GetAttributeValue<OptionSetValue>("statecode")?.Value != state.Value)
        {
            var (word, message) = state.Value == 1 ? ("Won", "WinOpportunityRequest") : ("Lost", "LoseOpportunityRequest");
            throw DataverseFault.InvalidArgument($"This message can not be used to set the state of opportunity to {word}. In order to set state of opportunity to {word} use the {message} message instead.");
        }
    }

    /// <summary>The id an Update's Target names: its Id, its primary key column, or its alternate-key values.</summary>
    public Guid IdOf(TableMetadata table, Entity target)
    {
        if (target.Id != Guid.Empty)
        {
            return target.Id;
        }

        if (target.Attributes.TryGetValue(table.PrimaryIdAttribute, out var value) && value is Guid id && id != Guid.Empty)
        {
            return id;
        }

        if (target.KeyAttributes.Count > 0)
        {
            return Validator.FindByKey(table, target.KeyAttributes)
                ?? throw DataverseFault.DoesNotExistByKey(table.LogicalName, RecordValidator.Describe(target.KeyAttributes));
        }

        throw DataverseFault.InvalidArgument($"The '{table.LogicalName}' to update has no Id: set Entity.Id, the primary key '{table.PrimaryIdAttribute}', or alternate-key values in KeyAttributes.");
    }

    private void CheckRowVersion(TableMetadata table, Entity existing, string? rowVersion, ConcurrencyBehavior concurrency)
    {
        if (concurrency != ConcurrencyBehavior.IfRowVersionMatches)
        {
            return;
        }

        if (string.IsNullOrEmpty(rowVersion))
        {
            throw DataverseFault.Create(ErrorCodes.ConcurrencyVersionNotProvided,
                "The RowVersion property must be provided when the value of ConcurrencyBehavior is IfVersionMatches.");
        }

        var current = existing.GetAttributeValue<long>("versionnumber").ToString(CultureInfo.InvariantCulture);
        if (rowVersion != current)
        {
            throw DataverseFault.Create(ErrorCodes.ConcurrencyVersionMismatch,
                $"The version of the existing record doesn't match the RowVersion property provided. ({table.LogicalName} {existing.Id}: stored version {current}, provided {rowVersion})");
        }
    }

    /// <summary>Setting a lookup appends the row to its parent: Append on the row, AppendTo on the parent.</summary>
    private void DemandAppend(Actor actor, TableMetadata table, Entity row, IEnumerable<string> changedColumns)
    {
        var appended = false;
        foreach (var name in changedColumns)
        {
            var column = table.FindColumn(name);
            if (column is null || column.Type is not (ColumnType.Lookup or ColumnType.Customer) || column.IsPlatformManaged
                || row.GetAttributeValue<EntityReference>(name) is not { } reference)
            {
                continue;
            }

            var parentTable = runtime.Metadata.FindTable(reference.LogicalName);
            if (parentTable is null || parentTable.Ownership != TableOwnership.UserOwned || Store.Find(reference.LogicalName, reference.Id) is not { } parent)
            {
                continue;
            }

            if (!appended && table.IsSecured)
            {
                runtime.Access.DemandPrivilege(actor.UserId, PrivilegeAction.Append, table);
                appended = true;
            }

            runtime.Access.Demand(actor.UserId, PrivilegeAction.AppendTo, parentTable, parent);
        }
    }

    private void RequireUniqueKeys(TableMetadata table, Entity row)
    {
        foreach (var key in table.Keys)
        {
            if (Store.FindKeyConflict(table, key, row) is not null)
            {
                var values = string.Join(",", key.Columns.Select(c => Values.Normalize(row.Attributes.TryGetValue(c, out var v) ? v : null)));
                throw DataverseFault.DuplicateKey(table.LogicalName, key.DisplayName ?? key.LogicalName, string.Join(",", key.Columns), values);
            }
        }
    }

    /// <summary>Sets ownerid and the owning business unit, user and team columns that follow from it.</summary>
    private void SetOwner(Entity row, EntityReference owner)
    {
        RequireOwner(owner);
        var ownerRow = Store.Find(owner.LogicalName, owner.Id)!;
        row["ownerid"] = new EntityReference(owner.LogicalName, owner.Id);
        row["owningbusinessunit"] = new EntityReference(StandardTables.BusinessUnit, ownerRow.GetAttributeValue<EntityReference>("businessunitid")?.Id ?? runtime.RootBusinessUnitId);
        row.Attributes.Remove("owninguser");
        row.Attributes.Remove("owningteam");
        row[owner.LogicalName == StandardTables.Team ? "owningteam" : "owninguser"] = new EntityReference(owner.LogicalName, owner.Id);
    }

    /// <summary>
    /// The children an Assign of <paramref name="parent"/> (as stored before it) to <paramref name="newOwner"/>
    /// cascades to: user- or team-owned children along relationships whose Assign cascade is Cascade (all),
    /// Active (active children only) or UserOwned (children the parent's previous owner owns); children the new
    /// owner already owns are left alone.
    /// </summary>
    public IReadOnlyList<EntityReference> AssignCascadeChildren(TableMetadata table, Entity parent, EntityReference newOwner)
    {
        var previousOwner = parent.GetAttributeValue<EntityReference>("ownerid");
        var children = new List<EntityReference>();
        foreach (var relationship in runtime.Metadata.ChildRelationshipsOf(table.LogicalName).Where(r => r.Cascade.Assign is CascadeType.Cascade or CascadeType.Active or CascadeType.UserOwned))
        {
            if (runtime.Metadata.FindTable(relationship.ReferencingEntity)?.Ownership != TableOwnership.UserOwned)
            {
                continue;
            }

            foreach (var child in ChildrenOf(relationship, parent))
            {
                var cascades = relationship.Cascade.Assign switch
                {
                    CascadeType.Active => child.GetAttributeValue<OptionSetValue>("statecode") is null or { Value: 0 },
                    CascadeType.UserOwned => child.GetAttributeValue<EntityReference>("ownerid")?.Id == previousOwner?.Id,
                    _ => true,
                };
                if (cascades && child.GetAttributeValue<EntityReference>("ownerid")?.Id != newOwner.Id && children.All(c => c.Id != child.Id))
                {
                    children.Add(new EntityReference(child.LogicalName, child.Id));
                }
            }
        }

        return children;
    }

    /// <summary>The rows whose lookup of <paramref name="relationship"/> points at <paramref name="parent"/>.</summary>
    public IEnumerable<Entity> ChildrenOf(RelationshipMetadata relationship, Entity parent)
        => Store.Rows(relationship.ReferencingEntity).Where(child =>
            child.Attributes.TryGetValue(relationship.ReferencingAttribute, out var value) && value is EntityReference reference
            && reference.Id == parent.Id && reference.LogicalName == relationship.ReferencedEntity);

    /// <summary>Adds N:N links; an existing link is a duplicate key, as in Dataverse.</summary>
    public void Associate(Actor actor, RelationshipMetadata relationship, EntityReference target, IEnumerable<EntityReference> related, EntityRole? role)
    {
        var (targetRow, targetTable) = RequireRow(target);
        foreach (var other in related)
        {
            var (otherRow, otherTable) = RequireRow(other);
            if (relationship.Kind == RelationshipKind.OneToMany)
            {
                SetParent(actor, relationship, targetRow, targetTable, otherRow, otherTable, link: true);
                continue;
            }

            var (first, second) = OrderForIntersect(relationship, targetRow, otherRow, role);
            DemandLink(actor, targetTable, targetRow, otherTable, otherRow);
            if (FindLink(relationship, first, second) is not null)
            {
                throw DataverseFault.Create(ErrorCodes.DuplicateRecord, $"Cannot insert duplicate key. {target.LogicalName} {target.Id} and {other.LogicalName} {other.Id} are already associated through '{relationship.SchemaName}'.");
            }

            var intersect = runtime.Metadata.FindTable(relationship.IntersectEntity)!;
            var link = new Entity(relationship.IntersectEntity, Guid.NewGuid());
            link[intersect.PrimaryIdAttribute] = link.Id;
            link[relationship.Entity1IntersectAttribute] = first;
            link[relationship.Entity2IntersectAttribute] = second;
            Store.Put(link, Transaction);
        }
    }

    public void Disassociate(Actor actor, RelationshipMetadata relationship, EntityReference target, IEnumerable<EntityReference> related, EntityRole? role)
    {
        var (targetRow, targetTable) = RequireRow(target);
        foreach (var other in related)
        {
            var (otherRow, otherTable) = RequireRow(other);
            if (relationship.Kind == RelationshipKind.OneToMany)
            {
                SetParent(actor, relationship, targetRow, targetTable, otherRow, otherTable, link: false);
                continue;
            }

            var (first, second) = OrderForIntersect(relationship, targetRow, otherRow, role);
            DemandLink(actor, targetTable, targetRow, otherTable, otherRow);
            if (FindLink(relationship, first, second) is { } existing)
            {
                Store.Remove(relationship.IntersectEntity, existing.Id, Transaction);
            }
        }
    }

    private (Guid First, Guid Second) OrderForIntersect(RelationshipMetadata relationship, Entity target, Entity other, EntityRole? role)
    {
        var targetIsEntity1 = relationship.Entity1 == relationship.Entity2
            ? role != EntityRole.Referenced
            : relationship.Entity1 == target.LogicalName;
        var expectedOther = targetIsEntity1 ? relationship.Entity2 : relationship.Entity1;
        if ((targetIsEntity1 ? relationship.Entity1 : relationship.Entity2) != target.LogicalName || expectedOther != other.LogicalName)
        {
            throw DataverseFault.InvalidArgument($"Relationship '{relationship.SchemaName}' joins {relationship.Entity1} and {relationship.Entity2}, not {target.LogicalName} and {other.LogicalName}.");
        }

        return targetIsEntity1 ? (target.Id, other.Id) : (other.Id, target.Id);
    }

    private Entity? FindLink(RelationshipMetadata relationship, Guid first, Guid second)
        => Store.Rows(relationship.IntersectEntity).FirstOrDefault(l =>
            l.GetAttributeValue<Guid>(relationship.Entity1IntersectAttribute) == first && l.GetAttributeValue<Guid>(relationship.Entity2IntersectAttribute) == second);

    private void DemandLink(Actor actor, TableMetadata firstTable, Entity firstRow, TableMetadata secondTable, Entity secondRow)
    {
        if (actor.IsSystem)
        {
            return;
        }

        runtime.Access.Demand(actor.UserId, PrivilegeAction.AppendTo, firstTable, firstRow);
        runtime.Access.Demand(actor.UserId, PrivilegeAction.AppendTo, secondTable, secondRow);
    }

    /// <summary>1:N Associate/Disassociate: sets or clears the child's lookup to the parent.</summary>
    private void SetParent(Actor actor, RelationshipMetadata relationship, Entity first, TableMetadata firstTable, Entity second, TableMetadata secondTable, bool link)
    {
        var (parent, parentTable, child, childTable) = first.LogicalName == relationship.ReferencedEntity && second.LogicalName == relationship.ReferencingEntity
            ? (first, firstTable, second, secondTable)
            : second.LogicalName == relationship.ReferencedEntity && first.LogicalName == relationship.ReferencingEntity
                ? (second, secondTable, first, firstTable)
                : throw DataverseFault.InvalidArgument($"Relationship '{relationship.SchemaName}' joins {relationship.ReferencedEntity} (parent) and {relationship.ReferencingEntity} (child), not {first.LogicalName} and {second.LogicalName}.");
        if (!actor.IsSystem)
        {
            runtime.Access.Demand(actor.UserId, PrivilegeAction.Append, childTable, child);
            runtime.Access.Demand(actor.UserId, PrivilegeAction.AppendTo, parentTable, parent);
        }

        var updated = Values.CloneEntity(child);
        if (link)
        {
            updated[relationship.ReferencingAttribute] = new EntityReference(parent.LogicalName, parent.Id);
        }
        else if (updated.GetAttributeValue<EntityReference>(relationship.ReferencingAttribute)?.Id == parent.Id)
        {
            updated.Attributes.Remove(relationship.ReferencingAttribute);
        }

        updated["modifiedon"] = runtime.UtcNow();
        updated["modifiedby"] = new EntityReference(StandardTables.SystemUser, actor.UserId);
        updated["versionnumber"] = Store.NextRowVersion();
        Store.Put(updated, Transaction);
    }

    public (Entity Row, TableMetadata Table) RequireRow(EntityReference reference)
    {
        var table = Validator.RequireTable(reference.LogicalName);
        var id = Validator.ResolveId(reference);
        var row = Store.Find(table.LogicalName, id) ?? throw DataverseFault.DoesNotExist(table.LogicalName, id);
        return (row, table);
    }

    private static void SetDefault(Entity row, string column, object value)
    {
        if (!row.Contains(column))
        {
            row[column] = value;
        }
    }

    /// <summary>Dataverse composes fullname from first and last name on contacts and users.</summary>
    private static void ComputeFullName(TableMetadata table, Entity row)
    {
        if (table.LogicalName is not ("contact" or StandardTables.SystemUser) || row.Contains("fullname"))
        {
            return;
        }

        var name = string.Join(" ", new[] { row.GetAttributeValue<string>("firstname"), row.GetAttributeValue<string>("lastname") }.Where(p => !string.IsNullOrWhiteSpace(p)));
        if (name.Length > 0)
        {
            row["fullname"] = name;
        }
    }
}
