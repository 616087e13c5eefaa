using System;
using System.IO;
using System.Linq;
using CrmTeamSelling.Packager.Layout;
using CrmTeamSelling.Packager.Model;

namespace CrmTeamSelling.Packager.Tests;

[TestClass]
public sealed class SolutionLayoutReaderTests
{
    private static SolutionModel Sample() => SolutionLayoutReader.Read(TestPaths.SampleLayout);

    [TestMethod]
    public void Reads_the_manifest_and_publisher()
    {
        var manifest = Sample().Manifest;

        Assert.AreEqual("SampleFieldVisits", manifest.UniqueName);
        Assert.AreEqual("Sample Field Visits", manifest.DisplayName);
        Assert.AreEqual("2.1.0.3", manifest.Version);
        Assert.AreEqual(2, manifest.ManagedCode);
        Assert.IsFalse(manifest.Managed);
        Assert.AreEqual("smpl", manifest.Publisher.CustomizationPrefix);
        Assert.AreEqual(55210, manifest.Publisher.CustomizationOptionValuePrefix);
        Assert.AreEqual("samplepublisher", manifest.Publisher.UniqueName);
        Assert.AreEqual(10, manifest.RootComponents.Count);
        var assembly = manifest.RootComponents.Single(c => c.Type == 91);
        Assert.AreEqual(new Guid("3f2b1c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d"), assembly.Id);
        Assert.AreEqual(2, manifest.RootComponents.Single(c => c.SchemaName == "account").Behavior);
        CollectionAssert.AreEqual(new[] { "account" }, manifest.RequiredTables.ToArray());
    }

    [TestMethod]
    public void Reads_a_custom_table_with_its_columns_keys_and_lookups()
    {
        var visit = Sample().Tables.Single(t => t.LogicalName == "smpl_visit");

        Assert.IsTrue(visit.HasDefinition);
        Assert.IsTrue(visit.IsCustom);
        Assert.AreEqual("smpl_Visit", visit.SchemaName);
        Assert.AreEqual("Visit", visit.DisplayName);
        Assert.AreEqual("Visits", visit.DisplayCollectionName);
        Assert.AreEqual("smpl_visitid", visit.PrimaryIdAttribute);
        Assert.AreEqual("smpl_name", visit.PrimaryNameAttribute);
        Assert.AreEqual(OwnershipType.UserOwned, visit.Ownership);
        Assert.AreEqual("smpl_visits", visit.EntitySetName);
        Assert.AreEqual(11, visit.Columns.Count);

        var name = visit.Columns.Single(c => c.LogicalName == "smpl_name");
        Assert.AreEqual("nvarchar", name.Type);
        Assert.AreEqual(100, name.MaxLength);
        Assert.AreEqual(RequiredLevel.ApplicationRequired, name.RequiredLevel);
        Assert.AreEqual("Subject", name.DisplayName);

        var duration = visit.Columns.Single(c => c.LogicalName == "smpl_durationminutes");
        Assert.AreEqual(0m, duration.MinValue);
        Assert.AreEqual(1440m, duration.MaxValue);

        Assert.AreEqual(RequiredLevel.Recommended, visit.Columns.Single(c => c.LogicalName == "smpl_visitdate").RequiredLevel);
        Assert.AreEqual(RequiredLevel.SystemRequired, visit.Columns.Single(c => c.LogicalName == "smpl_visitid").RequiredLevel);

        CollectionAssert.AreEqual(new[] { "account" }, visit.Columns.Single(c => c.LogicalName == "smpl_accountid").LookupTargets.ToArray());
        CollectionAssert.AreEqual(new[] { "smpl_visit" }, visit.Columns.Single(c => c.LogicalName == "smpl_previousvisitid").LookupTargets.ToArray());
        CollectionAssert.AreEqual(new[] { "systemuser", "team" }, visit.Columns.Single(c => c.LogicalName == "ownerid").LookupTargets.ToArray());

        var key = visit.Keys.Single();
        Assert.AreEqual("smpl_visit_account_date", key.LogicalName);
        CollectionAssert.AreEqual(new[] { "smpl_accountid", "smpl_visitdate" }, key.Columns.ToArray());
    }

    [TestMethod]
    public void Reads_local_and_global_choices()
    {
        var model = Sample();
        var visit = model.Tables.Single(t => t.LogicalName == "smpl_visit");

        var channel = visit.Columns.Single(c => c.LogicalName == "smpl_channel");
        Assert.IsNotNull(channel.OptionSet);
        CollectionAssert.AreEqual(new[] { 552100000, 552100001 }, channel.OptionSet.Options.Select(o => o.Value).ToArray());
        Assert.AreEqual("Video call", channel.OptionSet.Options[1].Label);
        Assert.IsNull(channel.GlobalOptionSetName);

        var outcome = visit.Columns.Single(c => c.LogicalName == "smpl_outcome");
        Assert.IsNull(outcome.OptionSet);
        Assert.AreEqual("smpl_visitoutcome", outcome.GlobalOptionSetName);

        var status = visit.Columns.Single(c => c.LogicalName == "statuscode").OptionSet!;
        Assert.AreEqual("status", status.OptionSetType);
        Assert.AreEqual(1, status.Options.Single(o => o.Value == 2).State);

        var global = model.GlobalOptionSets.Single();
        Assert.AreEqual("smpl_visitoutcome", global.Name);
        Assert.IsTrue(global.IsGlobal);
        Assert.AreEqual(3, global.Options.Count);
        Assert.AreEqual("Order placed", global.Options.Single(o => o.Value == 552100001).Label);
    }

    [TestMethod]
    public void Reads_relationships_with_their_cascades()
    {
        var relationships = Sample().Relationships;

        var parental = relationships.Single(r => r.SchemaName == "smpl_visit_account");
        Assert.AreEqual(RelationshipType.OneToMany, parental.Type);
        Assert.AreEqual("account", parental.ReferencedEntity);
        Assert.AreEqual("smpl_visit", parental.ReferencingEntity);
        Assert.AreEqual("smpl_accountid", parental.ReferencingAttribute);
        Assert.IsTrue(parental.Cascade.IsParental);
        Assert.AreEqual("Other/Relationships/Account.xml", parental.SourceFile);

        var referential = relationships.Single(r => r.SchemaName == "smpl_visit_previousvisit");
        Assert.IsFalse(referential.Cascade.IsParental);
        Assert.AreEqual("RemoveLink", referential.Cascade.Delete);
    }

    [TestMethod]
    public void Reads_forms_with_fields_scripts_and_subgrids()
    {
        var model = Sample();
        var visitForm = model.Tables.Single(t => t.LogicalName == "smpl_visit").Forms.Single();
        Assert.AreEqual(new Guid("5c0e8a42-6f1d-4b3a-9e27-1d4c8b7a6f01"), visitForm.Id);
        Assert.AreEqual("main", visitForm.FormType);
        Assert.AreEqual("Visit", visitForm.Name);
        CollectionAssert.AreEquivalent(new[] { "smpl_name", "smpl_accountid", "smpl_visitdate", "smpl_channel", "smpl_outcome", "ownerid" }, visitForm.Fields.ToArray());
        CollectionAssert.AreEqual(new[] { "smpl_/scripts/visit.js" }, visitForm.WebResources.ToArray());

        var account = model.Tables.Single(t => t.LogicalName == "account");
        Assert.IsFalse(account.HasDefinition, "Account carries only a form, so its metadata comes from the org.");
        Assert.AreEqual("accountid", account.PrimaryIdAttribute);
        var grid = account.Forms.Single().Subgrids.Single();
        Assert.AreEqual("visits_grid", grid.Name);
        Assert.AreEqual("smpl_visit", grid.TargetEntity);
        Assert.AreEqual("smpl_visit_account", grid.RelationshipName);
        Assert.AreEqual(new Guid("8b1f2e3d-4c5b-4a69-8778-96a5b4c3d201"), grid.ViewId);
    }

    [TestMethod]
    public void Reads_views_with_their_layout_and_query()
    {
        var views = Sample().Tables.Single(t => t.LogicalName == "smpl_visit").Views;

        var active = views.Single(v => v.Name == "Active Visits");
        Assert.IsTrue(active.IsDefault);
        Assert.AreEqual(0, active.QueryType);
        CollectionAssert.AreEqual(new[] { "smpl_name", "smpl_accountid", "smpl_visitdate", "smpl_outcome" }, active.LayoutColumns.ToArray());
        StringAssert.StartsWith(active.FetchXml, "<fetch");
        Assert.AreEqual(4, views.Single(v => v.Name == "Quick Find Active Visits").QueryType);
    }

    [TestMethod]
    public void Reads_the_plugin_assembly_steps_and_images()
    {
        var model = Sample();
        var assembly = model.PluginAssemblies.Single();
        Assert.AreEqual("SamplePlugins, Version=1.0.0.0, Culture=neutral, PublicKeyToken=null", assembly.FullName);
        Assert.AreEqual(2, assembly.IsolationMode);
        CollectionAssert.AreEqual(new[] { "SamplePlugins.Visits.StampVisitName", "SamplePlugins.Visits.ScheduleVisit" }, assembly.PluginTypes.Select(t => t.TypeName).ToArray());

        var step = model.Steps.Single();
        Assert.AreEqual("Update", step.Message, "the message comes from the well-known SdkMessageId");
        Assert.AreEqual("smpl_visit", step.PrimaryEntity);
        Assert.AreEqual(20, step.Stage);
        Assert.AreEqual(0, step.Mode);
        Assert.AreEqual("SamplePlugins.Visits.StampVisitName", step.PluginTypeName);
        Assert.AreEqual(assembly.PluginTypes[0].Id, step.PluginTypeId);
        StringAssert.StartsWith(step.PluginAssemblyName, "SamplePlugins, Version=1.0.0.0");
        CollectionAssert.AreEqual(new[] { "smpl_accountid", "smpl_visitdate" }, step.FilteringAttributes.ToArray());
        var image = step.Images.Single();
        Assert.AreEqual("PreImage", image.EntityAlias);
        Assert.AreEqual(0, image.ImageType);
        CollectionAssert.AreEqual(new[] { "smpl_accountid", "smpl_visitdate", "smpl_name" }, image.Attributes.ToArray());
    }

    [TestMethod]
    public void Reads_web_resources_roles_variables_custom_apis_and_apps()
    {
        var model = Sample();

        var script = model.WebResources.Single();
        Assert.AreEqual("smpl_/scripts/visit.js", script.Name);
        Assert.AreEqual(3, script.WebResourceType);
        Assert.AreEqual("WebResources/smpl_/scripts/visit.js", script.FileName);
        Assert.AreEqual("/WebResources/smpl_scriptsvisitjsD5E6F7A8-0001-4000-8000-000000000001", script.PackageFileName);

        var role = model.Roles.Single();
        Assert.AreEqual("Field Visitor", role.Name);
        Assert.AreEqual("Local", role.Privileges.Single(p => p.Name == "prvReadsmpl_visit").Level);

        var variable = model.EnvironmentVariables.Single();
        Assert.AreEqual("smpl_VisitReminderDays", variable.SchemaName);
        Assert.AreEqual(100000001, variable.Type);
        Assert.AreEqual("7", variable.DefaultValue);
        Assert.AreEqual("5", variable.CurrentValue);
        Assert.AreEqual("Visit reminder days", variable.DisplayName);

        var api = model.CustomApis.Single();
        Assert.AreEqual("smpl_ScheduleVisit", api.UniqueName);
        Assert.AreEqual(1, api.BindingType);
        Assert.AreEqual("account", api.BoundEntityLogicalName);
        Assert.AreEqual("SamplePlugins.Visits.ScheduleVisit", api.PluginTypeName);
        Assert.AreEqual(1, api.RequestParameters.Single(p => p.UniqueName == "VisitDate").Type);
        Assert.AreEqual("smpl_visit", api.ResponseProperties.Single().LogicalEntityName);

        var app = model.AppModules.Single();
        Assert.AreEqual("smpl_FieldVisits", app.UniqueName);
        CollectionAssert.AreEqual(new[] { "account", "smpl_visit" }, app.Tables.ToArray());
        CollectionAssert.AreEqual(new[] { role.Id }, app.RoleIds.ToArray());
        Assert.AreEqual("smpl_FieldVisits", app.SiteMapName);
    }

    [TestMethod]
    public void A_malformed_file_is_named_with_its_line()
    {
        using var layout = TempFolder.CopyOf(TestPaths.SampleLayout);
        layout.Edit("OptionSets/smpl_visitoutcome.xml", x => x.Replace("</options>", "</option>"));

        var error = Assert.ThrowsExactly<SolutionLayoutException>(() => SolutionLayoutReader.Read(layout.Root));

        var problem = error.Problems.Single();
        Assert.AreEqual("OptionSets/smpl_visitoutcome.xml", problem.File);
        Assert.IsNotNull(problem.Line);
        StringAssert.Contains(problem.Message, "not well-formed XML");
    }

    [TestMethod]
    public void A_missing_manifest_element_says_what_to_add()
    {
        using var layout = TempFolder.CopyOf(TestPaths.SampleLayout);
        layout.Edit("Other/Solution.xml", x => x.Replace("<CustomizationPrefix>smpl</CustomizationPrefix>", ""));

        var error = Assert.ThrowsExactly<SolutionLayoutException>(() => SolutionLayoutReader.Read(layout.Root));

        var problem = error.Problems.Single();
        Assert.AreEqual("Other/Solution.xml", problem.File);
        Assert.AreEqual("/ImportExportXml/SolutionManifest/Publisher", problem.Element);
        StringAssert.Contains(problem.Message, "<CustomizationPrefix> is missing");
    }

    [TestMethod]
    public void A_step_with_an_unknown_message_and_no_registration_tool_name_is_refused()
    {
        using var layout = TempFolder.CopyOf(TestPaths.SampleLayout);
        const string step = "SdkMessageProcessingSteps/{a1b2c3d4-0001-4000-8000-000000000001}.xml";
        layout.Edit(step, x => x
            .Replace("20bebb1b-ea3e-db11-86a7-000a3a5473e8", "0c2f7a9e-1111-4444-8888-123456789abc")
            .Replace("Name=\"SamplePlugins.Visits.StampVisitName: Update of smpl_visit\"", "Name=\"Stamp the name\""));

        var error = Assert.ThrowsExactly<SolutionLayoutException>(() => SolutionLayoutReader.Read(layout.Root));

        var problem = error.Problems.Single();
        Assert.AreEqual(step, problem.File);
        StringAssert.Contains(problem.Element, "SdkMessageId");
        StringAssert.Contains(problem.Message, "0c2f7a9e-1111-4444-8888-123456789abc");
    }

    [TestMethod]
    public void A_custom_message_is_taken_from_the_registration_tool_step_name()
    {
        using var layout = TempFolder.CopyOf(TestPaths.SampleLayout);
        layout.Edit("SdkMessageProcessingSteps/{a1b2c3d4-0001-4000-8000-000000000001}.xml", x => x
            .Replace("20bebb1b-ea3e-db11-86a7-000a3a5473e8", "0c2f7a9e-1111-4444-8888-123456789abc")
            .Replace(": Update of smpl_visit", ": smpl_ScheduleVisit of account"));

        Assert.AreEqual("smpl_ScheduleVisit", SolutionLayoutReader.Read(layout.Root).Steps.Single().Message);
    }

    [TestMethod]
    public void An_asynchronous_step_before_the_operation_is_refused()
    {
        using var layout = TempFolder.CopyOf(TestPaths.SampleLayout);
        layout.Edit("SdkMessageProcessingSteps/{a1b2c3d4-0001-4000-8000-000000000001}.xml", x => x.Replace("<Mode>0</Mode>", "<Mode>1</Mode>"));

        var error = Assert.ThrowsExactly<SolutionLayoutException>(() => SolutionLayoutReader.Read(layout.Root));

        StringAssert.Contains(error.Problems.Single().Message, "asynchronous steps only at stage 40");
    }

    [TestMethod]
    public void A_form_whose_id_differs_from_its_file_name_is_refused()
    {
        using var layout = TempFolder.CopyOf(TestPaths.SampleLayout);
        const string form = "Entities/smpl_Visit/FormXml/main/{5c0e8a42-6f1d-4b3a-9e27-1d4c8b7a6f01}.xml";
        layout.Edit(form, x => x.Replace("<formid>{5c0e8a42-6f1d-4b3a-9e27-1d4c8b7a6f01}</formid>", "<formid>{5c0e8a42-6f1d-4b3a-9e27-1d4c8b7a6f99}</formid>"));

        var error = Assert.ThrowsExactly<SolutionLayoutException>(() => SolutionLayoutReader.Read(layout.Root));

        var problem = error.Problems.Single();
        Assert.AreEqual(form, problem.File);
        StringAssert.Contains(problem.Message, "differs from the file name");
    }

    [TestMethod]
    public void A_web_resource_described_in_the_wrong_place_is_refused()
    {
        using var layout = TempFolder.CopyOf(TestPaths.SampleLayout);
        layout.Edit("WebResources/smpl_/scripts/visit.js.data.xml", x => x.Replace("<Name>smpl_/scripts/visit.js</Name>", "<Name>smpl_/visit.js</Name>"));

        var error = Assert.ThrowsExactly<SolutionLayoutException>(() => SolutionLayoutReader.Read(layout.Root));

        StringAssert.Contains(error.Problems.Single().Message, "WebResources/smpl_/visit.js.data.xml");
    }

    [TestMethod]
    public void A_missing_folder_is_reported_rather_than_thrown_as_an_io_error()
    {
        var missing = Path.Combine(Path.GetTempPath(), "no-such-layout-" + Guid.NewGuid().ToString("N"));

        var error = Assert.ThrowsExactly<SolutionLayoutException>(() => SolutionLayoutReader.Read(missing));

        StringAssert.Contains(error.Problems.Single().Message, "does not exist");
    }
}
