using System;
using System.Runtime.Serialization;
using System.Text;

namespace Microsoft.Xrm.Sdk
{
    /// <summary>The detail of a fault a Dataverse service returns.</summary>
    [DataContract(Name = "BaseServiceFault", Namespace = XrmNamespaces.Contracts2011)]
    [KnownType(typeof(OrganizationServiceFault))]
    [Serializable]
    public abstract class BaseServiceFault : IExtensibleDataObject
    {
        private ErrorDetailCollection _errorDetails;

        [NonSerialized]
        private ExtensionDataObject _extensionData;

        [DataMember]
        public string Message { get; set; }

        [DataMember]
        public int ErrorCode { get; set; }

        [DataMember]
        public string HelpLink { get; set; }

        [DataMember]
        public DateTime Timestamp { get; set; }

        [DataMember]
        public Guid ActivityId { get; set; }

        [DataMember]
        public ErrorDetailCollection ErrorDetails
        {
            get => _errorDetails ?? (_errorDetails = new ErrorDetailCollection());
            set => _errorDetails = value;
        }

        public ExtensionDataObject ExtensionData
        {
            get => _extensionData;
            set => _extensionData = value;
        }
    }

    /// <summary>
    /// The detail of FaultException&lt;OrganizationServiceFault&gt;, the exception IOrganizationService
    /// throws when Dataverse refuses an operation (ErrorCode is the Dataverse error code).
    /// </summary>
    [DataContract(Name = "OrganizationServiceFault", Namespace = XrmNamespaces.Contracts2011)]
    [Serializable]
    public class OrganizationServiceFault : BaseServiceFault
    {
        [DataMember]
        public string TraceText { get; set; }

        [DataMember]
        public OrganizationServiceFault InnerFault { get; set; }

        /// <summary>Each fault of the chain: error code (hex), message, call stack when known, timestamp.</summary>
        public override string ToString()
        {
            var text = new StringBuilder();
            for (OrganizationServiceFault fault = this; fault != null; fault = fault.InnerFault)
            {
                text.AppendLine("Exception details: ");
                text.AppendLine("ErrorCode: 0x" + fault.ErrorCode.ToString("X"));
                text.AppendLine("Message: " + fault.Message);
                if (fault.ErrorDetails.TryGetValue("CallStack", out object callStack))
                {
                    text.AppendLine("StackTrace: ");
                    text.AppendLine(callStack as string);
                }

                text.AppendLine("TimeStamp: " + fault.Timestamp.ToUniversalTime().ToString("o"));
                text.AppendLine("--");
            }

            return text.ToString();
        }
    }
}
