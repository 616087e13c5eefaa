namespace CrmTeamSelling.Plugins.Model
{
    // The names of every table, column, choice value, key, relationship, setting and custom API the
    // plugins use, matching Solution/src (Entities/*/Entity.xml, OptionSets, Other/Relationships,
    // environmentvariabledefinitions, customapis). Change a name there and here together.
    //
    // Tables are nested in LogicalNames because the plugin folders are namespaces named after the
    // tables (CrmTeamSelling.Plugins.DealSolution ...): a top-level class DealSolution would be
    // hidden by that namespace inside it.

    /// <summary>Logical names of the tables and columns, one nested class per table.</summary>
    public static partial class LogicalNames
    {
        /// <summary>Deal Team Member (tsell_dealteammember): A colleague working the opportunity: their role on the team, their seniority and their part of the plan. Adding a member gives that user access to the opportunity and its team-selling records.</summary>
        public static class DealTeamMember
        {
            public const string LogicalName = "tsell_dealteammember";
            public const string EntitySetName = "tsell_dealteammembers";
            /// <summary>Primary key.</summary>
            public const string Id = "tsell_dealteammemberid";
            /// <summary>Primary name. Shown in lookups as "Jane Doe – Sales Manager" (user – team role). Kept by a plugin; do not edit.</summary>
            public const string Name = "tsell_name";
            /// <summary>Opportunity: The opportunity this colleague works on.</summary>
            public const string OpportunityId = "tsell_opportunityid";
            /// <summary>User: The colleague on the deal team. One membership per user per opportunity.</summary>
            public const string UserId = "tsell_userid";
            /// <summary>Team Role: What this colleague does on the deal.</summary>
            public const string TeamRole = "tsell_teamrole";
            /// <summary>Level: Seniority, compared with the stakeholder's level when the two are paired as counterparts.</summary>
            public const string Level = "tsell_level";
            /// <summary>Department: The department the colleague comes from (Sales, Presales, Finance ...).</summary>
            public const string Department = "tsell_department";
            /// <summary>Responsibility: Their part of the plan to win the deal.</summary>
            public const string Responsibility = "tsell_responsibility";
            /// <summary>Owner: the user or team that owns the record.</summary>
            public const string OwnerId = "ownerid";
            /// <summary>Status: 0 active, 1 inactive.</summary>
            public const string StateCode = "statecode";
            /// <summary>Status reason: 1 active, 2 inactive.</summary>
            public const string StatusCode = "statuscode";
            /// <summary>Who created the record.</summary>
            public const string CreatedBy = "createdby";
            /// <summary>When the record was created.</summary>
            public const string CreatedOn = "createdon";
            /// <summary>Who last changed the record.</summary>
            public const string ModifiedBy = "modifiedby";
            /// <summary>When the record was last changed.</summary>
            public const string ModifiedOn = "modifiedon";
            /// <summary>Alternate key: Opportunity and User (tsell_opportunityid, tsell_userid).</summary>
            public const string OpportunityUserKey = "tsell_dealteammember_opportunity_user";
        }

        /// <summary>Buying Stakeholder (tsell_stakeholder): A person in the customer's buying organisation: where they sit, what role they play in the decision, how they feel about us, and what they expect.</summary>
        public static class Stakeholder
        {
            public const string LogicalName = "tsell_stakeholder";
            public const string EntitySetName = "tsell_stakeholders";
            /// <summary>Primary key.</summary>
            public const string Id = "tsell_stakeholderid";
            /// <summary>Primary name. Shown in lookups as "Ana Silva – CFO, Finance" (contact – job title, department). Kept by a plugin; do not edit.</summary>
            public const string Name = "tsell_name";
            /// <summary>Opportunity: The opportunity this person takes part in deciding.</summary>
            public const string OpportunityId = "tsell_opportunityid";
            /// <summary>Contact: The person, as a contact. One stakeholder record per contact per opportunity.</summary>
            public const string ContactId = "tsell_contactid";
            /// <summary>Department: Their department in the customer's organisation.</summary>
            public const string Department = "tsell_department";
            /// <summary>Job Title: Their job title.</summary>
            public const string JobTitle = "tsell_jobtitle";
            /// <summary>Level: Their seniority. Empty means unknown, which coverage reports as a gap.</summary>
            public const string Level = "tsell_level";
            /// <summary>Reports To: The stakeholder this person reports to, on the same opportunity. A stakeholder can never (indirectly) report to themselves.</summary>
            public const string ReportsToId = "tsell_reportstoid";
            /// <summary>Buying Role: The part they play in the buying decision. Empty means unknown, which coverage reports as a gap.</summary>
            public const string BuyingRole = "tsell_buyingrole";
            /// <summary>Influence: How much weight their opinion carries in the decision.</summary>
            public const string Influence = "tsell_influence";
            /// <summary>Stance: How they feel about us and our solution. A key stakeholder turning Opponent notifies the team.</summary>
            public const string Stance = "tsell_stance";
            /// <summary>Expectations: What they expect from the solution and from us.</summary>
            public const string Expectations = "tsell_expectations";
            /// <summary>Concerns: What worries them.</summary>
            public const string Concerns = "tsell_concerns";
            /// <summary>Personality and Communication Style: How to work with them: personality, preferred channel, level of detail.</summary>
            public const string CommunicationStyle = "tsell_communicationstyle";
            /// <summary>Part in Decision Process: Their part in the customer's decision procedure: which step, what they sign, whom they consult.</summary>
            public const string DecisionProcessPart = "tsell_decisionprocesspart";
            /// <summary>Last Interaction: When someone on the deal team last spoke with them.</summary>
            public const string LastInteraction = "tsell_lastinteraction";
            /// <summary>Owner: the user or team that owns the record.</summary>
            public const string OwnerId = "ownerid";
            /// <summary>Status: 0 active, 1 inactive.</summary>
            public const string StateCode = "statecode";
            /// <summary>Status reason: 1 active, 2 inactive.</summary>
            public const string StatusCode = "statuscode";
            /// <summary>Who created the record.</summary>
            public const string CreatedBy = "createdby";
            /// <summary>When the record was created.</summary>
            public const string CreatedOn = "createdon";
            /// <summary>Who last changed the record.</summary>
            public const string ModifiedBy = "modifiedby";
            /// <summary>When the record was last changed.</summary>
            public const string ModifiedOn = "modifiedon";
            /// <summary>Alternate key: Opportunity and Contact (tsell_opportunityid, tsell_contactid).</summary>
            public const string OpportunityContactKey = "tsell_stakeholder_opportunity_contact";
        }

        /// <summary>Counterpart Pairing (tsell_counterpart): A deal team member paired with a stakeholder of the same opportunity, ideally of the same rank: the relationship, the reciprocal expectations and commitments, and the next step.</summary>
        public static class Counterpart
        {
            public const string LogicalName = "tsell_counterpart";
            public const string EntitySetName = "tsell_counterparts";
            /// <summary>Primary key.</summary>
            public const string Id = "tsell_counterpartid";
            /// <summary>Primary name. Shown in lookups as "Jane Doe ↔ Ana Silva" (team member ↔ stakeholder). Kept by a plugin; do not edit.</summary>
            public const string Name = "tsell_name";
            /// <summary>Opportunity: The opportunity of both the team member and the stakeholder. Filled from the team member when left empty.</summary>
            public const string OpportunityId = "tsell_opportunityid";
            /// <summary>Team Member: Our side of the pairing.</summary>
            public const string DealTeamMemberId = "tsell_dealteammemberid";
            /// <summary>Stakeholder: Their side of the pairing. One pairing per team member and stakeholder.</summary>
            public const string StakeholderId = "tsell_stakeholderid";
            /// <summary>Relationship Strength: How strong the personal relationship is.</summary>
            public const string RelationshipStrength = "tsell_relationshipstrength";
            /// <summary>What They Expect From Us: What the stakeholder expects from us.</summary>
            public const string TheirExpectations = "tsell_theirexpectations";
            /// <summary>What We Committed: What our team member committed to this stakeholder.</summary>
            public const string OurCommitments = "tsell_ourcommitments";
            /// <summary>What They Committed: What the stakeholder committed to us.</summary>
            public const string TheirCommitments = "tsell_theircommitments";
            /// <summary>Last Contact: When the two last spoke. A relationship not touched for the stale-relationship days shows as a coverage gap.</summary>
            public const string LastContact = "tsell_lastcontact";
            /// <summary>Next Step: What happens next in this relationship.</summary>
            public const string NextStep = "tsell_nextstep";
            /// <summary>Next Step Due: When the next step is due.</summary>
            public const string NextStepDue = "tsell_nextstepdue";
            /// <summary>Level Gap: Our level minus theirs, in steps (staff, manager, director, executive). Kept by a plugin; empty while either level is unknown.</summary>
            public const string LevelGap = "tsell_levelgap";
            /// <summary>Level Parity: Whether the two are of matching rank, under the level parity setting. Kept by a plugin.</summary>
            public const string LevelParity = "tsell_levelparity";
            /// <summary>Owner: the user or team that owns the record.</summary>
            public const string OwnerId = "ownerid";
            /// <summary>Status: 0 active, 1 inactive.</summary>
            public const string StateCode = "statecode";
            /// <summary>Status reason: 1 active, 2 inactive.</summary>
            public const string StatusCode = "statuscode";
            /// <summary>Who created the record.</summary>
            public const string CreatedBy = "createdby";
            /// <summary>When the record was created.</summary>
            public const string CreatedOn = "createdon";
            /// <summary>Who last changed the record.</summary>
            public const string ModifiedBy = "modifiedby";
            /// <summary>When the record was last changed.</summary>
            public const string ModifiedOn = "modifiedon";
            /// <summary>Alternate key: Team Member and Stakeholder (tsell_dealteammemberid, tsell_stakeholderid).</summary>
            public const string TeamMemberStakeholderKey = "tsell_counterpart_member_stakeholder";
        }

        /// <summary>Deal Solution (tsell_dealsolution): The one offer the team makes for an opportunity. Every change is versioned, kept as a revision and pushed to the whole deal team; a change based on an older version is refused as a conflict.</summary>
        public static class DealSolution
        {
            public const string LogicalName = "tsell_dealsolution";
            public const string EntitySetName = "tsell_dealsolutions";
            /// <summary>Primary key.</summary>
            public const string Id = "tsell_dealsolutionid";
            /// <summary>Primary name. Shown in lookups as "Contoso ERP rollout – v3" (opportunity – version). Kept by a plugin; do not edit.</summary>
            public const string Name = "tsell_name";
            /// <summary>Opportunity: The opportunity this is the offer for. One deal solution per opportunity.</summary>
            public const string OpportunityId = "tsell_opportunityid";
            /// <summary>Solution Status: Where the offer stands. Accepted solutions are locked.</summary>
            public const string SolutionStatus = "tsell_solutionstatus";
            /// <summary>Version: The current version, starting at 1 and raised by one on every change. Kept by a plugin.</summary>
            public const string Version = "tsell_version";
            /// <summary>Based On Version: The version the editor started from. A change based on an older version than the current one is refused as a conflict.</summary>
            public const string BasedOnVersion = "tsell_basedonversion";
            /// <summary>Change Summary: Why this change was made. Required for every change after the first version.</summary>
            public const string ChangeSummary = "tsell_changesummary";
            /// <summary>Customer Problem: Summary of the customer's problem, as the whole team understands it.</summary>
            public const string ProblemSummary = "tsell_problemsummary";
            /// <summary>Proposed Solution: What we propose.</summary>
            public const string ProposedSolution = "tsell_proposedsolution";
            /// <summary>Scope: What is in and out of scope.</summary>
            public const string Scope = "tsell_scope";
            /// <summary>Value to the Customer: The business value the customer gets.</summary>
            public const string Value = "tsell_value";
            /// <summary>Amount: The price of the offer.</summary>
            public const string Amount = "tsell_amount";
            /// <summary>Terms: Commercial and contractual terms.</summary>
            public const string Terms = "tsell_terms";
            /// <summary>Reopen Reason: Why an accepted or withdrawn solution was reopened. Required to reopen it.</summary>
            public const string ReopenReason = "tsell_reopenreason";
            /// <summary>Currency of the money columns.</summary>
            public const string TransactionCurrencyId = "transactioncurrencyid";
            /// <summary>Owner: the user or team that owns the record.</summary>
            public const string OwnerId = "ownerid";
            /// <summary>Status: 0 active, 1 inactive.</summary>
            public const string StateCode = "statecode";
            /// <summary>Status reason: 1 active, 2 inactive.</summary>
            public const string StatusCode = "statuscode";
            /// <summary>Who created the record.</summary>
            public const string CreatedBy = "createdby";
            /// <summary>When the record was created.</summary>
            public const string CreatedOn = "createdon";
            /// <summary>Who last changed the record.</summary>
            public const string ModifiedBy = "modifiedby";
            /// <summary>When the record was last changed.</summary>
            public const string ModifiedOn = "modifiedon";
            /// <summary>Alternate key: Opportunity (tsell_opportunityid).</summary>
            public const string OpportunityKey = "tsell_dealsolution_opportunity";
        }

        /// <summary>Deal Solution Revision (tsell_dealsolutionrevision): An immutable snapshot of a deal solution as it was at one version: who changed it, when, why, and the content. Written by a plugin.</summary>
        public static class DealSolutionRevision
        {
            public const string LogicalName = "tsell_dealsolutionrevision";
            public const string EntitySetName = "tsell_dealsolutionrevisions";
            /// <summary>Primary key.</summary>
            public const string Id = "tsell_dealsolutionrevisionid";
            /// <summary>Primary name. Shown in lookups as "Contoso ERP rollout – v3" (deal solution – version). Kept by a plugin.</summary>
            public const string Name = "tsell_name";
            /// <summary>Opportunity: The opportunity of the deal solution.</summary>
            public const string OpportunityId = "tsell_opportunityid";
            /// <summary>Deal Solution: The deal solution this is a version of.</summary>
            public const string DealSolutionId = "tsell_dealsolutionid";
            /// <summary>Version: The version this snapshot records. One revision per version.</summary>
            public const string Version = "tsell_version";
            /// <summary>Change Summary: Why the change was made.</summary>
            public const string ChangeSummary = "tsell_changesummary";
            /// <summary>Changed By: Who made the change.</summary>
            public const string ChangedBy = "tsell_changedby";
            /// <summary>Changed On: When the change was made.</summary>
            public const string ChangedOn = "tsell_changedon";
            /// <summary>Solution Status: The status at this version.</summary>
            public const string SolutionStatus = "tsell_solutionstatus";
            /// <summary>Customer Problem: The customer problem at this version.</summary>
            public const string ProblemSummary = "tsell_problemsummary";
            /// <summary>Proposed Solution: The proposed solution at this version.</summary>
            public const string ProposedSolution = "tsell_proposedsolution";
            /// <summary>Scope: The scope at this version.</summary>
            public const string Scope = "tsell_scope";
            /// <summary>Value to the Customer: The value at this version.</summary>
            public const string Value = "tsell_value";
            /// <summary>Amount: The amount at this version.</summary>
            public const string Amount = "tsell_amount";
            /// <summary>Terms: The terms at this version.</summary>
            public const string Terms = "tsell_terms";
            /// <summary>Currency of the money columns.</summary>
            public const string TransactionCurrencyId = "transactioncurrencyid";
            /// <summary>Owner: the user or team that owns the record.</summary>
            public const string OwnerId = "ownerid";
            /// <summary>Status: 0 active, 1 inactive.</summary>
            public const string StateCode = "statecode";
            /// <summary>Status reason: 1 active, 2 inactive.</summary>
            public const string StatusCode = "statuscode";
            /// <summary>Who created the record.</summary>
            public const string CreatedBy = "createdby";
            /// <summary>When the record was created.</summary>
            public const string CreatedOn = "createdon";
            /// <summary>Who last changed the record.</summary>
            public const string ModifiedBy = "modifiedby";
            /// <summary>When the record was last changed.</summary>
            public const string ModifiedOn = "modifiedon";
            /// <summary>Alternate key: Deal Solution and Version (tsell_dealsolutionid, tsell_version).</summary>
            public const string DealSolutionVersionKey = "tsell_dealsolutionrevision_solution_version";
        }

        /// <summary>Solution Acknowledgement (tsell_solutionacknowledgement): Which version of the deal solution a team member has read. Written by the Acknowledge Deal Solution action.</summary>
        public static class SolutionAcknowledgement
        {
            public const string LogicalName = "tsell_solutionacknowledgement";
            public const string EntitySetName = "tsell_solutionacknowledgements";
            /// <summary>Primary key.</summary>
            public const string Id = "tsell_solutionacknowledgementid";
            /// <summary>Primary name. Shown in lookups as "Jane Doe – v3" (user – acknowledged version). Kept by a plugin.</summary>
            public const string Name = "tsell_name";
            /// <summary>Opportunity: The opportunity of the deal solution.</summary>
            public const string OpportunityId = "tsell_opportunityid";
            /// <summary>Deal Solution: The deal solution that was read.</summary>
            public const string DealSolutionId = "tsell_dealsolutionid";
            /// <summary>User: Who read it. One acknowledgement per user per deal solution, moved forward on every read.</summary>
            public const string UserId = "tsell_userid";
            /// <summary>Acknowledged Version: The latest version this user has read.</summary>
            public const string AcknowledgedVersion = "tsell_acknowledgedversion";
            /// <summary>Acknowledged On: When they read it.</summary>
            public const string AcknowledgedOn = "tsell_acknowledgedon";
            /// <summary>Owner: the user or team that owns the record.</summary>
            public const string OwnerId = "ownerid";
            /// <summary>Status: 0 active, 1 inactive.</summary>
            public const string StateCode = "statecode";
            /// <summary>Status reason: 1 active, 2 inactive.</summary>
            public const string StatusCode = "statuscode";
            /// <summary>Who created the record.</summary>
            public const string CreatedBy = "createdby";
            /// <summary>When the record was created.</summary>
            public const string CreatedOn = "createdon";
            /// <summary>Who last changed the record.</summary>
            public const string ModifiedBy = "modifiedby";
            /// <summary>When the record was last changed.</summary>
            public const string ModifiedOn = "modifiedon";
            /// <summary>Alternate key: Deal Solution and User (tsell_dealsolutionid, tsell_userid).</summary>
            public const string DealSolutionUserKey = "tsell_solutionacknowledgement_solution_user";
        }

        /// <summary>Deal Review (tsell_dealreview): A sales meeting on the deal: who attended, what was decided, when to meet next. Its actions are tasks regarding the opportunity; open actions carry forward to the next review.</summary>
        public static class DealReview
        {
            public const string LogicalName = "tsell_dealreview";
            public const string EntitySetName = "tsell_dealreviews";
            /// <summary>Primary key.</summary>
            public const string Id = "tsell_dealreviewid";
            /// <summary>Primary name. Shown in lookups as "Contoso ERP rollout – review 2026-03-12" (opportunity – review date). Kept by a plugin; do not edit.</summary>
            public const string Name = "tsell_name";
            /// <summary>Opportunity: The opportunity reviewed.</summary>
            public const string OpportunityId = "tsell_opportunityid";
            /// <summary>Review Date: When the meeting takes place.</summary>
            public const string ReviewDate = "tsell_reviewdate";
            /// <summary>Facilitator: Who runs the meeting.</summary>
            public const string FacilitatorId = "tsell_facilitatorid";
            /// <summary>Decisions: What the meeting decided: the plan, who does what, what changes.</summary>
            public const string Decisions = "tsell_decisions";
            /// <summary>Next Review Date: When the team meets again on this deal.</summary>
            public const string NextReviewDate = "tsell_nextreviewdate";
            /// <summary>Previous Review: The review before this one; its open actions carry forward to this one.</summary>
            public const string PreviousReviewId = "tsell_previousreviewid";
            /// <summary>Owner: the user or team that owns the record.</summary>
            public const string OwnerId = "ownerid";
            /// <summary>Status: 0 active, 1 inactive.</summary>
            public const string StateCode = "statecode";
            /// <summary>Status reason: 1 active, 2 inactive.</summary>
            public const string StatusCode = "statuscode";
            /// <summary>Who created the record.</summary>
            public const string CreatedBy = "createdby";
            /// <summary>When the record was created.</summary>
            public const string CreatedOn = "createdon";
            /// <summary>Who last changed the record.</summary>
            public const string ModifiedBy = "modifiedby";
            /// <summary>When the record was last changed.</summary>
            public const string ModifiedOn = "modifiedon";
        }

        /// <summary>Review Action Entry (tsell_reviewactionentry): One step in the life of a deal review action (decided, carried forward, amended, outcome recorded, closed, reopened), recorded against the review the action belonged to. Written by Team Selling; the history of every action, read-only.</summary>
        public static class ReviewActionEntry
        {
            public const string LogicalName = "tsell_reviewactionentry";
            public const string EntitySetName = "tsell_reviewactionentries";
            /// <summary>Primary key.</summary>
            public const string Id = "tsell_reviewactionentryid";
            /// <summary>Primary name. Shown in lookups as "Send the ROI model – Amended" (action – step). Kept by a plugin.</summary>
            public const string Name = "tsell_name";
            /// <summary>Opportunity: The opportunity of the action (parent: the history goes with the deal).</summary>
            public const string OpportunityId = "tsell_opportunityid";
            /// <summary>Deal Review: The review the action belonged to when this step happened.</summary>
            public const string DealReviewId = "tsell_dealreviewid";
            /// <summary>Action: The task this step happened to.</summary>
            public const string ActionId = "tsell_actionid";
            /// <summary>Step: What happened to the action.</summary>
            public const string Step = "tsell_step";
            /// <summary>Due Date: The action's due date after this step.</summary>
            public const string DueDate = "tsell_duedate";
            /// <summary>Previous Due Date: The due date before an amendment.</summary>
            public const string PreviousDueDate = "tsell_previousduedate";
            /// <summary>Amendment Reason: Why the due date moved.</summary>
            public const string AmendmentReason = "tsell_amendmentreason";
            /// <summary>Outcome: The review outcome recorded at this step.</summary>
            public const string Outcome = "tsell_outcome";
            /// <summary>Outcome Notes: What was said about the outcome.</summary>
            public const string OutcomeNotes = "tsell_outcomenotes";
            /// <summary>Changed By: Who made the change (the entry itself is written by the system).</summary>
            public const string ChangedBy = "tsell_changedby";
            /// <summary>Owner: the user or team that owns the record.</summary>
            public const string OwnerId = "ownerid";
            /// <summary>Status: 0 active, 1 inactive.</summary>
            public const string StateCode = "statecode";
            /// <summary>Who created the record.</summary>
            public const string CreatedBy = "createdby";
            /// <summary>When the record was created: when the step happened.</summary>
            public const string CreatedOn = "createdon";
        }

        /// <summary>The standard opportunity table (Dynamics 365 Sales); only the columns Team Selling uses.</summary>
        public static class Opportunity
        {
            public const string LogicalName = "opportunity";
            public const string EntitySetName = "opportunities";
            public const string Id = "opportunityid";
            public const string Name = "name";
            public const string CustomerId = "customerid";
            public const string EstimatedValue = "estimatedvalue";
            public const string EstimatedCloseDate = "estimatedclosedate";
            public const string Description = "description";
            public const string OwnerId = "ownerid";
            /// <summary>Status: 0 open, 1 won, 2 lost.</summary>
            public const string StateCode = "statecode";
            /// <summary>Tasks regarding the opportunity (the deal's actions).</summary>
            public const string TasksRelationship = "Opportunity_Tasks";
        }

        /// <summary>The standard task table, with the columns Team Selling adds for deal review actions.</summary>
        public static class Task
        {
            public const string LogicalName = "task";
            public const string EntitySetName = "tasks";
            public const string Id = "activityid";
            public const string Subject = "subject";
            public const string Description = "description";
            /// <summary>The opportunity the action is for.</summary>
            public const string RegardingObjectId = "regardingobjectid";
            /// <summary>Due date.</summary>
            public const string ScheduledEnd = "scheduledend";
            public const string PriorityCode = "prioritycode";
            public const string OwnerId = "ownerid";
            /// <summary>Status: 0 open, 1 completed, 2 canceled.</summary>
            public const string StateCode = "statecode";
            public const string StatusCode = "statuscode";
            public const string ActualEnd = "actualend";
            /// <summary>Who last changed the task.</summary>
            public const string ModifiedBy = "modifiedby";
            /// <summary>When the task was last changed.</summary>
            public const string ModifiedOn = "modifiedon";
            /// <summary>Deal Review: The deal review that decided this action.</summary>
            public const string DealReviewId = "tsell_dealreviewid";
            /// <summary>Target Stakeholder: The buying stakeholder this action is aimed at.</summary>
            public const string StakeholderId = "tsell_stakeholderid";
            /// <summary>Carried Forward From: The earlier review this open action was carried forward from.</summary>
            public const string CarriedForwardFromId = "tsell_carriedforwardfromid";
            /// <summary>Review Outcome: What the review that last looked at this action recorded for it.</summary>
            public const string ActionOutcome = "tsell_actionoutcome";
            /// <summary>Outcome Notes: What the review said about this action.</summary>
            public const string OutcomeNotes = "tsell_outcomenotes";
            /// <summary>Amendment Reason: Why the action was amended at a review (new owner, new due date, new scope).</summary>
            public const string AmendmentReason = "tsell_amendmentreason";
            /// <summary>Original Due Date: The due date the action had before it was first amended.</summary>
            public const string OriginalDueDate = "tsell_originalduedate";
        }

        /// <summary>The standard user table; only the columns Team Selling uses.</summary>
        public static class SystemUser
        {
            public const string LogicalName = "systemuser";
            public const string Id = "systemuserid";
            public const string FullName = "fullname";
            public const string Title = "title";
            public const string IsDisabled = "isdisabled";
            public const string BusinessUnitId = "businessunitid";
            public const string InternalEmailAddress = "internalemailaddress";
        }

        /// <summary>The standard contact table; only the columns Team Selling uses.</summary>
        public static class Contact
        {
            public const string LogicalName = "contact";
            public const string Id = "contactid";
            public const string FullName = "fullname";
            public const string JobTitle = "jobtitle";
        }

        /// <summary>The standard in-app notification table (appnotification): one row per recipient, owned by the recipient.</summary>
        public static class AppNotification
        {
            public const string LogicalName = "appnotification";
            public const string Id = "appnotificationid";
            public const string Title = "title";
            public const string Body = "body";
            /// <summary>The recipient.</summary>
            public const string OwnerId = "ownerid";
            public const string IconType = "icontype";
            public const string ToastType = "toasttype";
            public const string Priority = "priority";
            /// <summary>JSON with the actions of the notification.</summary>
            public const string Data = "data";
            public const string TtlInSeconds = "ttlinseconds";
        }
    }

    /// <summary>Relationship schema names (for Associate, Disassociate and RelatedEntities).</summary>
    public static class Relationships
    {
        /// <summary>Opportunity to tsell_dealteammember through tsell_opportunityid: Deal team members of the opportunity.</summary>
        public const string OpportunityDealTeamMembers = "tsell_opportunity_dealteammember";
        /// <summary>Opportunity to tsell_stakeholder through tsell_opportunityid: Buying stakeholders of the opportunity.</summary>
        public const string OpportunityStakeholders = "tsell_opportunity_stakeholder";
        /// <summary>Opportunity to tsell_counterpart through tsell_opportunityid: Counterpart pairings of the opportunity.</summary>
        public const string OpportunityCounterparts = "tsell_opportunity_counterpart";
        /// <summary>Opportunity to tsell_dealsolution through tsell_opportunityid: The deal solution of the opportunity.</summary>
        public const string OpportunityDealSolution = "tsell_opportunity_dealsolution";
        /// <summary>Opportunity to tsell_dealsolutionrevision through tsell_opportunityid: Revisions of the opportunity's deal solution.</summary>
        public const string OpportunityDealSolutionRevisions = "tsell_opportunity_dealsolutionrevision";
        /// <summary>Opportunity to tsell_solutionacknowledgement through tsell_opportunityid: Who has read which version of the opportunity's deal solution.</summary>
        public const string OpportunitySolutionAcknowledgements = "tsell_opportunity_solutionacknowledgement";
        /// <summary>Opportunity to tsell_dealreview through tsell_opportunityid: Deal reviews of the opportunity.</summary>
        public const string OpportunityDealReviews = "tsell_opportunity_dealreview";
        /// <summary>SystemUser to tsell_dealteammember through tsell_userid: Deal teams the user is a member of.</summary>
        public const string UserDealTeamMemberships = "tsell_systemuser_dealteammember";
        /// <summary>Contact to tsell_stakeholder through tsell_contactid: Opportunities in which the contact is a buying stakeholder.</summary>
        public const string ContactStakeholders = "tsell_contact_stakeholder";
        /// <summary>tsell_stakeholder to tsell_stakeholder through tsell_reportstoid: Stakeholders who report to this stakeholder.</summary>
        public const string StakeholderReportsTo = "tsell_stakeholder_reportsto";
        /// <summary>tsell_dealteammember to tsell_counterpart through tsell_dealteammemberid: Stakeholders this team member is paired with.</summary>
        public const string DealTeamMemberCounterparts = "tsell_dealteammember_counterpart";
        /// <summary>tsell_stakeholder to tsell_counterpart through tsell_stakeholderid: Team members this stakeholder is paired with.</summary>
        public const string StakeholderCounterparts = "tsell_stakeholder_counterpart";
        /// <summary>tsell_dealsolution to tsell_dealsolutionrevision through tsell_dealsolutionid: Versions of the deal solution.</summary>
        public const string DealSolutionRevisions = "tsell_dealsolution_revision";
        /// <summary>SystemUser to tsell_dealsolutionrevision through tsell_changedby: Deal solution revisions the user made.</summary>
        public const string UserDealSolutionRevisions = "tsell_systemuser_revision_changedby";
        /// <summary>tsell_dealsolution to tsell_solutionacknowledgement through tsell_dealsolutionid: Who has read which version of the deal solution.</summary>
        public const string DealSolutionAcknowledgements = "tsell_dealsolution_acknowledgement";
        /// <summary>SystemUser to tsell_solutionacknowledgement through tsell_userid: Deal solution versions the user has read.</summary>
        public const string UserSolutionAcknowledgements = "tsell_systemuser_acknowledgement";
        /// <summary>SystemUser to tsell_dealreview through tsell_facilitatorid: Deal reviews the user facilitates.</summary>
        public const string UserFacilitatedDealReviews = "tsell_systemuser_dealreview_facilitator";
        /// <summary>tsell_dealreview to tsell_dealreview through tsell_previousreviewid: The reviews that follow this one.</summary>
        public const string DealReviewPreviousReview = "tsell_dealreview_previousreview";
        /// <summary>tsell_dealreview to Task through tsell_dealreviewid: Actions decided at the deal review.</summary>
        public const string DealReviewActions = "tsell_dealreview_task";
        /// <summary>tsell_dealreview to Task through tsell_carriedforwardfromid: Open actions carried forward from the deal review.</summary>
        public const string DealReviewCarriedForwardActions = "tsell_dealreview_task_carriedforward";
        /// <summary>tsell_stakeholder to Task through tsell_stakeholderid: Actions aimed at the stakeholder.</summary>
        public const string StakeholderActions = "tsell_stakeholder_task";
        /// <summary>tsell_dealreview to SystemUser, many-to-many: Who attended the deal review: team members and invited colleagues from other departments.</summary>
        public const string DealReviewAttendees = "tsell_dealreview_attendee";
        /// <summary>The intersect table of tsell_dealreview_attendee, with columns tsell_dealreviewid and systemuserid.</summary>
        public const string DealReviewAttendeesIntersectTable = "tsell_dealreview_attendee";
        /// <summary>Opportunity to tsell_reviewactionentry through tsell_opportunityid: The history of the opportunity's deal review actions.</summary>
        public const string OpportunityReviewActionEntries = "tsell_opportunity_reviewactionentry";
        /// <summary>tsell_dealreview to tsell_reviewactionentry through tsell_dealreviewid: What happened to the actions while they belonged to the review.</summary>
        public const string DealReviewActionEntries = "tsell_dealreview_reviewactionentry";
        /// <summary>Task to tsell_reviewactionentry through tsell_actionid: The history of the action.</summary>
        public const string TaskReviewActionEntries = "tsell_task_reviewactionentry";
        /// <summary>SystemUser to tsell_reviewactionentry through tsell_changedby: Action history steps the user made.</summary>
        public const string UserReviewActionEntries = "tsell_systemuser_reviewactionentry_changedby";
    }

    /// <summary>Choice values of Level (tsell_level). Seniority of a person, on our side or the customer's. Deal team members and buying stakeholders share it so that counterparts can be paired rank for rank.</summary>
    public static class Level
    {
        /// <summary>Staff: Individual contributor: rep, buyer, specialist.</summary>
        public const int Staff = 412000000;
        /// <summary>Manager: Manages a team: sales manager, department head.</summary>
        public const int Manager = 412000001;
        /// <summary>Director: Leads a function or region.</summary>
        public const int Director = 412000002;
        /// <summary>Executive: General manager, C-level, executive sponsor.</summary>
        public const int Executive = 412000003;
    }

    /// <summary>Choice values of Deal Solution Status (tsell_dealsolutionstatus). Where the one offer for an opportunity stands. Accepted solutions are locked.</summary>
    public static class DealSolutionStatus
    {
        /// <summary>Draft: Being worked on by the deal team; not yet shown to the customer.</summary>
        public const int Draft = 412000000;
        /// <summary>Presented: Shown to the customer; changes still allowed, each one versioned.</summary>
        public const int Presented = 412000001;
        /// <summary>Accepted: Accepted by the customer. Locked: reopening needs a reopen reason.</summary>
        public const int Accepted = 412000002;
        /// <summary>Withdrawn: No longer offered.</summary>
        public const int Withdrawn = 412000003;
    }

    /// <summary>Choice values of Team Role (tsell_dealteammember.tsell_teamrole). What this colleague does on the deal.</summary>
    public static class TeamRole
    {
        public const int AccountExecutive = 412000000;
        public const int SalesManager = 412000001;
        public const int ExecutiveSponsor = 412000002;
        public const int Presales = 412000003;
        public const int Delivery = 412000004;
        public const int Finance = 412000005;
        public const int Legal = 412000006;
        public const int Product = 412000007;
        public const int Other = 412000008;
    }

    /// <summary>Choice values of Buying Role (tsell_stakeholder.tsell_buyingrole). The part they play in the buying decision. Empty means unknown, which coverage reports as a gap.</summary>
    public static class BuyingRole
    {
        /// <summary>Economic Buyer: Owns the budget.</summary>
        public const int EconomicBuyer = 412000000;
        /// <summary>Decision Maker: Makes the final call.</summary>
        public const int DecisionMaker = 412000001;
        /// <summary>Approver: Must sign off.</summary>
        public const int Approver = 412000002;
        /// <summary>Technical Evaluator: Judges whether the solution works.</summary>
        public const int TechnicalEvaluator = 412000003;
        /// <summary>User: Will use what we sell.</summary>
        public const int User = 412000004;
        /// <summary>Influencer: Shapes the opinion of others.</summary>
        public const int Influencer = 412000005;
        /// <summary>Gatekeeper: Controls access to the decision makers.</summary>
        public const int Gatekeeper = 412000006;
        /// <summary>Coach: Guides us through their organisation.</summary>
        public const int Coach = 412000007;
    }

    /// <summary>Choice values of Influence (tsell_stakeholder.tsell_influence). How much weight their opinion carries in the decision.</summary>
    public static class Influence
    {
        public const int Low = 412000000;
        public const int Medium = 412000001;
        public const int High = 412000002;
    }

    /// <summary>Choice values of Stance (tsell_stakeholder.tsell_stance). How they feel about us and our solution. A key stakeholder turning Opponent notifies the team.</summary>
    public static class Stance
    {
        /// <summary>Unknown: Not yet known; coverage reports it as a gap.</summary>
        public const int Unknown = 412000000;
        /// <summary>Champion: Sells for us inside their organisation.</summary>
        public const int Champion = 412000001;
        /// <summary>Supporter: In favour.</summary>
        public const int Supporter = 412000002;
        public const int Neutral = 412000003;
        /// <summary>Skeptic: Has doubts we must address.</summary>
        public const int Skeptic = 412000004;
        /// <summary>Opponent: Works against us.</summary>
        public const int Opponent = 412000005;
    }

    /// <summary>Choice values of Relationship Strength (tsell_counterpart.tsell_relationshipstrength). How strong the personal relationship is.</summary>
    public static class RelationshipStrength
    {
        public const int Weak = 412000000;
        public const int Developing = 412000001;
        public const int Strong = 412000002;
        public const int Trusted = 412000003;
    }

    /// <summary>Choice values of Level Parity (tsell_counterpart.tsell_levelparity). Whether the two are of matching rank, under the level parity setting. Kept by a plugin.</summary>
    public static class LevelParity
    {
        /// <summary>Matched: Same level on both sides.</summary>
        public const int Matched = 412000000;
        /// <summary>Mismatched: Different levels; allowed because the parity setting is warn.</summary>
        public const int Mismatched = 412000001;
        /// <summary>Not Checked: The parity setting is off, or a level is unknown.</summary>
        public const int NotChecked = 412000002;
    }

    /// <summary>Choice values of Review Outcome (task.tsell_actionoutcome). What the review that last looked at this action recorded for it.</summary>
    public static class ActionOutcome
    {
        /// <summary>Done: Completed as planned.</summary>
        public const int Done = 412000000;
        /// <summary>On Track: Open and on schedule.</summary>
        public const int OnTrack = 412000001;
        /// <summary>At Risk: Open and likely to slip.</summary>
        public const int AtRisk = 412000002;
        /// <summary>Blocked: Cannot proceed without help.</summary>
        public const int Blocked = 412000003;
        /// <summary>Dropped: No longer needed.</summary>
        public const int Dropped = 412000004;
    }

    /// <summary>Choice values of Step (tsell_reviewactionentry.tsell_step). What happened to a deal review action.</summary>
    public static class ActionHistoryStep
    {
        /// <summary>Decided: The review decided the action (it was created, or an ordinary task was linked to the review).</summary>
        public const int Decided = 412000000;
        /// <summary>Carried Forward: Still open when the next review was opened, so it moved to that review.</summary>
        public const int CarriedForward = 412000001;
        /// <summary>Amended: Its due date moved, for the reason given.</summary>
        public const int Amended = 412000002;
        /// <summary>Outcome Recorded: A review outcome was recorded while it stayed open (or changed after it was closed).</summary>
        public const int OutcomeRecorded = 412000003;
        /// <summary>Closed: Completed or canceled, with its outcome.</summary>
        public const int Closed = 412000004;
        /// <summary>Reopened: Opened again after it was closed.</summary>
        public const int Reopened = 412000005;
    }

    /// <summary>task.statecode and the status reasons Team Selling relies on (standard values of the task table).</summary>
    public static class TaskState
    {
        public const int Open = 0;
        public const int Completed = 1;
        public const int Canceled = 2;
    }

    /// <summary>Schema names of the environment variables that hold the settings, with their allowed values.</summary>
    public static class EnvironmentVariables
    {
        /// <summary>Level Parity Mode (default warn): How counterpart pairings of different rank are treated: enforce (refused), warn (allowed and flagged), off (not checked).</summary>
        public const string LevelParityMode = "tsell_LevelParityMode";
        /// <summary>Stale Relationship Days (default 30): Days without contact after which a counterpart relationship counts as stale in deal coverage. A whole number of at least 1.</summary>
        public const string StaleRelationshipDays = "tsell_StaleRelationshipDays";
        /// <summary>Notification Channel (default inapp): How the deal team is told about changes: inapp (in-app notifications in the Team Selling app) or off (no notifications).</summary>
        public const string NotificationChannel = "tsell_NotificationChannel";
    }

    /// <summary>Values of the tsell_LevelParityMode environment variable.</summary>
    public static class LevelParityModes
    {
        /// <summary>A pairing of different levels is refused.</summary>
        public const string Enforce = "enforce";
        /// <summary>A pairing of different levels is allowed and flagged as mismatched (the default).</summary>
        public const string Warn = "warn";
        /// <summary>Levels are not compared.</summary>
        public const string Off = "off";
        public const string Default = Warn;
    }

    /// <summary>Values of the tsell_NotificationChannel environment variable.</summary>
    public static class NotificationChannels
    {
        /// <summary>In-app notifications in the Team Selling app (the default).</summary>
        public const string InApp = "inapp";
        /// <summary>No notifications.</summary>
        public const string Off = "off";
        public const string Default = InApp;
    }

    /// <summary>Default of the tsell_StaleRelationshipDays environment variable.</summary>
    public static class StaleRelationshipDays
    {
        public const int Default = 30;
    }

    /// <summary>Custom APIs: message names and their parameter and response property names.</summary>
    public static class CustomApis
    {
        /// <summary>Input parameter of every bound custom API: an EntityReference to the record the API is bound to.</summary>
        public const string Target = "Target";

        /// <summary>Acknowledge Deal Solution: Records that the calling user has read the current version of the deal solution. Bound to the deal solution: the Target parameter is the solution. Implemented by CrmTeamSelling.Plugins.DealSolution.AcknowledgeDealSolution.</summary>
        public static class AcknowledgeDealSolution
        {
            public const string Name = "tsell_AcknowledgeDealSolution";
            /// <summary>The table the API is bound to; the Target parameter refers to a row of it.</summary>
            public const string BoundTable = "tsell_dealsolution";
            /// <summary>Request (optional, Integer): the version the caller read; acknowledging any but the current version is refused.</summary>
            public const string Version = "Version";
            /// <summary>Response: The version now recorded as read by the calling user.</summary>
            public const string AcknowledgedVersion = "AcknowledgedVersion";
        }

        /// <summary>Get Deal Coverage: What the deal team does not yet know or cover on the opportunity, and a readiness score. Bound to the opportunity: the Target parameter is the opportunity. Implemented by CrmTeamSelling.Plugins.Opportunity.GetDealCoverage.</summary>
        public static class GetDealCoverage
        {
            public const string Name = "tsell_GetDealCoverage";
            /// <summary>The table the API is bound to; the Target parameter refers to a row of it.</summary>
            public const string BoundTable = "opportunity";
            /// <summary>Response: The coverage gaps as a JSON document.</summary>
            public const string Coverage = "Coverage";
            /// <summary>Response: How ready the team is to win the deal, from 0 to 100.</summary>
            public const string ReadinessScore = "ReadinessScore";
        }
    }

    /// <summary>The solution's security roles, by name.</summary>
    public static class SecurityRoles
    {
        public const string TeamSellingMember = "Team Selling Member";
        public const string TeamSellingManager = "Team Selling Manager";
    }
}
