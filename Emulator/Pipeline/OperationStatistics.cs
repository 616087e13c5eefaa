using System;
using System.Collections.Generic;
using System.Linq;

namespace CrmTeamSelling.Emulator.Pipeline;

/// <summary>
/// What one top-level operation cost: the plug-ins it ran and the service calls those plug-ins made,
/// by message and by plug-in. Tests hold plug-ins to a budget with it; the benchmark prints it.
/// </summary>
public sealed class OperationStatistics
{
    private readonly Dictionary<string, int> callsByMessage = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> callsByPlugin = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> executionsByPlugin = new(StringComparer.Ordinal);
    private readonly List<string> traces = new();

    internal OperationStatistics(string message, string? entityName, Guid userId, bool isAsync)
    {
        Message = message;
        EntityName = entityName;
        UserId = userId;
        IsAsync = isAsync;
    }

    /// <summary>The message of the operation (for an asynchronous job: the message of the event it ran for).</summary>
    public string Message { get; }

    public string? EntityName { get; internal set; }

    public Guid UserId { get; }

    /// <summary>True for the run of an asynchronous step while the queue was drained.</summary>
    public bool IsAsync { get; }

    public bool Succeeded { get; internal set; }

    public TimeSpan Elapsed { get; internal set; }

    public int PluginExecutions { get; private set; }

    /// <summary>Every call plug-ins made on an IOrganizationService during the operation (an ExecuteMultiple counts once).</summary>
    public int ServiceCallsByPlugins { get; private set; }

    public IReadOnlyDictionary<string, int> ServiceCallsByMessage => callsByMessage;

    /// <summary>Calls per plug-in type (full name).</summary>
    public IReadOnlyDictionary<string, int> ServiceCallsByPlugin => callsByPlugin;

    public IReadOnlyDictionary<string, int> PluginExecutionsByPlugin => executionsByPlugin;

    /// <summary>What the plug-ins traced (ITracingService), as "plug-in: line", in the order written.</summary>
    public IReadOnlyList<string> Traces => traces;

    public int CallsOf(string message) => callsByMessage.TryGetValue(message, out var count) ? count : 0;

    internal void RecordPluginExecution(string plugin)
    {
        PluginExecutions++;
        executionsByPlugin[plugin] = (executionsByPlugin.TryGetValue(plugin, out var count) ? count : 0) + 1;
    }

    internal void RecordTrace(string plugin, IEnumerable<string> lines) => traces.AddRange(lines.Select(line => plugin + ": " + line));

    internal void RecordServiceCall(string plugin, string message)
    {
        ServiceCallsByPlugins++;
        callsByMessage[message] = (callsByMessage.TryGetValue(message, out var byMessage) ? byMessage : 0) + 1;
        callsByPlugin[plugin] = (callsByPlugin.TryGetValue(plugin, out var byPlugin) ? byPlugin : 0) + 1;
    }

    public override string ToString()
        => $"{Message} {EntityName}: {PluginExecutions} plug-in run(s), {ServiceCallsByPlugins} service call(s) by plug-ins ({string.Join(", ", callsByMessage.Select(kv => kv.Key + " " + kv.Value))})";
}
