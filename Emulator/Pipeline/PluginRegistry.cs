using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Threading;
using Microsoft.Xrm.Sdk;

namespace CrmTeamSelling.Emulator.Pipeline;

/// <summary>
/// A registered step with its plug-in instance. Like Dataverse, the emulator creates one instance per
/// step (with the step's configuration) and reuses it for every run, on whichever thread calls.
/// </summary>
internal sealed class RegisteredStep
{
    private readonly Lazy<IPlugin> instance;

    public RegisteredStep(PluginStepRegistration registration, int order)
    {
        Registration = registration;
        Order = order;
        FilteringAttributes = new HashSet<string>(registration.FilteringAttributes, StringComparer.Ordinal);
        instance = new Lazy<IPlugin>(() => PluginFactory.Create(registration.PluginType, registration.UnsecureConfiguration, registration.SecureConfiguration, registration.ToString()),
            LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public PluginStepRegistration Registration { get; }

    /// <summary>Registration order: breaks ties between steps of the same rank.</summary>
    public int Order { get; }

    public HashSet<string> FilteringAttributes { get; }

    public string PluginName => Registration.PluginType.FullName ?? Registration.PluginType.Name;

    public string DisplayName => string.IsNullOrEmpty(Registration.Name) ? PluginName : Registration.Name;

    public IPlugin Instance => instance.Value;
}

internal static class PluginFactory
{
    /// <summary>
    /// Creates a plug-in as Dataverse does: through its (unsecure, secure) constructor when it has one,
    /// else its (unsecure) constructor, else its parameterless one.
    /// </summary>
    public static IPlugin Create(Type type, string? unsecure, string? secure, string where)
    {
        if (!typeof(IPlugin).IsAssignableFrom(type) || type.IsAbstract)
        {
            throw new InvalidOperationException($"Step {where}: {type.FullName} is not a concrete class implementing Microsoft.Xrm.Sdk.IPlugin.");
        }

        object? created;
        if (type.GetConstructor(new[] { typeof(string), typeof(string) }) is { } both)
        {
            created = both.Invoke(new object?[] { unsecure, secure });
        }
        else if (type.GetConstructor(new[] { typeof(string) }) is { } one)
        {
            created = one.Invoke(new object?[] { unsecure });
        }
        else if (type.GetConstructor(Type.EmptyTypes) is { } none)
        {
            created = none.Invoke(Array.Empty<object>());
        }
        else
        {
            throw new InvalidOperationException($"Step {where}: {type.FullName} has no public constructor Dataverse can call: (), (string unsecureConfig) or (string unsecureConfig, string secureConfig).");
        }

        return (IPlugin)created;
    }

    /// <summary>
    /// Dataverse caches one instance per step and runs it on many threads at once, so a field a plug-in
    /// writes after construction is a race in production. The emulator serialises operations and would
    /// never show that race; it refuses such a plug-in when the step is registered instead.
    /// </summary>
    public static void RequireStateless(Type type, string where)
    {
        var mutable = new List<string>();
        for (var current = type; current is not null && current != typeof(object); current = current.BaseType)
        {
            mutable.AddRange(current.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly)
                .Where(f => !f.IsInitOnly)
                .Select(f => current.Name + "." + f.Name));
        }

        if (mutable.Count > 0)
        {
            throw new InvalidOperationException($"{where}: {type.FullName} has mutable instance fields ({string.Join(", ", mutable)}). Dataverse runs one cached instance per step on many threads at once; make the fields readonly or keep the state inside Execute. (EmulatorOptions.AllowMutablePluginFields turns this check off.)");
        }
    }

    /// <summary>Finds a plug-in type by full name in the given assemblies; the error lists what is there.</summary>
    public static Type Resolve(string typeName, IReadOnlyList<Assembly> assemblies, string where)
    {
        foreach (var assembly in assemblies)
        {
            if (assembly.GetType(typeName, throwOnError: false) is { } type)
            {
                return type;
            }
        }

        var available = assemblies.SelectMany(SafeTypes).Where(t => typeof(IPlugin).IsAssignableFrom(t) && !t.IsAbstract).Select(t => t.FullName).OrderBy(n => n).ToList();
        throw new InvalidOperationException(assemblies.Count == 0
            ? $"{where} names the plug-in type '{typeName}', but no plug-in assembly was given to the emulator."
            : $"{where} names the plug-in type '{typeName}', which is not in {string.Join(", ", assemblies.Select(a => a.GetName().Name))}. Plug-in types there: {(available.Count == 0 ? "none" : string.Join(", ", available))}.");
    }

    private static IEnumerable<Type> SafeTypes(Assembly assembly)
    {
        try
        {
            return assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException partial)
        {
            return partial.Types.OfType<Type>();
        }
    }
}

/// <summary>The steps registered in the emulator, found by message and table in execution order.</summary>
internal sealed class PluginRegistry
{
    private readonly List<RegisteredStep> steps = new();
    private readonly bool allowMutableFields;

    public PluginRegistry(bool allowMutableFields)
    {
        this.allowMutableFields = allowMutableFields;
    }
    private readonly Dictionary<string, RegisteredStep> customApiSteps = new(StringComparer.OrdinalIgnoreCase);

    public IReadOnlyList<RegisteredStep> Steps => steps;

    public void Register(PluginStepRegistration registration)
    {
        if (registration.Stage is not (PipelineStage.PreValidation or PipelineStage.PreOperation or PipelineStage.PostOperation))
        {
            throw new InvalidOperationException($"Step {registration} ({registration.Source}) is registered in stage {registration.Stage}; steps run in stage 10 (pre-validation), 20 (pre-operation) or 40 (post-operation).");
        }

        if (registration.IsAsynchronous && registration.Stage != PipelineStage.PostOperation)
        {
            throw new InvalidOperationException($"Step {registration} ({registration.Source}) is asynchronous in stage {registration.Stage}; Dataverse runs asynchronous steps only in stage 40 (post-operation).");
        }

        if (string.Equals(registration.Message, "SetState", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"Step {registration} ({registration.Source}) is registered on SetState, which Dataverse does not trigger: it runs a SetStateRequest as SetStateDynamicEntity, and an Update of statecode as Update. Register the step on Update with the filtering attributes statecode and statuscode (it then runs for both), or on SetStateDynamicEntity for SetStateRequest alone.");
        }

        if (registration.FilteringAttributes.Count > 0 && registration.Message is not ("Update" or "UpdateMultiple"))
        {
            throw new InvalidOperationException($"Step {registration} ({registration.Source}) has filtering attributes on the {registration.Message} message; Dataverse applies filtering attributes only to Update.");
        }

        foreach (var image in registration.Images)
        {
            var allowed = registration.Message switch
            {
                "Create" or "CreateMultiple" => image.ImageType == ImageType.PostImage && registration.Stage == PipelineStage.PostOperation,
                "Delete" => image.ImageType == ImageType.PreImage,
                _ => image.ImageType == ImageType.PreImage || registration.Stage == PipelineStage.PostOperation,
            };
            if (!allowed)
            {
                throw new InvalidOperationException($"Step {registration} ({registration.Source}) asks for the {image.ImageType} '{image.Name}', which Dataverse does not provide there: Create has only a post-image in stage 40, Delete only a pre-image, and post-images exist only in stage 40.");
            }
        }

        if (!allowMutableFields)
        {
            PluginFactory.RequireStateless(registration.PluginType, $"Step {registration} ({registration.Source})");
        }

        steps.Add(new RegisteredStep(registration, steps.Count));
    }

    /// <summary>True when any step (any stage, synchronous or not) is registered on the message for the table or for every table.</summary>
    public bool HasStepsFor(string message, string table)
        => steps.Any(s => string.Equals(s.Registration.Message, message, StringComparison.OrdinalIgnoreCase) && AppliesTo(s, table));

    /// <summary>The steps for a message on a table in one stage, by rank then registration order.</summary>
    public IEnumerable<RegisteredStep> StepsFor(string message, string? table, int stage, bool asynchronous)
        => steps.Where(s => s.Registration.Stage == stage && s.Registration.IsAsynchronous == asynchronous
                && string.Equals(s.Registration.Message, message, StringComparison.OrdinalIgnoreCase)
                && AppliesTo(s, table))
            .OrderBy(s => s.Registration.Rank).ThenBy(s => s.Order);

    private static bool AppliesTo(RegisteredStep step, string? table)
        => step.Registration.PrimaryEntity is null or "" or "none" || string.Equals(step.Registration.PrimaryEntity, table, StringComparison.Ordinal);

    /// <summary>Registers the plug-in type that is a custom API's main operation (stage 30).</summary>
    public void RegisterCustomApiPlugin(string apiName, Type pluginType)
    {
        if (!allowMutableFields)
        {
            PluginFactory.RequireStateless(pluginType, $"Custom API {apiName}");
        }

        customApiSteps[apiName] = new RegisteredStep(new PluginStepRegistration
        {
            Name = apiName + " main operation",
            Message = apiName,
            Stage = PipelineStage.MainOperation,
            PluginType = pluginType,
            Source = "custom API " + apiName,
        }, -1);
    }

    public RegisteredStep? CustomApiStep(string apiName) => customApiSteps.TryGetValue(apiName, out var step) ? step : null;
}
