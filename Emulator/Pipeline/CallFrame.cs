using System;

namespace CrmTeamSelling.Emulator.Pipeline;

/// <summary>
/// Who makes a call and from where: the user it runs as (or the system context), the user who started
/// the whole operation, its depth, and the plug-in context it was made from (null for a call from outside).
/// </summary>
internal sealed record CallFrame(
    Guid UserId,
    bool IsSystem,
    Guid InitiatingUserId,
    int Depth,
    PluginExecutionContext? Parent,
    Guid CorrelationId,
    string? CallingPlugin)
{
    /// <summary>The frame of a call a plug-in makes through the service its factory gave it.</summary>
    public static CallFrame FromPlugin(PluginExecutionContext context, Guid userId, bool isSystem, string pluginName)
        => new(userId, isSystem, context.InitiatingUserId, context.Depth + 1, context, context.CorrelationId, pluginName);
}
