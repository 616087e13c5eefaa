using System;
using System.Collections.Concurrent;
using System.Linq;
using System.ServiceModel;
using System.Threading.Tasks;
using CrmTeamSelling.Emulator.Faults;
using CrmTeamSelling.Emulator.Pipeline;
using Microsoft.Xrm.Sdk;

namespace CrmTeamSelling.Emulator.Tests;

[TestClass]
public sealed class ConcurrencyAndCountersTests
{
    [TestMethod]
    public void ParallelCreatesWithTheSameAlternateKeyLeaveExactlyOneRow()
    {
        var crm = TestModel.Emulator();
        var deal = crm.Opportunity("Race");
        var user = crm.CreateUser("Racer");
        var faults = new ConcurrentBag<int>();

        Parallel.For(0, 16, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            try
            {
                crm.System.Create(new Entity(TestModel.Member) { ["test_name"] = "racer " + i, ["test_opportunityid"] = deal, ["test_userid"] = user });
            }
            catch (FaultException<OrganizationServiceFault> fault)
            {
                faults.Add(fault.Detail.ErrorCode);
            }
        });

        Assert.AreEqual(1, crm.All(TestModel.Member).Count);
        Assert.AreEqual(15, faults.Count);
        Assert.IsTrue(faults.All(code => code == ErrorCodes.DuplicateRecordEntityKey));
    }

    [TestMethod]
    public void ParallelIncrementsThroughPluginsLoseNoUpdate()
    {
        var crm = TestModel.Emulator();
        crm.RegisterStep(new PluginStepRegistration { Message = "Update", PrimaryEntity = "account", Stage = 20, PluginType = typeof(IncrementPlugin) });
        var account = crm.Arrange(new Entity("account") { ["name"] = "Counter", ["numberofemployees"] = 0 });

        Parallel.For(0, 50, _ => crm.System.Update(new Entity("account", account.Id) { ["description"] = "tick" }));

        Assert.AreEqual(50, crm.Get(account).GetAttributeValue<int>("numberofemployees"), "each read-modify-write in a plug-in is serialised");
    }

    [TestMethod]
    public void CallsFromManyThreadsShareTheOnePluginInstanceOfAStep()
    {
        var crm = TestModel.Emulator();
        var tag = TestModel.NewTag("threads");
        crm.RegisterStep(new PluginStepRegistration { Message = "Create", PrimaryEntity = "contact", Stage = 20, PluginType = typeof(CountingPlugin), UnsecureConfiguration = tag });
        var threads = new ConcurrentDictionary<int, bool>();

        Parallel.For(0, 40, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i =>
        {
            threads[Environment.CurrentManagedThreadId] = true;
            crm.System.Create(new Entity("contact") { ["lastname"] = "Thread " + i });
        });

        Assert.AreEqual(40, PluginLog.For(tag).Count);
        Assert.AreEqual(1, PluginLog.For(tag).Distinct().Count(), "every run, whatever the thread, used the same instance");
        Assert.AreEqual(40, crm.All("contact").Count);
    }

    [TestMethod]
    public void CountersRecordThePluginRunsAndTheCallsPluginsMadeByMessage()
    {
        var crm = TestModel.Emulator();
        crm.RegisterStep(new PluginStepRegistration { Message = "Create", PrimaryEntity = "opportunity", Stage = 40, PluginType = typeof(CreateFollowUpTaskPlugin) });
        crm.RegisterStep(new PluginStepRegistration { Message = "Update", PrimaryEntity = "account", Stage = 20, PluginType = typeof(IncrementPlugin) });
        crm.ResetStatistics();

        crm.System.Create(new Entity("opportunity") { ["name"] = "Counted" });

        var stats = crm.LastOperation!;
        Assert.AreEqual("Create", stats.Message);
        Assert.AreEqual("opportunity", stats.EntityName);
        Assert.IsTrue(stats.Succeeded);
        Assert.AreEqual(1, stats.PluginExecutions);
        Assert.AreEqual(1, stats.ServiceCallsByPlugins);
        Assert.AreEqual(1, stats.CallsOf("Create"));
        Assert.AreEqual(1, stats.ServiceCallsByPlugin[typeof(CreateFollowUpTaskPlugin).FullName!]);
        Assert.AreEqual(1, crm.Operations.Count, "the plug-in's nested call is part of the operation, not an operation of its own");
    }

    [TestMethod]
    public void WhatPluginsTraceIsKeptWithTheOperation()
    {
        var crm = TestModel.Emulator();
        crm.RegisterStep(new PluginStepRegistration { Message = "Create", PrimaryEntity = "contact", Stage = 20, PluginType = typeof(RecordingPlugin), UnsecureConfiguration = "tracer" });

        crm.System.Create(new Entity("contact") { ["lastname"] = "Traced" });

        CollectionAssert.AreEqual(new[] { typeof(RecordingPlugin).FullName + ": tracer ran at stage 20" }, crm.LastOperation!.Traces.ToArray());
    }
}

/// <summary>Pre-operation on account update: reads the stored count and writes count + 1 into the Target.</summary>
public sealed class IncrementPlugin : IPlugin
{
    public void Execute(IServiceProvider serviceProvider)
    {
        var context = serviceProvider.Context();
        var stored = serviceProvider.Service(null).Retrieve("account", context.PrimaryEntityId, new Microsoft.Xrm.Sdk.Query.ColumnSet("numberofemployees"));
        ((Entity)context.InputParameters["Target"])["numberofemployees"] = stored.GetAttributeValue<int>("numberofemployees") + 1;
    }
}
