using System.Globalization;
using Microsoft.Xrm.Sdk;

namespace CrmTeamSelling.Plugins.Common
{
    /// <summary>A refusal a user can act on: one of the <see cref="UserMessages"/> formats, filled in invariantly.</summary>
    public static class Refusal
    {
        public static InvalidPluginExecutionException Because(string userMessageFormat, params object?[] args) =>
            new InvalidPluginExecutionException(string.Format(CultureInfo.InvariantCulture, userMessageFormat, args));
    }
}
