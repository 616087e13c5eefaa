using Microsoft.Xrm.Sdk;

namespace CrmTeamSelling.Sdk.Internal
{
    /// <summary>
    /// How typed requests and responses read their parameters: a missing or null parameter reads
    /// as default(T), as the official message classes do. Compiled into both SDK assemblies as
    /// internal code, so it adds nothing to their public surface.
    /// </summary>
    internal static class ParameterValues
    {
        public static T Get<T>(ParameterCollection parameters, string name)
        {
            return parameters.TryGetValue(name, out object value) && value != null ? (T)value : default(T);
        }
    }
}
