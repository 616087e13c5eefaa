using System.Linq;

namespace CrmTeamSelling.Plugins.Common
{
    /// <summary>
    /// Builds the primary names plugins keep on team-selling records ("Jane Doe – Sales Manager"):
    /// parts joined by an en dash, empty parts left out, cut to the column's length so a long job title
    /// never makes a save fail.
    /// </summary>
    public static class PrimaryName
    {
        /// <summary>The length of every tsell_name column in the solution.</summary>
        public const int MaxLength = 200;

        public const string Separator = " – ";

        /// <summary>"head – detail", or just the head when there is no detail.</summary>
        public static string Compose(string head, params string?[] details)
        {
            var detail = string.Join(", ", details.Where(d => !string.IsNullOrWhiteSpace(d)).Select(d => d!.Trim()));
            return Fit(detail.Length == 0 ? head.Trim() : head.Trim() + Separator + detail);
        }

        public static string Fit(string name) => name.Length <= MaxLength ? name : name.Substring(0, MaxLength - 1) + "…";
    }
}
