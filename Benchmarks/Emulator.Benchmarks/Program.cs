using System;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using CrmTeamSelling.Emulator;
using CrmTeamSelling.Emulator.Pipeline;
using CrmTeamSelling.Emulator.Security;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace CrmTeamSelling.Emulator.Benchmarks;

/// <summary>
/// Creates, updates and queries per second through the whole pipeline: a user with a Basic-depth
/// role (so every call is access-checked), a pre-operation step, a post-operation step that makes a
/// nested call, and an asynchronous step drained at the end.
/// Usage: Emulator.Benchmarks [rows=2000] [queries=500]
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        var rows = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 2000;
        var queries = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 500;

        var crm = XrmEmulator.Create();
        var role = crm.DefineRole("Benchmark seller");
        role.GrantAll("Opportunity", PrivilegeDepth.Basic).GrantAll("Activity", PrivilegeDepth.Basic).GrantAll("Account", PrivilegeDepth.Global);
        var rep = crm.CreateUser("Bench Rep", role.Name);
        var account = crm.Arrange(new Entity("account") { ["name"] = "Benchmark account" });
        crm.RegisterStep(new PluginStepRegistration { Message = "Create", PrimaryEntity = "opportunity", Stage = PipelineStage.PreOperation, PluginType = typeof(DefaultProbabilityPlugin) });
        crm.RegisterStep(new PluginStepRegistration { Message = "Create", PrimaryEntity = "opportunity", Stage = PipelineStage.PostOperation, PluginType = typeof(FollowUpTaskPlugin) });
        crm.RegisterStep(new PluginStepRegistration
        {
            Message = "Update", PrimaryEntity = "opportunity", Stage = PipelineStage.PostOperation, PluginType = typeof(ValueCheckPlugin),
            FilteringAttributes = new[] { "estimatedvalue" }, Images = new[] { new StepImage("before", ImageType.PreImage, "estimatedvalue") },
        });
        crm.RegisterStep(new PluginStepRegistration { Message = "Update", PrimaryEntity = "opportunity", Stage = PipelineStage.PostOperation, IsAsynchronous = true, PluginType = typeof(AsyncNoOpPlugin) });
        var service = crm.As(rep);

        Warm(service, account);
        crm.ResetStatistics();

        var ids = new Guid[rows];
        var create = Measure(rows, i => ids[i] = service.Create(new Entity("opportunity")
        {
            ["name"] = "Deal " + i.ToString(CultureInfo.InvariantCulture),
            ["parentaccountid"] = account,
            ["estimatedvalue"] = new Money(1000m + i),
        }));
        var update = Measure(rows, i => service.Update(new Entity("opportunity", ids[i]) { ["estimatedvalue"] = new Money(2000m + i) }));
        var query = Measure(queries, i =>
        {
            var expression = new QueryExpression("opportunity") { ColumnSet = new ColumnSet("name", "estimatedvalue"), TopCount = 50 };
            expression.Criteria.AddCondition("estimatedvalue", ConditionOperator.GreaterThan, new Money(2000m + (i * 7 % rows)));
            expression.AddLink("account", "parentaccountid", "accountid").Columns = new ColumnSet("name");
            expression.AddOrder("estimatedvalue", OrderType.Descending);
            return service.RetrieveMultiple(expression).Entities.Count;
        });
        var drainWatch = Stopwatch.StartNew();
        var drained = crm.DrainAsync();
        drainWatch.Stop();

        var operations = crm.Operations;
        Console.WriteLine($"Emulator throughput ({rows} rows in the table by the end, {queries} queries), single caller, Basic-depth security on every call:");
        Report("creates", rows, create, "pre-operation step + post-operation step creating a task (2 rows written per create)");
        Report("updates", rows, update, "post-operation step with a filtered pre-image + an asynchronous step queued per update");
        Report("queries", queries, query, $"filter + link-entity + order + top 50 over {rows} opportunities, rows access-checked");
        Report("async jobs", drained.Jobs.Count, drainWatch.Elapsed, "drained after the updates");
        Console.WriteLine($"plug-in runs: {operations.Sum(o => o.PluginExecutions)}, service calls made by plug-ins: {operations.Sum(o => o.ServiceCallsByPlugins)} "
            + $"({string.Join(", ", operations.SelectMany(o => o.ServiceCallsByMessage).GroupBy(kv => kv.Key).Select(g => g.Key + " " + g.Sum(kv => kv.Value)))})");
        return 0;
    }

    private static void Warm(IOrganizationService service, EntityReference account)
    {
        var id = service.Create(new Entity("opportunity") { ["name"] = "warm-up", ["parentaccountid"] = account });
        service.Update(new Entity("opportunity", id) { ["estimatedvalue"] = new Money(1m) });
        service.RetrieveMultiple(new QueryExpression("opportunity") { TopCount = 1 });
    }

    private static TimeSpan Measure(int count, Func<int, object?> action)
    {
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            action(i);
        }

        return watch.Elapsed;
    }

    private static TimeSpan Measure(int count, Action<int> action) => Measure(count, i =>
    {
        action(i);
        return null;
    });

    private static void Report(string what, int count, TimeSpan elapsed, string detail)
        => Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "  {0,-10} {1,8:N0}/s  ({2:N0} in {3:N0} ms; {4})", what, count / Math.Max(elapsed.TotalSeconds, 1e-9), count, elapsed.TotalMilliseconds, detail));
}

public sealed class DefaultProbabilityPlugin : IPlugin
{
    public void Execute(IServiceProvider serviceProvider)
    {
        var context = (IPluginExecutionContext)serviceProvider.GetService(typeof(IPluginExecutionContext))!;
        var target = (Entity)context.InputParameters["Target"];
        if (!target.Contains("closeprobability"))
        {
            target["closeprobability"] = 10;
        }
    }
}

public sealed class FollowUpTaskPlugin : IPlugin
{
    public void Execute(IServiceProvider serviceProvider)
    {
        var context = (IPluginExecutionContext)serviceProvider.GetService(typeof(IPluginExecutionContext))!;
        var factory = (IOrganizationServiceFactory)serviceProvider.GetService(typeof(IOrganizationServiceFactory))!;
        factory.CreateOrganizationService(context.UserId).Create(new Entity("task")
        {
            ["subject"] = "Qualify the deal",
            ["regardingobjectid"] = new EntityReference("opportunity", context.PrimaryEntityId),
        });
    }
}

public sealed class ValueCheckPlugin : IPlugin
{
    public void Execute(IServiceProvider serviceProvider)
    {
        var context = (IPluginExecutionContext)serviceProvider.GetService(typeof(IPluginExecutionContext))!;
        var before = context.PreEntityImages["before"].GetAttributeValue<Money>("estimatedvalue");
        var after = ((Entity)context.InputParameters["Target"]).GetAttributeValue<Money>("estimatedvalue");
        if (after is not null && after.Value < 0)
        {
            throw new InvalidPluginExecutionException($"The estimated value cannot go below zero (it was {before?.Value}).");
        }
    }
}

public sealed class AsyncNoOpPlugin : IPlugin
{
    public void Execute(IServiceProvider serviceProvider)
    {
    }
}
