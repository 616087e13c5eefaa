using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace CrmTeamSelling.Emulator.Tests;

/// <summary>
/// Plug-ins compiled into the test assembly, registered by the tests and by the fixture solution's
/// step files. Each records what it saw in <see cref="PluginLog"/> so tests can assert on the pipeline.
/// </summary>
public static class PluginLog
{
    private static readonly ConcurrentQueue<string> Entries = new();

    /// <summary>Tests run in parallel across classes; each test uses its own tag in record names so entries don't mix.</summary>
    public static void Write(string entry) => Entries.Enqueue(entry);

    public static IReadOnlyList<string> For(string tag) => Entries.Where(e => e.Contains(tag, StringComparison.Ordinal)).ToList();
}

internal static class ContextOf
{
    public static IPluginExecutionContext Context(this IServiceProvider provider) => (IPluginExecutionContext)provider.GetService(typeof(IPluginExecutionContext))!;

    public static IOrganizationService Service(this IServiceProvider provider, Guid? userId)
        => ((IOrganizationServiceFactory)provider.GetService(typeof(IOrganizationServiceFactory))!).CreateOrganizationService(userId);

    public static string Tag(this IPluginExecutionContext context)
    {
        if (context.InputParameters.TryGetValue("Target", out var target) && target is Entity entity)
        {
            if (entity.Attributes.TryGetValue("name", out var name) && name is string text)
            {
                return text;
            }

            if (entity.Attributes.TryGetValue("subject", out var subject) && subject is string s)
            {
                return s;
            }

            if (entity.Attributes.TryGetValue("tst_name", out var ticket) && ticket is string t)
            {
                return t;
            }
        }

        foreach (var image in context.PreEntityImages.Values.Concat(context.PostEntityImages.Values))
        {
            if ((image.GetAttributeValue<string>("name") ?? image.GetAttributeValue<string>("tst_name")) is { } imageName)
            {
                return imageName;
            }
        }

        return "";
    }
}

/// <summary>Logs "stage:rank:message:tag" so tests can check order.</summary>
public sealed class RecordingPlugin : IPlugin
{
    private readonly string label;

    public RecordingPlugin(string unsecure, string secure)
    {
        label = unsecure ?? "recording";
        SecureSeen = secure;
    }

    public static string? SecureSeen { get; private set; }

    public void Execute(IServiceProvider serviceProvider)
    {
        var context = serviceProvider.Context();
        ((ITracingService)serviceProvider.GetService(typeof(ITracingService))!).Trace("{0} ran at stage {1}", label, context.Stage);
        PluginLog.Write($"{label}|stage {context.Stage}|depth {context.Depth}|{context.MessageName}|tx {context.IsInTransaction}|{context.Tag()}");
    }
}

/// <summary>Pre-operation: writes a column into the Target, to show the main operation takes it.</summary>
public sealed class StampDescriptionPlugin : IPlugin
{
    public void Execute(IServiceProvider serviceProvider)
    {
        var target = (Entity)serviceProvider.Context().InputParameters["Target"];
        target["description"] = "stamped by pre-operation";
    }
}

/// <summary>Refuses with the message in its configuration.</summary>
public sealed class RefusingPlugin : IPlugin
{
    private readonly string message;

    public RefusingPlugin(string unsecure)
    {
        message = unsecure ?? "Refused.";
    }

    public void Execute(IServiceProvider serviceProvider) => throw new InvalidPluginExecutionException(message);
}

/// <summary>Throws a NullReferenceException, as a buggy plug-in would.</summary>
public sealed class CrashingPlugin : IPlugin
{
    public void Execute(IServiceProvider serviceProvider)
    {
        string? nothing = null;
        _ = nothing!.Length;
    }
}

/// <summary>Post-operation on opportunity create: creates a task regarding it (as the calling user).</summary>
public sealed class CreateFollowUpTaskPlugin : IPlugin
{
    public void Execute(IServiceProvider serviceProvider)
    {
        var context = serviceProvider.Context();
        var service = serviceProvider.Service(context.UserId);
        var target = (Entity)context.InputParameters["Target"];
        service.Create(new Entity("task")
        {
            ["subject"] = "Follow up " + target.GetAttributeValue<string>("name"),
            ["regardingobjectid"] = new EntityReference("opportunity", context.PrimaryEntityId),
        });
    }
}

/// <summary>On Update of an account, updates the same account again: a loop only the depth limit stops.</summary>
public sealed class LoopingUpdatePlugin : IPlugin
{
    public void Execute(IServiceProvider serviceProvider)
    {
        var context = serviceProvider.Context();
        PluginLog.Write($"loop|depth {context.Depth}|{context.PrimaryEntityId}");
        serviceProvider.Service(null).Update(new Entity("account", context.PrimaryEntityId) { ["description"] = "depth " + context.Depth });
    }
}

/// <summary>Copies its images and context facts into the log as "key=value" pairs.</summary>
public sealed class ImageInspectorPlugin : IPlugin
{
    public void Execute(IServiceProvider serviceProvider)
    {
        var context = serviceProvider.Context();
        var parts = new List<string> { "inspect", context.Tag(), $"stage={context.Stage}" };
        foreach (var (name, image) in context.PreEntityImages)
        {
            parts.Add($"pre:{name}=" + string.Join(",", image.Attributes.Keys.OrderBy(k => k)) + $"|prename={image.GetAttributeValue<string>("name") ?? image.GetAttributeValue<string>("tst_name")}");
        }

        foreach (var (name, image) in context.PostEntityImages)
        {
            parts.Add($"post:{name}=" + string.Join(",", image.Attributes.Keys.OrderBy(k => k)) + $"|postname={image.GetAttributeValue<string>("name")}");
        }

        parts.Add($"user={context.UserId}");
        parts.Add($"initiating={context.InitiatingUserId}");
        parts.Add($"parent={(context.ParentContext is null ? "none" : context.ParentContext.MessageName + "/" + context.ParentContext.Stage)}");
        PluginLog.Write(string.Join(";", parts));
    }
}

/// <summary>Writes a shared variable in one stage and reads it in another.</summary>
public sealed class SharedVariablePlugin : IPlugin
{
    public void Execute(IServiceProvider serviceProvider)
    {
        var context = serviceProvider.Context();
        if (context.Stage == 20)
        {
            context.SharedVariables["seen-in-pre"] = "hello from stage 20";
        }
        else
        {
            PluginLog.Write($"shared|{context.Tag()}|mode {context.Mode}|{(context.SharedVariables.TryGetValue("seen-in-pre", out var value) ? value : "missing")}");
        }
    }
}

/// <summary>Asynchronous: fails the first time it runs for a record, succeeds afterwards (creates a note-like task).</summary>
public sealed class FlakyAsyncPlugin : IPlugin
{
    private static readonly ConcurrentDictionary<Guid, int> Attempts = new();

    public void Execute(IServiceProvider serviceProvider)
    {
        var context = serviceProvider.Context();
        var attempt = Attempts.AddOrUpdate(context.PrimaryEntityId, 1, (_, n) => n + 1);
        var service = serviceProvider.Service(null);
        service.Create(new Entity("task") { ["subject"] = $"async attempt {attempt} for {context.PrimaryEntityId}" });
        if (attempt == 1)
        {
            throw new InvalidPluginExecutionException("Transient failure on the first attempt.");
        }
    }
}

/// <summary>A custom API's main operation: echoes its input, doubled, and counts the opportunities it can see.</summary>
public sealed class EchoApiPlugin : IPlugin
{
    public void Execute(IServiceProvider serviceProvider)
    {
        var context = serviceProvider.Context();
        var text = (string)context.InputParameters["Text"];
        context.OutputParameters["Echo"] = text + text;
        var service = serviceProvider.Service(context.UserId);
        context.OutputParameters["Visible"] = service.RetrieveMultiple(new QueryExpression("opportunity")).Entities.Count;
    }
}

/// <summary>Catches the fault of a failing call and carries on: Dataverse then fails the whole operation.</summary>
public sealed class SwallowingPlugin : IPlugin
{
    public void Execute(IServiceProvider serviceProvider)
    {
        var service = serviceProvider.Service(null);
        try
        {
            service.Retrieve("account", Guid.NewGuid(), new ColumnSet("name"));
        }
        catch (System.ServiceModel.FaultException<OrganizationServiceFault>)
        {
            // Swallowed on purpose.
        }

        service.Create(new Entity("task") { ["subject"] = "after swallowed fault" });
    }
}
