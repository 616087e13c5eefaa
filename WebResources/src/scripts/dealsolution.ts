// Form library tsell_/scripts/dealsolution.js for the deal solution's main form.
// Handler: TeamSelling.DealSolution.onLoad (form OnLoad, pass execution context).
// Command: TeamSelling.DealSolution.acknowledge (a command bar button, PrimaryControl parameter).
//
// - Remembers the version the user opened and sends it as the base version with every save, so
//   the conflict check refuses a change made on an older version than the current one. It is
//   written when the form saves, not when it opens: setting a column on load would mark every
//   opened record as changed (unsaved-changes prompts, and autosave saving records nobody edited).
// - When a save is refused because someone else saved a newer version meanwhile, says so as a
//   form notification: who, which version, and what to do.
// - Says "changed since you last read it" when the user's last acknowledgement is of an older
//   version, and offers to acknowledge (tsell_AcknowledgeDealSolution) beside the version column.

import { CustomApis, DealSolution, FormattedValue, SolutionAcknowledgement, lookupValue } from "../common/names";
import {
  OperationType,
  asNumber,
  asString,
  boundRequest,
  describeError,
  normalizeGuid,
} from "../common/webapi";

export const NotificationIds = {
  unread: "tsell-solution-unread",
  conflict: "tsell-solution-conflict",
  acknowledged: "tsell-solution-acknowledged",
  acknowledgeFailed: "tsell-solution-acknowledge-failed",
  /** The recommendation (with the Acknowledge action) on the version column. */
  acknowledgeAction: "tsell-solution-acknowledge",
} as const;

interface FormState {
  /** The version the user opened (null on a new solution). */
  openedVersion: number | null;
}

const states = new WeakMap<Xrm.FormContext, FormState>();

function stateOf(formContext: Xrm.FormContext): FormState {
  let state = states.get(formContext);
  if (!state) states.set(formContext, (state = { openedVersion: null }));
  return state;
}

function currentVersion(formContext: Xrm.FormContext): number | null {
  return asNumber(formContext.getAttribute<Xrm.Attributes.NumberAttribute>(DealSolution.version)?.getValue());
}

/** Form OnLoad handler (pass execution context as first parameter). */
export function onLoad(executionContext: Xrm.Events.EventContext): Promise<void> {
  const formContext = executionContext.getFormContext();
  if (!states.has(formContext)) {
    stateOf(formContext);
    formContext.data.addOnLoad(() => void onDataLoad(formContext));
    formContext.data.entity.addOnSave((context: Xrm.Events.SaveEventContext) => onSave(context.getFormContext()));
    formContext.data.entity.addOnPostSave((context: Xrm.Events.PostSaveEventContext) => void onPostSave(context));
  }
  return onDataLoad(formContext);
}

/** Each load of the form's data (open, save, refresh): the version now on screen is what the user works from. */
export async function onDataLoad(formContext: Xrm.FormContext): Promise<void> {
  stateOf(formContext).openedVersion = currentVersion(formContext);
  formContext.ui.clearFormNotification(NotificationIds.conflict);
  await showReadState(formContext);
}

/** OnSave: the base version travels with the change. */
export function onSave(formContext: Xrm.FormContext): void {
  const base = formContext.getAttribute<Xrm.Attributes.NumberAttribute>(DealSolution.baseVersion);
  if (!base) {
    throw new Error(`The deal solution form has no ${DealSolution.baseVersion} column; the conflict check needs it on the form (it may be hidden).`);
  }
  const opened = stateOf(formContext).openedVersion;
  base.setValue(opened);
  base.setSubmitMode("always");
}

/** OnPostSave: a refused save caused by a newer version becomes a conflict notification. */
export async function onPostSave(context: Xrm.Events.PostSaveEventContext): Promise<void> {
  const formContext = context.getFormContext();
  const args = context.getEventArgs();
  if (args.getIsSaveSuccess()) {
    formContext.ui.clearFormNotification(NotificationIds.conflict);
    return;
  }
  const id = normalizeGuid(formContext.data.entity.getId());
  const opened = stateOf(formContext).openedVersion;
  if (!id || opened === null) return;
  let latest: Record<string, unknown>;
  try {
    latest = await Xrm.WebApi.retrieveRecord(DealSolution.table, id, `?$select=${DealSolution.version},${lookupValue("modifiedby")}`);
  } catch {
    return; // the platform already shows why the save failed
  }
  const version = asNumber(latest[DealSolution.version]);
  if (version === null || version <= opened) return; // refused for another reason
  const who = asString(latest[lookupValue("modifiedby") + FormattedValue]) ?? "Someone";
  formContext.ui.setFormNotification(
    `Your changes are not saved: ${who} saved version ${version} after you opened version ${opened}. ` +
      `Copy your changes, refresh the form to read version ${version}, then apply them again.`,
    "ERROR",
    NotificationIds.conflict,
  );
}

/** Shows whether the user has read the version on screen, with the acknowledge action when not. */
export async function showReadState(formContext: Xrm.FormContext): Promise<void> {
  const versionControl = formContext.getControl<Xrm.Controls.NumberControl>(DealSolution.version);
  const clear = (): void => {
    formContext.ui.clearFormNotification(NotificationIds.unread);
    versionControl?.clearNotification(NotificationIds.acknowledgeAction);
  };
  const id = normalizeGuid(formContext.data.entity.getId());
  const version = currentVersion(formContext);
  if (!id || version === null) {
    clear();
    return;
  }
  let acknowledged: number | null;
  try {
    acknowledged = await lastAcknowledgedVersion(id);
  } catch (error) {
    clear();
    formContext.ui.setFormNotification(`Could not check which version you last read: ${describeError(error)}`, "WARNING", NotificationIds.unread);
    return;
  }
  if (acknowledged !== null && acknowledged >= version) {
    clear();
    return;
  }
  const summary = asString(formContext.getAttribute<Xrm.Attributes.StringAttribute>(DealSolution.changeSummary)?.getValue());
  const message = acknowledged === null
    ? `You have not acknowledged this solution yet. It is at version ${version}${summary ? ` (latest change: ${summary})` : ""}. Read it, then acknowledge it.`
    : `This solution changed since you last read it: you read version ${acknowledged}, it is now version ${version}${summary ? ` (latest change: ${summary})` : ""}. Read it, then acknowledge it.`;
  formContext.ui.setFormNotification(message, "WARNING", NotificationIds.unread);
  versionControl?.addNotification({
    uniqueId: NotificationIds.acknowledgeAction,
    notificationLevel: "RECOMMENDATION",
    messages: [`Acknowledge that you have read version ${version}.`],
    actions: [{ message: `Acknowledge version ${version}`, actions: [() => void acknowledgeVersion(formContext)] }],
  });
}

/** The version the calling user last acknowledged on this solution, or null. */
export async function lastAcknowledgedVersion(dealSolutionId: string): Promise<number | null> {
  const a = SolutionAcknowledgement;
  const userId = normalizeGuid(Xrm.Utility.getGlobalContext().userSettings.userId);
  const result = await Xrm.WebApi.retrieveMultipleRecords(
    a.table,
    `?$select=${a.version}&$filter=${lookupValue(a.dealSolution)} eq ${dealSolutionId} and ${lookupValue(a.user)} eq ${userId}&$orderby=${a.version} desc&$top=1`,
  );
  const first = result.entities[0] as Record<string, unknown> | undefined;
  return first ? asNumber(first[a.version]) : null;
}

/** The request object for tsell_AcknowledgeDealSolution (an action bound to the deal solution). */
export function acknowledgeRequest(dealSolutionId: string): object {
  const api = CustomApis.acknowledgeDealSolution;
  return boundRequest(api.name, OperationType.action, api.boundTable, dealSolutionId);
}

/** Acknowledges the version on screen for the calling user, then updates the notifications. */
export async function acknowledgeVersion(formContext: Xrm.FormContext): Promise<boolean> {
  const id = normalizeGuid(formContext.data.entity.getId());
  const version = currentVersion(formContext);
  formContext.ui.clearFormNotification(NotificationIds.acknowledgeFailed);
  if (!id || version === null) {
    formContext.ui.setFormNotification("Save the solution before acknowledging it.", "WARNING", NotificationIds.acknowledgeFailed);
    return false;
  }
  let acknowledged: number | null;
  try {
    const response = await Xrm.WebApi.online.execute(acknowledgeRequest(id));
    if (!response.ok) throw new Error(`${response.status} ${response.statusText}`);
    const body = (await response.json()) as Record<string, unknown>;
    acknowledged = asNumber(body[CustomApis.acknowledgeDealSolution.acknowledgedVersionProperty]);
  } catch (error) {
    formContext.ui.setFormNotification(
      `Version ${version} could not be marked as read: ${describeError(error)} Refresh the form to read the latest version.`,
      "ERROR",
      NotificationIds.acknowledgeFailed,
    );
    return false;
  }
  // The API acknowledges the version current on the server. If a colleague saved a newer one since
  // this form loaded, the user has acknowledged a version they have not seen: say so.
  if (acknowledged !== null && acknowledged > version) {
    formContext.ui.setFormNotification(
      `Version ${acknowledged} was saved after you opened version ${version}, and is now marked as read. Refresh the form and read version ${acknowledged}.`,
      "WARNING",
      NotificationIds.acknowledgeFailed,
    );
  }
  formContext.ui.clearFormNotification(NotificationIds.unread);
  formContext.getControl<Xrm.Controls.NumberControl>(DealSolution.version)?.clearNotification(NotificationIds.acknowledgeAction);
  formContext.ui.setFormNotification(`You acknowledged version ${acknowledged ?? version}.`, "INFO", NotificationIds.acknowledged);
  return true;
}

/** Command bar entry point: pass PrimaryControl (the form context) as the first parameter. */
export function acknowledge(primaryControl: Xrm.FormContext): Promise<boolean> {
  return acknowledgeVersion(primaryControl);
}
