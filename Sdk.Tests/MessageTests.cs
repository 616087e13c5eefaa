using System;
using System.Linq;
using System.Reflection;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;

namespace CrmTeamSelling.Sdk.Tests;

/// <summary>
/// Typed requests are views over RequestName + Parameters: the emulator (and Dataverse) read the
/// parameter names, so each typed property must write under exactly the official name.
/// </summary>
[TestClass]
public sealed class MessageTests
{
    [TestMethod]
    [DataRow(typeof(CreateRequest), "Create", "Target", "Target")]
    [DataRow(typeof(RetrieveRequest), "Retrieve", "Target,ColumnSet", "Target,ColumnSet")]
    [DataRow(typeof(UpdateRequest), "Update", "Target", "Target")]
    [DataRow(typeof(DeleteRequest), "Delete", "Target", "Target")]
    [DataRow(typeof(UpsertRequest), "Upsert", "Target", "Target")]
    [DataRow(typeof(RetrieveMultipleRequest), "RetrieveMultiple", "Query", "Query")]
    [DataRow(typeof(AssociateRequest), "Associate", "Target,Relationship,RelatedEntities", "Target,Relationship,RelatedEntities")]
    [DataRow(typeof(DisassociateRequest), "Disassociate", "Target,Relationship,RelatedEntities", "Target,Relationship,RelatedEntities")]
    [DataRow(typeof(CreateMultipleRequest), "CreateMultiple", "Targets", "Targets")]
    [DataRow(typeof(UpdateMultipleRequest), "UpdateMultiple", "Targets", "Targets")]
    [DataRow(typeof(ExecuteMultipleRequest), "ExecuteMultiple", "Requests,Settings", "Requests,Settings")]
    [DataRow(typeof(GrantAccessRequest), "GrantAccess", "Target,PrincipalAccess", "Target,PrincipalAccess")]
    [DataRow(typeof(ModifyAccessRequest), "ModifyAccess", "Target,PrincipalAccess", "Target,PrincipalAccess")]
    [DataRow(typeof(RevokeAccessRequest), "RevokeAccess", "Target,Revokee", "Target,Revokee")]
    [DataRow(typeof(RetrievePrincipalAccessRequest), "RetrievePrincipalAccess", "Target,Principal", "Target,Principal")]
    [DataRow(typeof(SetStateRequest), "SetState", "EntityMoniker,State,Status", "EntityMoniker,State,Status")]
    [DataRow(typeof(AddUserToRecordTeamRequest), "AddUserToRecordTeam", "Record,TeamTemplateId,SystemUserId", "Record,TeamTemplateId,SystemUserId")]
    [DataRow(typeof(WhoAmIRequest), "WhoAmI", "", "")]
    public void NewRequestHasItsNameAndItsRequiredParametersUnset(Type requestType, string requestName, string requiredParameters, string parameterNames)
    {
        var request = (OrganizationRequest)Activator.CreateInstance(requestType)!;

        Assert.AreEqual(requestName, request.RequestName);
        CollectionAssert.AreEquivalent(Split(requiredParameters), request.Parameters.Keys.ToArray(),
            "a new request holds exactly its required parameters, each with its default value");
        foreach (string name in Split(parameterNames))
        {
            object? value = request.Parameters[name];
            Assert.IsTrue(value == null || value.Equals(Activator.CreateInstance(value.GetType())), name + " starts unset");
        }
    }

    [TestMethod]
    [DataRow(typeof(CreateRequest), "Target")]
    [DataRow(typeof(RetrieveRequest), "Target,ColumnSet,ReturnNotifications")]
    [DataRow(typeof(UpdateRequest), "Target,ConcurrencyBehavior")]
    [DataRow(typeof(DeleteRequest), "Target,ConcurrencyBehavior")]
    [DataRow(typeof(UpsertRequest), "Target")]
    [DataRow(typeof(RetrieveMultipleRequest), "Query")]
    [DataRow(typeof(AssociateRequest), "Target,Relationship,RelatedEntities")]
    [DataRow(typeof(DisassociateRequest), "Target,Relationship,RelatedEntities")]
    [DataRow(typeof(CreateMultipleRequest), "Targets")]
    [DataRow(typeof(UpdateMultipleRequest), "Targets,ConcurrencyBehavior")]
    [DataRow(typeof(ExecuteMultipleRequest), "Requests,Settings")]
    [DataRow(typeof(GrantAccessRequest), "Target,PrincipalAccess")]
    [DataRow(typeof(ModifyAccessRequest), "Target,PrincipalAccess")]
    [DataRow(typeof(RevokeAccessRequest), "Target,Revokee")]
    [DataRow(typeof(RetrievePrincipalAccessRequest), "Target,Principal")]
    [DataRow(typeof(SetStateRequest), "EntityMoniker,State,Status")]
    [DataRow(typeof(AddUserToRecordTeamRequest), "Record,TeamTemplateId,SystemUserId")]
    public void EachTypedPropertyIsTheParameterOfTheSameName(Type requestType, string properties)
    {
        foreach (string name in Split(properties))
        {
            var request = (OrganizationRequest)Activator.CreateInstance(requestType)!;
            PropertyInfo property = requestType.GetProperty(name)!;
            object sample = SampleOf(property.PropertyType);

            property.SetValue(request, sample);

            Assert.AreEqual(sample, request.Parameters[name], requestType.Name + "." + name + " must write parameter '" + name + "'");
            Assert.AreEqual(sample, property.GetValue(request), requestType.Name + "." + name + " must read parameter '" + name + "'");
        }
    }

    [TestMethod]
    public void ConcurrencyBehaviorReadsDefaultUntilSet()
    {
        var update = new UpdateRequest { Target = new Entity("account") };

        Assert.AreEqual(ConcurrencyBehavior.Default, update.ConcurrencyBehavior);
        Assert.IsFalse(update.Parameters.Contains("ConcurrencyBehavior"), "an optional parameter is absent until set");

        update.ConcurrencyBehavior = ConcurrencyBehavior.IfRowVersionMatches;

        Assert.AreEqual(ConcurrencyBehavior.IfRowVersionMatches, update.Parameters["ConcurrencyBehavior"]);
    }

    [TestMethod]
    public void GenericRequestIndexerIsTheParameterCollection()
    {
        var request = new OrganizationRequest("tsell_AcknowledgeSolution") { ["Target"] = new EntityReference("tsell_dealsolution", Guid.NewGuid()) };

        Assert.AreSame(request["Target"], request.Parameters["Target"]);
        Assert.ThrowsExactly<System.Collections.Generic.KeyNotFoundException>(() => _ = request["Missing"]);
    }

    [TestMethod]
    public void TypedResponsesReadTheirResultsByName()
    {
        Guid id = Guid.NewGuid();
        var entity = new Entity("account", id);
        var collection = new EntityCollection();
        var reference = new EntityReference("account", id);
        var items = new ExecuteMultipleResponseItemCollection();
        Guid[] ids = { id };

        Assert.AreEqual(id, With(new CreateResponse(), "id", id).id);
        Assert.AreSame(entity, With(new RetrieveResponse(), "Entity", entity).Entity);
        Assert.AreSame(collection, With(new RetrieveMultipleResponse(), "EntityCollection", collection).EntityCollection);
        Assert.AreSame(ids, With(new CreateMultipleResponse(), "Ids", ids).Ids);
        Assert.IsTrue(With(new UpsertResponse(), "RecordCreated", true).RecordCreated);
        Assert.AreSame(reference, With(new UpsertResponse(), "Target", reference).Target);
        Assert.IsTrue(With(new ExecuteMultipleResponse(), "IsFaulted", true).IsFaulted);
        Assert.AreSame(items, With(new ExecuteMultipleResponse(), "Responses", items).Responses);
        Assert.AreEqual(AccessRights.ReadAccess | AccessRights.WriteAccess,
            With(new RetrievePrincipalAccessResponse(), "AccessRights", AccessRights.ReadAccess | AccessRights.WriteAccess).AccessRights);
        Assert.AreEqual(id, With(new WhoAmIResponse(), "UserId", id).UserId);
        Assert.AreEqual(id, With(new WhoAmIResponse(), "BusinessUnitId", id).BusinessUnitId);
        Assert.AreEqual(id, With(new WhoAmIResponse(), "OrganizationId", id).OrganizationId);
        Assert.AreEqual(id, With(new AddUserToRecordTeamResponse(), "AccessTeamId", id).AccessTeamId);
    }

    [TestMethod]
    public void TypedResponsesReadDefaultsWhenAResultIsMissing()
    {
        Assert.AreEqual(Guid.Empty, new CreateResponse().id);
        Assert.IsNull(new RetrieveResponse().Entity);
        Assert.IsFalse(new ExecuteMultipleResponse().IsFaulted);
        Assert.AreEqual(AccessRights.None, new RetrievePrincipalAccessResponse().AccessRights);
    }

    [TestMethod]
    public void AccessRightsHasTheOfficialFlagValues()
    {
        Assert.AreEqual(0, (int)AccessRights.None);
        Assert.AreEqual(1, (int)AccessRights.ReadAccess);
        Assert.AreEqual(2, (int)AccessRights.WriteAccess);
        Assert.AreEqual(4, (int)AccessRights.AppendAccess);
        Assert.AreEqual(16, (int)AccessRights.AppendToAccess);
        Assert.AreEqual(32, (int)AccessRights.CreateAccess);
        Assert.AreEqual(65536, (int)AccessRights.DeleteAccess);
        Assert.AreEqual(262144, (int)AccessRights.ShareAccess);
        Assert.AreEqual(524288, (int)AccessRights.AssignAccess);
    }

    private static T With<T>(T response, string name, object value) where T : OrganizationResponse
    {
        response.Results[name] = value;
        return response;
    }

    private static string[] Split(string names) => names.Split(',', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>A distinct non-default value of the given parameter type.</summary>
    private static object SampleOf(Type type)
    {
        if (type == typeof(Entity)) return new Entity("account", Guid.NewGuid());
        if (type == typeof(EntityReference)) return new EntityReference("account", Guid.NewGuid());
        if (type == typeof(EntityCollection)) return new EntityCollection { EntityName = "account" };
        if (type == typeof(EntityReferenceCollection)) return new EntityReferenceCollection();
        if (type == typeof(ColumnSet)) return new ColumnSet("name");
        if (type == typeof(QueryBase)) return new QueryExpression("account");
        if (type == typeof(Relationship)) return new Relationship("account_parent_account");
        if (type == typeof(OrganizationRequestCollection)) return new OrganizationRequestCollection();
        if (type == typeof(ExecuteMultipleSettings)) return new ExecuteMultipleSettings { ContinueOnError = true };
        if (type == typeof(PrincipalAccess)) return new PrincipalAccess { AccessMask = AccessRights.ReadAccess };
        if (type == typeof(OptionSetValue)) return new OptionSetValue(1);
        if (type == typeof(ConcurrencyBehavior)) return ConcurrencyBehavior.IfRowVersionMatches;
        if (type == typeof(Guid)) return Guid.NewGuid();
        if (type == typeof(bool)) return true;
        throw new NotSupportedException("No sample value for parameter type " + type + "; add one to MessageTests.SampleOf.");
    }
}
