using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using CrmTeamSelling.WebResources.Harness;
using Microsoft.Playwright;

namespace CrmTeamSelling.WebResources.Tool;

/// <summary>
/// screenshot: the stakeholder map of the realistic deal (or a generated one) as a PNG.
/// benchmark:  the map's render time and Web API request count for 30 and 300 stakeholders.
/// </summary>
public static class Program
{
    private const string Usage = """
        usage:
          screenshot [--out <png>] [--stakeholders <n>] [--width <px>] [--height <px>]
              The stakeholder map on the opportunity form, over the realistic deal (11 stakeholders)
              or a generated one with n stakeholders. Default out: docs/stakeholder-map.png.
          benchmark [--runs <n>] [--sizes 30,300]
              Opens the map on deals of each size n times (fresh page each) and prints the median
              and worst times and the number of Web API requests.
        """;

    public static async Task<int> Main(string[] args)
    {
        if (args.Length == 0 || args[0] is "-h" or "--help")
        {
            Console.WriteLine(Usage);
            return args.Length == 0 ? 2 : 0;
        }
        var options = ParseOptions(args.Skip(1).ToArray());
        try
        {
            return args[0] switch
            {
                "screenshot" => await ScreenshotAsync(options),
                "benchmark" => await BenchmarkAsync(options),
                _ => Fail($"unknown command '{args[0]}'.\n{Usage}"),
            };
        }
        catch (Exception e) when (e is InvalidOperationException or PlaywrightException or FormatException)
        {
            return Fail(e.Message);
        }
    }

    private static int Fail(string message)
    {
        Console.Error.WriteLine(message);
        return 1;
    }

    private static Dictionary<string, string> ParseOptions(string[] args)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
                throw new FormatException($"expected --name value pairs, got '{args[i]}'.\n{Usage}");
            options[args[i][2..]] = args[++i];
        }
        return options;
    }

    private static int IntOption(Dictionary<string, string> options, string name, int fallback) =>
        options.TryGetValue(name, out var text) ? int.TryParse(text, out var value) && value > 0 ? value : throw new FormatException($"--{name} must be a positive whole number, not '{text}'.") : fallback;

    private static async Task<int> ScreenshotAsync(Dictionary<string, string> options)
    {
        var output = Path.GetFullPath(options.TryGetValue("out", out var o) ? o : Path.Combine(HarnessPaths.RepoRoot, "docs", "stakeholder-map.png"));
        var count = IntOption(options, "stakeholders", 0);
        var width = IntOption(options, "width", 1280);
        var height = IntOption(options, "height", 680);
        var metadata = FakeMetadata.FromSolution();
        var deal = count == 0 ? Deals.Realistic(metadata) : Deals.Generated(metadata, count);
        await using var browser = await BrowserHost.LaunchAsync();
        await using var page = await browser.NewPageAsync(width, height);
        await page.InstallAsync(deal);
        await page.OpenOpportunityAsync(deal);
        var state = await page.WaitForMapAsync();
        if (state != "ready") return Fail($"the map ended in state '{state}', not ready: {string.Join("; ", page.Errors)}");
        Directory.CreateDirectory(Path.GetDirectoryName(output)!);
        // The map alone, as it sits in its form section, without the harness's notification strip.
        await page.Page.Locator("#map-frame").ScreenshotAsync(new LocatorScreenshotOptions { Path = output });
        Console.WriteLine($"{output}: the stakeholder map of '{(count == 0 ? "Northwind Traders – fleet telematics rollout" : $"a generated deal with {count} stakeholders")}' at {width}×{height}.");
        return 0;
    }

    private sealed record Run(double LoadToRenderedMs, double LoadToPaintedMs, double RenderMs, int Requests, int Cards, int Lines, int MapWidth, int MapHeight);

    private static async Task<int> BenchmarkAsync(Dictionary<string, string> options)
    {
        var runs = IntOption(options, "runs", 7);
        var sizes = (options.TryGetValue("sizes", out var s) ? s : "30,300").Split(',').Select(x => int.Parse(x.Trim())).ToArray();
        var metadata = FakeMetadata.FromSolution();
        await using var browser = await BrowserHost.LaunchAsync();
        Console.WriteLine("Stakeholder map: opened in a full window (data=id=<guid>), headless Chromium, 1440×900, fake Web API answering at once.");
        Console.WriteLine("load→rendered: from the map starting its requests to the DOM written; load→painted: to the next frame painted;");
        Console.WriteLine("render: layout and DOM writing alone. Median (worst) of " + runs + " runs, each in a fresh page after one warm-up.");
        Console.WriteLine();
        Console.WriteLine($"{"stakeholders",12} {"requests",9} {"load→rendered ms",18} {"load→painted ms",17} {"render ms",13} {"cards",6} {"lines",6} {"map px",12}");
        foreach (var size in sizes)
        {
            var deal = Deals.Generated(metadata, size);
            await MeasureAsync(browser, deal); // warm-up: JIT and caches of the browser
            var results = new List<Run>();
            for (var i = 0; i < runs; i++) results.Add(await MeasureAsync(browser, deal));
            string Stat(Func<Run, double> f) => $"{Median(results.Select(f)):0.0} ({results.Max(f):0.0})";
            var requests = results.Select(r => r.Requests).Distinct().ToArray();
            Console.WriteLine($"{size,12} {string.Join("/", requests),9} {Stat(r => r.LoadToRenderedMs),18} {Stat(r => r.LoadToPaintedMs),17} {Stat(r => r.RenderMs),13} {results[0].Cards,6} {results[0].Lines,6} {$"{results[0].MapWidth}×{results[0].MapHeight}",12}");
        }
        return 0;
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.OrderBy(v => v).ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private static async Task<Run> MeasureAsync(BrowserHost browser, DealScenario deal)
    {
        await using var page = await browser.NewPageAsync(1440, 900);
        await page.InstallAsync(deal);
        await page.LoadMapFrameAsync("?data=" + Uri.EscapeDataString("id=" + deal.OpportunityId));
        var state = await page.WaitForMapAsync();
        if (state != "ready") throw new InvalidOperationException($"the map ended in state '{state}': {string.Join("; ", page.Errors)}");
        var timing = await page.MapFrame.EvaluateAsync<double[]>(@"() => new Promise(resolve => requestAnimationFrame(() => requestAnimationFrame(() => {
            const start = performance.getEntriesByName('stakeholdermap:load-start')[0].startTime;
            const load = performance.getEntriesByName('stakeholdermap:load')[0];
            const render = performance.getEntriesByName('stakeholdermap:render')[0];
            resolve([load.startTime + load.duration - start, performance.now() - start, render.duration,
              document.querySelectorAll('.card').length, document.querySelectorAll('svg.reports-to path').length,
              document.getElementById('canvas').offsetWidth, document.getElementById('canvas').offsetHeight]);
        })))");
        var calls = await page.CallsAsync();
        return new Run(timing[0], timing[1], timing[2], calls.Count, (int)timing[3], (int)timing[4], (int)timing[5], (int)timing[6]);
    }
}
