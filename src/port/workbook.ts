// The one narrow port between use-cases and a workbook. Two adapters implement it:
// Office.js (src/adapters/office.ts) and the .xlsx package (src/adapters/xlsx.ts).
import type { Grid } from '../core/table';
import type { CellWrite, SheetPlan } from '../core/schemas';
import type { Registry } from '../core/registry';

export interface SheetInfo {
  name: string;
  visibility: 'Visible' | 'Hidden' | 'VeryHidden';
}

export interface ReadRequest {
  /** The sheet holding the table; the active sheet when absent. */
  sheet?: string | null;
  /** Other sheets to read in the same round trip when present (the master list sheet). */
  extra: string[];
  /**
   * Read every visible sheet of the user's (cheap for files; the Office adapter reads only the active one).
   * The sheets the registry lists as generated are left out unless named in `sheet` or `extra`.
   */
  allSheets?: boolean;
}

export interface ReadSheetsOptions {
  /** The columns (1-based) whose typed values are wanted. */
  typed?: (col: number) => boolean;
}

export interface Snapshot {
  sheets: SheetInfo[];
  active: string | null;
  grids: Record<string, Grid>;
  registry: Registry | null;
  /** Whether the table's sheet has a print setup of its own (print titles, print area…); absent when unknown. */
  ownPrintSetup?: Record<string, boolean>;
  /** Registry sheets whose content is still exactly what was written (their `fingerprint` matches); absent when the host cannot tell. */
  untouched?: string[];
}

export interface WritePlan {
  cellWrites: CellWrite[];
  /** Copy this cell's format onto header cells written with style "header" in the same sheet. */
  headerStyleFrom?: { sheet: string; address: string } | null;
  /** Copy the format of this column, same row, onto the other cell writes of the sheet, centred (the table's borders). */
  bodyStyleFrom?: { sheet: string; col: number } | null;
  /** A4 landscape, one page wide, this header row repeated — only where the sheet has no print setup of its own. */
  defaultPrint?: { sheet: string; titleRows: string; footer?: string } | null;
  /** Sheets to create, replacing the registry's sheets of the same name. */
  sheets: SheetPlan[];
  /** Generated sheets to delete (ours, no longer needed). */
  deleteSheets: string[];
  /** Ours to keep under another name (archived whole, with all they hold), before `sheets` are written. */
  renameSheets?: { from: string; to: string }[];
  registry: Registry | null;
  /** Plain (user-owned) sheets to create before the cell writes when missing. */
  createSheets?: string[];
  /** Cells to merge, only in sheets this plan creates (a section heading across an imported table); never in a sheet that was there. */
  merges?: { sheet: string; range: string }[];
  /** Sheet names as of the read, when the caller has them (saves the adapter listing them again). */
  knownSheets?: string[];
}

export interface WriteProgress {
  done: number;
  total: number;
  label: string;
}

import type { Text } from '../core/messages';

export interface WriteResult {
  syncs: number;
  bytes: number;
  /** What the host did not apply, for the officer (Vietnamese): "Excel chưa áp dụng …". */
  notes?: string[];
  /** The same notes by message id and data (src/core/messages.ts), for the pane's languages. */
  noteTexts?: Text[];
}

export class WriteFailure extends Error {
  constructor(
    message: string,
    /** Sheets that may be left half-written and should be deleted by hand. */
    public readonly leftBehind: string[],
  ) {
    super(message);
  }
}

export interface WorkbookPort {
  read(req: ReadRequest): Promise<Snapshot>;
  /**
   * Read sheets whole (generated ones, for carry-over): round trips grow with the cells, never with the
   * sheets. With `typed`, also what the cells of those columns hold beyond their text (Grid.typed) and
   * what a person hung on each sheet (Grid.hung).
   */
  readSheets(names: string[], opts?: ReadSheetsOptions): Promise<Record<string, Grid>>;
  write(plan: WritePlan, progress?: (p: WriteProgress) => void): Promise<WriteResult>;
  select(sheet: string, address: string): Promise<void>;
}

/**
 * The tab order after a write: every sheet that was there keeps its place (ours replaced in place),
 * sheets new to the workbook follow the last of ours, or go last. A user's own sheets never move.
 * `before`: names in tab order as read; `ours`: names we write or delete (lower case); `after`: names now.
 */
export function tabOrder(before: string[], ours: Set<string>, after: string[]): string[] {
  const now = new Map(after.map((n) => [n.toLowerCase(), n]));
  const order: string[] = [];
  let afterOurs = -1;
  for (const name of before) {
    const k = name.toLowerCase();
    const n = now.get(k);
    if (n) order.push(n);
    if (ours.has(k)) afterOurs = order.length;
  }
  const placed = new Set(order.map((n) => n.toLowerCase()));
  const fresh = after.filter((n) => !placed.has(n.toLowerCase()));
  order.splice(afterOurs < 0 ? order.length : afterOurs, 0, ...fresh);
  return order;
}
