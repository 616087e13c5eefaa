using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;

namespace CrmTeamSelling.Sdk.Tests.Support;

/// <summary>
/// Describes the part of an assembly that other code can bind to (public types, and their public
/// and protected members) as sorted lines of text, one declaration per line. Works on loaded
/// assemblies and on MetadataLoadContext ones alike, so both target frameworks compare equal.
/// </summary>
internal static class PublicSurface
{
    private const BindingFlags DeclaredMembers =
        BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    public static IReadOnlyList<string> Describe(Assembly assembly)
    {
        var lines = new List<string>();
        foreach (Type type in assembly.GetExportedTypes())
        {
            string typeName = Name(type);
            lines.Add(typeName + " " + TypeDeclaration(type));
            foreach (MemberInfo member in type.GetMembers(DeclaredMembers))
            {
                string? declaration = MemberDeclaration(member);
                if (declaration != null)
                {
                    lines.Add(typeName + " :: " + declaration);
                }
            }
        }

        lines.Sort(StringComparer.Ordinal);
        return lines;
    }

    private static string TypeDeclaration(Type type)
    {
        string kind;
        if (type.IsInterface)
        {
            kind = "interface";
        }
        else if (type.IsEnum)
        {
            kind = "enum";
        }
        else if (type.IsValueType)
        {
            kind = "struct";
        }
        else if (type.BaseType != null && type.BaseType.FullName == "System.MulticastDelegate")
        {
            kind = "delegate";
        }
        else
        {
            kind = (type.IsAbstract && type.IsSealed ? "static " : type.IsAbstract ? "abstract " : type.IsSealed ? "sealed " : string.Empty) + "class";
        }

        var bases = new List<string>();
        if (!type.IsInterface && !type.IsEnum && !type.IsValueType && type.BaseType != null)
        {
            bases.Add(Name(type.BaseType));
        }

        // Only the interfaces the type itself declares, not those its base or other interfaces bring.
        IEnumerable<Type> inherited = (type.BaseType?.GetInterfaces() ?? Type.EmptyTypes)
            .Concat(type.GetInterfaces().SelectMany(i => i.GetInterfaces()));
        bases.AddRange(type.GetInterfaces().Except(inherited).Select(Name).OrderBy(n => n, StringComparer.Ordinal));

        bool isFlags = type.IsEnum && type.GetCustomAttributesData().Any(a => a.AttributeType.FullName == "System.FlagsAttribute");
        return (isFlags ? "[Flags] " : string.Empty) + kind + (bases.Count > 0 ? " : " + string.Join(", ", bases) : string.Empty);
    }

    private static string? MemberDeclaration(MemberInfo member)
    {
        switch (member)
        {
            case ConstructorInfo constructor when IsVisible(constructor):
                return Visibility(constructor) + (constructor.IsStatic ? "static " : string.Empty) + ".ctor(" + Parameters(constructor) + ")";
            case MethodInfo method when IsVisible(method) && !method.IsSpecialName:
                return Visibility(method) + Modifiers(method) + Name(method.ReturnType) + " " + method.Name + GenericArguments(method) + "(" + Parameters(method) + ")";
            case MethodInfo method when IsVisible(method) && method.Name.StartsWith("op_", StringComparison.Ordinal):
                return Visibility(method) + "operator " + Name(method.ReturnType) + " " + method.Name + "(" + Parameters(method) + ")";
            case PropertyInfo property:
                return PropertyDeclaration(property);
            case FieldInfo field when field.IsSpecialName:
                return null; // an enum's value__ storage field
            case FieldInfo field when field.DeclaringType!.IsEnum && field.IsLiteral:
                return "value " + field.Name + " = " + Convert.ToInt64(field.GetRawConstantValue());
            case FieldInfo field when IsVisible(field):
                return Visibility(field) + (field.IsStatic ? "static " : string.Empty) + (field.IsInitOnly ? "readonly " : string.Empty) + "field " + Name(field.FieldType) + " " + field.Name;
            case EventInfo @event when @event.AddMethod != null && IsVisible(@event.AddMethod):
                return Visibility(@event.AddMethod) + "event " + Name(@event.EventHandlerType!) + " " + @event.Name;
            default:
                return null;
        }
    }

    private static string? PropertyDeclaration(PropertyInfo property)
    {
        MethodInfo? getter = property.GetMethod != null && IsVisible(property.GetMethod) ? property.GetMethod : null;
        MethodInfo? setter = property.SetMethod != null && IsVisible(property.SetMethod) ? property.SetMethod : null;
        MethodInfo? accessor = getter ?? setter;
        if (accessor == null)
        {
            return null;
        }

        ParameterInfo[] index = property.GetIndexParameters();
        string name = index.Length == 0
            ? property.Name
            : "this[" + string.Join(", ", index.Select(p => Name(p.ParameterType))) + "]";
        string accessors = (getter != null ? Visibility(getter) + "get; " : string.Empty) + (setter != null ? Visibility(setter) + "set; " : string.Empty);
        return Modifiers(accessor) + "property " + Name(property.PropertyType) + " " + name + " { " + accessors + "}";
    }

    private static bool IsVisible(MethodBase method) => method.IsPublic || method.IsFamily || method.IsFamilyOrAssembly;

    private static bool IsVisible(FieldInfo field) => field.IsPublic || field.IsFamily || field.IsFamilyOrAssembly;

    private static string Visibility(MethodBase method) => method.IsPublic ? "public " : "protected ";

    private static string Visibility(FieldInfo field) => field.IsPublic ? "public " : "protected ";

    private static string Modifiers(MethodInfo method)
    {
        if (method.IsStatic)
        {
            return "static ";
        }

        if (method.DeclaringType!.IsInterface)
        {
            return string.Empty;
        }

        if (method.IsAbstract)
        {
            return "abstract ";
        }

        if (method.IsVirtual && !method.IsFinal)
        {
            // A virtual method without NewSlot reuses its base's slot: it overrides.
            bool isOverride = (method.Attributes & MethodAttributes.NewSlot) == 0;
            return isOverride ? "override " : "virtual ";
        }

        return string.Empty;
    }

    private static string GenericArguments(MethodInfo method)
    {
        if (!method.IsGenericMethodDefinition)
        {
            return string.Empty;
        }

        return "<" + string.Join(", ", method.GetGenericArguments().Select(GenericParameter)) + ">";
    }

    private static string GenericParameter(Type parameter)
    {
        Type[] constraints = parameter.GetGenericParameterConstraints();
        return constraints.Length == 0
            ? parameter.Name
            : parameter.Name + " : " + string.Join(" & ", constraints.Select(Name));
    }

    private static string Parameters(MethodBase method)
    {
        return string.Join(", ", method.GetParameters().Select(parameter =>
        {
            bool isParams = parameter.GetCustomAttributesData().Any(a => a.AttributeType.FullName == "System.ParamArrayAttribute");
            string prefix = isParams ? "params " : parameter.IsOut ? "out " : parameter.ParameterType.IsByRef ? "ref " : string.Empty;
            return prefix + Name(parameter.ParameterType) + " " + parameter.Name;
        }));
    }

    /// <summary>A type as C# writes it, with its namespace: System.Collections.Generic.IEnumerable&lt;T&gt;, System.Guid?, System.Object[].</summary>
    public static string Name(Type type)
    {
        if (type.IsByRef)
        {
            return Name(type.GetElementType()!);
        }

        if (type.IsArray)
        {
            return Name(type.GetElementType()!) + "[" + new string(',', type.GetArrayRank() - 1) + "]";
        }

        if (type.IsGenericParameter)
        {
            return type.Name;
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition().FullName == "System.Nullable`1")
        {
            return Name(type.GetGenericArguments()[0]) + "?";
        }

        string name = type.IsNested ? Name(type.DeclaringType!) + "." + type.Name : type.Namespace + "." + type.Name;
        if (!type.IsGenericType)
        {
            return name;
        }

        int tick = name.IndexOf('`');
        string bare = tick < 0 ? name : name.Substring(0, tick);
        return bare + "<" + string.Join(", ", type.GetGenericArguments().Select(Name)) + ">";
    }
}
