using System;
using System.Collections.Generic;
using CrmTeamSelling.Emulator.Security;
using CrmTeamSelling.Packager.Model;
using Microsoft.Xrm.Sdk;

namespace CrmTeamSelling.Emulator.Tests;

/// <summary>
/// A small solution built in code: a custom child table of opportunity ("test_member": one row per
/// opportunity and user, parental to opportunity; an account with members cannot be deleted), a global
/// choice, a custom API and a role.
/// </summary>
internal static class TestModel
{
    public const string Member = "test_member";

    public static SolutionModel Solution(IReadOnlyList<PluginStepModel>? steps = null) => new()
    {
        Manifest = new SolutionManifest
        {
            UniqueName = "EmulatorTests",
            Version = "1.0.0.0",
            Publisher = new PublisherModel { UniqueName = "test", CustomizationPrefix = "test", CustomizationOptionValuePrefix = 41300 },
        },
        GlobalOptionSets = new[] { Level },
        Tables = new[]
        {
            new TableModel
            {
                LogicalName = Member,
                SchemaName = "test_Member",
                PrimaryIdAttribute = "test_memberid",
                PrimaryNameAttribute = "test_name",
                IsCustom = true,
                Ownership = OwnershipType.UserOwned,
                Columns = new[]
                {
                    new ColumnModel { LogicalName = "test_memberid", Type = "primarykey" },
                    new ColumnModel { LogicalName = "test_name", Type = "nvarchar", MaxLength = 100, RequiredLevel = RequiredLevel.ApplicationRequired },
                    new ColumnModel { LogicalName = "test_opportunityid", Type = "lookup", RequiredLevel = RequiredLevel.SystemRequired },
                    new ColumnModel { LogicalName = "test_userid", Type = "lookup" },
                    new ColumnModel { LogicalName = "test_accountid", Type = "lookup" },
                    new ColumnModel { LogicalName = "test_level", Type = "picklist", GlobalOptionSetName = "test_level" },
                    new ColumnModel { LogicalName = "test_hours", Type = "int", MinValue = 0, MaxValue = 100 },
                    new ColumnModel { LogicalName = "test_notes", Type = "ntext", MaxLength = 2000 },
                    new ColumnModel
                    {
                        LogicalName = "statecode", Type = "state",
                        OptionSet = new OptionSetModel { Name = "test_member_statecode", OptionSetType = "state", Options = new[] { new OptionModel { Value = 0, Label = "Active" }, new OptionModel { Value = 1, Label = "Inactive" } } },
                    },
                    new ColumnModel
                    {
                        LogicalName = "statuscode", Type = "status",
                        OptionSet = new OptionSetModel { Name = "test_member_statuscode", OptionSetType = "status", Options = new[] { new OptionModel { Value = 1, Label = "Active", State = 0 }, new OptionModel { Value = 2, Label = "Inactive", State = 1 } } },
                    },
                },
                Keys = new[] { new AlternateKeyModel { LogicalName = "test_member_opportunity_user", DisplayName = "Opportunity and user", Columns = new[] { "test_opportunityid", "test_userid" } } },
            },
        },
        Relationships = new[]
        {
            new RelationshipModel
            {
                SchemaName = "test_opportunity_test_member", Type = RelationshipType.OneToMany,
                ReferencedEntity = "opportunity", ReferencedAttribute = "opportunityid", ReferencingEntity = Member, ReferencingAttribute = "test_opportunityid",
                Cascade = new CascadeModel { Assign = "Cascade", Delete = "Cascade", Reparent = "Cascade", Share = "Cascade", Unshare = "Cascade" },
            },
            new RelationshipModel
            {
                // An account with members cannot be deleted: the Restrict delete behaviour.
                SchemaName = "test_account_test_member", Type = RelationshipType.OneToMany,
                ReferencedEntity = "account", ReferencedAttribute = "accountid", ReferencingEntity = Member, ReferencingAttribute = "test_accountid",
                Cascade = new CascadeModel { Delete = "Restrict" },
            },
            new RelationshipModel
            {
                SchemaName = "test_systemuser_test_member", Type = RelationshipType.OneToMany,
                ReferencedEntity = "systemuser", ReferencedAttribute = "systemuserid", ReferencingEntity = Member, ReferencingAttribute = "test_userid",
            },
        },
        CustomApis = new[]
        {
            new CustomApiModel
            {
                UniqueName = "test_Echo", BindingType = 0, PluginTypeName = typeof(EchoApiPlugin).FullName,
                RequestParameters = new[] { new CustomApiParameterModel { UniqueName = "Text", Type = 10 } },
                ResponseProperties = new[] { new CustomApiParameterModel { UniqueName = "Echo", Type = 10 }, new CustomApiParameterModel { UniqueName = "Visible", Type = 7 } },
            },
        },
        EnvironmentVariables = new[] { new EnvironmentVariableModel { SchemaName = "test_StaleDays", Type = 100000001, DefaultValue = "30", CurrentValue = "14" } },
        Roles = new[]
        {
            new SecurityRoleModel
            {
                Id = Guid.Parse("6d7c1c1e-0000-4000-8000-000000000001"),
                Name = "Seller",
                Privileges = new[]
                {
                    new RolePrivilegeModel { Name = "prvCreateOpportunity", Level = "Basic" },
                    new RolePrivilegeModel { Name = "prvReadOpportunity", Level = "Basic" },
                    new RolePrivilegeModel { Name = "prvWriteOpportunity", Level = "Basic" },
                    new RolePrivilegeModel { Name = "prvAppendToOpportunity", Level = "Basic" },
                    new RolePrivilegeModel { Name = "prvShareOpportunity", Level = "Basic" },
                    new RolePrivilegeModel { Name = "prvCreatetest_Member", Level = "Basic" },
                    new RolePrivilegeModel { Name = "prvReadtest_Member", Level = "Basic" },
                    new RolePrivilegeModel { Name = "prvWritetest_Member", Level = "Basic" },
                    new RolePrivilegeModel { Name = "prvAppendtest_Member", Level = "Basic" },
                    new RolePrivilegeModel { Name = "prvCreateActivity", Level = "Basic" },
                    new RolePrivilegeModel { Name = "prvReadActivity", Level = "Basic" },
                    new RolePrivilegeModel { Name = "prvAppendActivity", Level = "Basic" },
                    new RolePrivilegeModel { Name = "prvReadAccount", Level = "Global" },
                    new RolePrivilegeModel { Name = "prvAppendToAccount", Level = "Global" },
                },
            },
        },
        Steps = steps ?? Array.Empty<PluginStepModel>(),
    };

    public static readonly OptionSetModel Level = new()
    {
        Name = "test_level",
        IsGlobal = true,
        Options = new[]
        {
            new OptionModel { Value = 413000000, Label = "Staff" },
            new OptionModel { Value = 413000001, Label = "Manager" },
            new OptionModel { Value = 413000002, Label = "Executive" },
        },
    };

    public static XrmEmulator Emulator(IReadOnlyList<PluginStepModel>? steps = null, EmulatorOptions? options = null)
        => XrmEmulator.FromModel(Solution(steps), typeof(TestModel).Assembly, options);

    public static string NewTag(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N").Substring(0, 8);

    public static EntityReference Opportunity(this XrmEmulator crm, string name, EntityReference? owner = null)
        => crm.Arrange(new Entity("opportunity") { ["name"] = name, ["ownerid"] = owner ?? crm.SystemUser });

    /// <summary>A role reading and writing everything at organisation depth.</summary>
    public static SecurityRole Administrator(this XrmEmulator crm)
    {
        var role = crm.DefineRole("Test Administrator " + Guid.NewGuid().ToString("N"));
        foreach (var table in new[] { "Opportunity", "Account", "Contact", "Activity", "test_Member", "appnotification" })
        {
            role.GrantAll(table, PrivilegeDepth.Global);
        }

        return role;
    }
}
