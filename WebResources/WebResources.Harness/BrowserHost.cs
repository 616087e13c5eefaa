using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Threading.Tasks;
using Microsoft.Playwright;

namespace CrmTeamSelling.WebResources.Harness;

/// <summary>
/// Headless Chromium from the machine (Debian's /usr/bin/chromium; CHROMIUM_PATH overrides), driven
/// by Playwright. Pages live on a made-up org origin, https://contoso.crm.test, whose requests
/// Playwright answers from disk: /WebResources/&lt;name&gt; from WebResources/dist (as Dataverse serves
/// web resources), /harness/&lt;file&gt; from the harness page folder. Nothing goes to the network.
/// </summary>
public sealed class BrowserHost : IAsyncDisposable
{
    public const string Origin = "https://contoso.crm.test";

    public static readonly string[] ChromiumArgs =
    {
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run",
    };

    private readonly IPlaywright playwright;
    private readonly IBrowser browser;

    private BrowserHost(IPlaywright playwright, IBrowser browser)
    {
        this.playwright = playwright;
        this.browser = browser;
    }

    public static string ChromiumPath
    {
        get
        {
            var path = Environment.GetEnvironmentVariable("CHROMIUM_PATH");
            return string.IsNullOrEmpty(path) ? "/usr/bin/chromium" : path;
        }
    }

    public static async Task<BrowserHost> LaunchAsync()
    {
        HarnessPaths.RequireBuiltWebResources();
        if (!File.Exists(ChromiumPath))
            throw new InvalidOperationException($"Chromium was not found at {ChromiumPath}. Install it (apt-get install chromium) or set CHROMIUM_PATH.");
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArgs,
        });
        return new BrowserHost(playwright, browser);
    }

    /// <summary>A fresh browser context and page of the given size, serving the web resources.</summary>
    public async Task<XrmPage> NewPageAsync(int width = 1280, int height = 800)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            DeviceScaleFactor = 1,
            Locale = "en-US",
        });
        var unexpected = new ConcurrentQueue<string>();
        await context.RouteAsync("**/*", route => Serve(route, unexpected));
        var page = await context.NewPageAsync();
        var errors = new ConcurrentQueue<string>();
        page.PageError += (_, message) => errors.Enqueue(message);
        page.Console += (_, message) =>
        {
            if (message.Type == "error") errors.Enqueue(message.Text);
        };
        return new XrmPage(context, page, errors, unexpected);
    }

    private static readonly Dictionary<string, string> ContentTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        [".html"] = "text/html; charset=utf-8",
        [".js"] = "application/javascript; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".png"] = "image/png",
        [".svg"] = "image/svg+xml",
    };

    private static async Task Serve(IRoute route, ConcurrentQueue<string> unexpected)
    {
        var url = new Uri(route.Request.Url);
        var file = $"{url.Scheme}://{url.Authority}" == Origin ? Resolve(Uri.UnescapeDataString(url.AbsolutePath)) : null;
        if (file is null || !File.Exists(file))
        {
            unexpected.Enqueue(route.Request.Url);
            await route.FulfillAsync(new RouteFulfillOptions { Status = 404, Body = "Not found: " + route.Request.Url });
            return;
        }
        ContentTypes.TryGetValue(Path.GetExtension(file), out var contentType);
        await route.FulfillAsync(new RouteFulfillOptions
        {
            Status = 200,
            ContentType = contentType ?? "application/octet-stream",
            BodyBytes = await File.ReadAllBytesAsync(file),
        });
    }

    private static string? Resolve(string path)
    {
        static string? Under(string root, string relative)
        {
            var full = Path.GetFullPath(Path.Combine(root, relative));
            return full.StartsWith(Path.GetFullPath(root), StringComparison.Ordinal) ? full : null;
        }
        if (path.StartsWith("/WebResources/", StringComparison.Ordinal)) return Under(HarnessPaths.Dist, path["/WebResources/".Length..]);
        if (path.StartsWith("/harness/", StringComparison.Ordinal)) return Under(HarnessPaths.HarnessPage, path["/harness/".Length..]);
        return null;
    }

    public async ValueTask DisposeAsync()
    {
        await browser.CloseAsync();
        playwright.Dispose();
    }
}
