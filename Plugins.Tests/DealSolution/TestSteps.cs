using System;
using System.Collections.Concurrent;
using System.Linq;
using CrmTeamSelling.Emulator;
using CrmTeamSelling.Emulator.Pipeline;
using CrmTeamSelling.Plugins.DealSolution;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Revision = CrmTeamSelling.Plugins.Model.LogicalNames.DealSolutionRevision;
using Solution = CrmTeamSelling.Plugins.Model.LogicalNames.DealSolution;

using CrmTeamSelling.Plugins.Tests.TestSupport;

namespace CrmTeamSelling.Plugins.Tests.DealSolution;

/// <summary>Plugins that only tests register, to make the shipped steps meet failures and cascades.</summary>
internal static class TestSteps
{
    public const string LaterStepFailure = "A later step failed on purpose.";

    /// <summary>A synchronous step after the revision step (rank 2) that fails every deal solution update reaching it.</summary>
    public static void FailEveryUpdateAfterTheRevision(this XrmEmulator crm) => crm.RegisterStep(new PluginStepRegistration
    {
        Name = "test: fail after the revision",
        Message = "Update",
        PrimaryEntity = Solution.LogicalName,
        Stage = PipelineStage.PostOperation,
        Rank = 2,
        PluginType = typeof(Fail),
    });

    /// <summary>Makes every revision create fail (the revision write itself failing).</summary>
    public static void FailEveryRevisionCreate(this XrmEmulator crm) => crm.RegisterStep(new PluginStepRegistration
    {
        Name = "test: fail revision create",
        Message = "Create",
        PrimaryEntity = Revision.LogicalName,
        Stage = PipelineStage.PreOperation,
        PluginType = typeof(Fail),
    });

    /// <summary>
    /// A second registration of the shipped notification step, whose first attempt fails after it has
    /// sent the notifications (as a job the platform times out after its writes): it is retried.
    /// </summary>
    public static void NotifyAgainFailingTheFirstAttemptAfterSending(this XrmEmulator crm)
    {
        var shipped = crm.Steps.Single(s => s.PluginType == typeof(NotifyTeamOfDealSolutionChange));
        crm.RegisterStep(new PluginStepRegistration
        {
            Name = "test: notify, fail first attempt after sending",
            Message = shipped.Message,
            PrimaryEntity = shipped.PrimaryEntity,
            Stage = shipped.Stage,
            IsAsynchronous = true,
            FilteringAttributes = shipped.FilteringAttributes,
            Images = shipped.Images,
            PluginType = typeof(FailFirstAttemptAfter<NotifyTeamOfDealSolutionChange>),
        });
    }

    /// <summary>
    /// Deletes an opportunity's revisions from inside the opportunity's Delete, as Dataverse runs a
    /// cascade: each child Delete is a nested operation whose ParentContext is the parent's Delete.
    /// </summary>
    public static void DeleteRevisionsInsideOpportunityDelete(this XrmEmulator crm, Guid? revisionsOfOpportunity = null)
        => crm.RegisterStep(new PluginStepRegistration
        {
            Name = "test: cascade revisions",
            Message = "Delete",
            PrimaryEntity = "opportunity",
            Stage = PipelineStage.PreOperation,
            PluginType = typeof(DeleteRevisionsOf),
            UnsecureConfiguration = revisionsOfOpportunity?.ToString("D"),
        });

    public sealed class Fail : IPlugin
    {
        public void Execute(IServiceProvider serviceProvider) => throw new InvalidPluginExecutionException(LaterStepFailure);
    }

    /// <summary>Deletes the revisions of the opportunity being deleted, or of the opportunity its configuration names.</summary>
    public sealed class DeleteRevisionsOf : IPlugin
    {
        private readonly Guid? opportunity;

        public DeleteRevisionsOf(string? unsecureConfiguration, string? secureConfiguration)
        {
            opportunity = string.IsNullOrEmpty(unsecureConfiguration) ? null : Guid.Parse(unsecureConfiguration);
        }

        public void Execute(IServiceProvider serviceProvider)
        {
            var context = (IPluginExecutionContext)serviceProvider.GetService(typeof(IPluginExecutionContext))!;
            var service = ((IOrganizationServiceFactory)serviceProvider.GetService(typeof(IOrganizationServiceFactory))!).CreateOrganizationService(null);
            var query = new QueryExpression(Revision.LogicalName) { ColumnSet = new ColumnSet(false) };
            query.Criteria.AddCondition(Revision.OpportunityId, ConditionOperator.Equal, opportunity ?? context.PrimaryEntityId);
            foreach (var revision in service.RetrieveMultiple(query).Entities)
            {
                service.Delete(Revision.LogicalName, revision.Id);
            }
        }
    }
}
