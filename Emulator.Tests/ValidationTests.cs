using System;
using System.ServiceModel;
using CrmTeamSelling.Emulator.Faults;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;

namespace CrmTeamSelling.Emulator.Tests;

[TestClass]
public sealed class ValidationTests
{
    private static FaultException<OrganizationServiceFault> Fails(Action action) => Assert.ThrowsExactly<FaultException<OrganizationServiceFault>>(action);

    [TestMethod]
    public void AnUnknownTableFailsAsTheMetadataCacheDoes()
    {
        var crm = TestModel.Emulator();

        var fault = Fails(() => crm.System.Create(new Entity("tsell_nothere") { ["name"] = "x" }));

        Assert.AreEqual(ErrorCodes.QueryBuilderNoEntity, fault.Detail.ErrorCode);
        StringAssert.Contains(fault.Detail.Message, "'tsell_nothere'");
    }

    [TestMethod]
    public void AnUnknownColumnFailsOnCreateRetrieveAndQuery()
    {
        var crm = TestModel.Emulator();
        var account = crm.Arrange(new Entity("account") { ["name"] = "Known" });

        Assert.AreEqual(ErrorCodes.QueryBuilderNoAttribute, Fails(() => crm.System.Create(new Entity("account") { ["name"] = "x", ["nickname"] = "y" })).Detail.ErrorCode);
        Assert.AreEqual(ErrorCodes.QueryBuilderNoAttribute, Fails(() => crm.System.Retrieve("account", account.Id, new ColumnSet("nickname"))).Detail.ErrorCode);
        var query = new QueryExpression("account");
        query.Criteria.AddCondition("nickname", ConditionOperator.Equal, "y");
        var fault = Fails(() => crm.System.RetrieveMultiple(query));
        Assert.AreEqual("'account' entity doesn't contain attribute with Name = 'nickname' and NameMapping = 'Logical'.", fault.Detail.Message);
    }

    [TestMethod]
    public void AValueOfTheWrongTypeIsRefused()
    {
        var crm = TestModel.Emulator();

        var fault = Fails(() => crm.System.Create(new Entity("opportunity") { ["name"] = "Typed", ["estimatedvalue"] = 1000m }));

        Assert.AreEqual(ErrorCodes.InvalidArgument, fault.Detail.ErrorCode);
        StringAssert.Contains(fault.Detail.Message, "Microsoft.Xrm.Sdk.Money");
    }

    [TestMethod]
    public void TextLongerThanTheColumnAllowsIsRefusedWithDataversesWording()
    {
        var crm = TestModel.Emulator();

        var fault = Fails(() => crm.System.Create(new Entity("account") { ["name"] = new string('x', 161) }));

        Assert.AreEqual(ErrorCodes.StringLengthTooLong, fault.Detail.ErrorCode);
        Assert.AreEqual("A validation error occurred. The length of the 'name' attribute of the 'account' entity exceeded the maximum allowed length of '160'.", fault.Detail.Message);
        crm.System.Create(new Entity("account") { ["name"] = new string('x', 160) });
    }

    [TestMethod]
    public void AChoiceValueTheChoiceDoesNotDefineIsRefused()
    {
        var crm = TestModel.Emulator();
        var opportunity = crm.Opportunity("Choice");

        var fault = Fails(() => crm.System.Create(new Entity(TestModel.Member) { ["test_name"] = "m", ["test_opportunityid"] = opportunity, ["test_level"] = new OptionSetValue(7) }));

        Assert.AreEqual(ErrorCodes.PicklistValueOutOfRange, fault.Detail.ErrorCode);
        Assert.AreEqual("A validation error occurred. The value 7 of 'test_level' on record of type 'test_member' is outside the valid range. Accepted Values: 413000000,413000001,413000002", fault.Detail.Message);
    }

    [TestMethod]
    public void ANumberOutsideTheColumnsRangeIsRefused()
    {
        var crm = TestModel.Emulator();
        var opportunity = crm.Opportunity("Range");

        Assert.AreEqual(ErrorCodes.ValueOutOfRange, Fails(() => crm.System.Create(new Entity(TestModel.Member) { ["test_name"] = "m", ["test_opportunityid"] = opportunity, ["test_hours"] = 101 })).Detail.ErrorCode);
    }

    [TestMethod]
    public void ASystemRequiredColumnIsEnforcedButABusinessRequiredOneIsNotAsDataverseDoesForSdkCalls()
    {
        var crm = TestModel.Emulator();
        var opportunity = crm.Opportunity("Required");

        var fault = Fails(() => crm.System.Create(new Entity(TestModel.Member) { ["test_name"] = "no opportunity" }));
        Assert.AreEqual(ErrorCodes.RequiredFieldMissing, fault.Detail.ErrorCode);
        StringAssert.Contains(fault.Detail.Message, "test_opportunityid");

        // test_name is ApplicationRequired (business required): forms enforce it, the SDK does not.
        var id = crm.System.Create(new Entity(TestModel.Member) { ["test_opportunityid"] = opportunity });
        Assert.IsFalse(crm.Get(TestModel.Member, id).Contains("test_name"));
    }

    [TestMethod]
    public void ALookupToAMissingRecordFailsAsDoesNotExist()
    {
        var crm = TestModel.Emulator();
        var missing = Guid.NewGuid();

        var fault = Fails(() => crm.System.Create(new Entity("opportunity") { ["name"] = "Orphan", ["parentaccountid"] = new EntityReference("account", missing) }));

        Assert.AreEqual(ErrorCodes.ObjectDoesNotExist, fault.Detail.ErrorCode);
        Assert.AreEqual($"account With Id = {missing:D} Does Not Exist", fault.Detail.Message);
    }

    [TestMethod]
    public void ALookupToATableItCannotPointToIsRefused()
    {
        var crm = TestModel.Emulator();
        var contact = crm.Arrange(new Entity("contact") { ["lastname"] = "Wrong" });

        Assert.AreEqual(ErrorCodes.InvalidArgument, Fails(() => crm.System.Create(new Entity("opportunity") { ["name"] = "x", ["parentaccountid"] = contact })).Detail.ErrorCode);
    }

    [TestMethod]
    public void AStatusReasonOfAnotherStateIsRefusedAndSettingOnlyTheStatePicksItsDefaultReason()
    {
        var crm = TestModel.Emulator();
        var opportunity = crm.Opportunity("States");

        Assert.AreEqual(ErrorCodes.InvalidStateCodeStatusCode, Fails(() => crm.System.Update(new Entity("opportunity", opportunity.Id) { ["statecode"] = new OptionSetValue(1), ["statuscode"] = new OptionSetValue(4) })).Detail.ErrorCode);

        var account = crm.Arrange(new Entity("account") { ["name"] = "States" });
        crm.System.Update(new Entity("account", account.Id) { ["statecode"] = new OptionSetValue(1) });
        Assert.AreEqual(2, crm.Get(account).GetAttributeValue<OptionSetValue>("statuscode").Value);
    }

    [TestMethod]
    public void AnOpportunityIsNotClosedByUpdateOrSetStateAsDataverseRequiresWinOrLose()
    {
        var crm = TestModel.Emulator();
        var opportunity = crm.Opportunity("Closing");

        var fault = Fails(() => crm.System.Update(new Entity("opportunity", opportunity.Id) { ["statecode"] = new OptionSetValue(1) }));

        StringAssert.Contains(fault.Detail.Message, "use the WinOpportunityRequest message instead");
        Assert.AreEqual(0, crm.Get(opportunity).GetAttributeValue<OptionSetValue>("statecode").Value);
    }

    [TestMethod]
    public void RetrievingOrUpdatingAMissingRecordFailsAsDoesNotExist()
    {
        var crm = TestModel.Emulator();
        var id = Guid.NewGuid();

        Assert.AreEqual($"account With Id = {id:D} Does Not Exist", Fails(() => crm.System.Retrieve("account", id, new ColumnSet(true))).Detail.Message);
        Assert.AreEqual(ErrorCodes.ObjectDoesNotExist, Fails(() => crm.System.Update(new Entity("account", id) { ["name"] = "x" })).Detail.ErrorCode);
        Assert.AreEqual(ErrorCodes.ObjectDoesNotExist, Fails(() => crm.System.Delete("account", id)).Detail.ErrorCode);
    }

    [TestMethod]
    public void ColumnsThePlatformKeepsAreIgnoredOnCreateButCanBeArrangedForHistory()
    {
        var crm = TestModel.Emulator(options: new EmulatorOptions { Clock = () => new DateTime(2030, 1, 2, 3, 4, 5, DateTimeKind.Utc) });
        var longAgo = new DateTime(2020, 5, 1, 0, 0, 0, DateTimeKind.Utc);

        var created = crm.System.Create(new Entity("account") { ["name"] = "Now", ["createdon"] = longAgo });
        var arranged = crm.Arrange(new Entity("account") { ["name"] = "Then", ["createdon"] = longAgo, ["modifiedon"] = longAgo });

        Assert.AreEqual(new DateTime(2030, 1, 2, 3, 4, 5, DateTimeKind.Utc), crm.Get("account", created).GetAttributeValue<DateTime>("createdon"));
        Assert.AreEqual(longAgo, crm.Get(arranged).GetAttributeValue<DateTime>("modifiedon"));
    }

    [TestMethod]
    public void AlternateKeyDuplicatesAreRefusedAndTheKeyFindsTheRecord()
    {
        var crm = TestModel.Emulator();
        var opportunity = crm.Opportunity("Keys");
        var user = crm.CreateUser("Key User");
        crm.System.Create(new Entity(TestModel.Member) { ["test_name"] = "first", ["test_opportunityid"] = opportunity, ["test_userid"] = user });

        var fault = Fails(() => crm.System.Create(new Entity(TestModel.Member) { ["test_name"] = "second", ["test_opportunityid"] = opportunity, ["test_userid"] = user }));

        Assert.AreEqual(ErrorCodes.DuplicateRecordEntityKey, fault.Detail.ErrorCode);
        StringAssert.Contains(fault.Detail.Message, "The entity key Opportunity and user requires that this set of attributes contains unique values.");
        var byKey = (Entity)crm.System.Execute(new RetrieveRequest
        {
            Target = new EntityReference(TestModel.Member, new KeyAttributeCollection { ["test_opportunityid"] = opportunity, ["test_userid"] = user }),
            ColumnSet = new ColumnSet("test_name"),
        }).Results["Entity"];
        Assert.AreEqual("first", byKey.GetAttributeValue<string>("test_name"));
    }

    [TestMethod]
    public void RowVersionMismatchWithIfRowVersionMatchesIsAConcurrencyFault()
    {
        var crm = TestModel.Emulator();
        var account = crm.Arrange(new Entity("account") { ["name"] = "Versioned" });
        var read = crm.System.Retrieve("account", account.Id, new ColumnSet("name"));
        crm.System.Update(new Entity("account", account.Id) { ["name"] = "Changed by a colleague" });

        var stale = new Entity("account", account.Id) { ["name"] = "Mine", RowVersion = read.RowVersion };
        var fault = Fails(() => crm.System.Execute(new UpdateRequest { Target = stale, ConcurrencyBehavior = ConcurrencyBehavior.IfRowVersionMatches }));
        Assert.AreEqual(ErrorCodes.ConcurrencyVersionMismatch, fault.Detail.ErrorCode);
        StringAssert.StartsWith(fault.Detail.Message, "The version of the existing record doesn't match the RowVersion property provided.");

        var noVersion = Fails(() => crm.System.Execute(new UpdateRequest { Target = new Entity("account", account.Id) { ["name"] = "x" }, ConcurrencyBehavior = ConcurrencyBehavior.IfRowVersionMatches }));
        Assert.AreEqual(ErrorCodes.ConcurrencyVersionNotProvided, noVersion.Detail.ErrorCode);

        var fresh = crm.System.Retrieve("account", account.Id, new ColumnSet("name"));
        crm.System.Execute(new UpdateRequest { Target = new Entity("account", account.Id) { ["name"] = "Mine", RowVersion = fresh.RowVersion }, ConcurrencyBehavior = ConcurrencyBehavior.IfRowVersionMatches });
        Assert.AreEqual("Mine", crm.Get(account).GetAttributeValue<string>("name"));
    }

    [TestMethod]
    public void CreatingARecordWithAnIdThatExistsIsADuplicate()
    {
        var crm = TestModel.Emulator();
        var account = crm.Arrange(new Entity("account") { ["name"] = "Once" });

        Assert.AreEqual(ErrorCodes.DuplicateRecord, Fails(() => crm.System.Create(new Entity("account", account.Id) { ["name"] = "Twice" })).Detail.ErrorCode);
    }
}
