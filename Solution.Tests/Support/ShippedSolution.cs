using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using CrmTeamSelling.Emulator.Metadata;
using CrmTeamSelling.Packager.Layout;
using CrmTeamSelling.Packager.Model;

namespace CrmTeamSelling.Solution.Tests.Support;

/// <summary>
/// Solution/src as the Packager's reader sees it (read once for all tests), and the emulator's catalog
/// made from it: the solution's tables over the built-in standard ones (opportunity, task, contact...),
/// which is where a form or view column on a standard table is looked up.
/// </summary>
internal static class ShippedSolution
{
    private const string Marker = "CrmTeamSelling.sln";

    private static readonly Lazy<string> RepositoryRoot = new(FindRepositoryRoot);
    private static readonly Lazy<SolutionModel> ReadModel = new(() => SolutionLayoutReader.Read(Folder));
    private static readonly Lazy<MetadataCatalog> LoadedCatalog = new(() => SolutionMetadataLoader.Load(Model));

    /// <summary>
    /// Set to a folder in SolutionPackager layout to run these checks over it instead of Solution/src: an
    /// export unpacked with pac solution unpack, or a copy changed on purpose to see a check fail.
    /// </summary>
    public const string LayoutVariable = "TEAMSELLING_SOLUTION_LAYOUT";

    /// <summary>Solution/src, unless <see cref="LayoutVariable"/> names another layout.</summary>
    public static string Folder => Environment.GetEnvironmentVariable(LayoutVariable) is { Length: > 0 } other
        ? Path.GetFullPath(other)
        : Path.Combine(RepositoryRoot.Value, "Solution", "src");

    public static SolutionModel Model => ReadModel.Value;

    /// <summary>Shared by the metadata tests, which only read it; an emulator gets a catalog of its own.</summary>
    public static MetadataCatalog Catalog => LoadedCatalog.Value;

    /// <summary>The solution's own tables (named with the publisher's prefix), as opposed to the standard ones it extends.</summary>
    public static IReadOnlyList<TableModel> CustomTables => Model.Tables.Where(t => t.IsCustom).ToList();

    public static TableModel Table(string logicalName)
        => Model.Tables.SingleOrDefault(t => t.LogicalName == logicalName)
           ?? throw new AssertFailedException($"Solution/src has no table {logicalName}: add Entities/{logicalName}/Entity.xml. Tables there: {string.Join(", ", Model.Tables.Select(t => t.LogicalName))}.");

    public static ColumnModel Column(string table, string column)
        => Table(table).Columns.SingleOrDefault(c => c.LogicalName == column)
           ?? throw new AssertFailedException($"{table} has no column {column} in {Table(table).SourceFile}.");

    /// <summary>A table as the emulator knows it: the solution's definition, or the built-in one of a standard table it extends.</summary>
    public static TableMetadata? KnownTable(string logicalName) => Catalog.FindTable(logicalName);

    /// <summary>The forms and views of every table, with the table they belong to.</summary>
    public static IEnumerable<(TableModel Table, FormModel Form)> Forms => Model.Tables.SelectMany(t => t.Forms.Select(f => (t, f)));

    public static IEnumerable<(TableModel Table, ViewModel View)> Views => Model.Tables.SelectMany(t => t.Views.Select(v => (t, v)));

    /// <summary>
    /// A file of the layout as XML, for the few things the solution model does not carry (a choice
    /// column's default, a form's CanBeDeleted, the site map, the app's settings).
    /// </summary>
    public static XDocument Xml(string pathInLayout) => XDocument.Load(Path.Combine(Folder, pathInLayout));

    private static string FindRepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, Marker)))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No {Marker} above {AppContext.BaseDirectory}: run the tests from inside the repository.");
    }
}
