using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace CrmTeamSelling.Emulator.Tests;

/// <summary>
/// Records the event it runs in as one line: "label|message table stage|depth n|parent message table stage|target ...|pre ...|post ...".
/// The label is the step's unsecure configuration (a test's tag, so its lines can be found).
/// </summary>
public sealed class EventRecorderPlugin : IPlugin
{
    private readonly string label;

    public EventRecorderPlugin(string unsecure)
    {
        label = unsecure ?? "event";
    }

    public void Execute(IServiceProvider serviceProvider)
    {
        var context = serviceProvider.Context();
        var parent = context.ParentContext is { } p ? $"{p.MessageName} {p.PrimaryEntityName} {p.Stage}" : "none";
        PluginLog.Write($"{label}|{context.MessageName} {context.PrimaryEntityName} {context.Stage}|depth {context.Depth}|parent {parent}"
            + $"|target {Describe(context.InputParameters)}|pre {Describe(context.PreEntityImages)}|post {Describe(context.PostEntityImages)}|tx {context.IsInTransaction}");
    }

    /// <summary>The Target (or Targets, EntityMoniker, Assignee) as "column=value,..." sorted; references as their table.</summary>
    private static string Describe(ParameterCollection input)
    {
        var parts = new List<string>();
        foreach (var name in new[] { "Target", "Targets", "EntityMoniker", "Assignee", "State" })
        {
            if (input.TryGetValue(name, out var value))
            {
                parts.Add(name + ":" + value switch
                {
                    Entity entity => Columns(entity),
                    EntityCollection collection => string.Join(";", collection.Entities.Select(Columns)),
                    EntityReference reference => reference.LogicalName,
                    OptionSetValue option => option.Value.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    _ => value?.GetType().Name ?? "null",
                });
            }
        }

        return string.Join(" ", parts);
    }

    private static string Describe(EntityImageCollection images)
        => string.Join(" ", images.OrderBy(i => i.Key, StringComparer.Ordinal).Select(i => i.Key + ":" + Columns(i.Value)));

    internal static string Columns(Entity entity)
        => string.Join(",", entity.Attributes
            .Where(a => a.Key is not ("modifiedon" or "modifiedby" or "versionnumber" or "createdon" or "createdby" or "owningbusinessunit"))
            .OrderBy(a => a.Key, StringComparer.Ordinal)
            .Select(a => a.Key + "=" + a.Value switch
            {
                null => "null",
                EntityReference reference => reference.LogicalName,
                OptionSetValue option => option.Value.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Guid _ => "id",
                var other => other.ToString(),
            }));
}

/// <summary>Counts, at the stage it runs in, the rows of the table its configuration names ("label|table") that point at the primary row through the given lookup ("label|table|lookup").</summary>
public sealed class CountChildrenPlugin : IPlugin
{
    private readonly string label;
    private readonly string table;
    private readonly string lookup;

    public CountChildrenPlugin(string unsecure)
    {
        var parts = unsecure.Split('|');
        (label, table, lookup) = (parts[0], parts[1], parts[2]);
    }

    public void Execute(IServiceProvider serviceProvider)
    {
        var context = serviceProvider.Context();
        var query = new QueryExpression(table) { ColumnSet = new ColumnSet(false) };
        query.Criteria.AddCondition(lookup, ConditionOperator.Equal, context.PrimaryEntityId);
        var count = serviceProvider.Service(null).RetrieveMultiple(query).Entities.Count;
        PluginLog.Write($"{label}|stage {context.Stage}|{table} children {count}");
    }
}

/// <summary>Post-operation on a child's Delete: reads the parent its pre-image names (configuration: "label|lookup") to show the parent still exists.</summary>
public sealed class ReadParentPlugin : IPlugin
{
    private readonly string label;
    private readonly string lookup;

    public ReadParentPlugin(string unsecure)
    {
        var parts = unsecure.Split('|');
        (label, lookup) = (parts[0], parts[1]);
    }

    public void Execute(IServiceProvider serviceProvider)
    {
        var context = serviceProvider.Context();
        var parent = context.PreEntityImages.Values.Single().GetAttributeValue<EntityReference>(lookup);
        var name = serviceProvider.Service(null).Retrieve(parent.LogicalName, parent.Id, new ColumnSet("name")).GetAttributeValue<string>("name");
        PluginLog.Write($"{label}|parent still there: {name}");
    }
}

/// <summary>Writes a task (subject: its configuration) through the system service, so a test can see whether the write survives.</summary>
public sealed class WriteTaskPlugin : IPlugin
{
    private readonly string subject;

    public WriteTaskPlugin(string unsecure)
    {
        subject = unsecure;
    }

    public void Execute(IServiceProvider serviceProvider) => serviceProvider.Service(null).Create(new Entity("task") { ["subject"] = subject });
}

/// <summary>Logs the owner a step sees: "label|message table stage|parent message table|target owner|pre owner|post owner", owners as user names.</summary>
public sealed class OwnerTracePlugin : IPlugin
{
    private readonly string label;

    public OwnerTracePlugin(string unsecure)
    {
        label = unsecure;
    }

    public void Execute(IServiceProvider serviceProvider)
    {
        var context = serviceProvider.Context();
        var service = serviceProvider.Service(null);
        string NameOf(EntityReference? owner) => owner is null ? "-" : service.Retrieve(owner.LogicalName, owner.Id, new ColumnSet("fullname")).GetAttributeValue<string>("fullname");
        var target = context.InputParameters.TryGetValue("Assignee", out var assignee)
            ? NameOf((EntityReference)assignee)
            : NameOf((context.InputParameters["Target"] as Entity)?.GetAttributeValue<EntityReference>("ownerid"));
        var parent = context.ParentContext is { } p ? $"{p.MessageName} {p.PrimaryEntityName}" : "none";
        PluginLog.Write($"{label}|{context.MessageName} {context.PrimaryEntityName} {context.Stage}|depth {context.Depth}|parent {parent}|new {target}"
            + $"|pre {NameOf(context.PreEntityImages.Values.FirstOrDefault()?.GetAttributeValue<EntityReference>("ownerid"))}"
            + $"|post {NameOf(context.PostEntityImages.Values.FirstOrDefault()?.GetAttributeValue<EntityReference>("ownerid"))}");
    }
}

/// <summary>Counts its runs in a shared variable ("runs") and logs "label|run n", to show which runs share the shared variables.</summary>
public sealed class SharedCounterPlugin : IPlugin
{
    private readonly string label;

    public SharedCounterPlugin(string unsecure)
    {
        label = unsecure;
    }

    public void Execute(IServiceProvider serviceProvider)
    {
        var shared = serviceProvider.Context().SharedVariables;
        var runs = (shared.TryGetValue("runs", out var value) ? (int)value : 0) + 1;
        shared["runs"] = runs;
        PluginLog.Write($"{label}|run {runs}");
    }
}

/// <summary>
/// On a bulk message: logs one line per entry of Targets, "label|message stage|targets n|#i id|pre name|post name",
/// reading the image arrays of IPluginExecutionContext4 (images named "row", column test_name).
/// </summary>
public sealed class BulkTargetsPlugin : IPlugin
{
    private readonly string label;

    public BulkTargetsPlugin(string unsecure)
    {
        label = unsecure;
    }

    public void Execute(IServiceProvider serviceProvider)
    {
        var context = (IPluginExecutionContext4)serviceProvider.GetService(typeof(IPluginExecutionContext))!;
        var targets = (EntityCollection)context.InputParameters["Targets"];
        static string NameIn(EntityImageCollection[] images, int index)
            => index < images.Length && images[index].TryGetValue("row", out var row) ? row.GetAttributeValue<string>("test_name") ?? "-" : "none";
        for (var index = 0; index < targets.Entities.Count; index++)
        {
            PluginLog.Write($"{label}|{context.MessageName} {context.Stage}|targets {targets.Entities.Count}|#{index} {targets.Entities[index].Id}"
                + $"|pre {NameIn(context.PreEntityImagesCollection, index)}|post {NameIn(context.PostEntityImagesCollection, index)}");
        }
    }
}

/// <summary>
/// Shows where stage 10's shared variables are: sets "from10" in stage 10, then logs
/// "label|stage n|own yes/no|parent message/stage|parent's yes/no|grandparent none/some".
/// </summary>
public sealed class PipelineShapePlugin : IPlugin
{
    private readonly string label;

    public PipelineShapePlugin(string unsecure)
    {
        label = unsecure;
    }

    public void Execute(IServiceProvider serviceProvider)
    {
        var context = serviceProvider.Context();
        if (context.Stage == 10)
        {
            context.SharedVariables["from10"] = "set in stage 10";
        }

        static string Has(ParameterCollection? shared) => shared is not null && shared.ContainsKey("from10") ? "yes" : "no";
        var parent = context.ParentContext;
        PluginLog.Write($"{label}|stage {context.Stage}|own {Has(context.SharedVariables)}|parent {(parent is null ? "none" : parent.MessageName + "/" + parent.Stage)}"
            + $"|parent's {Has(parent?.SharedVariables)}|grandparent {(parent?.ParentContext is null ? "none" : "some")}");
    }
}
