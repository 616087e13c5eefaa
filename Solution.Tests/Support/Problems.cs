using System.Collections.Generic;

namespace CrmTeamSelling.Solution.Tests.Support;

/// <summary>
/// Collects every problem a check finds so that one run lists them all, each saying where it is and
/// what to fix, instead of stopping at the first.
/// </summary>
internal sealed class Problems
{
    private readonly List<string> found = new();

    public void Add(string problem) => found.Add(problem);

    /// <summary>Records the problem when the condition does not hold.</summary>
    public void Expect(bool condition, string problem)
    {
        if (!condition)
        {
            found.Add(problem);
        }
    }

    public void AssertNone(string what)
    {
        if (found.Count > 0)
        {
            Assert.Fail($"{what}: {found.Count} problem(s).\n- " + string.Join("\n- ", found));
        }
    }
}
