using System;
using System.Collections.Generic;

namespace CrmTeamSelling.Emulator.Pipeline;

/// <summary>The pipeline stages a step can be registered in.</summary>
public static class PipelineStage
{
    public const int PreValidation = 10;
    public const int PreOperation = 20;
    public const int MainOperation = 30;
    public const int PostOperation = 40;
}

/// <summary>Pre, post, or both: as sdkmessageprocessingstepimage.imagetype.</summary>
public enum ImageType
{
    PreImage = 0,
    PostImage = 1,
    Both = 2,
}

/// <summary>An image a step asks for: a name (EntityAlias) and the columns it holds (empty: all).</summary>
public sealed record StepImage(string Name, ImageType ImageType, IReadOnlyList<string> Attributes)
{
    public StepImage(string name, ImageType imageType, params string[] attributes)
        : this(name, imageType, (IReadOnlyList<string>)attributes)
    {
    }
}

/// <summary>
/// A plug-in step: what Dataverse's sdkmessageprocessingstep holds. Steps come from the solution's
/// SdkMessageProcessingSteps (see <see cref="XrmEmulator.FromModel"/>) or are registered by a test.
/// </summary>
public sealed class PluginStepRegistration
{
    public Guid Id { get; init; } = Guid.NewGuid();

    public string Name { get; init; } = "";

    /// <summary>Create, Update, Delete, Associate, a custom API's unique name...</summary>
    public required string Message { get; init; }

    /// <summary>The table, or null for a step on every table (or a message without one).</summary>
    public string? PrimaryEntity { get; init; }

    /// <summary>10 pre-validation, 20 pre-operation, 40 post-operation (30 only for a custom API's main operation).</summary>
    public int Stage { get; init; } = PipelineStage.PostOperation;

    /// <summary>Asynchronous steps run after commit, when the test drains the queue; only stage 40 may be asynchronous.</summary>
    public bool IsAsynchronous { get; init; }

    public int Rank { get; init; } = 1;

    /// <summary>Update steps run only when the Target holds one of these columns; empty means any update.</summary>
    public IReadOnlyList<string> FilteringAttributes { get; init; } = Array.Empty<string>();

    /// <summary>The plug-in class: a type implementing IPlugin.</summary>
    public required Type PluginType { get; init; }

    public string? UnsecureConfiguration { get; init; }

    public string? SecureConfiguration { get; init; }

    /// <summary>Run the plug-in as this user (the step's "Run in user's context"); null: the calling user.</summary>
    public Guid? ImpersonatingUserId { get; init; }

    public IReadOnlyList<StepImage> Images { get; init; } = Array.Empty<StepImage>();

    /// <summary>Where the step came from, for error messages.</summary>
    public string Source { get; init; } = "registered in code";

    public override string ToString() => $"{(string.IsNullOrEmpty(Name) ? PluginType.FullName : Name)} ({Message} of {PrimaryEntity ?? "any table"}, stage {Stage}{(IsAsynchronous ? ", async" : "")}, rank {Rank})";
}
