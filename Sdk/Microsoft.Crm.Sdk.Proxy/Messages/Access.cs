using System;
using System.Runtime.Serialization;
using CrmTeamSelling.Sdk.Internal;
using Microsoft.Xrm.Sdk;

namespace Microsoft.Crm.Sdk.Messages
{
    /// <summary>The access rights a principal holds on a record (a bit mask).</summary>
    [Flags]
    [DataContract(Name = "AccessRights", Namespace = CrmNamespaces.Contracts)]
    public enum AccessRights
    {
        [EnumMember] None = 0,
        [EnumMember] ReadAccess = 1,
        [EnumMember] WriteAccess = 2,
        [EnumMember] AppendAccess = 4,
        [EnumMember] AppendToAccess = 16,
        [EnumMember] CreateAccess = 32,
        [EnumMember] DeleteAccess = 65536,
        [EnumMember] ShareAccess = 262144,
        [EnumMember] AssignAccess = 524288,
    }

    /// <summary>A principal (user or team) and the rights it is granted on a record.</summary>
    [DataContract(Name = "PrincipalAccess", Namespace = CrmNamespaces.Contracts)]
    public sealed class PrincipalAccess : IExtensibleDataObject
    {
        [DataMember]
        public AccessRights AccessMask { get; set; }

        [DataMember]
        public EntityReference Principal { get; set; }

        public ExtensionDataObject ExtensionData { get; set; }
    }

    [DataContract(Namespace = CrmNamespaces.Contracts)]
    public sealed class GrantAccessRequest : OrganizationRequest
    {
        public GrantAccessRequest()
        {
            RequestName = "GrantAccess";
            Target = null;
            PrincipalAccess = null;
        }

        public EntityReference Target
        {
            get => ParameterValues.Get<EntityReference>(Parameters, "Target");
            set => Parameters["Target"] = value;
        }

        public PrincipalAccess PrincipalAccess
        {
            get => ParameterValues.Get<PrincipalAccess>(Parameters, "PrincipalAccess");
            set => Parameters["PrincipalAccess"] = value;
        }
    }

    [DataContract(Namespace = CrmNamespaces.Contracts)]
    public sealed class GrantAccessResponse : OrganizationResponse
    {
    }

    [DataContract(Namespace = CrmNamespaces.Contracts)]
    public sealed class ModifyAccessRequest : OrganizationRequest
    {
        public ModifyAccessRequest()
        {
            RequestName = "ModifyAccess";
            Target = null;
            PrincipalAccess = null;
        }

        public EntityReference Target
        {
            get => ParameterValues.Get<EntityReference>(Parameters, "Target");
            set => Parameters["Target"] = value;
        }

        public PrincipalAccess PrincipalAccess
        {
            get => ParameterValues.Get<PrincipalAccess>(Parameters, "PrincipalAccess");
            set => Parameters["PrincipalAccess"] = value;
        }
    }

    [DataContract(Namespace = CrmNamespaces.Contracts)]
    public sealed class ModifyAccessResponse : OrganizationResponse
    {
    }

    [DataContract(Namespace = CrmNamespaces.Contracts)]
    public sealed class RevokeAccessRequest : OrganizationRequest
    {
        public RevokeAccessRequest()
        {
            RequestName = "RevokeAccess";
            Target = null;
            Revokee = null;
        }

        public EntityReference Target
        {
            get => ParameterValues.Get<EntityReference>(Parameters, "Target");
            set => Parameters["Target"] = value;
        }

        public EntityReference Revokee
        {
            get => ParameterValues.Get<EntityReference>(Parameters, "Revokee");
            set => Parameters["Revokee"] = value;
        }
    }

    [DataContract(Namespace = CrmNamespaces.Contracts)]
    public sealed class RevokeAccessResponse : OrganizationResponse
    {
    }

    [DataContract(Namespace = CrmNamespaces.Contracts)]
    public sealed class RetrievePrincipalAccessRequest : OrganizationRequest
    {
        public RetrievePrincipalAccessRequest()
        {
            RequestName = "RetrievePrincipalAccess";
            Target = null;
            Principal = null;
        }

        public EntityReference Target
        {
            get => ParameterValues.Get<EntityReference>(Parameters, "Target");
            set => Parameters["Target"] = value;
        }

        public EntityReference Principal
        {
            get => ParameterValues.Get<EntityReference>(Parameters, "Principal");
            set => Parameters["Principal"] = value;
        }
    }

    [DataContract(Namespace = CrmNamespaces.Contracts)]
    public sealed class RetrievePrincipalAccessResponse : OrganizationResponse
    {
        public AccessRights AccessRights => ParameterValues.Get<AccessRights>(Results, "AccessRights");
    }

    [DataContract(Namespace = CrmNamespaces.Contracts)]
    public sealed class AddUserToRecordTeamRequest : OrganizationRequest
    {
        public AddUserToRecordTeamRequest()
        {
            RequestName = "AddUserToRecordTeam";
            Record = null;
            TeamTemplateId = default(Guid);
            SystemUserId = default(Guid);
        }

        public EntityReference Record
        {
            get => ParameterValues.Get<EntityReference>(Parameters, "Record");
            set => Parameters["Record"] = value;
        }

        public Guid TeamTemplateId
        {
            get => ParameterValues.Get<Guid>(Parameters, "TeamTemplateId");
            set => Parameters["TeamTemplateId"] = value;
        }

        public Guid SystemUserId
        {
            get => ParameterValues.Get<Guid>(Parameters, "SystemUserId");
            set => Parameters["SystemUserId"] = value;
        }
    }

    [DataContract(Namespace = CrmNamespaces.Contracts)]
    public sealed class AddUserToRecordTeamResponse : OrganizationResponse
    {
        public Guid AccessTeamId => ParameterValues.Get<Guid>(Results, "AccessTeamId");
    }

    /// <summary>The data-contract namespace of Microsoft.Crm.Sdk.Proxy's types (internal: not SDK surface).</summary>
    internal static class CrmNamespaces
    {
        public const string Contracts = "http://schemas.microsoft.com/crm/2011/Contracts";
    }
}
