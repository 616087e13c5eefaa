using System;
using System.Linq;
using System.ServiceModel;
using CrmTeamSelling.Emulator.Faults;
using CrmTeamSelling.Emulator.Pipeline;
using Microsoft.Xrm.Sdk;

namespace CrmTeamSelling.Emulator.Tests;

/// <summary>
/// A new owner: an Update of ownerid runs the Assign message (Assign steps fire, nested in the Update);
/// the Assign message writes the owner through an Update of its own; the Assign cascade reaches each child
/// through the child's Assign, all in one transaction.
/// </summary>
[TestClass]
public sealed class AssignTests
{
    private static PluginStepRegistration Step<T>(string message, string table, int stage, string config, params StepImage[] images)
        => new() { Message = message, PrimaryEntity = table, Stage = stage, PluginType = typeof(T), UnsecureConfiguration = config, Images = images };

    private static StepImage Owner(ImageType type) => new(type == ImageType.PreImage ? "before" : "after", type, "ownerid");

    private static void TraceOwnerSteps(XrmEmulator crm, string tag, string table)
    {
        foreach (var message in new[] { "Update", "Assign" })
        {
            foreach (var stage in new[] { 10, 20, 40 })
            {
                crm.RegisterStep(Step<OwnerTracePlugin>(message, table, stage, tag, stage == 40 ? new[] { Owner(ImageType.PreImage), Owner(ImageType.PostImage) } : new[] { Owner(ImageType.PreImage) }));
            }
        }
    }

    [TestMethod]
    public void AnUpdateOfTheOwnerRunsTheAssignMessageNestedInIt()
    {
        var crm = TestModel.Emulator();
        var tag = TestModel.NewTag("update-owner");
        TraceOwnerSteps(crm, tag, "opportunity");
        var ann = crm.CreateUser("Ann Before");
        var bob = crm.CreateUser("Bob After");
        var deal = crm.Opportunity("Changes hands", ann);

        crm.System.Update(new Entity("opportunity", deal.Id) { ["name"] = "Changed hands", ["ownerid"] = bob });

        CollectionAssert.AreEqual(new[]
        {
            $"{tag}|Update opportunity 10|depth 1|parent none|new Bob After|pre Ann Before|post -",
            $"{tag}|Update opportunity 20|depth 1|parent Update opportunity|new Bob After|pre Ann Before|post -",
            $"{tag}|Assign opportunity 20|depth 1|parent Update opportunity|new Bob After|pre Ann Before|post -",
            $"{tag}|Assign opportunity 40|depth 1|parent Update opportunity|new Bob After|pre Ann Before|post Bob After",
            $"{tag}|Update opportunity 40|depth 1|parent Update opportunity|new Bob After|pre Ann Before|post Bob After",
        }, PluginLog.For(tag).ToArray(), "the Update runs once (its Target keeps ownerid); its main operation runs Assign, a child pipeline at the same depth");
        Assert.AreEqual(bob.Id, crm.Get(deal).GetAttributeValue<EntityReference>("ownerid").Id);
        Assert.AreEqual("Changed hands", crm.Get(deal).GetAttributeValue<string>("name"));
    }

    [TestMethod]
    public void TheAssignMessageWritesTheOwnerThroughAnUpdateOfItsOwn()
    {
        var crm = TestModel.Emulator();
        var tag = TestModel.NewTag("assign");
        TraceOwnerSteps(crm, tag, "opportunity");
        var ann = crm.CreateUser("Ann Before");
        var bob = crm.CreateUser("Bob After");
        var deal = crm.Opportunity("Assigned", ann);

        var response = crm.System.Execute(new OrganizationRequest("Assign") { ["Target"] = deal, ["Assignee"] = bob });

        Assert.AreEqual("Assign", response.ResponseName);
        CollectionAssert.AreEqual(new[]
        {
            $"{tag}|Assign opportunity 10|depth 1|parent none|new Bob After|pre Ann Before|post -",
            $"{tag}|Assign opportunity 20|depth 1|parent none|new Bob After|pre Ann Before|post -",
            $"{tag}|Update opportunity 20|depth 1|parent Assign opportunity|new Bob After|pre Ann Before|post -",
            $"{tag}|Update opportunity 40|depth 1|parent Assign opportunity|new Bob After|pre Ann Before|post Bob After",
            $"{tag}|Assign opportunity 40|depth 1|parent none|new Bob After|pre Ann Before|post Bob After",
        }, PluginLog.For(tag).ToArray(), "the Update the Assign generates is a child pipeline: stages 20 and 40, ParentContext the Assign");
        Assert.AreEqual(bob.Id, crm.Get(deal).GetAttributeValue<EntityReference>("ownerid").Id);
    }

    [TestMethod]
    public void TheAssignCascadeReachesEachChildThroughItsAssignAndUpdate()
    {
        var crm = TestModel.Emulator();
        var tag = TestModel.NewTag("cascade-owner");
        TraceOwnerSteps(crm, tag, TestModel.Member);
        var ann = crm.CreateUser("Ann Before");
        var bob = crm.CreateUser("Bob After");
        var deal = crm.Opportunity("Parent", ann);
        var member = crm.Arrange(new Entity(TestModel.Member) { ["test_name"] = "child", ["test_opportunityid"] = deal, ["ownerid"] = ann });

        crm.System.Update(new Entity("opportunity", deal.Id) { ["ownerid"] = bob });

        CollectionAssert.AreEqual(new[]
        {
            $"{tag}|Assign test_member 20|depth 1|parent Assign opportunity|new Bob After|pre Ann Before|post -",
            $"{tag}|Update test_member 20|depth 1|parent Assign test_member|new Bob After|pre Ann Before|post -",
            $"{tag}|Update test_member 40|depth 1|parent Assign test_member|new Bob After|pre Ann Before|post Bob After",
            $"{tag}|Assign test_member 40|depth 1|parent Assign opportunity|new Bob After|pre Ann Before|post Bob After",
        }, PluginLog.For(tag).ToArray(), "the child is assigned as a nested Assign of the child, whose own Update writes the owner");
        Assert.AreEqual(bob.Id, crm.Get(member).GetAttributeValue<EntityReference>("ownerid").Id);
        Assert.AreEqual(bob.Id, crm.Get(member).GetAttributeValue<EntityReference>("owninguser").Id);
    }

    [TestMethod]
    public void AChildAssignStepThatRefusesKeepsEveryOwner()
    {
        var crm = TestModel.Emulator();
        crm.RegisterStep(Step<RefusingPlugin>("Assign", TestModel.Member, 20, "Members keep their owner."));
        var ann = crm.CreateUser("Ann Before");
        var bob = crm.CreateUser("Bob After");
        var deal = crm.Opportunity("Stays with Ann", ann);
        var member = crm.Arrange(new Entity(TestModel.Member) { ["test_name"] = "child", ["test_opportunityid"] = deal, ["ownerid"] = ann });

        var fault = Assert.ThrowsExactly<FaultException<OrganizationServiceFault>>(() => crm.System.Update(new Entity("opportunity", deal.Id) { ["name"] = "Renamed", ["ownerid"] = bob }));

        Assert.AreEqual("Members keep their owner.", fault.Detail.Message);
        Assert.AreEqual(ann.Id, crm.Get(deal).GetAttributeValue<EntityReference>("ownerid").Id);
        Assert.AreEqual("Stays with Ann", crm.Get(deal).GetAttributeValue<string>("name"), "the Update's other columns roll back with it");
        Assert.AreEqual(ann.Id, crm.Get(member).GetAttributeValue<EntityReference>("ownerid").Id);
    }

    [TestMethod]
    public void AnUpdateThatKeepsTheOwnerRunsNoAssign()
    {
        var crm = TestModel.Emulator();
        var tag = TestModel.NewTag("same-owner");
        crm.RegisterStep(Step<OwnerTracePlugin>("Assign", "opportunity", 20, tag));
        var ann = crm.CreateUser("Ann Owner");
        var deal = crm.Opportunity("Unchanged owner", ann);

        crm.System.Update(new Entity("opportunity", deal.Id) { ["ownerid"] = ann, ["name"] = "Renamed" });

        Assert.IsEmpty(PluginLog.For(tag));
    }

    [TestMethod]
    public void TheAssignMessageNeedsTheAssignPrivilege()
    {
        var crm = TestModel.Emulator();
        var seller = crm.CreateUser("Sam Seller", "Seller");
        var other = crm.CreateUser("Olga Other");
        var deal = crm.Opportunity("Sam's deal", seller);

        var fault = Assert.ThrowsExactly<FaultException<OrganizationServiceFault>>(() =>
            crm.As(seller).Execute(new OrganizationRequest("Assign") { ["Target"] = deal, ["Assignee"] = other }));

        Assert.AreEqual(ErrorCodes.PrivilegeDenied, fault.Detail.ErrorCode, "the Seller role writes its opportunities but cannot assign them");
        Assert.AreEqual(seller.Id, crm.Get(deal).GetAttributeValue<EntityReference>("ownerid").Id);
    }

    [TestMethod]
    public void OnlyUserOrTeamOwnedRowsCanBeAssigned()
    {
        var crm = TestModel.Emulator();
        var sales = crm.CreateBusinessUnit("Sales");

        var fault = Assert.ThrowsExactly<FaultException<OrganizationServiceFault>>(() =>
            crm.System.Execute(new OrganizationRequest("Assign") { ["Target"] = sales, ["Assignee"] = crm.CreateUser("Anyone") }));

        StringAssert.Contains(fault.Detail.Message, "'businessunit' are not owned by a user or a team");
    }
}
