using System;
using System.IO;
using System.Linq;
using System.Reflection;

namespace CrmTeamSelling.WebResources.Harness;

/// <summary>Where the built web resources, the harness page and the solution source are.</summary>
public static class HarnessPaths
{
    /// <summary>The repository root: CRMTS_REPO_ROOT if set, else the folder this assembly was built from.</summary>
    public static string RepoRoot { get; } = FindRepoRoot();

    public static string WebResources => Path.Combine(RepoRoot, "WebResources");
    /// <summary>Built web resources, named as in the solution (tsell_/stakeholdermap/index.html ...).</summary>
    public static string Dist => Path.Combine(WebResources, "dist");
    public static string HarnessPage => Path.Combine(WebResources, "WebResources.Harness", "page");
    /// <summary>The SolutionPackager layout whose metadata FakeXrm serves: Solution/src, or CRMTS_SOLUTION_SRC (e.g. an export unpacked from a real org).</summary>
    public static string SolutionSource =>
        Environment.GetEnvironmentVariable("CRMTS_SOLUTION_SRC") is { Length: > 0 } other ? other : Path.Combine(RepoRoot, "Solution", "src");

    private static string FindRepoRoot()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("CRMTS_REPO_ROOT");
        if (!string.IsNullOrEmpty(fromEnvironment)) return fromEnvironment;
        var built = typeof(HarnessPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "RepoRoot")?.Value;
        if (!string.IsNullOrEmpty(built) && File.Exists(Path.Combine(built, "CrmTeamSelling.sln"))) return built;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CrmTeamSelling.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("Cannot find the repository root (CrmTeamSelling.sln). Set CRMTS_REPO_ROOT.");
    }

    public static void RequireBuiltWebResources()
    {
        var map = Path.Combine(Dist, "tsell_", "stakeholdermap", "index.html");
        var fake = Path.Combine(HarnessPage, "out", "fake-xrm.js");
        foreach (var file in new[] { map, fake })
        {
            if (!File.Exists(file))
                throw new InvalidOperationException($"{file} does not exist: build the web resources first (dotnet build WebResources/WebResources.csproj).");
        }
    }
}
