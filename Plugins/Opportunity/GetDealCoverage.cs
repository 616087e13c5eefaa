using System;
using CrmTeamSelling.Plugins.Common;
using Microsoft.Xrm.Sdk;
using Api = CrmTeamSelling.Plugins.Model.CustomApis.GetDealCoverage;

namespace CrmTeamSelling.Plugins.Opportunity
{
    /// <summary>
    /// The main operation of the custom API tsell_GetDealCoverage (a function bound to the opportunity):
    /// returns Coverage, the JSON of what the team does not yet know or cover, and ReadinessScore (0-100).
    /// Reads as the calling user, so coverage shows what they may see; a constant number of queries.
    /// </summary>
    public sealed class GetDealCoverage : PluginBase
    {
        public GetDealCoverage()
            : base(typeof(GetDealCoverage))
        {
        }

        protected override void ExecuteDataversePlugin(ILocalPluginContext localContext)
        {
            var opportunity = localContext.GetTargetReference();
            if (opportunity.LogicalName != Api.BoundTable)
            {
                throw Refusal.Because(UserMessages.CoverageNeedsOpportunity, opportunity.LogicalName);
            }

            var context = localContext.PluginExecutionContext;
            var now = context.OperationCreatedOn == default ? DateTime.UtcNow : AsUtc(context.OperationCreatedOn);
            // Settings through the system service: the parity mode and stale days are not secrets, and
            // coverage must not fail for a role that was not given read access to environment variables.
            var facts = CoverageReader.Read(localContext.UserService, localContext.SystemService, opportunity.Id, now);
            var coverage = CoverageAnalysis.Analyse(facts);

            context.OutputParameters[Api.Coverage] = CoverageJson.Write(coverage);
            context.OutputParameters[Api.ReadinessScore] = coverage.Readiness.Value;
            localContext.Trace("Coverage of opportunity {0}: {1} stakeholder(s), {2} gap(s), readiness {3}.",
                opportunity.Id, coverage.Stakeholders, coverage.Gaps.Count, coverage.Readiness.Value);
        }

        private static DateTime AsUtc(DateTime value) =>
            value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : DateTime.SpecifyKind(value, DateTimeKind.Utc);
    }
}
