// What agencies typed in earlier generated sheets, placed back on the right tasks. Task ids are
// positions ("2.2" is the second bullet of row 2): a deleted or inserted row shifts them, so typed
// content follows the task by what it is — its role and its title — and only then by its id.
// Content that finds no task is never dropped: it is returned as unplaced, to be archived.
import { similarity } from './agencies/match';
import { wordsKey, foldKey } from './text';
import { gridCell, type Grid, type TypedCell } from './table';
import { a1 } from './address';

export interface CarriedRow {
  /** The id the row had when it was generated. */
  id: string;
  title: string;
  role: 'lead' | 'support';
  /** Tình trạng, Kết quả thực hiện, Ghi chú, then any column the user added. */
  values: string[];
  /** What each of `values` held beyond its text (a number, a date, a formula, a hyperlink), and where. */
  cells?: (CarriedCell | undefined)[];
  /** The sheet row it was read from. */
  row?: number;
}

/** A typed value and the cell it was read from (a formula moves relative to it). */
export interface CarriedCell {
  value: TypedCell;
  row: number;
  col: number;
}

export interface CurrentTask {
  id: string;
  title: string;
  role: 'lead' | 'support';
}

export interface Placement {
  /** task id (now) → the earlier row carried onto it */
  byTask: Map<string, CarriedRow>;
  /** Typed content that followed its task to another id. */
  moved: { title: string; from: string; to: string }[];
  /** Typed content whose task is no longer in the table (or cannot be told apart). */
  unplaced: CarriedRow[];
}

/** Did a person type anything in this row (beyond the status every row starts with)? */
export function typed(r: CarriedRow, defaultStatus: string): boolean {
  return r.values.some((v, i) => v.trim() !== '' && !(i === 0 && v.trim() === defaultStatus));
}

const keyOf = (role: string, title: string) => `${role}|${wordsKey(foldKey(title))}`;

export function placeCarried(previous: readonly CarriedRow[], now: readonly CurrentTask[], defaultStatus: string): Placement {
  const byTask = new Map<string, CarriedRow>();
  const moved: Placement['moved'] = [];
  // a first run: nothing typed to place (and no key to build per task)
  if (!previous.length) return { byTask, moved, unplaced: [] };
  const free = new Set(now.map((_, i) => i));
  const left: CarriedRow[] = [];
  const place = (r: CarriedRow, i: number) => {
    free.delete(i);
    byTask.set(now[i].id, r);
    if (r.id !== now[i].id && typed(r, defaultStatus)) moved.push({ title: now[i].title, from: r.id, to: now[i].id });
  };
  // 1. the same task: same role, same title (in order when a title repeats)
  const waiting = new Map<string, number[]>();
  now.forEach((t, i) => {
    const k = keyOf(t.role, t.title);
    waiting.set(k, [...(waiting.get(k) ?? []), i]);
  });
  for (const r of previous) {
    const queue = waiting.get(keyOf(r.role, r.title));
    const i = queue?.shift();
    if (i !== undefined) place(r, i);
    else left.push(r);
  }
  // 2. a title edited a little, at the same id and role ("Tổ chức hội nghị" → "Tổ chức hội nghị tập huấn")
  const unplaced: CarriedRow[] = [];
  for (const r of left) {
    const i = [...free].find((j) => now[j].id === r.id && now[j].role === r.role && similarity(wordsKey(foldKey(now[j].title)), wordsKey(foldKey(r.title))) >= 0.75);
    if (i !== undefined) place(r, i);
    else if (typed(r, defaultStatus)) unplaced.push(r);
  }
  return { byTask, moved, unplaced };
}

/**
 * Cells a person filled outside what was written on one of our sheets (a note under the report, a
 * column beside the task list): A1 addresses, in reading order, at most `limit`. Without the size that
 * was written (sheets of earlier versions), the width of the title rows' merges, or of the header row.
 */
export function addedCells(g: Grid, size: { rows: number; cols: number } | undefined, headerRow: number, limit = 50): string[] {
  let cols = size?.cols ?? 0;
  if (!cols) {
    for (const m of g.merges) if (m.r1 <= 2) cols = Math.max(cols, m.c2);
    for (let c = 1; c <= 60; c++) if (gridCell(g, headerRow, c).trim()) cols = Math.max(cols, c);
  }
  const rows = size?.rows ?? Infinity;
  const out: string[] = [];
  g.values.forEach((line, i) => {
    const r = g.top + i;
    for (let j = 0; j < line.length && out.length < limit; j++) {
      const c = g.left + j;
      if ((c > cols || r > rows) && line[j] !== undefined && String(line[j]).trim() !== '') out.push(a1(r, c));
    }
  });
  return out;
}
