using System;
using System.Linq;
using CrmTeamSelling.Emulator.Pipeline;
using Microsoft.Xrm.Sdk;

namespace CrmTeamSelling.Emulator.Tests;

[TestClass]
public sealed class AsyncTests
{
    private static PluginStepRegistration Async<T>(string message, string table, params StepImage[] images)
        => new() { Message = message, PrimaryEntity = table, Stage = 40, IsAsynchronous = true, PluginType = typeof(T), Images = images };

    [TestMethod]
    public void AsynchronousStepsWaitForTheDrainAndSeeTheImagesOfTheirEvent()
    {
        var crm = TestModel.Emulator();
        crm.RegisterStep(Async<ImageInspectorPlugin>("Update", "account", new StepImage("post", ImageType.PostImage, "name")));
        var tag = TestModel.NewTag("async");
        var account = crm.Arrange(new Entity("account") { ["name"] = tag + " v0" });

        crm.System.Update(new Entity("account", account.Id) { ["name"] = tag + " v1" });
        crm.System.Update(new Entity("account", account.Id) { ["name"] = tag + " v2" });
        Assert.AreEqual(0, PluginLog.For(tag).Count, "asynchronous steps do not run inside the operation");
        Assert.AreEqual(2, crm.PendingAsyncJobs);

        var result = crm.DrainAsync();

        Assert.AreEqual(2, result.Succeeded);
        var posts = PluginLog.For(tag).Select(e => e.Split(';').Single(p => p.StartsWith("post:", StringComparison.Ordinal))).ToList();
        CollectionAssert.AreEqual(new[] { $"post:post=accountid,name|postname={tag} v1", $"post:post=accountid,name|postname={tag} v2" }, posts,
            "each job sees its own event's post-image, not the row as it is when the queue drains");
    }

    [TestMethod]
    public void ARolledBackOperationQueuesNoAsynchronousWork()
    {
        var crm = TestModel.Emulator();
        crm.RegisterStep(Async<RecordingPlugin>("Create", "account"));
        crm.RegisterStep(new PluginStepRegistration { Message = "Create", PrimaryEntity = "account", Stage = 40, Rank = 2, PluginType = typeof(RefusingPlugin) });

        Assert.ThrowsExactly<System.ServiceModel.FaultException<OrganizationServiceFault>>(() => crm.System.Create(new Entity("account") { ["name"] = "never" }));

        Assert.AreEqual(0, crm.PendingAsyncJobs);
    }

    [TestMethod]
    public void AFailedAsynchronousJobIsRetriedAndItsEarlierWritesStayBecauseAsyncStepsRunOutsideATransaction()
    {
        var crm = TestModel.Emulator();
        crm.RegisterStep(Async<FlakyAsyncPlugin>("Create", "contact"));
        var contact = crm.System.Create(new Entity("contact") { ["lastname"] = "Flaky" });

        var result = crm.DrainAsync();

        var job = result.Jobs.Single();
        Assert.IsTrue(job.Succeeded);
        Assert.AreEqual(2, job.Attempts);
        Assert.AreEqual(1, result.Retried);
        StringAssert.Contains(job.Errors.Single(), "Transient failure");
        CollectionAssert.AreEquivalent(new[] { $"async attempt 1 for {contact}", $"async attempt 2 for {contact}" },
            crm.All("task").Select(t => t.GetAttributeValue<string>("subject")).ToArray());
    }

    [TestMethod]
    public void AJobThatFailsEveryAttemptMakesDrainThrowListingIt()
    {
        var crm = TestModel.Emulator(options: new EmulatorOptions { AsyncMaxAttempts = 2 });
        crm.RegisterStep(new PluginStepRegistration { Name = "always fails", Message = "Create", PrimaryEntity = "contact", Stage = 40, IsAsynchronous = true, PluginType = typeof(RefusingPlugin), UnsecureConfiguration = "Still broken." });
        crm.System.Create(new Entity("contact") { ["lastname"] = "Broken" });

        var error = Assert.ThrowsExactly<AsyncJobFailedException>(() => crm.DrainAsync());

        Assert.AreEqual(2, error.Result.Failed.Single().Attempts);
        StringAssert.Contains(error.Message, "always fails");
        StringAssert.Contains(error.Message, "Still broken.");
        Assert.AreEqual(0, crm.PendingAsyncJobs);
    }

    [TestMethod]
    public void AsynchronousStepsRunWithModeOneOutsideATransaction()
    {
        var crm = TestModel.Emulator();
        crm.RegisterStep(Async<RecordingPlugin>("Create", "account"));
        var tag = TestModel.NewTag("mode");

        crm.System.Create(new Entity("account") { ["name"] = tag });
        crm.DrainAsync();

        Assert.AreEqual($"recording|stage 40|depth 1|Create|tx False|{tag}", PluginLog.For(tag).Single());
    }
}
