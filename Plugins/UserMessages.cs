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

        // ---- Deal solution (issue 6): one versioned offer per opportunity, its revisions, acknowledgements, notifications ----

        public const string DealSolutionNeedsOpportunity =
            "A deal solution is the offer for one opportunity, and this one names none. Create it from the opportunity's Team Selling form, or set Opportunity (tsell_opportunityid).";

        public const string NotOnDealTeamToCreateSolution =
            "You are not on the deal team of this opportunity, so you cannot create its deal solution: only the opportunity's owner and its active deal team members can. Ask the opportunity's owner to add you to the deal team, then try again.";

        public const string NotOnDealTeamToChangeSolution =
            "You are not on the deal team of this opportunity, so you cannot change its deal solution '{0}': only the opportunity's owner and its active deal team members can. Ask the opportunity's owner to add you to the deal team, then try again.";

        public const string NotOnDealTeamToAcknowledgeSolution =
            "You are not on the deal team of this opportunity, so there is nothing for you to acknowledge on its deal solution '{0}'. Ask the opportunity's owner to add you to the deal team if you work on this deal.";

        public const string DealSolutionAlreadyExists =
            "This opportunity already has a deal solution: '{0}', version {1}, owned by {2}. Each opportunity has one deal solution so that the whole team presents one offer: open that one and change it instead of creating another.";

        public const string DealSolutionStartsAtVersionOne =
            "A new deal solution starts at version 1, and Team Selling sets it; you set Version (tsell_version) to {0}. Leave Version empty and save again.";

        public const string DealSolutionVersionIsKept =
            "The version of the deal solution '{0}' is kept by Team Selling (it is {1}) and cannot be set to {2}. To say which version your change starts from, set Based On Version (tsell_basedonversion) instead.";

        public const string DealSolutionOpportunityIsFixed =
            "The deal solution '{0}' is the offer for its opportunity and cannot be moved to another one. To make an offer on the other opportunity, create a deal solution there.";

        public const string DealSolutionChangeConflict =
            "Your change to '{0}' starts from version {1}, but {2} has since changed it to version {3}. Nothing was saved. Reload the deal solution, read their change, and make yours again.";

        public const string DealSolutionRowVersionConflict =
            "Your change to '{0}' was made on a copy that is no longer current: {1} has since changed it (it is now version {2}). Nothing was saved. Reload the deal solution, read their change, and make yours again.";

        public const string DealSolutionBasedOnUnknownVersion =
            "Your change to '{0}' says it starts from version {1}, but the deal solution is at version {2}. Reload the deal solution and make your change again.";

        public const string DealSolutionNeedsBaseVersion =
            "A change to the content of '{0}' must say which version it starts from, so that no one overwrites a colleague's change unseen. Set Based On Version (tsell_basedonversion) to the version you opened (the current one is {1}), or send the update with ConcurrencyBehavior IfRowVersionMatches and the row's RowVersion.";

        public const string DealSolutionNeedsChangeSummary =
            "Every change to the content of '{0}' needs a change summary that tells the team what changed and why. Fill in Change Summary and save again.";

        public const string DealSolutionAcceptedIsLocked =
            "'{0}' was accepted by the customer, so its content is locked. To change it, reopen it: set Solution Status back (for example to Presented) and give a Reopen Reason in the same save.";

        public const string DealSolutionReopenNeedsReason =
            "Reopening '{0}' (moving it out of Accepted) needs a reason the team can read. Fill in Reopen Reason and save again.";

        public const string DealSolutionHasNoVersion =
            "The deal solution '{0}' has no version number, so there is no version to acknowledge. Save a change to it (Team Selling then numbers it) and try again.";

        public const string DealSolutionAcknowledgeOldVersion =
            "You asked to acknowledge version {1} of '{0}', but the current version is {2} (last changed by {3}). Open the current version, read it, and acknowledge that one.";

        public const string DealSolutionRevisionIsImmutable =
            "Deal solution revisions are the permanent record of each version and cannot be changed (this update sets {0}). To change the offer, edit the deal solution itself: Team Selling records the change as a new revision.";

        public const string DealSolutionRevisionCannotBeDeleted =
            "Deal solution revisions are the permanent record of each version and cannot be deleted on their own. They are removed only together with their opportunity.";

        /// <summary>The change summary of version 1 when the creator gives none.</summary>
        public const string DealSolutionFirstVersionSummary = "First version.";

        /// <summary>The change summary of a reopening saved without one: {0} the reopen reason.</summary>
        public const string DealSolutionReopenedSummary = "Reopened: {0}";

        /// <summary>Who changed something, when the platform does not give the name.</summary>
        public const string AColleague = "a colleague";

        /// <summary>In-app notification title: {0} the deal solution's name.</summary>
        public const string DealSolutionChangedTitle = "Deal solution changed: {0}";

        /// <summary>In-app notification body: {0} who, {1} opportunity, {2} version, {3} change summary.</summary>
        public const string DealSolutionChangedBody =
            "{1}: {0} made version {2} of the deal solution: \"{3}\". Open it to read the change and acknowledge it.";

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

        // ---- Deal reviews and their actions (issue 8): the meeting, its action plan, review and amendment ----

        public const string DealReviewNeedsOpportunity =
            "A deal review is a meeting on one opportunity, and this one names none. Open the review from the opportunity's Deal Reviews, or set Opportunity (tsell_opportunityid).";

        public const string DealReviewNeedsDate =
            "The deal review of '{0}' has no review date. Set Review Date to the day of the meeting and save again.";

        public const string NotOnDealTeamToReview =
            "You are not on the deal team of '{0}', so you cannot open or change its deal reviews: only the opportunity's owner and its active deal team members can. Ask the owner to add you to the deal team, then try again.";

        public const string DealReviewOpportunityIsFixed =
            "The deal review '{0}' belongs to its opportunity and cannot be moved to another one. Open a new review on the other opportunity instead.";

        public const string DealReviewPreviousNotFound =
            "The previous review chosen for this deal review ({0}) does not exist or was deleted. Pick another Previous Review, or leave it empty: Team Selling then takes the latest earlier review of '{1}'.";

        public const string DealReviewPreviousOfAnotherOpportunity =
            "The previous review '{0}' belongs to another opportunity, not to '{1}'. Pick a review of '{1}' as Previous Review, or leave it empty: Team Selling then takes the latest earlier one.";

        public const string DealReviewPreviousIsLater =
            "The previous review '{0}' took place on {1:yyyy-MM-dd}, after this review's date {2:yyyy-MM-dd}. Pick an earlier review as Previous Review, or correct the Review Date.";

        public const string DealReviewPreviousIsFixed =
            "The previous review of '{0}' is set when the review is opened, and its open actions were carried forward then; it cannot be changed afterwards. To review the deal again, open a new review.";

        public const string DealReviewWithActionsCannotBeDeleted =
            "The deal review '{0}' decided or took over actions, and it is their record: deleting it would lose which meeting decided what. Correct the review instead (its date, decisions, attendees); to drop an action, close it with the outcome Dropped. A review with actions goes only with its opportunity.";

        public const string ActionNeedsOwner =
            "The action '{0}' has no owner. An action from a deal review is owned by the person who does it: set Owner to that person and save again.";

        public const string ActionOwnedByTeam =
            "The action '{0}' is assigned to the team '{1}'. An action from a deal review is owned by the one person who does it: assign it to a user and save again.";

        public const string ActionNeedsDueDate =
            "The action '{0}' has no due date. Every action from a deal review needs one, so the team sees when it is late: set Due (scheduledend) and save again.";

        public const string ActionDueDateCannotBeCleared =
            "The action '{0}' must keep a due date. To move it, set the new due date and give the Amendment Reason in the same save.";

        public const string ActionReviewNotFound =
            "The action '{0}' names a deal review ({1}) that does not exist or was deleted. Pick the review from the opportunity's Deal Reviews and save again.";

        public const string ActionRegardingNotOpportunity =
            "The action '{0}' is regarding a {1}, but an action from the deal review '{2}' is regarding that review's opportunity, '{3}'. Clear Regarding (Team Selling fills it in) or set it to '{3}'.";

        public const string ActionReviewOfAnotherOpportunity =
            "The action '{0}' is regarding '{1}', but the deal review '{2}' belongs to another opportunity, '{3}'. Add the action to a review of '{1}', or set Regarding to '{3}'.";

        public const string ActionStakeholderNotFound =
            "The action '{0}' targets a stakeholder ({1}) that does not exist or was deleted. Pick a stakeholder of '{2}' as Target Stakeholder, or leave it empty.";

        public const string ActionStakeholderOfAnotherOpportunity =
            "The action '{0}' targets the stakeholder '{1}', who belongs to another opportunity. Pick a stakeholder of '{2}' as Target Stakeholder, or leave it empty.";

        public const string ActionRegardingIsFixed =
            "The action '{0}' belongs to the opportunity '{1}' and cannot be moved to another record. Close it with the outcome Dropped, and create the action where it belongs.";

        public const string ActionReviewIsFixed =
            "The action '{0}' belongs to the deal review '{1}'. An action moves to a later review only when that review is opened (Team Selling then carries every open action forward); to drop it, close it with the outcome Dropped.";

        public const string ActionAmendmentNeedsReason =
            "You moved the due date of the action '{0}' from {1:yyyy-MM-dd} to {2:yyyy-MM-dd}. The review records why: fill in Amendment Reason in the same save.";

        public const string ActionCloseNeedsOutcome =
            "To close the action '{0}', record its outcome: set Review Outcome to Done or Dropped (Outcome Notes are optional) in the same save, or save the outcome first and then close it.";

        /// <summary>The name used for an action without a subject in messages and history entries.</summary>
        public const string UntitledAction = "(untitled action)";

        /// <summary>In-app notification title: {0} the action's subject.</summary>
        public const string ActionAssignedTitle = "Action for you: {0}";

        /// <summary>In-app notification body: {0} who assigned it, {1} subject, {2} deal review, {3} opportunity, {4} due date.</summary>
        public const string ActionAssignedBody =
            "{0} gave you the action \"{1}\" from the deal review {2} of {3}, due {4:yyyy-MM-dd}. Open it to see what the team expects; if the date cannot hold, agree a new one and record why.";
    }
}
