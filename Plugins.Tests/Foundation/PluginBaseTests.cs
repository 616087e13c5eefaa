using System;
using System.ServiceModel;
using CrmTeamSelling.Emulator;
using CrmTeamSelling.Emulator.Pipeline;
using CrmTeamSelling.Emulator.Security;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;

namespace CrmTeamSelling.Plugins.Tests.Foundation;

/// <summary>
/// PluginBase as Dataverse runs it: what the caller sees when a plugin refuses, fails on a service
/// call or breaks, and which user each service of the local context acts as.
/// </summary>
[TestClass]
public sealed class PluginBaseTests
{
    private XrmEmulator crm = null!;
    private EntityReference rita = null!;

    [TestInitialize]
    public void GivenAnOrgWithOneUser()
    {
        crm = XrmEmulator.Create();
        crm.DefineRole("Account editor")
            .GrantAll("Account", PrivilegeDepth.Global)
            .Grant(PrivilegeAction.Read, "User", PrivilegeDepth.Global);
        rita = crm.CreateUser("Rita Rep", "Account editor");
    }

    [TestMethod]
    public void ARefusalReachesTheCallerWordForWordAndNothingIsSaved()
    {
        Register<RefusingPlugin>();

        var fault = Assert.ThrowsExactly<FaultException<OrganizationServiceFault>>(() => crm.As(rita).Create(new Entity("account") { ["name"] = "Contoso" }));

        Assert.AreEqual(RefusingPlugin.Refusal, fault.Detail.Message);
        Assert.AreEqual(0, crm.All("account").Count, "a refused create must leave no account behind");
    }

    [TestMethod]
    public void AnUnexpectedExceptionBecomesAMessageThatNamesThePluginAndSaysNothingWasSaved()
    {
        Register<BrokenPlugin>();

        var fault = Assert.ThrowsExactly<FaultException<OrganizationServiceFault>>(() => crm.As(rita).Create(new Entity("account") { ["name"] = "Contoso" }));

        StringAssert.Contains(fault.Detail.Message, typeof(BrokenPlugin).FullName!);
        StringAssert.Contains(fault.Detail.Message, "Nothing was saved");
        StringAssert.Contains(fault.Detail.Message, BrokenPlugin.Cause);
        Assert.AreEqual(0, crm.All("account").Count);
    }

    [TestMethod]
    public void AFailedServiceCallKeepsDataversesOwnWording()
    {
        Register<ReadsAMissingContactPlugin>();

        var fault = Assert.ThrowsExactly<FaultException<OrganizationServiceFault>>(() => crm.As(rita).Create(new Entity("account") { ["name"] = "Contoso" }));

        StringAssert.StartsWith(fault.Detail.Message, "Team Selling could not complete the operation: ");
        StringAssert.Contains(fault.Detail.Message, ReadsAMissingContactPlugin.MissingContactId.ToString("D"));
        Assert.AreEqual(0, crm.All("account").Count);
    }

    [TestMethod]
    public void TheUserServiceActsAsTheCallerAndTheSystemServiceAsTheSystem()
    {
        Register<RecordsWhoItActsAsPlugin>();

        var id = crm.As(rita).Create(new Entity("account") { ["name"] = "Contoso" });

        var description = crm.Get("account", id).GetAttributeValue<string>("description");
        Assert.AreEqual($"user={rita.Id:D};initiating={rita.Id:D};system={crm.SystemUser.Id:D}", description);
    }

    [TestMethod]
    public void AStepThatLacksItsPreImageSaysSoInsteadOfFailingWithANullReference()
    {
        Register<NeedsAPreImagePlugin>(message: "Update");
        var id = crm.As(rita).Create(new Entity("account") { ["name"] = "Contoso" });

        var fault = Assert.ThrowsExactly<FaultException<OrganizationServiceFault>>(() => crm.As(rita).Update(new Entity("account", id) { ["name"] = "Contoso Ltd" }));

        StringAssert.Contains(fault.Detail.Message, "needs the pre-image 'PreImage'");
        StringAssert.Contains(fault.Detail.Message, "Update of account");
        Assert.AreEqual("Contoso", crm.Get("account", id).GetAttributeValue<string>("name"));
    }

    private void Register<TPlugin>(string message = "Create")
        where TPlugin : IPlugin
        => crm.RegisterStep(new PluginStepRegistration
        {
            Message = message,
            PrimaryEntity = "account",
            Stage = PipelineStage.PreOperation,
            PluginType = typeof(TPlugin),
        });

    private sealed class RefusingPlugin : PluginBase
    {
        public const string Refusal = "Contoso is on hold: ask finance before creating it.";

        public RefusingPlugin() : base(typeof(RefusingPlugin)) { }

        protected override void ExecuteDataversePlugin(ILocalPluginContext localContext) => throw new InvalidPluginExecutionException(Refusal);
    }

    private sealed class BrokenPlugin : PluginBase
    {
        public const string Cause = "the index was out of range";

        public BrokenPlugin() : base(typeof(BrokenPlugin)) { }

        protected override void ExecuteDataversePlugin(ILocalPluginContext localContext) => throw new IndexOutOfRangeException(Cause);
    }

    private sealed class ReadsAMissingContactPlugin : PluginBase
    {
        public static readonly Guid MissingContactId = new("0b9f3c2e-5d1a-4f6e-9a7b-3c2d1e0f9a8b");

        public ReadsAMissingContactPlugin() : base(typeof(ReadsAMissingContactPlugin)) { }

        protected override void ExecuteDataversePlugin(ILocalPluginContext localContext)
            => localContext.SystemService.Retrieve("contact", MissingContactId, new Microsoft.Xrm.Sdk.Query.ColumnSet(false));
    }

    private sealed class RecordsWhoItActsAsPlugin : PluginBase
    {
        public RecordsWhoItActsAsPlugin() : base(typeof(RecordsWhoItActsAsPlugin)) { }

        protected override void ExecuteDataversePlugin(ILocalPluginContext localContext)
        {
            Guid WhoAmI(IOrganizationService service) => ((WhoAmIResponse)service.Execute(new WhoAmIRequest())).UserId;
            var target = (Entity)localContext.PluginExecutionContext.InputParameters["Target"];
            target["description"] = $"user={WhoAmI(localContext.UserService):D};initiating={WhoAmI(localContext.InitiatingUserService):D};system={WhoAmI(localContext.SystemService):D}";
        }
    }

    private sealed class NeedsAPreImagePlugin : PluginBase
    {
        public NeedsAPreImagePlugin() : base(typeof(NeedsAPreImagePlugin)) { }

        protected override void ExecuteDataversePlugin(ILocalPluginContext localContext) => Common.PluginContextExtensions.GetPreImage(localContext);
    }
}
