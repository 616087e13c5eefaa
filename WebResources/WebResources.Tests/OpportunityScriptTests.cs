using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using CrmTeamSelling.WebResources.Harness;

namespace CrmTeamSelling.WebResources.Tests;

/// <summary>TeamSelling.Opportunity.onLoad (tsell_/scripts/opportunity_teamselling.js) on the Team Selling form.</summary>
[TestClass]
public sealed class OpportunityScriptTests
{
    private static async Task<(XrmPage Page, DealScenario Deal)> OpenAsync(bool withMap = false, Action<DealScenario>? change = null, bool asNewRecord = false)
    {
        var deal = Deals.Realistic(Browser.Metadata);
        change?.Invoke(deal);
        var page = await Browser.Host.NewPageAsync();
        await page.InstallAsync(deal);
        await page.OpenOpportunityAsync(deal, withMap, asNewRecord);
        return (page, deal);
    }

    [TestMethod]
    public async Task Shows_coverage_gaps_grouped_by_kind_most_severe_first()
    {
        var (page, _) = await OpenAsync();
        await using var __ = page;
        var notifications = await page.FormNotificationsAsync();
        var summary = string.Join("\n", notifications.Select(n => $"{n.UniqueId} {n.Level} {n.Message}"));
        // 7 gaps of 6 kinds: the readiness line and one notification per kind, not one per gap.
        Assert.HasCount(7, notifications, summary);
        Assert.AreEqual(new FormNotification("tsell-coverage-readiness", "INFO", "Team selling readiness 64/100 with 7 gaps in coverage."), notifications[0]);
        Assert.AreEqual(new FormNotification("tsell-coverage-KeyStakeholderWithoutCounterpart", "ERROR", "Daniel Kim (Approver) has no counterpart on our team."), notifications[1]);
        Assert.AreEqual(new FormNotification("tsell-coverage-UnknownStance", "WARNING", "Stance unknown for 2 stakeholders: Aisha Bello, Noah Fischer."), notifications[2]);
        CollectionAssert.AreEquivalent(
            new[] { "tsell-coverage-LevelGap", "tsell-coverage-StaleRelationship", "tsell-coverage-OverdueAction" },
            notifications.Skip(3).Take(3).Select(n => n.UniqueId).ToArray());
        Assert.IsTrue(notifications.Skip(3).Take(3).All(n => n.Level == "WARNING"), summary);
        Assert.AreEqual(new FormNotification("tsell-coverage-UnacknowledgedSolution", "INFO", "Tom Becker has not read solution version 3."), notifications[6]);
    }

    [TestMethod]
    public async Task Names_at_most_three_per_group_and_counts_the_rest()
    {
        var (page, _) = await OpenAsync(change: deal => deal.WithGaps(
            Enumerable.Range(1, 4).Select(i => new GapSpec("StaleRelationship", "warning", Names.Counterpart, $"pairing:x{i}", $"Pairing {i}", null, $"Pairing {i} is stale.")).ToArray()));
        await using var __ = page;
        var stale = (await page.FormNotificationsAsync()).Single(n => n.UniqueId == "tsell-coverage-StaleRelationship");
        Assert.AreEqual("5 relationships have not been touched recently: Grace Okafor – Helen Carter, Pairing 1, Pairing 2 and 2 more.", stale.Message);
    }

    [TestMethod]
    public async Task Calls_the_coverage_api_bound_to_the_opportunity_on_the_form()
    {
        var (page, deal) = await OpenAsync();
        await using var __ = page;
        var call = (await page.CallsAsync()).Single(c => c.Api == "execute");
        Assert.AreEqual("tsell_GetDealCoverage", call.OperationName);
        Assert.AreEqual(1, call.OperationType, "a function");
        Assert.AreEqual("entity", call.BoundParameter);
        var entity = call.Parameters!.Value.GetProperty("entity");
        Assert.AreEqual("opportunity", entity.GetProperty("entityType").GetString());
        Assert.AreEqual(deal.OpportunityId.ToString(), entity.GetProperty("id").GetString());
        var type = call.ParameterTypes!.Value.GetProperty("entity");
        Assert.AreEqual("mscrm.opportunity", type.GetProperty("typeName").GetString());
        Assert.AreEqual(5, type.GetProperty("structuralProperty").GetInt32());
    }

    [TestMethod]
    public async Task Replaces_the_notifications_when_the_form_data_is_refreshed()
    {
        var (page, _) = await OpenAsync();
        await using var __ = page;
        // Someone pairs Daniel and sets Aisha's and Noah's stance: the coverage now has fewer gaps.
        var fewer = Deals.Realistic(Browser.Metadata);
        await page.EvaluateAsync(@"coverage => {
            const c = JSON.parse(coverage);
            c.gaps = c.gaps.filter(g => g.kind !== 'KeyStakeholderWithoutCounterpart' && g.kind !== 'UnknownStance');
            c.readinessScore = 80;
            FakeXrm.installDealServer({ coverage: c }, FakeXrm.state.store.rows('systemuser')[0].systemuserid);
        }", fewer.CoverageJson().ToJsonString());
        await page.EvaluateAsync("() => FakeXrm.state.form.formContext.data.refresh(false)");
        await page.SettleAsync();
        var ids = (await page.FormNotificationsAsync()).Select(n => n.UniqueId).ToList();
        CollectionAssert.DoesNotContain(ids, "tsell-coverage-KeyStakeholderWithoutCounterpart");
        CollectionAssert.DoesNotContain(ids, "tsell-coverage-UnknownStance");
        Assert.HasCount(5, ids);
        StringAssert.StartsWith((await page.FormNotificationsAsync())[0].Message, "Team selling readiness 80/100");
        Assert.AreEqual(2, (await page.CallsAsync()).Count(c => c.Api == "execute"), "one coverage call per data load");
    }

    [TestMethod]
    public async Task Says_so_in_one_notification_when_coverage_cannot_be_loaded()
    {
        var (page, _) = await OpenAsync(change: d => d.CoverageError = "Principal user is missing prvReadtsell_stakeholder privilege.");
        await using var __ = page;
        var notifications = await page.FormNotificationsAsync();
        Assert.HasCount(1, notifications);
        Assert.AreEqual("WARNING", notifications[0].Level);
        Assert.AreEqual("Team selling coverage could not be loaded: Principal user is missing prvReadtsell_stakeholder privilege.", notifications[0].Message);
    }

    [TestMethod]
    public async Task Does_nothing_on_a_new_opportunity()
    {
        var (page, _) = await OpenAsync(asNewRecord: true);
        await using var __ = page;
        Assert.IsEmpty(await page.FormNotificationsAsync());
        Assert.IsEmpty(await page.CallsAsync());
    }

    /// <summary>
    /// The form and the map together: one tsell_GetDealCoverage call per load of the form's data
    /// (the form reads it and hands its request to the map) and two map queries, so three requests
    /// in all, on opening and again on every refresh.
    /// </summary>
    [TestMethod]
    public async Task Reads_the_coverage_once_per_form_load_and_refresh_for_the_notifications_and_the_map()
    {
        var (page, deal) = await OpenAsync(withMap: true);
        await using var __ = page;
        Assert.AreEqual("ready", await page.WaitForMapAsync());
        AssertOneLoadOfFormAndMap(await page.CallsAsync(), "opening the form");
        // The map shows the coverage the form read: Daniel's gap, the readiness score.
        Assert.AreEqual("⚠1 gap", await GapBadgeAsync(page, deal, "daniel"));
        StringAssert.Contains(await page.MapFrame.InnerTextAsync("#summary"), "readiness 64/100");
        Assert.IsFalse(await page.MapFrame.IsHiddenAsync("#full-window"), "on a form the map offers a full window");

        // Chen turns supporter, Daniel gets a counterpart, and the form data is refreshed: the
        // notifications and the map follow, from one new coverage call.
        await page.ClearCallsAsync();
        await page.UpdateRecordAsync(Names.Stakeholder, deal.StakeholderId("chen"),
            new JsonObject { [Names.Stance] = Browser.Metadata.Choice(Names.Stakeholder, Names.Stance, "Supporter") });
        await page.EvaluateAsync(@"() => {
            const server = FakeXrm.state.webApi.customApiHandlers;
            const coverage = JSON.parse(server.get('tsell_GetDealCoverage')({}, null).Coverage);
            coverage.gaps = coverage.gaps.filter(g => g.kind !== 'KeyStakeholderWithoutCounterpart');
            coverage.readinessScore = 71;
            FakeXrm.installDealServer({ coverage }, FakeXrm.state.store.rows('systemuser')[0].systemuserid);
        }");
        await page.EvaluateAsync("() => FakeXrm.state.form.formContext.data.refresh(false)");
        await page.SettleAsync();
        await page.MapFrame.WaitForFunctionAsync($"() => document.querySelector('.card[data-id=\"{deal.StakeholderId("chen")}\"] .stance.stance-supporter') !== null");
        Assert.AreEqual("ready", await page.WaitForMapAsync());
        AssertOneLoadOfFormAndMap(await page.CallsAsync(), "refreshing the form");
        Assert.IsNull(await GapBadgeAsync(page, deal, "daniel"), "the map shows the refreshed coverage");
        StringAssert.Contains(await page.MapFrame.InnerTextAsync("#summary"), "readiness 71/100");
        StringAssert.StartsWith((await page.FormNotificationsAsync())[0].Message, "Team selling readiness 71/100");

        await page.Map.Locator("#full-window").ClickAsync();
        var navigate = (await page.CallsAsync()).Single(c => c.Api == "Navigation.navigateTo");
        var pageInput = navigate.Args!.Value[0];
        Assert.AreEqual("webresource", pageInput.GetProperty("pageType").GetString());
        Assert.AreEqual("tsell_/stakeholdermap/index.html", pageInput.GetProperty("webresourceName").GetString());
        Assert.AreEqual("id=" + deal.OpportunityId, pageInput.GetProperty("data").GetString());
        Assert.IsEmpty(page.Errors, string.Join("\n", page.Errors));
    }

    [TestMethod]
    public async Task The_maps_queries_go_out_alongside_the_forms_coverage_request()
    {
        var deal = Deals.Realistic(Browser.Metadata);
        await using var page = await Browser.Host.NewPageAsync();
        await page.InstallAsync(deal, latencyMilliseconds: 150);
        await page.OpenOpportunityAsync(deal);
        Assert.AreEqual("ready", await page.WaitForMapAsync());
        var calls = await page.CallsAsync();
        AssertOneLoadOfFormAndMap(calls, "opening the form");
        // The map does not wait for the coverage to start its own queries: all three went out before
        // the first answer (the fake answers after 150 ms).
        Assert.IsLessThan(100, calls.Max(c => c.Time) - calls.Min(c => c.Time), "the map's queries should not wait for the form's coverage request");
        Assert.AreEqual("⚠1 gap", await GapBadgeAsync(page, deal, "daniel"));
    }

    private static void AssertOneLoadOfFormAndMap(IReadOnlyList<RecordedCall> calls, string when)
    {
        var summary = string.Join("\n", calls.Select(c => $"{c.Api} {c.Table} {c.OperationName}"));
        Assert.AreEqual(1, calls.Count(c => c.OperationName == "tsell_GetDealCoverage"), $"{when}: one coverage call for the notifications and the map\n{summary}");
        Assert.AreEqual(1, calls.Count(c => c.Table == Names.Stakeholder), $"{when}: stakeholders read once\n{summary}");
        Assert.AreEqual(1, calls.Count(c => c.Table == Names.Counterpart), $"{when}: pairings read once\n{summary}");
        Assert.HasCount(3, calls, $"{when}: nothing else\n{summary}");
    }

    private static async Task<string?> GapBadgeAsync(XrmPage page, DealScenario deal, string stakeholder) =>
        await page.MapFrame.EvaluateAsync<string?>(
            $"() => document.querySelector('.card[data-id=\"{deal.StakeholderId(stakeholder)}\"] .gap-badge')?.textContent ?? null");
}
