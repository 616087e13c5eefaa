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
//   The acknowledgement names the version on screen; when a colleague saved a newer one meanwhile
//   the API refuses it, and the refusal is shown with what to do (refresh and read the new version).

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
  // What the user did on the previous version (a conflict, an acknowledgement or its refusal) no longer applies.
  formContext.ui.clearFormNotification(NotificationIds.conflict);
  formContext.ui.clearFormNotification(NotificationIds.acknowledged);
  formContext.ui.clearFormNotification(NotificationIds.acknowledgeFailed);
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
  const latest = await newerVersionThan(id, opened);
  if (!latest) return; // refused for another reason, which the platform already shows
  const { version, savedBy } = latest;
  formContext.ui.setFormNotification(
    `Your changes are not saved: ${savedBy} saved version ${version} after you opened version ${opened}. ` +
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

/**
 * The request object for tsell_AcknowledgeDealSolution (an action bound to the deal solution),
 * with the version the user read: the plugin refuses it when that is no longer the current version,
 * so nobody acknowledges a version they have not seen.
 */
export function acknowledgeRequest(dealSolutionId: string, version: number): object {
  const api = CustomApis.acknowledgeDealSolution;
  return boundRequest(api.name, OperationType.action, api.boundTable, dealSolutionId, {
    [api.versionParameter]: { value: version, typeName: "Edm.Int32" },
  });
}

/** Acknowledges the version on screen for the calling user, then updates the notifications. */
export async function acknowledgeVersion(formContext: Xrm.FormContext): Promise<boolean> {
  const id = normalizeGuid(formContext.data.entity.getId());
  const version = currentVersion(formContext);
  formContext.ui.clearFormNotification(NotificationIds.acknowledgeFailed);
  formContext.ui.clearFormNotification(NotificationIds.acknowledged);
  if (!id || version === null) {
    formContext.ui.setFormNotification("Save the solution before acknowledging it.", "WARNING", NotificationIds.acknowledgeFailed);
    return false;
  }
  try {
    const response = await Xrm.WebApi.online.execute(acknowledgeRequest(id, version));
    if (!response.ok) throw new Error(`${response.status} ${response.statusText}`);
  } catch (error) {
    formContext.ui.setFormNotification(await refusalMessage(id, version, error), "ERROR", NotificationIds.acknowledgeFailed);
    return false;
  }
  formContext.ui.clearFormNotification(NotificationIds.unread);
  formContext.getControl<Xrm.Controls.NumberControl>(DealSolution.version)?.clearNotification(NotificationIds.acknowledgeAction);
  formContext.ui.setFormNotification(`You acknowledged version ${version}.`, "INFO", NotificationIds.acknowledged);
  return true;
}

/**
 * Why the acknowledgement failed, in the API's own words (a plugin refusal says what is wrong and
 * what to do). When a colleague saved a newer version since the form loaded (the plugin refuses
 * acknowledging a version that is not the current one), adds what to do on this form: refresh.
 */
async function refusalMessage(dealSolutionId: string, version: number, error: unknown): Promise<string> {
  const message = `Version ${version} was not marked as read: ${describeError(error)}`;
  const latest = await newerVersionThan(dealSolutionId, version);
  return latest ? `${message} To open version ${latest.version} here, refresh the form.` : message;
}

/**
 * The solution's version as saved now and who saved it, when it is newer than the version on screen;
 * null when it is not (or cannot be read: the failure being explained already says what went wrong).
 */
async function newerVersionThan(dealSolutionId: string, onScreen: number): Promise<{ version: number; savedBy: string } | null> {
  let row: Record<string, unknown>;
  try {
    row = await Xrm.WebApi.retrieveRecord(DealSolution.table, dealSolutionId, `?$select=${DealSolution.version},${lookupValue("modifiedby")}`);
  } catch {
    return null;
  }
  const version = asNumber(row[DealSolution.version]);
  if (version === null || version <= onScreen) return null;
  return { version, savedBy: asString(row[lookupValue("modifiedby") + FormattedValue]) ?? "Someone" };
}

/** Command bar entry point: pass PrimaryControl (the form context) as the first parameter. */
export function acknowledge(primaryControl: Xrm.FormContext): Promise<boolean> {
  return acknowledgeVersion(primaryControl);
}
