using System;
using System.Linq;
using System.ServiceModel;
using CrmTeamSelling.Emulator.Faults;
using CrmTeamSelling.Emulator.Pipeline;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace CrmTeamSelling.Emulator.Tests;

[TestClass]
public sealed class PipelineTests
{
    private static PluginStepRegistration Step<T>(string message, string? table, int stage, int rank = 1, string? config = null, bool async = false, params StepImage[] images)
        => new() { Message = message, PrimaryEntity = table, Stage = stage, Rank = rank, PluginType = typeof(T), UnsecureConfiguration = config, IsAsynchronous = async, Images = images };

    [TestMethod]
    public void StepsRunByStageThenRankAndOnlyStage10OfATopLevelCallIsOutsideTheTransaction()
    {
        var crm = TestModel.Emulator();
        crm.RegisterStep(Step<RecordingPlugin>("Create", "account", 40, rank: 1, config: "post-rank1"));
        crm.RegisterStep(Step<RecordingPlugin>("Create", "account", 20, rank: 2, config: "pre-rank2"));
        crm.RegisterStep(Step<RecordingPlugin>("Create", "account", 20, rank: 1, config: "pre-rank1"));
        crm.RegisterStep(Step<RecordingPlugin>("Create", "account", 10, rank: 5, config: "validation"));
        crm.RegisterStep(Step<RecordingPlugin>("Create", "contact", 20, config: "other-table"));
        var tag = TestModel.NewTag("order");

        crm.System.Create(new Entity("account") { ["name"] = tag });

        CollectionAssert.AreEqual(new[]
        {
            $"validation|stage 10|depth 1|Create|tx False|{tag}",
            $"pre-rank1|stage 20|depth 1|Create|tx True|{tag}",
            $"pre-rank2|stage 20|depth 1|Create|tx True|{tag}",
            $"post-rank1|stage 40|depth 1|Create|tx True|{tag}",
        }, PluginLog.For(tag).ToArray());
    }

    [TestMethod]
    public void APreOperationChangeToTheTargetIsSavedButNeverReachesTheCallersEntity()
    {
        var crm = TestModel.Emulator();
        crm.RegisterStep(Step<StampDescriptionPlugin>("Create", "account", 20));
        var entity = new Entity("account") { ["name"] = "Fabrikam" };

        var id = crm.System.Create(entity);

        Assert.AreEqual("stamped by pre-operation", crm.Get("account", id).GetAttributeValue<string>("description"));
        Assert.IsFalse(entity.Contains("description"), "the caller's Entity must not be touched: Dataverse serialises the request");
    }

    [TestMethod]
    public void ARefusalRollsBackEverythingTheOperationDidAndSurfacesAsAFaultWithThePluginsMessage()
    {
        var crm = TestModel.Emulator();
        crm.RegisterStep(Step<CreateFollowUpTaskPlugin>("Create", "opportunity", 40, rank: 1));
        crm.RegisterStep(Step<RefusingPlugin>("Create", "opportunity", 40, rank: 2, config: "The deal needs a customer before it can be saved."));

        var fault = Assert.ThrowsExactly<FaultException<OrganizationServiceFault>>(() =>
            crm.System.Create(new Entity("opportunity") { ["name"] = "Rolled back" }));

        Assert.AreEqual("The deal needs a customer before it can be saved.", fault.Detail.Message);
        Assert.AreEqual(ErrorCodes.IsvAborted, fault.Detail.ErrorCode);
        Assert.AreEqual(0, crm.All("opportunity").Count, "the opportunity must be rolled back");
        Assert.AreEqual(0, crm.All("task").Count, "the task a post-operation plug-in created must be rolled back too");
    }

    [TestMethod]
    public void AnUnexpectedExceptionInAPluginSurfacesAsAFaultNamingThePlugin()
    {
        var crm = TestModel.Emulator();
        crm.RegisterStep(Step<CrashingPlugin>("Update", "account", 20));
        var account = crm.Arrange(new Entity("account") { ["name"] = "Crash" });

        var fault = Assert.ThrowsExactly<FaultException<OrganizationServiceFault>>(() =>
            crm.System.Update(new Entity("account", account.Id) { ["name"] = "New name" }));

        StringAssert.Contains(fault.Detail.Message, typeof(CrashingPlugin).FullName);
        StringAssert.Contains(fault.Detail.Message, "NullReferenceException");
        Assert.AreEqual(ErrorCodes.UnexpectedPluginException, fault.Detail.ErrorCode);
        Assert.AreEqual("Crash", crm.Get(account).GetAttributeValue<string>("name"));
    }

    [TestMethod]
    public void FilteringAttributesRunAnUpdateStepOnlyWhenTheTargetHoldsOneOfThem()
    {
        var crm = TestModel.Emulator();
        crm.RegisterStep(new PluginStepRegistration
        {
            Message = "Update", PrimaryEntity = "account", Stage = 40, PluginType = typeof(RecordingPlugin),
            UnsecureConfiguration = "filtered", FilteringAttributes = new[] { "telephone1", "emailaddress1" },
        });
        var tag = TestModel.NewTag("filter");
        var account = crm.Arrange(new Entity("account") { ["name"] = tag });

        crm.System.Update(new Entity("account", account.Id) { ["name"] = tag, ["websiteurl"] = "https://example.com" });
        Assert.AreEqual(0, PluginLog.For(tag).Count, "no filtering attribute changed: the step must not run");

        crm.System.Update(new Entity("account", account.Id) { ["name"] = tag, ["telephone1"] = "555-0100" });
        Assert.AreEqual(1, PluginLog.For(tag).Count);
    }

    [TestMethod]
    public void PreAndPostImagesHoldTheConfiguredColumnsAsTheyWereBeforeAndAfter()
    {
        var crm = TestModel.Emulator();
        crm.RegisterStep(Step<ImageInspectorPlugin>("Update", "account", 40, images: new[]
        {
            new StepImage("before", ImageType.PreImage, "name", "telephone1"),
            new StepImage("after", ImageType.PostImage),
        }));
        var tag = TestModel.NewTag("image");
        var account = crm.Arrange(new Entity("account") { ["name"] = tag + " old", ["telephone1"] = "1", ["websiteurl"] = "w" });

        crm.System.Update(new Entity("account", account.Id) { ["name"] = tag + " new" });

        var entry = PluginLog.For(tag).Single();
        StringAssert.Contains(entry, $"pre:before=accountid,name,telephone1|prename={tag} old");
        StringAssert.Contains(entry, $"|postname={tag} new");
        StringAssert.Contains(entry, "post:after=accountid,createdby,createdon,modifiedby,modifiedon,name,ownerid,owningbusinessunit,owninguser,statecode,statuscode,telephone1,versionnumber,websiteurl");
    }

    [TestMethod]
    public void AnImageTheMessageCannotHaveIsRefusedWhenTheStepIsRegistered()
    {
        var crm = TestModel.Emulator();

        var error = Assert.ThrowsExactly<InvalidOperationException>(() =>
            crm.RegisterStep(Step<ImageInspectorPlugin>("Create", "account", 40, images: new StepImage("before", ImageType.PreImage))));

        StringAssert.Contains(error.Message, "Create has only a post-image");
    }

    [TestMethod]
    public void NestedCallsCarryDepthParentContextAndTheInitiatingUser()
    {
        var crm = TestModel.Emulator();
        crm.RegisterStep(Step<CreateFollowUpTaskPlugin>("Create", "opportunity", 40));
        crm.RegisterStep(Step<ImageInspectorPlugin>("Create", "task", 20));
        crm.RegisterStep(Step<RecordingPlugin>("Create", "task", 40, config: "task-post"));
        var tag = TestModel.NewTag("nested");
        var rep = crm.CreateUser("Nina Nested");
        crm.AssignRole(rep, crm.Administrator().Name);

        crm.As(rep).Create(new Entity("opportunity") { ["name"] = tag });

        var inspect = PluginLog.For(tag).Single(e => e.StartsWith("inspect", StringComparison.Ordinal));
        StringAssert.Contains(inspect, $"user={rep.Id}");
        StringAssert.Contains(inspect, $"initiating={rep.Id}");
        StringAssert.Contains(inspect, "parent=Create/10", "stage 20 of the task's Create runs in the child pipeline of its stage 10");
        CollectionAssert.Contains(PluginLog.For(tag).ToList(), $"task-post|stage 40|depth 2|Create|tx True|Follow up {tag}");
    }

    [TestMethod]
    public void AStepRunAsAnotherUserChangesUserIdButNotInitiatingUserId()
    {
        var crm = TestModel.Emulator();
        var runAs = crm.CreateUser("Service Account");
        crm.RegisterStep(new PluginStepRegistration { Message = "Create", PrimaryEntity = "account", Stage = 20, PluginType = typeof(ImageInspectorPlugin), ImpersonatingUserId = runAs.Id });
        var caller = crm.CreateUser("Carl Caller");
        crm.AssignRole(caller, crm.Administrator().Name);
        var tag = TestModel.NewTag("impersonate");

        crm.As(caller).Create(new Entity("account") { ["name"] = tag });

        var entry = PluginLog.For(tag).Single();
        StringAssert.Contains(entry, $"user={runAs.Id}");
        StringAssert.Contains(entry, $"initiating={caller.Id}");
    }

    [TestMethod]
    public void SharedVariablesSetInPreOperationAreSeenInPostOperationAndByTheAsynchronousStep()
    {
        var crm = TestModel.Emulator();
        crm.RegisterStep(Step<SharedVariablePlugin>("Create", "account", 20));
        crm.RegisterStep(Step<SharedVariablePlugin>("Create", "account", 40));
        crm.RegisterStep(Step<SharedVariablePlugin>("Create", "account", 40, async: true));
        var tag = TestModel.NewTag("shared");

        crm.System.Create(new Entity("account") { ["name"] = tag });
        crm.DrainAsync();

        CollectionAssert.AreEqual(new[]
        {
            $"shared|{tag}|mode 0|hello from stage 20",
            $"shared|{tag}|mode 1|hello from stage 20",
        }, PluginLog.For(tag).ToArray());
    }

    [TestMethod]
    public void StagesTwentyToFortyOfCreateUpdateDeleteRunInAChildPipelineOfStageTen()
    {
        // "For a plug-in registered for the PreOperation or PostOperation stages to access the shared variables
        // from a plug-in registered for the PreValidation stage that executes on Create, Update, Delete ...,
        // you must access the ParentContext.SharedVariables collection."
        var crm = TestModel.Emulator();
        var tag = TestModel.NewTag("child-pipeline");
        foreach (var stage in new[] { 10, 20, 40 })
        {
            crm.RegisterStep(Step<PipelineShapePlugin>("Update", "account", stage, config: tag));
        }

        var account = crm.Arrange(new Entity("account") { ["name"] = "Shaped" });

        crm.System.Update(new Entity("account", account.Id) { ["name"] = "Reshaped" });

        CollectionAssert.AreEqual(new[]
        {
            $"{tag}|stage 10|own yes|parent none|parent's no|grandparent none",
            $"{tag}|stage 20|own no|parent Update/10|parent's yes|grandparent none",
            $"{tag}|stage 40|own no|parent Update/10|parent's yes|grandparent none",
        }, PluginLog.For(tag).ToArray());
    }

    [TestMethod]
    public void OtherMessagesShareOneCollectionOfSharedVariablesAcrossTheirStages()
    {
        var crm = TestModel.Emulator();
        var tag = TestModel.NewTag("one-pipeline");
        crm.RegisterStep(Step<PipelineShapePlugin>("Assign", "opportunity", 10, config: tag));
        crm.RegisterStep(Step<PipelineShapePlugin>("Assign", "opportunity", 40, config: tag));
        var deal = crm.Opportunity("Assigned");

        crm.System.Execute(new OrganizationRequest("Assign") { ["Target"] = deal, ["Assignee"] = crm.CreateUser("New Owner") });

        CollectionAssert.AreEqual(new[]
        {
            $"{tag}|stage 10|own yes|parent none|parent's no|grandparent none",
            $"{tag}|stage 40|own yes|parent none|parent's no|grandparent none",
        }, PluginLog.For(tag).ToArray());
    }

    [TestMethod]
    public void TheDepthLimitStopsAPluginThatUpdatesItsOwnRecordAndRollsEverythingBack()
    {
        var crm = TestModel.Emulator();
        crm.RegisterStep(Step<LoopingUpdatePlugin>("Update", "account", 40));
        var account = crm.Arrange(new Entity("account") { ["name"] = "Loop", ["description"] = "original" });

        var fault = Assert.ThrowsExactly<FaultException<OrganizationServiceFault>>(() =>
            crm.System.Update(new Entity("account", account.Id) { ["description"] = "start" }));

        Assert.AreEqual(PlatformMessages.InfiniteLoop, fault.Detail.Message);
        var depths = PluginLog.For(account.Id.ToString()).Select(e => e.Split('|')[1]).ToList();
        CollectionAssert.AreEqual(Enumerable.Range(1, 8).Select(d => "depth " + d).ToList(), depths, "the plug-in runs at depths 1 to 8; the call for depth 9 fails");
        Assert.AreEqual("original", crm.Get(account).GetAttributeValue<string>("description"));
    }

    [TestMethod]
    public void APluginThatSwallowsAFailedCallFailsTheWholeOperationAsDataverseDoes()
    {
        var crm = TestModel.Emulator();
        crm.RegisterStep(Step<SwallowingPlugin>("Create", "account", 40));

        var fault = Assert.ThrowsExactly<FaultException<OrganizationServiceFault>>(() => crm.System.Create(new Entity("account") { ["name"] = "Swallow" }));

        Assert.AreEqual(ErrorCodes.TransactionNotStarted, fault.Detail.ErrorCode);
        StringAssert.StartsWith(fault.Detail.Message, "There is no active transaction.");
        Assert.AreEqual(0, crm.All("account").Count);
        Assert.AreEqual(0, crm.All("task").Count);
    }

    [TestMethod]
    public void AWriteByAPreValidationStepOfATopLevelCallIsNotRolledBackWithTheOperation()
    {
        // Stage 10 of a top-level call runs before the transaction starts: its own calls commit on their own.
        var crm = TestModel.Emulator();
        crm.RegisterStep(Step<SystemWriterPlugin>("Create", "opportunity", 10));
        crm.RegisterStep(Step<RefusingPlugin>("Create", "opportunity", 20, config: "no"));

        var fault = Assert.ThrowsExactly<FaultException<OrganizationServiceFault>>(() => crm.System.Create(new Entity("opportunity") { ["name"] = "Prevalidated" }));

        Assert.AreEqual("no", fault.Detail.Message);
        Assert.AreEqual(1, crm.All("account").Count);
        Assert.AreEqual(0, crm.All("opportunity").Count);
    }

    [TestMethod]
    public void PluginInstancesAreCreatedOncePerStepWithTheirConfiguration()
    {
        var crm = TestModel.Emulator(options: new EmulatorOptions { SecureConfigurations = new System.Collections.Generic.Dictionary<string, string> { ["secure step"] = "s3cret" } });
        var tag = TestModel.NewTag("config");
        crm.RegisterStep(new PluginStepRegistration { Name = "secure step", Message = "Create", PrimaryEntity = "contact", Stage = 40, PluginType = typeof(CountingPlugin), UnsecureConfiguration = tag });
        crm.RegisterStep(new PluginStepRegistration { Message = "Create", PrimaryEntity = "contact", Stage = 20, PluginType = typeof(CountingPlugin), UnsecureConfiguration = tag });

        for (var i = 0; i < 5; i++)
        {
            crm.System.Create(new Entity("contact") { ["lastname"] = "Instance " + i });
        }

        var runs = PluginLog.For(tag);
        Assert.AreEqual(10, runs.Count);
        Assert.AreEqual(2, runs.Distinct().Count(), "one instance per step (its number is in the entry), reused for every run");
        Assert.AreEqual(5, runs.Count(r => r.EndsWith("|s3cret", StringComparison.Ordinal)), "the secure configuration reaches the (unsecure, secure) constructor of its step only");
    }

    [TestMethod]
    public void APostOperationStepOnRetrieveMultipleSeesAndShapesTheRowsTheCallerGets()
    {
        var crm = TestModel.Emulator();
        crm.RegisterStep(Step<HideSecretAccountsPlugin>("RetrieveMultiple", "account", 40));
        crm.Arrange(new Entity("account") { ["name"] = "public" }, new Entity("account") { ["name"] = "secret deal" });

        var rows = crm.System.RetrieveMultiple(new QueryExpression("account") { ColumnSet = new ColumnSet("name") });

        CollectionAssert.AreEqual(new[] { "public" }, rows.Entities.Select(e => e.GetAttributeValue<string>("name")).ToArray());
    }

    [TestMethod]
    public void APluginWithMutableInstanceStateIsRefusedAtRegistration()
    {
        var crm = TestModel.Emulator();

        var error = Assert.ThrowsExactly<InvalidOperationException>(() => crm.RegisterStep(Step<StatefulPlugin>("Create", "account", 20)));

        StringAssert.Contains(error.Message, "StatefulPlugin.lastTarget");
        TestModel.Emulator(options: new EmulatorOptions { AllowMutablePluginFields = true }).RegisterStep(Step<StatefulPlugin>("Create", "account", 20));
    }

    [TestMethod]
    public void AnUnknownMessageFailsLoudlyNamingIt()
    {
        var crm = TestModel.Emulator();

        var error = Assert.ThrowsExactly<NotSupportedException>(() => crm.System.Execute(new OrganizationRequest("BulkDetectDuplicates")));

        StringAssert.Contains(error.Message, "'BulkDetectDuplicates'");
    }
}

/// <summary>Numbers its instances and logs "unsecure|instance n|secure" on each run, to show instances are cached per step.</summary>
public sealed class CountingPlugin : IPlugin
{
    private static int instances;
    private readonly string entry;

    public CountingPlugin(string unsecure, string secure)
    {
        entry = $"{unsecure}|instance {System.Threading.Interlocked.Increment(ref instances)}|{secure}";
    }

    public void Execute(IServiceProvider serviceProvider) => PluginLog.Write(entry);
}

/// <summary>Post-operation on RetrieveMultiple of account: hides rows whose name starts with "secret", as a filtering plug-in would.</summary>
public sealed class HideSecretAccountsPlugin : IPlugin
{
    public void Execute(IServiceProvider serviceProvider)
    {
        var rows = (EntityCollection)serviceProvider.Context().OutputParameters["BusinessEntityCollection"];
        foreach (var row in rows.Entities.Where(e => e.GetAttributeValue<string>("name")?.StartsWith("secret", StringComparison.Ordinal) == true).ToList())
        {
            rows.Entities.Remove(row);
        }
    }
}

/// <summary>Keeps the last Target in a field: a race in Dataverse, where one instance serves many threads.</summary>
public sealed class StatefulPlugin : IPlugin
{
    private Entity? lastTarget;

    public void Execute(IServiceProvider serviceProvider)
    {
        lastTarget = (Entity)serviceProvider.Context().InputParameters["Target"];
        PluginLog.Write("stateful|" + lastTarget.LogicalName);
    }
}
