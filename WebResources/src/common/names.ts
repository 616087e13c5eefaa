// Logical names, navigation properties and choice values the web resources use. They mirror
// Solution/src (Entity.xml, OptionSets, customapis) and Plugins/Model/LogicalNames.cs (change a
// name there, here and in WebResources.Harness/DealScenario.cs together); the browser
// tests run these scripts against a fake Web API built from Solution/src itself, so a name that
// drifts from the schema fails a test instead of failing in a rep's browser.

/** The Web API's annotation for the display text of a lookup or choice value. */
export const FormattedValue = "@OData.Community.Display.V1.FormattedValue";

/** The `_x_value` property the Web API returns for lookup column x. */
export function lookupValue(lookupColumn: string): string {
  return `_${lookupColumn}_value`;
}

export const Opportunity = {
  table: "opportunity",
} as const;

export const Stakeholder = {
  table: "tsell_stakeholder",
  id: "tsell_stakeholderid",
  name: "tsell_name",
  opportunity: "tsell_opportunityid",
  contact: "tsell_contactid",
  department: "tsell_department",
  jobTitle: "tsell_jobtitle",
  level: "tsell_level",
  reportsTo: "tsell_reportstoid",
  buyingRole: "tsell_buyingrole",
  influence: "tsell_influence",
  stance: "tsell_stance",
  stateCode: "statecode",
} as const;

export const DealTeamMember = {
  table: "tsell_dealteammember",
  id: "tsell_dealteammemberid",
  opportunity: "tsell_opportunityid",
  user: "tsell_userid",
  teamRole: "tsell_teamrole",
  level: "tsell_level",
} as const;

export const Counterpart = {
  table: "tsell_counterpart",
  id: "tsell_counterpartid",
  /** The opportunity of both sides (the plugin fills it from the team member). */
  opportunity: "tsell_opportunityid",
  member: "tsell_dealteammemberid",
  /** Single-valued navigation property from the pairing to its deal team member (for $expand). */
  memberNavigation: "tsell_DealTeamMemberId",
  stakeholder: "tsell_stakeholderid",
  relationshipStrength: "tsell_relationshipstrength",
  stateCode: "statecode",
} as const;

export const DealSolution = {
  table: "tsell_dealsolution",
  id: "tsell_dealsolutionid",
  version: "tsell_version",
  /** The version the editor started from; the conflict check compares it with the current version. */
  baseVersion: "tsell_basedonversion",
  changeSummary: "tsell_changesummary",
} as const;

export const SolutionAcknowledgement = {
  table: "tsell_solutionacknowledgement",
  dealSolution: "tsell_dealsolutionid",
  user: "tsell_userid",
  version: "tsell_acknowledgedversion",
} as const;

export const CustomApis = {
  /** Bound to the opportunity (a function): the deal's coverage, see README.md, "Deal coverage and the readiness score". */
  getDealCoverage: {
    name: "tsell_GetDealCoverage",
    boundTable: "opportunity",
    /** Response property: the coverage JSON. */
    coverageProperty: "Coverage",
    readinessProperty: "ReadinessScore",
  },
  /** Bound to the deal solution (an action): records that the calling user read the current version. */
  acknowledgeDealSolution: {
    name: "tsell_AcknowledgeDealSolution",
    boundTable: "tsell_dealsolution",
    /** Request parameter (optional, Integer): the version the user read; the plugin refuses any but the current one. */
    versionParameter: "Version",
    /** Response property: the version now recorded as read. */
    acknowledgedVersionProperty: "AcknowledgedVersion",
  },
} as const;

/** The stakeholder map web resource's control on the opportunity's Team Selling form. */
export const StakeholderMapControl = "WebResource_stakeholdermap";
export const StakeholderMapWebResource = "tsell_/stakeholdermap/index.html";

/** Global choice tsell_level, shared by stakeholders and team members. */
export const Level = {
  staff: 412000000,
  manager: 412000001,
  director: 412000002,
  executive: 412000003,
} as const;

export const BuyingRole = {
  economicBuyer: 412000000,
  decisionMaker: 412000001,
  approver: 412000002,
  technicalEvaluator: 412000003,
  user: 412000004,
  influencer: 412000005,
  gatekeeper: 412000006,
  coach: 412000007,
} as const;

export const Influence = {
  low: 412000000,
  medium: 412000001,
  high: 412000002,
} as const;

export const Stance = {
  unknown: 412000000,
  champion: 412000001,
  supporter: 412000002,
  neutral: 412000003,
  skeptic: 412000004,
  opponent: 412000005,
} as const;

export const RelationshipStrength = {
  weak: 412000000,
  developing: 412000001,
  strong: 412000002,
  trusted: 412000003,
} as const;
