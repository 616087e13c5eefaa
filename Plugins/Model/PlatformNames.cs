namespace CrmTeamSelling.Plugins.Model
{
    // Standard Dataverse tables and choice values the plugins use beyond those in LogicalNames.cs.

    public static partial class LogicalNames
    {
        /// <summary>The definition of an environment variable (the solution ships ours with their defaults).</summary>
        public static class EnvironmentVariableDefinition
        {
            public const string LogicalName = "environmentvariabledefinition";
            public const string Id = "environmentvariabledefinitionid";
            public const string SchemaName = "schemaname";
            public const string DefaultValue = "defaultvalue";
        }

        /// <summary>The value an org sets for an environment variable, overriding the default.</summary>
        public static class EnvironmentVariableValue
        {
            public const string LogicalName = "environmentvariablevalue";
            public const string Id = "environmentvariablevalueid";
            public const string DefinitionId = "environmentvariabledefinitionid";
            public const string Value = "value";
        }
    }

    /// <summary>Choice values of appnotification (Microsoft's, not ours).</summary>
    public static class NotificationIcon
    {
        public const int Info = 100000000;
        public const int Success = 100000001;
        public const int Failure = 100000002;
        public const int Warning = 100000003;
        public const int Mention = 100000004;
    }

    /// <summary>appnotification.toasttype: timed shows a toast for a few seconds; hidden goes straight to the notification centre.</summary>
    public static class NotificationToast
    {
        public const int Timed = 200000000;
        public const int Hidden = 200000001;
    }

    /// <summary>appnotification.priority.</summary>
    public static class NotificationPriority
    {
        public const int Normal = 200000000;
        public const int High = 200000001;
    }

    /// <summary>statecode values shared by the custom tables (active / inactive).</summary>
    public static class StateCodes
    {
        public const int Active = 0;
        public const int Inactive = 1;
    }
}
