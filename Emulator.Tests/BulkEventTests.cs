using System;
using System.Linq;
using System.ServiceModel;
using CrmTeamSelling.Emulator.Pipeline;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;

namespace CrmTeamSelling.Emulator.Tests;

/// <summary>
/// Dataverse's merged pipelines, for custom tables: a single Create or Update also raises the CreateMultiple
/// or UpdateMultiple event with its one row in Targets; the bulk steps see the image arrays and, after the
/// main operation, each new row's id.
/// </summary>
[TestClass]
public sealed class BulkEventTests
{
    private static PluginStepRegistration Step<T>(string message, string table, int stage, string config, params StepImage[] images)
        => new() { Message = message, PrimaryEntity = table, Stage = stage, PluginType = typeof(T), UnsecureConfiguration = config, Images = images };

    [TestMethod]
    public void ASingleCreateOfACustomTableRaisesTheCreateMultipleEventWithItsOneRow()
    {
        var crm = TestModel.Emulator();
        var tag = TestModel.NewTag("single-create");
        crm.RegisterStep(Step<EventRecorderPlugin>("CreateMultiple", TestModel.Member, 20, tag));
        crm.RegisterStep(Step<EventRecorderPlugin>("Create", TestModel.Member, 20, tag));
        crm.RegisterStep(Step<BulkTargetsPlugin>("CreateMultiple", TestModel.Member, 40, tag, new StepImage("row", ImageType.PostImage, "test_name")));
        var deal = crm.Opportunity("Bulk of one");

        var id = crm.System.Create(new Entity(TestModel.Member) { ["test_name"] = "only", ["test_opportunityid"] = deal });

        CollectionAssert.AreEqual(new[]
        {
            $"{tag}|CreateMultiple test_member 20|depth 1|parent none|target Targets:test_name=only,test_opportunityid=opportunity|pre |post |tx True",
            $"{tag}|Create test_member 20|depth 1|parent Create test_member 10|target Target:test_name=only,test_opportunityid=opportunity|pre |post |tx True",
            $"{tag}|CreateMultiple 40|targets 1|#0 {id}|pre none|post only",
        }, PluginLog.For(tag).ToArray(), "the single Create runs inside the CreateMultiple event of its one row; after it, the row's id is on its Target");
        Assert.AreEqual("only", crm.Get(TestModel.Member, id).GetAttributeValue<string>("test_name"));
    }

    [TestMethod]
    public void ASingleUpdateRaisesTheUpdateMultipleEventWithTheImageArrays()
    {
        var crm = TestModel.Emulator();
        var tag = TestModel.NewTag("single-update");
        crm.RegisterStep(Step<BulkTargetsPlugin>("UpdateMultiple", TestModel.Member, 40, tag,
            new StepImage("row", ImageType.PreImage, "test_name"), new StepImage("row", ImageType.PostImage, "test_name")));
        var member = crm.Arrange(new Entity(TestModel.Member) { ["test_name"] = "before", ["test_opportunityid"] = crm.Opportunity("Updated") });

        crm.System.Update(new Entity(TestModel.Member, member.Id) { ["test_name"] = "after" });

        CollectionAssert.AreEqual(new[] { $"{tag}|UpdateMultiple 40|targets 1|#0 {member.Id}|pre before|post after" }, PluginLog.For(tag).ToArray());
    }

    [TestMethod]
    public void CreateMultipleStepsSeeEveryRowsIdAndImagesInTheOrderOfTargets()
    {
        var crm = TestModel.Emulator();
        var tag = TestModel.NewTag("bulk-ids");
        crm.RegisterStep(Step<BulkTargetsPlugin>("CreateMultiple", TestModel.Member, 40, tag, new StepImage("row", ImageType.PostImage, "test_name")));
        var deal = crm.Opportunity("Many members");
        var targets = new EntityCollection(new[] { "first", "second" }.Select(name => new Entity(TestModel.Member) { ["test_name"] = name, ["test_opportunityid"] = deal }).ToList()) { EntityName = TestModel.Member };

        var ids = ((CreateMultipleResponse)crm.System.Execute(new CreateMultipleRequest { Targets = targets })).Ids;

        CollectionAssert.AreEqual(new[]
        {
            $"{tag}|CreateMultiple 40|targets 2|#0 {ids[0]}|pre none|post first",
            $"{tag}|CreateMultiple 40|targets 2|#1 {ids[1]}|pre none|post second",
        }, PluginLog.For(tag).ToArray());
    }

    [TestMethod]
    public void ARefusingBulkStepRefusesTheSingleCreate()
    {
        var crm = TestModel.Emulator();
        crm.RegisterStep(Step<RefusingPlugin>("CreateMultiple", TestModel.Member, 20, "Members are created by the team only."));

        var fault = Assert.ThrowsExactly<FaultException<OrganizationServiceFault>>(() =>
            crm.System.Create(new Entity(TestModel.Member) { ["test_name"] = "refused", ["test_opportunityid"] = crm.Opportunity("Closed team") }));

        Assert.AreEqual("Members are created by the team only.", fault.Detail.Message);
        Assert.AreEqual(0, crm.All(TestModel.Member).Count);
    }

    [TestMethod]
    public void StandardTablesRaiseNoBulkEventForASingleCreate()
    {
        // Which standard tables support CreateMultiple varies, and the built-in catalog does not say.
        var crm = TestModel.Emulator();
        var tag = TestModel.NewTag("standard");
        crm.RegisterStep(Step<EventRecorderPlugin>("CreateMultiple", "account", 20, tag));

        crm.System.Create(new Entity("account") { ["name"] = "Standard table" });

        Assert.IsEmpty(PluginLog.For(tag));
    }
}
