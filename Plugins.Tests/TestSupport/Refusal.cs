using System;
using System.ServiceModel;
using Microsoft.Xrm.Sdk;

namespace CrmTeamSelling.Plugins.Tests.TestSupport;

/// <summary>The "then" of a refused operation: what Dataverse returned to the caller.</summary>
public static class Refusal
{
    /// <summary>Runs the action, expecting Dataverse to refuse it; returns the fault the caller received.</summary>
    public static OrganizationServiceFault Of(Action action)
    {
        try
        {
            action();
        }
        catch (FaultException<OrganizationServiceFault> fault)
        {
            return fault.Detail;
        }

        Assert.Fail("The operation was expected to be refused, and it succeeded.");
        throw new InvalidOperationException("unreachable");
    }
}
