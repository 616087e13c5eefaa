using System;
using System.Runtime.Serialization;
using CrmTeamSelling.Sdk.Internal;
using Microsoft.Xrm.Sdk.Query;

namespace Microsoft.Xrm.Sdk.Messages
{
    // Each typed request is a view over OrganizationRequest.Parameters under the parameter names
    // Dataverse uses; its constructor sets RequestName and puts the required parameters in
    // (null until assigned), as the official classes do.

    [DataContract(Namespace = XrmNamespaces.Contracts2011)]
    public sealed class CreateRequest : OrganizationRequest
    {
        public CreateRequest()
        {
            RequestName = "Create";
            Target = null;
        }

        public Entity Target
        {
            get => ParameterValues.Get<Entity>(Parameters, "Target");
            set => Parameters["Target"] = value;
        }
    }

    [DataContract(Namespace = XrmNamespaces.Contracts2011)]
    public sealed class CreateResponse : OrganizationResponse
    {
        public Guid id => ParameterValues.Get<Guid>(Results, "id");
    }

    [DataContract(Namespace = XrmNamespaces.Contracts2011)]
    public sealed class RetrieveRequest : OrganizationRequest
    {
        public RetrieveRequest()
        {
            RequestName = "Retrieve";
            Target = null;
            ColumnSet = null;
        }

        public EntityReference Target
        {
            get => ParameterValues.Get<EntityReference>(Parameters, "Target");
            set => Parameters["Target"] = value;
        }

        public ColumnSet ColumnSet
        {
            get => ParameterValues.Get<ColumnSet>(Parameters, "ColumnSet");
            set => Parameters["ColumnSet"] = value;
        }

        public bool ReturnNotifications
        {
            get => ParameterValues.Get<bool>(Parameters, "ReturnNotifications");
            set => Parameters["ReturnNotifications"] = value;
        }
    }

    [DataContract(Namespace = XrmNamespaces.Contracts2011)]
    public sealed class RetrieveResponse : OrganizationResponse
    {
        public Entity Entity => ParameterValues.Get<Entity>(Results, "Entity");
    }

    [DataContract(Namespace = XrmNamespaces.Contracts2011)]
    public sealed class UpdateRequest : OrganizationRequest
    {
        public UpdateRequest()
        {
            RequestName = "Update";
            Target = null;
        }

        public Entity Target
        {
            get => ParameterValues.Get<Entity>(Parameters, "Target");
            set => Parameters["Target"] = value;
        }

        public ConcurrencyBehavior ConcurrencyBehavior
        {
            get => ParameterValues.Get<ConcurrencyBehavior>(Parameters, "ConcurrencyBehavior");
            set => Parameters["ConcurrencyBehavior"] = value;
        }
    }

    [DataContract(Namespace = XrmNamespaces.Contracts2011)]
    public sealed class UpdateResponse : OrganizationResponse
    {
    }

    [DataContract(Namespace = XrmNamespaces.Contracts2011)]
    public sealed class DeleteRequest : OrganizationRequest
    {
        public DeleteRequest()
        {
            RequestName = "Delete";
            Target = null;
        }

        public EntityReference Target
        {
            get => ParameterValues.Get<EntityReference>(Parameters, "Target");
            set => Parameters["Target"] = value;
        }

        public ConcurrencyBehavior ConcurrencyBehavior
        {
            get => ParameterValues.Get<ConcurrencyBehavior>(Parameters, "ConcurrencyBehavior");
            set => Parameters["ConcurrencyBehavior"] = value;
        }
    }

    [DataContract(Namespace = XrmNamespaces.Contracts2011)]
    public sealed class DeleteResponse : OrganizationResponse
    {
    }

    [DataContract(Namespace = XrmNamespaces.Contracts2011)]
    public sealed class RetrieveMultipleRequest : OrganizationRequest
    {
        public RetrieveMultipleRequest()
        {
            RequestName = "RetrieveMultiple";
            Query = null;
        }

        public QueryBase Query
        {
            get => ParameterValues.Get<QueryBase>(Parameters, "Query");
            set => Parameters["Query"] = value;
        }
    }

    [DataContract(Namespace = XrmNamespaces.Contracts2011)]
    public sealed class RetrieveMultipleResponse : OrganizationResponse
    {
        public EntityCollection EntityCollection => ParameterValues.Get<EntityCollection>(Results, "EntityCollection");
    }

    [DataContract(Namespace = XrmNamespaces.Contracts2011)]
    public sealed class UpsertRequest : OrganizationRequest
    {
        public UpsertRequest()
        {
            RequestName = "Upsert";
            Target = null;
        }

        public Entity Target
        {
            get => ParameterValues.Get<Entity>(Parameters, "Target");
            set => Parameters["Target"] = value;
        }
    }

    [DataContract(Namespace = XrmNamespaces.Contracts2011)]
    public sealed class UpsertResponse : OrganizationResponse
    {
        public bool RecordCreated => ParameterValues.Get<bool>(Results, "RecordCreated");

        public EntityReference Target => ParameterValues.Get<EntityReference>(Results, "Target");
    }

    [DataContract(Namespace = XrmNamespaces.Contracts2011)]
    public sealed class AssociateRequest : OrganizationRequest
    {
        public AssociateRequest()
        {
            RequestName = "Associate";
            Target = null;
            Relationship = null;
            RelatedEntities = null;
        }

        public EntityReference Target
        {
            get => ParameterValues.Get<EntityReference>(Parameters, "Target");
            set => Parameters["Target"] = value;
        }

        public Relationship Relationship
        {
            get => ParameterValues.Get<Relationship>(Parameters, "Relationship");
            set => Parameters["Relationship"] = value;
        }

        public EntityReferenceCollection RelatedEntities
        {
            get => ParameterValues.Get<EntityReferenceCollection>(Parameters, "RelatedEntities");
            set => Parameters["RelatedEntities"] = value;
        }
    }

    [DataContract(Namespace = XrmNamespaces.Contracts2011)]
    public sealed class AssociateResponse : OrganizationResponse
    {
    }

    [DataContract(Namespace = XrmNamespaces.Contracts2011)]
    public sealed class DisassociateRequest : OrganizationRequest
    {
        public DisassociateRequest()
        {
            RequestName = "Disassociate";
            Target = null;
            Relationship = null;
            RelatedEntities = null;
        }

        public EntityReference Target
        {
            get => ParameterValues.Get<EntityReference>(Parameters, "Target");
            set => Parameters["Target"] = value;
        }

        public Relationship Relationship
        {
            get => ParameterValues.Get<Relationship>(Parameters, "Relationship");
            set => Parameters["Relationship"] = value;
        }

        public EntityReferenceCollection RelatedEntities
        {
            get => ParameterValues.Get<EntityReferenceCollection>(Parameters, "RelatedEntities");
            set => Parameters["RelatedEntities"] = value;
        }
    }

    [DataContract(Namespace = XrmNamespaces.Contracts2011)]
    public sealed class DisassociateResponse : OrganizationResponse
    {
    }

    [DataContract(Namespace = XrmNamespaces.Contracts2011)]
    public sealed class CreateMultipleRequest : OrganizationRequest
    {
        public CreateMultipleRequest()
        {
            RequestName = "CreateMultiple";
            Targets = null;
        }

        public EntityCollection Targets
        {
            get => ParameterValues.Get<EntityCollection>(Parameters, "Targets");
            set => Parameters["Targets"] = value;
        }
    }

    [DataContract(Namespace = XrmNamespaces.Contracts2011)]
    public sealed class CreateMultipleResponse : OrganizationResponse
    {
        public Guid[] Ids => ParameterValues.Get<Guid[]>(Results, "Ids");
    }

    [DataContract(Namespace = XrmNamespaces.Contracts2011)]
    public sealed class UpdateMultipleRequest : OrganizationRequest
    {
        public UpdateMultipleRequest()
        {
            RequestName = "UpdateMultiple";
            Targets = null;
        }

        public EntityCollection Targets
        {
            get => ParameterValues.Get<EntityCollection>(Parameters, "Targets");
            set => Parameters["Targets"] = value;
        }

        public ConcurrencyBehavior ConcurrencyBehavior
        {
            get => ParameterValues.Get<ConcurrencyBehavior>(Parameters, "ConcurrencyBehavior");
            set => Parameters["ConcurrencyBehavior"] = value;
        }
    }

    [DataContract(Namespace = XrmNamespaces.Contracts2011)]
    public sealed class UpdateMultipleResponse : OrganizationResponse
    {
    }

    [DataContract(Namespace = XrmNamespaces.Contracts2011)]
    public sealed class ExecuteMultipleRequest : OrganizationRequest
    {
        public ExecuteMultipleRequest()
        {
            RequestName = "ExecuteMultiple";
            Requests = null;
            Settings = null;
        }

        public OrganizationRequestCollection Requests
        {
            get => ParameterValues.Get<OrganizationRequestCollection>(Parameters, "Requests");
            set => Parameters["Requests"] = value;
        }

        public ExecuteMultipleSettings Settings
        {
            get => ParameterValues.Get<ExecuteMultipleSettings>(Parameters, "Settings");
            set => Parameters["Settings"] = value;
        }
    }

    [DataContract(Namespace = XrmNamespaces.Contracts2011)]
    public sealed class ExecuteMultipleResponse : OrganizationResponse
    {
        public bool IsFaulted => ParameterValues.Get<bool>(Results, "IsFaulted");

        public ExecuteMultipleResponseItemCollection Responses =>
            ParameterValues.Get<ExecuteMultipleResponseItemCollection>(Results, "Responses");
    }
}
