using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Xml;
using System.Xml.Linq;

namespace CrmTeamSelling.Packager.Layout;

/// <summary>
/// Loads the XML files of a layout with line numbers and reads their values, turning every
/// malformed file or missing element into a <see cref="LayoutProblem"/> that names the file.
/// </summary>
internal sealed class XmlSource
{
    private readonly SolutionLayout _layout;
    private readonly List<LayoutProblem> _problems;

    public XmlSource(SolutionLayout layout, List<LayoutProblem> problems)
    {
        _layout = layout;
        _problems = problems;
    }

    public void Report(string file, XObject? node, string message) => _problems.Add(LayoutProblem.At(file, node, message));

    /// <summary>The root element of a layout file, or null (with a problem reported) when the file is missing or malformed.</summary>
    public XElement? Load(string relativeFile, string expectedRoot)
    {
        var full = _layout.FullPath(relativeFile);
        if (!File.Exists(full))
        {
            _problems.Add(new LayoutProblem(relativeFile, null, null, $"the file is missing; a SolutionPackager layout needs {relativeFile} with a <{expectedRoot}> root."));
            return null;
        }
        XDocument document;
        try
        {
            document = LoadDocument(full);
        }
        catch (XmlException e)
        {
            _problems.Add(new LayoutProblem(relativeFile, null, e.LineNumber == 0 ? null : e.LineNumber, $"not well-formed XML: {e.Message} Fix the markup so the file parses."));
            return null;
        }
        var root = document.Root!;
        if (root.Name.LocalName != expectedRoot)
        {
            Report(relativeFile, root, $"the root element is <{root.Name.LocalName}> but this file must hold <{expectedRoot}>.");
            return null;
        }
        return root;
    }

    public static XDocument LoadDocument(string fullPath)
    {
        using var stream = File.OpenRead(fullPath);
        return LoadDocument(stream);
    }

    public static XDocument LoadDocument(Stream stream)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };
        using var reader = XmlReader.Create(stream, settings);
        return XDocument.Load(reader, LoadOptions.SetLineInfo | LoadOptions.PreserveWhitespace);
    }

    /// <summary>Text of a required child element; reports and returns null when absent or empty.</summary>
    public string? Required(string file, XElement parent, string childName)
    {
        var child = parent.Element(childName);
        var value = child?.Value.Trim();
        if (string.IsNullOrEmpty(value))
        {
            Report(file, parent, $"<{childName}> is missing or empty; add it to <{parent.Name.LocalName}>.");
            return null;
        }
        return value;
    }

    public string? RequiredAttribute(string file, XElement element, string attributeName)
    {
        var value = ((string?)element.Attribute(attributeName))?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            Report(file, element, $"the {attributeName} attribute is missing or empty; add {attributeName}=\"...\" to <{element.Name.LocalName}>.");
            return null;
        }
        return value;
    }

    public static string? Optional(XElement? parent, string childName)
    {
        var value = parent?.Element(childName)?.Value.Trim();
        return string.IsNullOrEmpty(value) ? null : value;
    }

    public int Int(string file, XElement parent, string childName, int fallback)
    {
        var child = parent.Element(childName);
        if (child is null || string.IsNullOrWhiteSpace(child.Value)) return fallback;
        if (int.TryParse(child.Value.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)) return value;
        Report(file, child, $"'{child.Value.Trim()}' is not a whole number; <{childName}> must hold one.");
        return fallback;
    }

    public int IntAttribute(string file, XElement element, string attributeName, int fallback)
    {
        var attribute = element.Attribute(attributeName);
        if (attribute is null || string.IsNullOrWhiteSpace(attribute.Value)) return fallback;
        if (int.TryParse(attribute.Value.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)) return value;
        Report(file, attribute, $"'{attribute.Value}' is not a whole number; {attributeName} must hold one.");
        return fallback;
    }

    public decimal? Decimal(string file, XElement parent, string childName)
    {
        var child = parent.Element(childName);
        if (child is null || string.IsNullOrWhiteSpace(child.Value)) return null;
        if (decimal.TryParse(child.Value.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value)) return value;
        Report(file, child, $"'{child.Value.Trim()}' is not a number; <{childName}> must hold one.");
        return null;
    }

    /// <summary>1/0 and true/false flags as exports write them.</summary>
    public bool Flag(string file, XElement parent, string childName, bool fallback = false)
    {
        var child = parent.Element(childName);
        if (child is null || string.IsNullOrWhiteSpace(child.Value)) return fallback;
        switch (child.Value.Trim().ToLowerInvariant())
        {
            case "1": case "true": return true;
            case "0": case "false": return false;
            default:
                Report(file, child, $"'{child.Value.Trim()}' is not a flag; <{childName}> must be 1 or 0.");
                return fallback;
        }
    }

    public Guid? Guid(string file, XObject node, string? text, string what)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (System.Guid.TryParse(text.Trim(), out var id)) return id;
        Report(file, node, $"'{text.Trim()}' is not a GUID; {what} must be one such as {{00000000-0000-0000-0000-000000000000}}.");
        return null;
    }

    /// <summary>The first label description (1033 preferred) of a labels-style container.</summary>
    public static string? Label(XElement? container, string itemName)
    {
        if (container is null) return null;
        var items = container.Elements(itemName).ToList();
        var preferred = items.FirstOrDefault(i => (string?)i.Attribute("languagecode") == "1033") ?? items.FirstOrDefault();
        var text = (string?)preferred?.Attribute("description");
        return string.IsNullOrEmpty(text) ? null : text;
    }

    /// <summary>Comma separated lists such as FilteringAttributes, lower-cased and trimmed.</summary>
    public static IReadOnlyList<string> NameList(string? text) =>
        string.IsNullOrWhiteSpace(text)
            ? Array.Empty<string>()
            : text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(n => n.ToLowerInvariant()).ToList();
}
