using System.Collections.Generic;
using System.Linq;
using CrmTeamSelling.Packager.Model;
using CrmTeamSelling.Plugins.Model;
using CrmTeamSelling.Solution.Tests.Support;
using static CrmTeamSelling.Plugins.Model.LogicalNames;

namespace CrmTeamSelling.Solution.Tests.Metadata;

/// <summary>Ownership and relationships: every team-selling row belongs to an opportunity and follows it.</summary>
[TestClass]
public sealed class RelationshipTests
{
    [TestMethod]
    public void Every_table_of_the_solution_is_user_owned()
    {
        var problems = new Problems();
        foreach (var table in ShippedSolution.CustomTables)
        {
            // Sharing, assignment and the Basic/Deep depths of the roles only exist for user-owned tables.
            problems.Expect(table.Ownership == OwnershipType.UserOwned,
                $"{table.SourceFile}: {table.LogicalName} is {table.Ownership}; make it <OwnershipTypeMask>UserOwned</OwnershipTypeMask> so rows have owners and can be shared.");
            problems.Expect(table.Columns.Any(c => c.LogicalName == "ownerid" && c.Type == "owner"), $"{table.SourceFile}: {table.LogicalName} has no ownerid column of type owner.");
        }

        problems.AssertNone("Ownership");
    }

    [TestMethod]
    public void Every_table_of_the_solution_is_a_child_of_opportunity_with_parental_cascade()
    {
        var problems = new Problems();
        foreach (var table in ShippedSolution.CustomTables)
        {
            var toOpportunity = ShippedSolution.Model.Relationships
                .Where(r => r.Type == RelationshipType.OneToMany && r.ReferencingEntity == table.LogicalName && r.ReferencedEntity == Opportunity.LogicalName)
                .ToList();
            if (toOpportunity.Count != 1)
            {
                problems.Add($"{table.LogicalName} has {toOpportunity.Count} relationships to opportunity; it needs exactly one, through tsell_opportunityid.");
                continue;
            }

            var relationship = toOpportunity[0];
            var cascade = relationship.Cascade;
            problems.Expect(relationship.ReferencingAttribute == DealTeamMember.OpportunityId,
                $"{relationship.SourceFile}: {relationship.SchemaName} goes through {relationship.ReferencingAttribute}; it must go through tsell_opportunityid.");
            problems.Expect(cascade.IsParental,
                $"{relationship.SourceFile}: {relationship.SchemaName} cascades Assign {cascade.Assign}, Share {cascade.Share}, Unshare {cascade.Unshare}, Reparent {cascade.Reparent}, Delete {cascade.Delete}; " +
                "all must be Cascade, so the rows follow the opportunity's owner, shares and deletion.");

            // Dataverse allows one parental relationship per table; a second would be refused at import.
            var parental = ShippedSolution.Model.Relationships.Where(r => r.Type == RelationshipType.OneToMany && r.ReferencingEntity == table.LogicalName && r.Cascade.IsParental).ToList();
            problems.Expect(parental.Count <= 1, $"{table.LogicalName} has {parental.Count} parental relationships ({string.Join(", ", parental.Select(r => r.SchemaName))}); Dataverse allows only one, the one to opportunity.");
        }

        problems.AssertNone("Parental relationships to opportunity");
    }

    [TestMethod]
    public void The_other_relationships_of_the_design_exist_with_the_delete_behaviour_they_need()
    {
        // (child table, lookup, parent table, delete behaviour, why)
        var expected = new[]
        {
            (Stakeholder.LogicalName, Stakeholder.ReportsToId, Stakeholder.LogicalName, "RemoveLink", "a stakeholder outlives the person they reported to"),
            (Counterpart.LogicalName, Counterpart.DealTeamMemberId, DealTeamMember.LogicalName, "RemoveLink", "a table has one parental relationship (the opportunity's); a plugin deletes a removed member's pairings"),
            (Counterpart.LogicalName, Counterpart.StakeholderId, Stakeholder.LogicalName, "RemoveLink", "a table has one parental relationship (the opportunity's); a plugin deletes a removed stakeholder's pairings"),
            (DealSolutionRevision.LogicalName, DealSolutionRevision.DealSolutionId, DealSolution.LogicalName, "RemoveLink", "revisions belong to the opportunity (one parental relationship) and outlive a deleted solution"),
            (SolutionAcknowledgement.LogicalName, SolutionAcknowledgement.DealSolutionId, DealSolution.LogicalName, "RemoveLink", "acknowledgements belong to the opportunity (one parental relationship)"),
            (Task.LogicalName, Task.DealReviewId, DealReview.LogicalName, "RemoveLink", "an action stays when its review goes"),
            (Task.LogicalName, Task.CarriedForwardFromId, DealReview.LogicalName, "RemoveLink", "an action stays when an earlier review goes"),
            (Task.LogicalName, Task.StakeholderId, Stakeholder.LogicalName, "RemoveLink", "an action stays when its stakeholder goes"),
            (DealReview.LogicalName, DealReview.PreviousReviewId, DealReview.LogicalName, "RemoveLink", "a review stays when the one before it goes"),
        };
        var problems = new Problems();
        foreach (var (child, lookup, parent, delete, why) in expected)
        {
            var relationship = ShippedSolution.Model.Relationships.SingleOrDefault(r => r.Type == RelationshipType.OneToMany && r.ReferencingEntity == child && r.ReferencingAttribute == lookup);
            if (relationship is null)
            {
                problems.Add($"No relationship for {child}.{lookup} → {parent}: add it to Other/Relationships/{parent}.xml.");
                continue;
            }

            problems.Expect(relationship.ReferencedEntity == parent, $"{relationship.SourceFile}: {relationship.SchemaName} points {child}.{lookup} to {relationship.ReferencedEntity}; it must point to {parent}.");
            problems.Expect(relationship.Cascade.Delete == delete, $"{relationship.SourceFile}: {relationship.SchemaName} deletes with {relationship.Cascade.Delete}; it must be {delete}: {why}.");
            problems.Expect(!relationship.Cascade.IsParental, $"{relationship.SourceFile}: {relationship.SchemaName} is parental; only the relationship to opportunity may be.");
        }

        var attendees = ShippedSolution.Model.Relationships.SingleOrDefault(r => r.SchemaName == Relationships.DealReviewAttendees);
        if (attendees is null)
        {
            problems.Add($"The many-to-many relationship {Relationships.DealReviewAttendees} (deal review attendees) is missing from Other/Relationships/{DealReview.LogicalName}.xml.");
        }
        else
        {
            problems.Expect(attendees.Type == RelationshipType.ManyToMany, $"{attendees.SourceFile}: {attendees.SchemaName} must be ManyToMany.");
            problems.Expect(attendees.Entity1 == DealReview.LogicalName && attendees.Entity2 == SystemUser.LogicalName,
                $"{attendees.SourceFile}: {attendees.SchemaName} joins {attendees.Entity1} and {attendees.Entity2}; it must join {DealReview.LogicalName} and {SystemUser.LogicalName}.");
            problems.Expect(attendees.IntersectEntity == Relationships.DealReviewAttendeesIntersectTable,
                $"{attendees.SourceFile}: the intersect table is {attendees.IntersectEntity}; Plugins/Model expects {Relationships.DealReviewAttendeesIntersectTable}.");
        }

        problems.AssertNone("Relationships");
    }

    [TestMethod]
    public void Every_lookup_column_and_every_relationship_meet_on_both_sides()
    {
        var problems = new Problems();
        foreach (var table in ShippedSolution.Model.Tables.Where(t => t.Columns.Count > 0))
        {
            foreach (var lookup in table.Columns.Where(c => c.IsCustom && c.Type == "lookup"))
            {
                problems.Expect(lookup.LookupTargets.Count > 0, $"{table.SourceFile}: the lookup {table.LogicalName}.{lookup.LogicalName} has no relationship naming it; add one to Other/Relationships.");
            }
        }

        foreach (var relationship in ShippedSolution.Model.Relationships.Where(r => r.Type == RelationshipType.OneToMany))
        {
            var child = ShippedSolution.Model.Tables.SingleOrDefault(t => t.LogicalName == relationship.ReferencingEntity);
            if (child is null || child.Columns.Count == 0)
            {
                // A standard table's own column (task.regardingobjectid ...): the org defines it.
                continue;
            }

            problems.Expect(child.Columns.Any(c => c.LogicalName == relationship.ReferencingAttribute && c.Type is "lookup" or "owner" or "customer"),
                $"{relationship.SourceFile}: {relationship.SchemaName} goes through {relationship.ReferencingEntity}.{relationship.ReferencingAttribute}, which is not a lookup column of that table.");
            problems.Expect(ShippedSolution.KnownTable(relationship.ReferencedEntity!) is not null || relationship.ReferencedEntity is "owner" or "transactioncurrency",
                $"{relationship.SourceFile}: {relationship.SchemaName} points to {relationship.ReferencedEntity}, a table neither the solution nor the standard catalog knows.");
        }

        problems.AssertNone("Lookups and relationships");
    }
}
