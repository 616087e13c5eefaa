using System.Globalization;
using System.Text;

namespace CrmTeamSelling.Plugins.Opportunity
{
    /// <summary>
    /// Writes <see cref="DealCoverage"/> as the JSON the coverage contract fixes (README, "Deal coverage
    /// and the readiness score"): camelCase, ids as lowercase GUIDs, generatedOn in UTC to the second.
    /// </summary>
    public static class CoverageJson
    {
        public static string Write(DealCoverage coverage)
        {
            var json = new StringBuilder(256 + coverage.Gaps.Count * 320);
            json.Append('{');
            json.Append("\"opportunityId\":").Append(JsonText.Quote(coverage.OpportunityId.ToString("D")));
            json.Append(",\"generatedOn\":").Append(JsonText.Quote(coverage.GeneratedOn.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)));
            json.Append(",\"solutionVersion\":").Append(coverage.SolutionVersion.HasValue ? Number(coverage.SolutionVersion.Value) : "null");
            json.Append(",\"readinessScore\":").Append(Number(coverage.Readiness.Value));
            json.Append(",\"counts\":{")
                .Append("\"stakeholders\":").Append(Number(coverage.Stakeholders))
                .Append(",\"keyStakeholders\":").Append(Number(coverage.KeyStakeholders))
                .Append(",\"teamMembers\":").Append(Number(coverage.TeamMembers))
                .Append(",\"gaps\":").Append(Number(coverage.Gaps.Count))
                .Append('}');
            json.Append(",\"gaps\":[");
            for (var i = 0; i < coverage.Gaps.Count; i++)
            {
                var gap = coverage.Gaps[i];
                json.Append(i == 0 ? "{" : ",{")
                    .Append("\"kind\":").Append(JsonText.Quote(gap.Kind))
                    .Append(",\"severity\":").Append(JsonText.Quote(gap.Severity))
                    .Append(",\"recordType\":").Append(JsonText.Quote(gap.RecordType))
                    .Append(",\"recordId\":").Append(JsonText.Quote(gap.RecordId.ToString("D")))
                    .Append(",\"recordName\":").Append(JsonText.Quote(gap.RecordName))
                    .Append(",\"stakeholderId\":").Append(gap.StakeholderId.HasValue ? JsonText.Quote(gap.StakeholderId.Value.ToString("D")) : "null")
                    .Append(",\"message\":").Append(JsonText.Quote(gap.Message))
                    .Append('}');
            }

            return json.Append("]}").ToString();
        }

        private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
    }
}
