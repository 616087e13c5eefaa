using System;
using System.Linq;
using System.ServiceModel;
using CrmTeamSelling.Emulator.Faults;
using CrmTeamSelling.Emulator.Metadata;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace CrmTeamSelling.Emulator.Tests;

/// <summary>
/// Emulator.Tests/TestSolution is a small solution in SolutionPackager layout (a table, a relationship,
/// three steps registering plug-ins of this test assembly, a role, an environment variable). Loaded
/// through the Packager's reader, it proves a wrong stage, filter or image in step XML shows in a test.
/// </summary>
[TestClass]
public sealed class SolutionFolderTests
{
    private static XrmEmulator Load() => XrmEmulator.FromSolutionFolder(RealSolutionTests.RepoFile("Emulator.Tests", "TestSolution"), typeof(SolutionFolderTests).Assembly);

    [TestMethod]
    public void TheFolderBecomesTablesKeysRelationshipsStepsRolesAndVariables()
    {
        var crm = Load();

        var ticket = crm.Metadata.FindTable("tst_ticket")!;
        Assert.AreEqual(ColumnType.Picklist, ticket.FindColumn("tst_priority")!.Type);
        Assert.AreEqual(100, ticket.FindColumn("tst_name")!.MaxLength);
        Assert.AreEqual("tst_name", ticket.PrimaryNameAttribute);
        CollectionAssert.AreEqual(new[] { "tst_code" }, ticket.Keys.Single().Columns.ToArray());
        Assert.AreEqual(CascadeType.Cascade, crm.Metadata.FindRelationship("tst_account_tst_ticket")!.Cascade.Share);
        Assert.AreEqual(3, crm.Steps.Count);
        var update = crm.Steps.Single(s => s.Message == "Update");
        CollectionAssert.AreEqual(new[] { "tst_priority" }, update.FilteringAttributes.ToArray());
        CollectionAssert.AreEqual(new[] { "tst_name", "tst_priority" }, update.Images.Single().Attributes.ToArray());
        Assert.AreEqual("Ticket Agent", crm.Role("Ticket Agent").Name);
        Assert.AreEqual("24", crm.All("environmentvariablevalue").Single().GetAttributeValue<string>("value"));
    }

    [TestMethod]
    public void TheStepsOfTheFolderRunWithTheirStageConfigurationFilterAndImage()
    {
        var crm = Load();
        var agent = crm.CreateUser("Alice Agent", "Ticket Agent");
        var account = crm.Arrange(new Entity("account") { ["name"] = "Customer" });
        var tag = TestModel.NewTag("ticket");

        var id = crm.As(agent).Create(new Entity("tst_ticket") { ["tst_name"] = tag, ["tst_accountid"] = account, ["tst_priority"] = new OptionSetValue(414000000) });
        Assert.AreEqual($"fixture-pre|stage 20|depth 1|Create|tx True|{tag}", PluginLog.For(tag).Single());

        crm.DrainAsync();
        Assert.AreEqual($"fixture-async|stage 40|depth 1|Create|tx False|{tag}", PluginLog.For(tag).Last());

        crm.As(agent).Update(new Entity("tst_ticket", id) { ["tst_hours"] = 3 });
        Assert.AreEqual(2, PluginLog.For(tag).Count, "tst_hours is not a filtering attribute of the Update step");

        crm.As(agent).Update(new Entity("tst_ticket", id) { ["tst_priority"] = new OptionSetValue(414000001) });
        StringAssert.Contains(PluginLog.For(tag).Last(), $"pre:before=tst_name,tst_priority,tst_ticketid|prename={tag}");
    }

    [TestMethod]
    public void TheRoleOfTheFolderDecidesWhatAnAgentMayDo()
    {
        var crm = Load();
        var alice = crm.CreateUser("Alice Agent", "Ticket Agent");
        var bob = crm.CreateUser("Bob Agent", "Ticket Agent");
        var bobs = crm.As(bob).Create(new Entity("tst_ticket") { ["tst_name"] = "Bob's ticket" });

        Assert.AreEqual(0, crm.As(alice).RetrieveMultiple(new QueryExpression("tst_ticket")).Entities.Count);
        var denied = Assert.ThrowsExactly<FaultException<OrganizationServiceFault>>(() => crm.As(alice).Delete("tst_ticket", bobs));
        StringAssert.Contains(denied.Detail.Message, "prvDeletetst_Ticket");
    }

    [TestMethod]
    public void ThePluginAssemblyCanBeGivenByItsPath()
    {
        var crm = XrmEmulator.FromSolutionFolder(RealSolutionTests.RepoFile("Emulator.Tests", "TestSolution"), typeof(SolutionFolderTests).Assembly.Location);

        Assert.AreEqual(typeof(RecordingPlugin), crm.Steps.First().PluginType);
        Assert.ThrowsExactly<System.IO.FileNotFoundException>(() => XrmEmulator.FromSolutionFolder(RealSolutionTests.RepoFile("Emulator.Tests", "TestSolution"), "/nowhere/Plugins.dll"));
    }

    [TestMethod]
    public void TheKeyOfTheFolderIsUnique()
    {
        var crm = Load();
        crm.System.Create(new Entity("tst_ticket") { ["tst_name"] = "first", ["tst_code"] = "T-1" });

        var fault = Assert.ThrowsExactly<FaultException<OrganizationServiceFault>>(() => crm.System.Create(new Entity("tst_ticket") { ["tst_name"] = "second", ["tst_code"] = "t-1" }));

        Assert.AreEqual(ErrorCodes.DuplicateRecordEntityKey, fault.Detail.ErrorCode, "keys compare without regard to case, as SQL's collation does");
    }
}
