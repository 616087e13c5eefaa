using System;
using System.Globalization;
using System.ServiceModel;
using Microsoft.Xrm.Sdk;

namespace CrmTeamSelling.Emulator.Faults;

/// <summary>
/// Builds the faults the emulator throws: FaultException&lt;OrganizationServiceFault&gt; with Dataverse's
/// error code and a message worded as Dataverse words it, so callers and plug-ins catch what they
/// would catch against a real org.
/// </summary>
public static class DataverseFault
{
    public static FaultException<OrganizationServiceFault> Create(int errorCode, string message)
    {
        var fault = new OrganizationServiceFault
        {
            ErrorCode = errorCode,
            Message = message,
            Timestamp = DateTime.UtcNow,
        };
        return new FaultException<OrganizationServiceFault>(fault, new FaultReason(message));
    }

    /// <summary>The error code of a fault, or null for any other exception.</summary>
    public static int? ErrorCodeOf(Exception exception)
        => exception is FaultException<OrganizationServiceFault> fault ? fault.Detail.ErrorCode : null;

    internal static FaultException<OrganizationServiceFault> DoesNotExist(string table, Guid id)
        => Create(ErrorCodes.ObjectDoesNotExist, $"{table} With Id = {id:D} Does Not Exist");

    internal static FaultException<OrganizationServiceFault> DoesNotExistByKey(string table, string keyDescription)
        => Create(ErrorCodes.ObjectDoesNotExist, $"A record with the specified key values does not exist in {table} entity. Key values: {keyDescription}");

    internal static FaultException<OrganizationServiceFault> UnknownTable(string table)
        => Create(ErrorCodes.QueryBuilderNoEntity, $"The entity with a name = '{table}' with namemapping = 'Logical' was not found in the MetadataCache.");

    internal static FaultException<OrganizationServiceFault> UnknownColumn(string table, string column)
        => Create(ErrorCodes.QueryBuilderNoAttribute, $"'{table}' entity doesn't contain attribute with Name = '{column}' and NameMapping = 'Logical'.");

    internal static FaultException<OrganizationServiceFault> WrongType(string table, string column, Type expected, object value)
        => Create(ErrorCodes.InvalidArgument, $"Incorrect type of attribute value {value.GetType().FullName}: the column '{column}' of '{table}' takes {expected.FullName}.");

    internal static FaultException<OrganizationServiceFault> StringTooLong(string table, string column, int maxLength)
        => Create(ErrorCodes.StringLengthTooLong, $"A validation error occurred. The length of the '{column}' attribute of the '{table}' entity exceeded the maximum allowed length of '{maxLength}'.");

    internal static FaultException<OrganizationServiceFault> ChoiceOutOfRange(string table, string column, int value, string acceptedValues)
        => Create(ErrorCodes.PicklistValueOutOfRange, $"A validation error occurred. The value {value} of '{column}' on record of type '{table}' is outside the valid range. Accepted Values: {acceptedValues}");

    internal static FaultException<OrganizationServiceFault> OutOfRange(string table, string column, object value, decimal? min, decimal? max)
        => Create(ErrorCodes.ValueOutOfRange, string.Format(CultureInfo.InvariantCulture,
            "A validation error occurred. The value {0} of '{1}' on record of type '{2}' is outside the valid range ({3} to {4}).", value, column, table, min, max));

    internal static FaultException<OrganizationServiceFault> RequiredFieldMissing(string table, string column)
        => Create(ErrorCodes.RequiredFieldMissing, $"Attribute '{column}' cannot be NULL: it is required on '{table}'.");

    internal static FaultException<OrganizationServiceFault> DuplicateKey(string table, string keyName, string columns, string values)
        => Create(ErrorCodes.DuplicateRecordEntityKey, $"A record that has the attribute values {values} already exists. The entity key {keyName} requires that this set of attributes contains unique values. Select unique values and try again. (table {table}, columns {columns})");

    internal static FaultException<OrganizationServiceFault> DuplicateId(string table, Guid id)
        => Create(ErrorCodes.DuplicateRecord, $"Cannot insert duplicate key. A {table} with id {id:D} already exists.");

    internal static FaultException<OrganizationServiceFault> InvalidArgument(string message)
        => Create(ErrorCodes.InvalidArgument, message);
}
