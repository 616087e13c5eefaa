using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text;
using System.Xml.Linq;
using CrmTeamSelling.Packager.Packing;

namespace CrmTeamSelling.Packager.Tests;

[TestClass]
public sealed class PackTests
{
    private static readonly XNamespace Xmlns = XNamespace.Xmlns;

    internal static PackageParts PackSample(string layout, string assemblyFolder, PackageType type = PackageType.Unmanaged)
    {
        var dll = TestAssemblies.WriteTo(assemblyFolder, "SamplePlugins.dll", TestAssemblies.SamplePlugins());
        return SolutionPacker.Pack(new PackOptions
        {
            LayoutFolder = layout,
            PackageType = type,
            FileMap = new Dictionary<string, string> { [TestAssemblies.SampleAssemblyLayoutPath] = dll },
        });
    }

    private static XElement Xml(PackageParts parts, string name) => XDocument.Load(new MemoryStream(parts[name])).Root!;

    [TestMethod]
    public void Customizations_are_merged_in_the_order_Dataverse_exports_them()
    {
        using var temp = TempFolder.Create();
        var customizations = Xml(PackSample(TestPaths.SampleLayout, temp.Root), PackageParts.CustomizationsPart);

        CollectionAssert.AreEqual(
            new[] { "Entities", "Roles", "Workflows", "FieldSecurityProfiles", "Templates", "EntityMaps", "EntityRelationships", "OrganizationSettings",
                    "optionsets", "CustomControls", "WebResources", "SolutionPluginAssemblies", "SdkMessageProcessingSteps", "AppModuleSiteMaps", "AppModules",
                    "EntityDataProviders", "Languages" },
            customizations.Elements().Select(e => e.Name.LocalName).ToArray());
        CollectionAssert.AreEqual(new[] { "Account", "smpl_Visit" }, customizations.Element("Entities")!.Elements("Entity").Select(e => e.Element("Name")!.Value).ToArray());
        CollectionAssert.AreEqual(new[] { "smpl_visit_account", "smpl_visit_previousvisit" },
            customizations.Element("EntityRelationships")!.Elements().Select(e => (string)e.Attribute("Name")!).ToArray(),
            "relationships keep the order of Other/Relationships.xml");
        Assert.AreEqual("Field Visitor", (string?)customizations.Element("Roles")!.Element("Role")!.Attribute("name"));
        Assert.AreEqual("smpl_visitoutcome", (string?)customizations.Element("optionsets")!.Element("optionset")!.Attribute("Name"));
        Assert.AreEqual(1, customizations.Element("SdkMessageProcessingSteps")!.Elements().Count());
        Assert.AreEqual("smpl_FieldVisits", customizations.Element("AppModules")!.Element("AppModule")!.Element("UniqueName")!.Value);
        Assert.AreEqual("smpl_FieldVisits", customizations.Element("AppModuleSiteMaps")!.Element("AppModuleSiteMap")!.Element("SiteMapUniqueName")!.Value);
        Assert.IsFalse(customizations.Descendants().Skip(1).Any(e => e.Attribute(Xmlns + "xsi") is not null),
            "fragments must not repeat the xsi declaration of their file; the package root declares it once");
    }

    [TestMethod]
    public void An_entity_gets_its_forms_views_and_ribbon_in_place_of_the_placeholders()
    {
        using var temp = TempFolder.Create();
        var visit = Xml(PackSample(TestPaths.SampleLayout, temp.Root), PackageParts.CustomizationsPart)
            .Element("Entities")!.Elements("Entity").Single(e => e.Element("Name")!.Value == "smpl_Visit");

        CollectionAssert.AreEqual(new[] { "Name", "EntityInfo", "FormXml", "SavedQueries", "RibbonDiffXml" }, visit.Elements().Select(e => e.Name.LocalName).ToArray());
        var forms = visit.Element("FormXml")!.Elements("forms").Single();
        Assert.AreEqual("main", (string?)forms.Attribute("type"));
        Assert.AreEqual("{5c0e8a42-6f1d-4b3a-9e27-1d4c8b7a6f01}", forms.Element("systemform")!.Element("formid")!.Value);
        var views = visit.Element("SavedQueries")!.Element("savedqueries")!.Elements("savedquery").Select(q => q.Element("savedqueryid")!.Value).ToArray();
        CollectionAssert.AreEqual(new[] { "{8b1f2e3d-4c5b-4a69-8778-96a5b4c3d201}", "{8b1f2e3d-4c5b-4a69-8778-96a5b4c3d202}" }, views);
    }

    [TestMethod]
    public void The_package_carries_the_mapped_assembly_the_web_resource_and_the_component_folders()
    {
        using var temp = TempFolder.Create();
        var parts = PackSample(TestPaths.SampleLayout, temp.Root);

        CollectionAssert.AreEqual(TestAssemblies.SamplePlugins(), parts[TestAssemblies.SampleAssemblyLayoutPath], "the DLL comes from the mapping");
        CollectionAssert.AreEqual(File.ReadAllBytes(Path.Combine(TestPaths.SampleLayout, "WebResources/smpl_/scripts/visit.js")),
            parts["WebResources/smpl_scriptsvisitjsD5E6F7A8-0001-4000-8000-000000000001"], "the web resource sits where its FileName says");
        Assert.IsTrue(parts.Contains("environmentvariabledefinitions/smpl_VisitReminderDays/environmentvariablevalues.json"));
        Assert.IsTrue(parts.Contains("customapis/smpl_ScheduleVisit/customapiresponseproperties/VisitId/customapiresponseproperty.xml"));

        var types = XDocument.Parse(Encoding.UTF8.GetString(parts.BuildContentTypes()).TrimStart('\uFEFF')).Root!;
        var defaults = types.Elements().Where(e => e.Name.LocalName == "Default").Select(e => (string)e.Attribute("Extension")!).ToArray();
        CollectionAssert.AreEqual(new[] { "xml", "dll", "json" }, defaults);
        var overrides = types.Elements().Where(e => e.Name.LocalName == "Override").Select(e => (string)e.Attribute("PartName")!).ToArray();
        CollectionAssert.AreEqual(new[] { "/WebResources/smpl_scriptsvisitjsD5E6F7A8-0001-4000-8000-000000000001" }, overrides);
    }

    [TestMethod]
    public void The_managed_package_is_flagged_managed_and_takes_the_managed_form_variant()
    {
        using var layout = TempFolder.CopyOf(TestPaths.SampleLayout);
        const string form = "Entities/smpl_Visit/FormXml/main/{5c0e8a42-6f1d-4b3a-9e27-1d4c8b7a6f01}";
        File.WriteAllText(layout.File(form + "_managed.xml"),
            File.ReadAllText(layout.File(form + ".xml")).Replace("<IsCustomizable>1</IsCustomizable>", "<IsCustomizable>0</IsCustomizable>"));

        var unmanaged = PackSample(layout.Root, layout.Root, PackageType.Unmanaged);
        var managed = PackSample(layout.Root, layout.Root, PackageType.Managed);

        Assert.AreEqual("0", Xml(unmanaged, PackageParts.SolutionPart).Element("SolutionManifest")!.Element("Managed")!.Value);
        Assert.AreEqual("1", Xml(managed, PackageParts.SolutionPart).Element("SolutionManifest")!.Element("Managed")!.Value);
        string FormCustomizable(PackageParts parts) => Xml(parts, PackageParts.CustomizationsPart).Descendants("systemform")
            .Single(f => f.Element("formid")!.Value == "{5c0e8a42-6f1d-4b3a-9e27-1d4c8b7a6f01}").Element("IsCustomizable")!.Value;
        Assert.AreEqual("1", FormCustomizable(unmanaged));
        Assert.AreEqual("0", FormCustomizable(managed));
    }

    [TestMethod]
    public void Packing_twice_gives_byte_identical_zips()
    {
        using var temp = TempFolder.Create();
        using var layout = TempFolder.CopyOf(TestPaths.SampleLayout);
        var first = Path.Combine(temp.Root, "first.zip");
        var second = Path.Combine(temp.Root, "second.zip");

        PackSample(layout.Root, temp.Root).WriteZip(first);
        foreach (var file in Directory.GetFiles(layout.Root, "*", SearchOption.AllDirectories))
            File.SetLastWriteTimeUtc(file, DateTime.UtcNow.AddDays(-3));
        System.Threading.Thread.Sleep(1100);
        PackSample(layout.Root, temp.Root).WriteZip(second);

        CollectionAssert.AreEqual(File.ReadAllBytes(first), File.ReadAllBytes(second));
        using var zip = ZipFile.OpenRead(first);
        // Zip entries store a local DOS time; compare the clock reading, not the instant.
        Assert.IsTrue(zip.Entries.All(e => e.LastWriteTime.DateTime == PackageParts.FixedTimestamp.DateTime), "every entry carries the fixed timestamp");
        Assert.AreEqual(PackageParts.CustomizationsPart, zip.Entries[0].FullName);
        Assert.AreEqual(PackageParts.SolutionPart, zip.Entries[1].FullName);
        Assert.AreEqual(PackageParts.ContentTypesPart, zip.Entries[^1].FullName);
    }

    [TestMethod]
    public void A_missing_assembly_says_how_to_map_it_in()
    {
        var error = Assert.ThrowsExactly<PackagingException>(() => SolutionPacker.Pack(new PackOptions { LayoutFolder = TestPaths.SampleLayout }));

        StringAssert.Contains(error.Message, TestAssemblies.SampleAssemblyLayoutPath);
        StringAssert.Contains(error.Message, "--map");
    }

    [TestMethod]
    public void A_mapping_to_a_file_that_does_not_exist_is_named()
    {
        var error = Assert.ThrowsExactly<PackagingException>(() => SolutionPacker.Pack(new PackOptions
        {
            LayoutFolder = TestPaths.SampleLayout,
            FileMap = new Dictionary<string, string> { [TestAssemblies.SampleAssemblyLayoutPath] = "/nowhere/SamplePlugins.dll" },
        }));

        StringAssert.Contains(error.Message, "/nowhere/SamplePlugins.dll");
        StringAssert.Contains(error.Message, "does not exist");
    }

    [TestMethod]
    public void A_component_folder_the_packer_does_not_know_is_refused_rather_than_dropped()
    {
        using var layout = TempFolder.CopyOf(TestPaths.SampleLayout);
        Directory.CreateDirectory(layout.File("Workflows"));
        File.WriteAllText(layout.File("Workflows/flow.json"), "{}");

        var error = Assert.ThrowsExactly<PackagingException>(() => PackSample(layout.Root, layout.Root));

        StringAssert.Contains(error.Message, "Workflows");
    }

    [TestMethod]
    public void Content_left_in_a_placeholder_is_refused()
    {
        using var layout = TempFolder.CopyOf(TestPaths.SampleLayout);
        layout.Edit("Entities/smpl_Visit/Entity.xml", x => x.Replace("<SavedQueries />", "<SavedQueries><savedqueries /></SavedQueries>"));

        var error = Assert.ThrowsExactly<PackagingException>(() => PackSample(layout.Root, layout.Root));

        StringAssert.Contains(error.Message, "Entities/smpl_Visit/Entity.xml");
        StringAssert.Contains(error.Message, "<SavedQueries> must be an empty placeholder");
    }

    [TestMethod]
    public void The_web_resource_part_name_follows_Dataverse()
    {
        Assert.AreEqual("tsell_stakeholdermapindexhtml0A1B2C3D-0000-4000-8000-000000000001",
            SolutionPacker.WebResourcePartName("tsell_/stakeholdermap/index.html", new Guid("0a1b2c3d-0000-4000-8000-000000000001")));
    }
}
