using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Xml.Linq;
using CrmTeamSelling.Plugins.Tests.TestSupport;

namespace CrmTeamSelling.Plugins.Tests.Foundation;

/// <summary>
/// The net462 plugin assembly, the file Dataverse loads: strong-named with our key, bound to the
/// official SDK identity, depending on nothing else, and named as the solution registers it.
/// </summary>
[TestClass]
public sealed class PluginAssemblyIdentityTests
{
    private const string MicrosoftToken = "31bf3856ad364e35";

    private static readonly string AssemblyPath = Path.Combine(AppContext.BaseDirectory, "net462-plugins", "CrmTeamSelling.Plugins.dll");

    [TestMethod]
    public void IsStrongNamedWithOurKeyAndTargetsNetFramework462()
    {
        var name = AssemblyName.GetAssemblyName(AssemblyPath);

        Assert.AreEqual("CrmTeamSelling.Plugins", name.Name);
        Assert.AreEqual(new Version(1, 0, 0, 0), name.Version);
        var token = Hex(name.GetPublicKeyToken());
        Assert.AreEqual(8, token.Length / 2, "the assembly must carry a public key token (strong name)");
        Assert.AreNotEqual(MicrosoftToken, token, "the plugin is signed with our key, not Microsoft's");

        using var pe = new PEReader(File.OpenRead(AssemblyPath));
        Assert.IsTrue((pe.PEHeaders.CorHeader!.Flags & CorFlags.StrongNameSigned) != 0, "the assembly must be fully signed, not only public-signed: Dataverse checks the signature");
        var reader = pe.GetMetadataReader();
        var targetFramework = reader.GetAssemblyDefinition().GetCustomAttributes()
            .Select(reader.GetCustomAttribute)
            .Select(attribute => DecodeStringArgument(reader, attribute))
            .FirstOrDefault(value => value != null && value.StartsWith(".NETFramework", StringComparison.Ordinal));
        Assert.AreEqual(".NETFramework,Version=v4.6.2", targetFramework);
    }

    [TestMethod]
    public void ReferencesTheOfficialSdkIdentityAndNoThirdPartyAssembly()
    {
        using var pe = new PEReader(File.OpenRead(AssemblyPath));
        var reader = pe.GetMetadataReader();
        var references = reader.AssemblyReferences.Select(handle => reader.GetAssemblyReference(handle).GetAssemblyName()).ToList();

        var sdk = references.SingleOrDefault(reference => reference.Name == "Microsoft.Xrm.Sdk");
        Assert.IsNotNull(sdk, "the plugin assembly must reference Microsoft.Xrm.Sdk");
        Assert.AreEqual("Microsoft.Xrm.Sdk, Version=9.0.0.0, Culture=neutral, PublicKeyToken=" + MicrosoftToken, sdk.FullName);

        var allowed = new[] { "mscorlib", "System", "System.Core", "System.Runtime.Serialization", "System.ServiceModel", "Microsoft.Xrm.Sdk", "Microsoft.Crm.Sdk.Proxy" };
        var others = references.Select(reference => reference.Name).Where(referenceName => !allowed.Contains(referenceName)).ToList();
        Assert.AreEqual(0, others.Count, "the Dataverse sandbox loads no dependency beyond the SDK and the framework; found: " + string.Join(", ", others));
        foreach (var proxy in references.Where(reference => reference.Name == "Microsoft.Crm.Sdk.Proxy"))
        {
            Assert.AreEqual("Microsoft.Crm.Sdk.Proxy, Version=9.0.0.0, Culture=neutral, PublicKeyToken=" + MicrosoftToken, proxy.FullName);
        }
    }

    [TestMethod]
    public void IsTheAssemblyTheSolutionRegisters()
    {
        var dataXml = Directory.GetFiles(Path.Combine(RepositoryPaths.SolutionSource, "PluginAssemblies"), "*.dll.data.xml", SearchOption.AllDirectories).Single();
        var registered = XDocument.Load(dataXml).Root!.Attribute("FullName")!.Value;

        Assert.AreEqual(AssemblyName.GetAssemblyName(AssemblyPath).FullName, registered,
            "Solution/src registers the plugin assembly by its full name; change both together when the version or key changes");
    }

    private static string Hex(byte[]? bytes) => bytes == null ? "" : Convert.ToHexString(bytes).ToLowerInvariant();

    private static string? DecodeStringArgument(MetadataReader reader, CustomAttribute attribute)
    {
        var blob = reader.GetBlobReader(attribute.Value);
        if (blob.Length < 4 || blob.ReadUInt16() != 1)
        {
            return null;
        }

        try
        {
            return blob.ReadSerializedString();
        }
        catch (BadImageFormatException)
        {
            return null;
        }
    }
}
