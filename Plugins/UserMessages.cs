namespace CrmTeamSelling.Plugins
{
    /// <summary>
    /// Every message a user can see from a plugin, in one place: what is wrong, on which record,
    /// and what to do. Formats take their arguments in the order their placeholders say.
    /// </summary>
    public static class UserMessages
    {
        public const string NoServiceProvider =
            "{0} was called without a service provider. This is a platform fault; retry the operation, and if it persists tell your administrator.";

        public const string MissingPlatformService =
            "The platform did not provide the {0} this plugin needs. Retry the operation; if it persists, ask your administrator to check the plugin registration.";

        public const string ServiceCallFailed =
            "Team Selling could not complete the operation: {0}";

        public const string StepRegistrationLacks =
            "The Team Selling step on {0} of {1} (stage {2}) needs {3}, and the registration does not provide it. Ask your administrator to re-import the CrmTeamSelling solution.";

        public const string InvalidSetting =
            "The Team Selling setting {0} has the value '{1}', which it does not understand. Ask your administrator to set it to {2} (Settings > Environment variables).";

        public const string OpportunityNotFound =
            "The opportunity {0} does not exist or you cannot see it. Open the record again from the opportunity; if it was deleted, this change is no longer needed.";

        public const string UnexpectedError =
            "Team Selling hit an unexpected error in {0}: {1}. Nothing was saved. Retry, and if it happens again send this message to your administrator.";
    }
}
