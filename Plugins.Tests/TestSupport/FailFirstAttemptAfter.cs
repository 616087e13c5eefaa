using System;
using System.Collections.Concurrent;
using Microsoft.Xrm.Sdk;

namespace CrmTeamSelling.Plugins.Tests.TestSupport;

/// <summary>
/// Runs the shipped plugin, then fails the first attempt of each operation: the async retry
/// scenario ("the first attempt wrote its notifications, then died") without touching the product.
/// Register it in place of the shipped step.
/// </summary>
public sealed class FailFirstAttemptAfter<TPlugin> : IPlugin
    where TPlugin : IPlugin, new()
{
    public const string Failure = "The first attempt fails after running the shipped plugin.";

    private static readonly ConcurrentDictionary<Guid, int> AttemptsByOperation = new();

    private readonly TPlugin shipped = new();

    public void Execute(IServiceProvider serviceProvider)
    {
        shipped.Execute(serviceProvider);
        var context = (IPluginExecutionContext)serviceProvider.GetService(typeof(IPluginExecutionContext))!;
        if (AttemptsByOperation.AddOrUpdate(context.OperationId, 1, (_, attempts) => attempts + 1) == 1)
        {
            throw new InvalidPluginExecutionException(Failure);
        }
    }
}
