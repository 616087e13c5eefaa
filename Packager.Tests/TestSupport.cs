using System;
using System.IO;

namespace CrmTeamSelling.Packager.Tests;

/// <summary>Paths the tests need, found from the repository root rather than the build output.</summary>
internal static class TestPaths
{
    public static string RepoRoot { get; } = FindRepoRoot();

    public static string TestData => Path.Combine(RepoRoot, "Packager.Tests", "TestData");

    /// <summary>Our own realistic layout, written by hand in SolutionPackager's format.</summary>
    public static string SampleLayout => Path.Combine(TestData, "SampleLayout");

    /// <summary>The product's own solution source.</summary>
    public static string SolutionSource => Path.Combine(RepoRoot, "Solution", "src");

    /// <summary>
    /// Microsoft's CustomizationsSolution.xsd and the schemas it includes live beside the repository
    /// (../shared/schemas), never inside it.
    /// </summary>
    public static string Schemas
    {
        get
        {
            var folder = Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "schemas"));
            if (!File.Exists(Path.Combine(folder, "CustomizationsSolution.xsd")))
                Assert.Fail($"The Dataverse schemas are not at {folder}. These tests need CustomizationsSolution.xsd and the schemas it includes in ../shared/schemas relative to the repository root.");
            return folder;
        }
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CrmTeamSelling.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("Could not find CrmTeamSelling.sln above " + AppContext.BaseDirectory);
    }
}

/// <summary>A throw-away copy of a layout that a test may break.</summary>
internal sealed class TempFolder : IDisposable
{
    private TempFolder(string path) => Root = path;

    public string Root { get; }

    public static TempFolder Create()
    {
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "packager-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return new TempFolder(path);
    }

    public static TempFolder CopyOf(string source)
    {
        var temp = Create();
        CopyDirectory(source, temp.Root);
        return temp;
    }

    public string File(string relative) => System.IO.Path.Combine(Root, relative.Replace('/', System.IO.Path.DirectorySeparatorChar));

    public void Edit(string relative, Func<string, string> change)
    {
        var file = File(relative);
        var before = System.IO.File.ReadAllText(file);
        var after = change(before);
        if (after == before) throw new InvalidOperationException($"The edit of {relative} changed nothing; the test's search text is stale.");
        System.IO.File.WriteAllText(file, after);
    }

    public static void CopyDirectory(string source, string target)
    {
        foreach (var dir in Directory.GetDirectories(source, "*", SearchOption.AllDirectories))
            Directory.CreateDirectory(dir.Replace(source, target));
        foreach (var file in Directory.GetFiles(source, "*", SearchOption.AllDirectories))
            System.IO.File.Copy(file, file.Replace(source, target), overwrite: true);
    }

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
