using System;
using System.Collections.Generic;
using System.Linq;
using CrmTeamSelling.Emulator.Security;
using CrmTeamSelling.Packager.Model;
using CrmTeamSelling.Plugins.Model;
using CrmTeamSelling.Solution.Tests.Support;
using static CrmTeamSelling.Plugins.Model.LogicalNames;

namespace CrmTeamSelling.Solution.Tests.Metadata;

/// <summary>
/// The two security roles grant what a member and a manager need and no more. They add to the Sales
/// roles people already have; records of a deal reach a member by sharing (the deal team plugin) and by
/// the opportunity's cascades, so a member's depth is the user's own rows (Basic).
/// </summary>
[TestClass]
public sealed class RoleTests
{
    private const string Activity = "Activity";

    /// <summary>The solution's tables by the name their privileges use: prv{Action}{schema name}.</summary>
    private static readonly string[] TeamSellingTables = ShippedSolution.CustomTables.Select(t => t.SchemaName ?? t.LogicalName).ToArray();

    /// <summary>Where a deal's records live: the opportunity, its actions and the team-selling tables.</summary>
    private static readonly string[] DealTables = new[] { "Opportunity", Activity }.Concat(TeamSellingTables).ToArray();

    private static SecurityRoleModel Member => Role(SecurityRoles.TeamSellingMember);

    private static SecurityRoleModel Manager => Role(SecurityRoles.TeamSellingManager);

    [TestMethod]
    public void Every_privilege_of_both_roles_names_an_action_on_a_table_the_org_has()
    {
        var tables = ShippedSolution.Catalog.Tables.Select(t => t.PrivilegeName).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var problems = new Problems();
        foreach (var role in new[] { Member, Manager })
        {
            foreach (var privilege in role.Privileges)
            {
                var split = SecurityRole.SplitPrivilegeName(privilege.Name);
                problems.Expect(split is { } s && tables.Contains(s.Table),
                    $"{role.SourceFile}: {privilege.Name} names no table's privilege (prv{{Create|Read|Write|Delete|Append|AppendTo|Assign|Share}}{{table schema name}}).");
            }

            problems.Expect(role.Privileges.GroupBy(p => p.Name, StringComparer.OrdinalIgnoreCase).All(g => g.Count() == 1), $"{role.SourceFile}: a privilege is listed twice.");
        }

        problems.AssertNone("Role privileges");
    }

    [TestMethod]
    public void A_member_can_work_the_deals_they_own_or_that_are_shared_with_them()
    {
        var problems = new Problems();
        Requires(problems, Member, PrivilegeDepth.Basic, "Opportunity", "Read", "Write", "Append", "AppendTo");
        foreach (var table in new[] { DealTeamMember.LogicalName, Stakeholder.LogicalName, Counterpart.LogicalName, DealSolution.LogicalName, DealReview.LogicalName })
        {
            Requires(problems, Member, PrivilegeDepth.Basic, SchemaName(table), "Create", "Read", "Write", "Append", "AppendTo");
        }

        Requires(problems, Member, PrivilegeDepth.Basic, SchemaName(SolutionAcknowledgement.LogicalName), "Read");
        Requires(problems, Member, PrivilegeDepth.Basic, SchemaName(DealSolutionRevision.LogicalName), "Read");
        Requires(problems, Member, PrivilegeDepth.Basic, Activity, "Create", "Read", "Write", "Append", "AppendTo", "Assign");
        // Stakeholders are the customer's contacts; lookups to colleagues need to read every user.
        Requires(problems, Member, PrivilegeDepth.Local, "Contact", "Read", "AppendTo");
        Requires(problems, Member, PrivilegeDepth.Global, "User", "Read");
        Requires(problems, Member, PrivilegeDepth.Basic, "AppNotification", "Read");
        // Reading a definition reads its value too: Dataverse has no prvReadEnvironmentVariableValue.
        Requires(problems, Member, PrivilegeDepth.Global, "EnvironmentVariableDefinition", "Read");
        problems.Expect(!ShippedSolution.Model.Roles.SelectMany(r => r.Privileges).Any(p => p.Name == "prvReadEnvironmentVariableValue"),
            "Roles name prvReadEnvironmentVariableValue, a privilege Dataverse does not have: import would fail on it.");
        problems.AssertNone("What a member needs");
    }

    [TestMethod]
    public void A_member_reaches_only_their_own_and_shared_rows()
    {
        var problems = new Problems();
        foreach (var table in DealTables)
        {
            foreach (var privilege in Member.Privileges.Where(p => IsOn(p, table) && Depth(p) > PrivilegeDepth.Basic))
            {
                problems.Add($"{Member.SourceFile}: {privilege.Name} is {privilege.Level}; a member reaches deal rows they own or that are shared with them (Basic).");
            }
        }

        Forbids(problems, Member, "Opportunity", "Delete", "Assign", "Share");
        problems.AssertNone("What a member must not do");
    }

    [TestMethod]
    public void A_manager_oversees_the_deals_of_their_business_units()
    {
        var problems = new Problems();
        foreach (var table in DealTables)
        {
            Requires(problems, Manager, PrivilegeDepth.Deep, table, "Read");
            foreach (var privilege in Manager.Privileges.Where(p => IsOn(p, table) && Depth(p) == PrivilegeDepth.Global))
            {
                problems.Add($"{Manager.SourceFile}: {privilege.Name} is Global; a manager reaches their business unit and those below it (Deep), not the whole organisation.");
            }
        }

        Requires(problems, Manager, PrivilegeDepth.Deep, "Opportunity", "Write", "Append", "AppendTo", "Assign", "Share");
        foreach (var table in new[] { DealTeamMember.LogicalName, Stakeholder.LogicalName, Counterpart.LogicalName, DealSolution.LogicalName, DealReview.LogicalName })
        {
            Requires(problems, Manager, PrivilegeDepth.Deep, SchemaName(table), "Create", "Write", "Delete", "Append", "Assign", "Share");
        }

        problems.AssertNone("What a manager needs and may reach");
    }

    [TestMethod]
    public void Nobody_writes_the_solutions_history_or_who_has_read_it_by_hand()
    {
        // Revisions (the versioning plugin) and acknowledgements (the Acknowledge Deal Solution action)
        // are written in the system context. A role that could write them would let a user rewrite a
        // version or record that a colleague has read one.
        var problems = new Problems();
        foreach (var role in new[] { Member, Manager })
        {
            foreach (var table in new[] { DealSolutionRevision.LogicalName, SolutionAcknowledgement.LogicalName })
            {
                Forbids(problems, role, SchemaName(table), "Create", "Write", "Delete", "Append", "Assign", "Share");
            }
        }

        problems.AssertNone("Plugin-written history");
    }

    private static SecurityRoleModel Role(string name)
        => ShippedSolution.Model.Roles.SingleOrDefault(r => r.Name == name) ?? throw new AssertFailedException($"Roles/{name}.xml is missing.");

    private static string SchemaName(string table) => ShippedSolution.Table(table).SchemaName ?? table;

    private static bool IsOn(RolePrivilegeModel privilege, string table)
        => string.Equals(SecurityRole.SplitPrivilegeName(privilege.Name)?.Table, table, StringComparison.OrdinalIgnoreCase);

    private static string? Action(RolePrivilegeModel privilege) => SecurityRole.SplitPrivilegeName(privilege.Name)?.Action.ToString();

    private static PrivilegeDepth Depth(RolePrivilegeModel privilege) => SecurityRole.ParseDepth(privilege.Level, privilege.Name);

    private static RolePrivilegeModel? Find(SecurityRoleModel role, string action, string table)
        => role.Privileges.SingleOrDefault(p => string.Equals(p.Name, "prv" + action + table, StringComparison.OrdinalIgnoreCase));

    private static void Requires(Problems problems, SecurityRoleModel role, PrivilegeDepth depth, string table, params string[] actions)
    {
        foreach (var action in actions)
        {
            var privilege = Find(role, action, table);
            problems.Expect(privilege is not null && Depth(privilege) >= depth,
                $"{role.SourceFile}: '{role.Name}' needs prv{action}{table} at {depth} or deeper; it has {privilege?.Level ?? "none"}.");
        }
    }

    private static void Forbids(Problems problems, SecurityRoleModel role, string table, params string[] actions)
    {
        foreach (var action in actions)
        {
            var privilege = Find(role, action, table);
            problems.Expect(privilege is null, $"{role.SourceFile}: '{role.Name}' must not have prv{action}{table} (it has it at {privilege?.Level}).");
        }
    }
}
