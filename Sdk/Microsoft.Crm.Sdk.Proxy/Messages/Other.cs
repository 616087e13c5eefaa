using System;
using System.Runtime.Serialization;
using CrmTeamSelling.Sdk.Internal;
using Microsoft.Xrm.Sdk;

namespace Microsoft.Crm.Sdk.Messages
{
    [DataContract(Namespace = CrmNamespaces.Contracts)]
    public sealed class WhoAmIRequest : OrganizationRequest
    {
        public WhoAmIRequest()
        {
            RequestName = "WhoAmI";
        }
    }

    [DataContract(Namespace = CrmNamespaces.Contracts)]
    public sealed class WhoAmIResponse : OrganizationResponse
    {
        public Guid UserId => ParameterValues.Get<Guid>(Results, "UserId");

        public Guid BusinessUnitId => ParameterValues.Get<Guid>(Results, "BusinessUnitId");

        public Guid OrganizationId => ParameterValues.Get<Guid>(Results, "OrganizationId");
    }

    [DataContract(Namespace = CrmNamespaces.Contracts)]
    public sealed class SetStateRequest : OrganizationRequest
    {
        public SetStateRequest()
        {
            RequestName = "SetState";
            EntityMoniker = null;
            State = null;
            Status = null;
        }

        public EntityReference EntityMoniker
        {
            get => ParameterValues.Get<EntityReference>(Parameters, "EntityMoniker");
            set => Parameters["EntityMoniker"] = value;
        }

        public OptionSetValue State
        {
            get => ParameterValues.Get<OptionSetValue>(Parameters, "State");
            set => Parameters["State"] = value;
        }

        public OptionSetValue Status
        {
            get => ParameterValues.Get<OptionSetValue>(Parameters, "Status");
            set => Parameters["Status"] = value;
        }
    }

    [DataContract(Namespace = CrmNamespaces.Contracts)]
    public sealed class SetStateResponse : OrganizationResponse
    {
    }
}
