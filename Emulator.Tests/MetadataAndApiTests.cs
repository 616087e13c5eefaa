using System;
using System.Linq;
using System.ServiceModel;
using CrmTeamSelling.Emulator.Faults;
using CrmTeamSelling.Emulator.Metadata;
using CrmTeamSelling.Packager.Model;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace CrmTeamSelling.Emulator.Tests;

[TestClass]
public sealed class MetadataAndApiTests
{
    [TestMethod]
    public void TheSolutionsTableColumnsChoicesKeysAndRelationshipsBecomeRuntimeMetadata()
    {
        var crm = TestModel.Emulator();
        var member = crm.Metadata.FindTable(TestModel.Member)!;

        Assert.AreEqual(TableOwnership.UserOwned, member.Ownership);
        Assert.AreEqual(ColumnType.String, member.FindColumn("test_name")!.Type);
        Assert.AreEqual(100, member.FindColumn("test_name")!.MaxLength);
        Assert.AreEqual(ColumnRequiredLevel.SystemRequired, member.FindColumn("test_opportunityid")!.RequiredLevel);
        CollectionAssert.AreEqual(new[] { "opportunity" }, member.FindColumn("test_opportunityid")!.Targets.ToArray(), "a lookup's target comes from its relationship");
        Assert.AreEqual("test_level", member.FindColumn("test_level")!.Choice!.Name);
        Assert.IsTrue(member.FindColumn("createdon")!.IsPlatformManaged, "system columns come with every table");
        Assert.AreEqual("test_member_opportunity_user", member.Keys.Single().LogicalName);
        Assert.AreEqual(CascadeType.Cascade, crm.Metadata.FindRelationship("test_opportunity_test_member")!.Cascade.Share);
    }

    [TestMethod]
    public void TheBuiltInCatalogHasTheStandardTablesWithRealTypes()
    {
        var catalog = MetadataCatalog.WithStandardTables();

        Assert.AreEqual(ColumnType.Money, catalog.FindTable("opportunity")!.FindColumn("estimatedvalue")!.Type);
        Assert.AreEqual(ColumnType.Customer, catalog.FindTable("opportunity")!.FindColumn("customerid")!.Type);
        Assert.AreEqual("activityid", catalog.FindTable("task")!.PrimaryIdAttribute);
        Assert.AreEqual("Activity", catalog.FindTable("task")!.PrivilegeName);
        Assert.IsTrue(catalog.FindTable("appnotification")!.FindColumn("icontype")!.Choice!.Contains(100000000));
        Assert.AreEqual(ColumnType.Integer, catalog.FindTable("appnotification")!.FindColumn("ttlinseconds")!.Type);
    }

    [TestMethod]
    public void AColumnTypeTheEmulatorDoesNotKnowIsAnErrorNamingIt()
    {
        var solution = TestModel.Solution();
        var broken = new SolutionModel
        {
            Manifest = solution.Manifest,
            Tables = new[] { new TableModel { LogicalName = "test_odd", PrimaryIdAttribute = "test_oddid", Columns = new[] { new ColumnModel { LogicalName = "test_x", Type = "geography" } } } },
        };

        var error = Assert.ThrowsExactly<InvalidOperationException>(() => XrmEmulator.FromModel(broken));

        StringAssert.Contains(error.Message, "'geography'");
    }

    [TestMethod]
    public void AStepNamingAPluginTypeThatIsNotThereListsTheTypesThatAre()
    {
        var step = new PluginStepModel { Name = "ghost", Message = "Create", PrimaryEntity = "account", Stage = 40, PluginTypeName = "Nowhere.GhostPlugin" };

        var error = Assert.ThrowsExactly<InvalidOperationException>(() => TestModel.Emulator(new[] { step }));

        StringAssert.Contains(error.Message, "Nowhere.GhostPlugin");
        StringAssert.Contains(error.Message, typeof(RecordingPlugin).FullName);
    }

    [TestMethod]
    public void ACustomApiRunsItsPluginAndChecksItsParameters()
    {
        var crm = TestModel.Emulator();
        crm.Opportunity("Visible to the system");

        var response = crm.System.Execute(new OrganizationRequest("test_Echo") { ["Text"] = "ab" });

        Assert.AreEqual("abab", response["Echo"]);
        Assert.AreEqual(1, response["Visible"]);
        var missing = Assert.ThrowsExactly<FaultException<OrganizationServiceFault>>(() => crm.System.Execute(new OrganizationRequest("test_Echo")));
        StringAssert.Contains(missing.Detail.Message, "'Text'");
        var wrongType = Assert.ThrowsExactly<FaultException<OrganizationServiceFault>>(() => crm.System.Execute(new OrganizationRequest("test_Echo") { ["Text"] = 5 }));
        Assert.AreEqual(ErrorCodes.InvalidArgument, wrongType.Detail.ErrorCode);
    }

    [TestMethod]
    public void EnvironmentVariablesAreRowsPluginsCanQuery()
    {
        var crm = TestModel.Emulator();
        var query = new QueryExpression("environmentvariablevalue") { ColumnSet = new ColumnSet("value") };
        query.AddLink("environmentvariabledefinition", "environmentvariabledefinitionid", "environmentvariabledefinitionid")
            .LinkCriteria.AddCondition("schemaname", ConditionOperator.Equal, "test_StaleDays");

        Assert.AreEqual("14", crm.System.RetrieveMultiple(query).Entities.Single().GetAttributeValue<string>("value"));
    }

    [TestMethod]
    public void NotificationsForReturnsTheUsersAppNotifications()
    {
        var crm = TestModel.Emulator();
        var user = crm.CreateUser("Notified");
        var other = crm.CreateUser("Not Notified");
        crm.System.Create(new Entity("appnotification") { ["title"] = "Solution changed", ["ownerid"] = user, ["icontype"] = new OptionSetValue(100000000) });
        crm.System.Create(new Entity("appnotification") { ["title"] = "For someone else", ["ownerid"] = other });

        Assert.AreEqual("Solution changed", crm.NotificationsFor(user).Single().GetAttributeValue<string>("title"));
    }
}
