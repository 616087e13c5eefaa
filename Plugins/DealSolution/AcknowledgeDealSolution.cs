using CrmTeamSelling.Plugins.Common;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;
using Acknowledgement = CrmTeamSelling.Plugins.Model.LogicalNames.SolutionAcknowledgement;
using Api = CrmTeamSelling.Plugins.Model.CustomApis.AcknowledgeDealSolution;
using Solution = CrmTeamSelling.Plugins.Model.LogicalNames.DealSolution;
using SystemUserNames = CrmTeamSelling.Plugins.Model.LogicalNames.SystemUser;

namespace CrmTeamSelling.Plugins.DealSolution
{
    /// <summary>
    /// The tsell_AcknowledgeDealSolution custom API (bound to tsell_dealsolution): records that the
    /// calling team member has read the current version, in their one acknowledgement row for the
    /// solution (upserted by its alternate key). With the optional Version parameter, acknowledging
    /// a version other than the current one is refused. Responds AcknowledgedVersion.
    /// </summary>
    public sealed class AcknowledgeDealSolution : PluginBase
    {
        public AcknowledgeDealSolution()
            : base(typeof(AcknowledgeDealSolution))
        {
        }

        protected override void ExecuteDataversePlugin(ILocalPluginContext localContext)
        {
            var target = localContext.GetTargetReference();
            var requestedVersion = localContext.GetInput<object>(Api.Version) as int?;
            var reader = localContext.InitiatingUserId;

            // As the system: the acknowledgement is a fact Team Selling records for the reader, after
            // checking they are on the team; their own privileges on its rows do not decide it.
            var system = localContext.SystemService;
            var solution = system.Retrieve(Solution.LogicalName, target.Id, new ColumnSet(Solution.Name, Solution.Version, Solution.OpportunityId, Solution.ModifiedBy));
            var solutionName = solution.GetAttributeValue<string>(Solution.Name);
            var opportunity = solution.GetAttributeValue<EntityReference>(Solution.OpportunityId)
                ?? throw Refusal.Because(UserMessages.DealSolutionNeedsOpportunity);
            if (!DealTeam.Load(system, opportunity.Id).MayWorkTheDeal(reader))
            {
                throw Refusal.Because(UserMessages.NotOnDealTeamToAcknowledgeSolution, solutionName);
            }

            var currentVersion = solution.GetAttributeValue<int?>(Solution.Version)
                ?? throw Refusal.Because(UserMessages.DealSolutionHasNoVersion, solutionName);
            if (requestedVersion.HasValue && requestedVersion.Value != currentVersion)
            {
                throw Refusal.Because(UserMessages.DealSolutionAcknowledgeOldVersion, solutionName, requestedVersion.Value, currentVersion,
                    solution.GetAttributeValue<EntityReference>(Solution.ModifiedBy)?.Name ?? UserMessages.AColleague);
            }

            var readerName = system.Retrieve(SystemUserNames.LogicalName, reader, new ColumnSet(SystemUserNames.FullName)).GetAttributeValue<string>(SystemUserNames.FullName);
            var readerReference = new EntityReference(SystemUserNames.LogicalName, reader);
            var acknowledgement = new Entity(Acknowledgement.LogicalName);
            acknowledgement.KeyAttributes[Acknowledgement.DealSolutionId] = new EntityReference(Solution.LogicalName, target.Id);
            acknowledgement.KeyAttributes[Acknowledgement.UserId] = readerReference;
            acknowledgement[Acknowledgement.AcknowledgedVersion] = currentVersion;
            acknowledgement[Acknowledgement.AcknowledgedOn] = localContext.PluginExecutionContext.OperationCreatedOn;
            acknowledgement[Acknowledgement.OpportunityId] = opportunity;
            acknowledgement[Acknowledgement.Name] = DealSolutionNames.Versioned(readerName, currentVersion);
            acknowledgement[Acknowledgement.OwnerId] = readerReference;
            system.Execute(new UpsertRequest { Target = acknowledgement });

            localContext.PluginExecutionContext.OutputParameters[Api.AcknowledgedVersion] = currentVersion;
        }
    }
}
