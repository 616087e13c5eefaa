using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using CrmTeamSelling.Emulator.Data;
using CrmTeamSelling.Emulator.Metadata;
using CrmTeamSelling.Emulator.Pipeline;
using CrmTeamSelling.Emulator.Security;
using CrmTeamSelling.Packager.Layout;
using CrmTeamSelling.Packager.Model;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace CrmTeamSelling.Emulator;

/// <summary>
/// An in-memory Dataverse: the solution's tables and the built-in standard ones, its plug-in steps,
/// custom APIs, roles and environment variables, behind IOrganizationService for any user.
/// <code>
/// var crm = XrmEmulator.FromSolutionFolder("Solution/src", typeof(MyPlugin).Assembly);
/// var rep = crm.CreateUser("Rita Rep", "Team Selling Member");
/// var id = crm.As(rep).Create(new Entity("opportunity") { ["name"] = "Big deal" });
/// crm.DrainAsync();
/// var inbox = crm.NotificationsFor(rep);
/// </code>
/// </summary>
public sealed class XrmEmulator
{
    private readonly EmulatorRuntime runtime;

    private XrmEmulator(MetadataCatalog metadata, EmulatorOptions options)
    {
        runtime = new EmulatorRuntime(metadata, options);
        Seed();
    }

    // ---- construction ----

    /// <summary>Loads a SolutionPackager folder (Solution/src) and registers its steps from the plug-in assemblies given.</summary>
    public static XrmEmulator FromSolutionFolder(string solutionFolder, Assembly? pluginAssembly = null, EmulatorOptions? options = null)
        => FromModel(SolutionLayoutReader.Read(solutionFolder), pluginAssembly is null ? Array.Empty<Assembly>() : new[] { pluginAssembly }, options);

    /// <summary>As <see cref="FromSolutionFolder(string, Assembly?, EmulatorOptions?)"/>, loading the built plug-in assembly from its path.</summary>
    public static XrmEmulator FromSolutionFolder(string solutionFolder, string pluginAssemblyPath, EmulatorOptions? options = null)
    {
        if (!File.Exists(pluginAssemblyPath))
        {
            throw new FileNotFoundException($"The plug-in assembly '{pluginAssemblyPath}' does not exist; build the Plugins project first.", pluginAssemblyPath);
        }

        return FromSolutionFolder(solutionFolder, Assembly.LoadFrom(Path.GetFullPath(pluginAssemblyPath)), options);
    }

    /// <summary>Builds the emulator from a solution model (read by the Packager, or made in a test).</summary>
    public static XrmEmulator FromModel(SolutionModel solution, Assembly? pluginAssembly = null, EmulatorOptions? options = null)
        => FromModel(solution, pluginAssembly is null ? Array.Empty<Assembly>() : new[] { pluginAssembly }, options);

    public static XrmEmulator FromModel(SolutionModel solution, IReadOnlyList<Assembly> pluginAssemblies, EmulatorOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(solution);
        options ??= new EmulatorOptions();
        var emulator = new XrmEmulator(SolutionMetadataLoader.Load(solution), options);
        foreach (var role in SolutionMetadataLoader.LoadRoles(solution))
        {
            emulator.AddRole(role);
        }

        foreach (var step in solution.Steps)
        {
            emulator.RegisterStep(ToRegistration(step, pluginAssemblies));
        }

        foreach (var api in solution.CustomApis.Where(a => !string.IsNullOrEmpty(a.PluginTypeName)))
        {
            var type = PluginFactory.Resolve(api.PluginTypeName!, pluginAssemblies, $"Custom API {api.UniqueName} ({api.SourceFile})");
            emulator.runtime.Plugins.RegisterCustomApiPlugin(api.UniqueName, type);
        }

        return emulator;
    }

    /// <summary>An emulator with only the built-in standard tables, or with a catalog a test built.</summary>
    public static XrmEmulator Create(MetadataCatalog? metadata = null, EmulatorOptions? options = null)
        => new(metadata ?? MetadataCatalog.WithStandardTables(), options ?? new EmulatorOptions());

    private static PluginStepRegistration ToRegistration(PluginStepModel step, IReadOnlyList<Assembly> assemblies)
    {
        var where = $"Step '{step.Name}' ({step.SourceFile})";
        return new PluginStepRegistration
        {
            Id = step.Id == Guid.Empty ? Guid.NewGuid() : step.Id,
            Name = step.Name,
            Message = step.Message,
            PrimaryEntity = string.IsNullOrEmpty(step.PrimaryEntity) || step.PrimaryEntity == "none" ? null : step.PrimaryEntity,
            Stage = step.Stage,
            IsAsynchronous = step.Mode == 1,
            Rank = step.Rank,
            FilteringAttributes = step.FilteringAttributes,
            PluginType = PluginFactory.Resolve(step.PluginTypeName, assemblies, where),
            UnsecureConfiguration = step.Configuration,
            ImpersonatingUserId = step.ImpersonatingUserId,
            Images = step.Images.Select(i => new StepImage(i.EntityAlias, i.ImageType switch
            {
                0 => ImageType.PreImage,
                1 => ImageType.PostImage,
                2 => ImageType.Both,
                _ => throw new InvalidOperationException($"{where}: image '{i.Name}' has image type {i.ImageType}; expected 0 (pre), 1 (post) or 2 (both)."),
            }, i.Attributes)).ToArray(),
            Source = step.SourceFile,
        };
    }

    private void Seed()
    {
        runtime.RootBusinessUnitId = Guid.NewGuid();
        runtime.SystemUserId = Guid.NewGuid();
        runtime.RunArrangement(transaction =>
        {
            var system = new Actor(Guid.Empty, IsSystem: true);
            runtime.Store.Put(new Entity(StandardTables.BusinessUnit, runtime.RootBusinessUnitId)
            {
                ["businessunitid"] = runtime.RootBusinessUnitId,
                ["name"] = runtime.Options.OrganizationName,
                ["versionnumber"] = runtime.Store.NextRowVersion(),
            }, transaction);
            runtime.Store.Put(new Entity(StandardTables.SystemUser, runtime.SystemUserId)
            {
                ["systemuserid"] = runtime.SystemUserId,
                ["fullname"] = "SYSTEM",
                ["lastname"] = "SYSTEM",
                ["businessunitid"] = new EntityReference(StandardTables.BusinessUnit, runtime.RootBusinessUnitId),
                ["versionnumber"] = runtime.Store.NextRowVersion(),
            }, transaction);
            foreach (var variable in runtime.Metadata.EnvironmentVariables)
            {
                var definition = new Entity("environmentvariabledefinition")
                {
                    ["schemaname"] = variable.SchemaName,
                    ["displayname"] = variable.DisplayName,
                    ["type"] = new OptionSetValue(variable.Type),
                    ["defaultvalue"] = variable.DefaultValue,
                };
                var definitionId = runtime.Writer.Create(system with { UserId = runtime.SystemUserId }, definition);
                if (variable.CurrentValue is not null)
                {
                    runtime.Writer.Create(system with { UserId = runtime.SystemUserId }, new Entity("environmentvariablevalue")
                    {
                        ["schemaname"] = variable.SchemaName,
                        ["value"] = variable.CurrentValue,
                        ["environmentvariabledefinitionid"] = new EntityReference("environmentvariabledefinition", definitionId),
                    });
                }
            }

            return 0;
        });
    }

    // ---- what the emulator knows ----

    public MetadataCatalog Metadata => runtime.Metadata;

    public EmulatorOptions Options => runtime.Options;

    /// <summary>The SYSTEM user: owner of what the system context creates.</summary>
    public EntityReference SystemUser => new(StandardTables.SystemUser, runtime.SystemUserId);

    public EntityReference RootBusinessUnit => new(StandardTables.BusinessUnit, runtime.RootBusinessUnitId);

    public Guid OrganizationId => runtime.OrganizationId;

    /// <summary>The registered steps, in registration order.</summary>
    public IReadOnlyList<PluginStepRegistration> Steps => runtime.Plugins.Steps.Select(s => s.Registration).ToList();

    // ---- services ----

    /// <summary>A service in the system context (a null user): no security checks, plug-ins run.</summary>
    public IOrganizationService System => new EmulatedOrganizationService(runtime,
        () => new CallFrame(runtime.SystemUserId, IsSystem: true, runtime.SystemUserId, 1, null, Guid.NewGuid(), null));

    /// <summary>A service acting as the user: their roles, teams and shares decide what they may do.</summary>
    public IOrganizationService As(Guid userId)
    {
        if (userId == runtime.SystemUserId)
        {
            return System;
        }

        runtime.RequireEnabledUser(userId);
        return new EmulatedOrganizationService(runtime, () => new CallFrame(userId, IsSystem: false, userId, 1, null, Guid.NewGuid(), null));
    }

    public IOrganizationService As(EntityReference user) => As(RequireUser(user));

    /// <summary>The factory a host would hand out: null is the system context.</summary>
    public IOrganizationServiceFactory ServiceFactory => new ExternalServiceFactory(this);

    private sealed class ExternalServiceFactory : IOrganizationServiceFactory
    {
        private readonly XrmEmulator emulator;

        public ExternalServiceFactory(XrmEmulator emulator)
        {
            this.emulator = emulator;
        }

        public IOrganizationService CreateOrganizationService(Guid? userId) => userId is Guid id ? emulator.As(id) : emulator.System;
    }

    // ---- arranging ----

    /// <summary>
    /// Puts rows in place without running plug-ins or security (validation still applies). Platform
    /// columns (createdon, modifiedon, createdby...) may be set, to arrange history. Returns the ids.
    /// </summary>
    public IReadOnlyList<Guid> Arrange(params Entity[] rows)
        => runtime.RunArrangement(_ => rows.Select(row => runtime.Writer.Create(new Actor(runtime.SystemUserId, IsSystem: true), row, arranging: true)).ToList());

    /// <summary>Arranges one row and returns a reference to it.</summary>
    public EntityReference Arrange(Entity row) => new(row.LogicalName, Arrange(new[] { row })[0]);

    /// <summary>Creates a business unit under the root (or under <paramref name="parent"/>).</summary>
    public EntityReference CreateBusinessUnit(string name, EntityReference? parent = null)
        => Arrange(new Entity(StandardTables.BusinessUnit) { ["name"] = name, ["parentbusinessunitid"] = parent ?? RootBusinessUnit });

    /// <summary>Creates an enabled user in the root business unit (or <paramref name="businessUnit"/>) with the named roles.</summary>
    public EntityReference CreateUser(string fullName, params string[] roleNames) => CreateUser(fullName, null, roleNames);

    public EntityReference CreateUser(string fullName, EntityReference? businessUnit, params string[] roleNames)
    {
        var parts = fullName.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries);
        var user = Arrange(new Entity(StandardTables.SystemUser)
        {
            ["firstname"] = parts.Length > 1 ? parts[0] : null,
            ["lastname"] = parts.Length > 1 ? parts[1] : fullName,
            ["fullname"] = fullName,
            ["businessunitid"] = businessUnit ?? RootBusinessUnit,
        });
        foreach (var role in roleNames)
        {
            AssignRole(user, role);
        }

        return user;
    }

    /// <summary>Creates an owner team in the root business unit (or <paramref name="businessUnit"/>) with the members given.</summary>
    public EntityReference CreateTeam(string name, EntityReference? businessUnit, params EntityReference[] members)
    {
        var team = Arrange(new Entity(StandardTables.Team) { ["name"] = name, ["businessunitid"] = businessUnit ?? RootBusinessUnit, ["teamtype"] = new OptionSetValue(0) });
        foreach (var member in members)
        {
            AddToTeam(team, member);
        }

        return team;
    }

    public void AddToTeam(EntityReference team, EntityReference user)
        => System.Associate(StandardTables.Team, team.Id, new Relationship("teammembership_association"), new EntityReferenceCollection { user });

    /// <summary>Adds a role (from a test, or any not in the solution) and creates its role row.</summary>
    public SecurityRole AddRole(SecurityRole role)
    {
        lock (runtime.Gate)
        {
            if (runtime.Roles.Values.Any(r => r.Name == role.Name && r.Id != role.Id))
            {
                throw new InvalidOperationException($"A role named '{role.Name}' already exists.");
            }

            runtime.Roles[role.Id] = role;
        }

        if (runtime.Store.Find(StandardTables.Role, role.Id) is null)
        {
            Arrange(new Entity(StandardTables.Role, role.Id) { ["name"] = role.Name, ["businessunitid"] = RootBusinessUnit });
        }

        return role;
    }

    /// <summary>Defines a role by name; grant its privileges on the returned object.</summary>
    public SecurityRole DefineRole(string name) => AddRole(new SecurityRole(Guid.NewGuid(), name));

    public SecurityRole Role(string name)
    {
        lock (runtime.Gate)
        {
            return runtime.Roles.Values.FirstOrDefault(r => r.Name == name)
                ?? throw new InvalidOperationException($"There is no role named '{name}'. Roles: {string.Join(", ", runtime.Roles.Values.Select(r => r.Name))}.");
        }
    }

    /// <summary>Assigns a role to a user or a team (its members get its privileges).</summary>
    public void AssignRole(EntityReference userOrTeam, string roleName)
    {
        var role = Role(roleName);
        var relationship = userOrTeam.LogicalName == StandardTables.Team ? "teamroles_association" : "systemuserroles_association";
        System.Associate(userOrTeam.LogicalName, userOrTeam.Id, new Relationship(relationship), new EntityReferenceCollection { new EntityReference(StandardTables.Role, role.Id) });
    }

    /// <summary>Registers a step; a secure configuration in <see cref="EmulatorOptions.SecureConfigurations"/> under its name or id is passed to it.</summary>
    public void RegisterStep(PluginStepRegistration step)
    {
        var secure = step.SecureConfiguration
            ?? (runtime.Options.SecureConfigurations.TryGetValue(step.Name, out var byName) ? byName
                : runtime.Options.SecureConfigurations.TryGetValue(step.Id.ToString(), out var byId) ? byId : null);
        if (secure != step.SecureConfiguration)
        {
            step = new PluginStepRegistration
            {
                Id = step.Id, Name = step.Name, Message = step.Message, PrimaryEntity = step.PrimaryEntity, Stage = step.Stage,
                IsAsynchronous = step.IsAsynchronous, Rank = step.Rank, FilteringAttributes = step.FilteringAttributes, PluginType = step.PluginType,
                UnsecureConfiguration = step.UnsecureConfiguration, SecureConfiguration = secure, ImpersonatingUserId = step.ImpersonatingUserId,
                Images = step.Images, Source = step.Source,
            };
        }

        lock (runtime.Gate)
        {
            runtime.Plugins.Register(step);
        }
    }

    /// <summary>Registers a plug-in type as a custom API's main operation (for APIs defined in code).</summary>
    public void RegisterCustomApiPlugin(string apiName, Type pluginType)
    {
        if (runtime.Metadata.FindCustomApi(apiName) is null)
        {
            throw new InvalidOperationException($"There is no custom API '{apiName}' in the metadata.");
        }

        lock (runtime.Gate)
        {
            runtime.Plugins.RegisterCustomApiPlugin(apiName, pluginType);
        }
    }

    // ---- asynchronous work ----

    public int PendingAsyncJobs => runtime.PendingAsyncJobs;

    /// <summary>
    /// Runs the queued asynchronous steps (and whatever they queue) until the queue is empty, retrying a
    /// failed job up to <see cref="EmulatorOptions.AsyncMaxAttempts"/> times. Throws when a job failed every time,
    /// unless <paramref name="throwOnFailure"/> is false.
    /// </summary>
    public AsyncDrainResult DrainAsync(bool throwOnFailure = true)
    {
        var result = runtime.DrainAsync();
        if (throwOnFailure && result.Failed.Count > 0)
        {
            throw new AsyncJobFailedException(result);
        }

        return result;
    }

    // ---- reading back (system context, no plug-ins) ----

    /// <summary>The row with every column, read without security and without running plug-ins; throws when it does not exist.</summary>
    public Entity Get(string table, Guid id)
        => Find(table, id) ?? throw new InvalidOperationException($"There is no {table} with id {id}.");

    public Entity Get(EntityReference reference) => Get(reference.LogicalName, reference.Id);

    public Entity? Find(string table, Guid id)
    {
        lock (runtime.Gate)
        {
            var metadata = runtime.Writer.Validator.RequireTable(table);
            return runtime.Store.Find(table, id) is { } row ? runtime.Reader.Read(metadata, row, new ColumnSet(true)) : null;
        }
    }

    /// <summary>Every row of a table (copies), optionally filtered.</summary>
    public IReadOnlyList<Entity> All(string table, Func<Entity, bool>? where = null)
    {
        lock (runtime.Gate)
        {
            var metadata = runtime.Writer.Validator.RequireTable(table);
            return runtime.Store.Rows(table).Select(row => runtime.Reader.Read(metadata, row, new ColumnSet(true))).Where(where ?? (_ => true)).ToList();
        }
    }

    /// <summary>The in-app notifications (appnotification rows) the user owns, oldest first.</summary>
    public IReadOnlyList<Entity> NotificationsFor(EntityReference user)
        => All("appnotification", n => n.GetAttributeValue<EntityReference>("ownerid")?.Id == user.Id)
            .OrderBy(n => n.GetAttributeValue<DateTime>("createdon")).ThenBy(n => n.GetAttributeValue<long>("versionnumber")).ToList();

    // ---- counters ----

    /// <summary>Every top-level operation and asynchronous job run so far, with what its plug-ins cost.</summary>
    public IReadOnlyList<OperationStatistics> Operations => runtime.OperationsSnapshot();

    public OperationStatistics? LastOperation => runtime.OperationsSnapshot().LastOrDefault();

    public void ResetStatistics() => runtime.ClearOperations();

    private Guid RequireUser(EntityReference user)
    {
        if (user.LogicalName != StandardTables.SystemUser)
        {
            throw new ArgumentException($"As(...) takes a systemuser, not a '{user.LogicalName}'.", nameof(user));
        }

        return user.Id;
    }
}
