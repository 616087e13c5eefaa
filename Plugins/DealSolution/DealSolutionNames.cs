using System.Globalization;
using CrmTeamSelling.Plugins.Common;

namespace CrmTeamSelling.Plugins.DealSolution
{
    /// <summary>
    /// The names Team Selling keeps on the deal solution and the rows that follow it:
    /// "Contoso ERP rollout – v3" (opportunity – version) and "Jane Doe – v3" (reader – version).
    /// </summary>
    public static class DealSolutionNames
    {
        public static string Versioned(string? head, int version) =>
            PrimaryName.Compose(string.IsNullOrWhiteSpace(head) ? "Deal solution" : head!, "v" + version.ToString(CultureInfo.InvariantCulture));
    }
}
