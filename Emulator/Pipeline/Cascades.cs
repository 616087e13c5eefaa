using System.Collections.Generic;
using System.Linq;
using CrmTeamSelling.Emulator.Faults;
using CrmTeamSelling.Emulator.Metadata;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;

namespace CrmTeamSelling.Emulator.Pipeline;

/// <summary>
/// What a Delete and an Assign do to the children of the row, as Dataverse does it: each child goes through
/// a pipeline of its own (a Delete, an Assign, or an Update that clears its lookup), nested in the parent's
/// operation (the parent's context is its ParentContext) and inside the parent's transaction, so a child
/// step that refuses rolls the whole operation back.
/// </summary>
internal static class Cascades
{
    /// <summary>
    /// The Delete cascades of <paramref name="row"/>, run after the parent's stage 10 and before its stage 20
    /// (its pre-operation steps see the children already gone or unlinked): a Restrict relationship with
    /// children refuses the delete before anything changes; Cascade deletes each child through its Delete
    /// pipeline; RemoveLink clears each child's lookup through its Update pipeline.
    /// </summary>
    public static void Delete(Operation parent, TableMetadata table, Entity row)
    {
        var runtime = parent.Runtime;
        var transaction = parent.Transaction!;
        transaction.MarkDeleteInProgress(table.LogicalName, row.Id);
        var relationships = runtime.Metadata.ChildRelationshipsOf(table.LogicalName);

        // Rows whose own Delete is running (the parent of a cycle, a row reached by two paths) are not children to act on.
        List<Entity> Children(RelationshipMetadata relationship)
            => runtime.Writer.ChildrenOf(relationship, row).Where(child => !transaction.IsDeleteInProgress(child.LogicalName, child.Id)).ToList();

        foreach (var relationship in relationships.Where(r => r.Cascade.Delete == CascadeType.Restrict))
        {
            var children = Children(relationship);
            if (children.Count > 0)
            {
                throw DataverseFault.Create(ErrorCodes.CannotDeleteDueToAssociation,
                    $"The record cannot be deleted because it is associated with another record: {children.Count} '{relationship.ReferencingEntity}' row(s) refer to it through '{relationship.SchemaName}', whose delete behaviour is Restrict.");
            }
        }

        foreach (var relationship in relationships.Where(r => r.Cascade.Delete == CascadeType.Cascade))
        {
            foreach (var child in Children(relationship))
            {
                // A child deleted meanwhile by another cascade (a row under two deleted parents) is gone already.
                if (runtime.Store.Find(child.LogicalName, child.Id) is not null && !transaction.IsDeleteInProgress(child.LogicalName, child.Id))
                {
                    runtime.RunPlatformMessage(new DeleteRequest { Target = new EntityReference(child.LogicalName, child.Id) }, parent, CallOrigin.Cascade);
                }
            }
        }

        // Every other delete behaviour (RemoveLink, and NoCascade, which Dataverse treats alike for Delete) keeps the child and clears its lookup.
        foreach (var relationship in relationships.Where(r => r.Cascade.Delete is not (CascadeType.Restrict or CascadeType.Cascade)))
        {
            foreach (var child in Children(relationship))
            {
                if (runtime.Store.Find(child.LogicalName, child.Id) is { } current
                    && current.GetAttributeValue<EntityReference>(relationship.ReferencingAttribute)?.Id == row.Id)
                {
                    var unlink = new Entity(child.LogicalName, child.Id) { [relationship.ReferencingAttribute] = null };
                    runtime.RunPlatformMessage(new UpdateRequest { Target = unlink }, parent, CallOrigin.Cascade);
                }
            }
        }
    }

    /// <summary>
    /// The Assign cascade of <paramref name="parentBefore"/> (the parent as stored before its owner changed):
    /// each child the relationships' Assign cascade reaches is assigned through its own Assign pipeline, which
    /// writes the owner through the child's Update pipeline and cascades further.
    /// </summary>
    public static void Assign(Operation parent, IReadOnlyList<EntityReference> children, EntityReference newOwner)
    {
        foreach (var child in children)
        {
            var current = parent.Runtime.Store.Find(child.LogicalName, child.Id);
            // A child assigned meanwhile through another path (two relationships, a cycle) needs nothing more.
            if (current is not null && current.GetAttributeValue<EntityReference>("ownerid")?.Id != newOwner.Id)
            {
                parent.Runtime.RunPlatformMessage(AssignRequestFor(child, newOwner), parent, CallOrigin.Cascade);
            }
        }
    }

    /// <summary>The Assign message: the SDK's AssignRequest is not among the Sdk/ assemblies, so it is built by name.</summary>
    public static OrganizationRequest AssignRequestFor(EntityReference target, EntityReference assignee)
        => new("Assign") { ["Target"] = new EntityReference(target.LogicalName, target.Id), ["Assignee"] = new EntityReference(assignee.LogicalName, assignee.Id) };
}
