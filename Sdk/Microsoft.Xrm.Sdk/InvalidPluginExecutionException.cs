using System;
using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk
{
    /// <summary>
    /// The exception a plug-in throws to refuse an operation; Dataverse shows its message to the
    /// user. Without an explicit error code it carries -2146233088 (0x80131500, the HRESULT of
    /// System.Exception); without an explicit status it is Failed.
    /// </summary>
    [Serializable]
    public sealed class InvalidPluginExecutionException : Exception
    {
        private const int DefaultErrorCode = unchecked((int)0x80131500);

        public InvalidPluginExecutionException()
            : this(OperationStatus.Failed, DefaultErrorCode, null, PluginHttpStatusCode.NotSet)
        {
        }

        public InvalidPluginExecutionException(string message)
            : this(OperationStatus.Failed, DefaultErrorCode, message, PluginHttpStatusCode.NotSet)
        {
        }

        public InvalidPluginExecutionException(string message, Exception inner)
            : base(message, inner)
        {
            Status = OperationStatus.Failed;
            ErrorCode = DefaultErrorCode;
            HttpStatus = PluginHttpStatusCode.NotSet;
        }

        public InvalidPluginExecutionException(OperationStatus status)
            : this(status, DefaultErrorCode, null, PluginHttpStatusCode.NotSet)
        {
        }

        public InvalidPluginExecutionException(OperationStatus status, string message)
            : this(status, DefaultErrorCode, message, PluginHttpStatusCode.NotSet)
        {
        }

        public InvalidPluginExecutionException(OperationStatus status, int errorCode, string message)
            : this(status, errorCode, message, PluginHttpStatusCode.NotSet)
        {
        }

        public InvalidPluginExecutionException(string message, PluginHttpStatusCode httpStatus)
            : this(OperationStatus.Failed, DefaultErrorCode, message, httpStatus)
        {
        }

        public InvalidPluginExecutionException(OperationStatus status, int errorCode, string message, PluginHttpStatusCode httpStatus)
            : base(message)
        {
            Status = status;
            ErrorCode = errorCode;
            HttpStatus = httpStatus;
        }

#pragma warning disable SYSLIB0051, CS0672 // The official type keeps its serialization constructor and GetObjectData; so do we.
        private InvalidPluginExecutionException(SerializationInfo info, StreamingContext context)
            : base(info, context)
        {
            Status = (OperationStatus)info.GetInt32(nameof(Status));
            ErrorCode = info.GetInt32(nameof(ErrorCode));
            HttpStatus = (PluginHttpStatusCode)info.GetInt32(nameof(HttpStatus));
        }

        public override void GetObjectData(SerializationInfo info, StreamingContext context)
        {
            base.GetObjectData(info, context);
            info.AddValue(nameof(Status), (int)Status);
            info.AddValue(nameof(ErrorCode), ErrorCode);
            info.AddValue(nameof(HttpStatus), (int)HttpStatus);
        }
#pragma warning restore SYSLIB0051, CS0672

        public OperationStatus Status { get; }

        public int ErrorCode { get; }

        public PluginHttpStatusCode HttpStatus { get; }
    }

    public enum OperationStatus
    {
        Failed = 0,
        Canceled = 1,
        Retry = 2,
        Suspended = 3,
        Succeeded = 4,
    }

    public enum PluginHttpStatusCode
    {
        NotSet = 0,
        BadRequest = 400,
        Unauthorized = 401,
        Forbidden = 403,
        NotFound = 404,
        MethodNotAllowed = 405,
        RequestTimeout = 408,
        Conflict = 409,
        Gone = 410,
        PreconditionFailed = 412,
        RequestEntityTooLarge = 413,
        ExpectationFailed = 417,
        FailedDependency = 424,
        TooManyRequests = 429,
        InternalServerError = 500,
        BadGateway = 502,
        ServiceUnavailable = 503,
        GatewayTimeout = 504,
    }
}
