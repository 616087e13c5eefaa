namespace CrmTeamSelling.Emulator.Metadata;

/// <summary>
/// The kinds of column the emulator stores, each with the one CLR type the SDK uses for its values
/// (see <see cref="ColumnMetadata.ExpectedValueType"/>). Named after Dataverse's AttributeTypeCode.
/// </summary>
public enum ColumnType
{
    String,
    Memo,
    Integer,
    BigInt,
    Decimal,
    Double,
    Money,
    Boolean,
    DateTime,
    Picklist,
    MultiSelectPicklist,
    State,
    Status,
    Lookup,
    Customer,
    Owner,
    Uniqueidentifier,
    PrimaryKey,
    EntityName,
    Image,
}
