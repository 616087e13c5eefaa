using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using CrmTeamSelling.Packager.Checking;
using CrmTeamSelling.Packager.Layout;
using CrmTeamSelling.Packager.Packing;

namespace CrmTeamSelling.Packager.Tests;

[TestClass]
public sealed class CheckTests
{
    private const string StepFile = "SdkMessageProcessingSteps/{a1b2c3d4-0001-4000-8000-000000000001}.xml";
    private const string VisitEntity = "Entities/smpl_Visit/Entity.xml";
    private const string VisitForm = "Entities/smpl_Visit/FormXml/main/{5c0e8a42-6f1d-4b3a-9e27-1d4c8b7a6f01}.xml";
    private const string ActiveVisitsView = "Entities/smpl_Visit/SavedQueries/{8b1f2e3d-4c5b-4a69-8778-96a5b4c3d201}.xml";

    /// <summary>Checks a layout folder with the schemas and the sample plugin assembly (or another) mapped in.</summary>
    private static CheckReport CheckLayout(string layout, byte[]? assembly = null)
    {
        var dll = TestAssemblies.WriteTo(layout, "built.dll", assembly ?? TestAssemblies.SamplePlugins());
        return SolutionChecker.Check(new CheckOptions
        {
            Input = layout,
            SchemaFolder = TestPaths.Schemas,
            FileMap = new Dictionary<string, string> { [TestAssemblies.SampleAssemblyLayoutPath] = dll },
        });
    }

    private static LayoutProblem SingleError(CheckReport report)
    {
        Assert.AreEqual(1, report.Errors.Count, "expected one error, got:\n" + string.Join("\n", report.Errors));
        return report.Errors[0];
    }

    [TestMethod]
    public void The_sample_layout_passes()
    {
        using var layout = TempFolder.CopyOf(TestPaths.SampleLayout);

        var report = CheckLayout(layout.Root);

        Assert.IsTrue(report.Passed, string.Join("\n", report.Errors));
        Assert.IsTrue(report.Notes.Any(n => n.Contains("columns of account were not checked")), "a table the layout only extends is named as unchecked");
    }

    [TestMethod]
    public void Our_solution_source_reads_cleanly_and_passes_the_schema()
    {
        var read = SolutionLayoutReader.ReadCollectingProblems(TestPaths.SolutionSource);
        Assert.AreEqual(0, read.Problems.Count, string.Join("\n", read.Problems));
        Assert.AreEqual("CrmTeamSelling", read.Model!.Manifest.UniqueName);
        Assert.AreEqual("tsell", read.Model.Manifest.Publisher.CustomizationPrefix);
        Assert.AreEqual(41200, read.Model.Manifest.Publisher.CustomizationOptionValuePrefix);
        CollectionAssert.IsSubsetOf(new[] { "opportunity", "account", "contact", "systemuser", "task", "appnotification" }, read.Model.Manifest.RequiredTables.ToArray());

        var report = SolutionChecker.Check(new CheckOptions { Input = TestPaths.SolutionSource, SchemaFolder = TestPaths.Schemas });

        var schemaViolations = report.Errors.Where(e => e.Message.StartsWith("schema violation", StringComparison.Ordinal)).ToList();
        Assert.AreEqual(0, schemaViolations.Count, string.Join("\n", schemaViolations));
    }

    [TestMethod]
    public void A_modern_export_passes_the_old_schema_once_undeclared_elements_are_set_aside()
    {
        using var layout = TempFolder.CopyOf(TestPaths.SampleLayout);
        // What current form designers write: tab ids without braces, and a card form.
        layout.Edit(VisitForm, x => x.Replace("id=\"{0a3e4f10-1b2c-4d5e-8f90-a1b2c3d4e501}\"", "id=\"0a3e4f10-1b2c-4d5e-8f90-a1b2c3d4e501\""));
        Directory.CreateDirectory(layout.File("Entities/smpl_Visit/FormXml/card"));
        File.WriteAllText(layout.File("Entities/smpl_Visit/FormXml/card/{5c0e8a42-6f1d-4b3a-9e27-1d4c8b7a6f03}.xml"),
            File.ReadAllText(layout.File(VisitForm)).Replace("5c0e8a42-6f1d-4b3a-9e27-1d4c8b7a6f01", "5c0e8a42-6f1d-4b3a-9e27-1d4c8b7a6f03"));

        var report = CheckLayout(layout.Root);

        Assert.IsTrue(report.Passed, string.Join("\n", report.Errors));
        var schemaNote = report.Notes.Single(n => n.Contains("CustomizationsSolution.xsd"));
        StringAssert.Contains(schemaNote, "<AutoNumberFormat> in <attribute>", "elements the old schema never declares are set aside and said so");
    }

    [TestMethod]
    public void A_schema_violation_names_the_element()
    {
        using var layout = TempFolder.CopyOf(TestPaths.SampleLayout);
        layout.Edit("Other/Relationships/Account.xml", x => x.Replace("<CascadeDelete>Cascade</CascadeDelete>", "<CascadeDelete>Sometimes</CascadeDelete>"));

        var error = SingleError(CheckLayout(layout.Root));

        StringAssert.Contains(error.Message, "schema violation");
        StringAssert.Contains(error.Message, "Sometimes");
        StringAssert.Contains(error.Element, "EntityRelationship[@Name='smpl_visit_account']/CascadeDelete");
    }

    [TestMethod]
    public void A_schema_element_out_of_place_is_a_violation_not_set_aside()
    {
        using var layout = TempFolder.CopyOf(TestPaths.SampleLayout);
        // OwnershipTypeMask is declared for <entity>, not for an <attribute>.
        layout.Edit(VisitEntity, x => x.Replace("<Type>int</Type>", "<Type>int</Type>\n          <OwnershipTypeMask>UserOwned</OwnershipTypeMask>"));

        var error = SingleError(CheckLayout(layout.Root));

        StringAssert.Contains(error.Message, "schema violation");
        StringAssert.Contains(error.Element, "OwnershipTypeMask");
    }

    [TestMethod]
    public void A_step_pointing_at_a_missing_plugin_type_fails()
    {
        using var layout = TempFolder.CopyOf(TestPaths.SampleLayout);
        layout.Edit(StepFile, x => x.Replace("<PluginTypeId>c4d5e6f7-0001-4000-8000-000000000001</PluginTypeId>", "<PluginTypeId>c4d5e6f7-0001-4000-8000-0000000000ff</PluginTypeId>"));

        var error = SingleError(CheckLayout(layout.Root));

        Assert.AreEqual(StepFile, error.File);
        StringAssert.Contains(error.Message, "c4d5e6f7-0001-4000-8000-0000000000ff");
        StringAssert.Contains(error.Message, "no PluginAssemblies/*.data.xml registers");
    }

    [TestMethod]
    public void A_registered_type_missing_from_the_assembly_fails()
    {
        using var layout = TempFolder.CopyOf(TestPaths.SampleLayout);

        var error = SingleError(CheckLayout(layout.Root, TestAssemblies.PluginAssembly("SamplePlugins", "SamplePlugins.Visits.StampVisitName")));

        StringAssert.Contains(error.Message, "SamplePlugins.Visits.ScheduleVisit does not exist");
    }

    [TestMethod]
    public void A_plugin_type_the_assembly_defines_but_nobody_registered_fails()
    {
        using var layout = TempFolder.CopyOf(TestPaths.SampleLayout);
        var assembly = TestAssemblies.PluginAssembly("SamplePlugins", "SamplePlugins.Visits.StampVisitName", "SamplePlugins.Visits.ScheduleVisit", "SamplePlugins.Visits.CloseVisit");

        var error = SingleError(CheckLayout(layout.Root, assembly));

        StringAssert.Contains(error.Message, "defines the plugin type SamplePlugins.Visits.CloseVisit, which is not registered");
    }

    [TestMethod]
    public void An_assembly_whose_identity_differs_from_its_registration_fails()
    {
        using var layout = TempFolder.CopyOf(TestPaths.SampleLayout);
        var assembly = TestAssemblies.PluginAssembly("OtherPlugins", "SamplePlugins.Visits.StampVisitName", "SamplePlugins.Visits.ScheduleVisit");

        var error = SingleError(CheckLayout(layout.Root, assembly));

        StringAssert.Contains(error.Message, "but the file is 'OtherPlugins, Version=1.0.0.0");
    }

    [TestMethod]
    public void A_step_image_naming_a_column_the_table_lacks_fails()
    {
        using var layout = TempFolder.CopyOf(TestPaths.SampleLayout);
        layout.Edit(StepFile, x => x.Replace("<Attributes>smpl_accountid,smpl_visitdate,smpl_name</Attributes>", "<Attributes>smpl_accountid,smpl_visitday</Attributes>"));

        var error = SingleError(CheckLayout(layout.Root));

        StringAssert.Contains(error.Message, "names smpl_visitday, which is not a column of smpl_visit");
    }

    [TestMethod]
    public void A_pre_image_on_create_fails()
    {
        using var layout = TempFolder.CopyOf(TestPaths.SampleLayout);
        layout.Edit(StepFile, x => x.Replace("20bebb1b-ea3e-db11-86a7-000a3a5473e8", "9ebdbb1b-ea3e-db11-86a7-000a3a5473e8").Replace(": Update of", ": Create of")
            .Replace("<FilteringAttributes>smpl_accountid,smpl_visitdate</FilteringAttributes>", "<FilteringAttributes></FilteringAttributes>")
            .Replace("<MessagePropertyName>Target</MessagePropertyName>", "<MessagePropertyName>Id</MessagePropertyName>"));

        var error = SingleError(CheckLayout(layout.Root));

        StringAssert.Contains(error.Message, "pre-image on Create");
    }

    [TestMethod]
    public void A_create_image_taken_from_the_target_property_fails()
    {
        using var layout = TempFolder.CopyOf(TestPaths.SampleLayout);
        layout.Edit(StepFile, x => x.Replace("20bebb1b-ea3e-db11-86a7-000a3a5473e8", "9ebdbb1b-ea3e-db11-86a7-000a3a5473e8").Replace(": Update of", ": Create of")
            .Replace("<FilteringAttributes>smpl_accountid,smpl_visitdate</FilteringAttributes>", "<FilteringAttributes></FilteringAttributes>")
            .Replace("<Stage>20</Stage>", "<Stage>40</Stage>").Replace("<ImageType>0</ImageType>", "<ImageType>1</ImageType>"));

        var error = SingleError(CheckLayout(layout.Root));

        StringAssert.Contains(error.Message, "Create images come from 'Id'");
    }

    [TestMethod]
    public void A_second_cascading_relationship_into_a_table_fails()
    {
        using var layout = TempFolder.CopyOf(TestPaths.SampleLayout);
        layout.Edit("Other/Relationships/smpl_Visit.xml", x => x.Replace("<CascadeDelete>RemoveLink</CascadeDelete>", "<CascadeDelete>Cascade</CascadeDelete>"));

        var error = SingleError(CheckLayout(layout.Root));

        StringAssert.Contains(error.Message, "more than one parental relationship (smpl_visit_account, smpl_visit_previousvisit)");
    }

    [TestMethod]
    public void A_form_field_missing_from_the_table_fails()
    {
        using var layout = TempFolder.CopyOf(TestPaths.SampleLayout);
        layout.Edit(VisitForm, x => x.Replace("datafieldname=\"smpl_outcome\"", "datafieldname=\"smpl_result\""));

        var error = SingleError(CheckLayout(layout.Root));

        Assert.AreEqual(VisitForm, error.File);
        StringAssert.Contains(error.Message, "shows the field smpl_result, which is not a column of smpl_visit");
    }

    [TestMethod]
    public void A_view_column_missing_from_the_table_fails()
    {
        using var layout = TempFolder.CopyOf(TestPaths.SampleLayout);
        layout.Edit(ActiveVisitsView, x => x.Replace("<cell name=\"smpl_outcome\" width=\"125\" />", "<cell name=\"smpl_rating\" width=\"125\" />"));

        var error = SingleError(CheckLayout(layout.Root));

        StringAssert.Contains(error.Message, "shows the column smpl_rating");
    }

    [TestMethod]
    public void A_form_script_the_solution_lacks_fails()
    {
        using var layout = TempFolder.CopyOf(TestPaths.SampleLayout);
        layout.Edit(VisitForm, x => x.Replace("<Library name=\"smpl_/scripts/visit.js\"", "<Library name=\"smpl_/scripts/visits.js\""));

        var error = SingleError(CheckLayout(layout.Root));

        StringAssert.Contains(error.Message, "uses the web resource smpl_/scripts/visits.js, which the solution does not contain");
    }

    [TestMethod]
    public void An_unprefixed_column_fails()
    {
        using var layout = TempFolder.CopyOf(TestPaths.SampleLayout);
        layout.Edit(VisitEntity, x => x.Replace("smpl_DurationMinutes", "DurationMinutes").Replace("smpl_durationminutes", "durationminutes"));

        var error = SingleError(CheckLayout(layout.Root));

        Assert.AreEqual(VisitEntity, error.File);
        StringAssert.Contains(error.Message, "smpl_visit.durationminutes does not carry the publisher prefix 'smpl_'");
    }

    [TestMethod]
    public void An_unprefixed_global_choice_fails()
    {
        using var layout = TempFolder.CopyOf(TestPaths.SampleLayout);
        layout.Edit("OptionSets/smpl_visitoutcome.xml", x => x.Replace("Name=\"smpl_visitoutcome\"", "Name=\"visitoutcome\""));
        layout.Edit(VisitEntity, x => x.Replace("<OptionSetName>smpl_visitoutcome</OptionSetName>", "<OptionSetName>visitoutcome</OptionSetName>"));
        layout.Edit("Other/Solution.xml", x => x.Replace("schemaName=\"smpl_visitoutcome\"", "schemaName=\"visitoutcome\""));

        var error = SingleError(CheckLayout(layout.Root));

        StringAssert.Contains(error.Message, "the global choice visitoutcome does not carry the publisher prefix");
    }

    [TestMethod]
    public void A_choice_value_outside_the_option_value_prefix_fails()
    {
        using var layout = TempFolder.CopyOf(TestPaths.SampleLayout);
        layout.Edit(VisitEntity, x => x.Replace("<option value=\"552100001\"", "<option value=\"100000001\""));

        var error = SingleError(CheckLayout(layout.Root));

        StringAssert.Contains(error.Message, "'Video call' of smpl_visit_smpl_channel has the value 100000001; choices of this publisher take values 552100000 to 552109999");
    }

    [TestMethod]
    public void A_component_missing_from_the_root_components_fails()
    {
        using var layout = TempFolder.CopyOf(TestPaths.SampleLayout);
        layout.Edit("Other/Solution.xml", x => x.Replace("<RootComponent type=\"92\" id=\"{a1b2c3d4-0001-4000-8000-000000000001}\" behavior=\"0\" />", ""));

        var error = SingleError(CheckLayout(layout.Root));

        Assert.AreEqual(StepFile, error.File);
        StringAssert.Contains(error.Message, "add <RootComponent type=\"92\" id=\"{a1b2c3d4-0001-4000-8000-000000000001}\"");
    }

    [TestMethod]
    public void A_root_component_the_layout_lacks_fails()
    {
        using var layout = TempFolder.CopyOf(TestPaths.SampleLayout);
        layout.Edit("Other/Solution.xml", x => x.Replace("<RootComponent type=\"9\" schemaName=\"smpl_visitoutcome\" behavior=\"0\" />",
            "<RootComponent type=\"9\" schemaName=\"smpl_visitoutcome\" behavior=\"0\" /><RootComponent type=\"61\" schemaName=\"smpl_/scripts/gone.js\" behavior=\"0\" />"));

        var error = SingleError(CheckLayout(layout.Root));

        StringAssert.Contains(error.Message, "web resource smpl_/scripts/gone.js");
    }

    [TestMethod]
    public void Two_components_sharing_an_id_fail()
    {
        using var layout = TempFolder.CopyOf(TestPaths.SampleLayout);
        layout.Edit("WebResources/smpl_/scripts/visit.js.data.xml", x => x.Replace("{d5e6f7a8-0001-4000-8000-000000000001}", "{5c0e8a42-6f1d-4b3a-9e27-1d4c8b7a6f01}"));

        var error = SingleError(CheckLayout(layout.Root));

        StringAssert.Contains(error.Message, "is also used by the form");
    }

    [TestMethod]
    public void Malformed_xml_is_reported_with_file_and_line()
    {
        using var layout = TempFolder.CopyOf(TestPaths.SampleLayout);
        layout.Edit("Entities/smpl_Visit/Entity.xml", x => x.Replace("<EntitySetName>smpl_visits</EntitySetName>", "<EntitySetName>smpl_visits</EntitySetname>"));

        var error = SingleError(CheckLayout(layout.Root));

        Assert.AreEqual(VisitEntity, error.File);
        Assert.IsNotNull(error.Line);
        StringAssert.Contains(error.Message, "not well-formed XML");
    }

    [TestMethod]
    public void Without_a_schema_folder_the_report_says_the_schema_was_not_checked()
    {
        using var layout = TempFolder.CopyOf(TestPaths.SampleLayout);

        var report = SolutionChecker.Check(new CheckOptions { Input = layout.Root });

        Assert.IsTrue(report.Notes.Any(n => n.Contains("NOT validated against CustomizationsSolution.xsd")), string.Join("\n", report.Notes));
    }

    [TestMethod]
    public void A_schema_folder_without_the_schema_fails_plainly()
    {
        using var layout = TempFolder.CopyOf(TestPaths.SampleLayout);
        using var empty = TempFolder.Create();

        var report = SolutionChecker.Check(new CheckOptions { Input = layout.Root, SchemaFolder = empty.Root });

        Assert.IsTrue(report.Errors.Any(e => e.Message.Contains("no CustomizationsSolution.xsd there")), string.Join("\n", report.Errors));
    }

    [TestMethod]
    public void Both_packed_zips_pass_and_carry_their_managed_flag()
    {
        using var temp = TempFolder.Create();
        foreach (var type in new[] { PackageType.Unmanaged, PackageType.Managed })
        {
            var zip = Path.Combine(temp.Root, type + ".zip");
            PackTests.PackSample(TestPaths.SampleLayout, temp.Root, type).WriteZip(zip);

            var report = SolutionChecker.Check(new CheckOptions { Input = zip, SchemaFolder = TestPaths.Schemas, ExpectedPackageType = type });

            Assert.IsTrue(report.Passed, type + ":\n" + string.Join("\n", report.Errors));
        }
    }

    [TestMethod]
    public void A_zip_of_the_wrong_package_type_fails()
    {
        using var temp = TempFolder.Create();
        var zip = Path.Combine(temp.Root, "CrmTeamSelling_managed.zip");
        PackTests.PackSample(TestPaths.SampleLayout, temp.Root, PackageType.Unmanaged).WriteZip(zip);

        var error = SingleError(SolutionChecker.Check(new CheckOptions { Input = zip, SchemaFolder = TestPaths.Schemas, ExpectedPackageType = PackageType.Managed }));

        StringAssert.Contains(error.Message, "<Managed> is '0' but this is meant to be the managed package");
    }

    [TestMethod]
    public void A_truncated_zip_fails()
    {
        using var temp = TempFolder.Create();
        var zip = Path.Combine(temp.Root, "CrmTeamSelling.zip");
        PackTests.PackSample(TestPaths.SampleLayout, temp.Root).WriteZip(zip);
        var bytes = File.ReadAllBytes(zip);
        File.WriteAllBytes(zip, bytes[..(bytes.Length / 2)]);

        var error = SingleError(SolutionChecker.Check(new CheckOptions { Input = zip, SchemaFolder = TestPaths.Schemas }));

        StringAssert.Contains(error.Message, "truncated or damaged");
        StringAssert.Contains(error.Message, zip);
    }

    [TestMethod]
    public void A_zip_with_a_broken_part_names_the_part()
    {
        using var temp = TempFolder.Create();
        var parts = PackTests.PackSample(TestPaths.SampleLayout, temp.Root);
        var broken = new PackageParts();
        foreach (var name in parts.Names.Where(n => n != PackageParts.ContentTypesPart))
            broken.Add(name, name == PackageParts.CustomizationsPart ? parts[name][..(parts[name].Length - 40)] : parts[name]);
        var zip = Path.Combine(temp.Root, "broken.zip");
        broken.WriteZip(zip);

        var error = SingleError(SolutionChecker.Check(new CheckOptions { Input = zip }));

        Assert.AreEqual(PackageParts.CustomizationsPart, error.File);
        StringAssert.Contains(error.Message, "not well-formed XML");
    }
}
