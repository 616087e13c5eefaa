using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using CrmTeamSelling.WebResources.Harness;
using Microsoft.Playwright;

namespace CrmTeamSelling.WebResources.Tests;

/// <summary>The stakeholder map on the opportunity's Team Selling form, on Northwind's realistic deal.</summary>
[TestClass]
public sealed class StakeholderMapTests
{
    public TestContext TestContext { get; set; } = null!;

    private sealed record Card(string Id, string Name, string Title, string Stance, string StanceClass, string Influence, string Role,
        string Counterpart, string? GapBadge, int Row, int Column, double X, double Y, double Width, double Height, string AriaLabel, bool KeyRole);

    private static async Task<(XrmPage Page, DealScenario Deal)> OpenRealisticAsync(int width = 1400, int height = 900, Action<DealScenario>? change = null)
    {
        var deal = Deals.Realistic(Browser.Metadata);
        change?.Invoke(deal);
        var page = await Browser.Host.NewPageAsync(width, height);
        await page.InstallAsync(deal);
        await page.OpenOpportunityAsync(deal);
        Assert.AreEqual("ready", await page.WaitForMapAsync());
        return (page, deal);
    }

    private static async Task<IReadOnlyList<Card>> CardsAsync(XrmPage page)
    {
        var json = await page.MapFrame.EvaluateAsync<JsonElement>(@"() => [...document.querySelectorAll('.card')].map(c => {
            const r = c.getBoundingClientRect();
            const text = sel => (c.querySelector(sel)?.textContent ?? '');
            return { id: c.dataset.id, name: text('.name'), title: text('.job-title'), stance: text('.stance'),
              stanceClass: [...c.querySelector('.stance').classList].find(x => x.startsWith('stance-')),
              influence: text('.influence'), role: text('.role'), counterpart: text('.counterpart'),
              gapBadge: c.querySelector('.gap-badge')?.textContent ?? null, row: +c.dataset.row, column: +c.dataset.column,
              x: r.x, y: r.y, width: r.width, height: r.height, ariaLabel: c.getAttribute('aria-label'),
              keyRole: c.classList.contains('key-role') };
        })");
        return json.EnumerateArray().Select(c => new Card(
            c.GetProperty("id").GetString()!, c.GetProperty("name").GetString()!, c.GetProperty("title").GetString()!,
            c.GetProperty("stance").GetString()!, c.GetProperty("stanceClass").GetString()!, c.GetProperty("influence").GetString()!,
            c.GetProperty("role").GetString()!, c.GetProperty("counterpart").GetString()!,
            c.GetProperty("gapBadge").ValueKind == JsonValueKind.Null ? null : c.GetProperty("gapBadge").GetString(),
            c.GetProperty("row").GetInt32(), c.GetProperty("column").GetInt32(),
            c.GetProperty("x").GetDouble(), c.GetProperty("y").GetDouble(), c.GetProperty("width").GetDouble(), c.GetProperty("height").GetDouble(),
            c.GetProperty("ariaLabel").GetString()!, c.GetProperty("keyRole").GetBoolean())).ToList();
    }

    private static async Task<string[]> TextsAsync(XrmPage page, string selector) =>
        (await page.MapFrame.EvaluateAsync<string[]>($"() => [...document.querySelectorAll('{selector}')].map(e => e.textContent)"));

    private static Card CardOf(IReadOnlyList<Card> cards, DealScenario deal, string key) =>
        cards.Single(c => c.Id == deal.StakeholderId(key).ToString());

    [TestMethod]
    public async Task Lays_out_the_realistic_deal_by_level_rows_and_department_columns()
    {
        var (page, deal) = await OpenRealisticAsync();
        await using var _ = page;
        var cards = await CardsAsync(page);

        Assert.HasCount(11, cards);
        CollectionAssert.AreEqual(new[] { "Executive", "Director", "Manager", "Staff" }, await TextsAsync(page, ".row-header"));
        CollectionAssert.AreEqual(new[] { "Finance", "IT", "Operations" }, await TextsAsync(page, ".column-header"));

        var levels = new[] { "Executive", "Director", "Manager", "Staff" };
        var departments = new[] { "Finance", "IT", "Operations" };
        foreach (var s in deal.Stakeholders)
        {
            var card = CardOf(cards, deal, s.Key);
            Assert.AreEqual(Array.IndexOf(levels, s.Level), card.Row, $"{s.Name}'s row");
            Assert.AreEqual(Array.IndexOf(departments, s.Department), card.Column, $"{s.Name}'s column");
        }
        // Geometry agrees with the rows and columns: a higher level sits strictly above, a later
        // department strictly to the right, and no two cards overlap.
        foreach (var a in cards)
        foreach (var b in cards.Where(b => b != a))
        {
            if (a.Row < b.Row) Assert.IsLessThanOrEqualTo(b.Y, a.Y + a.Height, $"{a.Name} (row {a.Row}) should be above {b.Name} (row {b.Row})");
            if (a.Column < b.Column) Assert.IsLessThanOrEqualTo(b.X, a.X + a.Width, $"{a.Name} (column {a.Column}) should be left of {b.Name}");
            var overlap = a.X < b.X + b.Width && b.X < a.X + a.Width && a.Y < b.Y + b.Height && b.Y < a.Y + a.Height;
            Assert.IsFalse(overlap, $"{a.Name} and {b.Name} overlap");
        }
        Assert.IsEmpty(page.Errors, string.Join("\n", page.Errors));
        Assert.IsEmpty(page.UnexpectedRequests, string.Join("\n", page.UnexpectedRequests));
    }

    [TestMethod]
    public async Task Draws_one_reports_to_line_per_reporting_line_from_manager_to_report()
    {
        var (page, deal) = await OpenRealisticAsync();
        await using var _ = page;
        var lines = await page.MapFrame.EvaluateAsync<JsonElement>(
            "() => [...document.querySelectorAll('svg.reports-to path')].map(p => ({ from: p.dataset.from, to: p.dataset.to, d: p.getAttribute('d') }))");
        var expected = deal.Stakeholders.Where(s => s.ReportsTo is not null)
            .Select(s => (From: deal.StakeholderId(s.ReportsTo!).ToString(), To: deal.StakeholderId(s.Key).ToString())).OrderBy(x => x.To).ToList();
        var actual = lines.EnumerateArray().Select(l => (From: l.GetProperty("from").GetString()!, To: l.GetProperty("to").GetString()!)).OrderBy(x => x.To).ToList();
        Assert.HasCount(9, expected);
        CollectionAssert.AreEqual(expected, actual);

        // Each line starts at the bottom centre of the manager's card and ends at the top centre of the report's.
        var cards = await CardsAsync(page);
        var canvas = await page.MapFrame.EvaluateAsync<JsonElement>("() => { const r = document.getElementById('canvas').getBoundingClientRect(); return { x: r.x, y: r.y }; }");
        double cx = canvas.GetProperty("x").GetDouble(), cy = canvas.GetProperty("y").GetDouble();
        foreach (var line in lines.EnumerateArray())
        {
            var from = cards.Single(c => c.Id == line.GetProperty("from").GetString());
            var to = cards.Single(c => c.Id == line.GetProperty("to").GetString());
            var numbers = line.GetProperty("d").GetString()!.Split(new[] { 'M', 'C', ' ' }, StringSplitOptions.RemoveEmptyEntries).Select(double.Parse).ToArray();
            Assert.AreEqual(from.X - cx + from.Width / 2, numbers[0], 1.0, $"line {from.Name} → {to.Name} starts at the manager's centre");
            Assert.AreEqual(from.Y - cy + from.Height, numbers[1], 1.0, $"line {from.Name} → {to.Name} starts at the manager's bottom");
            Assert.AreEqual(to.X - cx + to.Width / 2, numbers[^2], 1.0, $"line {from.Name} → {to.Name} ends at the report's centre");
            Assert.AreEqual(to.Y - cy, numbers[^1], 1.0, $"line {from.Name} → {to.Name} ends at the report's top");
        }
    }
}
