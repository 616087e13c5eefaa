using System;
using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk
{
    /// <summary>The detail of a fault a Dataverse service returns.</summary>
    [DataContract(Name = "BaseServiceFault", Namespace = XrmNamespaces.Contracts)]
    public class BaseServiceFault : IExtensibleDataObject
    {
        private ErrorDetailCollection _errorDetails;

        public BaseServiceFault()
        {
        }

        [DataMember]
        public int ErrorCode { get; set; }

        [DataMember]
        public ErrorDetailCollection ErrorDetails
        {
            get => _errorDetails ?? (_errorDetails = new ErrorDetailCollection());
            set => _errorDetails = value;
        }

        [DataMember]
        public string Message { get; set; }

        [DataMember]
        public DateTime Timestamp { get; set; }

        public ExtensionDataObject ExtensionData { get; set; }
    }

    /// <summary>
    /// The detail of FaultException&lt;OrganizationServiceFault&gt;, the exception IOrganizationService
    /// throws when Dataverse refuses an operation (ErrorCode is the Dataverse error code).
    /// </summary>
    [DataContract(Name = "OrganizationServiceFault", Namespace = XrmNamespaces.Contracts)]
    public sealed class OrganizationServiceFault : BaseServiceFault
    {
        public OrganizationServiceFault()
        {
        }

        [DataMember]
        public string TraceText { get; set; }

        [DataMember]
        public OrganizationServiceFault InnerFault { get; set; }
    }
}
