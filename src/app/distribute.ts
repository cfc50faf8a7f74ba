// Use-cases: send each agency a workbook of its own sheet, and merge what the agencies send back.
import { a1, colLetter } from '../core/address';
import { baseOf, mergeReturned, planFingerprint, rowKey, type Conflict } from '../core/distribute';
import { AGENCY_COLUMNS, AGENCY_HEADER_ROW, attachedFromTitles, DONE_COL, STATUS_COL, typedDate } from '../core/generate';
import type { Registry } from '../core/registry';
import type { CellWrite } from '../core/schemas';
import { gridCell, type Grid } from '../core/table';
import type { WorkbookPort } from '../port/workbook';
import { zipSync } from 'fflate';
import { say, type MessageId, type Params, type Text } from '../core/messages';
import { carriedRows, UserError, type Analysis } from './usecases';

export interface Outgoing {
  sheet: string;
  agency: string;
  /** The registry of the agency's workbook: its sheet and the marker naming the plan. */
  registry: Registry;
}

function planLabel(a: Analysis): string {
  return attachedFromTitles(a.titles) ?? a.titles[0] ?? '';
}

/** Today as YYYY-MM-DD (the date a file was sent). */
function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** The agency sheets to send (all, or those named in `only` by agency or sheet name), each with its marker. */
export async function planDistribution(port: WorkbookPort, a: Analysis, only: string[] = []): Promise<Outgoing[]> {
  const present = new Map(a.snapshot.sheets.map((s) => [s.name.toLowerCase(), s.name]));
  let sheets = a.registry.sheets.filter((s) => s.kind === 'agency' && s.agency && present.has(s.name.toLowerCase()));
  if (!sheets.length) throw new UserError('distribute.none', 'Sổ này chưa có trang tính cơ quan nào do Phân công tạo: hãy chạy generate trước rồi mới gửi.', `This workbook has no agency sheet made by Phân công yet: make the sheets first, then send them.`);
  if (only.length) {
    const want = only.map((o) => o.toLowerCase());
    const unknown = only.filter((o) => !sheets.some((s) => s.name.toLowerCase() === o.toLowerCase() || s.agency?.toLowerCase() === o.toLowerCase()));
    if (unknown.length)
      throw new UserError('distribute.unknown', `Không có trang tính cơ quan "${unknown.join('", "')}" trong sổ: dùng tên trang tính hoặc tên cơ quan như ở trang tính Tổng hợp.`, `There is no agency sheet "${unknown.join('", "')}" in the workbook: use a sheet name or an agency name as on the Tổng hợp sheet.`);
    sheets = sheets.filter((s) => want.includes(s.name.toLowerCase()) || want.includes((s.agency ?? '').toLowerCase()));
  }
  const grids = await port.readSheets(sheets.map((s) => present.get(s.name.toLowerCase()) as string));
  const fingerprint = planFingerprint(a.tasks);
  const plan = planLabel(a);
  const sent = today();
  return sheets.map((s) => {
    const name = present.get(s.name.toLowerCase()) as string;
    return {
      sheet: name,
      agency: s.agency as string,
      registry: {
        version: 1,
        sheets: [{ name, kind: 'agency', agency: s.agency }],
        quarterColumns: null,
        settings: {},
        distribution: { plan, fingerprint, agency: s.agency as string, sheet: name, sent, base: baseOf(carriedRows(grids[name], 0)) },
      },
    };
  });
}

export interface ReturnedFile {
  file: string;
  registry: Registry | null;
  /** The grid of the sheet the marker names (null when the file lacks it). */
  grid: Grid | null;
  /** Why the file could not be opened (Vietnamese, naming it): it is refused, the others are merged. */
  unreadable?: string;
}

export interface CollectedFile {
  file: string;
  agency: string | null;
  updated: number;
  unchanged: number;
  conflicts: Conflict[];
  /** Why nothing was taken from the file (Vietnamese), or null. */
  refused: string | null;
  /** What the agency typed that has no place in the officer's sheet (a note row, an added column): said, not merged. */
  notMerged: string[];
  /** `refused` and `notMerged` by message id and data, for the pane's languages. */
  texts?: { refused?: Text; notMerged: Text[] };
}

/** Merge returned files into the officer's workbook, by task; one write through the port. */
export async function collect(port: WorkbookPort, a: Analysis, returned: ReturnedFile[], prefer: 'out' | 'returned' = 'out'): Promise<{ files: CollectedFile[]; written: number }> {
  const fingerprint = planFingerprint(a.tasks);
  const present = new Map(a.snapshot.sheets.map((s) => [s.name.toLowerCase(), s.name]));
  const agencySheet = new Map(a.registry.sheets.filter((s) => s.kind === 'agency' && s.agency && present.has(s.name.toLowerCase())).map((s) => [s.agency as string, present.get(s.name.toLowerCase()) as string]));
  const files: CollectedFile[] = [];
  const accepted: { r: ReturnedFile; out: string; f: CollectedFile }[] = [];
  for (const r of returned) {
    const d = r.registry?.distribution;
    const f: CollectedFile = { file: r.file, agency: d?.agency ?? null, updated: 0, unchanged: 0, conflicts: [], refused: null, notMerged: [], texts: { notMerged: [] } };
    files.push(f);
    const refuse = (id: MessageId, params: Params) => {
      const m = say(id, params);
      f.refused = m.message;
      f.texts!.refused = m.text;
    };
    if (r.unreadable) f.refused = r.unreadable;
    else if (!d) refuse('collect.notOurs', { file: r.file });
    else if (d.fingerprint !== fingerprint) refuse('collect.otherPlan', { file: r.file, plan: d.plan, sent: d.sent });
    else if (!agencySheet.has(d.agency)) refuse('collect.noSheet', { file: r.file, agency: d.agency });
    else if (!r.grid) refuse('collect.missingSheet', { file: r.file, sheet: d.sheet });
    else accepted.push({ r, out: agencySheet.get(d.agency) as string, f });
  }
  if (!accepted.length) return { files, written: 0 };
  const outGrids = await port.readSheets([...new Set(accepted.map((x) => x.out))]);
  const nowRows = new Map(Object.entries(outGrids).map(([name, g]) => [name, carriedRows(g, 0)]));
  const writes: CellWrite[] = [];
  for (const { r, out, f } of accepted) {
    const now = nowRows.get(out) ?? [];
    const theirs = carriedRows(r.grid as Grid, 0);
    const m = mergeReturned(now, theirs, r.registry?.distribution?.base ?? {}, prefer);
    // typed content with no cell to go to in the officer's sheet is named, never dropped without a word
    const note = (id: MessageId, params: Params) => {
      const m = say(id, params);
      f.notMerged.push(m.message);
      f.texts!.notMerged.push(m.text);
    };
    for (const x of theirs) if (x.id.startsWith('dòng ')) note('collect.row', { row: x.id.slice(5), title: x.title });
    for (const id of m.missing) note('collect.gone', { task: id });
    for (let c = AGENCY_COLUMNS.length + 1; c <= AGENCY_COLUMNS.length + 40; c++) {
      const h = gridCell(r.grid as Grid, AGENCY_HEADER_ROW, c).trim();
      if (h) note('collect.column', { header: h, col: colLetter(c) });
    }
    const byKey = new Map(now.map((x) => [rowKey(x), x]));
    for (const w of m.writes) {
      const row = byKey.get(w.key) as (typeof now)[number];
      row.values[w.column] = w.value; // a second file for the same agency merges onto the first
      // a completion date is written as a date, so the outcome formula can compare it
      const date = w.column === 3 ? typedDate(w.value) : null;
      writes.push({ sheet: out, address: a1(row.row as number, w.column === 3 ? DONE_COL : STATUS_COL + w.column), values: [[date ?? w.value]], ...(date !== null ? { style: 'inputDate' as const } : {}) });
    }
    f.updated = m.updated;
    f.unchanged = m.unchanged;
    f.conflicts = m.conflicts;
  }
  if (writes.length) await port.write({ cellWrites: writes, sheets: [], deleteSheets: [], registry: null });
  return { files, written: writes.length };
}

/** The files sent to the agencies as one .zip (the pane's download), named as the command line names them. */
export function zipOf(files: { name: string; bytes: Uint8Array }[]): Uint8Array {
  const entries: Record<string, Uint8Array> = {};
  for (const f of files) entries[f.name] = f.bytes;
  // the workbooks are compressed already
  return zipSync(entries, { level: 0 });
}

/** The file name of an agency's workbook: its sheet's name, characters a folder cannot hold as "_". */
export function fileNameOf(sheet: string): string {
  return `${sheet.replace(/[\\/:*?"<>|]/g, '_')}.xlsx`;
}
