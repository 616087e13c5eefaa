using System;
using System.Collections.Generic;
using System.Linq;

namespace CrmTeamSelling.Emulator.Metadata;

/// <summary>
/// Everything the emulator knows about the schema: tables, relationships, global choices, custom APIs
/// and environment variables. Built once (from the built-in catalog plus a solution) and read-only after.
/// </summary>
public sealed class MetadataCatalog
{
    private readonly Dictionary<string, TableMetadata> tables = new(StringComparer.Ordinal);
    private readonly Dictionary<string, RelationshipMetadata> relationships = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, ChoiceMetadata> globalChoices = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, CustomApiMetadata> customApis = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<EnvironmentVariableMetadata> environmentVariables = new();
    private readonly List<string> warnings = new();
    private Dictionary<string, List<RelationshipMetadata>>? childRelationshipsByParent;
    private Dictionary<string, List<RelationshipMetadata>>? parentRelationshipsByChild;

    /// <summary>A catalog holding only the built-in standard tables.</summary>
    public static MetadataCatalog WithStandardTables()
    {
        var catalog = new MetadataCatalog();
        foreach (var table in StandardTables.Tables())
        {
            catalog.AddTable(table);
        }

        foreach (var relationship in StandardTables.Relationships())
        {
            catalog.AddRelationship(relationship);
        }

        return catalog;
    }

    public IReadOnlyCollection<TableMetadata> Tables => tables.Values;

    public IReadOnlyCollection<RelationshipMetadata> Relationships => relationships.Values;

    public IReadOnlyCollection<ChoiceMetadata> GlobalChoices => globalChoices.Values;

    public IReadOnlyCollection<CustomApiMetadata> CustomApis => customApis.Values;

    public IReadOnlyList<EnvironmentVariableMetadata> EnvironmentVariables => environmentVariables;

    /// <summary>What loading set aside (relationships to tables the emulator does not model), for whoever wonders why.</summary>
    public IReadOnlyList<string> Warnings => warnings;

    public TableMetadata? FindTable(string logicalName) => tables.TryGetValue(logicalName, out var table) ? table : null;

    public RelationshipMetadata? FindRelationship(string schemaName) => relationships.TryGetValue(schemaName, out var relationship) ? relationship : null;

    public ChoiceMetadata? FindGlobalChoice(string name) => globalChoices.TryGetValue(name, out var choice) ? choice : null;

    public CustomApiMetadata? FindCustomApi(string uniqueName) => customApis.TryGetValue(uniqueName, out var api) ? api : null;

    /// <summary>Adds a table, or replaces one of the same logical name.</summary>
    public void AddTable(TableMetadata table)
    {
        tables[table.LogicalName] = table;
    }

    public void AddRelationship(RelationshipMetadata relationship)
    {
        relationships[relationship.SchemaName] = relationship;
        childRelationshipsByParent = null;
        parentRelationshipsByChild = null;
    }

    public void AddGlobalChoice(ChoiceMetadata choice) => globalChoices[choice.Name] = choice;

    public void AddCustomApi(CustomApiMetadata api) => customApis[api.UniqueName] = api;

    public void AddEnvironmentVariable(EnvironmentVariableMetadata variable)
    {
        environmentVariables.RemoveAll(v => string.Equals(v.SchemaName, variable.SchemaName, StringComparison.OrdinalIgnoreCase));
        environmentVariables.Add(variable);
    }

    /// <summary>One-to-many relationships in which <paramref name="parentTable"/> is the referenced (parent) side.</summary>
    public IReadOnlyList<RelationshipMetadata> ChildRelationshipsOf(string parentTable)
    {
        childRelationshipsByParent ??= relationships.Values.Where(r => r.Kind == RelationshipKind.OneToMany)
            .GroupBy(r => r.ReferencedEntity, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        return childRelationshipsByParent.TryGetValue(parentTable, out var list) ? list : Array.Empty<RelationshipMetadata>();
    }

    /// <summary>One-to-many relationships in which <paramref name="childTable"/> is the referencing (child) side.</summary>
    public IReadOnlyList<RelationshipMetadata> ParentRelationshipsOf(string childTable)
    {
        parentRelationshipsByChild ??= relationships.Values.Where(r => r.Kind == RelationshipKind.OneToMany)
            .GroupBy(r => r.ReferencingEntity, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        return parentRelationshipsByChild.TryGetValue(childTable, out var list) ? list : Array.Empty<RelationshipMetadata>();
    }

    /// <summary>
    /// Checks that every relationship joins tables and columns the catalog knows. A relationship to a
    /// table the emulator does not model (transactioncurrency, say, which every export lists) is set
    /// aside with a warning; a relationship naming a column its table lacks is an error. Throws one
    /// error listing every problem.
    /// </summary>
    public void Validate()
    {
        var problems = new List<string>();
        foreach (var relationship in relationships.Values.ToList())
        {
            var tablesUsed = relationship.Kind == RelationshipKind.OneToMany
                ? new[] { relationship.ReferencedEntity, relationship.ReferencingEntity }
                : new[] { relationship.Entity1, relationship.Entity2, relationship.IntersectEntity };
            var unknown = tablesUsed.Where(t => FindTable(t) is null).Distinct().ToList();
            if (unknown.Count > 0)
            {
                relationships.Remove(relationship.SchemaName);
                warnings.Add($"Relationship '{relationship.SchemaName}' ({relationship.Source}) was set aside: the emulator does not model table(s) {string.Join(", ", unknown)}.");
                continue;
            }

            if (relationship.Kind == RelationshipKind.OneToMany)
            {
                RequireColumn(relationship, relationship.ReferencedEntity, relationship.ReferencedAttribute, problems);
                RequireColumn(relationship, relationship.ReferencingEntity, relationship.ReferencingAttribute, problems);
            }
            else
            {
                RequireColumn(relationship, relationship.IntersectEntity, relationship.Entity1IntersectAttribute, problems);
                RequireColumn(relationship, relationship.IntersectEntity, relationship.Entity2IntersectAttribute, problems);
            }
        }

        childRelationshipsByParent = null;
        parentRelationshipsByChild = null;
        foreach (var api in customApis.Values.Where(a => a.BoundEntityLogicalName is { Length: > 0 }))
        {
            if (FindTable(api.BoundEntityLogicalName!) is null)
            {
                problems.Add($"Custom API '{api.UniqueName}' ({api.Source}) is bound to table '{api.BoundEntityLogicalName}', which neither the solution nor the built-in catalog defines.");
            }
        }

        if (problems.Count > 0)
        {
            throw new InvalidOperationException("The solution's metadata is inconsistent:" + Environment.NewLine + string.Join(Environment.NewLine, problems.Select(p => "  - " + p)));
        }
    }

    internal void Warn(string warning) => warnings.Add(warning);

    private void RequireColumn(RelationshipMetadata relationship, string table, string column, List<string> problems)
    {
        var found = FindTable(table);
        if (found is not null && column is not null && !found.HasColumn(column))
        {
            problems.Add($"Relationship '{relationship.SchemaName}' ({relationship.Source}) uses column '{table}.{column}', which the table does not have.");
        }
    }
}
