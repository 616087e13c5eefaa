namespace CrmTeamSelling.Plugins.DealSolution
{
    /// <summary>What an accepted update does to the deal solution's version.</summary>
    public sealed class DealSolutionChange
    {
        private DealSolutionChange(int currentVersion, bool createsVersion, string? composedChangeSummary)
        {
            CurrentVersion = currentVersion;
            CreatesVersion = createsVersion;
            ComposedChangeSummary = composedChangeSummary;
        }

        /// <summary>The version before the update.</summary>
        public int CurrentVersion { get; }

        /// <summary>True when the update changes the content or reopens the solution: a new version and a revision.</summary>
        public bool CreatesVersion { get; }

        /// <summary>The version after the update.</summary>
        public int ResultingVersion => CreatesVersion ? CurrentVersion + 1 : CurrentVersion;

        /// <summary>The change summary Team Selling writes when the editor gave none (a reopening explains itself by its reason); null otherwise.</summary>
        public string? ComposedChangeSummary { get; }

        public static DealSolutionChange WithoutNewVersion(int currentVersion) => new DealSolutionChange(currentVersion, false, null);

        public static DealSolutionChange NewVersion(int currentVersion, string? composedChangeSummary) => new DealSolutionChange(currentVersion, true, composedChangeSummary);
    }
}
