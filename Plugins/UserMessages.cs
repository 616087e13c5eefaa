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

        // ---- Deal team, stakeholders, counterparts and coverage (issue 7) ----

        public const string MemberNeedsOpportunity =
            "A deal team member works on one opportunity, and this one names none. Add the member from the opportunity's Deal Team list, or set Opportunity (tsell_opportunityid).";

        public const string MemberNeedsUser =
            "A deal team member is a colleague, and this one names no user. Choose the colleague in User (tsell_userid) and save again.";

        public const string MemberCannotMoveToAnotherOpportunity =
            "The deal team member '{0}' cannot move to another opportunity. Remove them from this deal team and add them to the other opportunity's team.";

        public const string MemberUserDisabled =
            "{0} is a disabled user and cannot be an active member of the deal team. Choose an active colleague, or ask your administrator to enable {0}'s account.";

        public const string MemberAlreadyOnTeam =
            "{0} is already on the deal team of this opportunity (as {1}). Open that membership to change their role instead of adding them twice.";

        public const string MemberAlreadyOnTeamInactive =
            "{0} already has an inactive membership of this opportunity's deal team (as {1}). Reactivate that membership instead of adding them again.";

        public const string StakeholderNeedsOpportunity =
            "A buying stakeholder takes part in one opportunity's decision, and this one names none. Add the stakeholder from the opportunity's Stakeholders list, or set Opportunity (tsell_opportunityid).";

        public const string StakeholderNeedsContact =
            "A buying stakeholder is a person, and this one names no contact. Choose the person in Contact (tsell_contactid); create the contact first if they are new to us.";

        public const string StakeholderCannotMoveToAnotherOpportunity =
            "The stakeholder '{0}' cannot move to another opportunity. Add the person as a stakeholder of the other opportunity instead.";

        public const string KeyStakeholderNeedsLevel =
            "{0} is the {1}, a key stakeholder, so the team needs their level to pair them with someone of matching rank. Set Level (staff, manager, director or executive) and save again.";

        public const string ReportsToSelf =
            "'{0}' cannot report to themselves. Choose their manager in Reports To, or leave it empty.";

        public const string ReportsToUnknownStakeholder =
            "'{0}' can only report to a stakeholder of the same opportunity, and the one chosen in Reports To does not exist. Choose their manager among this opportunity's stakeholders.";

        public const string ReportsToOtherOpportunity =
            "'{0}' can only report to a stakeholder of the same opportunity, and {1} is a stakeholder of another one. Add {1} to this opportunity's stakeholders and choose that record, or choose another manager.";

        public const string ReportsToCycle =
            "'{0}' cannot report to {1}: that would close a reporting cycle ({2}). Change who reports to whom so that the line ends at the top of their organisation.";

        /// <summary>In-app notification title: {0} the stakeholder's name.</summary>
        public const string KeyStakeholderTurnedOpponentTitle = "Key stakeholder turned opponent: {0}";

        /// <summary>In-app notification body: {0} stakeholder, {1} buying role, {2} opportunity.</summary>
        public const string KeyStakeholderTurnedOpponentBody =
            "{0}, the {1} on {2}, is now an opponent. Agree with the team how to respond, and who, at the next deal review.";

        public const string CounterpartNeedsMember =
            "A counterpart pairing joins one of our deal team members with a stakeholder, and this one names no team member. Choose the team member (tsell_dealteammemberid) and save again.";

        public const string CounterpartNeedsStakeholder =
            "A counterpart pairing joins one of our deal team members with a stakeholder, and this one names no stakeholder. Choose the stakeholder (tsell_stakeholderid) and save again.";

        public const string CounterpartSideNotFound =
            "The counterpart pairing refers to a {0} ({1}) that does not exist. Choose the team member and the stakeholder again from the opportunity.";

        public const string CounterpartMemberInactive =
            "{0} is no longer an active member of the deal team, so they cannot be paired. Choose an active team member, or reactivate their membership first.";

        public const string CounterpartStakeholderInactive =
            "{0} is no longer an active stakeholder of the deal, so they cannot be paired. Choose an active stakeholder, or reactivate them first.";

        public const string CounterpartAcrossOpportunities =
            "{0} and {1} work on different opportunities; a counterpart pairing joins a team member and a stakeholder of the same opportunity. Choose both from the same opportunity.";

        public const string CounterpartOnOtherOpportunity =
            "This pairing names another opportunity than the one {0} and {1} belong to. Leave Opportunity empty: Team Selling fills it from the team member.";

        public const string CounterpartAlreadyPaired =
            "{0} is already paired with {1}. Open that pairing to update it instead of adding a second one.";

        public const string CounterpartLevelGapRefused =
            "{0} ({1}) and {2} ({3}) are {4} levels apart, and this organisation pairs people at most {5} level apart (level parity mode: enforce). Choose a counterpart closer in rank, or ask your administrator about the setting tsell_LevelParityMode.";

        public const string CoverageNeedsOpportunity =
            "Deal coverage is computed for an opportunity, and was asked for a {0}. Call tsell_GetDealCoverage on the opportunity.";

        // Coverage gaps ({0} is always the record the gap is about).

        public const string GapUnknownStance =
            "{0}: we do not know where they stand on our offer. Find out, and set their stance.";

        public const string GapUnknownBuyingRole =
            "{0}: their part in the buying decision is unknown. Find out, and set their buying role.";

        public const string GapUnknownLevel =
            "{0}: their level is unknown, so no counterpart of matching rank can be chosen. Set their level.";

        public const string GapKeyStakeholderWithoutCounterpart =
            "{0} ({1}) has no counterpart on our team. Pair them with a team member of matching rank.";

        public const string GapLevelGap =
            "{0} ({1}) is paired with {2} ({3}): {4} levels apart. Pair {2} with someone closer in rank.";

        public const string GapStaleRelationship =
            "{0}: no contact for {1} days (last on {2:yyyy-MM-dd}). Get in touch, and record the last contact.";

        public const string GapStaleRelationshipNeverContacted =
            "{0}: no contact recorded in the {1} days since they were paired. Get in touch, and record the last contact.";

        public const string GapSolutionNeverRead =
            "{0} has not read the deal solution (now at version {1}). Ask them to open it and acknowledge it.";

        public const string GapSolutionVersionNotRead =
            "{0} has not read version {1} of the deal solution (last read: version {2}). Ask them to open it and acknowledge it.";

        public const string GapOverdueAction =
            "{0} was due on {1:yyyy-MM-dd} and is still open. Complete it, or agree a new date at the next deal review.";
    }
}
