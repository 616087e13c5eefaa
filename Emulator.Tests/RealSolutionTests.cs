using System;
using System.IO;
using System.Linq;
using CrmTeamSelling.Emulator.Metadata;
using CrmTeamSelling.Packager.Layout;

namespace CrmTeamSelling.Emulator.Tests;

/// <summary>The project's own Solution/src must load into the emulator: the same files the package ships.</summary>
[TestClass]
public sealed class RealSolutionTests
{
    public static string RepoFile(params string[] parts)
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "CrmTeamSelling.sln")))
        {
            directory = directory.Parent;
        }

        return Path.Combine(new[] { directory?.FullName ?? throw new InvalidOperationException("CrmTeamSelling.sln not found above " + AppContext.BaseDirectory) }.Concat(parts).ToArray());
    }

    [TestMethod]
    public void TheShippedSolutionsMetadataLoads()
    {
        var model = SolutionLayoutReader.Read(RepoFile("Solution", "src"));

        var catalog = SolutionMetadataLoader.Load(model);
        var roles = SolutionMetadataLoader.LoadRoles(model);

        foreach (var table in model.Tables)
        {
            Assert.IsNotNull(catalog.FindTable(table.LogicalName), table.LogicalName);
        }

        Assert.IsTrue(catalog.Tables.Any(t => t.IsCustom), "the solution's custom tables are there");
        Assert.AreEqual(model.Roles.Count, roles.Count);
        Console.WriteLine(string.Join(Environment.NewLine, catalog.Warnings));
    }
}
