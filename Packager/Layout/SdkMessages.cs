using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace CrmTeamSelling.Packager.Layout;

/// <summary>
/// Step files name their message only by SdkMessageId. The ids of the platform's own messages are
/// the same in every org; these are the ones Microsoft Learn lists ("Use messages with the SDK for
/// .NET", message support for the account table). Any other message (a custom API, an action) is
/// recognised from the step name the Plugin Registration Tool writes: "&lt;type&gt;: &lt;Message&gt; of &lt;table&gt;".
/// </summary>
public static class SdkMessages
{
    private static readonly IReadOnlyDictionary<Guid, string> NamesById = new Dictionary<Guid, string>
    {
        [new Guid("8cbdbb1b-ea3e-db11-86a7-000a3a5473e8")] = "Assign",
        [new Guid("9ebdbb1b-ea3e-db11-86a7-000a3a5473e8")] = "Create",
        [new Guid("a1bdbb1b-ea3e-db11-86a7-000a3a5473e8")] = "Delete",
        [new Guid("c5bdbb1b-ea3e-db11-86a7-000a3a5473e8")] = "GrantAccess",
        [new Guid("dbbdbb1b-ea3e-db11-86a7-000a3a5473e8")] = "Merge",
        [new Guid("dcbdbb1b-ea3e-db11-86a7-000a3a5473e8")] = "ModifyAccess",
        [new Guid("f2bdbb1b-ea3e-db11-86a7-000a3a5473e8")] = "Retrieve",
        [new Guid("03bebb1b-ea3e-db11-86a7-000a3a5473e8")] = "RetrieveMultiple",
        [new Guid("04bebb1b-ea3e-db11-86a7-000a3a5473e8")] = "RetrievePrincipalAccess",
        [new Guid("10bebb1b-ea3e-db11-86a7-000a3a5473e8")] = "RetrieveSharedPrincipalsAndAccess",
        [new Guid("11bebb1b-ea3e-db11-86a7-000a3a5473e8")] = "RevokeAccess",
        [new Guid("1cbebb1b-ea3e-db11-86a7-000a3a5473e8")] = "SetState",
        [new Guid("1dbebb1b-ea3e-db11-86a7-000a3a5473e8")] = "SetStateDynamicEntity",
        [new Guid("20bebb1b-ea3e-db11-86a7-000a3a5473e8")] = "Update",
    };

    private static readonly Regex RegistrationToolStepName = new(@"^(?<type>.+?):\s*(?<message>[A-Za-z0-9_]+)\s+of\s+(?<table>.+)$", RegexOptions.CultureInvariant);

    public static IReadOnlyCollection<string> WellKnownNames => NamesById.Values.ToList();

    public static string? NameOf(Guid messageId) => NamesById.TryGetValue(messageId, out var name) ? name : null;

    public static Guid? IdOf(string messageName) =>
        NamesById.Where(p => string.Equals(p.Value, messageName, StringComparison.OrdinalIgnoreCase)).Select(p => (Guid?)p.Key).FirstOrDefault();

    /// <summary>The message a step name in the Plugin Registration Tool's pattern mentions, or null.</summary>
    public static string? FromStepName(string stepName)
    {
        var match = RegistrationToolStepName.Match(stepName.Trim());
        return match.Success ? match.Groups["message"].Value : null;
    }
}
