using System;
using System.Linq;
using System.ServiceModel;
using CrmTeamSelling.Emulator.Faults;
using CrmTeamSelling.Emulator.Pipeline;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Crm.Sdk.Messages;

namespace CrmTeamSelling.Emulator.Tests;

[TestClass]
public sealed class BulkTests
{
    [TestMethod]
    public void CreateMultipleRunsTheCreateStepsForEachRowInOneTransaction()
    {
        var crm = TestModel.Emulator();
        var tag = TestModel.NewTag("bulk");
        crm.RegisterStep(new PluginStepRegistration { Message = "Create", PrimaryEntity = "account", Stage = 20, PluginType = typeof(RecordingPlugin), UnsecureConfiguration = "per-row" });
        var targets = new EntityCollection(Enumerable.Range(1, 3).Select(i => new Entity("account") { ["name"] = $"{tag} {i}" }).ToList()) { EntityName = "account" };

        var response = (CreateMultipleResponse)crm.System.Execute(new CreateMultipleRequest { Targets = targets });

        Assert.AreEqual(3, response.Ids.Length);
        Assert.AreEqual(3, PluginLog.For(tag).Count);
    }

    [TestMethod]
    public void AFailingRowRollsBackEveryRowOfCreateMultiple()
    {
        var crm = TestModel.Emulator();
        var targets = new EntityCollection(new[]
        {
            new Entity("account") { ["name"] = "fine" },
            new Entity("account") { ["name"] = new string('x', 500) },
        }) { EntityName = "account" };

        Assert.ThrowsExactly<FaultException<OrganizationServiceFault>>(() => crm.System.Execute(new CreateMultipleRequest { Targets = targets }));

        Assert.AreEqual(0, crm.All("account").Count);
    }

    [TestMethod]
    public void UpdateMultipleUpdatesEveryRow()
    {
        var crm = TestModel.Emulator();
        var ids = crm.Arrange(new Entity("account") { ["name"] = "a" }, new Entity("account") { ["name"] = "b" });

        crm.System.Execute(new UpdateMultipleRequest { Targets = new EntityCollection(ids.Select(id => new Entity("account", id) { ["telephone1"] = "555" }).ToList()) { EntityName = "account" } });

        Assert.IsTrue(crm.All("account").All(a => a.GetAttributeValue<string>("telephone1") == "555"));
    }

    [TestMethod]
    public void ExecuteMultipleRunsEachRequestOnItsOwnAndReportsFaultsByIndex()
    {
        var crm = TestModel.Emulator();
        var requests = new OrganizationRequestCollection
        {
            new CreateRequest { Target = new Entity("account") { ["name"] = "first" } },
            new CreateRequest { Target = new Entity("account") { ["name"] = new string('x', 500) } },
            new CreateRequest { Target = new Entity("account") { ["name"] = "third" } },
        };

        var response = (ExecuteMultipleResponse)crm.System.Execute(new ExecuteMultipleRequest { Requests = requests, Settings = new ExecuteMultipleSettings { ContinueOnError = true, ReturnResponses = true } });

        Assert.IsTrue(response.IsFaulted);
        Assert.AreEqual(ErrorCodes.StringLengthTooLong, response.Responses.Single(r => r.Fault is not null).Fault.ErrorCode);
        Assert.AreEqual(1, response.Responses.Single(r => r.Fault is not null).RequestIndex);
        CollectionAssert.AreEquivalent(new[] { "first", "third" }, crm.All("account").Select(a => a.GetAttributeValue<string>("name")).ToArray(), "the other requests are not rolled back");
    }

    [TestMethod]
    public void ExecuteMultipleStopsAtTheFirstFaultWithoutContinueOnError()
    {
        var crm = TestModel.Emulator();
        var requests = new OrganizationRequestCollection
        {
            new CreateRequest { Target = new Entity("account") { ["name"] = new string('x', 500) } },
            new CreateRequest { Target = new Entity("account") { ["name"] = "never" } },
        };

        crm.System.Execute(new ExecuteMultipleRequest { Requests = requests, Settings = new ExecuteMultipleSettings { ContinueOnError = false, ReturnResponses = false } });

        Assert.AreEqual(0, crm.All("account").Count);
    }

    [TestMethod]
    public void UpsertByAlternateKeyCreatesThenUpdates()
    {
        var crm = TestModel.Emulator();
        var deal = crm.Opportunity("Upsert deal");
        var user = crm.CreateUser("Upsert User");
        Entity Target(string name) => new(TestModel.Member, new KeyAttributeCollection { ["test_opportunityid"] = deal, ["test_userid"] = user }) { ["test_name"] = name };

        var first = (UpsertResponse)crm.System.Execute(new UpsertRequest { Target = Target("created") });
        var second = (UpsertResponse)crm.System.Execute(new UpsertRequest { Target = Target("updated") });

        Assert.IsTrue(first.RecordCreated);
        Assert.IsFalse(second.RecordCreated);
        Assert.AreEqual(first.Target.Id, second.Target.Id);
        var row = crm.Get(first.Target);
        Assert.AreEqual("updated", row.GetAttributeValue<string>("test_name"));
        Assert.AreEqual(user.Id, row.GetAttributeValue<EntityReference>("test_userid").Id, "the key values become columns of the created row");
    }

    [TestMethod]
    public void AssociateAndDisassociateManyToManyAndOneToMany()
    {
        var crm = TestModel.Emulator();
        var user = crm.CreateUser("Team Player");
        var team = crm.CreateTeam("Pursuit team", null);
        var account = crm.Arrange(new Entity("account") { ["name"] = "Parent" });
        var contact = crm.Arrange(new Entity("contact") { ["lastname"] = "Child" });

        crm.System.Associate("team", team.Id, new Relationship("teammembership_association"), new EntityReferenceCollection { user });
        Assert.AreEqual(1, crm.All("teammembership").Count);
        Assert.AreEqual(ErrorCodes.DuplicateRecord, Assert.ThrowsExactly<FaultException<OrganizationServiceFault>>(() =>
            crm.System.Associate("team", team.Id, new Relationship("teammembership_association"), new EntityReferenceCollection { user })).Detail.ErrorCode);
        crm.System.Disassociate("systemuser", user.Id, new Relationship("teammembership_association"), new EntityReferenceCollection { team });
        Assert.AreEqual(0, crm.All("teammembership").Count);

        crm.System.Associate("account", account.Id, new Relationship("contact_customer_accounts"), new EntityReferenceCollection { contact });
        Assert.AreEqual(account.Id, crm.Get(contact).GetAttributeValue<EntityReference>("parentcustomerid").Id);
    }

    [TestMethod]
    public void SetStateAndWhoAmI()
    {
        var crm = TestModel.Emulator();
        var deal = crm.Opportunity("Lost deal");
        var rep = crm.CreateUser("Who Am I");

        var task = crm.Arrange(new Entity("task") { ["subject"] = "Call back", ["regardingobjectid"] = deal });
        crm.System.Execute(new SetStateRequest { EntityMoniker = task, State = new OptionSetValue(1), Status = new OptionSetValue(-1) });
        var me = (WhoAmIResponse)crm.As(rep).Execute(new WhoAmIRequest());

        Assert.AreEqual(5, crm.Get(task).GetAttributeValue<OptionSetValue>("statuscode").Value, "-1 picks the state's default status reason");
        Assert.AreEqual(rep.Id, me.UserId);
        Assert.AreEqual(crm.RootBusinessUnit.Id, me.BusinessUnitId);
    }

    [TestMethod]
    public void ARestrictRelationshipRefusesToDeleteAParentWithChildren()
    {
        var crm = TestModel.Emulator();
        var sales = crm.CreateBusinessUnit("Sales");
        crm.CreateUser("Unit member", sales);

        var fault = Assert.ThrowsExactly<FaultException<OrganizationServiceFault>>(() => crm.System.Delete("businessunit", sales.Id));

        Assert.AreEqual(ErrorCodes.CannotDeleteDueToAssociation, fault.Detail.ErrorCode);
        Assert.IsNotNull(crm.Find("businessunit", sales.Id));
    }

    [TestMethod]
    public void ChangingTheOwnerCascadesToChildrenAlongAssignCascades()
    {
        var crm = TestModel.Emulator();
        var first = crm.CreateUser("First Owner");
        var second = crm.CreateUser("Second Owner");
        var deal = crm.Opportunity("Reassigned", first);
        var member = crm.Arrange(new Entity(TestModel.Member) { ["test_name"] = "m", ["test_opportunityid"] = deal, ["ownerid"] = first });

        crm.System.Update(new Entity("opportunity", deal.Id) { ["ownerid"] = second });

        Assert.AreEqual(second.Id, crm.Get(member).GetAttributeValue<EntityReference>("ownerid").Id);
        Assert.AreEqual(second.Id, crm.Get(member).GetAttributeValue<EntityReference>("owninguser").Id);
    }

    [TestMethod]
    public void DeleteByAlternateKey()
    {
        var crm = TestModel.Emulator();
        var deal = crm.Opportunity("Keyed delete");
        var user = crm.CreateUser("Keyed");
        crm.Arrange(new Entity(TestModel.Member) { ["test_name"] = "m", ["test_opportunityid"] = deal, ["test_userid"] = user });

        crm.System.Execute(new DeleteRequest { Target = new EntityReference(TestModel.Member, new KeyAttributeCollection { ["test_opportunityid"] = deal, ["test_userid"] = user }) });

        Assert.AreEqual(0, crm.All(TestModel.Member).Count);
    }

    [TestMethod]
    public void DeletingAParentCascadesAlongParentalRelationshipsAndClearsReferentialLookups()
    {
        var crm = TestModel.Emulator();
        var account = crm.Arrange(new Entity("account") { ["name"] = "Going away" });
        var deal = crm.Arrange(new Entity("opportunity") { ["name"] = "Child deal", ["parentaccountid"] = account });
        var member = crm.Arrange(new Entity(TestModel.Member) { ["test_name"] = "m", ["test_opportunityid"] = deal });

        crm.System.Delete("opportunity", deal.Id);
        crm.System.Delete("account", account.Id);

        Assert.IsNull(crm.Find(TestModel.Member, member.Id), "parental: deleting the deal deletes its members");
        Assert.AreEqual(0, crm.All("account").Count);
    }
}
