using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace CrmTeamSelling.Packager.Checking;

/// <summary>What a plugin assembly file says about itself.</summary>
public sealed record PluginAssemblyContents(string Name, Version Version, string Culture, string? PublicKeyToken, IReadOnlyList<string> PluginTypes)
{
    public string FullName => $"{Name}, Version={Version}, Culture={Culture}, PublicKeyToken={PublicKeyToken ?? "null"}";
}

/// <summary>
/// Reads a plugin assembly's metadata without loading it (no Dataverse SDK needed, and a net462
/// assembly reads the same as a modern one): its identity and the types Dataverse can register,
/// i.e. public, non-abstract classes implementing Microsoft.Xrm.Sdk.IPlugin directly or through a
/// base class of the same assembly, and workflow activities deriving from System.Activities.CodeActivity.
/// </summary>
public static class PluginAssemblyInspector
{
    private const string PluginInterface = "Microsoft.Xrm.Sdk.IPlugin";
    private const string WorkflowActivityBase = "System.Activities.CodeActivity";

    public static PluginAssemblyContents Inspect(byte[] assembly, string label)
    {
        try
        {
            using var pe = new PEReader(new MemoryStream(assembly, writable: false));
            if (!pe.HasMetadata) throw new InvalidDataException("the file has no .NET metadata");
            var reader = pe.GetMetadataReader();
            var definition = reader.GetAssemblyDefinition();
            var name = definition.GetAssemblyName();
            var token = name.GetPublicKeyToken();
            return new PluginAssemblyContents(
                reader.GetString(definition.Name),
                definition.Version,
                definition.Culture.IsNil || reader.GetString(definition.Culture).Length == 0 ? "neutral" : reader.GetString(definition.Culture),
                token is { Length: > 0 } ? Convert.ToHexString(token).ToLowerInvariant() : null,
                FindRegistrableTypes(reader));
        }
        catch (Exception e) when (e is BadImageFormatException or InvalidDataException or InvalidOperationException)
        {
            throw new InvalidDataException($"{label}: not a readable .NET assembly ({e.Message}); build the plugin project again.", e);
        }
    }

    private static IReadOnlyList<string> FindRegistrableTypes(MetadataReader reader)
    {
        var types = reader.TypeDefinitions.ToDictionary(h => h, reader.GetTypeDefinition);
        var byName = types.ToDictionary(t => FullName(reader, t.Value), t => t.Value, StringComparer.Ordinal);
        var memo = new Dictionary<string, bool>(StringComparer.Ordinal);

        bool Registrable(TypeDefinition type, int depth)
        {
            var name = FullName(reader, type);
            if (memo.TryGetValue(name, out var known)) return known;
            if (depth > 64) return false;
            var result = type.GetInterfaceImplementations()
                             .Select(i => TypeName(reader, reader.GetInterfaceImplementation(i).Interface))
                             .Any(i => i == PluginInterface);
            if (!result && !type.BaseType.IsNil)
            {
                var baseName = TypeName(reader, type.BaseType);
                result = baseName == WorkflowActivityBase
                         || (baseName is not null && byName.TryGetValue(baseName, out var baseType) && Registrable(baseType, depth + 1));
            }
            memo[name] = result;
            return result;
        }

        return types.Values
            .Where(t => IsPublic(t) && (t.Attributes & TypeAttributes.Abstract) == 0 && (t.Attributes & TypeAttributes.Interface) == 0)
            .Where(t => Registrable(t, 0))
            .Select(t => FullName(reader, t))
            .OrderBy(n => n, StringComparer.Ordinal)
            .ToList();
    }

    private static bool IsPublic(TypeDefinition type)
    {
        var visibility = type.Attributes & TypeAttributes.VisibilityMask;
        return visibility == TypeAttributes.Public || visibility == TypeAttributes.NestedPublic;
    }

    private static string FullName(MetadataReader reader, TypeDefinition type)
    {
        var name = reader.GetString(type.Name);
        if (type.IsNested) return FullName(reader, reader.GetTypeDefinition(type.GetDeclaringType())) + "+" + name;
        var ns = reader.GetString(type.Namespace);
        return ns.Length == 0 ? name : ns + "." + name;
    }

    private static string? TypeName(MetadataReader reader, EntityHandle handle)
    {
        switch (handle.Kind)
        {
            case HandleKind.TypeDefinition:
                return FullName(reader, reader.GetTypeDefinition((TypeDefinitionHandle)handle));
            case HandleKind.TypeReference:
                var reference = reader.GetTypeReference((TypeReferenceHandle)handle);
                var ns = reader.GetString(reference.Namespace);
                var name = reader.GetString(reference.Name);
                return ns.Length == 0 ? name : ns + "." + name;
            case HandleKind.TypeSpecification:
                // A generic base such as PluginBase<TContext>: follow the generic type it instantiates.
                var blob = reader.GetBlobReader(reader.GetTypeSpecification((TypeSpecificationHandle)handle).Signature);
                if (blob.ReadSignatureTypeCode() != SignatureTypeCode.GenericTypeInstance) return null;
                blob.ReadSignatureTypeCode();
                return TypeName(reader, blob.ReadTypeHandle());
            default:
                return null;
        }
    }
}
