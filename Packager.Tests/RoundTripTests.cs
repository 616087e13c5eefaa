using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml;
using System.Xml.Linq;
using CrmTeamSelling.Packager.Packing;

namespace CrmTeamSelling.Packager.Tests;

[TestClass]
public sealed class RoundTripTests
{
    [TestMethod]
    [DataRow(PackageType.Unmanaged)]
    [DataRow(PackageType.Managed)]
    public void Packing_an_unpacked_zip_gives_the_same_zip(PackageType type)
    {
        using var temp = TempFolder.Create();
        var original = Path.Combine(temp.Root, "original.zip");
        var repacked = Path.Combine(temp.Root, "repacked.zip");
        PackTests.PackSample(TestPaths.SampleLayout, temp.Root, type).WriteZip(original);

        var unpacked = Path.Combine(temp.Root, "unpacked");
        SolutionUnpacker.Unpack(new UnpackOptions { ZipFile = original, LayoutFolder = unpacked });
        SolutionPacker.PackToFile(new PackOptions { LayoutFolder = unpacked, PackageType = type }, repacked);

        CollectionAssert.AreEqual(File.ReadAllBytes(original), File.ReadAllBytes(repacked));
    }

    [TestMethod]
    public void Unpacking_a_packed_layout_gives_back_the_layout()
    {
        using var temp = TempFolder.Create();
        var zip = Path.Combine(temp.Root, "sample.zip");
        PackTests.PackSample(TestPaths.SampleLayout, temp.Root).WriteZip(zip);
        var unpacked = Path.Combine(temp.Root, "unpacked");

        SolutionUnpacker.Unpack(new UnpackOptions { ZipFile = zip, LayoutFolder = unpacked, MappedFiles = new[] { TestAssemblies.SampleAssemblyLayoutPath } });

        AssertSameLayout(TestPaths.SampleLayout, unpacked, expectedManagedCode: "0");
        Assert.IsFalse(File.Exists(Path.Combine(unpacked, TestAssemblies.SampleAssemblyLayoutPath)), "a mapped build output is not written into the layout");
    }

    [TestMethod]
    public void Our_own_solution_round_trips()
    {
        using var temp = TempFolder.Create();
        var map = BuildOutputsFor(TestPaths.SolutionSource, temp.Root);
        var zip = Path.Combine(temp.Root, "CrmTeamSelling.zip");
        SolutionPacker.PackToFile(new PackOptions { LayoutFolder = TestPaths.SolutionSource, FileMap = map }, zip);
        var unpacked = Path.Combine(temp.Root, "unpacked");

        SolutionUnpacker.Unpack(new UnpackOptions { ZipFile = zip, LayoutFolder = unpacked, MappedFiles = map.Keys.ToList() });

        AssertSameLayout(TestPaths.SolutionSource, unpacked, expectedManagedCode: "0");
        var again = Path.Combine(temp.Root, "again.zip");
        SolutionPacker.PackToFile(new PackOptions { LayoutFolder = unpacked, FileMap = map }, again);
        CollectionAssert.AreEqual(File.ReadAllBytes(zip), File.ReadAllBytes(again));
    }

    /// <summary>
    /// Stand-ins for the build outputs a layout maps in (plugin assemblies, web resource content not
    /// committed), so the round trip needs no build. Keys are layout paths, as for --map.
    /// </summary>
    private static Dictionary<string, string> BuildOutputsFor(string layout, string folder)
    {
        var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var content = Directory.GetFiles(layout, "*.data.xml", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(layout, f).Replace('\\', '/')[..^".data.xml".Length])
            .Where(f => !File.Exists(Path.Combine(layout, f)));
        foreach (var file in content)
        {
            var standIn = Path.Combine(folder, "build-" + map.Count);
            File.WriteAllBytes(standIn, file.EndsWith(".dll", StringComparison.Ordinal)
                ? TestAssemblies.PluginAssembly("StandIn")
                : System.Text.Encoding.UTF8.GetBytes("/* built " + file + " */"));
            map[file] = standIn;
        }
        return map;
    }

    [TestMethod]
    public void Unpacking_over_a_layout_removes_components_the_package_no_longer_has()
    {
        using var temp = TempFolder.Create();
        var zip = Path.Combine(temp.Root, "sample.zip");
        PackTests.PackSample(TestPaths.SampleLayout, temp.Root).WriteZip(zip);
        var layout = Path.Combine(temp.Root, "layout");
        TempFolder.CopyDirectory(TestPaths.SampleLayout, layout);
        Directory.CreateDirectory(Path.Combine(layout, "SdkMessageProcessingSteps"));
        var stale = Path.Combine(layout, "SdkMessageProcessingSteps", "{99999999-0000-4000-8000-000000000009}.xml");
        File.WriteAllText(stale, "<SdkMessageProcessingStep />");

        SolutionUnpacker.Unpack(new UnpackOptions { ZipFile = zip, LayoutFolder = layout, MappedFiles = new[] { TestAssemblies.SampleAssemblyLayoutPath } });

        Assert.IsFalse(File.Exists(stale));
        Assert.IsTrue(File.Exists(Path.Combine(layout, "SdkMessageProcessingSteps", "{a1b2c3d4-0001-4000-8000-000000000001}.xml")));
    }

    /// <summary>
    /// Same files on both sides; XML files equal as XML (formatting aside), other files byte for byte.
    /// The manifest's Managed flag is the one difference packing makes: a layout unpacked from both
    /// (2) becomes the package type it was packed as.
    /// </summary>
    internal static void AssertSameLayout(string expected, string actual, string expectedManagedCode)
    {
        static List<string> Files(string root) => Directory.GetFiles(root, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .Where(f => !f.StartsWith("bin/", StringComparison.Ordinal) && !f.StartsWith("obj/", StringComparison.Ordinal))
            .OrderBy(f => f, StringComparer.Ordinal).ToList();
        var expectedFiles = Files(expected);
        CollectionAssert.AreEquivalent(expectedFiles, Files(actual));

        foreach (var file in expectedFiles)
        {
            var left = Path.Combine(expected, file);
            var right = Path.Combine(actual, file);
            if (!file.EndsWith(".xml", StringComparison.Ordinal))
            {
                CollectionAssert.AreEqual(File.ReadAllBytes(left), File.ReadAllBytes(right), file);
                continue;
            }
            var before = Normalized(left);
            var after = Normalized(right);
            if (file == "Other/Solution.xml")
                before.Element("SolutionManifest")!.Element("Managed")!.Value = expectedManagedCode;
            Assert.IsTrue(XNode.DeepEquals(before, after), $"{file} differs after the round trip:\n{before}\n---\n{after}");
        }
    }

    private static XElement Normalized(string file)
    {
        using var reader = XmlReader.Create(file, new XmlReaderSettings { IgnoreWhitespace = true, IgnoreComments = true });
        var root = XDocument.Load(reader).Root!;
        // <x /> and <x></x> are the same element.
        foreach (var element in root.DescendantsAndSelf().Where(e => !e.Nodes().Any())) element.RemoveNodes();
        foreach (var element in root.DescendantsAndSelf().Where(e => !e.HasElements && e.Value.Length == 0)) element.Value = "";
        return root;
    }
}
