using System;
using System.Collections.Generic;
using System.Linq;

namespace CrmTeamSelling.Emulator.Security;

/// <summary>How far a privilege reaches: the user's own rows, their business unit, its children, or the organisation.</summary>
public enum PrivilegeDepth
{
    /// <summary>User (Basic): rows the user or one of their teams owns, or that are shared with them.</summary>
    Basic = 1,
    /// <summary>Business unit (Local): rows owned in the user's business unit.</summary>
    Local = 2,
    /// <summary>Parent: child business units (Deep): rows owned in the user's business unit or any below it.</summary>
    Deep = 3,
    /// <summary>Organisation (Global): every row.</summary>
    Global = 4,
}

/// <summary>The operations a privilege grants, named as Dataverse names them in privilege names (prvAppendTo...).</summary>
public enum PrivilegeAction
{
    Create,
    Read,
    Write,
    Delete,
    Append,
    AppendTo,
    Assign,
    Share,
}

/// <summary>
/// A security role: a name and privileges with depths. Privilege names follow Dataverse:
/// prv{Action}{Table}, where Table is the table's schema name (Activity for activities, User for systemuser).
/// </summary>
public sealed class SecurityRole
{
    private static readonly PrivilegeAction[] ActionsLongestFirst =
        Enum.GetValues<PrivilegeAction>().OrderByDescending(a => a.ToString().Length).ToArray();

    private readonly Dictionary<string, PrivilegeDepth> privileges = new(StringComparer.OrdinalIgnoreCase);

    public SecurityRole(Guid id, string name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new ArgumentException("A security role needs a name.", nameof(name));
        }

        Id = id == Guid.Empty ? Guid.NewGuid() : id;
        Name = name;
    }

    public Guid Id { get; }

    public string Name { get; }

    /// <summary>Grows with every grant, so access checks that cached this role's privileges know to look again.</summary>
    public int Revision { get; private set; }

    /// <summary>Privilege name to depth, e.g. prvReadOpportunity → Global.</summary>
    public IReadOnlyDictionary<string, PrivilegeDepth> Privileges => privileges;

    /// <summary>Grants a privilege by name (prvReadOpportunity) at a depth; a second grant keeps the deeper one.</summary>
    public SecurityRole Grant(string privilegeName, PrivilegeDepth depth)
    {
        if (string.IsNullOrWhiteSpace(privilegeName) || !privilegeName.StartsWith("prv", StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException($"Role '{Name}': '{privilegeName}' is not a privilege name; privileges are named prv{{Action}}{{Table}}, e.g. prvReadOpportunity.", nameof(privilegeName));
        }

        if (!privileges.TryGetValue(privilegeName, out var existing) || existing < depth)
        {
            privileges[privilegeName] = depth;
            Revision++;
        }

        return this;
    }

    /// <summary>Grants an action on a table (by its privilege name: Opportunity, Activity, tsell_DealTeamMember...).</summary>
    public SecurityRole Grant(PrivilegeAction action, string tablePrivilegeName, PrivilegeDepth depth)
        => Grant(PrivilegeNameOf(action, tablePrivilegeName), depth);

    /// <summary>Grants every action on a table at one depth.</summary>
    public SecurityRole GrantAll(string tablePrivilegeName, PrivilegeDepth depth)
    {
        foreach (var action in Enum.GetValues<PrivilegeAction>())
        {
            Grant(action, tablePrivilegeName, depth);
        }

        return this;
    }

    public PrivilegeDepth? DepthOf(string privilegeName) => privileges.TryGetValue(privilegeName, out var depth) ? depth : null;

    public static string PrivilegeNameOf(PrivilegeAction action, string tablePrivilegeName) => "prv" + action + tablePrivilegeName;

    /// <summary>Reads a depth as role files and people write it: Basic/User, Local/BusinessUnit, Deep/Parent, Global/Organization.</summary>
    public static PrivilegeDepth ParseDepth(string level, string where) => level.Trim().ToLowerInvariant() switch
    {
        "basic" or "user" => PrivilegeDepth.Basic,
        "local" or "businessunit" or "business unit" => PrivilegeDepth.Local,
        "deep" or "parent" or "parentchild" or "parent: child business units" => PrivilegeDepth.Deep,
        "global" or "organization" or "organisation" => PrivilegeDepth.Global,
        _ => throw new InvalidOperationException($"{where}: privilege level '{level}' is not one of Basic, Local, Deep, Global."),
    };

    /// <summary>Splits prvAppendToAccount into (AppendTo, "Account"); null for privileges that are not about a table action.</summary>
    public static (PrivilegeAction Action, string Table)? SplitPrivilegeName(string privilegeName)
    {
        if (!privilegeName.StartsWith("prv", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var rest = privilegeName.Substring(3);
        foreach (var action in ActionsLongestFirst)
        {
            var name = action.ToString();
            if (rest.StartsWith(name, StringComparison.OrdinalIgnoreCase) && rest.Length > name.Length)
            {
                return (action, rest.Substring(name.Length));
            }
        }

        return null;
    }

    public override string ToString() => Name;
}
