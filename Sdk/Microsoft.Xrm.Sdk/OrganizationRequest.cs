using System;
using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk
{
    /// <summary>A message to Dataverse: a name and named parameters. Typed requests are views over Parameters.</summary>
    [DataContract(Name = "OrganizationRequest", Namespace = XrmNamespaces.Contracts2011)]
    public class OrganizationRequest : IExtensibleDataObject
    {
        private ParameterCollection _parameters;

        public OrganizationRequest()
        {
        }

        public OrganizationRequest(string requestName)
        {
            RequestName = requestName;
        }

        [DataMember]
        public string RequestName { get; set; }

        [DataMember]
        public ParameterCollection Parameters
        {
            get => _parameters ?? (_parameters = new ParameterCollection());
            set => _parameters = value;
        }

        [DataMember]
        public Guid? RequestId { get; set; }

        public object this[string parameterName]
        {
            get => Parameters[parameterName];
            set => Parameters[parameterName] = value;
        }

        public ExtensionDataObject ExtensionData { get; set; }
    }

    /// <summary>The answer to a message: a name and named results. Typed responses are views over Results.</summary>
    [DataContract(Name = "OrganizationResponse", Namespace = XrmNamespaces.Contracts2011)]
    public class OrganizationResponse : IExtensibleDataObject
    {
        private ParameterCollection _results;

        public OrganizationResponse()
        {
        }

        [DataMember]
        public string ResponseName { get; set; }

        [DataMember]
        public ParameterCollection Results
        {
            get => _results ?? (_results = new ParameterCollection());
            set => _results = value;
        }

        public object this[string parameterName]
        {
            get => Results[parameterName];
            set => Results[parameterName] = value;
        }

        public ExtensionDataObject ExtensionData { get; set; }
    }

    [DataContract(Name = "ExecuteMultipleSettings", Namespace = XrmNamespaces.Contracts2012)]
    public sealed class ExecuteMultipleSettings : IExtensibleDataObject
    {
        [DataMember]
        public bool ContinueOnError { get; set; }

        [DataMember]
        public bool ReturnResponses { get; set; }

        public ExtensionDataObject ExtensionData { get; set; }
    }

    [DataContract(Name = "ExecuteMultipleResponseItem", Namespace = XrmNamespaces.Contracts2012)]
    public sealed class ExecuteMultipleResponseItem : IExtensibleDataObject
    {
        [DataMember]
        public int RequestIndex { get; set; }

        [DataMember]
        public OrganizationResponse Response { get; set; }

        [DataMember]
        public OrganizationServiceFault Fault { get; set; }

        public ExtensionDataObject ExtensionData { get; set; }
    }
}
