using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.Playwright;

namespace CrmTeamSelling.WebResources.Harness;

public sealed record RecordedCall(
    string Api, string? Table, string? Id, string? Options, string? OperationName, int? OperationType,
    string? BoundParameter, JsonElement? Parameters, JsonElement? ParameterTypes, JsonElement? Args, double Time);

public sealed record FormNotification(string UniqueId, string Level, string Message);

public sealed record ControlNotification(string Control, string UniqueId, string Level, string Message, string[] Actions);

/// <summary>
/// One page of the fake model-driven app: harness/form.html with FakeXrm installed over a deal,
/// a form opened on a record, form libraries loaded from WebResources/dist and their handlers run
/// as the platform runs them (by name, with an execution context).
/// </summary>
public sealed class XrmPage : IAsyncDisposable
{
    public const string MapControl = "WebResource_stakeholdermap";
    public const string MapWebResource = "/WebResources/tsell_/stakeholdermap/index.html";
    public const string OpportunityScript = "/WebResources/tsell_/scripts/opportunity_teamselling.js";
    public const string DealSolutionScript = "/WebResources/tsell_/scripts/dealsolution.js";

    private readonly IBrowserContext context;
    private readonly ConcurrentQueue<string> errors;
    private readonly ConcurrentQueue<string> unexpectedRequests;

    internal XrmPage(IBrowserContext context, IPage page, ConcurrentQueue<string> errors, ConcurrentQueue<string> unexpectedRequests)
    {
        this.context = context;
        Page = page;
        this.errors = errors;
        this.unexpectedRequests = unexpectedRequests;
    }

    public IPage Page { get; }

    /// <summary>The stakeholder map's frame (the web resource control's iframe).</summary>
    public IFrameLocator Map => Page.FrameLocator("#map-frame");

    public IFrame MapFrame => Page.Frames.First(f => f.Url.Contains("/stakeholdermap/", StringComparison.Ordinal));

    /// <summary>Script errors and console errors seen on the page and in its frames.</summary>
    public IReadOnlyList<string> Errors => errors.ToList();

    /// <summary>Requests that asked for anything the harness does not serve (the web resources should need nothing else).</summary>
    public IReadOnlyList<string> UnexpectedRequests => unexpectedRequests.ToList();

    /// <summary>Opens the harness page and installs FakeXrm over the deal (records, metadata, custom APIs).</summary>
    public async Task InstallAsync(DealScenario deal, int latencyMilliseconds = 0)
    {
        await Page.GotoAsync(BrowserHost.Origin + "/harness/form.html");
        var coverage = deal.CoverageError is null ? deal.CoverageJson() : null;
        var server = new JsonObject { ["coverage"] = coverage, ["coverageError"] = deal.CoverageError, ["acknowledgeError"] = deal.AcknowledgeError };
        await Page.EvaluateAsync(@"([setup, server, latency]) => {
            setup = JSON.parse(setup);
            FakeXrm.install(setup);
            FakeXrm.state.webApi.latency = latency;
            FakeXrm.installDealServer(JSON.parse(server), setup.user.id);
        }", new object?[] { deal.SetupJson().ToJsonString(), server.ToJsonString(), latencyMilliseconds });
    }

    /// <summary>Opens a form on a record (null id: a create form) with these columns, and optionally the map control.</summary>
    public async Task OpenFormAsync(string table, Guid? id, IEnumerable<string> attributes, bool withMap)
    {
        // As the Team Selling form places the map: "pass record object-type code and unique identifier as parameters".
        if (withMap) await LoadMapFrameAsync(id is null ? "" : $"?id=%7B{id.Value.ToString().ToUpperInvariant()}%7D&typename={table}&type=3&orgname=contoso&userlcid=1033&orglcid=1033");
        await Page.EvaluateAsync(@"([table, id, attributes, withMap]) => FakeXrm.openForm({
            table, id, attributes, webResources: withMap ? { WebResource_stakeholdermap: 'map-frame' } : {} })",
            new object?[] { table, id?.ToString(), attributes.ToArray(), withMap });
    }

    /// <summary>Points the map frame at the web resource (query: "" or "?data=..."), and waits for its page to load.</summary>
    public async Task LoadMapFrameAsync(string query)
    {
        await Page.EvaluateAsync(@"src => new Promise(resolve => {
            const frame = document.getElementById('map-frame');
            frame.addEventListener('load', () => resolve(), { once: true });
            frame.src = src;
        })", MapWebResource + query);
    }

    /// <summary>Loads a form library and runs a handler by its name, then waits for everything it started to settle.</summary>
    public async Task RunOnLoadAsync(string script, string handler)
    {
        await Page.EvaluateAsync("src => FakeXrm.loadScript(src)", script);
        await Page.EvaluateAsync("handler => { FakeXrm.state.form.runHandler(handler); }", handler);
        await SettleAsync();
    }

    public Task SettleAsync() => Page.EvaluateAsync("() => FakeXrm.state.form && FakeXrm.state.form.settle()");

    /// <summary>The opportunity's Team Selling form with the map, as a rep opens it.</summary>
    public async Task OpenOpportunityAsync(DealScenario deal, bool withMap = true, bool asNewRecord = false)
    {
        await OpenFormAsync(Names.Opportunity, asNewRecord ? null : deal.OpportunityId, new[] { "name" }, withMap);
        await RunOnLoadAsync(OpportunityScript, "TeamSelling.Opportunity.onLoad");
    }

    /// <summary>Waits until the map shows a final state (ready, empty, error, new-record or not-connected) and returns it.</summary>
    public async Task<string> WaitForMapAsync()
    {
        var frame = MapFrame;
        await frame.WaitForFunctionAsync("() => ['ready', 'empty', 'error', 'new-record', 'not-connected'].includes(document.body.dataset.state)");
        return await frame.EvaluateAsync<string>("() => document.body.dataset.state");
    }

    public async Task<IReadOnlyList<RecordedCall>> CallsAsync()
    {
        // As JSON text: Playwright's own serialisation of an evaluated value adds "$id" reference properties.
        using var document = JsonDocument.Parse(await Page.EvaluateAsync<string>("() => JSON.stringify(FakeXrm.state.calls)"));
        return document.RootElement.EnumerateArray().Select(c => new RecordedCall(
            c.GetProperty("api").GetString()!,
            Str(c, "table"), Str(c, "id"), Str(c, "options"), Str(c, "operationName"),
            c.TryGetProperty("operationType", out var t) && t.ValueKind == JsonValueKind.Number ? t.GetInt32() : null,
            Str(c, "boundParameter"),
            Prop(c, "parameters"), Prop(c, "parameterTypes"), Prop(c, "args"),
            c.GetProperty("time").GetDouble())).ToList();
    }

    private static string? Str(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static JsonElement? Prop(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Undefined ? v.Clone() : null;

    public Task ClearCallsAsync() => Page.EvaluateAsync("() => { FakeXrm.state.calls.length = 0; }");

    public async Task<IReadOnlyList<FormNotification>> FormNotificationsAsync()
    {
        var json = await Page.EvaluateAsync<JsonElement>("() => [...FakeXrm.state.form.notifications.values()]");
        return json.EnumerateArray().Select(n => new FormNotification(
            n.GetProperty("uniqueId").GetString()!, n.GetProperty("level").GetString()!, n.GetProperty("message").GetString()!)).ToList();
    }

    public async Task<IReadOnlyList<ControlNotification>> ControlNotificationsAsync()
    {
        var json = await Page.EvaluateAsync<JsonElement>(@"() => [...FakeXrm.state.form.controls.values()].flatMap(c =>
            [...c.notifications.values()].map(n => ({ control: c.name, uniqueId: n.uniqueId, level: n.notificationLevel || 'ERROR',
              message: n.messages[0], actions: (n.actions || []).map(a => a.message) })))");
        return json.EnumerateArray().Select(n => new ControlNotification(
            n.GetProperty("control").GetString()!, n.GetProperty("uniqueId").GetString()!, n.GetProperty("level").GetString()!,
            n.GetProperty("message").GetString()!, n.GetProperty("actions").EnumerateArray().Select(a => a.GetString()!).ToArray())).ToList();
    }

    /// <summary>Clicks an action of a control notification (what the user does on the recommendation).</summary>
    public async Task RunControlNotificationActionAsync(string control, string uniqueId, int action = 0)
    {
        await Page.EvaluateAsync(@"([control, uniqueId, action]) => {
            const n = FakeXrm.state.form.controls.get(control).notifications.get(uniqueId);
            if (!n) throw new Error('No notification ' + uniqueId + ' on ' + control);
            n.actions[action].actions.forEach(a => a());
        }", new object[] { control, uniqueId, action });
        await Page.WaitForTimeoutAsync(50);
        await SettleAsync();
    }

    public async Task<JsonElement> EvaluateAsync(string script, object? arg = null) => await Page.EvaluateAsync<JsonElement>(script, arg);

    /// <summary>Changes a stored record as another user's save would.</summary>
    public Task UpdateRecordAsync(string table, Guid id, JsonObject changes) =>
        Page.EvaluateAsync("([table, id, changes]) => FakeXrm.state.store.update(table, id, JSON.parse(changes))", new object?[] { table, id.ToString(), changes.ToJsonString() });

    public async ValueTask DisposeAsync() => await context.CloseAsync();
}
