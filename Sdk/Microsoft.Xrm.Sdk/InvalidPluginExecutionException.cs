using System;
using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk
{
    /// <summary>
    /// The exception a plug-in throws to refuse an operation; Dataverse shows its message to the
    /// user. ErrorCode is the exception's HResult: -2146233088 (0x80131500, that of any
    /// System.Exception) unless a non-zero error code is given. Status defaults to Failed and
    /// HttpStatus to NotSet.
    /// </summary>
    [Serializable]
    public sealed class InvalidPluginExecutionException : Exception, ISerializable
    {
        private readonly OperationStatus _status;
        private readonly PluginHttpStatusCode _httpStatus;

        public InvalidPluginExecutionException()
        {
            _status = OperationStatus.Failed;
            _httpStatus = PluginHttpStatusCode.NotSet;
        }

        public InvalidPluginExecutionException(OperationStatus status)
            : this(status, string.Empty)
        {
        }

        public InvalidPluginExecutionException(string message)
            : base(message)
        {
            _status = OperationStatus.Failed;
            _httpStatus = PluginHttpStatusCode.NotSet;
        }

        public InvalidPluginExecutionException(OperationStatus status, string message)
            : this(status, 0, message)
        {
        }

        /// <summary>Wraps an exception; when it is itself an InvalidPluginExecutionException, its HttpStatus carries over.</summary>
        public InvalidPluginExecutionException(string message, Exception exception)
            : base(message, exception)
        {
            _status = OperationStatus.Failed;
            _httpStatus = exception is InvalidPluginExecutionException inner ? inner.HttpStatus : PluginHttpStatusCode.NotSet;
        }

        /// <param name="errorCode">A Dataverse error code; 0 keeps the default HResult.</param>
        public InvalidPluginExecutionException(OperationStatus status, int errorCode, string message)
            : this(message)
        {
            _status = status;
            if (errorCode != 0)
            {
                HResult = errorCode;
            }
        }

        public InvalidPluginExecutionException(string message, PluginHttpStatusCode httpStatus)
            : this(OperationStatus.Failed, 0, message, httpStatus)
        {
        }

        public InvalidPluginExecutionException(OperationStatus status, int errorCode, string message, PluginHttpStatusCode httpStatus)
            : this(status, errorCode, message)
        {
            _httpStatus = httpStatus;
        }

#pragma warning disable SYSLIB0051, CS0672 // The official type keeps binary serialization; so do we, on both targets.
        private InvalidPluginExecutionException(SerializationInfo info, StreamingContext context)
            : base(info, context)
        {
            _status = (OperationStatus)info.GetValue(nameof(Status), typeof(OperationStatus));
            _httpStatus = (PluginHttpStatusCode)info.GetValue(nameof(HttpStatus), typeof(PluginHttpStatusCode));
        }

        public override void GetObjectData(SerializationInfo info, StreamingContext context)
        {
            if (info == null)
            {
                throw new ArgumentNullException(nameof(info));
            }

            info.AddValue(nameof(Status), _status, typeof(OperationStatus));
            info.AddValue(nameof(HttpStatus), _httpStatus, typeof(PluginHttpStatusCode));
            base.GetObjectData(info, context);
        }
#pragma warning restore SYSLIB0051, CS0672

        public OperationStatus Status => _status;

        public int ErrorCode => HResult;

        public PluginHttpStatusCode HttpStatus => _httpStatus;
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
