using System.Text.Json;
using CrmTeamSelling.Plugins.Opportunity;

namespace CrmTeamSelling.Plugins.Tests.Coverage;

/// <summary>Hand-written JSON strings: what JSON requires escaped, and what must never reach a page unescaped.</summary>
[TestClass]
public sealed class JsonTextTests
{
    [TestMethod]
    [DataRow("plain", "\"plain\"")]
    [DataRow("say \"hi\"", "\"say \\\"hi\\\"\"")]
    [DataRow("C:\\deals", "\"C:\\\\deals\"")]
    [DataRow("line\nbreak\r\ttab\b\f", "\"line\\nbreak\\r\\ttab\\b\\f\"")]
    [DataRow("\u0000\u001f\u007f", "\"\\u0000\\u001f\\u007f\"")]
    [DataRow("<script>&'", "\"\\u003cscript\\u003e\\u0026\\u0027\"")]
    [DataRow("\u2028\u2029", "\"\\u2028\\u2029\"")]
    [DataRow("Zoë ↔ 北京 😀", "\"Zoë ↔ 北京 😀\"")]
    public void QuoteEscapesWhatItMust(string text, string expected)
    {
        Assert.AreEqual(expected, JsonText.Quote(text));
        Assert.AreEqual(text, JsonSerializer.Deserialize<string>(JsonText.Quote(text)), "any JSON parser reads the same text back");
    }

    [TestMethod]
    public void ALoneSurrogateBecomesTheReplacementCharacter()
    {
        Assert.AreEqual("\"a\\ufffdb\"", JsonText.Quote("a\ud800b"));
        Assert.AreEqual("a\ufffdb", JsonSerializer.Deserialize<string>(JsonText.Quote("a\ud800b")));
    }

    [TestMethod]
    public void NullIsTheJsonNull()
    {
        Assert.AreEqual("null", JsonText.Quote(null));
    }
}
