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

    private static readonly Dictionary<string, string> StanceClasses = new()
    {
        ["Champion"] = "stance-champion", ["Supporter"] = "stance-supporter", ["Neutral"] = "stance-neutral",
        ["Skeptic"] = "stance-skeptic", ["Opponent"] = "stance-opponent", ["Unknown"] = "stance-unknown",
    };

    [TestMethod]
    public async Task Shows_stance_role_influence_counterpart_and_gaps_in_words_and_symbols()
    {
        var (page, deal) = await OpenRealisticAsync();
        await using var _ = page;
        var cards = await CardsAsync(page);
        var keyRoles = new[] { "Economic buyer", "Decision maker", "Approver" };
        foreach (var s in deal.Stakeholders)
        {
            var card = CardOf(cards, deal, s.Key);
            Assert.AreEqual(s.Name, card.Name);
            Assert.AreEqual(s.JobTitle, card.Title);
            Assert.AreEqual(StanceClasses[s.Stance ?? "Unknown"], card.StanceClass, $"{s.Name}'s stance symbol and colour");
            var stanceText = s.Stance is null or "Unknown" ? "Stance unknown" : deal.Label(Names.Stakeholder, Names.Stance, s.Stance);
            StringAssert.EndsWith(card.Stance, stanceText, $"{s.Name}'s stance label");
            Assert.AreEqual(deal.Label(Names.Stakeholder, Names.BuyingRole, s.BuyingRole!), card.Role, $"{s.Name}'s role");
            Assert.AreEqual(keyRoles.Contains(s.BuyingRole, StringComparer.OrdinalIgnoreCase), card.KeyRole, $"{s.Name}: key role marked");
            StringAssert.EndsWith(card.Influence, deal.Label(Names.Stakeholder, Names.Influence, s.Influence!), $"{s.Name}'s influence label");
            var meter = s.Influence switch { "High" => "●●●", "Medium" => "●●○", _ => "●○○" };
            StringAssert.StartsWith(card.Influence, meter, $"{s.Name}'s influence meter");

            var pairing = deal.Pairings.SingleOrDefault(p => p.Stakeholder == s.Key);
            if (pairing is null) Assert.AreEqual("⇄No counterpart", card.Counterpart, $"{s.Name} has no counterpart");
            else
            {
                var member = new Dictionary<string, string> { ["maya"] = "Maya Lindqvist", ["tom"] = "Tom Becker", ["grace"] = "Grace Okafor", ["ravi"] = "Ravi Shah" }[pairing.Member];
                StringAssert.Contains(card.Counterpart, member, $"{s.Name}'s counterpart");
                StringAssert.EndsWith(card.Counterpart, deal.Label(Names.Counterpart, Names.RelationshipStrength, pairing.Strength!), $"{s.Name}'s relationship strength");
            }
            var gaps = deal.Gaps.Count(g => g.StakeholderKey == s.Key);
            Assert.AreEqual(gaps == 0 ? null : $"⚠{gaps} gap{(gaps == 1 ? "" : "s")}", card.GapBadge, $"{s.Name}'s gaps");
            StringAssert.Contains(card.AriaLabel, $"stance {(s.Stance is null ? "unknown" : deal.Label(Names.Stakeholder, Names.Stance, s.Stance))}");
            if (s.ReportsTo is not null)
                StringAssert.Contains(card.AriaLabel, "reports to " + deal.Stakeholders.Single(m => m.Key == s.ReportsTo).Name, $"{s.Name}'s manager is read out");
        }
        // Daniel Kim's gap is an error (a key stakeholder without a counterpart): marked as such.
        var danielClasses = await page.MapFrame.EvaluateAsync<string>($"() => document.querySelector('.card[data-id=\"{deal.StakeholderId("daniel")}\"]').className");
        StringAssert.Contains(danielClasses, "gap-error");
        StringAssert.Contains(await page.MapFrame.InnerTextAsync("#summary"), "readiness 64/100");
    }

    [TestMethod]
    public async Task Renders_names_and_departments_with_markup_as_text()
    {
        const string evilName = "<img src=x onerror=\"window.parent.__xss = 1\"><b>Bobby</b> Tables";
        const string evilDepartment = "<script>window.parent.__xss = 2</script>R&D";
        var (page, deal) = await OpenRealisticAsync(change: d => d.WithStakeholders(
            new StakeholderSpec("evil", evilName, "<i>Head</i> of \"Stuff\"", evilDepartment, "Manager", "User", "Low", "Neutral", "marcus")));
        await using var _ = page;
        var card = CardOf(await CardsAsync(page), deal, "evil");
        Assert.AreEqual(evilName, card.Name);
        Assert.AreEqual("<i>Head</i> of \"Stuff\"", card.Title);
        CollectionAssert.Contains(await TextsAsync(page, ".column-header"), evilDepartment);
        Assert.AreEqual(0, await page.MapFrame.EvaluateAsync<int>("() => document.querySelectorAll('#canvas img, #canvas b, #canvas i, #canvas script').length"));
        Assert.IsTrue(await page.Page.EvaluateAsync<bool>("() => window.__xss === undefined"), "markup in a name ran");
        StringAssert.StartsWith(card.AriaLabel, evilName);
    }

    [TestMethod]
    public async Task Clicking_a_card_opens_that_stakeholder()
    {
        var (page, deal) = await OpenRealisticAsync();
        await using var _ = page;
        await page.ClearCallsAsync();
        await page.Map.Locator($".card[data-id='{deal.StakeholderId("chen")}'] .name").ClickAsync();
        var opened = (await page.CallsAsync()).Where(c => c.Api == "Navigation.openForm").ToList();
        Assert.HasCount(1, opened);
        var options = opened[0].Args!.Value[0];
        Assert.AreEqual(Names.Stakeholder, options.GetProperty("entityName").GetString());
        Assert.AreEqual(deal.StakeholderId("chen").ToString(), options.GetProperty("entityId").GetString());
    }

    [TestMethod]
    public async Task Keyboard_moves_between_cards_and_Enter_or_Space_opens_the_focused_one()
    {
        var (page, deal) = await OpenRealisticAsync();
        await using var _ = page;
        async Task<string?> Focused() => await page.MapFrame.EvaluateAsync<string?>("() => document.activeElement?.dataset?.id ?? null");
        var tabStops = await page.MapFrame.EvaluateAsync<int>("() => document.querySelectorAll('.card[tabindex=\"0\"]').length");
        Assert.AreEqual(1, tabStops, "the map is one tab stop (roving tabindex), not one per card");

        await page.MapFrame.FocusAsync("#full-window");
        await page.Page.Keyboard.PressAsync("Tab");
        Assert.AreEqual(deal.StakeholderId("helen").ToString(), await Focused(), "Tab enters the map at the first card (top left)");
        await page.Page.Keyboard.PressAsync("ArrowRight");
        Assert.AreEqual(deal.StakeholderId("marcus").ToString(), await Focused(), "ArrowRight: next card in reading order");
        await page.Page.Keyboard.PressAsync("ArrowDown");
        Assert.AreEqual(deal.StakeholderId("sofia").ToString(), await Focused(), "ArrowDown: the nearest card one line below");
        await page.Page.Keyboard.PressAsync("ArrowLeft");
        Assert.AreEqual(deal.StakeholderId("priya").ToString(), await Focused(), "ArrowLeft: previous card");
        await page.Page.Keyboard.PressAsync("End");
        Assert.AreEqual(deal.StakeholderId("jonas").ToString(), await Focused(), "End: last card");
        await page.Page.Keyboard.PressAsync("ArrowUp");
        Assert.AreEqual(deal.StakeholderId("fatima").ToString(), await Focused(), "ArrowUp: the nearest card one line above");

        await page.ClearCallsAsync();
        await page.Page.Keyboard.PressAsync("Enter");
        await page.Page.Keyboard.PressAsync("ArrowDown");
        await page.Page.Keyboard.PressAsync(" ");
        var opened = (await page.CallsAsync()).Where(c => c.Api == "Navigation.openForm")
            .Select(c => c.Args!.Value[0].GetProperty("entityId").GetString()).ToList();
        CollectionAssert.AreEqual(new[] { deal.StakeholderId("fatima").ToString(), deal.StakeholderId("jonas").ToString() }, opened);
    }

    [TestMethod]
    public async Task Reads_its_data_in_three_requests_sent_together()
    {
        var deal = Deals.Realistic(Browser.Metadata);
        await using var page = await Browser.Host.NewPageAsync();
        await page.InstallAsync(deal, latencyMilliseconds: 100);
        // Opened in a full window: Xrm.Navigation.navigateTo passes data=id=<guid>; the map uses the host's Xrm.
        await page.LoadMapFrameAsync("?data=" + Uri.EscapeDataString("id=" + deal.OpportunityId));
        Assert.AreEqual("ready", await page.WaitForMapAsync());
        var calls = await page.CallsAsync();
        Assert.HasCount(3, calls, string.Join("\n", calls.Select(c => $"{c.Api} {c.Table} {c.Options} {c.OperationName}")));
        var stakeholders = calls.Single(c => c.Api == "retrieveMultipleRecords" && c.Table == Names.Stakeholder);
        var counterparts = calls.Single(c => c.Api == "retrieveMultipleRecords" && c.Table == Names.Counterpart);
        var coverage = calls.Single(c => c.Api == "execute");
        var id = deal.OpportunityId.ToString();
        StringAssert.Contains(stakeholders.Options, $"$filter=_tsell_opportunityid_value eq {id} and statecode eq 0");
        StringAssert.Contains(counterparts.Options, $"_tsell_opportunityid_value eq {id}");
        StringAssert.Contains(counterparts.Options, "$expand=tsell_DealTeamMemberId($select=");
        Assert.AreEqual("tsell_GetDealCoverage", coverage.OperationName);
        // Sent together: all three went out before the first answer (the fake answers after 100 ms).
        Assert.IsLessThan(60, calls.Max(c => c.Time) - calls.Min(c => c.Time), "the three requests should go out in parallel");
    }

    /// <summary>
    /// On a form, the map waits for the form script's hand-over rather than loading from the record
    /// id the control passes (that would read the coverage a second time). Without the script it
    /// says, after a while, what an administrator must add; a late hand-over still loads it.
    /// </summary>
    [TestMethod]
    public async Task On_a_form_without_the_form_script_it_waits_then_says_what_is_missing()
    {
        var deal = Deals.Realistic(Browser.Metadata);
        await using var page = await Browser.Host.NewPageAsync();
        await page.InstallAsync(deal);
        await page.Page.Clock.InstallAsync();
        // The web resource control with "pass record object-type code and unique identifier as parameters".
        await page.LoadMapFrameAsync($"?id=%7B{deal.OpportunityId.ToString().ToUpperInvariant()}%7D&typename=opportunity&type=3&orgname=contoso&userlcid=1033&orglcid=1033");
        Assert.AreEqual("waiting", await page.MapFrame.EvaluateAsync<string>("() => document.body.dataset.state"));
        Assert.AreEqual("Waiting for the opportunity form…", await page.MapFrame.InnerTextAsync("#status"));

        await page.Page.Clock.FastForwardAsync(10_000);
        Assert.AreEqual("not-connected", await page.WaitForMapAsync());
        Assert.AreEqual("The stakeholder map has no opportunity to show. Open it from an opportunity's Team Selling form. " +
            "If it is on another form, an administrator needs to add TeamSelling.Opportunity.onLoad " +
            "(library tsell_/scripts/opportunity_teamselling.js, pass execution context) to that form's OnLoad event.",
            await page.MapFrame.InnerTextAsync("#status"));
        Assert.IsEmpty(await page.CallsAsync(), "nothing read before a form hands over");

        // The form's OnLoad comes late: the map loads then, with the form's coverage.
        await page.EvaluateAsync($"() => FakeXrm.openForm({{ table: 'opportunity', id: '{deal.OpportunityId}', attributes: ['name'], webResources: {{ {XrmPage.MapControl}: 'map-frame' }} }})");
        await page.RunOnLoadAsync(XrmPage.OpportunityScript, "TeamSelling.Opportunity.onLoad");
        Assert.AreEqual("ready", await page.WaitForMapAsync());
        Assert.AreEqual(11, await page.MapFrame.EvaluateAsync<int>("() => document.querySelectorAll('.card').length"));
        Assert.AreEqual(1, (await page.CallsAsync()).Count(c => c.OperationName == "tsell_GetDealCoverage"));
    }

    [TestMethod]
    public async Task Its_Refresh_button_reads_everything_again_the_coverage_included()
    {
        var (page, deal) = await OpenRealisticAsync();
        await using var _ = page;
        await page.ClearCallsAsync();
        await page.UpdateRecordAsync(Names.Stakeholder, deal.StakeholderId("chen"),
            new System.Text.Json.Nodes.JsonObject { [Names.Stance] = Browser.Metadata.Choice(Names.Stakeholder, Names.Stance, "Supporter") });
        await page.Map.Locator("#refresh").ClickAsync();
        await page.MapFrame.WaitForFunctionAsync($"() => document.querySelector('.card[data-id=\"{deal.StakeholderId("chen")}\"] .stance.stance-supporter') !== null");
        var calls = await page.CallsAsync();
        CollectionAssert.AreEquivalent(new[] { "retrieveMultipleRecords " + Names.Stakeholder, "retrieveMultipleRecords " + Names.Counterpart, "execute tsell_GetDealCoverage" },
            calls.Select(c => $"{c.Api} {c.Table ?? c.OperationName}").ToArray(), "the form's coverage belongs to the form's last load; a refresh of the map asks afresh");
    }

    [TestMethod]
    public async Task Fits_a_narrow_form_section_by_scrolling_inside_the_map()
    {
        var (page, _) = await OpenRealisticAsync(width: 560, height: 700);
        await using var __ = page;
        var sizes = await page.MapFrame.EvaluateAsync<double[]>(@"() => [document.documentElement.scrollWidth, window.innerWidth,
            document.getElementById('viewport').scrollWidth, document.getElementById('viewport').clientWidth,
            document.querySelector('.card').getBoundingClientRect().width]");
        Assert.IsLessThanOrEqualTo(sizes[1], sizes[0], "the page itself does not scroll sideways");
        Assert.IsGreaterThan(sizes[3], sizes[2], "the map scrolls inside its viewport");
        Assert.AreEqual(184, sizes[4], "compact cards at form width");
        // The department headers stay visible when the map scrolls down.
        await page.MapFrame.EvaluateAsync("() => { document.getElementById('viewport').scrollTop = 300; }");
        var headerTop = await page.MapFrame.EvaluateAsync<double>("() => document.querySelector('.column-headers').getBoundingClientRect().top - document.getElementById('viewport').getBoundingClientRect().top");
        Assert.AreEqual(0, headerTop, 1, "sticky department headers");
    }

    [TestMethod]
    public async Task Spreads_a_crowded_department_over_several_columns_in_a_full_window()
    {
        var deal = Deals.Generated(Browser.Metadata, 30);
        await using var page = await Browser.Host.NewPageAsync(1600, 900);
        await page.InstallAsync(deal);
        await page.OpenOpportunityAsync(deal);
        Assert.AreEqual("ready", await page.WaitForMapAsync());
        var cards = await CardsAsync(page);
        Assert.HasCount(30, cards);
        var widest = cards.GroupBy(c => (c.Row, c.Column)).Max(g => g.Select(c => c.X).Distinct().Count());
        Assert.IsGreaterThan(1, widest, "cards of a crowded cell sit side by side when the window is wide");
        foreach (var a in cards)
        foreach (var b in cards.Where(b => string.CompareOrdinal(b.Id, a.Id) > 0))
            Assert.IsFalse(a.X < b.X + b.Width && b.X < a.X + a.Width && a.Y < b.Y + b.Height && b.Y < a.Y + a.Height, $"{a.Name} and {b.Name} overlap");
    }

    [TestMethod]
    public async Task Shows_the_map_without_gap_highlights_when_coverage_fails()
    {
        var (page, _) = await OpenRealisticAsync(change: d => d.CoverageError = "The coverage plugin is not registered.");
        await using var __ = page;
        Assert.AreEqual(11, await page.MapFrame.EvaluateAsync<int>("() => document.querySelectorAll('.card').length"));
        Assert.AreEqual(0, await page.MapFrame.EvaluateAsync<int>("() => document.querySelectorAll('.gap-badge').length"));
        StringAssert.Contains(await page.MapFrame.InnerTextAsync("#status"), "The coverage plugin is not registered.");
    }

    [TestMethod]
    public async Task Asks_to_save_a_new_opportunity_first_and_reads_nothing()
    {
        var deal = Deals.Realistic(Browser.Metadata);
        await using var page = await Browser.Host.NewPageAsync();
        await page.InstallAsync(deal);
        await page.OpenOpportunityAsync(deal, asNewRecord: true);
        Assert.AreEqual("new-record", await page.WaitForMapAsync());
        StringAssert.Contains(await page.MapFrame.InnerTextAsync("#status"), "Save the opportunity");
        Assert.IsEmpty(await page.CallsAsync());
    }

    [TestMethod]
    public async Task Shows_an_empty_organisation_with_what_to_do()
    {
        var deal = new DealScenario(Browser.Metadata, "Empty deal", Guid.NewGuid());
        await using var page = await Browser.Host.NewPageAsync();
        await page.InstallAsync(deal);
        await page.OpenOpportunityAsync(deal);
        Assert.AreEqual("empty", await page.WaitForMapAsync());
        StringAssert.Contains(await page.MapFrame.InnerTextAsync("#status"), "No stakeholders yet");
    }

    [TestMethod]
    public async Task Renders_300_stakeholders_completely_in_three_requests()
    {
        var deal = Deals.Generated(Browser.Metadata, 300);
        await using var page = await Browser.Host.NewPageAsync(1440, 900);
        await page.InstallAsync(deal);
        await page.LoadMapFrameAsync("?data=" + Uri.EscapeDataString("id=" + deal.OpportunityId));
        Assert.AreEqual("ready", await page.WaitForMapAsync());
        Assert.HasCount(3, await page.CallsAsync());
        var cards = await CardsAsync(page);
        Assert.HasCount(300, cards);
        CollectionAssert.AreEquivalent(deal.Stakeholders.Select(s => deal.StakeholderId(s.Key).ToString()).ToList(), cards.Select(c => c.Id).ToList());
        var lines = await page.MapFrame.EvaluateAsync<int>("() => document.querySelectorAll('svg.reports-to path').length");
        Assert.AreEqual(deal.Stakeholders.Count(s => s.ReportsTo is not null), lines);
        // No two cards overlap (sorted sweep over x, as a pairwise check would be slow).
        var byX = cards.OrderBy(c => c.X).ToList();
        for (var i = 0; i < byX.Count; i++)
        for (var j = i + 1; j < byX.Count && byX[j].X < byX[i].X + byX[i].Width; j++)
        {
            var (a, b) = (byX[i], byX[j]);
            Assert.IsFalse(a.Y < b.Y + b.Height && b.Y < a.Y + a.Height, $"{a.Name} and {b.Name} overlap");
        }
    }
}
