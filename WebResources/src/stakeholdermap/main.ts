// The stakeholder map web resource (tsell_/stakeholdermap/index.html).
//
// How it finds its opportunity and the client API, in the supported ways:
// - On the opportunity's Team Selling form it waits for the form script (TeamSelling.Opportunity.onLoad),
//   which calls getContentWindow() on this web resource's control and then
//   window.setClientApiContext(Xrm, formContext, coverage) after every load of the form's data, so
//   the map follows saves and refreshes. coverage is the form's tsell_GetDealCoverage request for
//   that load, which the map uses instead of asking again: one coverage call per load of the form.
//   The record id a form control may pass in the query string is not used: the form's hand-over
//   says which record, and loading before it would read the coverage twice.
// - Opened in a full window (Xrm.Navigation.navigateTo, pageType "webresource", data "id=<guid>"),
//   it reads the id from the data parameter, uses the host's Xrm (parent.Xrm) and reads all it shows itself.
// - Its Refresh and Try again buttons read everything again, the coverage included (the form's
//   request belongs to the form's load of its data and may be older than the user wants).

import { DealCoverage } from "../common/coverage";
import { Stakeholder, StakeholderMapWebResource } from "../common/names";
import { describeError, normalizeGuid } from "../common/webapi";
import { StakeholderMapData, loadStakeholderMap } from "./data";
import { MapLayout, layoutMap, metricsFor } from "./layout";
import { renderMap } from "./render";

type State = "waiting" | "not-connected" | "new-record" | "loading" | "ready" | "empty" | "error";

/**
 * How long the map waits for a form's hand-over before saying it is not connected. A form's OnLoad
 * normally hands over within a second of the map loading; the message only tells an administrator
 * what is missing, and a hand-over that comes later still loads the map.
 */
export const formHandOverTimeoutMs = 10_000;

interface Host {
  xrm: Xrm.XrmStatic;
  opportunityId: string | null;
  /** Present when the map sits on a form; absent in a full window. */
  formContext: Xrm.FormContext | null;
}

let host: Host | null = null;
let data: StakeholderMapData | null = null;
let layout: MapLayout | null = null;
let cards = new Map<string, HTMLElement>();
let focusedId: string | null = null;
let generation = 0;
let started = false;
/** A form's coverage request handed over before the page started, for start() to use. */
let handedOverCoverage: PromiseLike<DealCoverage> | null = null;
let notConnectedTimer: number | undefined;

const byId = <T extends HTMLElement>(id: string): T => {
  const element = document.getElementById(id);
  if (!element) throw new Error(`The stakeholder map page has no #${id} element.`);
  return element as T;
};

function setState(state: State, message?: string): void {
  document.body.dataset.state = state;
  const status = byId("status");
  status.textContent = message ?? "";
  status.hidden = !message;
  byId("retry").hidden = state !== "error";
}

/**
 * Called by the form script with the form's Xrm and formContext (see getContentWindow) and its
 * coverage request for this load of its data (null when it has none: the map then asks itself).
 */
export function setClientApiContext(
  xrm: Xrm.XrmStatic,
  formContext: Xrm.FormContext,
  coverage?: PromiseLike<DealCoverage> | null,
): void {
  host = { xrm, opportunityId: normalizeGuid(formContext?.data?.entity?.getId()), formContext };
  window.clearTimeout(notConnectedTimer);
  if (started) void load(coverage ?? null);
  else handedOverCoverage = coverage ?? null; // the form was quicker than DOMContentLoaded: start() loads
}

/** Reloads everything, the coverage included (the Refresh button). */
export function refresh(): Promise<void> {
  return load(null);
}

/** Loads the map's data; coverage is the form's request for it, or null to read the coverage here. */
async function load(coverage: PromiseLike<DealCoverage> | null): Promise<void> {
  if (!host) {
    setState("waiting", "Waiting for the opportunity form…");
    return;
  }
  byId("full-window").hidden = !host.formContext || !host.opportunityId;
  if (!host.opportunityId) {
    data = null;
    byId("canvas").replaceChildren();
    setState("new-record", "Save the opportunity to map its buying organisation.");
    return;
  }
  const mine = ++generation;
  setState("loading", "Loading the buying organisation…");
  performance.clearMarks("stakeholdermap:load-start");
  performance.mark("stakeholdermap:load-start");
  try {
    const loaded = await loadStakeholderMap(host.xrm.WebApi, host.opportunityId, coverage);
    if (mine !== generation) return; // a newer load started meanwhile
    data = loaded;
    performance.clearMarks("stakeholdermap:data-loaded");
    performance.mark("stakeholdermap:data-loaded");
    draw();
  } catch (error) {
    if (mine !== generation) return;
    setState("error", `The stakeholder map could not be loaded: ${describeError(error)}`);
  }
}

function draw(): void {
  if (!data) return;
  const viewport = byId("viewport");
  const start = performance.now();
  renderSummary(data);
  if (data.stakeholders.length === 0) {
    byId("canvas").replaceChildren();
    layout = null;
    cards = new Map();
    setState("empty", "No stakeholders yet. Add the people of the buying organisation in the Stakeholders grid, and they appear here by level and department.");
    return;
  }
  layout = layoutMap(data.stakeholders, metricsFor(viewport.clientWidth || window.innerWidth));
  cards = renderMap(byId("canvas"), layout);
  if (!focusedId || !cards.has(focusedId)) focusedId = layout.cards[0].stakeholder.id;
  cards.get(focusedId)!.tabIndex = 0;
  setState("ready", data.coverageError ? `Gaps are not highlighted: the coverage could not be loaded (${data.coverageError}).` : undefined);
  performance.clearMeasures("stakeholdermap:render");
  performance.measure("stakeholdermap:render", { start, end: performance.now() });
  if (performance.getEntriesByName("stakeholdermap:data-loaded").length > 0) {
    performance.clearMeasures("stakeholdermap:load");
    performance.measure("stakeholdermap:load", "stakeholdermap:load-start");
  }
}

function renderSummary(d: StakeholderMapData): void {
  const departments = new Set(d.stakeholders.map((s) => s.department?.toLocaleLowerCase() ?? ""));
  const parts = [
    `${d.stakeholders.length} stakeholder${d.stakeholders.length === 1 ? "" : "s"}`,
    `${departments.size} department${departments.size === 1 ? "" : "s"}`,
  ];
  if (d.coverage) {
    parts.push(`readiness ${d.coverage.readinessScore}/100`);
    const onMap = d.stakeholders.reduce((n, s) => n + s.gaps.length, 0);
    parts.push(`${d.coverage.gaps.length} gap${d.coverage.gaps.length === 1 ? "" : "s"} (${onMap} on stakeholders)`);
  }
  byId("summary").textContent = parts.join(" · ");
}

// ---- keyboard and pointer ----------------------------------------------------------------

function openStakeholder(id: string): void {
  if (!host) return;
  void host.xrm.Navigation.openForm({ entityName: Stakeholder.table, entityId: id });
}

function moveFocus(id: string): void {
  const previous = focusedId ? cards.get(focusedId) : undefined;
  const next = cards.get(id);
  if (!next) return;
  if (previous) previous.tabIndex = -1;
  next.tabIndex = 0;
  focusedId = id;
  next.focus();
}

/** The card the arrow key leads to: left/right in reading order, up/down to the nearest card of the next line of cards. */
export function neighbour(current: string, key: string): string | null {
  if (!layout) return null;
  const list = layout.cards;
  const index = list.findIndex((c) => c.stakeholder.id === current);
  if (index < 0) return null;
  const here = list[index];
  switch (key) {
    case "ArrowRight": return list[Math.min(index + 1, list.length - 1)].stakeholder.id;
    case "ArrowLeft": return list[Math.max(index - 1, 0)].stakeholder.id;
    case "Home": return list[0].stakeholder.id;
    case "End": return list[list.length - 1].stakeholder.id;
    case "ArrowDown":
    case "ArrowUp": {
      const down = key === "ArrowDown";
      const lineY = down
        ? Math.min(...list.filter((c) => c.y > here.y).map((c) => c.y))
        : Math.max(...list.filter((c) => c.y < here.y).map((c) => c.y));
      if (!Number.isFinite(lineY)) return current;
      const line = list.filter((c) => c.y === lineY);
      line.sort((a, b) => Math.abs(a.x - here.x) - Math.abs(b.x - here.x));
      return line[0].stakeholder.id;
    }
    default: return null;
  }
}

function cardOf(target: EventTarget | null): HTMLElement | null {
  return target instanceof Element ? (target.closest(".card") as HTMLElement | null) : null;
}

function wireEvents(): void {
  const canvas = byId("canvas");
  canvas.addEventListener("click", (event) => {
    const card = cardOf(event.target);
    if (!card?.dataset.id) return;
    moveFocus(card.dataset.id);
    openStakeholder(card.dataset.id);
  });
  canvas.addEventListener("keydown", (event) => {
    const card = cardOf(event.target);
    if (!card?.dataset.id) return;
    if (event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      openStakeholder(card.dataset.id);
      return;
    }
    const next = neighbour(card.dataset.id, event.key);
    if (next) {
      event.preventDefault();
      moveFocus(next);
    }
  });
  byId("refresh").addEventListener("click", () => void refresh());
  byId("retry").addEventListener("click", () => void refresh());
  byId("full-window").addEventListener("click", () => {
    if (!host?.opportunityId) return;
    void host.xrm.Navigation.navigateTo(
      { pageType: "webresource", webresourceName: StakeholderMapWebResource, data: `id=${host.opportunityId}` },
      { target: 2, position: 1, width: { value: 96, unit: "%" }, height: { value: 94, unit: "%" }, title: "Stakeholder map" },
    );
  });
  // Re-lay out when the width changes enough to change how many cards fit side by side.
  let lastWidth = 0;
  const observer = new ResizeObserver(() => {
    const width = byId("viewport").clientWidth;
    if (Math.abs(width - lastWidth) < 8) return;
    lastWidth = width;
    if (data && layout) {
      const hadFocus = document.activeElement instanceof HTMLElement && document.activeElement.classList.contains("card");
      draw();
      if (hadFocus && focusedId) cards.get(focusedId)?.focus();
    }
  });
  observer.observe(byId("viewport"));
}

/** The record id of a full window: navigateTo's data parameter, "id=<guid>" (or the bare id). */
export function idFromNavigationData(search: string): string | null {
  const dataParameter = new URLSearchParams(search).get("data");
  if (!dataParameter) return null;
  return normalizeGuid(new URLSearchParams(dataParameter).get("id") ?? dataParameter);
}

function hostXrm(): Xrm.XrmStatic | null {
  if (window.parent === window) return null;
  try {
    return (window.parent as Window & { Xrm?: Xrm.XrmStatic }).Xrm ?? null;
  } catch {
    return null; // a parent from another origin
  }
}

function start(): void {
  wireEvents();
  started = true;
  if (host) {
    void load(handedOverCoverage); // the form was quicker than DOMContentLoaded
    handedOverCoverage = null;
    return;
  }
  const id = idFromNavigationData(window.location.search);
  const xrm = id ? hostXrm() : null;
  if (id && xrm) {
    host = { xrm, opportunityId: id, formContext: null };
    void load(null);
    return;
  }
  setState("waiting", "Waiting for the opportunity form…");
  notConnectedTimer = window.setTimeout(() => {
    if (host) return;
    setState("not-connected",
      "The stakeholder map has no opportunity to show. Open it from an opportunity's Team Selling form. " +
      "If it is on another form, an administrator needs to add TeamSelling.Opportunity.onLoad " +
      "(library tsell_/scripts/opportunity_teamselling.js, pass execution context) to that form's OnLoad event.");
  }, formHandOverTimeoutMs);
}

(window as unknown as { setClientApiContext: typeof setClientApiContext }).setClientApiContext = setClientApiContext;
if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
else start();
