using System;
using System.Collections.Generic;
using CrmTeamSelling.Emulator;
using CrmTeamSelling.Packager.Layout;
using CrmTeamSelling.Packager.Model;
using CrmTeamSelling.Plugins.Model;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;

namespace CrmTeamSelling.Plugins.Tests.TestSupport;

/// <summary>
/// The "given" of a team-selling test: an emulator loaded from Solution/src with the plugin assembly
/// (the registrations as shipped), a Sales business unit, a rep who owns an opportunity for an account,
/// and the account's contacts. Add colleagues and team members with the helpers; act through
/// <see cref="As"/> so plugins and security run as they would for that user.
/// <code>
/// var deal = DealWorld.Create();                                          // given a rep's opportunity
/// var manager = deal.NewTeamMember("Mona Manager", TeamRole.SalesManager, Level.Manager);
/// deal.As(manager).Update(...);                                           // when the manager changes something
/// </code>
/// </summary>
public sealed class DealWorld
{
    public const string MemberRole = SecurityRoles.TeamSellingMember;
    public const string ManagerRole = SecurityRoles.TeamSellingManager;

    // Reading Solution/src takes a moment; the model is read once and every test gets a fresh emulator from it.
    private static readonly Lazy<SolutionModel> ShippedSolution = new(() => SolutionLayoutReader.Read(RepositoryPaths.SolutionSource));

    private readonly List<EntityReference> contacts = new();

    private DealWorld(XrmEmulator crm, string opportunityName)
    {
        Crm = crm;
        SalesUnit = crm.CreateBusinessUnit("Sales");
        Rep = NewUser("Rita Rep");
        Account = crm.Arrange(new Entity("account") { ["name"] = "Contoso Ltd", ["ownerid"] = Rep });
        Opportunity = crm.Arrange(new Entity(LogicalNames.Opportunity.LogicalName)
        {
            [LogicalNames.Opportunity.Name] = opportunityName,
            [LogicalNames.Opportunity.CustomerId] = Account,
            [LogicalNames.Opportunity.OwnerId] = Rep,
        });
        AddContact("Bruno Buyer", "Purchasing Lead");
        AddContact("Dana Head", "Head of Operations");
        AddContact("Erik Executive", "Chief Financial Officer");
    }

    /// <summary>An emulator with the shipped solution and plugin assembly, and nothing arranged in it.</summary>
    public static XrmEmulator NewEmulator(EmulatorOptions? options = null)
        => XrmEmulator.FromModel(ShippedSolution.Value, typeof(PluginBase).Assembly, options);

    /// <summary>Given a rep (Team Selling Member) who owns an open opportunity for Contoso Ltd, which has three contacts.</summary>
    public static DealWorld Create(string opportunityName = "Contoso ERP rollout", EmulatorOptions? options = null)
        => new(NewEmulator(options), opportunityName);

    public XrmEmulator Crm { get; }

    /// <summary>The business unit every user of the world belongs to.</summary>
    public EntityReference SalesUnit { get; }

    /// <summary>The opportunity's owner.</summary>
    public EntityReference Rep { get; }

    public EntityReference Account { get; }

    public EntityReference Opportunity { get; }

    /// <summary>The account's contacts (the customer's people), in the order they were added.</summary>
    public IReadOnlyList<EntityReference> Contacts => contacts;

    /// <summary>A service acting as the user: their roles, shares and the plugins decide what happens.</summary>
    public IOrganizationService As(EntityReference user) => Crm.As(user);

    /// <summary>A colleague in the Sales unit with the given roles (Team Selling Member when none are named).</summary>
    public EntityReference NewUser(string fullName, params string[] roles)
        => Crm.CreateUser(fullName, SalesUnit, roles.Length == 0 ? new[] { MemberRole } : roles);

    /// <summary>A colleague with the Team Selling Manager role (deep access in the unit), not on the deal team.</summary>
    public EntityReference NewManager(string fullName) => NewUser(fullName, ManagerRole);

    /// <summary>
    /// The opportunity's owner adds the user to the deal team (through the plugins, as the form does);
    /// returns the deal team member row.
    /// </summary>
    public EntityReference AddTeamMember(EntityReference user, int teamRole, int level, string? department = null)
    {
        var member = new Entity(LogicalNames.DealTeamMember.LogicalName)
        {
            [LogicalNames.DealTeamMember.OpportunityId] = Opportunity,
            [LogicalNames.DealTeamMember.UserId] = user,
            [LogicalNames.DealTeamMember.TeamRole] = new OptionSetValue(teamRole),
            [LogicalNames.DealTeamMember.Level] = new OptionSetValue(level),
        };
        if (department is not null)
        {
            member[LogicalNames.DealTeamMember.Department] = department;
        }

        return new EntityReference(LogicalNames.DealTeamMember.LogicalName, As(Rep).Create(member));
    }

    /// <summary>A new Team Selling Member added to the deal team; returns the user.</summary>
    public EntityReference NewTeamMember(string fullName, int teamRole = TeamRole.Other, int level = Level.Staff)
    {
        var user = NewUser(fullName);
        AddTeamMember(user, teamRole, level);
        return user;
    }

    /// <summary>Deactivates a membership (the member leaves the team but the row stays), as the owner.</summary>
    public void DeactivateTeamMember(EntityReference member)
        => As(Rep).Update(new Entity(member.LogicalName, member.Id)
        {
            [LogicalNames.DealTeamMember.StateCode] = new OptionSetValue(StateCodes.Inactive),
            [LogicalNames.DealTeamMember.StatusCode] = new OptionSetValue(2),
        });

    /// <summary>
    /// Shares the opportunity with the user (and through the Share cascade its team-selling records), as
    /// the system. Use it to state "this user can open the deal" without depending on who grants it.
    /// </summary>
    public void GrantOpportunityAccess(EntityReference user, AccessRights rights = AccessRights.ReadAccess | AccessRights.WriteAccess | AccessRights.AppendAccess | AccessRights.AppendToAccess)
        => Crm.System.Execute(new GrantAccessRequest
        {
            Target = Opportunity,
            PrincipalAccess = new PrincipalAccess { Principal = user, AccessMask = rights },
        });

    /// <summary>A contact of the account (arranged: the customer's people exist before the deal).</summary>
    public EntityReference AddContact(string fullName, string? jobTitle = null)
    {
        var parts = fullName.Split(' ', 2);
        var contact = Crm.Arrange(new Entity(LogicalNames.Contact.LogicalName)
        {
            ["firstname"] = parts.Length > 1 ? parts[0] : null,
            ["lastname"] = parts.Length > 1 ? parts[1] : fullName,
            [LogicalNames.Contact.JobTitle] = jobTitle,
            ["parentcustomerid"] = Account,
            ["ownerid"] = Rep,
        });
        contacts.Add(contact);
        return contact;
    }
}
