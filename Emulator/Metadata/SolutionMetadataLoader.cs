using System;
using System.Collections.Generic;
using System.Linq;
using CrmTeamSelling.Emulator.Security;
using CrmTeamSelling.Packager.Model;
using DateTimeBehavior = CrmTeamSelling.Emulator.Metadata.DateTimeBehavior;

namespace CrmTeamSelling.Emulator.Metadata;

/// <summary>
/// Maps a <see cref="SolutionModel"/> (read from Solution/src by the Packager's reader) onto the
/// built-in catalog: the solution's tables, columns, choices, relationships, keys, custom APIs,
/// environment variables and roles. Columns the solution declares on a standard table extend it.
/// </summary>
public static class SolutionMetadataLoader
{
    public static MetadataCatalog Load(SolutionModel solution, MetadataCatalog? baseCatalog = null)
    {
        ArgumentNullException.ThrowIfNull(solution);
        var catalog = baseCatalog ?? MetadataCatalog.WithStandardTables();

        foreach (var optionSet in solution.GlobalOptionSets)
        {
            catalog.AddGlobalChoice(ToChoice(optionSet, isGlobal: true));
        }

        foreach (var relationship in solution.Relationships)
        {
            catalog.AddRelationship(ToRelationship(relationship, table => solution.Tables.FirstOrDefault(t => t.LogicalName == table)?.PrimaryIdAttribute ?? catalog.FindTable(table)?.PrimaryIdAttribute));
        }

        foreach (var table in solution.Tables)
        {
            catalog.AddTable(ToTable(table, catalog));
        }

        // The intersect table of a solution's N:N relationship is implicit in the layout: the emulator makes it.
        foreach (var relationship in catalog.Relationships.Where(r => r.Kind == RelationshipKind.ManyToMany && catalog.FindTable(r.IntersectEntity) is null).ToList())
        {
            catalog.AddTable(new TableBuilder(relationship.IntersectEntity, TableOwnership.None, isIntersect: true, source: relationship.Source)
                .Guid(relationship.Entity1IntersectAttribute, ColumnRequiredLevel.SystemRequired)
                .Guid(relationship.Entity2IntersectAttribute, ColumnRequiredLevel.SystemRequired)
                .Build());
        }

        foreach (var api in solution.CustomApis)
        {
            catalog.AddCustomApi(ToCustomApi(api));
        }

        foreach (var variable in solution.EnvironmentVariables)
        {
            catalog.AddEnvironmentVariable(new EnvironmentVariableMetadata(variable.SchemaName, variable.Type, variable.DefaultValue, variable.CurrentValue, variable.DisplayName));
        }

        catalog.Validate();
        return catalog;
    }

    /// <summary>The solution's security roles as the emulator applies them.</summary>
    public static IReadOnlyList<SecurityRole> LoadRoles(SolutionModel solution)
    {
        var roles = new List<SecurityRole>();
        foreach (var model in solution.Roles)
        {
            var role = new SecurityRole(model.Id, model.Name);
            foreach (var privilege in model.Privileges)
            {
                role.Grant(privilege.Name, SecurityRole.ParseDepth(privilege.Level, $"Role '{model.Name}' ({model.SourceFile}), privilege {privilege.Name}"));
            }

            roles.Add(role);
        }

        return roles;
    }

    private static TableMetadata ToTable(TableModel model, MetadataCatalog catalog)
    {
        var source = string.IsNullOrEmpty(model.SourceFile) ? $"table {model.LogicalName} of the solution" : model.SourceFile;
        var builtIn = catalog.FindTable(model.LogicalName);
        TableMetadata table;
        if (builtIn is not null)
        {
            // A standard table shipped to add columns: keep the built-in definition and extend it.
            table = builtIn;
        }
        else
        {
            var ownership = model.Ownership switch
            {
                OwnershipType.UserOwned => TableOwnership.UserOwned,
                OwnershipType.OrganizationOwned => TableOwnership.OrganizationOwned,
                _ => TableOwnership.None,
            };
            table = new TableMetadata(model.LogicalName, model.PrimaryIdAttribute, ownership)
            {
                SchemaName = model.SchemaName,
                DisplayName = model.DisplayName,
                PrimaryNameAttribute = model.PrimaryNameAttribute,
                IsActivity = model.IsActivity,
                IsCustom = model.IsCustom,
                PrivilegeName = model.IsActivity ? "Activity" : model.SchemaName ?? model.LogicalName,
                Source = source,
            };
            table.SetColumn(new ColumnMetadata(model.PrimaryIdAttribute, ColumnType.PrimaryKey));
            TableBuilder.AddSystemColumns(table);
        }

        foreach (var column in model.Columns)
        {
            var mapped = ToColumn(column, model, table, catalog, source);
            if (mapped is not null)
            {
                table.SetColumn(mapped);
            }
        }

        foreach (var key in model.Keys)
        {
            table.AddKey(new AlternateKeyMetadata(key.LogicalName, key.Columns.ToArray(), key.DisplayName));
        }

        return table;
    }

    private static ColumnMetadata? ToColumn(ColumnModel model, TableModel tableModel, TableMetadata table, MetadataCatalog catalog, string source)
    {
        var existing = table.FindColumn(model.LogicalName);
        if (existing is not null && (existing.IsPlatformManaged || existing.Type is ColumnType.PrimaryKey or ColumnType.Owner))
        {
            // The platform keeps these; an export lists them, but their behaviour is Dataverse's, not the file's.
            return null;
        }

        var type = ParseType(model.Type);
        if (type is null)
        {
            return null;
        }

        ChoiceMetadata? choice = null;
        if (model.OptionSet is not null)
        {
            choice = ToChoice(model.OptionSet, isGlobal: false);
        }
        else if (!string.IsNullOrEmpty(model.GlobalOptionSetName))
        {
            choice = catalog.FindGlobalChoice(model.GlobalOptionSetName!)
                ?? throw new InvalidOperationException($"Column '{tableModel.LogicalName}.{model.LogicalName}' ({source}) uses the global choice '{model.GlobalOptionSetName}', which the solution does not define (OptionSets/{model.GlobalOptionSetName}.xml).");
        }
        else if (type is ColumnType.Picklist or ColumnType.MultiSelectPicklist or ColumnType.State or ColumnType.Status)
        {
            choice = existing?.Choice
                ?? throw new InvalidOperationException($"Choice column '{tableModel.LogicalName}.{model.LogicalName}' ({source}) has no options and names no global choice.");
        }

        var targets = model.LookupTargets.Count > 0
            ? model.LookupTargets.ToArray()
            : type switch
            {
                ColumnType.Lookup or ColumnType.Customer => catalog.ParentRelationshipsOf(tableModel.LogicalName)
                    .Where(r => r.ReferencingAttribute == model.LogicalName)
                    .Select(r => r.ReferencedEntity).Distinct().ToArray(),
                _ => Array.Empty<string>(),
            };
        if (type is ColumnType.Lookup or ColumnType.Customer && targets.Length == 0)
        {
            if (existing is not null && existing.IsLookup)
            {
                targets = existing.Targets.ToArray();
            }
            else
            {
                catalog.Warn($"Lookup column '{tableModel.LogicalName}.{model.LogicalName}' ({source}) has no relationship naming it as its referencing attribute; the emulator accepts a reference to any table in it. Add the relationship to Other/Relationships.");
            }
        }

        return new ColumnMetadata(model.LogicalName, type.Value)
        {
            DisplayName = model.DisplayName,
            RequiredLevel = model.RequiredLevel switch
            {
                RequiredLevel.SystemRequired => ColumnRequiredLevel.SystemRequired,
                RequiredLevel.ApplicationRequired => ColumnRequiredLevel.ApplicationRequired,
                RequiredLevel.Recommended => ColumnRequiredLevel.Recommended,
                _ => ColumnRequiredLevel.None,
            },
            MaxLength = model.MaxLength,
            MinValue = model.MinValue,
            MaxValue = model.MaxValue,
            Precision = model.Precision,
            Format = model.Format,
            DateTimeBehavior = model.DateTimeBehavior switch
            {
                Packager.Model.DateTimeBehavior.DateOnly => DateTimeBehavior.DateOnly,
                Packager.Model.DateTimeBehavior.TimeZoneIndependent => DateTimeBehavior.TimeZoneIndependent,
                // An export without <Behavior> predates the behaviours: its columns are user local.
                _ => DateTimeBehavior.UserLocal,
            },
            Choice = choice,
            Targets = targets,
        };
    }

    /// <summary>The Type element of Entity.xml; null for kinds the emulator does not store (virtual, file, partylist...).</summary>
    internal static ColumnType? ParseType(string type) => type.Trim().ToLowerInvariant() switch
    {
        "nvarchar" or "string" => ColumnType.String,
        "ntext" or "memo" => ColumnType.Memo,
        "int" or "integer" => ColumnType.Integer,
        "bigint" => ColumnType.BigInt,
        "decimal" => ColumnType.Decimal,
        "float" or "double" => ColumnType.Double,
        "money" => ColumnType.Money,
        "bit" or "boolean" => ColumnType.Boolean,
        "datetime" => ColumnType.DateTime,
        "picklist" => ColumnType.Picklist,
        "multiselectpicklist" => ColumnType.MultiSelectPicklist,
        "state" => ColumnType.State,
        "status" => ColumnType.Status,
        "lookup" => ColumnType.Lookup,
        "customer" => ColumnType.Customer,
        "owner" => ColumnType.Owner,
        "primarykey" => ColumnType.PrimaryKey,
        "uniqueidentifier" => ColumnType.Uniqueidentifier,
        "image" => ColumnType.Image,
        "entityname" => ColumnType.EntityName,
        "virtual" or "file" or "partylist" or "managedproperty" or "calendarrules" or "timezone" or "timestamp" => null,
        _ => throw new InvalidOperationException($"Column type '{type}' is not one the emulator knows; expected nvarchar, ntext, int, bigint, decimal, float, money, bit, datetime, picklist, multiselectpicklist, state, status, lookup, customer, owner, primarykey, uniqueidentifier, image or entityname."),
    };

    private static ChoiceMetadata ToChoice(OptionSetModel model, bool isGlobal)
        => new(model.Name, isGlobal || model.IsGlobal, model.Options.Select(o => new ChoiceOption(o.Value, o.Label, o.State)));

    /// <param name="primaryKeyOf">The primary key of a table: exports do not write a relationship's referenced attribute, and activities' is activityid.</param>
    private static RelationshipMetadata ToRelationship(RelationshipModel model, Func<string, string?> primaryKeyOf)
    {
        var source = string.IsNullOrEmpty(model.SourceFile) ? "the solution" : model.SourceFile;
        if (model.Type == RelationshipType.ManyToMany)
        {
            return RelationshipMetadata.ManyToMany(model.SchemaName,
                Require(model.Entity1, "Entity1", model), Require(model.Entity1IntersectAttribute, "Entity1IntersectAttribute", model),
                Require(model.Entity2, "Entity2", model), Require(model.Entity2IntersectAttribute, "Entity2IntersectAttribute", model),
                Require(model.IntersectEntity, "IntersectEntity", model), source);
        }

        var cascade = new CascadeConfiguration(
            CascadeConfiguration.Parse(model.Cascade.Assign, model.SchemaName, source),
            CascadeConfiguration.Parse(model.Cascade.Delete, model.SchemaName, source),
            CascadeConfiguration.Parse(model.Cascade.Reparent, model.SchemaName, source),
            CascadeConfiguration.Parse(model.Cascade.Share, model.SchemaName, source),
            CascadeConfiguration.Parse(model.Cascade.Unshare, model.SchemaName, source));
        var referencedEntity = Require(model.ReferencedEntity, "ReferencedEntity", model);
        return RelationshipMetadata.OneToMany(model.SchemaName,
            referencedEntity, model.ReferencedAttribute ?? primaryKeyOf(referencedEntity) ?? referencedEntity + "id",
            Require(model.ReferencingEntity, "ReferencingEntity", model), Require(model.ReferencingAttribute, "ReferencingAttribute", model),
            cascade, source);
    }

    private static CustomApiMetadata ToCustomApi(CustomApiModel model) => new()
    {
        UniqueName = model.UniqueName,
        BindingType = model.BindingType,
        BoundEntityLogicalName = model.BoundEntityLogicalName,
        IsFunction = model.IsFunction,
        IsPrivate = model.IsPrivate,
        ExecutePrivilegeName = model.ExecutePrivilegeName,
        PluginTypeName = model.PluginTypeName,
        RequestParameters = model.RequestParameters.Select(p => new CustomApiParameter(p.UniqueName, (CustomApiParameterType)p.Type, p.IsOptional, p.LogicalEntityName)).ToArray(),
        ResponseProperties = model.ResponseProperties.Select(p => new CustomApiParameter(p.UniqueName, (CustomApiParameterType)p.Type, p.IsOptional, p.LogicalEntityName)).ToArray(),
        Source = model.SourceFile,
    };

    private static string Require(string? value, string field, RelationshipModel model)
        => string.IsNullOrWhiteSpace(value)
            ? throw new InvalidOperationException($"Relationship '{model.SchemaName}' ({model.SourceFile}) has no {field}.")
            : value;
}
