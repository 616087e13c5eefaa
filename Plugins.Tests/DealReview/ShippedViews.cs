using System;
using System.Linq;
using CrmTeamSelling.Packager.Layout;
using CrmTeamSelling.Plugins.Tests.TestSupport;

namespace CrmTeamSelling.Plugins.Tests.DealReview;

/// <summary>The FetchXML of the views Solution/src ships, so tests run the views as users would.</summary>
internal static class ShippedViews
{
    private static readonly Lazy<CrmTeamSelling.Packager.Model.SolutionModel> Solution = new(() => SolutionLayoutReader.Read(RepositoryPaths.SolutionSource));

    public static string Task(string viewName) => Of("task", viewName);

    public static string Of(string table, string viewName)
    {
        var view = Solution.Value.Tables.Single(t => t.LogicalName == table).Views.SingleOrDefault(v => v.Name == viewName)
            ?? throw new InvalidOperationException($"Solution/src ships no view '{viewName}' of {table}.");
        return view.FetchXml ?? throw new InvalidOperationException($"The view '{viewName}' of {table} has no FetchXML.");
    }
}
