using System.Collections.Generic;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace CrmTeamSelling.Plugins.Common
{
    /// <summary>
    /// Reads every row a query matches, page by page: Dataverse returns at most 5,000 rows per call, and
    /// a deal with more children than that must not silently lose the rest. One call per 5,000 rows,
    /// whatever the number of records the rows describe.
    /// </summary>
    public static class QueryPaging
    {
        public const int PageSize = 5000;

        public static List<Entity> RetrieveAll(this IOrganizationService service, QueryExpression query)
        {
            var rows = new List<Entity>();
            query.PageInfo = new PagingInfo { PageNumber = 1, Count = PageSize };
            while (true)
            {
                var page = service.RetrieveMultiple(query);
                rows.AddRange(page.Entities);
                if (!page.MoreRecords)
                {
                    return rows;
                }

                query.PageInfo.PageNumber++;
                query.PageInfo.PagingCookie = page.PagingCookie;
            }
        }
    }
}
