using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using CrmTeamSelling.Sdk.Tests.Support;

namespace CrmTeamSelling.Sdk.Tests;

/// <summary>
/// Our SDK may declare only what the official 9.0.2.x SDK declares, exactly as it declares it.
/// ExpectedPublicSurface.txt is that list, reviewed against the official API reference; these
/// tests fail on any public or protected member added, removed or changed in either target
/// framework, so a change to the surface is always a deliberate, reviewed edit of that file.
/// </summary>
[TestClass]
public sealed class PublicSurfaceTests
{
    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public void ModernAssembliesDeclareExactlyTheReviewedSurface()
    {
        IReadOnlyList<string> actual = SdkAssemblies.Names
            .SelectMany(name => Describe(Assembly.Load(name)))
            .ToList();

        AssertMatchesExpected(actual, "modern");
    }

    [TestMethod]
    public void Net462AssembliesDeclareExactlyTheReviewedSurface()
    {
        using MetadataLoadContext context = SdkAssemblies.CreateNet462Context();
        IReadOnlyList<string> actual = SdkAssemblies.Names
            .SelectMany(name => Describe(context.LoadFromAssemblyPath(SdkAssemblies.Net462Path(name))))
            .ToList();

        AssertMatchesExpected(actual, "net462");
    }

    private static IEnumerable<string> Describe(Assembly assembly)
    {
        return PublicSurface.Describe(assembly).Select(line => "[" + assembly.GetName().Name + "] " + line);
    }

    private static string List(IReadOnlyCollection<string> lines)
    {
        return lines.Count == 0 ? "(none)" : string.Join("\n  ", lines);
    }

    private void AssertMatchesExpected(IReadOnlyList<string> actual, string target)
    {
        string expectedPath = Path.Combine(AppContext.BaseDirectory, "ExpectedPublicSurface.txt");
        List<string> expected = File.ReadAllLines(expectedPath)
            .Where(line => line.Length > 0 && !line.StartsWith("#", StringComparison.Ordinal))
            .ToList();

        List<string> added = actual.Except(expected, StringComparer.Ordinal).ToList();
        List<string> missing = expected.Except(actual, StringComparer.Ordinal).ToList();
        if (added.Count == 0 && missing.Count == 0)
        {
            return;
        }

        string actualPath = Path.Combine(TestContext.TestRunResultsDirectory ?? AppContext.BaseDirectory, "ActualPublicSurface." + target + ".txt");
        File.WriteAllLines(actualPath, actual);
        Assert.Fail(
            "The " + target + " SDK surface differs from Sdk.Tests/ExpectedPublicSurface.txt.\n" +
            "Declared but not in the reviewed list (remove it, or check the official SDK declares it and add it to the list):\n  " +
            List(added) + "\n" +
            "In the reviewed list but not declared:\n  " + List(missing) + "\n" +
            "The full actual surface is in " + actualPath + ".");
    }
}
