using System;
using System.ServiceModel;
using Microsoft.Xrm.Sdk.Query;

namespace Microsoft.Xrm.Sdk
{
    [ServiceContract(Name = "IOrganizationService", Namespace = "http://schemas.microsoft.com/xrm/2011/Contracts/Services")]
    public interface IOrganizationService
    {
        [OperationContract]
        [FaultContract(typeof(OrganizationServiceFault))]
        Guid Create(Entity entity);

        [OperationContract]
        [FaultContract(typeof(OrganizationServiceFault))]
        Entity Retrieve(string entityName, Guid id, ColumnSet columnSet);

        [OperationContract]
        [FaultContract(typeof(OrganizationServiceFault))]
        void Update(Entity entity);

        [OperationContract]
        [FaultContract(typeof(OrganizationServiceFault))]
        void Delete(string entityName, Guid id);

        [OperationContract]
        [FaultContract(typeof(OrganizationServiceFault))]
        OrganizationResponse Execute(OrganizationRequest request);

        [OperationContract]
        [FaultContract(typeof(OrganizationServiceFault))]
        void Associate(string entityName, Guid entityId, Relationship relationship, EntityReferenceCollection relatedEntities);

        [OperationContract]
        [FaultContract(typeof(OrganizationServiceFault))]
        void Disassociate(string entityName, Guid entityId, Relationship relationship, EntityReferenceCollection relatedEntities);

        [OperationContract]
        [FaultContract(typeof(OrganizationServiceFault))]
        EntityCollection RetrieveMultiple(QueryBase query);
    }

    public interface IOrganizationServiceFactory
    {
        /// <param name="userId">The user to act as; null means the SYSTEM user.</param>
        IOrganizationService CreateOrganizationService(Guid? userId);
    }

    public interface ITracingService
    {
        void Trace(string format, params object[] args);
    }

    public interface IServiceEndpointNotificationService
    {
        string Execute(EntityReference serviceEndpoint, IExecutionContext context);
    }
}
