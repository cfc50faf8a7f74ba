// Sending each agency its sheet and taking back what it typed: the plan's fingerprint, and the
// three-way merge of a returned sheet into the officer's workbook (as sent, as returned, as now).
import type { CarriedRow } from './carry';
import type { Task } from './schemas';

/** The columns an agency fills (the order of a carried row's values). */
export const RETURNED_COLUMNS = ['Tình trạng', 'Kết quả thực hiện', 'Ghi chú', 'Ngày hoàn thành'];

/** A short stable hash of the task list (ids, titles, leads): a returned file must match the plan as it is. */
export function planFingerprint(tasks: Pick<Task, 'id' | 'raw'>[]): string {
  // FNV-1a, 64 bits as two 32-bit halves: no collision worth fearing between two versions of one table
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (const t of tasks) {
    const s = `${t.id}\u0001${t.raw.title}\u0001${t.raw.lead}\u0002`;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
      h2 = Math.imul(h2 ^ c, 0x811c9dc5) >>> 0;
    }
  }
  return h1.toString(16).padStart(8, '0') + h2.toString(16).padStart(8, '0');
}

export const rowKey = (r: Pick<CarriedRow, 'role' | 'id'>) => `${r.role}|${r.id}`;

/** What each task's row held when the file was sent. */
export function baseOf(rows: CarriedRow[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const r of rows) if (!r.id.startsWith('dòng ')) out[rowKey(r)] = r.values.slice(0, RETURNED_COLUMNS.length);
  return out;
}

export interface Conflict {
  task: string;
  column: string;
  out: string;
  returned: string;
}

export interface MergeWrite {
  /** The task's row key in the officer's sheet. */
  key: string;
  /** 0-based among RETURNED_COLUMNS. */
  column: number;
  value: string;
}

export interface MergeResult {
  writes: MergeWrite[];
  updated: number;
  unchanged: number;
  conflicts: Conflict[];
  /** Returned rows whose task the officer's sheet no longer has. */
  missing: string[];
}

/**
 * Merge a returned sheet into the officer's: a cell the agency changed (from what was sent) is taken
 * unless the officer changed it too, differently — then the officer's stays (or the agency's with
 * `prefer: 'returned'`) and the conflict is listed. An empty cell never replaces a filled one.
 */
export function mergeReturned(now: CarriedRow[], returned: CarriedRow[], base: Record<string, string[]>, prefer: 'out' | 'returned' = 'out'): MergeResult {
  const byKey = new Map(now.map((r) => [rowKey(r), r]));
  const result: MergeResult = { writes: [], updated: 0, unchanged: 0, conflicts: [], missing: [] };
  for (const r of returned) {
    const key = rowKey(r);
    if (r.id.startsWith('dòng ')) continue; // a note row the agency added: not a task's cell
    const mine = byKey.get(key);
    if (!mine) {
      result.missing.push(r.id);
      continue;
    }
    let changed = false;
    RETURNED_COLUMNS.forEach((column, k) => {
      const sent = (base[key]?.[k] ?? '').trim();
      const theirs = (r.values[k] ?? '').trim();
      const ours = (mine.values[k] ?? '').trim();
      if (theirs === sent || theirs === ours || theirs === '') return; // nothing new from the agency
      if (ours === sent || ours === '') {
        result.writes.push({ key, column: k, value: theirs });
        changed = true;
        return;
      }
      result.conflicts.push({ task: r.id, column, out: ours, returned: theirs });
      if (prefer === 'returned') {
        result.writes.push({ key, column: k, value: theirs });
        changed = true;
      }
    });
    if (changed) result.updated++;
    else result.unchanged++;
  }
  return result;
}
