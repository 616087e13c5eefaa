using System;
using System.Linq;
using System.ServiceModel;
using CrmTeamSelling.Emulator.Faults;
using CrmTeamSelling.Emulator.Security;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace CrmTeamSelling.Emulator.Tests;

[TestClass]
public sealed class SecurityTests
{
    private static FaultException<OrganizationServiceFault> Fails(Action action) => Assert.ThrowsExactly<FaultException<OrganizationServiceFault>>(action);

    [TestMethod]
    public void AUserWithoutThePrivilegeIsDeniedNamingIt()
    {
        var crm = TestModel.Emulator();
        var nobody = crm.CreateUser("No Roles");

        var fault = Fails(() => crm.As(nobody).Create(new Entity("opportunity") { ["name"] = "Denied" }));

        Assert.AreEqual(ErrorCodes.PrivilegeDenied, fault.Detail.ErrorCode);
        StringAssert.Contains(fault.Detail.Message, "is missing prvCreateOpportunity privilege");
    }

    [TestMethod]
    public void BasicDepthReachesOnlyOwnRecordsAndQueriesLeaveOutTheRest()
    {
        var crm = TestModel.Emulator();
        var rita = crm.CreateUser("Rita Rep", "Seller");
        var sam = crm.CreateUser("Sam Seller", "Seller");
        var mine = crm.As(rita).Create(new Entity("opportunity") { ["name"] = "Rita's deal" });
        var theirs = crm.As(sam).Create(new Entity("opportunity") { ["name"] = "Sam's deal" });

        var visible = crm.As(rita).RetrieveMultiple(new QueryExpression("opportunity") { ColumnSet = new ColumnSet("name") });
        CollectionAssert.AreEqual(new[] { "Rita's deal" }, visible.Entities.Select(e => e.GetAttributeValue<string>("name")).ToArray());

        var denied = Fails(() => crm.As(rita).Retrieve("opportunity", theirs, new ColumnSet("name")));
        Assert.AreEqual(ErrorCodes.AccessCheckFailed, denied.Detail.ErrorCode);
        StringAssert.Contains(denied.Detail.Message, "AccessRights: ReadAccess");
        Assert.AreEqual(ErrorCodes.AccessCheckFailed, Fails(() => crm.As(rita).Update(new Entity("opportunity", theirs) { ["name"] = "Hijacked" })).Detail.ErrorCode);
        crm.As(rita).Update(new Entity("opportunity", mine) { ["name"] = "Rita's bigger deal" });
    }

    [TestMethod]
    public void SharingGrantsAccessAndCascadesToChildRecordsAlongShareCascadeRelationships()
    {
        var crm = TestModel.Emulator();
        var owner = crm.CreateUser("Olga Owner", "Seller");
        var colleague = crm.CreateUser("Colin Colleague", "Seller");
        var deal = crm.As(owner).Create(new Entity("opportunity") { ["name"] = "Shared deal" });
        var member = crm.As(owner).Create(new Entity(TestModel.Member) { ["test_name"] = "Olga on the deal", ["test_opportunityid"] = new EntityReference("opportunity", deal) });

        Assert.AreEqual(ErrorCodes.AccessCheckFailed, Fails(() => crm.As(colleague).Retrieve(TestModel.Member, member, new ColumnSet(true))).Detail.ErrorCode);

        crm.As(owner).Execute(new GrantAccessRequest
        {
            Target = new EntityReference("opportunity", deal),
            PrincipalAccess = new PrincipalAccess { Principal = colleague, AccessMask = AccessRights.ReadAccess | AccessRights.WriteAccess },
        });

        Assert.AreEqual("Shared deal", crm.As(colleague).Retrieve("opportunity", deal, new ColumnSet("name")).GetAttributeValue<string>("name"));
        Assert.AreEqual("Olga on the deal", crm.As(colleague).Retrieve(TestModel.Member, member, new ColumnSet("test_name")).GetAttributeValue<string>("test_name"),
            "the member row is a child of the deal through a relationship whose Share cascades");
        crm.As(colleague).Update(new Entity("opportunity", deal) { ["description"] = "edited by the colleague" });

        crm.As(owner).Execute(new RevokeAccessRequest { Target = new EntityReference("opportunity", deal), Revokee = colleague });
        Assert.AreEqual(ErrorCodes.AccessCheckFailed, Fails(() => crm.As(colleague).Retrieve(TestModel.Member, member, new ColumnSet(true))).Detail.ErrorCode);
    }

    [TestMethod]
    public void ModifyAccessReplacesTheRightsAndRetrievePrincipalAccessReportsThem()
    {
        var crm = TestModel.Emulator();
        var owner = crm.CreateUser("Owner", "Seller");
        var reader = crm.CreateUser("Reader", "Seller");
        var deal = new EntityReference("opportunity", crm.As(owner).Create(new Entity("opportunity") { ["name"] = "Rights" }));
        AccessRights RightsOf(EntityReference principal) => ((RetrievePrincipalAccessResponse)crm.System.Execute(new RetrievePrincipalAccessRequest { Target = deal, Principal = principal })).AccessRights;

        Assert.AreEqual(AccessRights.CreateAccess, RightsOf(reader), "a Seller may create opportunities but reaches none of this one's rows");
        crm.As(owner).Execute(new GrantAccessRequest { Target = deal, PrincipalAccess = new PrincipalAccess { Principal = reader, AccessMask = AccessRights.ReadAccess | AccessRights.WriteAccess } });
        crm.As(owner).Execute(new ModifyAccessRequest { Target = deal, PrincipalAccess = new PrincipalAccess { Principal = reader, AccessMask = AccessRights.ReadAccess } });

        Assert.AreEqual(AccessRights.ReadAccess | AccessRights.CreateAccess, RightsOf(reader));
        Assert.AreEqual(AccessRights.ReadAccess | AccessRights.WriteAccess | AccessRights.AppendToAccess | AccessRights.CreateAccess | AccessRights.ShareAccess, RightsOf(owner));
    }

    [TestMethod]
    public void SharingWithATeamReachesItsMembers()
    {
        var crm = TestModel.Emulator();
        var owner = crm.CreateUser("Owner", "Seller");
        var member = crm.CreateUser("Team Member", "Seller");
        var team = crm.CreateTeam("Deal desk", null, member);
        var deal = new EntityReference("opportunity", crm.As(owner).Create(new Entity("opportunity") { ["name"] = "Team deal" }));

        crm.As(owner).Execute(new GrantAccessRequest { Target = deal, PrincipalAccess = new PrincipalAccess { Principal = team, AccessMask = AccessRights.ReadAccess } });

        Assert.AreEqual(1, crm.As(member).RetrieveMultiple(new QueryExpression("opportunity")).Entities.Count);
    }

    [TestMethod]
    public void BusinessUnitDepthReachesRecordsOwnedInTheUnitAndDeepReachesChildUnits()
    {
        var crm = TestModel.Emulator();
        var sales = crm.CreateBusinessUnit("Sales");
        var nordics = crm.CreateBusinessUnit("Nordics", sales);
        var local = crm.DefineRole("Local reader").Grant(PrivilegeAction.Read, "Opportunity", PrivilegeDepth.Local);
        var deep = crm.DefineRole("Deep reader").Grant(PrivilegeAction.Read, "Opportunity", PrivilegeDepth.Deep);
        var salesRep = crm.CreateUser("Sales Rep", sales);
        var nordicRep = crm.CreateUser("Nordic Rep", nordics);
        var localManager = crm.CreateUser("Local Manager", sales, local.Name);
        var deepManager = crm.CreateUser("Deep Manager", sales, deep.Name);
        crm.Opportunity("Sales deal", salesRep);
        crm.Opportunity("Nordic deal", nordicRep);

        string[] Visible(EntityReference user) => crm.As(user).RetrieveMultiple(new QueryExpression("opportunity") { ColumnSet = new ColumnSet("name") })
            .Entities.Select(e => e.GetAttributeValue<string>("name")).OrderBy(n => n).ToArray();

        CollectionAssert.AreEqual(new[] { "Sales deal" }, Visible(localManager));
        CollectionAssert.AreEqual(new[] { "Nordic deal", "Sales deal" }, Visible(deepManager));
    }

    [TestMethod]
    public void TheOwnerOfAParentReachesItsChildrenThroughAReparentCascade()
    {
        var crm = TestModel.Emulator();
        var owner = crm.CreateUser("Deal Owner", "Seller");
        var helper = crm.CreateUser("Helper", "Seller");
        var deal = crm.Opportunity("Parent deal", owner);
        var row = crm.Arrange(new Entity(TestModel.Member) { ["test_name"] = "Helper's row", ["test_opportunityid"] = deal, ["ownerid"] = helper });

        Assert.AreEqual("Helper's row", crm.As(owner).Retrieve(TestModel.Member, row.Id, new ColumnSet("test_name")).GetAttributeValue<string>("test_name"));
    }

    [TestMethod]
    public void APrivilegeGrantedAfterTheUserActedTakesEffectAtOnce()
    {
        var crm = TestModel.Emulator();
        var role = crm.DefineRole("Growing");
        var user = crm.CreateUser("Grower", role.Name);
        Assert.AreEqual(ErrorCodes.PrivilegeDenied, Fails(() => crm.As(user).Create(new Entity("account") { ["name"] = "not yet" })).Detail.ErrorCode);

        role.Grant(PrivilegeAction.Create, "Account", PrivilegeDepth.Basic);

        crm.As(user).Create(new Entity("account") { ["name"] = "now" });
    }

    [TestMethod]
    public void BasicCreateDepthCannotCreateARecordForSomeoneElse()
    {
        var crm = TestModel.Emulator();
        var rita = crm.CreateUser("Rita", "Seller");
        var sam = crm.CreateUser("Sam", "Seller");

        var fault = Fails(() => crm.As(rita).Create(new Entity("opportunity") { ["name"] = "For Sam", ["ownerid"] = sam }));

        Assert.AreEqual(ErrorCodes.PrivilegeDenied, fault.Detail.ErrorCode);
        Assert.AreEqual(0, crm.All("opportunity").Count);
    }

    [TestMethod]
    public void SettingALookupNeedsAppendToOnTheParent()
    {
        var crm = TestModel.Emulator();
        var rita = crm.CreateUser("Rita", "Seller");
        var sam = crm.CreateUser("Sam", "Seller");
        var samsDeal = crm.Opportunity("Sam's deal", sam);

        var fault = Fails(() => crm.As(rita).Create(new Entity(TestModel.Member) { ["test_name"] = "sneaky", ["test_opportunityid"] = samsDeal }));

        Assert.AreEqual(ErrorCodes.AccessCheckFailed, fault.Detail.ErrorCode);
        StringAssert.Contains(fault.Detail.Message, "AppendToAccess");
    }

    [TestMethod]
    public void TheSystemContextOfAPluginBypassesSecurity()
    {
        var crm = TestModel.Emulator();
        var nobody = crm.CreateUser("Nobody");
        crm.RegisterStep(new Pipeline.PluginStepRegistration { Message = "test_Echo", Stage = 10, PluginType = typeof(SystemWriterPlugin) });

        var denied = Fails(() => crm.As(nobody).Execute(new OrganizationRequest("test_Echo") { ["Text"] = "x" }));

        StringAssert.Contains(denied.Detail.Message, "prvReadOpportunity", "the API's own plug-in queries as the caller, who has no role");
        Assert.AreEqual(1, crm.All("account").Count, "the pre-validation step wrote in the system context although the caller has no privilege at all");
    }

    [TestMethod]
    public void ADisabledUserCannotCallTheService()
    {
        var crm = TestModel.Emulator();
        var gone = crm.Arrange(new Entity("systemuser") { ["lastname"] = "Gone", ["businessunitid"] = crm.RootBusinessUnit, ["isdisabled"] = true });

        Assert.AreEqual(ErrorCodes.PrivilegeDenied, Fails(() => crm.As(gone)).Detail.ErrorCode);
    }
}

/// <summary>Creates an account in the system context, whoever called.</summary>
public sealed class SystemWriterPlugin : IPlugin
{
    public void Execute(IServiceProvider serviceProvider)
        => serviceProvider.Service(null).Create(new Entity("account") { ["name"] = "Written by the system context" });
}
