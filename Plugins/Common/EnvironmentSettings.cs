using System;
using System.Globalization;
using CrmTeamSelling.Plugins.Model;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Definition = CrmTeamSelling.Plugins.Model.LogicalNames.EnvironmentVariableDefinition;
using VariableValue = CrmTeamSelling.Plugins.Model.LogicalNames.EnvironmentVariableValue;

namespace CrmTeamSelling.Plugins.Common
{
    /// <summary>
    /// The Team Selling settings, read from the environment variables the solution ships: the org's
    /// value where an admin set one, else the definition's default, else the built-in default.
    /// One query per setting read.
    /// </summary>
    public static class EnvironmentSettings
    {
        public static string LevelParityMode(IOrganizationService service)
        {
            var value = (Read(service, EnvironmentVariables.LevelParityMode) ?? LevelParityModes.Default).Trim().ToLowerInvariant();
            switch (value)
            {
                case LevelParityModes.Enforce:
                case LevelParityModes.Warn:
                case LevelParityModes.Off:
                    return value;
                default:
                    throw new InvalidPluginExecutionException(string.Format(CultureInfo.InvariantCulture, UserMessages.InvalidSetting,
                        EnvironmentVariables.LevelParityMode, value, "enforce, warn or off"));
            }
        }

        public static int StaleRelationshipDays(IOrganizationService service)
        {
            var text = Read(service, EnvironmentVariables.StaleRelationshipDays);
            if (text == null)
            {
                return Model.StaleRelationshipDays.Default;
            }

            if (int.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var days) && days >= 1)
            {
                return days;
            }

            throw new InvalidPluginExecutionException(string.Format(CultureInfo.InvariantCulture, UserMessages.InvalidSetting,
                EnvironmentVariables.StaleRelationshipDays, text, "a whole number of days, 1 or more"));
        }

        public static bool InAppNotificationsEnabled(IOrganizationService service)
        {
            var value = (Read(service, EnvironmentVariables.NotificationChannel) ?? NotificationChannels.Default).Trim().ToLowerInvariant();
            switch (value)
            {
                case NotificationChannels.InApp:
                    return true;
                case NotificationChannels.Off:
                    return false;
                default:
                    throw new InvalidPluginExecutionException(string.Format(CultureInfo.InvariantCulture, UserMessages.InvalidSetting,
                        EnvironmentVariables.NotificationChannel, value, "inapp or off"));
            }
        }

        /// <summary>The setting's value, or null when neither the org nor the definition gives one.</summary>
        public static string? Read(IOrganizationService service, string schemaName)
        {
            var query = new QueryExpression(Definition.LogicalName)
            {
                ColumnSet = new ColumnSet(Definition.DefaultValue),
                TopCount = 1,
            };
            query.Criteria.AddCondition(Definition.SchemaName, ConditionOperator.Equal, schemaName);
            var value = query.AddLink(VariableValue.LogicalName, Definition.Id, VariableValue.DefinitionId, JoinOperator.LeftOuter);
            value.EntityAlias = "setting";
            value.Columns = new ColumnSet(VariableValue.Value);

            var rows = service.RetrieveMultiple(query).Entities;
            if (rows.Count == 0)
            {
                return null;
            }

            var orgValue = rows[0].GetAttributeValue<AliasedValue>("setting." + VariableValue.Value)?.Value as string;
            if (!string.IsNullOrWhiteSpace(orgValue))
            {
                return orgValue;
            }

            var defaultValue = rows[0].GetAttributeValue<string>(Definition.DefaultValue);
            return string.IsNullOrWhiteSpace(defaultValue) ? null : defaultValue;
        }
    }
}
