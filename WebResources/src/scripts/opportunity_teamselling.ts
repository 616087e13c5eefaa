// Form library tsell_/scripts/opportunity_teamselling.js for the opportunity's Team Selling form.
// Handler: TeamSelling.Opportunity.onLoad (form OnLoad, pass execution context).
//
// - Shows the deal's coverage gaps (tsell_GetDealCoverage) as form notifications, one per kind of
//   gap rather than one per gap, most severe first, and replaces them after every save or refresh.
// - Hands the form's Xrm, formContext and that same coverage request to the stakeholder map web
//   resource (getContentWindow), so the map loads the right opportunity, reloads with the form, and
//   the coverage is read once per load of the form's data rather than once for each.

import { CoverageGap, DealCoverage, GapSeverity, getDealCoverage, severityRank } from "../common/coverage";
import { StakeholderMapControl } from "../common/names";
import { describeError, normalizeGuid } from "../common/webapi";

/** Notification ids this script owns: a prefix plus the gap kind, the score or the error. */
export const notificationPrefix = "tsell-coverage-";
const readinessId = notificationPrefix + "readiness";
const errorId = notificationPrefix + "error";

/** The noun phrase for a group of gaps of one kind; "{n}" is the count. */
const groupTitles: Record<string, (n: number) => string> = {
  UnknownStance: (n) => `Stance unknown for ${n} stakeholders`,
  UnknownBuyingRole: (n) => `Buying role unknown for ${n} stakeholders`,
  UnknownLevel: (n) => `Level unknown for ${n} stakeholders`,
  KeyStakeholderWithoutCounterpart: (n) => `${n} key stakeholders have no counterpart on our team`,
  LevelGap: (n) => `${n} pairings are more than one level apart`,
  StaleRelationship: (n) => `${n} relationships have not been touched recently`,
  UnacknowledgedSolution: (n) => `${n} team members have not read the current solution version`,
  OverdueAction: (n) => `${n} actions are overdue`,
};

const namesShown = 3;

export interface CoverageNotification {
  id: string;
  level: Xrm.FormNotificationLevel;
  message: string;
}

const notificationLevels: Record<GapSeverity, Xrm.FormNotificationLevel> = { error: "ERROR", warning: "WARNING", info: "INFO" };

/** The notifications for a coverage result: readiness first, then one per kind of gap, most severe first. */
export function coverageNotifications(coverage: DealCoverage): CoverageNotification[] {
  const groups = new Map<string, CoverageGap[]>();
  for (const gap of coverage.gaps) {
    const list = groups.get(gap.kind) ?? [];
    list.push(gap);
    groups.set(gap.kind, list);
  }
  const worst = (gaps: CoverageGap[]): GapSeverity =>
    gaps.map((g) => g.severity).sort((a, b) => severityRank(a) - severityRank(b))[0];
  const grouped = [...groups.entries()]
    .map(([kind, gaps]) => ({ kind, gaps, severity: worst(gaps) }))
    .sort((a, b) => severityRank(a.severity) - severityRank(b.severity) || b.gaps.length - a.gaps.length);

  const notifications: CoverageNotification[] = [{
    id: readinessId,
    level: "INFO",
    message: coverage.gaps.length === 0
      ? `Team selling readiness ${coverage.readinessScore}/100: no gaps in coverage.`
      : `Team selling readiness ${coverage.readinessScore}/100 with ${coverage.gaps.length} gap${coverage.gaps.length === 1 ? "" : "s"} in coverage.`,
  }];
  for (const group of grouped) {
    notifications.push({ id: notificationPrefix + group.kind, level: notificationLevels[group.severity], message: groupMessage(group.kind, group.gaps) });
  }
  return notifications;
}

function groupMessage(kind: string, gaps: CoverageGap[]): string {
  // One gap: the API's own sentence says it best.
  if (gaps.length === 1) return gaps[0].message;
  const title = groupTitles[kind]?.(gaps.length) ?? `${gaps.length} gaps of kind ${kind}`;
  const names = [...new Set(gaps.map((g) => g.recordName).filter((n) => n.length > 0))];
  if (names.length === 0) return `${title}.`;
  const shown = names.slice(0, namesShown).join(", ");
  const more = names.length > namesShown ? ` and ${names.length - namesShown} more` : "";
  return `${title}: ${shown}${more}.`;
}

// The ids set on each form, so a refresh clears exactly what the previous load showed.
const shownByForm = new WeakMap<Xrm.FormContext, Set<string>>();

function clearShown(formContext: Xrm.FormContext): void {
  const shown = shownByForm.get(formContext);
  if (!shown) return;
  for (const id of shown) formContext.ui.clearFormNotification(id);
  shown.clear();
}

function show(formContext: Xrm.FormContext, notification: CoverageNotification): void {
  formContext.ui.setFormNotification(notification.message, notification.level, notification.id);
  let shown = shownByForm.get(formContext);
  if (!shown) shownByForm.set(formContext, (shown = new Set()));
  shown.add(notification.id);
}

// The coverage request of each form's latest data load: an older answer arriving late is dropped.
const latestCoverage = new WeakMap<Xrm.FormContext, Promise<DealCoverage> | null>();

/**
 * Replaces the coverage notifications with those of this load's coverage (null: a new opportunity,
 * which has nothing to cover until it is saved).
 */
export async function showCoverage(formContext: Xrm.FormContext, coverage: Promise<DealCoverage> | null): Promise<void> {
  latestCoverage.set(formContext, coverage);
  if (!coverage) {
    clearShown(formContext);
    return;
  }
  let notifications: CoverageNotification[];
  try {
    notifications = coverageNotifications(await coverage);
  } catch (error) {
    notifications = [{ id: errorId, level: "WARNING", message: `Team selling coverage could not be loaded: ${describeError(error)}` }];
  }
  if (latestCoverage.get(formContext) !== coverage) return; // a later load of the form's data answers instead
  clearShown(formContext);
  for (const n of notifications) show(formContext, n);
}

/** What the stakeholder map's page exposes to the form (see stakeholdermap/main.ts). */
interface StakeholderMapWindow extends Window {
  setClientApiContext?: (xrm: Xrm.XrmStatic, formContext: Xrm.FormContext, coverage: Promise<DealCoverage> | null) => void;
}

/**
 * Gives the stakeholder map the form's client API and this load's coverage request; the map then
 * loads (or reloads) the opportunity, reading its stakeholders and pairings itself but not the coverage.
 */
export async function connectStakeholderMap(formContext: Xrm.FormContext, coverage: Promise<DealCoverage> | null): Promise<void> {
  const control = formContext.getControl<Xrm.Controls.FramedControl>(StakeholderMapControl);
  if (!control || typeof control.getContentWindow !== "function") return; // the form does not show the map
  const contentWindow = (await control.getContentWindow()) as StakeholderMapWindow;
  contentWindow.setClientApiContext?.(Xrm, formContext, coverage);
}

const wiredForms = new WeakSet<Xrm.FormContext>();

/** Form OnLoad handler (pass execution context as first parameter). */
export function onLoad(executionContext: Xrm.Events.EventContext): Promise<void> {
  const formContext = executionContext.getFormContext();
  if (!wiredForms.has(formContext)) {
    wiredForms.add(formContext);
    // Runs after each save and refresh of the form's data: the coverage and the map follow.
    formContext.data.addOnLoad(() => void onDataLoad(formContext));
  }
  return onDataLoad(formContext);
}

/**
 * One coverage request per load of the form's data, shared by the notifications and the map. The
 * map gets the request while it is under way, so its own two queries run alongside it.
 */
async function onDataLoad(formContext: Xrm.FormContext): Promise<void> {
  const opportunityId = normalizeGuid(formContext.data.entity.getId());
  const coverage = opportunityId ? getDealCoverage(Xrm.WebApi, opportunityId) : null;
  await Promise.all([
    showCoverage(formContext, coverage),
    connectStakeholderMap(formContext, coverage).catch((error: unknown) => {
      console.warn(`Team selling: the stakeholder map could not be connected to the form: ${describeError(error)}`);
    }),
  ]);
}
