using System;
using System.Linq;
using CrmTeamSelling.Emulator.Faults;
using CrmTeamSelling.Emulator.Metadata;
using CrmTeamSelling.Emulator.Pipeline;
using Microsoft.Xrm.Sdk;

namespace CrmTeamSelling.Emulator.Messages;

/// <summary>
/// A custom API from the solution: its request parameters are checked against the definition, its
/// plug-in runs as the main operation (stage 30), and its response properties are checked on the way out.
/// Steps registered on the API's message run in stages 10, 20 and 40 around it.
/// </summary>
internal sealed class CustomApiHandler : MessageHandler
{
    private readonly CustomApiMetadata api;

    public CustomApiHandler(CustomApiMetadata api)
    {
        this.api = api;
    }

    public override string MessageName => api.UniqueName;

    public override void Prepare(Operation operation)
    {
        if (api.BindingType == 1)
        {
            var target = Required<EntityReference>(operation, "Target");
            if (target.LogicalName != api.BoundEntityLogicalName)
            {
                throw DataverseFault.InvalidArgument($"{api.UniqueName} is bound to '{api.BoundEntityLogicalName}'; its Target is a '{target.LogicalName}'.");
            }

            operation.PrimaryEntityName = target.LogicalName;
            operation.PrimaryEntityId = operation.Runtime.Writer.Validator.ResolveId(target);
        }
        else if (api.BindingType == 2)
        {
            operation.PrimaryEntityName = api.BoundEntityLogicalName ?? "none";
        }

        foreach (var parameter in api.RequestParameters)
        {
            if (!operation.Input.TryGetValue(parameter.UniqueName, out var value) || value is null)
            {
                if (!parameter.IsOptional)
                {
                    throw DataverseFault.InvalidArgument($"Required field '{parameter.UniqueName}' is missing in the {api.UniqueName} request.");
                }

                continue;
            }

            if (!parameter.ValueType.IsInstanceOfType(value))
            {
                throw DataverseFault.InvalidArgument($"The parameter '{parameter.UniqueName}' of {api.UniqueName} takes a {parameter.ValueType.FullName}, not a {value.GetType().FullName}.");
            }
        }

        var declared = api.RequestParameters.Select(p => p.UniqueName).ToHashSet(StringComparer.Ordinal);
        if (api.BindingType == 1)
        {
            declared.Add("Target");
        }

        var unknown = operation.Input.Keys.FirstOrDefault(k => !declared.Contains(k));
        if (unknown is not null)
        {
            throw DataverseFault.InvalidArgument($"The request {api.UniqueName} has a parameter '{unknown}' its definition does not declare. Declared: {string.Join(", ", api.RequestParameters.Select(p => p.UniqueName))}.");
        }
    }

    public override void Execute(Operation operation)
    {
        if (api.ExecutePrivilegeName is { Length: > 0 } privilege && !operation.Frame.IsSystem
            && !operation.Runtime.Access.PrincipalOf(operation.Frame.UserId).HasPrivilege(privilege))
        {
            throw DataverseFault.Create(ErrorCodes.PrivilegeDenied, $"Principal user (Id={operation.Frame.UserId}, type=8), is missing {privilege} privilege, which the custom API {api.UniqueName} requires.");
        }

        var step = operation.Runtime.Plugins.CustomApiStep(api.UniqueName);
        if (step is not null)
        {
            var context = operation.CreateContext(step, PipelineStage.MainOperation, isInTransaction: operation.Transaction is not null, mode: 0);
            operation.Runtime.RunPlugin(step.Instance, step.PluginName, context, step.DisplayName);
        }

        foreach (var property in api.ResponseProperties)
        {
            if (operation.Output.TryGetValue(property.UniqueName, out var value) && value is not null && !property.ValueType.IsInstanceOfType(value))
            {
                throw DataverseFault.InvalidArgument($"The plug-in of {api.UniqueName} set the response property '{property.UniqueName}' to a {value.GetType().FullName}; the definition declares {property.ValueType.FullName}.");
            }
        }
    }
}
