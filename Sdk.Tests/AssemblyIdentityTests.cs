using System;
using System.Globalization;
using System.Reflection;
using CrmTeamSelling.Sdk.Tests.Support;

namespace CrmTeamSelling.Sdk.Tests;

/// <summary>
/// A plug-in built against our SDK binds to the real one inside Dataverse only if the reference it
/// records is exactly Microsoft's: same name, version 9.0.0.0, neutral culture, token 31bf3856ad364e35.
/// </summary>
[TestClass]
public sealed class AssemblyIdentityTests
{
    [TestMethod]
    [DataRow("Microsoft.Xrm.Sdk")]
    [DataRow("Microsoft.Crm.Sdk.Proxy")]
    public void Net462AssemblyCarriesTheOfficialIdentity(string assemblyName)
    {
        AssemblyName identity = AssemblyName.GetAssemblyName(SdkAssemblies.Net462Path(assemblyName));

        Assert.AreEqual(assemblyName, identity.Name);
        Assert.AreEqual(new Version(9, 0, 0, 0), identity.Version);
        Assert.AreEqual(string.Empty, identity.CultureName, "culture must be neutral");
        Assert.AreEqual("31bf3856ad364e35", Convert.ToHexString(identity.GetPublicKeyToken()!).ToLower(CultureInfo.InvariantCulture));
        Assert.AreEqual(
            assemblyName + ", Version=9.0.0.0, Culture=neutral, PublicKeyToken=31bf3856ad364e35",
            identity.FullName);
    }

    [TestMethod]
    [DataRow("Microsoft.Xrm.Sdk")]
    [DataRow("Microsoft.Crm.Sdk.Proxy")]
    public void Net462AssemblyTargetsNetFramework462(string assemblyName)
    {
        using MetadataLoadContext context = SdkAssemblies.CreateNet462Context();
        Assembly assembly = context.LoadFromAssemblyPath(SdkAssemblies.Net462Path(assemblyName));

        string? framework = null;
        foreach (CustomAttributeData attribute in assembly.GetCustomAttributesData())
        {
            if (attribute.AttributeType.FullName == "System.Runtime.Versioning.TargetFrameworkAttribute")
            {
                framework = (string?)attribute.ConstructorArguments[0].Value;
            }
        }

        Assert.AreEqual(".NETFramework,Version=v4.6.2", framework);
    }

    [TestMethod]
    public void ProxyReferencesTheOfficialXrmSdkIdentity()
    {
        using MetadataLoadContext context = SdkAssemblies.CreateNet462Context();
        Assembly proxy = context.LoadFromAssemblyPath(SdkAssemblies.Net462Path("Microsoft.Crm.Sdk.Proxy"));

        AssemblyName xrmSdk = Array.Find(proxy.GetReferencedAssemblies(), reference => reference.Name == "Microsoft.Xrm.Sdk")!;

        Assert.IsNotNull(xrmSdk, "Microsoft.Crm.Sdk.Proxy must reference Microsoft.Xrm.Sdk");
        Assert.AreEqual("Microsoft.Xrm.Sdk, Version=9.0.0.0, Culture=neutral, PublicKeyToken=31bf3856ad364e35", xrmSdk.FullName);
    }

    [TestMethod]
    [DataRow("Microsoft.Xrm.Sdk")]
    [DataRow("Microsoft.Crm.Sdk.Proxy")]
    public void ModernAssemblyCarriesTheSameIdentity(string assemblyName)
    {
        Assembly loaded = Assembly.Load(assemblyName);

        Assert.AreEqual(
            assemblyName + ", Version=9.0.0.0, Culture=neutral, PublicKeyToken=31bf3856ad364e35",
            loaded.GetName().FullName);
    }
}
