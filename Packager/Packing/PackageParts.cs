using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text;
using System.Xml.Linq;

namespace CrmTeamSelling.Packager.Packing;

/// <summary>
/// The parts of a packed solution (the zip Dataverse imports), by their path inside the zip.
/// Writing is deterministic: a fixed entry order and timestamp, so the same input gives a
/// byte-identical zip.
/// </summary>
public sealed class PackageParts
{
    public const string SolutionPart = "solution.xml";
    public const string CustomizationsPart = "customizations.xml";
    public const string ContentTypesPart = "[Content_Types].xml";

    /// <summary>The earliest time a zip entry can carry; every entry gets it so that packing is repeatable.</summary>
    public static readonly DateTimeOffset FixedTimestamp = new(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly SortedDictionary<string, byte[]> _parts = new(StringComparer.Ordinal);

    public IReadOnlyCollection<string> Names => _parts.Keys;

    public bool Contains(string name) => _parts.ContainsKey(name);

    public byte[] this[string name] => _parts[name];

    public void Add(string name, byte[] content)
    {
        name = Normalize(name);
        if (_parts.ContainsKey(name))
            throw new PackagingException($"Two components want to write the package part {name}; every part must come from one file.");
        _parts[name] = content;
    }

    public static string Normalize(string name) => name.Replace('\\', '/').TrimStart('/');

    /// <summary>
    /// [Content_Types].xml as Dataverse writes it: xml files by default, every extension-less part
    /// (web resources) by override; other extensions (the plugin .dll) by their own default.
    /// </summary>
    public byte[] BuildContentTypes()
    {
        XNamespace ns = "http://schemas.openxmlformats.org/package/2006/content-types";
        const string contentType = "application/octet-stream";
        var extensions = _parts.Keys.Where(n => n != ContentTypesPart)
            .Select(n => Path.GetExtension(n).TrimStart('.').ToLowerInvariant())
            .Where(e => e.Length > 0 && e != "xml")
            .Distinct()
            .OrderBy(e => e, StringComparer.Ordinal);
        var root = new XElement(ns + "Types",
            new XElement(ns + "Default", new XAttribute("Extension", "xml"), new XAttribute("ContentType", contentType)),
            extensions.Select(e => new XElement(ns + "Default", new XAttribute("Extension", e), new XAttribute("ContentType", contentType))),
            _parts.Keys.Where(n => Path.GetExtension(n).Length == 0)
                .Select(n => new XElement(ns + "Override", new XAttribute("PartName", "/" + n), new XAttribute("ContentType", contentType))));
        var text = "<?xml version=\"1.0\" encoding=\"utf-8\"?>" + root.ToString(SaveOptions.DisableFormatting);
        return Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(text)).ToArray();
    }

    /// <summary>Writes the zip: customizations.xml and solution.xml first, the other parts in ordinal order, [Content_Types].xml last.</summary>
    public void WriteZip(Stream output)
    {
        using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        void Write(string name, byte[] content)
        {
            var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
            entry.LastWriteTime = FixedTimestamp;
            using var stream = entry.Open();
            stream.Write(content, 0, content.Length);
        }
        foreach (var first in new[] { CustomizationsPart, SolutionPart })
            if (_parts.TryGetValue(first, out var content)) Write(first, content);
        foreach (var (name, content) in _parts)
            if (name is not (CustomizationsPart or SolutionPart or ContentTypesPart)) Write(name, content);
        Write(ContentTypesPart, BuildContentTypes());
    }

    public void WriteZip(string file)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(file))!);
        using var stream = new MemoryStream();
        WriteZip(stream);
        File.WriteAllBytes(file, stream.ToArray());
    }

    /// <summary>Reads every part of a zip; a damaged zip becomes a <see cref="PackagingException"/> naming the file.</summary>
    public static PackageParts ReadZip(string file)
    {
        if (!File.Exists(file)) throw new PackagingException($"{file}: the solution zip does not exist.");
        try
        {
            using var stream = File.OpenRead(file);
            using var zip = new ZipArchive(stream, ZipArchiveMode.Read);
            var parts = new PackageParts();
            foreach (var entry in zip.Entries)
            {
                if (entry.FullName.EndsWith('/')) continue;
                using var entryStream = entry.Open();
                using var buffer = new MemoryStream();
                entryStream.CopyTo(buffer);
                parts._parts[Normalize(entry.FullName)] = buffer.ToArray();
            }
            return parts;
        }
        catch (InvalidDataException e)
        {
            throw new PackagingException($"{file}: not a readable zip ({e.Message}). The file is truncated or damaged; export or pack it again.");
        }
    }
}

/// <summary>A pack or unpack that cannot go on; the message names the file and what to do.</summary>
public sealed class PackagingException : Exception
{
    public PackagingException(string message) : base(message) { }
}
