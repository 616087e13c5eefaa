using System;
using System.Globalization;
using System.Linq;
using System.Reflection;
using CrmTeamSelling.Packager.Model;
using CrmTeamSelling.Plugins.Model;
using CrmTeamSelling.Solution.Tests.Support;

namespace CrmTeamSelling.Solution.Tests.Metadata;

/// <summary>The settings (environment variables) and the custom API definitions the plugins implement.</summary>
[TestClass]
public sealed class SettingsAndApiTests
{
    private const int StringType = 100000000;
    private const int NumberType = 100000001;

    // Custom API parameter types.
    private const int IntegerType = 7;
    private const int TextType = 10;

    [TestMethod]
    public void The_three_settings_ship_with_the_defaults_the_plugins_assume()
    {
        var expected = new[]
        {
            (EnvironmentVariables.LevelParityMode, StringType, LevelParityModes.Default, Allowed: Strings(typeof(LevelParityModes))),
            (EnvironmentVariables.StaleRelationshipDays, NumberType, StaleRelationshipDays.Default.ToString(CultureInfo.InvariantCulture), Allowed: Array.Empty<string>()),
            (EnvironmentVariables.NotificationChannel, StringType, NotificationChannels.Default, Allowed: Strings(typeof(NotificationChannels))),
        };
        var problems = new Problems();
        foreach (var (name, type, defaultValue, allowed) in expected)
        {
            var variable = ShippedSolution.Model.EnvironmentVariables.SingleOrDefault(v => v.SchemaName == name);
            if (variable is null)
            {
                problems.Add($"environmentvariabledefinitions/{name} is missing.");
                continue;
            }

            problems.Expect(variable.Type == type, $"{variable.SourceFile}: {name} is of type {variable.Type}; it must be {type}.");
            problems.Expect(variable.DefaultValue == defaultValue, $"{variable.SourceFile}: {name} defaults to '{variable.DefaultValue}'; the plugins assume '{defaultValue}'.");
            // A value shipped in the solution would overwrite the one an admin set when the solution is upgraded.
            problems.Expect(variable.CurrentValue is null, $"{variable.SourceFile}: {name} ships a current value '{variable.CurrentValue}'; ship only the default.");
            foreach (var value in allowed.Where(v => variable.Description?.Contains(v, StringComparison.Ordinal) != true))
            {
                problems.Add($"{variable.SourceFile}: the description of {name} does not tell the admin about the value '{value}'.");
            }
        }

        problems.Expect(ShippedSolution.Model.EnvironmentVariables.Count == expected.Length,
            $"Solution/src has the settings [{string.Join(", ", ShippedSolution.Model.EnvironmentVariables.Select(v => v.SchemaName))}]; Plugins/Model knows [{string.Join(", ", expected.Select(e => e.Item1))}].");
        problems.AssertNone("Environment variables");
    }

    [TestMethod]
    public void Both_custom_apis_are_bound_to_their_table_with_the_parameters_and_responses_the_plugins_use()
    {
        var expected = new (Type Names, bool IsFunction, ApiParameter[] Parameters)[]
        {
            // Acknowledging writes a row, so it is an action; coverage only reads, so it is a function (GET).
            (typeof(CustomApis.AcknowledgeDealSolution), false, new[]
            {
                ApiParameter.Request(CustomApis.AcknowledgeDealSolution.Version, IntegerType, optional: true),
                ApiParameter.Response(CustomApis.AcknowledgeDealSolution.AcknowledgedVersion, IntegerType),
            }),
            (typeof(CustomApis.GetDealCoverage), true, new[]
            {
                ApiParameter.Response(CustomApis.GetDealCoverage.Coverage, TextType),
                ApiParameter.Response(CustomApis.GetDealCoverage.ReadinessScore, IntegerType),
            }),
        };
        var problems = new Problems();
        foreach (var (names, isFunction, parameters) in expected)
        {
            var name = Constant(names, "Name");
            var api = ShippedSolution.Model.CustomApis.SingleOrDefault(a => a.UniqueName == name);
            if (api is null)
            {
                problems.Add($"customapis/{name}/customapi.xml is missing.");
                continue;
            }

            problems.Expect(api.BindingType == 1 && api.BoundEntityLogicalName == Constant(names, "BoundTable"),
                $"{api.SourceFile}: {name} must be bound to one {Constant(names, "BoundTable")} row (bindingtype 1); it is bindingtype {api.BindingType} on '{api.BoundEntityLogicalName}'.");
            problems.Expect(api.IsFunction == isFunction, $"{api.SourceFile}: {name} must {(isFunction ? "" : "not ")}be a function.");
            problems.Expect(!api.IsPrivate, $"{api.SourceFile}: {name} is private, so the forms' scripts could not call it.");
            // Dataverse gives a bound API its Target parameter; declaring one makes the import fail.
            problems.Expect(api.RequestParameters.All(p => p.UniqueName != CustomApis.Target), $"{api.SourceFile}: {name} declares a '{CustomApis.Target}' request parameter; a bound API has it already.");

            var named = Strings(names).Except(new[] { name, Constant(names, "BoundTable") }).OrderBy(n => n, StringComparer.Ordinal).ToList();
            problems.Expect(named.SequenceEqual(parameters.Select(p => p.Name).OrderBy(n => n, StringComparer.Ordinal)),
                $"LogicalNames.CustomApis.{names.Name} names [{string.Join(", ", named)}]; this test knows [{string.Join(", ", parameters.Select(p => p.Name))}]: add the new one here with its type.");
            foreach (var parameter in parameters)
            {
                var declared = (parameter.IsRequest ? api.RequestParameters : api.ResponseProperties).SingleOrDefault(p => p.UniqueName == parameter.Name);
                var kind = parameter.IsRequest ? "request parameter" : "response property";
                problems.Expect(declared is not null && declared.Type == parameter.Type && (!parameter.IsRequest || declared.IsOptional == parameter.IsOptional),
                    $"{api.SourceFile}: {name} needs the {kind} {parameter.Name} of type {parameter.Type}{(parameter.IsRequest ? (parameter.IsOptional ? ", optional" : ", required") : "")}; " +
                    (declared is null ? "it has none." : $"it is of type {declared.Type}{(parameter.IsRequest ? (declared.IsOptional ? ", optional" : ", required") : "")}."));
            }

            foreach (var extra in api.RequestParameters.Concat(api.ResponseProperties).Where(p => parameters.All(e => e.Name != p.UniqueName)))
            {
                problems.Add($"{api.SourceFile}: {name} declares {extra.UniqueName}, which Plugins/Model does not name, so no plugin reads or sets it.");
            }
        }

        problems.AssertNone("Custom APIs");
    }

    private sealed record ApiParameter(string Name, bool IsRequest, int Type, bool IsOptional)
    {
        public static ApiParameter Request(string name, int type, bool optional) => new(name, true, type, optional);

        public static ApiParameter Response(string name, int type) => new(name, false, type, false);
    }

    private static string Constant(Type type, string field) => (string)type.GetField(field, BindingFlags.Public | BindingFlags.Static)!.GetRawConstantValue()!;

    /// <summary>The string constants of a class, except its Default.</summary>
    private static string[] Strings(Type type) => type.GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral && f.FieldType == typeof(string) && f.Name != "Default")
        .Select(f => (string)f.GetRawConstantValue()!)
        .ToArray();
}
