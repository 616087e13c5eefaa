using System;
using System.Collections.Generic;
using System.Linq;

namespace CrmTeamSelling.Emulator.Pipeline;

/// <summary>
/// An asynchronous step's run, captured when its operation reached stage 40 and queued when that
/// operation's transaction committed (a rolled-back operation queues nothing), as Dataverse's system jobs.
/// </summary>
internal sealed class AsyncJob
{
    public required RegisteredStep Step { get; init; }

    /// <summary>The context the plug-in will get: the operation's parameters, images and shared variables as they were at stage 40.</summary>
    public required PluginExecutionContext Context { get; init; }

    public int Attempts { get; set; }

    public List<string> Errors { get; } = new();
}

/// <summary>What happened to one asynchronous job while the queue was drained.</summary>
public sealed record AsyncJobOutcome(string StepName, string MessageName, string PrimaryEntityName, Guid PrimaryEntityId, bool Succeeded, int Attempts, IReadOnlyList<string> Errors);

/// <summary>The result of draining the asynchronous queue.</summary>
public sealed class AsyncDrainResult
{
    internal AsyncDrainResult(IReadOnlyList<AsyncJobOutcome> jobs)
    {
        Jobs = jobs;
    }

    public IReadOnlyList<AsyncJobOutcome> Jobs { get; }

    public int Succeeded => Jobs.Count(j => j.Succeeded);

    public IReadOnlyList<AsyncJobOutcome> Failed => Jobs.Where(j => !j.Succeeded).ToList();

    /// <summary>Jobs that failed at least once and then succeeded.</summary>
    public int Retried => Jobs.Count(j => j.Attempts > 1);
}

/// <summary>Thrown by DrainAsync when a job failed on every attempt; lists each failure.</summary>
public sealed class AsyncJobFailedException : Exception
{
    public AsyncJobFailedException(AsyncDrainResult result)
        : base("Asynchronous job(s) failed on every attempt:" + Environment.NewLine + string.Join(Environment.NewLine,
            result.Failed.Select(f => $"  - {f.StepName} ({f.MessageName} of {f.PrimaryEntityName} {f.PrimaryEntityId}), {f.Attempts} attempt(s): {f.Errors.LastOrDefault()}")))
    {
        Result = result;
    }

    public AsyncDrainResult Result { get; }
}
