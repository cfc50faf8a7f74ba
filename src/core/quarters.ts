// Planning the Quý I–IV columns of the source table: which cells to write, and which hold
// user content that must not be overwritten without consent.
import { a1 } from './address';
import { gridCell, type Grid } from './table';
import type { CellWrite, TableModel, Task } from './schemas';

export const QUARTER_LABELS = ['Quý I', 'Quý II', 'Quý III', 'Quý IV'];
export const MARK = 'x';

export interface QuarterPlan {
  /** 1-based columns of Quý I..IV */
  cols: number[];
  headerRow: number;
  writes: CellWrite[];
  /** Cells whose user content differs from what would be written (A1, e.g. "F7"). */
  conflicts: string[];
  /** Rows whose time phrase could not be read: left empty. */
  unreadableRows: number[];
  /** Address of the header cell whose format the new header copies. */
  headerStyleFrom: string | null;
  /** The column whose cells' format the quarter cells of a row take (the time column). */
  bodyStyleCol: number;
  changedCells: number;
}

function isOurs(v: string, label: string): boolean {
  const t = v.trim();
  return t === '' || t.toLowerCase() === MARK || t === label;
}

/**
 * The last column of the table's header: the columns it maps, then any header cells right of them that
 * it does not ("Nguồn", "Đơn vị tính"). New quarter columns go after it, never over a column of the table.
 */
export function headerEnd(g: Grid, table: TableModel): number {
  const top = table.headerRow - table.headerRows + 1;
  const used = (c: number): boolean => {
    for (let r = top; r <= table.headerRow; r++) {
      if (gridCell(g, r, c).trim()) return true;
      // a merged header reaching here from a column on its left ("Kinh phí" over two sub-columns)
      if (g.merges.some((m) => r >= m.r1 && r <= m.r2 && c > m.c1 && c <= m.c2)) return true;
    }
    return false;
  };
  let end = table.lastCol;
  while (used(end + 1)) end++;
  return end;
}

/** Rows → union of their tasks' quarters (a row split into sub-tasks gets the union). */
export function quartersByRow(tasks: Task[]): Map<number, { quarters: Set<number>; unreadable: boolean }> {
  const byRow = new Map<number, { quarters: Set<number>; unreadable: boolean }>();
  for (const t of tasks) {
    const e = byRow.get(t.row) ?? { quarters: new Set<number>(), unreadable: false };
    for (const q of t.quarters) e.quarters.add(q);
    if (!t.time.ok) e.unreadable = true;
    byRow.set(t.row, e);
  }
  return byRow;
}

export function planQuarters(g: Grid, table: TableModel, tasks: Task[], force = false): QuarterPlan {
  const existing = [table.columns.q1, table.columns.q2, table.columns.q3, table.columns.q4];
  const cols = existing.every((c) => typeof c === 'number') ? (existing as number[]) : [1, 2, 3, 4].map((i) => headerEnd(g, table) + i);
  const headerRow = table.headerRow;
  const byRow = quartersByRow(tasks);
  const conflicts: string[] = [];
  const unreadableRows: number[] = [];
  // the header labels, then every task row's marks, in row order
  const targets: { row: number; values: string[] }[] = [{ row: headerRow, values: QUARTER_LABELS }];
  for (const [row, e] of [...byRow].sort((x, y) => x[0] - y[0])) {
    // a row whose phrases give no quarter at all, and some could not be read, is left empty and reported
    if (e.unreadable && e.quarters.size === 0) {
      unreadableRows.push(row);
      continue;
    }
    targets.push({ row, values: [1, 2, 3, 4].map((q) => (e.quarters.has(q) ? MARK : '')) });
  }
  const changes: { row: number; col: number; value: string }[] = [];
  for (const { row, values } of targets) {
    for (let i = 0; i < 4; i++) {
      const col = cols[i];
      const value = values[i];
      const cur = gridCell(g, row, col);
      if (cur === value) continue;
      if (!force && !isOurs(cur, QUARTER_LABELS[i])) {
        conflicts.push(a1(row, col));
        continue;
      }
      changes.push({ row, col, value });
    }
  }
  // one 2-D block per run of rows whose changed cells cover the same columns (usually F:I for every
  // task row): a few writes for a whole table, never one per cell
  if (cols.some((c, i) => i > 0 && c <= cols[i - 1])) changes.sort((a, b) => a.row - b.row || a.col - b.col);
  const segments: { row: number; col: number; values: string[] }[] = [];
  for (const ch of changes) {
    const seg = segments[segments.length - 1];
    if (seg && seg.row === ch.row && seg.col + seg.values.length === ch.col) seg.values.push(ch.value);
    else segments.push({ row: ch.row, col: ch.col, values: [ch.value] });
  }
  const writes: CellWrite[] = [];
  let prev: { row: number; col: number; width: number } | null = null;
  for (const seg of segments) {
    const isHeader = seg.row === headerRow;
    const last = writes[writes.length - 1];
    if (last && !last.style && !isHeader && prev && prev.col === seg.col && prev.width === seg.values.length && prev.row + 1 === seg.row) last.values.push(seg.values);
    else writes.push({ sheet: g.sheet, address: a1(seg.row, seg.col), values: [seg.values], ...(isHeader ? { style: 'header' as const } : {}) });
    prev = { row: seg.row, col: seg.col, width: seg.values.length };
  }
  const firstHeaderCol = table.columns.time ?? table.columns.task ?? table.firstCol;
  return {
    cols,
    headerRow,
    writes,
    conflicts: conflicts.sort(),
    unreadableRows: unreadableRows.sort((a, b) => a - b),
    headerStyleFrom: a1(headerRow, firstHeaderCol),
    bodyStyleCol: firstHeaderCol,
    changedCells: changes.length,
  };
}
