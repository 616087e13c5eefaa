using System.Globalization;
using System.Text;

namespace CrmTeamSelling.Plugins.Opportunity
{
    /// <summary>
    /// JSON string literals written by hand (the plugin runs on .NET Framework 4.6.2 without
    /// System.Text.Json). Escapes what JSON requires (quote, backslash, control characters) and, so the
    /// text stays inert wherever a web resource puts it, the markup characters &lt; &gt; &amp; and the
    /// apostrophe, and the line separators U+2028/U+2029 that old JavaScript parsers choke on. A lone
    /// surrogate (not valid Unicode) becomes U+FFFD.
    /// </summary>
    public static class JsonText
    {
        public static string Quote(string? value)
        {
            if (value == null)
            {
                return "null";
            }

            var json = new StringBuilder(value.Length + 2);
            json.Append('"');
            for (var i = 0; i < value.Length; i++)
            {
                var c = value[i];
                switch (c)
                {
                    case '"': json.Append("\\\""); break;
                    case '\\': json.Append("\\\\"); break;
                    case '\b': json.Append("\\b"); break;
                    case '\f': json.Append("\\f"); break;
                    case '\n': json.Append("\\n"); break;
                    case '\r': json.Append("\\r"); break;
                    case '\t': json.Append("\\t"); break;
                    case '<':
                    case '>':
                    case '&':
                    case '\'':
                    case '\u2028':
                    case '\u2029':
                        AppendEscaped(json, c);
                        break;
                    default:
                        if (c < ' ' || c == '\u007f')
                        {
                            AppendEscaped(json, c);
                        }
                        else if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
                        {
                            json.Append(c).Append(value[++i]);
                        }
                        else if (char.IsSurrogate(c))
                        {
                            AppendEscaped(json, '\uFFFD');
                        }
                        else
                        {
                            json.Append(c);
                        }

                        break;
                }
            }

            return json.Append('"').ToString();
        }

        private static void AppendEscaped(StringBuilder json, char c) =>
            json.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
    }
}
