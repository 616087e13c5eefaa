using System;

namespace CrmTeamSelling.Emulator.Metadata;

/// <summary>What an action on the parent does to the children (Dataverse's CascadeType, plus the delete-only kinds).</summary>
public enum CascadeType
{
    NoCascade,
    Cascade,
    Active,
    UserOwned,
    RemoveLink,
    Restrict,
}

public enum RelationshipKind
{
    OneToMany,
    ManyToMany,
}

/// <summary>Cascade behaviour of a one-to-many relationship, per action on the parent.</summary>
public sealed record CascadeConfiguration(
    CascadeType Assign = CascadeType.NoCascade,
    CascadeType Delete = CascadeType.RemoveLink,
    CascadeType Reparent = CascadeType.NoCascade,
    CascadeType Share = CascadeType.NoCascade,
    CascadeType Unshare = CascadeType.NoCascade)
{
    /// <summary>Parental: every action cascades to the children.</summary>
    public static CascadeConfiguration Parental { get; } = new(CascadeType.Cascade, CascadeType.Cascade, CascadeType.Cascade, CascadeType.Cascade, CascadeType.Cascade);

    /// <summary>Referential: nothing cascades; deleting the parent clears the lookup.</summary>
    public static CascadeConfiguration Referential { get; } = new();

    public static CascadeType Parse(string? value, string relationship, string source) => value?.Trim() switch
    {
        null or "" or "NoCascade" => CascadeType.NoCascade,
        "Cascade" => CascadeType.Cascade,
        "Active" => CascadeType.Active,
        "UserOwned" => CascadeType.UserOwned,
        "RemoveLink" => CascadeType.RemoveLink,
        "Restrict" => CascadeType.Restrict,
        _ => throw new InvalidOperationException($"Relationship '{relationship}' ({source}) has the cascade value '{value}'; expected NoCascade, Cascade, Active, UserOwned, RemoveLink or Restrict."),
    };
}

/// <summary>A relationship between two tables: 1:N through a lookup column, or N:N through an intersect table.</summary>
public sealed class RelationshipMetadata
{
    private RelationshipMetadata(string schemaName, RelationshipKind kind)
    {
        SchemaName = schemaName;
        Kind = kind;
    }

    public string SchemaName { get; }

    public RelationshipKind Kind { get; }

    // One-to-many: ReferencedEntity (the parent) <- ReferencingEntity.ReferencingAttribute.
    public string ReferencedEntity { get; private init; } = "";

    public string ReferencedAttribute { get; private init; } = "";

    public string ReferencingEntity { get; private init; } = "";

    public string ReferencingAttribute { get; private init; } = "";

    public CascadeConfiguration Cascade { get; private init; } = CascadeConfiguration.Referential;

    // Many-to-many.
    public string Entity1 { get; private init; } = "";

    public string Entity2 { get; private init; } = "";

    public string IntersectEntity { get; private init; } = "";

    public string Entity1IntersectAttribute { get; private init; } = "";

    public string Entity2IntersectAttribute { get; private init; } = "";

    public string Source { get; private init; } = "";

    public static RelationshipMetadata OneToMany(string schemaName, string referencedEntity, string referencedAttribute, string referencingEntity, string referencingAttribute, CascadeConfiguration cascade, string source = "built-in catalog")
        => new(schemaName, RelationshipKind.OneToMany)
        {
            ReferencedEntity = referencedEntity,
            ReferencedAttribute = referencedAttribute,
            ReferencingEntity = referencingEntity,
            ReferencingAttribute = referencingAttribute,
            Cascade = cascade,
            Source = source,
        };

    public static RelationshipMetadata ManyToMany(string schemaName, string entity1, string entity1IntersectAttribute, string entity2, string entity2IntersectAttribute, string intersectEntity, string source = "built-in catalog")
        => new(schemaName, RelationshipKind.ManyToMany)
        {
            Entity1 = entity1,
            Entity1IntersectAttribute = entity1IntersectAttribute,
            Entity2 = entity2,
            Entity2IntersectAttribute = entity2IntersectAttribute,
            IntersectEntity = intersectEntity,
            Source = source,
        };

    public override string ToString() => SchemaName;
}
