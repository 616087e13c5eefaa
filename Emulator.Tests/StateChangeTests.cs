using System;
using System.Linq;
using System.ServiceModel;
using CrmTeamSelling.Emulator.Faults;
using CrmTeamSelling.Emulator.Pipeline;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;

namespace CrmTeamSelling.Emulator.Tests;

/// <summary>
/// Which steps fire when the state changes: an Update of statecode with other columns runs its stages
/// 20 to 40 twice (other columns, then state and status) and fires no SetState step; a SetStateRequest runs
/// as SetStateDynamicEntity and writes the state through an Update, whose steps fire nested in it.
/// </summary>
[TestClass]
public sealed class StateChangeTests
{
    private static PluginStepRegistration Step<T>(string message, int stage, string config, string[]? filter = null, params StepImage[] images)
        => new() { Message = message, PrimaryEntity = TestModel.Member, Stage = stage, PluginType = typeof(T), UnsecureConfiguration = config, FilteringAttributes = filter ?? Array.Empty<string>(), Images = images };

    private static EntityReference Member(XrmEmulator crm, string name, EntityReference? owner = null)
        => crm.Arrange(new Entity(TestModel.Member) { ["test_name"] = name, ["test_opportunityid"] = crm.Opportunity("Deal of " + name), ["ownerid"] = owner ?? crm.SystemUser });

    [TestMethod]
    public void AnUpdateOfTheStateWithOtherColumnsRunsStages20To40TwiceAndStage10Once()
    {
        var crm = TestModel.Emulator();
        var tag = TestModel.NewTag("split");
        var image = new StepImage("row", ImageType.PreImage, "test_name", "statecode");
        foreach (var stage in new[] { 10, 20, 40 })
        {
            crm.RegisterStep(Step<EventRecorderPlugin>("Update", stage, tag, images: image));
        }

        crm.RegisterStep(Step<EventRecorderPlugin>("SetStateDynamicEntity", 40, tag));
        var member = Member(crm, "old");

        crm.System.Update(new Entity(TestModel.Member, member.Id) { ["test_name"] = "new", ["statecode"] = new OptionSetValue(1) });

        CollectionAssert.AreEqual(new[]
        {
            $"{tag}|Update test_member 10|depth 1|parent none|target Target:statecode=1,test_name=new|pre row:statecode=0,test_memberid=id,test_name=old|post |tx False",
            $"{tag}|Update test_member 20|depth 1|parent Update test_member 10|target Target:test_name=new|pre row:statecode=0,test_memberid=id,test_name=old|post |tx True",
            $"{tag}|Update test_member 40|depth 1|parent Update test_member 10|target Target:test_name=new|pre row:statecode=0,test_memberid=id,test_name=old|post |tx True",
            $"{tag}|Update test_member 20|depth 1|parent Update test_member 10|target Target:statecode=1|pre row:statecode=0,test_memberid=id,test_name=new|post |tx True",
            $"{tag}|Update test_member 40|depth 1|parent Update test_member 10|target Target:statecode=1|pre row:statecode=0,test_memberid=id,test_name=new|post |tx True",
        }, PluginLog.For(tag).ToArray(), "stage 10 sees the whole request; the later stages run for the other columns, then for the state; no SetStateDynamicEntity step fires");
        var row = crm.Get(member);
        Assert.AreEqual("new", row.GetAttributeValue<string>("test_name"));
        Assert.AreEqual(2, row.GetAttributeValue<OptionSetValue>("statuscode").Value, "the state's default status reason");
    }

    [TestMethod]
    public void FilteringAttributesChooseTheRunAStepFiresIn()
    {
        var crm = TestModel.Emulator();
        var tag = TestModel.NewTag("filter");
        crm.RegisterStep(Step<EventRecorderPlugin>("Update", 40, tag + "-state", new[] { "statecode" }));
        crm.RegisterStep(Step<EventRecorderPlugin>("Update", 40, tag + "-name", new[] { "test_name" }));
        var member = Member(crm, "before");

        crm.System.Update(new Entity(TestModel.Member, member.Id) { ["test_name"] = "after", ["statecode"] = new OptionSetValue(1), ["statuscode"] = new OptionSetValue(2) });

        CollectionAssert.AreEqual(new[]
        {
            $"{tag}-name|Update test_member 40|depth 1|parent Update test_member 10|target Target:test_name=after|pre |post |tx True",
            $"{tag}-state|Update test_member 40|depth 1|parent Update test_member 10|target Target:statecode=1,statuscode=2|pre |post |tx True",
        }, PluginLog.For(tag).ToArray());
    }

    [TestMethod]
    public void BothRunsShareTheSharedVariables()
    {
        var crm = TestModel.Emulator();
        var tag = TestModel.NewTag("shared");
        crm.RegisterStep(Step<SharedCounterPlugin>("Update", 20, tag));
        var member = Member(crm, "counted");

        crm.System.Update(new Entity(TestModel.Member, member.Id) { ["test_hours"] = 3, ["statecode"] = new OptionSetValue(1) });

        CollectionAssert.AreEqual(new[] { $"{tag}|run 1", $"{tag}|run 2" }, PluginLog.For(tag).ToArray(),
            "Microsoft's advice for these updates is to pass data between the runs in SharedVariables");
    }

    [TestMethod]
    public void AnUpdateOfTheStateAloneRunsOnce()
    {
        var crm = TestModel.Emulator();
        var tag = TestModel.NewTag("alone");
        crm.RegisterStep(Step<EventRecorderPlugin>("Update", 20, tag));
        var member = Member(crm, "alone");

        crm.System.Update(new Entity(TestModel.Member, member.Id) { ["test_memberid"] = member.Id, ["statecode"] = new OptionSetValue(1), ["statuscode"] = new OptionSetValue(2) });

        Assert.HasCount(1, PluginLog.For(tag), "the primary key in the Target is not another column to split off");
    }

    [TestMethod]
    public void TheRowVersionOfASplitUpdateIsCheckedOnce()
    {
        var crm = TestModel.Emulator();
        var member = Member(crm, "versioned");
        var version = crm.Get(member).GetAttributeValue<long>("versionnumber").ToString(System.Globalization.CultureInfo.InvariantCulture);

        crm.System.Execute(new UpdateRequest
        {
            Target = new Entity(TestModel.Member, member.Id) { ["test_name"] = "renamed", ["statecode"] = new OptionSetValue(1), RowVersion = version },
            ConcurrencyBehavior = ConcurrencyBehavior.IfRowVersionMatches,
        });

        Assert.AreEqual(1, crm.Get(member).GetAttributeValue<OptionSetValue>("statecode").Value, "the first run changes the version; the state run does not check it again");
    }

    [TestMethod]
    public void SetStateRunsAsSetStateDynamicEntityAndWritesTheStateThroughAnUpdate()
    {
        var crm = TestModel.Emulator();
        var tag = TestModel.NewTag("setstate");
        foreach (var stage in new[] { 10, 20, 40 })
        {
            crm.RegisterStep(Step<EventRecorderPlugin>("SetStateDynamicEntity", stage, tag));
            crm.RegisterStep(Step<EventRecorderPlugin>("Update", stage, tag));
        }

        var member = Member(crm, "deactivated");

        var response = crm.System.Execute(new SetStateRequest { EntityMoniker = member, State = new OptionSetValue(1), Status = new OptionSetValue(2) });

        Assert.IsInstanceOfType<SetStateResponse>(response);
        Assert.AreEqual("SetState", response.ResponseName);
        CollectionAssert.AreEqual(new[]
        {
            $"{tag}|SetStateDynamicEntity test_member 10|depth 1|parent none|target EntityMoniker:test_member State:1|pre |post |tx False",
            $"{tag}|SetStateDynamicEntity test_member 20|depth 1|parent none|target EntityMoniker:test_member State:1|pre |post |tx True",
            $"{tag}|Update test_member 20|depth 1|parent SetStateDynamicEntity test_member 30|target Target:statecode=1,statuscode=2|pre |post |tx True",
            $"{tag}|Update test_member 40|depth 1|parent SetStateDynamicEntity test_member 30|target Target:statecode=1,statuscode=2|pre |post |tx True",
            $"{tag}|SetStateDynamicEntity test_member 40|depth 1|parent none|target EntityMoniker:test_member State:1|pre |post |tx True",
        }, PluginLog.For(tag).ToArray(), "the Update is a child pipeline of the SetStateDynamicEntity (stages 20 and 40)");
        Assert.AreEqual(1, crm.Get(member).GetAttributeValue<OptionSetValue>("statecode").Value);
    }

    [TestMethod]
    public void AStepRegisteredOnSetStateIsRefusedWithWhatToDoInstead()
    {
        var crm = TestModel.Emulator();

        var error = Assert.ThrowsExactly<InvalidOperationException>(() => crm.RegisterStep(Step<EventRecorderPlugin>("SetState", 40, "never fires")));

        StringAssert.Contains(error.Message, "registered on SetState, which Dataverse does not trigger");
        StringAssert.Contains(error.Message, "on Update with the filtering attributes statecode and statuscode");
    }

    [TestMethod]
    public void SetStateNeedsWriteAccessToTheRow()
    {
        var crm = TestModel.Emulator();
        var seller = crm.CreateUser("Sam Seller", "Seller");
        var member = Member(crm, "someone else's", crm.CreateUser("Olga Owner"));

        var fault = Assert.ThrowsExactly<FaultException<OrganizationServiceFault>>(() =>
            crm.As(seller).Execute(new SetStateRequest { EntityMoniker = member, State = new OptionSetValue(1), Status = new OptionSetValue(-1) }));

        Assert.AreEqual(ErrorCodes.AccessCheckFailed, fault.Detail.ErrorCode, "Seller writes only the members it owns (Basic depth)");
        Assert.AreEqual(0, crm.Get(member).GetAttributeValue<OptionSetValue>("statecode").Value);
    }
}
