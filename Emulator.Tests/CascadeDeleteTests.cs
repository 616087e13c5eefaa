using System;
using System.Linq;
using System.ServiceModel;
using CrmTeamSelling.Emulator.Faults;
using CrmTeamSelling.Emulator.Pipeline;
using Microsoft.Xrm.Sdk;

namespace CrmTeamSelling.Emulator.Tests;

/// <summary>
/// Deleting a parent: each child goes through its own pipeline inside the parent's Delete (Cascade: the
/// child's Delete; RemoveLink: the child's Update clearing the lookup), after the parent's stage 10 and before
/// its stage 20, in the parent's transaction; Restrict refuses before anything runs.
/// </summary>
[TestClass]
public sealed class CascadeDeleteTests
{
    private static PluginStepRegistration Step<T>(string message, string table, int stage, string config, params StepImage[] images)
        => new() { Message = message, PrimaryEntity = table, Stage = stage, PluginType = typeof(T), UnsecureConfiguration = config, Images = images };

    private static EntityReference Member(XrmEmulator crm, EntityReference deal, string name)
        => crm.Arrange(new Entity(TestModel.Member) { ["test_name"] = name, ["test_opportunityid"] = deal });

    [TestMethod]
    public void EachChildIsDeletedThroughItsOwnDeleteStepsNestedInTheParentsDelete()
    {
        var crm = TestModel.Emulator();
        var tag = TestModel.NewTag("cascade");
        foreach (var stage in new[] { 10, 20, 40 })
        {
            crm.RegisterStep(Step<EventRecorderPlugin>("Delete", TestModel.Member, stage, tag, new StepImage("member", ImageType.PreImage, "test_name")));
        }

        var deal = crm.Opportunity("Cascading deal");
        Member(crm, deal, "first");
        Member(crm, deal, "second");

        crm.System.Delete("opportunity", deal.Id);

        var events = PluginLog.For(tag);
        foreach (var name in new[] { "first", "second" })
        {
            CollectionAssert.AreEqual(new[]
            {
                $"{tag}|Delete test_member 20|depth 1|parent Delete opportunity 30|target Target:test_member|pre member:test_memberid=id,test_name={name}|post |tx True",
                $"{tag}|Delete test_member 40|depth 1|parent Delete opportunity 30|target Target:test_member|pre member:test_memberid=id,test_name={name}|post |tx True",
            }, events.Where(e => e.Contains($"test_name={name}|", StringComparison.Ordinal)).ToArray(),
                "a cascaded child runs stages 20 and 40 of its Delete (stage 10 is for the initial operation and calls made by plug-ins), with its pre-image, at the parent's depth, with the parent's Delete as ParentContext");
        }

        Assert.AreEqual(0, crm.All(TestModel.Member).Count);
        Assert.IsNull(crm.Find("opportunity", deal.Id));
    }

    [TestMethod]
    public void TheCascadeRunsAfterTheParentsPreValidationAndBeforeItsPreOperation()
    {
        var crm = TestModel.Emulator();
        var tag = TestModel.NewTag("order");
        crm.RegisterStep(Step<CountChildrenPlugin>("Delete", "opportunity", 10, $"{tag}|{TestModel.Member}|test_opportunityid"));
        crm.RegisterStep(Step<CountChildrenPlugin>("Delete", "opportunity", 20, $"{tag}|{TestModel.Member}|test_opportunityid"));
        var deal = crm.Opportunity("Counted deal");
        Member(crm, deal, "a");
        Member(crm, deal, "b");

        crm.System.Delete("opportunity", deal.Id);

        CollectionAssert.AreEqual(new[] { $"{tag}|stage 10|test_member children 2", $"{tag}|stage 20|test_member children 0" }, PluginLog.For(tag).ToArray());
    }

    [TestMethod]
    public void TheChildrenGoBeforeTheParentsRowIsRemoved()
    {
        var crm = TestModel.Emulator();
        var tag = TestModel.NewTag("parent");
        crm.RegisterStep(Step<ReadParentPlugin>("Delete", TestModel.Member, 40, $"{tag}|test_opportunityid", new StepImage("member", ImageType.PreImage, "test_opportunityid")));
        var deal = crm.Opportunity("Still here " + tag);
        Member(crm, deal, "child");

        crm.System.Delete("opportunity", deal.Id);

        CollectionAssert.AreEqual(new[] { $"{tag}|parent still there: Still here {tag}" }, PluginLog.For(tag).ToArray());
        Assert.IsNull(crm.Find("opportunity", deal.Id));
    }

    [TestMethod]
    public void AChildStepThatRefusesRollsTheWholeDeleteBack()
    {
        var crm = TestModel.Emulator();
        var tag = TestModel.NewTag("refuse");
        crm.RegisterStep(Step<RefusingPlugin>("Delete", TestModel.Member, 20, "This member cannot go."));
        var deal = crm.Opportunity("Kept deal");
        crm.Arrange(new Entity("task") { ["subject"] = tag, ["regardingobjectid"] = deal });
        Member(crm, deal, "kept");

        var fault = Assert.ThrowsExactly<FaultException<OrganizationServiceFault>>(() => crm.System.Delete("opportunity", deal.Id));

        Assert.AreEqual("This member cannot go.", fault.Detail.Message);
        Assert.IsNotNull(crm.Find("opportunity", deal.Id));
        Assert.AreEqual(1, crm.All(TestModel.Member).Count);
        Assert.AreEqual(1, crm.All("task").Count, "nothing the cascade did survives the refusal");
    }

    [TestMethod]
    public void AParentStepThatRefusesAfterTheCascadeRollsTheChildrenAndTheirStepsWritesBack()
    {
        var crm = TestModel.Emulator();
        var tag = TestModel.NewTag("late");
        crm.RegisterStep(Step<WriteTaskPlugin>("Delete", TestModel.Member, 40, "written by the member's delete " + tag));
        crm.RegisterStep(Step<EventRecorderPlugin>("Delete", TestModel.Member, 40, tag));
        crm.RegisterStep(Step<RefusingPlugin>("Delete", "opportunity", 40, "The deal stays."));
        var deal = crm.Opportunity("Deal with a late refusal");
        Member(crm, deal, "restored");

        var fault = Assert.ThrowsExactly<FaultException<OrganizationServiceFault>>(() => crm.System.Delete("opportunity", deal.Id));

        Assert.AreEqual("The deal stays.", fault.Detail.Message);
        Assert.HasCount(1, PluginLog.For(tag), "the member's Delete ran, with its steps, before the deal's refusal");
        Assert.AreEqual(1, crm.All(TestModel.Member).Count, "the member deleted by the cascade is back");
        Assert.AreEqual(0, crm.All("task").Count, "what the member's Delete step wrote is rolled back with it");
    }

    [TestMethod]
    public void RemoveLinkClearsTheChildsLookupThroughItsUpdateSteps()
    {
        var crm = TestModel.Emulator();
        var tag = TestModel.NewTag("unlink");
        crm.RegisterStep(new PluginStepRegistration
        {
            Message = "Update", PrimaryEntity = "opportunity", Stage = 20, PluginType = typeof(EventRecorderPlugin), UnsecureConfiguration = tag,
            FilteringAttributes = new[] { "parentaccountid" }, Images = new[] { new StepImage("deal", ImageType.PreImage, "name", "parentaccountid") },
        });
        crm.RegisterStep(Step<EventRecorderPlugin>("Delete", "opportunity", 20, tag));
        var account = crm.Arrange(new Entity("account") { ["name"] = "Closing down" });
        var deal = crm.Arrange(new Entity("opportunity") { ["name"] = "Outlives its account", ["parentaccountid"] = account });

        crm.System.Delete("account", account.Id);

        CollectionAssert.AreEqual(new[]
        {
            $"{tag}|Update opportunity 20|depth 1|parent Delete account 30|target Target:parentaccountid=null|pre deal:name=Outlives its account,opportunityid=id,parentaccountid=account|post |tx True",
        }, PluginLog.For(tag).ToArray(), "the referential child keeps living: its Update clears the lookup; it is not deleted");
        Assert.IsFalse(crm.Get(deal).Contains("parentaccountid"));
    }

    [TestMethod]
    public void ARestrictRelationshipRefusesBeforeAnyCascadeRuns()
    {
        var crm = TestModel.Emulator();
        var tag = TestModel.NewTag("restrict");
        crm.RegisterStep(Step<EventRecorderPlugin>("Delete", "task", 20, tag));
        var account = crm.Arrange(new Entity("account") { ["name"] = "Has members" });
        var task = crm.Arrange(new Entity("task") { ["subject"] = "Would cascade", ["regardingobjectid"] = account });
        crm.Arrange(new Entity(TestModel.Member) { ["test_name"] = "holds the account", ["test_opportunityid"] = crm.Opportunity("Any"), ["test_accountid"] = account });

        var fault = Assert.ThrowsExactly<FaultException<OrganizationServiceFault>>(() => crm.System.Delete("account", account.Id));

        Assert.AreEqual(ErrorCodes.CannotDeleteDueToAssociation, fault.Detail.ErrorCode);
        StringAssert.Contains(fault.Detail.Message, "test_account_test_member");
        Assert.IsEmpty(PluginLog.For(tag), "no child pipeline runs once a Restrict relationship has children");
        Assert.IsNotNull(crm.Find("task", task.Id));
    }

    [TestMethod]
    public void ACycleOfRelationshipsDeletesEachRowOnce()
    {
        // contact_customer_accounts (parental) and account_primary_contact (referential) make a cycle: the
        // account's Delete deletes its contact, whose RemoveLink would clear the account being deleted.
        var crm = TestModel.Emulator();
        var tag = TestModel.NewTag("cycle");
        crm.RegisterStep(Step<EventRecorderPlugin>("Update", "account", 20, tag));
        crm.RegisterStep(Step<EventRecorderPlugin>("Delete", "contact", 20, tag));
        var account = crm.Arrange(new Entity("account") { ["name"] = "Cyclic" });
        var contact = crm.Arrange(new Entity("contact") { ["lastname"] = "Primary", ["parentcustomerid"] = account });
        crm.System.Update(new Entity("account", account.Id) { ["primarycontactid"] = contact });
        var setUp = PluginLog.For(tag).Count;

        crm.System.Delete("account", account.Id);

        var events = PluginLog.For(tag).Skip(setUp).ToList();
        Assert.HasCount(1, events, "the contact's Delete runs once; the account being deleted is not updated");
        StringAssert.StartsWith(events[0], $"{tag}|Delete contact 20|depth 1|parent Delete account 30");
        Assert.AreEqual(0, crm.All("account").Count);
        Assert.AreEqual(0, crm.All("contact").Count);
    }
}
