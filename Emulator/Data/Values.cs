using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using CrmTeamSelling.Emulator.Metadata;
using Microsoft.Xrm.Sdk;

namespace CrmTeamSelling.Emulator.Data;

/// <summary>
/// Copies and compares attribute values. The store keeps its own copies so that callers and
/// plug-ins never share an instance with it (Dataverse serialises every request and response).
/// </summary>
internal static class Values
{
    public static Entity CloneEntity(Entity source)
    {
        var copy = new Entity(source.LogicalName) { Id = source.Id, RowVersion = source.RowVersion, EntityState = source.EntityState };
        foreach (var attribute in source.Attributes)
        {
            copy.Attributes[attribute.Key] = CloneValue(attribute.Value);
        }

        foreach (var formatted in source.FormattedValues)
        {
            copy.FormattedValues[formatted.Key] = formatted.Value;
        }

        foreach (var key in source.KeyAttributes)
        {
            copy.KeyAttributes[key.Key] = CloneValue(key.Value);
        }

        foreach (var related in source.RelatedEntities)
        {
            copy.RelatedEntities[new Relationship(related.Key.SchemaName) { PrimaryEntityRole = related.Key.PrimaryEntityRole }] = CloneCollection(related.Value);
        }

        return copy;
    }

    public static EntityCollection CloneCollection(EntityCollection source)
    {
        var copy = new EntityCollection(source.Entities.Select(CloneEntity).ToList())
        {
            EntityName = source.EntityName,
            MoreRecords = source.MoreRecords,
            PagingCookie = source.PagingCookie,
            TotalRecordCount = source.TotalRecordCount,
            TotalRecordCountLimitExceeded = source.TotalRecordCountLimitExceeded,
            MinActiveRowVersion = source.MinActiveRowVersion,
        };
        return copy;
    }

    public static EntityReference CloneReference(EntityReference source)
    {
        var copy = new EntityReference(source.LogicalName, source.Id) { Name = source.Name, RowVersion = source.RowVersion };
        foreach (var key in source.KeyAttributes)
        {
            copy.KeyAttributes[key.Key] = CloneValue(key.Value);
        }

        return copy;
    }

    /// <summary>A copy of a value as it would come back from a round trip through the service.</summary>
    public static object? CloneValue(object? value) => value switch
    {
        null => null,
        Entity entity => CloneEntity(entity),
        EntityReference reference => CloneReference(reference),
        Money money => new Money(money.Value),
        OptionSetValue option => new OptionSetValue(option.Value),
        OptionSetValueCollection options => new OptionSetValueCollection(options.Select(o => new OptionSetValue(o.Value)).ToList()),
        EntityCollection collection => CloneCollection(collection),
        EntityReferenceCollection references => new EntityReferenceCollection(references.Select(CloneReference).ToList()),
        byte[] bytes => bytes.ToArray(),
        string[] strings => strings.ToArray(),
        Relationship relationship => new Relationship(relationship.SchemaName) { PrimaryEntityRole = relationship.PrimaryEntityRole },
        OrganizationRequest request => CloneRequest(request),
        OrganizationRequestCollection requests => CloneRequests(requests),
        _ => value, // immutable: string, numbers, bool, Guid, DateTime, enums; queries are passed as they are
    };

    public static OrganizationRequest CloneRequest(OrganizationRequest request)
    {
        var copy = new OrganizationRequest(request.RequestName) { RequestId = request.RequestId };
        foreach (var parameter in request.Parameters)
        {
            copy.Parameters[parameter.Key] = CloneValue(parameter.Value);
        }

        return copy;
    }

    private static OrganizationRequestCollection CloneRequests(OrganizationRequestCollection requests)
    {
        var copy = new OrganizationRequestCollection();
        foreach (var request in requests)
        {
            copy.Add(CloneRequest(request));
        }

        return copy;
    }

    public static ParameterCollection CloneParameters(ParameterCollection source)
    {
        var copy = new ParameterCollection();
        foreach (var parameter in source)
        {
            copy[parameter.Key] = CloneValue(parameter.Value);
        }

        return copy;
    }

    /// <summary>
    /// The comparable form of a value for queries and keys: references by id, choices and money by
    /// number, strings case-insensitively (Dataverse's default collation).
    /// </summary>
    public static object? Normalize(object? value) => value switch
    {
        null => null,
        EntityReference reference => reference.Id,
        OptionSetValue option => option.Value,
        Money money => money.Value,
        Entity entity => entity.Id,
        AliasedValue aliased => Normalize(aliased.Value),
        _ => value,
    };

    /// <summary>Compares two normalized values; null sorts first, as SQL Server orders nulls.</summary>
    public static int Compare(object? left, object? right)
    {
        left = Normalize(left);
        right = Normalize(right);
        if (left is null || right is null)
        {
            return left is null ? (right is null ? 0 : -1) : 1;
        }

        if (left is string leftString && right is string rightString)
        {
            return string.Compare(leftString, rightString, StringComparison.OrdinalIgnoreCase);
        }

        // The common case (two decimals, ints, dates, ids) needs no conversion.
        if (left.GetType() == right.GetType() && left is IComparable same)
        {
            return same.CompareTo(right);
        }

        if (IsNumber(left) && IsNumber(right))
        {
            return Convert.ToDecimal(left, CultureInfo.InvariantCulture).CompareTo(Convert.ToDecimal(right, CultureInfo.InvariantCulture));
        }

        if (left is Guid leftGuid && right is string rightGuidText && Guid.TryParse(rightGuidText, out var parsedRight))
        {
            return leftGuid.CompareTo(parsedRight);
        }

        if (left is string leftGuidText && right is Guid rightGuid && Guid.TryParse(leftGuidText, out var parsedLeft))
        {
            return parsedLeft.CompareTo(rightGuid);
        }

        if (left is bool leftBool && IsNumber(right))
        {
            return (leftBool ? 1m : 0m).CompareTo(Convert.ToDecimal(right, CultureInfo.InvariantCulture));
        }

        if (left is DateTime leftDate && right is string rightDateText && DateTime.TryParse(rightDateText, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var rightDate))
        {
            return leftDate.CompareTo(rightDate);
        }

        if (left is IComparable comparable && left.GetType() == right.GetType())
        {
            return comparable.CompareTo(right);
        }

        return string.Compare(Convert.ToString(left, CultureInfo.InvariantCulture), Convert.ToString(right, CultureInfo.InvariantCulture), StringComparison.OrdinalIgnoreCase);
    }

    public static bool AreEqual(object? left, object? right) => Compare(left, right) == 0 && (left is null) == (right is null);

    /// <summary>The text of a key value in an index: case-insensitive for strings, as the SQL unique index compares.</summary>
    public static string KeyText(object? value) => Normalize(value) switch
    {
        null => "",
        string text => text.ToUpperInvariant(),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        var other => other.ToString() ?? "",
    };

    /// <summary>
    /// A date and time as Dataverse keeps it in a DateTime column: user-local values in UTC (a local value is
    /// converted; an unspecified one counts as UTC, the time zone of every emulated user); date-only values as the date
    /// written, at midnight; time-zone-independent values as written. The last two are never converted between time
    /// zones, and the SDK returns them with an unspecified kind. Stored values and the values of query conditions both
    /// go through here, so that they compare alike.
    /// </summary>
    public static DateTime ToStoredDateTime(DateTime value, DateTimeBehavior behavior) => behavior switch
    {
        DateTimeBehavior.DateOnly => DateTime.SpecifyKind(value.Date, DateTimeKind.Unspecified),
        DateTimeBehavior.TimeZoneIndependent => DateTime.SpecifyKind(value, DateTimeKind.Unspecified),
        _ => value.Kind switch
        {
            DateTimeKind.Local => value.ToUniversalTime(),
            DateTimeKind.Unspecified => DateTime.SpecifyKind(value, DateTimeKind.Utc),
            _ => value,
        },
    };

    /// <summary>
    /// Reads a date and time written as text (FetchXML, ISO 8601) for a column of the given behaviour: an offset in the
    /// text converts a user-local value to UTC, while date-only and time-zone-independent values keep the wall-clock
    /// date and time written. Null when the text is no date.
    /// </summary>
    public static DateTime? ParseDateTime(string text, DateTimeBehavior behavior)
    {
        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out var parsed))
        {
            return null;
        }

        return ToStoredDateTime(behavior == DateTimeBehavior.UserLocal ? parsed.UtcDateTime : parsed.DateTime, behavior);
    }

    private static bool IsNumber(object value) => value is int or long or decimal or double or float or short or byte;
}
