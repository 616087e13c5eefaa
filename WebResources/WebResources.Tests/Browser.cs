using System.Threading.Tasks;
using CrmTeamSelling.WebResources.Harness;

namespace CrmTeamSelling.WebResources.Tests;

/// <summary>One Chromium for the whole test run; every test gets its own browser context (cookies, storage, routes).</summary>
[TestClass]
public static class Browser
{
    private static BrowserHost? host;
    private static FakeMetadata? metadata;

    public static BrowserHost Host => host ?? throw new System.InvalidOperationException("The browser was not launched.");

    /// <summary>Solution/src read once: the tables, choices and custom APIs the fake Web API serves.</summary>
    public static FakeMetadata Metadata => metadata ??= FakeMetadata.FromSolution();

    [AssemblyInitialize]
    public static async Task LaunchAsync(TestContext _)
    {
        host = await BrowserHost.LaunchAsync();
    }

    [AssemblyCleanup]
    public static async Task CloseAsync()
    {
        if (host is not null) await host.DisposeAsync();
    }
}
