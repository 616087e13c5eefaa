using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using CrmTeamSelling.WebResources.Harness;

namespace CrmTeamSelling.WebResources.Tests;

/// <summary>TeamSelling.DealSolution.onLoad (tsell_/scripts/dealsolution.js) on the deal solution's main form.</summary>
[TestClass]
public sealed class DealSolutionScriptTests
{
    private static readonly string[] FormColumns = { Names.Version, Names.BaseVersion, Names.ChangeSummary, "tsell_scope" };

    /// <summary>The solution at version 3 (last change by Tom Becker); the current user (Maya) last read <paramref name="acknowledged"/>.</summary>
    private static async Task<(XrmPage Page, DealScenario Deal, System.Guid SolutionId)> OpenAsync(int? acknowledged, string? acknowledgeError = null)
    {
        var deal = Deals.Realistic(Browser.Metadata);
        deal.AcknowledgeError = acknowledgeError;
        var solutionId = deal.WithDealSolution(3, "Added the 24/7 support tier", "Tom Becker", acknowledged);
        var page = await Browser.Host.NewPageAsync();
        await page.InstallAsync(deal);
        await page.OpenFormAsync(Names.DealSolution, solutionId, FormColumns, withMap: false);
        await page.RunOnLoadAsync(XrmPage.DealSolutionScript, "TeamSelling.DealSolution.onLoad");
        return (page, deal, solutionId);
    }

    [TestMethod]
    public async Task Says_the_solution_changed_since_the_user_last_read_it_and_offers_to_acknowledge()
    {
        var (page, deal, solutionId) = await OpenAsync(acknowledged: 1);
        await using var _ = page;
        var notifications = await page.FormNotificationsAsync();
        Assert.HasCount(1, notifications);
        Assert.AreEqual(new FormNotification("tsell-solution-unread", "WARNING",
            "This solution changed since you last read it: you read version 1, it is now version 3 (latest change: Added the 24/7 support tier). Read it, then acknowledge it."),
            notifications[0]);
        var recommendation = (await page.ControlNotificationsAsync()).Single();
        Assert.AreEqual(Names.Version, recommendation.Control);
        Assert.AreEqual("RECOMMENDATION", recommendation.Level);
        CollectionAssert.AreEqual(new[] { "Acknowledge version 3" }, recommendation.Actions);

        // The query for the user's acknowledgement: this solution, this user.
        var query = (await page.CallsAsync()).Single(c => c.Table == Names.Acknowledgement);
        StringAssert.Contains(query.Options, $"_tsell_dealsolutionid_value eq {solutionId}");
        StringAssert.Contains(query.Options, $"_tsell_userid_value eq {deal.CurrentUserId}");
    }

    [TestMethod]
    public async Task Says_the_user_has_not_acknowledged_a_solution_they_never_read()
    {
        var (page, _, _) = await OpenAsync(acknowledged: null);
        await using var __ = page;
        var notification = (await page.FormNotificationsAsync()).Single();
        StringAssert.StartsWith(notification.Message, "You have not acknowledged this solution yet. It is at version 3");
    }

    [TestMethod]
    public async Task Shows_nothing_when_the_user_has_read_the_current_version()
    {
        var (page, _, _) = await OpenAsync(acknowledged: 3);
        await using var __ = page;
        Assert.IsEmpty(await page.FormNotificationsAsync());
        Assert.IsEmpty(await page.ControlNotificationsAsync());
    }

    [TestMethod]
    public async Task Acknowledge_calls_the_custom_api_bound_to_the_solution_with_the_version_on_screen_and_clears_the_banner()
    {
        var (page, _, solutionId) = await OpenAsync(acknowledged: 1);
        await using var __ = page;
        await page.RunControlNotificationActionAsync(Names.Version, "tsell-solution-acknowledge");
        var call = (await page.CallsAsync()).Single(c => c.Api == "execute");
        Assert.AreEqual("tsell_AcknowledgeDealSolution", call.OperationName);
        Assert.AreEqual(0, call.OperationType, "an action");
        Assert.AreEqual("entity", call.BoundParameter);
        // Exactly the bound record and the version the user read (Version: Integer, so Edm.Int32, a primitive).
        AssertJson(new JsonObject
        {
            ["entity"] = new JsonObject { ["entityType"] = Names.DealSolution, ["id"] = solutionId.ToString() },
            ["Version"] = 3,
        }, call.Parameters!.Value, "request parameters");
        AssertJson(new JsonObject
        {
            ["entity"] = new JsonObject { ["typeName"] = "mscrm.tsell_dealsolution", ["structuralProperty"] = 5 },
            ["Version"] = new JsonObject { ["typeName"] = "Edm.Int32", ["structuralProperty"] = 1 },
        }, call.ParameterTypes!.Value, "getMetadata().parameterTypes");

        var notifications = await page.FormNotificationsAsync();
        Assert.AreEqual(new FormNotification("tsell-solution-acknowledged", "INFO", "You acknowledged version 3."), notifications.Single());
        Assert.IsEmpty(await page.ControlNotificationsAsync());
        // The acknowledgement is stored: reopening the form shows nothing to read.
        CollectionAssert.AreEqual(new[] { 3 }, await AcknowledgedVersionsAsync(page));
    }

    [TestMethod]
    public async Task Acknowledging_a_version_a_colleague_replaced_meanwhile_is_refused_with_what_to_do()
    {
        var (page, deal, solutionId) = await OpenAsync(acknowledged: 1);
        await using var __ = page;
        // Grace saves version 4 while Maya reads version 3.
        await page.UpdateRecordAsync(Names.DealSolution, solutionId, new JsonObject
        {
            [Names.Version] = 4,
            ["modifiedby"] = new JsonObject { ["id"] = deal.UserId("Grace Okafor").ToString(), ["logicalName"] = Names.User },
        });
        await page.RunControlNotificationActionAsync(Names.Version, "tsell-solution-acknowledge");

        var call = (await page.CallsAsync()).Single(c => c.Api == "execute");
        Assert.AreEqual(3, call.Parameters!.Value.GetProperty("Version").GetInt32(), "the version on screen, not the server's");
        var failed = (await page.FormNotificationsAsync()).Single(n => n.UniqueId == "tsell-solution-acknowledge-failed");
        Assert.AreEqual(new FormNotification("tsell-solution-acknowledge-failed", "ERROR",
            "Version 3 was not marked as read: You asked to acknowledge version 3 of 'Fleet telematics offer', but the current version is 4 " +
            "(last changed by Grace Okafor). Open the current version, read it, and acknowledge that one. To open version 4 here, refresh the form."), failed);
        CollectionAssert.AreEqual(new[] { 1 }, await AcknowledgedVersionsAsync(page), "nothing recorded as read");
        Assert.IsTrue((await page.FormNotificationsAsync()).Any(n => n.UniqueId == "tsell-solution-unread"), "still unread");

        // Refreshed, the form shows version 4: the refusal goes, and acknowledging version 4 succeeds.
        await page.EvaluateAsync("() => FakeXrm.state.form.formContext.data.refresh(false)");
        await page.SettleAsync();
        var afterRefresh = await page.FormNotificationsAsync();
        Assert.AreEqual("This solution changed since you last read it: you read version 1, it is now version 4 (latest change: Added the 24/7 support tier). Read it, then acknowledge it.",
            afterRefresh.Single().Message);
        await page.RunControlNotificationActionAsync(Names.Version, "tsell-solution-acknowledge");
        Assert.AreEqual(new FormNotification("tsell-solution-acknowledged", "INFO", "You acknowledged version 4."), (await page.FormNotificationsAsync()).Single());
        CollectionAssert.AreEqual(new[] { 4 }, await AcknowledgedVersionsAsync(page));
    }

    [TestMethod]
    public async Task A_refused_acknowledgement_is_shown_in_the_apis_words()
    {
        var (page, _, _) = await OpenAsync(acknowledged: 1, acknowledgeError: "You are not on the deal team of this opportunity.");
        await using var __ = page;
        await page.RunControlNotificationActionAsync(Names.Version, "tsell-solution-acknowledge");
        var failed = (await page.FormNotificationsAsync()).Single(n => n.UniqueId == "tsell-solution-acknowledge-failed");
        Assert.AreEqual("ERROR", failed.Level);
        // The solution is still at the version on screen: no advice to refresh, which would not help.
        Assert.AreEqual("Version 3 was not marked as read: You are not on the deal team of this opportunity.", failed.Message);
        Assert.IsTrue((await page.FormNotificationsAsync()).Any(n => n.UniqueId == "tsell-solution-unread"), "still unread");
    }

    private static async Task<int[]> AcknowledgedVersionsAsync(XrmPage page) =>
        (await page.EvaluateAsync($"() => FakeXrm.state.store.rows('{Names.Acknowledgement}').map(a => a.{Names.AcknowledgedVersion})"))
            .EnumerateArray().Select(v => v.GetInt32()).ToArray();

    private static void AssertJson(JsonNode expected, JsonElement actual, string what)
    {
        var actualNode = JsonNode.Parse(actual.GetRawText());
        Assert.IsTrue(JsonNode.DeepEquals(expected, actualNode), $"{what}: expected {expected.ToJsonString()}, got {actual.GetRawText()}");
    }

    [TestMethod]
    public async Task Saving_sends_the_version_the_user_opened_as_the_based_on_version()
    {
        var (page, _, _) = await OpenAsync(acknowledged: 3);
        await using var __ = page;
        Assert.IsFalse(await page.Page.EvaluateAsync<bool>("() => FakeXrm.state.form.formContext.data.entity.getIsDirty()"), "opening the form changes nothing");
        await page.EvaluateAsync("() => FakeXrm.state.form.formContext.getAttribute('tsell_scope').setValue('Three depots, 120 vehicles')");
        await page.EvaluateAsync("() => FakeXrm.state.form.formContext.data.save()");
        await page.SettleAsync();
        var submitted = await page.EvaluateAsync("() => FakeXrm.state.lastSubmitted");
        Assert.AreEqual(3, submitted.GetProperty(Names.BaseVersion).GetInt32());
        Assert.AreEqual("Three depots, 120 vehicles", submitted.GetProperty("tsell_scope").GetString());
        // Saved as version 4; the next save starts from 4.
        Assert.AreEqual(4, await page.Page.EvaluateAsync<int>($"() => FakeXrm.state.form.formContext.getAttribute('{Names.Version}').getValue()"));
        await page.EvaluateAsync("() => FakeXrm.state.form.formContext.getAttribute('tsell_scope').setValue('Four depots')");
        await page.EvaluateAsync("() => FakeXrm.state.form.formContext.data.save()");
        await page.SettleAsync();
        Assert.AreEqual(4, (await page.EvaluateAsync("() => FakeXrm.state.lastSubmitted")).GetProperty(Names.BaseVersion).GetInt32());
        Assert.IsFalse((await page.FormNotificationsAsync()).Any(n => n.UniqueId == "tsell-solution-conflict"));
    }

    [TestMethod]
    public async Task A_save_refused_because_a_colleague_saved_first_shows_who_and_which_version()
    {
        var (page, deal, solutionId) = await OpenAsync(acknowledged: 3);
        await using var __ = page;
        // Grace saves version 4 while Maya still has version 3 open.
        await page.UpdateRecordAsync(Names.DealSolution, solutionId, new JsonObject
        {
            [Names.Version] = 4,
            ["modifiedby"] = new JsonObject { ["id"] = deal.UserId("Grace Okafor").ToString(), ["logicalName"] = Names.User },
        });
        await page.EvaluateAsync("() => FakeXrm.state.form.formContext.getAttribute('tsell_scope').setValue('Two depots')");
        await page.EvaluateAsync("() => FakeXrm.state.form.formContext.data.save()");
        await page.SettleAsync();
        var conflict = (await page.FormNotificationsAsync()).Single(n => n.UniqueId == "tsell-solution-conflict");
        Assert.AreEqual("ERROR", conflict.Level);
        Assert.AreEqual("Your changes are not saved: Grace Okafor saved version 4 after you opened version 3. " +
            "Copy your changes, refresh the form to read version 4, then apply them again.", conflict.Message);

        // After a refresh the user works from version 4 and the conflict banner goes.
        await page.EvaluateAsync("() => FakeXrm.state.form.formContext.data.refresh(false)");
        await page.SettleAsync();
        Assert.IsFalse((await page.FormNotificationsAsync()).Any(n => n.UniqueId == "tsell-solution-conflict"));
        await page.EvaluateAsync("() => FakeXrm.state.form.formContext.getAttribute('tsell_scope').setValue('Two depots')");
        await page.EvaluateAsync("() => FakeXrm.state.form.formContext.data.save()");
        await page.SettleAsync();
        Assert.AreEqual(4, (await page.EvaluateAsync("() => FakeXrm.state.lastSubmitted")).GetProperty(Names.BaseVersion).GetInt32());
        Assert.AreEqual(5, await page.Page.EvaluateAsync<int>($"() => FakeXrm.state.form.formContext.getAttribute('{Names.Version}').getValue()"));
    }
}
