using System;
using System.IO;
using System.Reflection;
using System.Reflection.Emit;

namespace CrmTeamSelling.Packager.Tests;

/// <summary>
/// Writes small plugin assemblies for the tests with System.Reflection.Emit, so no binary is
/// committed. The checker reads metadata only, so an IPlugin interface of the right full name
/// declared in the same assembly stands in for Microsoft.Xrm.Sdk.IPlugin.
/// </summary>
internal static class TestAssemblies
{
    /// <summary>An assembly whose listed types implement IPlugin through an abstract base, as PluginBase does.</summary>
    public static byte[] PluginAssembly(string name, params string[] pluginTypes)
    {
        var assembly = new PersistedAssemblyBuilder(new AssemblyName(name) { Version = new Version(1, 0, 0, 0) }, typeof(object).Assembly);
        var module = assembly.DefineDynamicModule(name);
        var plugin = module.DefineType("Microsoft.Xrm.Sdk.IPlugin", TypeAttributes.Public | TypeAttributes.Interface | TypeAttributes.Abstract);
        plugin.CreateType();
        var pluginBase = module.DefineType(name + ".PluginBase", TypeAttributes.Public | TypeAttributes.Abstract | TypeAttributes.Class, typeof(object));
        pluginBase.AddInterfaceImplementation(plugin);
        pluginBase.CreateType();
        foreach (var type in pluginTypes)
            module.DefineType(type, TypeAttributes.Public | TypeAttributes.Class | TypeAttributes.Sealed, pluginBase).CreateType();
        // A helper class that is not a plugin, which must not be reported.
        module.DefineType(name + ".Helpers.TextFormat", TypeAttributes.Public | TypeAttributes.Class | TypeAttributes.Abstract | TypeAttributes.Sealed, typeof(object)).CreateType();
        using var stream = new MemoryStream();
        assembly.Save(stream);
        return stream.ToArray();
    }

    /// <summary>
    /// The plugin assembly the sample layout registers: both its plugin types, nothing more. Built
    /// once, because every emit gives the module a new id and packing must see the same bytes.
    /// </summary>
    public static byte[] SamplePlugins() => SamplePluginsBytes.Value;

    private static readonly Lazy<byte[]> SamplePluginsBytes = new(() =>
        PluginAssembly("SamplePlugins", "SamplePlugins.Visits.StampVisitName", "SamplePlugins.Visits.ScheduleVisit"));

    public const string SampleAssemblyLayoutPath = "PluginAssemblies/SamplePlugins-3F2B1C4D-5E6F-4A7B-8C9D-0E1F2A3B4C5D/SamplePlugins.dll";

    /// <summary>Writes bytes to a file in the folder and returns its path.</summary>
    public static string WriteTo(string folder, string fileName, byte[] content)
    {
        var path = Path.Combine(folder, fileName);
        File.WriteAllBytes(path, content);
        return path;
    }
}
