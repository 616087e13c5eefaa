using System;
using System.IO;

namespace CrmTeamSelling.Plugins.Tests.TestSupport;

/// <summary>Where the repository's files are, found from the test's own folder (bin/...) upwards.</summary>
public static class RepositoryPaths
{
    private const string Marker = "CrmTeamSelling.sln";

    private static readonly Lazy<string> RootFolder = new(FindRoot);

    /// <summary>The folder holding CrmTeamSelling.sln.</summary>
    public static string Root => RootFolder.Value;

    /// <summary>Solution/src: the SolutionPackager layout the emulator loads, registrations as shipped.</summary>
    public static string SolutionSource => Path.Combine(Root, "Solution", "src");

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, Marker)))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No {Marker} above {AppContext.BaseDirectory}: run the tests from inside the repository.");
    }
}
