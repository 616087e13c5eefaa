using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using System.Xml.Linq;
using CrmTeamSelling.Packager.Layout;
using CrmTeamSelling.Packager.Model;
using CrmTeamSelling.WebResources.Harness;

namespace CrmTeamSelling.WebResources.Tests;

/// <summary>The built web resources and Solution/src agree: names, ids, the columns and handlers the forms give the scripts.</summary>
[TestClass]
public sealed class SolutionWiringTests
{
    private static readonly Lazy<SolutionModel> Model = new(() =>
        SolutionLayoutReader.ReadCollectingProblems(HarnessPaths.SolutionSource).Model
        ?? throw new InvalidOperationException("Solution/src cannot be read."));

    private static string[] BuiltNames() =>
        Directory.EnumerateFiles(HarnessPaths.Dist, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(HarnessPaths.Dist, f).Replace('\\', '/')).OrderBy(n => n, StringComparer.Ordinal).ToArray();

    [TestMethod]
    public void Every_built_file_is_a_web_resource_of_the_solution_and_every_web_resource_is_built()
    {
        var declared = Model.Value.WebResources.Select(w => w.Name).OrderBy(n => n, StringComparer.Ordinal).ToArray();
        CollectionAssert.AreEqual(declared, BuiltNames(), "WebResources/dist and Solution/src/WebResources/*.data.xml");
        var types = Model.Value.WebResources.ToDictionary(w => w.Name, w => w.WebResourceType);
        foreach (var (name, type) in types)
        {
            var expected = Path.GetExtension(name) switch { ".html" => 1, ".css" => 2, ".js" => 3, _ => -1 };
            Assert.AreEqual(expected, type, $"{name}: WebResourceType");
        }
    }

    [TestMethod]
    public void The_forms_use_only_web_resources_we_build_and_the_map_control_points_at_the_map()
    {
        var built = BuiltNames().ToHashSet(StringComparer.Ordinal);
        var used = Model.Value.Tables.SelectMany(t => t.Forms).SelectMany(f => f.WebResources.Select(w => (Form: f, WebResource: w))).ToList();
        Assert.IsNotEmpty(used);
        foreach (var (form, webResource) in used)
            Assert.Contains(webResource, built, $"{form.SourceFile} uses {webResource}, which the build does not produce");

        var opportunityForm = Model.Value.Tables.Single(t => t.LogicalName == "opportunity").Forms.Where(f => f.WebResources.Contains("tsell_/stakeholdermap/index.html")).ToList();
        Assert.HasCount(1, opportunityForm, "one opportunity form shows the stakeholder map");
        CollectionAssert.Contains(opportunityForm[0].WebResources.ToList(), "tsell_/scripts/opportunity_teamselling.js");
        var map = Model.Value.WebResources.Single(w => w.Name == "tsell_/stakeholdermap/index.html");
        var control = XDocument.Load(Path.Combine(HarnessPaths.SolutionSource, opportunityForm[0].SourceFile))
            .Descendants("control").Single(c => (string?)c.Attribute("id") == XrmPage.MapControl);
        Assert.AreEqual(map.Id, Guid.Parse(control.Element("parameters")!.Element("WebResourceId")!.Value), "the map control's WebResourceId");
    }

    [TestMethod]
    public void The_deal_solution_form_has_the_columns_the_script_reads_and_writes()
    {
        var form = Model.Value.Tables.Single(t => t.LogicalName == Names.DealSolution).Forms
            .Single(f => f.WebResources.Contains("tsell_/scripts/dealsolution.js"));
        foreach (var column in new[] { Names.Version, Names.BaseVersion, Names.ChangeSummary })
            CollectionAssert.Contains(form.Fields.ToList(), column, $"{form.SourceFile} must show {column} (it may be hidden or read-only)");
    }

    /// <summary>
    /// Every OnLoad handler a shipped form names resolves to a function once its library is loaded as
    /// a form loads it. The solution model has no event handlers, so they are read from the FormXml.
    /// </summary>
    [TestMethod]
    public async Task Every_form_event_handler_exists_in_its_library()
    {
        var handlers = Model.Value.Tables.SelectMany(t => t.Forms)
            .SelectMany(f => XDocument.Load(Path.Combine(HarnessPaths.SolutionSource, f.SourceFile)).Descendants("Handler"))
            .Select(h => (Function: (string)h.Attribute("functionName")!, Library: (string)h.Attribute("libraryName")!, PassContext: (string?)h.Attribute("passExecutionContext")))
            .Where(h => h.Library.StartsWith("tsell_/", StringComparison.Ordinal)).Distinct().ToList();
        Assert.IsNotEmpty(handlers);
        await using var page = await Browser.Host.NewPageAsync();
        await page.InstallAsync(new DealScenario(Browser.Metadata, "Any", Guid.NewGuid()));
        foreach (var library in handlers.Select(h => h.Library).Distinct())
            await page.Page.EvaluateAsync("src => FakeXrm.loadScript(src)", "/WebResources/" + library);
        foreach (var h in handlers)
        {
            Assert.IsTrue(await page.Page.EvaluateAsync<bool>("name => typeof name.split('.').reduce((o, p) => o && o[p], window) === 'function'", h.Function),
                $"{h.Function} (from {h.Library}) is not a function once the libraries are loaded");
            Assert.AreEqual("true", h.PassContext, $"{h.Function} needs the execution context");
        }
    }
}
