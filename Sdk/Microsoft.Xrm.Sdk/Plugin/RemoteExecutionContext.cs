using System;
using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk
{
    /// <summary>
    /// A plain, serializable execution context: what Dataverse posts to service endpoints, and a
    /// ready-made IPluginExecutionContext for hosts that run plug-ins (every property settable
    /// except the parameter and image collections, which are created on first read).
    /// </summary>
    [DataContract(Namespace = XrmNamespaces.Contracts2011)]
    public sealed class RemoteExecutionContext : IPluginExecutionContext, IExecutionContext, IExtensibleDataObject
    {
        private ParameterCollection _inputParameters;
        private ParameterCollection _outputParameters;
        private ParameterCollection _sharedVariables;
        private EntityImageCollection _preEntityImages;
        private EntityImageCollection _postEntityImages;

        [DataMember]
        public int Stage { get; set; }

        [DataMember]
        public int Mode { get; set; }

        [DataMember]
        public string MessageName { get; set; }

        [DataMember]
        public string PrimaryEntityName { get; set; }

        [DataMember]
        public string SecondaryEntityName { get; set; }

        [DataMember]
        public Guid? RequestId { get; set; }

        [DataMember]
        public ParameterCollection InputParameters => _inputParameters ?? (_inputParameters = new ParameterCollection());

        [DataMember]
        public ParameterCollection OutputParameters => _outputParameters ?? (_outputParameters = new ParameterCollection());

        [DataMember]
        public ParameterCollection SharedVariables => _sharedVariables ?? (_sharedVariables = new ParameterCollection());

        [DataMember]
        public Guid UserId { get; set; }

        [DataMember]
        public Guid InitiatingUserId { get; set; }

        [DataMember]
        public Guid BusinessUnitId { get; set; }

        [DataMember]
        public Guid OrganizationId { get; set; }

        [DataMember]
        public string OrganizationName { get; set; }

        [DataMember]
        public EntityImageCollection PreEntityImages => _preEntityImages ?? (_preEntityImages = new EntityImageCollection());

        [DataMember]
        public EntityImageCollection PostEntityImages => _postEntityImages ?? (_postEntityImages = new EntityImageCollection());

        [DataMember]
        public Guid CorrelationId { get; set; }

        [DataMember]
        public int Depth { get; set; }

        [DataMember]
        public bool IsExecutingOffline { get; set; }

        [DataMember]
        public bool IsOfflinePlayback { get; set; }

        [DataMember]
        public int IsolationMode { get; set; }

        [DataMember]
        public bool IsInTransaction { get; set; }

        [DataMember]
        public Guid OperationId { get; set; }

        [DataMember]
        public EntityReference OwningExtension { get; set; }

        [DataMember]
        public Guid PrimaryEntityId { get; set; }

        [DataMember]
        public DateTime OperationCreatedOn { get; set; }

        [DataMember]
        public RemoteExecutionContext ParentContext { get; set; }

        IPluginExecutionContext IPluginExecutionContext.ParentContext => ParentContext;

        [DataMember(IsRequired = false)]
        public Guid UserAzureActiveDirectoryObjectId { get; set; }

        [DataMember(IsRequired = false)]
        public Guid InitiatingUserAzureActiveDirectoryObjectId { get; set; }

        public ExtensionDataObject ExtensionData { get; set; }
    }
}
