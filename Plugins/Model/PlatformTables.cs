namespace CrmTeamSelling.Plugins.Model
{
    // Standard Dataverse tables the plugins read or write, with the columns they use. The
    // solution's own tables are in LogicalNames.cs; together they are the one place for names.

    public static class SystemUser
    {
        public const string EntityLogicalName = "systemuser";
        public const string PrimaryId = "systemuserid";
        public const string FullName = "fullname";
        public const string IsDisabled = "isdisabled";
    }

    public static class Opportunity
    {
        public const string EntityLogicalName = "opportunity";
        public const string PrimaryId = "opportunityid";
        public const string Name = "name";
        public const string OwnerId = "ownerid";
    }

    public static class AppNotification
    {
        public const string EntityLogicalName = "appnotification";
        public const string PrimaryId = "appnotificationid";
        public const string Title = "title";
        public const string Body = "body";
        public const string OwnerId = "ownerid";
        public const string IconType = "icontype";
        public const string ToastType = "toasttype";
        public const string Priority = "priority";
        public const string TtlInSeconds = "ttlinseconds";
        public const string Data = "data";

        // Choice values of the appnotification table (Microsoft's, not ours).
        public const int IconInfo = 100000000;
        public const int IconSuccess = 100000001;
        public const int IconFailure = 100000002;
        public const int IconWarning = 100000003;
        public const int IconMention = 100000004;
        public const int ToastTimed = 200000000;
        public const int ToastHidden = 200000001;
        public const int PriorityNormal = 200000000;
        public const int PriorityHigh = 200000001;
    }

    public static class EnvironmentVariableDefinition
    {
        public const string EntityLogicalName = "environmentvariabledefinition";
        public const string PrimaryId = "environmentvariabledefinitionid";
        public const string SchemaName = "schemaname";
        public const string DefaultValue = "defaultvalue";
    }

    public static class EnvironmentVariableValue
    {
        public const string EntityLogicalName = "environmentvariablevalue";
        public const string DefinitionId = "environmentvariabledefinitionid";
        public const string Value = "value";
    }

    public static class Common
    {
        public const string StateCode = "statecode";
        public const string StatusCode = "statuscode";
        public const string OwnerId = "ownerid";
        public const string ModifiedBy = "modifiedby";
        public const string ModifiedOn = "modifiedon";
        public const string CreatedOn = "createdon";
        public const int StateActive = 0;
        public const int StateInactive = 1;
    }
}
