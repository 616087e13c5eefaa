// Reads what the map shows: the opportunity's stakeholders and their counterpart pairings (with
// the team member expanded), sent together, and the deal's coverage (tsell_GetDealCoverage). On the
// Team Selling form the form script has already asked for the coverage and hands its request over,
// so the map sends two requests; opened on its own (full window) it asks for the coverage itself,
// alongside the other two. The Web API returns the display names of lookups and the labels of
// choices as formatted-value annotations, so no request is needed for contacts, users or choices.

import { CoverageGap, DealCoverage, getDealCoverage } from "../common/coverage";
import {
  Counterpart,
  DealTeamMember,
  FormattedValue,
  Stakeholder,
  lookupValue,
} from "../common/names";
import { asNumber, asString, describeError, normalizeGuid, retrieveAll } from "../common/webapi";

export interface Choice {
  value: number;
  label: string;
}

export interface MapCounterpart {
  id: string;
  memberName: string;
  memberRole: Choice | null;
  strength: Choice | null;
}

export interface MapStakeholder {
  id: string;
  name: string;
  jobTitle: string | null;
  /** Department as entered; null when blank. */
  department: string | null;
  level: Choice | null;
  reportsToId: string | null;
  buyingRole: Choice | null;
  influence: Choice | null;
  stance: Choice | null;
  counterparts: MapCounterpart[];
  gaps: CoverageGap[];
}

export interface StakeholderMapData {
  opportunityId: string;
  stakeholders: MapStakeholder[];
  coverage: DealCoverage | null;
  /** Why the coverage is missing (the map still shows the stakeholders). */
  coverageError: string | null;
}

export function stakeholderQuery(opportunityId: string): string {
  const s = Stakeholder;
  const select = [s.name, s.jobTitle, s.department, s.level, s.buyingRole, s.influence, s.stance,
    lookupValue(s.contact), lookupValue(s.reportsTo)].join(",");
  return `?$select=${select}&$filter=${lookupValue(s.opportunity)} eq ${opportunityId} and ${s.stateCode} eq 0`;
}

export function counterpartQuery(opportunityId: string): string {
  const c = Counterpart;
  const m = DealTeamMember;
  const select = [lookupValue(c.stakeholder), c.relationshipStrength].join(",");
  const expand = `${c.memberNavigation}($select=${[lookupValue(m.user), m.teamRole].join(",")})`;
  const filter = `${lookupValue(c.opportunity)} eq ${opportunityId} and ${c.stateCode} eq 0`;
  return `?$select=${select}&$expand=${expand}&$filter=${filter}`;
}

/**
 * Loads the map's data. coverage: the form's request for this load of its data (it may come from
 * the form's window, hence PromiseLike); null to ask tsell_GetDealCoverage here.
 */
export async function loadStakeholderMap(
  webApi: Xrm.WebApi,
  opportunityId: string,
  coverage: PromiseLike<DealCoverage> | null,
): Promise<StakeholderMapData> {
  const coverageResult = Promise.resolve(coverage ?? getDealCoverage(webApi, opportunityId)).then(
    (value) => ({ value, error: null as string | null }),
    (error: unknown) => ({ value: null, error: describeError(error) }),
  );
  const [stakeholderRows, counterpartRows, { value, error }] = await Promise.all([
    retrieveAll(webApi, Stakeholder.table, stakeholderQuery(opportunityId)),
    retrieveAll(webApi, Counterpart.table, counterpartQuery(opportunityId)),
    coverageResult,
  ]);
  return {
    opportunityId,
    stakeholders: buildStakeholders(stakeholderRows, counterpartRows, value),
    coverage: value,
    coverageError: error,
  };
}

export function buildStakeholders(
  stakeholderRows: Record<string, unknown>[],
  counterpartRows: Record<string, unknown>[],
  coverage: DealCoverage | null,
): MapStakeholder[] {
  const counterpartsByStakeholder = new Map<string, MapCounterpart[]>();
  for (const row of counterpartRows) {
    const stakeholderId = normalizeGuid(asString(row[lookupValue(Counterpart.stakeholder)]));
    const id = normalizeGuid(asString(row[Counterpart.id]));
    if (!stakeholderId || !id) continue;
    const member = (row[Counterpart.memberNavigation] ?? {}) as Record<string, unknown>;
    const userName = asString(member[lookupValue(DealTeamMember.user) + FormattedValue]);
    const list = counterpartsByStakeholder.get(stakeholderId) ?? [];
    list.push({
      id,
      memberName: userName ?? "Team member",
      memberRole: choice(member, DealTeamMember.teamRole),
      strength: choice(row, Counterpart.relationshipStrength),
    });
    counterpartsByStakeholder.set(stakeholderId, list);
  }
  const gapsByStakeholder = new Map<string, CoverageGap[]>();
  for (const gap of coverage?.gaps ?? []) {
    if (!gap.stakeholderId) continue;
    const list = gapsByStakeholder.get(gap.stakeholderId) ?? [];
    list.push(gap);
    gapsByStakeholder.set(gap.stakeholderId, list);
  }
  const result: MapStakeholder[] = [];
  for (const row of stakeholderRows) {
    const id = normalizeGuid(asString(row[Stakeholder.id]));
    if (!id) continue;
    const contactName = asString(row[lookupValue(Stakeholder.contact) + FormattedValue]);
    result.push({
      id,
      name: contactName ?? asString(row[Stakeholder.name]) ?? "(no name)",
      jobTitle: asString(row[Stakeholder.jobTitle]),
      department: asString(row[Stakeholder.department])?.trim() || null,
      level: choice(row, Stakeholder.level),
      reportsToId: normalizeGuid(asString(row[lookupValue(Stakeholder.reportsTo)])),
      buyingRole: choice(row, Stakeholder.buyingRole),
      influence: choice(row, Stakeholder.influence),
      stance: choice(row, Stakeholder.stance),
      counterparts: counterpartsByStakeholder.get(id) ?? [],
      gaps: gapsByStakeholder.get(id) ?? [],
    });
  }
  return result;
}

function choice(row: Record<string, unknown>, column: string): Choice | null {
  const value = asNumber(row[column]);
  if (value === null) return null;
  return { value, label: asString(row[column + FormattedValue]) ?? String(value) };
}
