using System.IO;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace CrmTeamSelling.Packager.Packing;

/// <summary>
/// How the packer and unpacker read and write XML, in one place so that a file written by one
/// reads back identically in the other: UTF-8 with a byte order mark and two-space indentation as
/// SolutionPackager and Dataverse exports write them, with LF line ends.
/// </summary>
internal static class XmlFormat
{
    public static readonly XNamespace Xsi = "http://www.w3.org/2001/XMLSchema-instance";

    /// <summary>Loads without the insignificant whitespace, so that merged fragments re-indent cleanly.</summary>
    public static XDocument Load(Stream stream)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreWhitespace = true };
        using var reader = XmlReader.Create(stream, settings);
        return XDocument.Load(reader, LoadOptions.SetLineInfo);
    }

    public static XDocument Load(string file)
    {
        using var stream = File.OpenRead(file);
        return Load(stream);
    }

    public static XDocument Load(byte[] content)
    {
        using var stream = new MemoryStream(content, writable: false);
        return Load(stream);
    }

    public static byte[] Write(XElement root, bool withDeclaration = true)
    {
        var settings = new XmlWriterSettings
        {
            Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: withDeclaration),
            Indent = true,
            IndentChars = "  ",
            // LF, as the files in this repository are; git turns them into what a Windows checkout wants.
            NewLineChars = "\n",
            NewLineHandling = NewLineHandling.Replace,
            OmitXmlDeclaration = !withDeclaration,
        };
        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, settings))
        {
            root.WriteTo(writer);
        }
        return stream.ToArray();
    }

    /// <summary>A root element for a layout file, carrying the xsi namespace declaration exports put on every root.</summary>
    public static XElement Root(XName name, params object[] content)
    {
        var root = new XElement(name, content);
        if (root.Attribute(XNamespace.Xmlns + "xsi") is null)
            root.Add(new XAttribute(XNamespace.Xmlns + "xsi", Xsi.NamespaceName));
        return root;
    }
}
