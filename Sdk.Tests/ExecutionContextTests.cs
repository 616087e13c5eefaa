using System;
using System.ServiceModel;
using Microsoft.Xrm.Sdk;

namespace CrmTeamSelling.Sdk.Tests;

[TestClass]
public sealed class ExecutionContextTests
{
    [TestMethod]
    public void RemoteExecutionContextIsAPluginContextWithItsParent()
    {
        var parent = new RemoteExecutionContext { MessageName = "Create", Depth = 1 };
        var child = new RemoteExecutionContext { MessageName = "Update", Depth = 2, Stage = 40, ParentContext = parent };

        IPluginExecutionContext context = child;

        Assert.AreSame(parent, context.ParentContext);
        Assert.AreEqual(40, context.Stage);
        Assert.AreEqual(2, context.Depth);
    }

    [TestMethod]
    public void RemoteExecutionContextCreatesItsCollectionsOnFirstRead()
    {
        var context = new RemoteExecutionContext();

        context.InputParameters["Target"] = new Entity("account");
        context.PreEntityImages["PreImage"] = new Entity("account");

        Assert.AreEqual(1, context.InputParameters.Count);
        Assert.AreEqual(0, context.OutputParameters.Count);
        Assert.AreEqual(0, context.SharedVariables.Count);
        Assert.AreEqual(1, context.PreEntityImages.Count);
        Assert.AreEqual(0, context.PostEntityImages.Count);
    }

    [TestMethod]
    public void OrganizationServiceFaultTravelsInAFaultException()
    {
        var fault = new OrganizationServiceFault { ErrorCode = unchecked((int)0x80040217), Message = "account With Id = 1 Does Not Exist" };

        var exception = new FaultException<OrganizationServiceFault>(fault, new FaultReason(fault.Message));

        Assert.AreSame(fault, exception.Detail);
        Assert.AreEqual("account With Id = 1 Does Not Exist", exception.Message);
        StringAssert.Contains(fault.ToString(), "ErrorCode: 0x80040217");
    }
}
