using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using CrmTeamSelling.Packager.Checking;
using CrmTeamSelling.Packager.Layout;
using CrmTeamSelling.Packager.Packing;

namespace CrmTeamSelling.Packager;

/// <summary>The command line: pack, unpack and check a Dataverse solution.</summary>
public static class Program
{
    public const int Success = 0;
    public const int Failed = 1;
    public const int UsageError = 2;

    private const string Usage = """
        CrmTeamSelling.Packager - pack, unpack and check a Dataverse solution in SolutionPackager layout.

        Usage:
          pack   --folder <layout> --zip <file.zip> [--package-type Unmanaged|Managed|Both]
                 [--map <layout path>=<file>]... [--check [--schemas <folder>]]
                   Packs the layout. Both writes <file>.zip and <file>_managed.zip. --map takes a build
                   output instead of a layout file, e.g.
                   --map PluginAssemblies/Name-GUID/Name.dll=../Plugins/bin/Release/net462/Name.dll
                   --check checks every zip written and fails when the check fails.
          unpack --zip <file.zip> --folder <layout> [--map <layout path>=<file>]... [--no-clean]
                   Splits a solution zip (for example an export from an org) into the layout. Mapped
                   paths are build outputs and are not written. Without --no-clean the layout's
                   component folders are replaced.
          check  <layout folder or file.zip> [--schemas <folder>] [--map <layout path>=<file>]...
                 [--expect Unmanaged|Managed]
                   Well-formed XML, customizations.xml against CustomizationsSolution.xsd in the
                   schema folder, references, publisher prefixes, choice values, and the plugin
                   assembly against its registrations.

        Exit codes: 0 success, 1 the solution has problems (listed), 2 the command line is wrong.
        """;

    public static int Main(string[] args) => Run(args, Console.Out, Console.Error);

    public static int Run(string[] args, TextWriter output, TextWriter errors)
    {
        if (args.Length == 0 || args[0] is "--help" or "-h" or "help" or "/?")
        {
            (args.Length == 0 ? errors : output).WriteLine(Usage);
            return args.Length == 0 ? UsageError : Success;
        }
        try
        {
            var command = args[0];
            var options = CommandLine.Parse(args.Skip(1).ToArray());
            if (options.Flags.Contains("--help")) { output.WriteLine(Usage); return Success; }
            return command switch
            {
                "pack" => Pack(options, output, errors),
                "unpack" => Unpack(options, output),
                "check" => Check(options, output, errors),
                _ => throw new UsageException($"unknown command '{command}'; use pack, unpack or check."),
            };
        }
        catch (UsageException e)
        {
            errors.WriteLine("error: " + e.Message);
            errors.WriteLine("Run with --help for usage.");
            return UsageError;
        }
        catch (PackagingException e)
        {
            errors.WriteLine("error: " + e.Message);
            return Failed;
        }
    }

    private static int Pack(CommandLine options, TextWriter output, TextWriter errors)
    {
        options.AllowOnly("--folder", "--zip", "--package-type", "--map", "--check", "--schemas");
        var folder = options.Required("--folder");
        var zip = options.Required("--zip");
        var type = options.Single("--package-type") ?? "Unmanaged";
        var map = options.Map();
        var targets = type.ToLowerInvariant() switch
        {
            "unmanaged" => new[] { (PackageType.Unmanaged, zip) },
            "managed" => new[] { (PackageType.Managed, zip) },
            "both" => new[] { (PackageType.Unmanaged, zip), (PackageType.Managed, ManagedZipName(zip)) },
            _ => throw new UsageException($"--package-type is '{type}'; use Unmanaged, Managed or Both."),
        };
        var result = Success;
        foreach (var (packageType, file) in targets)
        {
            SolutionPacker.PackToFile(new PackOptions { LayoutFolder = folder, PackageType = packageType, FileMap = map }, file);
            output.WriteLine($"packed {packageType.ToString().ToLowerInvariant()} {Path.GetFullPath(file)}");
            if (options.Flags.Contains("--check"))
            {
                var report = SolutionChecker.Check(new CheckOptions { Input = file, SchemaFolder = options.Single("--schemas"), ExpectedPackageType = packageType });
                if (Print(report, file, output, errors) != Success) result = Failed;
            }
        }
        return result;
    }

    /// <summary>SolutionPackager's naming: CrmTeamSelling.zip and CrmTeamSelling_managed.zip.</summary>
    public static string ManagedZipName(string zip) =>
        Path.Combine(Path.GetDirectoryName(zip) ?? "", Path.GetFileNameWithoutExtension(zip) + "_managed" + Path.GetExtension(zip));

    private static int Unpack(CommandLine options, TextWriter output)
    {
        options.AllowOnly("--zip", "--folder", "--map", "--no-clean");
        var zip = options.Required("--zip");
        var folder = options.Required("--folder");
        if (Directory.Exists(folder) && Directory.EnumerateFileSystemEntries(folder).Any() && !File.Exists(Path.Combine(folder, SolutionLayout.SolutionFile)))
            throw new UsageException($"{folder} is not empty and holds no {SolutionLayout.SolutionFile}; unpack into an empty folder or over an existing layout.");
        SolutionUnpacker.Unpack(new UnpackOptions
        {
            ZipFile = zip,
            LayoutFolder = folder,
            MappedFiles = options.Map().Keys.ToList(),
            Clean = !options.Flags.Contains("--no-clean"),
        });
        output.WriteLine($"unpacked {Path.GetFullPath(zip)} into {Path.GetFullPath(folder)}");
        return Success;
    }

    private static int Check(CommandLine options, TextWriter output, TextWriter errors)
    {
        options.AllowOnly("--schemas", "--map", "--expect");
        var input = options.Positional.Count == 1
            ? options.Positional[0]
            : throw new UsageException("check takes one layout folder or solution zip.");
        var expect = options.Single("--expect");
        PackageType? expected = expect?.ToLowerInvariant() switch
        {
            null => null,
            "unmanaged" => PackageType.Unmanaged,
            "managed" => PackageType.Managed,
            _ => throw new UsageException($"--expect is '{expect}'; use Unmanaged or Managed."),
        };
        var report = SolutionChecker.Check(new CheckOptions { Input = input, SchemaFolder = options.Single("--schemas"), FileMap = options.Map(), ExpectedPackageType = expected });
        return Print(report, input, output, errors);
    }

    private static int Print(CheckReport report, string input, TextWriter output, TextWriter errors)
    {
        foreach (var note in report.Notes) output.WriteLine("note: " + note);
        foreach (var error in report.Errors) errors.WriteLine("error: " + error);
        if (report.Passed)
        {
            output.WriteLine($"check passed: {input}");
            return Success;
        }
        errors.WriteLine($"check failed: {input}: {report.Errors.Count} problem(s).");
        return Failed;
    }
}

/// <summary>A command line in the form: positional arguments, --name value options and --flag switches.</summary>
internal sealed class CommandLine
{
    private static readonly HashSet<string> FlagNames = new(StringComparer.Ordinal) { "--check", "--no-clean", "--help" };

    public List<string> Positional { get; } = new();
    public List<(string Name, string Value)> Options { get; } = new();
    public HashSet<string> Flags { get; } = new(StringComparer.Ordinal);

    public static CommandLine Parse(string[] args)
    {
        var line = new CommandLine();
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            if (FlagNames.Contains(arg) || arg is "-h") line.Flags.Add(arg == "-h" ? "--help" : arg);
            else if (arg.StartsWith("--", StringComparison.Ordinal))
            {
                if (i + 1 >= args.Length || args[i + 1].StartsWith("--", StringComparison.Ordinal))
                    throw new UsageException($"{arg} needs a value.");
                line.Options.Add((arg, args[++i]));
            }
            else line.Positional.Add(arg);
        }
        return line;
    }

    public void AllowOnly(params string[] names)
    {
        foreach (var (name, _) in Options)
            if (!names.Contains(name)) throw new UsageException($"unknown option {name}.");
        foreach (var flag in Flags)
            if (flag != "--help" && !names.Contains(flag)) throw new UsageException($"unknown option {flag}.");
    }

    public string? Single(string name)
    {
        var values = Options.Where(o => o.Name == name).Select(o => o.Value).ToList();
        return values.Count switch
        {
            0 => null,
            1 => values[0],
            _ => throw new UsageException($"{name} is given {values.Count} times; give it once."),
        };
    }

    public string Required(string name) => Single(name) ?? throw new UsageException($"{name} is required.");

    /// <summary>--map entries: layout path (relative, '/' separated) = file.</summary>
    public IReadOnlyDictionary<string, string> Map()
    {
        var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var value in Options.Where(o => o.Name == "--map").Select(o => o.Value))
        {
            var equals = value.IndexOf('=');
            if (equals <= 0 || equals == value.Length - 1)
                throw new UsageException($"--map '{value}' is not <layout path>=<file>.");
            var key = PackageParts.Normalize(value[..equals].Trim());
            if (!map.TryAdd(key, value[(equals + 1)..].Trim()))
                throw new UsageException($"--map maps {key} twice.");
        }
        return map;
    }
}

internal sealed class UsageException : Exception
{
    public UsageException(string message) : base(message) { }
}
