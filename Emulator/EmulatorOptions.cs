using System;
using System.Collections.Generic;

namespace CrmTeamSelling.Emulator;

/// <summary>Settings of an emulator; the defaults are Dataverse's.</summary>
public sealed class EmulatorOptions
{
    /// <summary>The depth at which the loop stop fires: a call that would run at a greater depth fails (Dataverse: 8).</summary>
    public int MaxDepth { get; init; } = 8;

    /// <summary>How many times DrainAsync runs a failing asynchronous job before it counts it as failed.</summary>
    public int AsyncMaxAttempts { get; init; } = 3;

    /// <summary>A guard against asynchronous steps that queue each other forever.</summary>
    public int MaxAsyncJobsPerDrain { get; init; } = 100_000;

    public string OrganizationName { get; init; } = "emulator";

    /// <summary>The clock for createdon, modifiedon and relative date conditions; null: the machine's UTC clock.</summary>
    public Func<DateTime>? Clock { get; init; }

    /// <summary>
    /// False (the default): a plug-in class with a field it could write after construction is refused when
    /// its step is registered, because Dataverse runs one instance per step on many threads at once.
    /// </summary>
    public bool AllowMutablePluginFields { get; init; }

    /// <summary>
    /// Secure configurations by step name or step id (they are never in a solution file, as in Dataverse):
    /// passed as the second argument of a plug-in's (unsecure, secure) constructor.
    /// </summary>
    public IReadOnlyDictionary<string, string> SecureConfigurations { get; init; } = new Dictionary<string, string>();
}
