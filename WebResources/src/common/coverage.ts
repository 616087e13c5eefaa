// The deal coverage custom API (tsell_GetDealCoverage) and its JSON contract, shared by the
// stakeholder map and the opportunity form script. The contract: README.md, "Deal coverage and the readiness score",
// produced by the coverage plugin.

import { CustomApis } from "./names";
import { OperationType, asNumber, asString, boundRequest, normalizeGuid } from "./webapi";

export type GapKind =
  | "UnknownStance"
  | "UnknownBuyingRole"
  | "UnknownLevel"
  | "KeyStakeholderWithoutCounterpart"
  | "LevelGap"
  | "StaleRelationship"
  | "UnacknowledgedSolution"
  | "OverdueAction";

export type GapSeverity = "error" | "warning" | "info";

export interface CoverageGap {
  /** One of GapKind; kept a string so that a kind added to the API later still shows. */
  kind: string;
  severity: GapSeverity;
  recordType: string;
  recordId: string;
  recordName: string;
  /** The stakeholder the gap concerns (normalised id), when there is one. */
  stakeholderId: string | null;
  message: string;
}

export interface DealCoverage {
  opportunityId: string;
  generatedOn: string;
  solutionVersion: number | null;
  readinessScore: number;
  counts: { stakeholders: number; keyStakeholders: number; teamMembers: number; gaps: number };
  gaps: CoverageGap[];
}

const severities: readonly GapSeverity[] = ["error", "warning", "info"];

/** The request object Xrm.WebApi.online.execute needs for tsell_GetDealCoverage (a function bound to the opportunity). */
export function dealCoverageRequest(opportunityId: string): object {
  const api = CustomApis.getDealCoverage;
  return boundRequest(api.name, OperationType.function, api.boundTable, opportunityId);
}

/** Calls tsell_GetDealCoverage for the opportunity and returns the parsed coverage. */
export async function getDealCoverage(webApi: Xrm.WebApi, opportunityId: string): Promise<DealCoverage> {
  const response = await webApi.online.execute(dealCoverageRequest(opportunityId));
  if (!response.ok) throw new Error(`${CustomApis.getDealCoverage.name} failed: ${response.status} ${response.statusText}`);
  const body = (await response.json()) as Record<string, unknown>;
  const json = body[CustomApis.getDealCoverage.coverageProperty];
  if (typeof json !== "string") {
    throw new Error(`${CustomApis.getDealCoverage.name} returned no ${CustomApis.getDealCoverage.coverageProperty} string.`);
  }
  return parseCoverage(json);
}

/** Parses and checks the coverage JSON; throws an Error that says which part is wrong. */
export function parseCoverage(json: string): DealCoverage {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch (error) {
    throw new Error(`The coverage is not valid JSON: ${String(error)}`);
  }
  if (!raw || typeof raw !== "object") throw new Error("The coverage is not a JSON object.");
  const o = raw as Record<string, unknown>;
  const readiness = asNumber(o.readinessScore);
  if (readiness === null) throw new Error("The coverage has no numeric readinessScore.");
  if (!Array.isArray(o.gaps)) throw new Error("The coverage has no gaps array.");
  const counts = (o.counts ?? {}) as Record<string, unknown>;
  const gaps = o.gaps.map((g, index) => parseGap(g, index));
  return {
    opportunityId: normalizeGuid(asString(o.opportunityId)) ?? "",
    generatedOn: asString(o.generatedOn) ?? "",
    solutionVersion: asNumber(o.solutionVersion),
    readinessScore: readiness,
    counts: {
      stakeholders: asNumber(counts.stakeholders) ?? 0,
      keyStakeholders: asNumber(counts.keyStakeholders) ?? 0,
      teamMembers: asNumber(counts.teamMembers) ?? 0,
      gaps: asNumber(counts.gaps) ?? gaps.length,
    },
    gaps,
  };
}

function parseGap(value: unknown, index: number): CoverageGap {
  if (!value || typeof value !== "object") throw new Error(`Coverage gap ${index} is not an object.`);
  const g = value as Record<string, unknown>;
  const kind = asString(g.kind);
  const message = asString(g.message);
  if (!kind) throw new Error(`Coverage gap ${index} has no kind.`);
  if (!message) throw new Error(`Coverage gap ${index} (${kind}) has no message.`);
  const severity = severities.includes(g.severity as GapSeverity) ? (g.severity as GapSeverity) : "warning";
  return {
    kind,
    severity,
    recordType: asString(g.recordType) ?? "",
    recordId: normalizeGuid(asString(g.recordId)) ?? "",
    recordName: asString(g.recordName) ?? "",
    stakeholderId: normalizeGuid(asString(g.stakeholderId)),
    message,
  };
}

/** Most severe first. */
export function severityRank(severity: GapSeverity): number {
  return severities.indexOf(severity);
}
