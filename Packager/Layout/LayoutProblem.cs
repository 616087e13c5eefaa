using System;
using System.Collections.Generic;
using System.Linq;
using System.Xml;
using System.Xml.Linq;

namespace CrmTeamSelling.Packager.Layout;

/// <summary>
/// One thing wrong with a solution, located as precisely as we can: the file (relative to the
/// layout root or package), the element path inside it, the line, and what to do about it.
/// </summary>
public sealed record LayoutProblem(string File, string? Element, int? Line, string Message)
{
    public static LayoutProblem At(string file, XObject? node, string message)
    {
        int? line = node is IXmlLineInfo info && info.HasLineInfo() ? info.LineNumber : null;
        return new LayoutProblem(file, node is null ? null : XmlPath.Of(node), line, message);
    }

    public override string ToString()
    {
        var where = File;
        if (Line is not null) where += $"({Line})";
        if (!string.IsNullOrEmpty(Element)) where += $" {Element}";
        return $"{where}: {Message}";
    }
}

/// <summary>Thrown by <see cref="SolutionLayoutReader.Read(string)"/> when the layout cannot be read as a solution.</summary>
public sealed class SolutionLayoutException : Exception
{
    public SolutionLayoutException(IReadOnlyList<LayoutProblem> problems)
        : base(Describe(problems))
    {
        Problems = problems;
    }

    public IReadOnlyList<LayoutProblem> Problems { get; }

    private static string Describe(IReadOnlyList<LayoutProblem> problems) =>
        $"The solution layout has {problems.Count} problem(s):" + Environment.NewLine +
        string.Join(Environment.NewLine, problems.Select(p => "  " + p));
}

/// <summary>Readable element paths for messages: /ImportExportXml/Entities/Entity[2]/Name.</summary>
public static class XmlPath
{
    public static string Of(XObject node)
    {
        var element = node as XElement ?? node.Parent;
        var attribute = node as XAttribute;
        var parts = new List<string>();
        for (var e = element; e is not null; e = e.Parent)
        {
            var name = e.Name.LocalName;
            var identity = (string?)e.Attribute("Name") ?? (string?)e.Attribute("name") ?? (string?)e.Attribute("id")
                ?? (string?)e.Attribute("schemaname") ?? (string?)e.Attribute("uniquename");
            if (identity is not null && e.Parent is not null)
                name += $"[@{IdentityAttributeName(e)}='{identity}']";
            else if (e.Parent is not null)
            {
                var siblings = e.Parent.Elements(e.Name).ToList();
                if (siblings.Count > 1) name += $"[{siblings.IndexOf(e) + 1}]";
            }
            parts.Add(name);
        }
        parts.Reverse();
        var path = "/" + string.Join("/", parts);
        return attribute is null ? path : path + "/@" + attribute.Name.LocalName;
    }

    private static string IdentityAttributeName(XElement e) =>
        e.Attribute("Name") is not null ? "Name"
        : e.Attribute("name") is not null ? "name"
        : e.Attribute("id") is not null ? "id"
        : e.Attribute("schemaname") is not null ? "schemaname"
        : "uniquename";
}
