using System.IO;
using System.Linq;

namespace CrmTeamSelling.Packager.Tests;

[TestClass]
public sealed class CommandLineTests
{
    private static (int ExitCode, string Output, string Errors) Run(params string[] args)
    {
        var output = new StringWriter();
        var errors = new StringWriter();
        var code = Program.Run(args, output, errors);
        return (code, output.ToString(), errors.ToString());
    }

    [TestMethod]
    public void Help_lists_the_three_commands()
    {
        var (code, output, _) = Run("--help");

        Assert.AreEqual(Program.Success, code);
        foreach (var command in new[] { "pack", "unpack", "check", "--package-type", "--map", "--schemas" })
            StringAssert.Contains(output, command);
    }

    [TestMethod]
    public void No_arguments_is_a_usage_error()
    {
        Assert.AreEqual(Program.UsageError, Run().ExitCode);
    }

    [TestMethod]
    public void An_unknown_command_is_named()
    {
        var (code, _, errors) = Run("publish");

        Assert.AreEqual(Program.UsageError, code);
        StringAssert.Contains(errors, "unknown command 'publish'");
    }

    [TestMethod]
    public void A_missing_required_option_is_named()
    {
        var (code, _, errors) = Run("pack", "--folder", TestPaths.SampleLayout);

        Assert.AreEqual(Program.UsageError, code);
        StringAssert.Contains(errors, "--zip is required");
    }

    [TestMethod]
    public void An_unknown_option_is_named()
    {
        var (code, _, errors) = Run("check", TestPaths.SampleLayout, "--schema", "x");

        Assert.AreEqual(Program.UsageError, code);
        StringAssert.Contains(errors, "unknown option --schema");
    }

    [TestMethod]
    public void A_malformed_map_is_named()
    {
        var (code, _, errors) = Run("pack", "--folder", TestPaths.SampleLayout, "--zip", "x.zip", "--map", "SamplePlugins.dll");

        Assert.AreEqual(Program.UsageError, code);
        StringAssert.Contains(errors, "is not <layout path>=<file>");
    }

    [TestMethod]
    public void Pack_both_writes_and_checks_the_two_zips_then_unpack_restores_the_layout()
    {
        using var temp = TempFolder.Create();
        var dll = TestAssemblies.WriteTo(temp.Root, "SamplePlugins.dll", TestAssemblies.SamplePlugins());
        var zip = Path.Combine(temp.Root, "out", "SampleFieldVisits.zip");

        var pack = Run("pack", "--folder", TestPaths.SampleLayout, "--zip", zip, "--package-type", "Both",
            "--map", $"{TestAssemblies.SampleAssemblyLayoutPath}={dll}", "--check", "--schemas", TestPaths.Schemas);

        Assert.AreEqual(Program.Success, pack.ExitCode, pack.Errors);
        Assert.IsTrue(File.Exists(zip));
        Assert.IsTrue(File.Exists(Path.Combine(temp.Root, "out", "SampleFieldVisits_managed.zip")));
        Assert.AreEqual(2, pack.Output.Split('\n').Count(l => l.StartsWith("check passed")));

        var folder = Path.Combine(temp.Root, "unpacked");
        var unpack = Run("unpack", "--zip", zip, "--folder", folder, "--map", $"{TestAssemblies.SampleAssemblyLayoutPath}={dll}");
        Assert.AreEqual(Program.Success, unpack.ExitCode, unpack.Errors);
        RoundTripTests.AssertSameLayout(TestPaths.SampleLayout, folder, expectedManagedCode: "0");
    }

    [TestMethod]
    public void Check_of_a_broken_layout_exits_1_and_lists_the_problem()
    {
        using var layout = TempFolder.CopyOf(TestPaths.SampleLayout);
        layout.Edit("Entities/smpl_Visit/FormXml/main/{5c0e8a42-6f1d-4b3a-9e27-1d4c8b7a6f01}.xml", x => x.Replace("datafieldname=\"smpl_outcome\"", "datafieldname=\"smpl_result\""));

        var (code, _, errors) = Run("check", layout.Root);

        Assert.AreEqual(Program.Failed, code);
        StringAssert.Contains(errors, "error: Entities/smpl_Visit/FormXml/main/{5c0e8a42-6f1d-4b3a-9e27-1d4c8b7a6f01}.xml");
        StringAssert.Contains(errors, "smpl_result");
        StringAssert.Contains(errors, "check failed");
    }

    [TestMethod]
    public void Unpack_refuses_a_folder_that_is_not_a_layout()
    {
        using var temp = TempFolder.Create();
        File.WriteAllText(Path.Combine(temp.Root, "notes.txt"), "keep me");

        var (code, _, errors) = Run("unpack", "--zip", Path.Combine(temp.Root, "any.zip"), "--folder", temp.Root);

        Assert.AreEqual(Program.UsageError, code);
        StringAssert.Contains(errors, "holds no Other/Solution.xml");
        Assert.IsTrue(File.Exists(Path.Combine(temp.Root, "notes.txt")));
    }

    [TestMethod]
    public void A_missing_zip_is_named()
    {
        using var temp = TempFolder.Create();

        var (code, _, errors) = Run("unpack", "--zip", Path.Combine(temp.Root, "missing.zip"), "--folder", Path.Combine(temp.Root, "out"));

        Assert.AreEqual(Program.Failed, code);
        StringAssert.Contains(errors, "missing.zip: the solution zip does not exist");
    }
}
