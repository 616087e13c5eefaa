using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml;
using System.Xml.Linq;
using CrmTeamSelling.Packager.Layout;
using CrmTeamSelling.Packager.Packing;

namespace CrmTeamSelling.Packager.Checking;

public sealed class CheckOptions
{
    /// <summary>A layout folder or a solution zip.</summary>
    public required string Input { get; init; }

    /// <summary>The folder holding CustomizationsSolution.xsd; without it the schema is not checked, and the report says so.</summary>
    public string? SchemaFolder { get; init; }

    /// <summary>For a folder: build outputs mapped into the layout, as for packing (the plugin DLL).</summary>
    public IReadOnlyDictionary<string, string> FileMap { get; init; } = new Dictionary<string, string>();

    /// <summary>For a zip: the package type it must be (the Managed flag of solution.xml), when the caller knows.</summary>
    public PackageType? ExpectedPackageType { get; init; }
}

public sealed class CheckReport
{
    public List<LayoutProblem> Errors { get; } = new();

    /// <summary>What the check could not judge, said plainly (no schema folder, a standard table's columns unknown ...).</summary>
    public List<string> Notes { get; } = new();

    public bool Passed => Errors.Count == 0;
}

/// <summary>
/// Checks a solution before anyone tries to import it: well-formed XML, customizations.xml against
/// the schema, references that must resolve, publisher prefixes and choice values, and the plugin
/// assembly against its registrations.
/// </summary>
public static class SolutionChecker
{
    public static CheckReport Check(CheckOptions options)
    {
        var report = new CheckReport();
        CustomizationsSchema? schema = null;
        if (options.SchemaFolder is null)
            report.Notes.Add("customizations.xml was NOT validated against CustomizationsSolution.xsd: no schema folder was given (--schemas <folder>).");
        else
        {
            try
            {
                schema = CustomizationsSchema.Load(options.SchemaFolder);
            }
            catch (SchemaFolderException e)
            {
                report.Errors.Add(new LayoutProblem(options.SchemaFolder, null, null, e.Message));
            }
        }

        if (Directory.Exists(options.Input)) CheckFolder(options, schema, report);
        else if (File.Exists(options.Input)) CheckZip(options, schema, report);
        else report.Errors.Add(new LayoutProblem(options.Input, null, null, "no such folder or zip; pass a SolutionPackager layout folder or a solution .zip."));
        return report;
    }

    private static void CheckFolder(CheckOptions options, CustomizationsSchema? schema, CheckReport report)
    {
        var layout = new SolutionLayout(options.Input);
        foreach (var file in layout.AllFiles().Where(f => f.EndsWith(".xml", StringComparison.OrdinalIgnoreCase)))
            CheckWellFormed(file, () => File.OpenRead(layout.FullPath(file)), report);
        if (!report.Passed) return;

        var read = SolutionLayoutReader.ReadCollectingProblems(options.Input);
        report.Errors.AddRange(read.Problems);
        if (read.Model is null) return;

        if (schema is not null)
        {
            try
            {
                var parts = SolutionPacker.Pack(new PackOptions { LayoutFolder = options.Input, FileMap = options.FileMap, SkipMissingContent = true });
                ValidateSchema(schema, parts[PackageParts.CustomizationsPart], "customizations.xml (packed from " + SolutionLayout.CustomizationsFile + " and the component files)", report);
            }
            catch (PackagingException e)
            {
                report.Errors.Add(new LayoutProblem(options.Input, null, null, e.Message));
            }
        }

        byte[]? ReadAssembly(string layoutPath)
        {
            if (options.FileMap.TryGetValue(layoutPath, out var mapped) && File.Exists(mapped)) return File.ReadAllBytes(mapped);
            return layout.Exists(layoutPath) ? File.ReadAllBytes(layout.FullPath(layoutPath)) : null;
        }
        new RuleChecks(read.Model, report, ReadAssembly).Run();
    }

    private static void CheckZip(CheckOptions options, CustomizationsSchema? schema, CheckReport report)
    {
        PackageParts parts;
        try
        {
            parts = PackageParts.ReadZip(options.Input);
        }
        catch (PackagingException e)
        {
            report.Errors.Add(new LayoutProblem(options.Input, null, null, e.Message));
            return;
        }
        foreach (var required in new[] { PackageParts.SolutionPart, PackageParts.CustomizationsPart, PackageParts.ContentTypesPart })
            if (!parts.Contains(required))
                report.Errors.Add(new LayoutProblem(options.Input, required, null, $"the package has no {required}; Dataverse cannot import it. Pack it again."));
        foreach (var name in parts.Names.Where(n => n.EndsWith(".xml", StringComparison.OrdinalIgnoreCase)))
            CheckWellFormed(name, () => new MemoryStream(parts[name], writable: false), report);
        if (!report.Passed) return;

        if (options.ExpectedPackageType is { } expected)
        {
            var managed = XmlFormat.Load(parts[PackageParts.SolutionPart]).Root?.Element("SolutionManifest")?.Element("Managed")?.Value;
            var want = expected == PackageType.Managed ? "1" : "0";
            if (managed != want)
                report.Errors.Add(new LayoutProblem(PackageParts.SolutionPart, "/ImportExportXml/SolutionManifest/Managed", null,
                    $"<Managed> is '{managed}' but this is meant to be the {expected.ToString().ToLowerInvariant()} package ({want})."));
        }
        if (schema is not null) ValidateSchema(schema, parts[PackageParts.CustomizationsPart], PackageParts.CustomizationsPart, report);

        var folder = Path.Combine(Path.GetTempPath(), "crmteamselling-check-" + Guid.NewGuid().ToString("N"));
        try
        {
            SolutionUnpacker.Unpack(parts, new UnpackOptions { ZipFile = options.Input, LayoutFolder = folder, Clean = false });
            var read = SolutionLayoutReader.ReadCollectingProblems(folder);
            report.Errors.AddRange(read.Problems);
            if (read.Model is null) return;
            var layout = new SolutionLayout(folder);
            new RuleChecks(read.Model, report, p => layout.Exists(p) ? File.ReadAllBytes(layout.FullPath(p)) : null).Run();
        }
        catch (PackagingException e)
        {
            report.Errors.Add(new LayoutProblem(options.Input, null, null, e.Message));
        }
        finally
        {
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        }
    }

    private static void CheckWellFormed(string name, Func<Stream> open, CheckReport report)
    {
        try
        {
            using var stream = open();
            XmlFormat.Load(stream);
        }
        catch (XmlException e)
        {
            report.Errors.Add(new LayoutProblem(name, null, e.LineNumber == 0 ? null : e.LineNumber, $"not well-formed XML: {e.Message}"));
        }
    }

    private static void ValidateSchema(CustomizationsSchema schema, byte[] customizations, string label, CheckReport report)
    {
        XDocument document;
        using (var stream = new MemoryStream(customizations, writable: false))
            document = XDocument.Load(stream, LoadOptions.SetLineInfo);
        var result = schema.Validate(document, label);
        report.Errors.AddRange(result.Violations);
        if (result.SetAside.Count > 0)
            report.Notes.Add($"{label}: validated against {Path.Combine(schema.Folder, CustomizationsSchema.MainSchemaFile)}; set aside {result.SetAside.Count} kinds of element or attribute that schema never declares: {string.Join(", ", result.SetAside.Take(12))}{(result.SetAside.Count > 12 ? ", ..." : "")}.");
    }
}
