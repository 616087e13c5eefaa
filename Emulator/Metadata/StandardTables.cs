using System.Collections.Generic;
using static CrmTeamSelling.Emulator.Metadata.ColumnRequiredLevel;

namespace CrmTeamSelling.Emulator.Metadata;

/// <summary>
/// The standard tables the solution touches, with the columns the project uses and their real
/// types, lengths and choices (from the Dataverse table reference). A solution that ships one of
/// these tables (to add columns) extends the definition here; anything it declares wins.
/// Also the platform's own tables the emulator needs: business units, teams, roles, their
/// intersect tables, and environment variables.
/// </summary>
public static class StandardTables
{
    public const string SystemUser = "systemuser";
    public const string Team = "team";
    public const string BusinessUnit = "businessunit";
    public const string Role = "role";
    public const string TeamMembership = "teammembership";
    public const string SystemUserRoles = "systemuserroles";
    public const string TeamRoles = "teamroles";

    public static IEnumerable<TableMetadata> Tables()
    {
        yield return new TableBuilder(BusinessUnit, TableOwnership.BusinessOwned, primaryNameAttribute: "name", privilegeName: "BusinessUnit")
            .String("name", 160, SystemRequired)
            .Lookup("parentbusinessunitid", BusinessUnit)
            .Boolean("isdisabled")
            .Build();

        yield return new TableBuilder(SystemUser, TableOwnership.BusinessOwned, primaryNameAttribute: "fullname", privilegeName: "User")
            .String("fullname", 200)
            .String("firstname", 64)
            .String("lastname", 64, ApplicationRequired)
            .String("domainname", 1024)
            .String("internalemailaddress", 100)
            .String("title", 128)
            .Lookup("businessunitid", BusinessUnit, SystemRequired)
            .Lookup("parentsystemuserid", SystemUser)
            .Boolean("isdisabled")
            .Guid("azureactivedirectoryobjectid")
            .Build();

        yield return new TableBuilder(Team, TableOwnership.BusinessOwned, primaryNameAttribute: "name", privilegeName: "Team")
            .String("name", 160, SystemRequired)
            .Memo("description", 2000)
            .Lookup("businessunitid", BusinessUnit, SystemRequired)
            .Lookup("administratorid", SystemUser)
            .Choice("teamtype", (0, "Owner"), (1, "Access"), (2, "Security Group"), (3, "Office Group"))
            .Boolean("isdefault")
            .Build();

        yield return new TableBuilder(Role, TableOwnership.BusinessOwned, primaryNameAttribute: "name", privilegeName: "Role")
            .String("name", 100, SystemRequired)
            .Lookup("businessunitid", BusinessUnit)
            .Build();

        yield return new TableBuilder(TeamMembership, TableOwnership.None, isIntersect: true)
            .Guid("systemuserid", SystemRequired).Guid("teamid", SystemRequired).Build();
        yield return new TableBuilder(SystemUserRoles, TableOwnership.None, primaryIdAttribute: "systemuserroleid", isIntersect: true)
            .Guid("systemuserid", SystemRequired).Guid("roleid", SystemRequired).Build();
        yield return new TableBuilder(TeamRoles, TableOwnership.None, primaryIdAttribute: "teamroleid", isIntersect: true)
            .Guid("teamid", SystemRequired).Guid("roleid", SystemRequired).Build();

        yield return new TableBuilder("account", TableOwnership.UserOwned, primaryNameAttribute: "name", privilegeName: "Account")
            .String("name", 160, ApplicationRequired)
            .String("accountnumber", 20)
            .Lookup("parentaccountid", "account")
            .Lookup("primarycontactid", "contact")
            .String("telephone1", 50)
            .String("emailaddress1", 100)
            .String("websiteurl", 200)
            .String("address1_city", 80)
            .String("address1_country", 80)
            .Choice("industrycode", (1, "Accounting"), (2, "Agriculture and Non-petrol Natural Resource Extraction"), (3, "Broadcasting Printing and Publishing"),
                (4, "Brokers"), (5, "Building Supply Retail"), (6, "Business Services"), (7, "Consulting"), (8, "Consumer Services"),
                (9, "Design, Direction and Creative Management"), (10, "Distributors, Dispatchers and Processors"), (11, "Doctor's Offices and Clinics"),
                (12, "Durable Manufacturing"), (13, "Eating and Drinking Places"), (14, "Entertainment Retail"), (15, "Equipment Rental and Leasing"),
                (16, "Financial"), (17, "Food and Tobacco Processing"), (18, "Inbound Capital Intensive Processing"), (19, "Inbound Repair and Services"),
                (20, "Insurance"), (21, "Legal Services"), (22, "Non-Durable Merchandise Retail"), (23, "Outbound Consumer Service"),
                (24, "Petrochemical Extraction and Distribution"), (25, "Service Retail"), (26, "SIG Affiliations"), (27, "Social Services"),
                (28, "Special Outbound Trade Contractors"), (29, "Specialty Realty"), (30, "Transportation"), (31, "Utility Creation and Distribution"),
                (32, "Vehicle Retail"), (33, "Wholesale"))
            .Money("revenue")
            .Integer("numberofemployees", 0, 1000000000)
            .Memo("description", 2000)
            .States(new[] { (0, "Active"), (1, "Inactive") }, new[] { (1, "Active", 0), (2, "Inactive", 1) })
            .Build();

        yield return new TableBuilder("contact", TableOwnership.UserOwned, primaryNameAttribute: "fullname", privilegeName: "Contact")
            .String("fullname", 160)
            .String("firstname", 50)
            .String("lastname", 50, ApplicationRequired)
            .String("jobtitle", 100)
            .String("department", 100)
            .String("emailaddress1", 100)
            .String("telephone1", 50)
            .String("mobilephone", 50)
            .Customer("parentcustomerid")
            .Memo("description", 2000)
            .States(new[] { (0, "Active"), (1, "Inactive") }, new[] { (1, "Active", 0), (2, "Inactive", 1) })
            .Build();

        yield return new TableBuilder("opportunity", TableOwnership.UserOwned, primaryNameAttribute: "name", privilegeName: "Opportunity")
            .String("name", 300, ApplicationRequired)
            .Customer("customerid")
            .Lookup("parentaccountid", "account")
            .Lookup("parentcontactid", "contact")
            .Money("estimatedvalue")
            .Money("actualvalue")
            .Money("budgetamount")
            // Shown as dates but user local, as in a new org (an admin may switch them to date only once).
            .DateTime("estimatedclosedate", format: "date")
            .DateTime("actualclosedate", format: "date")
            .Integer("closeprobability", 0, 100)
            .String("stepname", 200)
            .Memo("description", 2000)
            .Choice("salesstage", (0, "Qualify"), (1, "Develop"), (2, "Propose"), (3, "Close"))
            .Choice("opportunityratingcode", (1, "Hot"), (2, "Warm"), (3, "Cold"))
            .Choice("prioritycode", (1, "Default Value"))
            .Choice("purchasetimeframe", (0, "Immediate"), (1, "This Quarter"), (2, "Next Quarter"), (3, "This Year"), (4, "Unknown"))
            .States(new[] { (0, "Open"), (1, "Won"), (2, "Lost") },
                new[] { (1, "In Progress", 0), (2, "On Hold", 0), (3, "Won", 1), (4, "Canceled", 2), (5, "Out-Sold", 2) })
            .Build();

        yield return new TableBuilder("task", TableOwnership.UserOwned, primaryIdAttribute: "activityid", primaryNameAttribute: "subject", isActivity: true)
            .String("subject", 200, ApplicationRequired)
            .Memo("description", 2000)
            .AnyLookup("regardingobjectid")
            .DateTime("scheduledstart")
            .DateTime("scheduledend")
            .DateTime("actualstart")
            .DateTime("actualend")
            .Integer("actualdurationminutes", 0, 2147483647)
            .Integer("percentcomplete", 0, 100)
            .String("category", 250)
            .Add(new ColumnMetadata("activitytypecode", ColumnType.EntityName) { IsPlatformManaged = true })
            .Choice("prioritycode", (0, "Low"), (1, "Normal"), (2, "High"))
            .States(new[] { (0, "Open"), (1, "Completed"), (2, "Canceled") },
                new[] { (2, "Not Started", 0), (3, "In Progress", 0), (4, "Waiting on someone else", 0), (7, "Deferred", 0), (5, "Completed", 1), (6, "Canceled", 2) })
            .Build();

        // Lengths and choices as the appnotification table reference lists them.
        yield return new TableBuilder("appnotification", TableOwnership.UserOwned, primaryNameAttribute: "title")
            .String("title", 200)
            .Memo("body", 4000)
            .Memo("data", 5000)
            .Choice("icontype", (100000000, "Info"), (100000001, "Success"), (100000002, "Failure"), (100000003, "Warning"), (100000004, "Mention"), (100000005, "Custom"))
            .Choice("toasttype", (200000000, "Timed"), (200000001, "Hidden"))
            .Choice("priority", (200000000, "Normal"), (200000001, "High"))
            .Integer("ttlinseconds", 0, int.MaxValue)
            .Boolean("isread")
            .Build();

        yield return new TableBuilder("environmentvariabledefinition", TableOwnership.OrganizationOwned, primaryNameAttribute: "schemaname", privilegeName: "EnvironmentVariableDefinition")
            .String("schemaname", 100, SystemRequired)
            .String("displayname", 100)
            .Memo("description", 2000)
            .Memo("defaultvalue", 2000)
            .Choice("type", (100000000, "String"), (100000001, "Number"), (100000002, "Boolean"), (100000003, "JSON"), (100000004, "Data source"), (100000005, "Secret"))
            .Key("schemaname_key", "schemaname")
            .Build();

        yield return new TableBuilder("environmentvariablevalue", TableOwnership.OrganizationOwned, primaryNameAttribute: "schemaname", privilegeName: "EnvironmentVariableValue")
            .String("schemaname", 100)
            .Memo("value", 2000)
            .Lookup("environmentvariabledefinitionid", "environmentvariabledefinition")
            .Build();
    }

    public static IEnumerable<RelationshipMetadata> Relationships()
    {
        var referential = CascadeConfiguration.Referential;
        var parental = CascadeConfiguration.Parental;
        yield return RelationshipMetadata.OneToMany("business_unit_parent_business_unit", BusinessUnit, "businessunitid", BusinessUnit, "parentbusinessunitid", new CascadeConfiguration(Delete: CascadeType.Restrict));
        yield return RelationshipMetadata.OneToMany("business_unit_system_users", BusinessUnit, "businessunitid", SystemUser, "businessunitid", new CascadeConfiguration(Delete: CascadeType.Restrict));
        yield return RelationshipMetadata.OneToMany("business_unit_teams", BusinessUnit, "businessunitid", Team, "businessunitid", new CascadeConfiguration(Delete: CascadeType.Restrict));
        yield return RelationshipMetadata.OneToMany("user_parent_user", SystemUser, "systemuserid", SystemUser, "parentsystemuserid", referential);
        yield return RelationshipMetadata.ManyToMany("teammembership_association", SystemUser, "systemuserid", Team, "teamid", TeamMembership);
        yield return RelationshipMetadata.ManyToMany("systemuserroles_association", SystemUser, "systemuserid", Role, "roleid", SystemUserRoles);
        yield return RelationshipMetadata.ManyToMany("teamroles_association", Team, "teamid", Role, "roleid", TeamRoles);

        yield return RelationshipMetadata.OneToMany("account_parent_account", "account", "accountid", "account", "parentaccountid", referential);
        yield return RelationshipMetadata.OneToMany("account_primary_contact", "contact", "contactid", "account", "primarycontactid", referential);
        yield return RelationshipMetadata.OneToMany("contact_customer_accounts", "account", "accountid", "contact", "parentcustomerid", parental);
        yield return RelationshipMetadata.OneToMany("contact_customer_contacts", "contact", "contactid", "contact", "parentcustomerid", parental);
        yield return RelationshipMetadata.OneToMany("opportunity_customer_accounts", "account", "accountid", "opportunity", "customerid", parental);
        yield return RelationshipMetadata.OneToMany("opportunity_customer_contacts", "contact", "contactid", "opportunity", "customerid", parental);
        yield return RelationshipMetadata.OneToMany("opportunity_parent_account", "account", "accountid", "opportunity", "parentaccountid", referential);
        yield return RelationshipMetadata.OneToMany("opportunity_parent_contact", "contact", "contactid", "opportunity", "parentcontactid", referential);
        yield return RelationshipMetadata.OneToMany("Opportunity_Tasks", "opportunity", "opportunityid", "task", "regardingobjectid", parental);
        yield return RelationshipMetadata.OneToMany("Account_Tasks", "account", "accountid", "task", "regardingobjectid", parental);
        yield return RelationshipMetadata.OneToMany("Contact_Tasks", "contact", "contactid", "task", "regardingobjectid", parental);
        yield return RelationshipMetadata.OneToMany("environmentvariabledefinition_environmentvariablevalue", "environmentvariabledefinition", "environmentvariabledefinitionid", "environmentvariablevalue", "environmentvariabledefinitionid", parental);
    }
}
