using System;
using System.Collections.Generic;
using System.Globalization;
using Microsoft.Xrm.Sdk;

namespace CrmTeamSelling.Emulator.Pipeline;

/// <summary>What a plug-in's IServiceProvider hands out: the context, tracing and the service factory.</summary>
internal sealed class PluginServiceProvider : IServiceProvider
{
    private readonly PluginExecutionContext context;
    private readonly ITracingService tracing;
    private readonly IOrganizationServiceFactory factory;

    public PluginServiceProvider(PluginExecutionContext context, ITracingService tracing, IOrganizationServiceFactory factory)
    {
        this.context = context;
        this.tracing = tracing;
        this.factory = factory;
    }

    public object? GetService(Type serviceType)
    {
        if (serviceType.IsInstanceOfType(context))
        {
            return context;
        }

        if (serviceType == typeof(ITracingService))
        {
            return tracing;
        }

        if (serviceType == typeof(IOrganizationServiceFactory))
        {
            return factory;
        }

        // Like Dataverse, an unknown service is simply not there (null): the plug-in decides what that means.
        return null;
    }
}

/// <summary>Collects what plug-ins trace; the lines of a failed step go into the fault's TraceText, as Dataverse does.</summary>
internal sealed class TracingService : ITracingService
{
    private readonly List<string> lines = new();

    public IReadOnlyList<string> Lines => lines;

    public void Trace(string format, params object[] args)
    {
        lines.Add(args is null || args.Length == 0 ? format : string.Format(CultureInfo.InvariantCulture, format, args));
    }

    public override string ToString() => string.Join(Environment.NewLine, lines);
}
