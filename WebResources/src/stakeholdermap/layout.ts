// Where each card goes: rows by level (executive at the top), columns by department, cards of one
// cell side by side in up to `slots` columns. Pure geometry, computed once per render, so the
// DOM is written in one pass and never measured (quick with hundreds of stakeholders).

import { Level } from "../common/names";
import { MapStakeholder } from "./data";

export interface LayoutMetrics {
  cardWidth: number;
  cardHeight: number;
  /** Space between cards inside a cell and around a cell's content. */
  gap: number;
  /** Width of the level labels on the left. */
  rowHeaderWidth: number;
  /** Height of the department labels on top. */
  columnHeaderHeight: number;
  /** Width the map would like to fit in (the viewport); decides how many cards sit side by side. */
  availableWidth: number;
  /** Upper bound of cards side by side in one cell. */
  maxSlots: number;
}

export interface LayoutRow {
  key: string;
  level: number | null;
  label: string;
  y: number;
  height: number;
}

export interface LayoutColumn {
  key: string;
  department: string | null;
  label: string;
  x: number;
  width: number;
  slots: number;
}

export interface PlacedCard {
  stakeholder: MapStakeholder;
  x: number;
  y: number;
  row: number;
  column: number;
}

export interface ReportsToLine {
  fromId: string;
  toId: string;
  path: string;
}

export interface MapLayout {
  rows: LayoutRow[];
  columns: LayoutColumn[];
  /** In reading order: by row of cards, then left to right. */
  cards: PlacedCard[];
  lines: ReportsToLine[];
  width: number;
  height: number;
  metrics: LayoutMetrics;
}

const levelOrder: { value: number; label: string }[] = [
  { value: Level.executive, label: "Executive" },
  { value: Level.director, label: "Director" },
  { value: Level.manager, label: "Manager" },
  { value: Level.staff, label: "Staff" },
];
const unknownLevelKey = "level:unknown";
const noDepartmentKey = "department:none";

export function metricsFor(viewportWidth: number): LayoutMetrics {
  const compact = viewportWidth < 640;
  return {
    cardWidth: compact ? 184 : 212,
    cardHeight: 116,
    gap: 12,
    rowHeaderWidth: compact ? 28 : 36,
    columnHeaderHeight: 34,
    availableWidth: viewportWidth,
    maxSlots: 4,
  };
}

export function layoutMap(stakeholders: readonly MapStakeholder[], metrics: LayoutMetrics): MapLayout {
  const { cardWidth, cardHeight, gap } = metrics;

  // Rows: the four levels in order, then "level unknown"; only those that have someone.
  const rowKeys: { key: string; level: number | null; label: string }[] = [];
  for (const level of levelOrder) {
    const members = stakeholders.filter((s) => s.level?.value === level.value);
    if (members.length > 0) rowKeys.push({ key: `level:${level.value}`, level: level.value, label: members[0].level?.label ?? level.label });
  }
  const knownLevels = new Set(levelOrder.map((l) => l.value));
  if (stakeholders.some((s) => !s.level || !knownLevels.has(s.level.value))) {
    rowKeys.push({ key: unknownLevelKey, level: null, label: "Level unknown" });
  }
  const rowIndex = (s: MapStakeholder): number => {
    const key = s.level && knownLevels.has(s.level.value) ? `level:${s.level.value}` : unknownLevelKey;
    return rowKeys.findIndex((r) => r.key === key);
  };

  // Columns: departments alphabetically (case-insensitive), "No department" last.
  const departments = new Map<string, string>();
  for (const s of stakeholders) {
    if (s.department && !departments.has(departmentKey(s.department))) departments.set(departmentKey(s.department), s.department);
  }
  const columnKeys = [...departments.entries()]
    .sort((a, b) => a[1].localeCompare(b[1], undefined, { sensitivity: "base" }))
    .map(([key, label]) => ({ key, department: label as string | null, label }));
  if (stakeholders.some((s) => !s.department)) columnKeys.push({ key: noDepartmentKey, department: null, label: "No department" });
  const columnIndex = (s: MapStakeholder): number => {
    const key = s.department ? departmentKey(s.department) : noDepartmentKey;
    return columnKeys.findIndex((c) => c.key === key);
  };

  // Cells, each sorted: most influential and key roles first, then by name.
  const cells: MapStakeholder[][][] = rowKeys.map(() => columnKeys.map(() => []));
  for (const s of stakeholders) cells[rowIndex(s)][columnIndex(s)].push(s);
  for (const row of cells) for (const cell of row) cell.sort(compareInCell);

  // Cards side by side per department: as many as the fullest cell needs, within what fits the
  // available width (at least one; the map scrolls when even that does not fit).
  const perColumn = Math.max(1, Math.floor((metrics.availableWidth - metrics.rowHeaderWidth) / columnKeys.length / (cardWidth + gap)));
  const fit = Math.max(1, Math.min(metrics.maxSlots, perColumn));
  const columns: LayoutColumn[] = [];
  let x = metrics.rowHeaderWidth;
  columnKeys.forEach((c, ci) => {
    const fullest = Math.max(1, ...cells.map((row) => row[ci].length));
    const slots = Math.min(fit, fullest);
    const width = slots * cardWidth + (slots + 1) * gap;
    columns.push({ ...c, x, width, slots });
    x += width;
  });

  // Spare width (a full window, few departments) is shared out between the columns; the cards
  // keep their size and sit centred in the widened column.
  const spare = Math.floor((metrics.availableWidth - x) / columns.length);
  if (spare > 0) {
    columns.forEach((column, i) => {
      column.x += i * spare;
      column.width += spare;
    });
    x += spare * columns.length;
  }

  const rows: LayoutRow[] = [];
  let y = metrics.columnHeaderHeight;
  rowKeys.forEach((r, ri) => {
    const cardRows = Math.max(1, ...columns.map((c, ci) => Math.ceil(cells[ri][ci].length / c.slots)));
    const height = cardRows * cardHeight + (cardRows + 1) * gap;
    rows.push({ ...r, y, height });
    y += height;
  });

  const cards: PlacedCard[] = [];
  rows.forEach((row, ri) => {
    columns.forEach((column, ci) => {
      cells[ri][ci].forEach((stakeholder, i) => {
        const slot = i % column.slots;
        const line = Math.floor(i / column.slots);
        const used = column.slots * cardWidth + (column.slots + 1) * gap;
        cards.push({
          stakeholder,
          row: ri,
          column: ci,
          x: column.x + Math.floor((column.width - used) / 2) + gap + slot * (cardWidth + gap),
          y: row.y + gap + line * (cardHeight + gap),
        });
      });
    });
  });
  cards.sort((a, b) => a.y - b.y || a.x - b.x);

  return { rows, columns, cards, lines: reportsToLines(cards, metrics), width: x, height: y, metrics };
}

function departmentKey(department: string): string {
  return "department:" + department.trim().toLocaleLowerCase();
}

const influenceRank = (s: MapStakeholder): number => s.influence?.value ?? -1;

function compareInCell(a: MapStakeholder, b: MapStakeholder): number {
  return influenceRank(b) - influenceRank(a) || a.name.localeCompare(b.name, undefined, { sensitivity: "base" });
}

/** One line per stakeholder whose reports-to is on the map: from the manager's card to the report's. */
function reportsToLines(cards: readonly PlacedCard[], metrics: LayoutMetrics): ReportsToLine[] {
  const byId = new Map(cards.map((c) => [c.stakeholder.id, c]));
  const { cardWidth: w, cardHeight: h } = metrics;
  const lines: ReportsToLine[] = [];
  for (const child of cards) {
    const parentId = child.stakeholder.reportsToId;
    if (!parentId || parentId === child.stakeholder.id) continue;
    const parent = byId.get(parentId);
    if (!parent) continue;
    let path: string;
    if (parent.y + h <= child.y) {
      // The usual case: the manager sits above. Bottom centre to top centre.
      const x1 = parent.x + w / 2, y1 = parent.y + h, x2 = child.x + w / 2, y2 = child.y;
      const mid = (y1 + y2) / 2;
      path = `M${x1} ${y1} C${x1} ${mid} ${x2} ${mid} ${x2} ${y2}`;
    } else {
      // Same row or the manager sits lower (a data oddity worth seeing): side to side.
      const leftToRight = parent.x < child.x;
      const x1 = leftToRight ? parent.x + w : parent.x, y1 = parent.y + h / 2;
      const x2 = leftToRight ? child.x : child.x + w, y2 = child.y + h / 2;
      const bend = Math.max(24, Math.abs(x2 - x1) / 2) * (leftToRight ? 1 : -1);
      path = `M${x1} ${y1} C${x1 + bend} ${y1} ${x2 - bend} ${y2} ${x2} ${y2}`;
    }
    lines.push({ fromId: parent.stakeholder.id, toId: child.stakeholder.id, path });
  }
  return lines;
}
