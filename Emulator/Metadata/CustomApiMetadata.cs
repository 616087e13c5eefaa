using System;
using System.Collections.Generic;

namespace CrmTeamSelling.Emulator.Metadata;

/// <summary>The type of a custom API parameter (customapirequestparameter.type).</summary>
public enum CustomApiParameterType
{
    Boolean = 0,
    DateTime = 1,
    Decimal = 2,
    Entity = 3,
    EntityCollection = 4,
    EntityReference = 5,
    Float = 6,
    Integer = 7,
    Money = 8,
    Picklist = 9,
    String = 10,
    StringArray = 11,
    Guid = 12,
}

public sealed record CustomApiParameter(string UniqueName, CustomApiParameterType Type, bool IsOptional, string? LogicalEntityName = null)
{
    /// <summary>The CLR type the SDK uses for values of this parameter.</summary>
    public Type ValueType => Type switch
    {
        CustomApiParameterType.Boolean => typeof(bool),
        CustomApiParameterType.DateTime => typeof(DateTime),
        CustomApiParameterType.Decimal => typeof(decimal),
        CustomApiParameterType.Entity => typeof(Microsoft.Xrm.Sdk.Entity),
        CustomApiParameterType.EntityCollection => typeof(Microsoft.Xrm.Sdk.EntityCollection),
        CustomApiParameterType.EntityReference => typeof(Microsoft.Xrm.Sdk.EntityReference),
        CustomApiParameterType.Float => typeof(double),
        CustomApiParameterType.Integer => typeof(int),
        CustomApiParameterType.Money => typeof(Microsoft.Xrm.Sdk.Money),
        CustomApiParameterType.Picklist => typeof(Microsoft.Xrm.Sdk.OptionSetValue),
        CustomApiParameterType.String => typeof(string),
        CustomApiParameterType.StringArray => typeof(string[]),
        CustomApiParameterType.Guid => typeof(Guid),
        _ => throw new InvalidOperationException($"Custom API parameter '{UniqueName}' has the unknown type {(int)Type}."),
    };
}

/// <summary>A custom API: its message name, binding, parameters and the plugin type that implements it.</summary>
public sealed class CustomApiMetadata
{
    public required string UniqueName { get; init; }

    /// <summary>0 Global, 1 Entity, 2 EntityCollection.</summary>
    public int BindingType { get; init; }

    public string? BoundEntityLogicalName { get; init; }

    public bool IsFunction { get; init; }

    public bool IsPrivate { get; init; }

    public string? ExecutePrivilegeName { get; init; }

    /// <summary>The plugin type (full name) whose Execute is the main operation; null means the API has none (then only its steps run).</summary>
    public string? PluginTypeName { get; init; }

    public IReadOnlyList<CustomApiParameter> RequestParameters { get; init; } = Array.Empty<CustomApiParameter>();

    public IReadOnlyList<CustomApiParameter> ResponseProperties { get; init; } = Array.Empty<CustomApiParameter>();

    public string Source { get; init; } = "";
}

/// <summary>An environment variable definition and the value the solution ships, if any.</summary>
public sealed record EnvironmentVariableMetadata(string SchemaName, int Type, string? DefaultValue, string? CurrentValue, string? DisplayName = null);
