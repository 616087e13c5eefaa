using System;
using System.Linq;
using CrmTeamSelling.Packager.Model;
using CrmTeamSelling.Solution.Tests.Support;
using static CrmTeamSelling.Plugins.Model.LogicalNames;

namespace CrmTeamSelling.Solution.Tests.Metadata;

/// <summary>The model-driven app "Team Selling" and its site map.</summary>
[TestClass]
public sealed class AppTests
{
    private const string AppUniqueName = "tsell_TeamSelling";

    /// <summary>The app setting that turns in-app notifications on (the "In-app notifications" feature of the app designer).</summary>
    private const string InAppNotificationsSetting = "AllowNotificationsEarlyAccess";

    /// <summary>The tables people open from the app's navigation.</summary>
    private static readonly string[] NavigatedTables =
    {
        Opportunity.LogicalName, Task.LogicalName, DealTeamMember.LogicalName, Stakeholder.LogicalName,
        Counterpart.LogicalName, DealSolution.LogicalName, DealReview.LogicalName,
    };

    private static AppModuleModel App => ShippedSolution.Model.AppModules.SingleOrDefault(a => a.UniqueName == AppUniqueName)
        ?? throw new AssertFailedException($"AppModules/{AppUniqueName}/AppModule.xml is missing.");

    [TestMethod]
    public void The_Team_Selling_app_has_in_app_notifications_enabled_for_the_team_selling_roles()
    {
        Assert.AreEqual("Team Selling", App.DisplayName);
        var setting = ShippedSolution.Xml(App.SourceFile).Root!.Element("appsettings")?.Elements("appsetting")
            .SingleOrDefault(s => (string?)s.Attribute("settingdefinitionid.uniquename") == InAppNotificationsSetting);
        Assert.IsNotNull(setting, $"{App.SourceFile}: the app has no <appsetting settingdefinitionid.uniquename=\"{InAppNotificationsSetting}\">, so the team's notifications never show.");
        Assert.AreEqual("true", setting.Element("value")?.Value, $"{App.SourceFile}: {InAppNotificationsSetting} must be true.");
        CollectionAssert.AreEquivalent(ShippedSolution.Model.Roles.Select(r => r.Id).ToList(), App.RoleIds.ToList(),
            $"{App.SourceFile}: <AppModuleRoleMaps> must give the app to the Team Selling Member and Manager roles.");
    }

    [TestMethod]
    public void The_site_map_lists_the_team_selling_tables_and_the_app_carries_every_table_it_lists()
    {
        Assert.IsNotNull(App.SiteMapName, $"{App.SourceFile}: the app names no site map (AppModuleComponent type 62).");
        var siteMapFile = $"AppModuleSiteMaps/{App.SiteMapName}/AppModuleSiteMap.xml";
        var siteMap = ShippedSolution.Xml(siteMapFile).Root!;
        Assert.AreEqual(App.SiteMapName, siteMap.Element("SiteMapUniqueName")?.Value, $"{siteMapFile}: <SiteMapUniqueName> differs from the name the app gives its site map.");

        var listed = siteMap.Descendants("SubArea").Select(s => ((string?)s.Attribute("Entity"))?.ToLowerInvariant()).Where(e => e is not null).Select(e => e!).ToList();
        var problems = new Problems();
        foreach (var table in NavigatedTables.Where(t => !listed.Contains(t)))
        {
            problems.Add($"{siteMapFile}: no SubArea opens {table}.");
        }

        // A site map entry for a table the app does not carry fails the app's validation when it is published.
        foreach (var table in listed.Where(t => !App.Tables.Contains(t)))
        {
            problems.Add($"{App.SourceFile}: the site map lists {table} but the app has no <AppModuleComponent type=\"1\" schemaName=\"{table}\" />.");
        }

        problems.AssertNone("Site map");
    }

    [TestMethod]
    public void Every_component_the_app_names_exists()
    {
        var problems = new Problems();
        var forms = ShippedSolution.Forms.Select(f => f.Form.Id).ToHashSet();
        foreach (var id in App.FormIds.Where(id => !forms.Contains(id)))
        {
            problems.Add($"{App.SourceFile}: the app names the form {id:B}, which is not in the solution.");
        }

        var views = ShippedSolution.Views.Select(v => v.View.Id).ToHashSet();
        foreach (var id in App.ViewIds.Where(id => !views.Contains(id)))
        {
            problems.Add($"{App.SourceFile}: the app names the view {id:B}, which is not in the solution.");
        }

        foreach (var table in App.Tables.Where(t => ShippedSolution.KnownTable(t) is null))
        {
            problems.Add($"{App.SourceFile}: the app names the table {table}, which neither the solution nor the org has.");
        }

        foreach (var table in ExpectedModel.TeamSellingTables.Where(t => !App.Tables.Contains(t.LogicalName)))
        {
            problems.Add($"{App.SourceFile}: the app does not carry {table}, so its forms and subgrids cannot open it.");
        }

        // If an app names any form of a table, only the named forms open in it: every team-selling form must be named.
        foreach (var (table, form) in ShippedSolution.Forms.Where(f => f.Table.IsCustom || f.Form.Name == "Team Selling"))
        {
            problems.Expect(App.FormIds.Contains(form.Id), $"{App.SourceFile}: the app does not name the form '{form.Name}' of {table.LogicalName} ({form.Id:B}).");
        }

        problems.AssertNone("App components");
    }
}
