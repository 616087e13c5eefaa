namespace CrmTeamSelling.Emulator.Metadata;

/// <summary>
/// How a DateTime column stores and converts its values (Dataverse's DateTimeBehavior). The column's Format
/// ("date" or "datetime") only says how forms show a value; the behaviour decides what is stored and compared.
/// </summary>
public enum DateTimeBehavior
{
    /// <summary>Stored in UTC and converted to each user's time zone (every emulated user's zone is UTC).</summary>
    UserLocal,

    /// <summary>A calendar date: stored at midnight, never converted between time zones; the SDK returns it with an unspecified kind.</summary>
    DateOnly,

    /// <summary>A date and time stored and returned as written, never converted; the SDK returns it with an unspecified kind.</summary>
    TimeZoneIndependent,
}
