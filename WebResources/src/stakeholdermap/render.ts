// Writes the map into the page. Every value that comes from data is set with textContent or
// setAttribute, never parsed as markup: a contact named "<img onerror=…>" is shown as those
// characters. Stance, role, influence, relationship strength and gaps each carry a text label and
// a symbol, so nothing is told by colour alone.

import { BuyingRole, Influence, RelationshipStrength, Stance } from "../common/names";
import { Choice, MapCounterpart, MapStakeholder } from "./data";
import { MapLayout, PlacedCard } from "./layout";

const svgNs = "http://www.w3.org/2000/svg";

interface Symbolised {
  symbol: string;
  css: string;
}

const stanceStyles = new Map<number, Symbolised>([
  [Stance.champion, { symbol: "★", css: "champion" }],
  [Stance.supporter, { symbol: "▲", css: "supporter" }],
  [Stance.neutral, { symbol: "◆", css: "neutral" }],
  [Stance.skeptic, { symbol: "▼", css: "skeptic" }],
  [Stance.opponent, { symbol: "✕", css: "opponent" }],
  [Stance.unknown, { symbol: "?", css: "unknown" }],
]);

const keyRoles = new Set<number>([BuyingRole.economicBuyer, BuyingRole.decisionMaker, BuyingRole.approver]);

const influenceMeters = new Map<number, string>([
  [Influence.high, "●●●"],
  [Influence.medium, "●●○"],
  [Influence.low, "●○○"],
]);

const strengthBars = new Map<number, string>([
  [RelationshipStrength.weak, "▮▯▯▯"],
  [RelationshipStrength.developing, "▮▮▯▯"],
  [RelationshipStrength.strong, "▮▮▮▯"],
  [RelationshipStrength.trusted, "▮▮▮▮"],
]);

export function stanceStyle(stance: Choice | null): Symbolised {
  return (stance && stanceStyles.get(stance.value)) || { symbol: "?", css: "unknown" };
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  element.className = className;
  if (text !== undefined) element.textContent = text;
  return element;
}

function symbol(text: string): HTMLSpanElement {
  const span = el("span", "sym", text);
  span.setAttribute("aria-hidden", "true");
  return span;
}

/** Draws the whole map into `canvas` (emptied first). Returns the card elements by stakeholder id. */
export function renderMap(canvas: HTMLElement, layout: MapLayout): Map<string, HTMLElement> {
  const { metrics } = layout;
  canvas.replaceChildren();
  canvas.style.width = `${layout.width}px`;
  canvas.style.height = `${layout.height}px`;
  canvas.style.setProperty("--card-width", `${metrics.cardWidth}px`);
  canvas.style.setProperty("--card-height", `${metrics.cardHeight}px`);

  // Department headers stay on top and level labels on the left while the map scrolls (sticky).
  const header = el("div", "column-headers");
  header.style.width = `${layout.width}px`;
  header.style.height = `${metrics.columnHeaderHeight}px`;
  for (const column of layout.columns) {
    const label = el("div", column.department === null ? "column-header none" : "column-header", column.label);
    label.style.left = `${column.x}px`;
    label.style.width = `${column.width}px`;
    label.setAttribute("role", "columnheader");
    header.append(label);
  }
  const rowHeaders = el("div", "row-headers");
  rowHeaders.style.width = `${metrics.rowHeaderWidth}px`;
  rowHeaders.style.height = `${layout.height - metrics.columnHeaderHeight}px`;
  for (const row of layout.rows) {
    const label = el("div", row.level === null ? "row-header none" : "row-header");
    label.append(el("span", "", row.label));
    label.style.top = `${row.y - metrics.columnHeaderHeight}px`;
    label.style.height = `${row.height}px`;
    rowHeaders.append(label);
  }

  // Cell grid lines, reports-to lines, then the cards, all positioned from the layout.
  const body = el("div", "map-body");
  for (const row of layout.rows) {
    const band = el("div", "row-band");
    band.style.top = `${row.y}px`;
    band.style.height = `${row.height}px`;
    band.style.width = `${layout.width}px`;
    body.append(band);
  }
  for (const column of layout.columns) {
    const divider = el("div", "column-divider");
    divider.style.left = `${column.x + column.width}px`;
    divider.style.height = `${layout.height}px`;
    body.append(divider);
  }
  const svg = document.createElementNS(svgNs, "svg");
  svg.setAttribute("class", "reports-to");
  svg.setAttribute("width", String(layout.width));
  svg.setAttribute("height", String(layout.height));
  svg.setAttribute("aria-hidden", "true");
  for (const line of layout.lines) {
    const path = document.createElementNS(svgNs, "path");
    path.setAttribute("d", line.path);
    path.setAttribute("data-from", line.fromId);
    path.setAttribute("data-to", line.toId);
    svg.append(path);
  }
  body.append(svg);

  const cards = new Map<string, HTMLElement>();
  const list = el("div", "cards");
  list.setAttribute("role", "list");
  const names = new Map(layout.cards.map((c) => [c.stakeholder.id, c.stakeholder.name]));
  for (const placed of layout.cards) {
    const card = renderCard(placed, layout, names);
    cards.set(placed.stakeholder.id, card);
    list.append(card);
  }
  body.append(list);
  canvas.append(header, rowHeaders, body);
  return cards;
}

function renderCard(placed: PlacedCard, layout: MapLayout, names: Map<string, string>): HTMLElement {
  const s = placed.stakeholder;
  const stance = stanceStyle(s.stance);
  const worstGap = s.gaps.some((g) => g.severity === "error") ? "error" : s.gaps.length > 0 ? "warning" : null;
  const classes = ["card", `stance-${stance.css}`];
  if (worstGap) classes.push("has-gaps", `gap-${worstGap}`);
  if (s.buyingRole && keyRoles.has(s.buyingRole.value)) classes.push("key-role");
  const card = el("div", classes.join(" "));
  card.setAttribute("role", "listitem");
  card.tabIndex = -1;
  card.dataset.id = s.id;
  card.dataset.row = String(placed.row);
  card.dataset.column = String(placed.column);
  card.style.left = `${placed.x}px`;
  card.style.top = `${placed.y}px`;

  const top = el("div", "card-top");
  const stanceChip = el("span", `stance stance-${stance.css}`);
  // "Unknown" alone would be ambiguous on a card: say what is unknown.
  stanceChip.append(symbol(stance.symbol), el("span", "", stance.css === "unknown" ? "Stance unknown" : s.stance!.label));
  const influence = el("span", "influence");
  influence.title = `Influence: ${s.influence?.label ?? "unknown"}`;
  influence.append(symbol((s.influence && influenceMeters.get(s.influence.value)) ?? "○○○"), el("span", "", s.influence?.label ?? "?"));
  top.append(stanceChip, influence);

  const name = el("div", "name", s.name);
  name.title = s.name;
  const title = el("div", "job-title", s.jobTitle ?? "");
  const roleLine = el("div", "role-line");
  roleLine.append(el("span", s.buyingRole ? "role" : "role unknown", s.buyingRole?.label ?? "Role unknown"));
  if (s.gaps.length > 0) {
    const badge = el("span", "gap-badge");
    badge.append(symbol("⚠"), el("span", "", s.gaps.length === 1 ? "1 gap" : `${s.gaps.length} gaps`));
    badge.title = s.gaps.map((g) => g.message).join("\n");
    roleLine.append(badge);
  }
  card.append(top, name, title, roleLine, renderCounterparts(s.counterparts));
  card.setAttribute("aria-label", describe(s, layout, placed, names));
  return card;
}

function renderCounterparts(counterparts: readonly MapCounterpart[]): HTMLElement {
  if (counterparts.length === 0) {
    const none = el("div", "counterpart none");
    none.append(symbol("⇄"), el("span", "", "No counterpart"));
    return none;
  }
  const first = counterparts[0];
  const row = el("div", "counterpart");
  row.append(symbol("⇄"), el("span", "member", first.memberName));
  if (first.strength) {
    const strength = el("span", "strength");
    strength.append(symbol(strengthBars.get(first.strength.value) ?? ""), el("span", "", first.strength.label));
    row.append(strength);
  }
  if (counterparts.length > 1) row.append(el("span", "more", `+${counterparts.length - 1}`));
  row.title = counterparts.map((c) => `${c.memberName}${c.strength ? ` (${c.strength.label})` : ""}`).join("\n");
  return row;
}

/** What a screen reader says for a card: everything the card shows, in words. */
export function describe(s: MapStakeholder, layout: MapLayout, placed: PlacedCard, names: Map<string, string>): string {
  const parts = [s.name];
  if (s.jobTitle) parts.push(s.jobTitle);
  parts.push(layout.columns[placed.column].label, layout.rows[placed.row].label);
  parts.push(`stance ${s.stance?.label ?? "unknown"}`);
  parts.push(`buying role ${s.buyingRole?.label ?? "unknown"}`);
  parts.push(`influence ${s.influence?.label ?? "unknown"}`);
  const manager = s.reportsToId ? names.get(s.reportsToId) : undefined;
  if (manager) parts.push(`reports to ${manager}`);
  parts.push(
    s.counterparts.length === 0
      ? "no counterpart"
      : "counterpart " + s.counterparts.map((c) => (c.strength ? `${c.memberName}, ${c.strength.label}` : c.memberName)).join("; "),
  );
  if (s.gaps.length > 0) parts.push(`${s.gaps.length} gap${s.gaps.length === 1 ? "" : "s"}: ${s.gaps.map((g) => g.message).join(" ")}`);
  return parts.join(". ") + ".";
}
