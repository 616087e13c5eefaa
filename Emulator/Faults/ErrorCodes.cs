namespace CrmTeamSelling.Emulator.Faults;

/// <summary>
/// The Dataverse error codes the emulator raises (OrganizationServiceFault.ErrorCode), with the names
/// Microsoft's error code list gives them. Tests compare against these rather than against message text.
/// </summary>
public static class ErrorCodes
{
    /// <summary>0x80040200 RequiredFieldMissing: a system-required column has no value.</summary>
    public const int RequiredFieldMissing = unchecked((int)0x80040200);

    /// <summary>0x80040203 InvalidArgument: a value of the wrong type, a bad request parameter.</summary>
    public const int InvalidArgument = unchecked((int)0x80040203);

    /// <summary>0x80040217 ObjectDoesNotExist: "{table} With Id = {id} Does Not Exist".</summary>
    public const int ObjectDoesNotExist = unchecked((int)0x80040217);

    /// <summary>0x80040220 PrivilegeDenied: the caller's roles lack the privilege.</summary>
    public const int PrivilegeDenied = unchecked((int)0x80040220);

    /// <summary>0x80040224 generic plug-in failure: an exception other than InvalidPluginExecutionException escaped a plug-in.</summary>
    public const int UnexpectedPluginException = unchecked((int)0x80040224);

    /// <summary>0x80040227 CannotDeleteDueToAssociation: a Restrict relationship still has children.</summary>
    public const int CannotDeleteDueToAssociation = unchecked((int)0x80040227);

    /// <summary>0x80040237 DuplicateRecord: a row with this primary key (or this N:N association) already exists.</summary>
    public const int DuplicateRecord = unchecked((int)0x80040237);

    /// <summary>0x80040251 TransactionNotStarted: a plug-in swallowed a failed call and went on ("There is no active transaction").</summary>
    public const int TransactionNotStarted = unchecked((int)0x80040251);

    /// <summary>0x80040265 IsvAborted: a plug-in threw InvalidPluginExecutionException.</summary>
    public const int IsvAborted = unchecked((int)0x80040265);

    /// <summary>0x80041102 QueryBuilderNoEntity: the table is not in the metadata.</summary>
    public const int QueryBuilderNoEntity = unchecked((int)0x80041102);

    /// <summary>0x80041103 QueryBuilderNoAttribute: the column is not on the table.</summary>
    public const int QueryBuilderNoAttribute = unchecked((int)0x80041103);

    /// <summary>0x8004431A OptionSet value out of range ("... is outside the valid range. Accepted Values: ...").</summary>
    public const int PicklistValueOutOfRange = unchecked((int)0x8004431A);

    /// <summary>0x80044330 DecimalValueOutOfRange / number outside the column's minimum and maximum.</summary>
    public const int ValueOutOfRange = unchecked((int)0x80044330);

    /// <summary>0x80044331 StringLengthTooLong: "The length of the '{column}' attribute of the '{table}' entity exceeded the maximum allowed length of '{n}'."</summary>
    public const int StringLengthTooLong = unchecked((int)0x80044331);

    /// <summary>0x80048306 record-level access check failed (SecLib::AccessCheckEx): the privilege is there, its depth or a share does not reach the row.</summary>
    public const int AccessCheckFailed = unchecked((int)0x80048306);

    /// <summary>0x80048408 InvalidStateCodeStatusCode: the status reason does not belong to the state.</summary>
    public const int InvalidStateCodeStatusCode = unchecked((int)0x80048408);

    /// <summary>0x80060882 ConcurrencyVersionMismatch: the row changed since the caller read its RowVersion.</summary>
    public const int ConcurrencyVersionMismatch = unchecked((int)0x80060882);

    /// <summary>0x80060883 ConcurrencyVersionNotProvided: IfRowVersionMatches without a RowVersion.</summary>
    public const int ConcurrencyVersionNotProvided = unchecked((int)0x80060883);

    /// <summary>0x80060892 DuplicateRecordEntityKey: an alternate key's values are already taken.</summary>
    public const int DuplicateRecordEntityKey = unchecked((int)0x80060892);

    /// <summary>
    /// The emulator's code for the depth-8 loop stop. Dataverse words the error as below; the code is the
    /// IsvAborted family's, as the emulator could not confirm the platform's own constant.
    /// </summary>
    public const int InfiniteLoopDetected = IsvAborted;
}

/// <summary>Messages the platform itself words, for tests that compare them.</summary>
public static class PlatformMessages
{
    /// <summary>Dataverse's words when the depth limit stops a loop of plug-ins.</summary>
    public const string InfiniteLoop = "This workflow job was canceled because the workflow that started it included an infinite loop. Correct the workflow logic and try again.";

    /// <summary>What Dataverse answers when a plug-in swallowed a failed call inside the transaction and went on.</summary>
    public const string NoActiveTransaction = "There is no active transaction. This error is usually caused by custom plug-ins that ignore errors from service calls and continue processing.";
}
