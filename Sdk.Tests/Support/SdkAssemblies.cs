using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;

namespace CrmTeamSelling.Sdk.Tests.Support;

/// <summary>Where the built SDK assemblies are, and how to read the net462 ones without loading them.</summary>
internal static class SdkAssemblies
{
    public static readonly string[] Names = { "Microsoft.Xrm.Sdk", "Microsoft.Crm.Sdk.Proxy" };

    /// <summary>The net462 builds, copied beside the tests by Sdk.Tests.csproj.</summary>
    public static string Net462Path(string assemblyName)
    {
        string path = Path.Combine(AppContext.BaseDirectory, "net462-sdk", assemblyName + ".dll");
        if (!File.Exists(path))
        {
            throw new FileNotFoundException(
                "The net462 build of " + assemblyName + " is not beside the tests; build Sdk.Tests (its csproj copies it to net462-sdk/).",
                path);
        }

        return path;
    }

    /// <summary>A context that reads the net462 SDK assemblies against the .NET Framework 4.6.2 reference assemblies.</summary>
    public static MetadataLoadContext CreateNet462Context()
    {
        string referenceDirectory = typeof(SdkAssemblies).Assembly
            .GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(attribute => attribute.Key == "Net462ReferenceAssemblies")
            .Value!;
        if (!Directory.Exists(referenceDirectory))
        {
            throw new DirectoryNotFoundException(
                "The .NET Framework 4.6.2 reference assemblies are not at " + referenceDirectory + "; restore Sdk.Tests.");
        }

        IEnumerable<string> paths = Directory.GetFiles(referenceDirectory, "*.dll")
            .Concat(Directory.GetFiles(Path.Combine(referenceDirectory, "Facades"), "*.dll"))
            .Concat(Names.Select(Net462Path));
        return new MetadataLoadContext(new PathAssemblyResolver(paths), "mscorlib");
    }
}
