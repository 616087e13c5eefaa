using System.Linq;
using CrmTeamSelling.Emulator;
using Microsoft.Xrm.Sdk;
using Definition = CrmTeamSelling.Plugins.Model.LogicalNames.EnvironmentVariableDefinition;
using Value = CrmTeamSelling.Plugins.Model.LogicalNames.EnvironmentVariableValue;

namespace CrmTeamSelling.Plugins.Tests.TestSupport;

/// <summary>Sets a Team Selling setting as an administrator does: a value row for the shipped environment variable.</summary>
public static class Settings
{
    public static void Set(XrmEmulator crm, string schemaName, string value)
    {
        var definition = crm.All(Definition.LogicalName, d => d.GetAttributeValue<string>(Definition.SchemaName) == schemaName).SingleOrDefault();
        Assert.IsNotNull(definition, $"the solution ships no environment variable {schemaName}");
        var existing = crm.All(Value.LogicalName, v => v.GetAttributeValue<EntityReference>(Value.DefinitionId)?.Id == definition.Id).SingleOrDefault();
        if (existing is null)
        {
            crm.System.Create(new Entity(Value.LogicalName)
            {
                ["schemaname"] = schemaName,
                [Value.Value] = value,
                [Value.DefinitionId] = definition.ToEntityReference(),
            });
        }
        else
        {
            crm.System.Update(new Entity(Value.LogicalName, existing.Id) { [Value.Value] = value });
        }
    }
}
