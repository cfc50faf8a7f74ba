// Use-cases: the only entry points of the task pane and the command line. They talk to a
// workbook through the port and leave every decision about content to src/core.
import { a1, colLetter, parseRange } from '../core/address';
import { builtinMasterList } from '../core/agencies/builtin';
import { buildIndex, type MatchIndex } from '../core/agencies/match';
import { provinceIn } from '../core/agencies/provinces';
import type { PlanLevel } from '../core/agencies/collectives';
import { MASTER_SHEET, masterFromRows, withAlias, masterToRows, MasterListError } from '../core/agencies/master';
import { AGENCY_COLUMNS, AGENCY_COLUMNS_V1, CHART_TITLE, DEADLINE_COL, DONE_COL, AGENCY_HEADER_ROW, archiveName, attachedFromTitles, footerOf, looksGenerated, planGeneration, REPORT_SHEET, STATUS_COL, subjectFromTitles, typedColumn, type GenerationPlan } from '../core/generate';
import { addedCells, type CarriedRow } from '../core/carry';
import { REGISTRY_SHEET } from '../core/registry';
import { planQuarters, type QuarterPlan } from '../core/quarters';
import { emptyRegistry, type Registry } from '../core/registry';
import { columnsA1, detectTable, gridCell, gridTyped, readTasks, type Grid, type Section } from '../core/table';
import { findPlanYear } from '../core/time';
import { normalizeText, foldKey } from '../core/text';
import { findingKey, validate } from '../core/validate';
import { render } from '../core/messages';
import type { CellWrite, ColumnRole, Issue, MasterList, RuleSettings, TableModel, Task } from '../core/schemas';
import type { Snapshot, WorkbookPort, WritePlan, WriteProgress, WriteResult } from '../port/workbook';

/** A problem that makes the input unusable (CLI exit 2), said in Vietnamese and, for the pane, in English; `key` is stable for tests and scripts. */
export class UserError extends Error {
  constructor(
    public readonly key: string,
    message: string,
    public readonly en?: string,
  ) {
    super(message);
  }
}

export interface AnalyzeOptions {
  sheet?: string | null;
  /** A master list given from outside (file); else the workbook's sheet, else the built-in one. */
  master?: MasterList | null;
  year?: number | null;
  /** Column mapping chosen by the user. */
  columns?: Partial<Record<ColumnRole, number>>;
  /** The header row chosen by the user (when the table's header is not recognised). */
  headerRow?: number;
  settings?: RuleSettings;
  /** Fallback plan year when neither the option nor the title gives one. */
  defaultYear?: number;
}

export interface Analysis {
  snapshot: Snapshot;
  grid: Grid;
  table: TableModel;
  tasks: Task[];
  sections: Section[];
  issues: Issue[];
  /** Findings left out because the user ignored them in this workbook (the registry's `ignored`). */
  ignored: number;
  master: MasterList;
  masterSource: 'option' | 'sheet' | 'builtin';
  idx: MatchIndex;
  planYear: number;
  planYearSource: 'option' | 'title' | 'default';
  titles: string[];
  province: string | null;
  registry: Registry;
}

function titlesAbove(g: Grid, headerRow: number, headerRows: number): string[] {
  const out: string[] = [];
  for (let r = g.top; r < headerRow - headerRows + 1; r++) {
    const row = g.values[r - g.top] ?? [];
    const text = row.map((v) => normalizeText(String(v ?? ''))).filter(Boolean).join(' ');
    if (text) out.push(text);
  }
  return out;
}

/** "… của Ủy ban nhân dân tỉnh Đồng Nai" → "Đồng Nai"; only a province or city that exists ("TỈNH ỦY VỀ …" names none). */
export function provinceFromTitles(titles: string[]): string | null {
  for (const t of titles) {
    const p = provinceIn(normalizeText(t));
    if (p) return p;
  }
  return null;
}

/**
 * Whose plan it is, from its titles: "(Kèm theo Quyết định … của Thủ tướng Chính phủ)", "… Nghị quyết
 * … của Chính phủ", "… của Bộ …" are central plans (their "các địa phương" are the provinces); a
 * province's People's Committee, or no issuer found, a province's.
 */
export function levelFromTitles(titles: string[]): PlanLevel {
  const text = foldKey(titles.join(' '));
  if (/uy ban nhan dan (tinh|thanh pho)|ubnd (tinh|thanh pho)|\b(kh|qd|ct)-ubnd\b/.test(text)) return 'province';
  return /thu tuong chinh phu|cua chinh phu|\b(nq|qd|ct)-(cp|ttg)\b|cua bo [a-z]|\bbo truong\b|\/(bvhttdl|btc|bct|byt|bca|bqp|btp|bnv|bkhcn|bnnmt|bxd|bgddt|bng)\b/.test(text) ? 'central' : 'province';
}

function pickSheet(snap: Snapshot, wanted: string | null | undefined, columns?: AnalyzeOptions['columns']): Grid {
  if (wanted) {
    const key = Object.keys(snap.grids).find((k) => k.toLowerCase() === wanted.toLowerCase());
    if (!key) {
      const names = snap.sheets.filter((s) => s.visibility === 'Visible').map((s) => s.name).join(', ');
      throw new UserError('sheet.not_found', `Không có trang tính "${wanted}" trong tệp; các trang tính hiện có: ${names}.`, `There is no sheet "${wanted}" in the file; its sheets: ${names}.`);
    }
    return snap.grids[key];
  }
  // the sheet the table was read from last time first; never one of our generated sheets (after a
  // run Excel shows the report, whose columns look like a table)
  const ours = new Set((snap.registry?.sheets ?? []).map((s) => s.name.toLowerCase()));
  const candidates = [snap.registry?.quarterColumns?.sheet, snap.active, ...Object.keys(snap.grids)].filter((x): x is string => !!x && !!snap.grids[x] && !ours.has(x.toLowerCase()));
  for (const name of candidates) if (detectTable(snap.grids[name], columns).table) return snap.grids[name];
  const any = candidates[0];
  if (!any) throw new UserError('workbook.empty', 'Tệp không có trang tính nào có dữ liệu: hãy dán bảng phân công nhiệm vụ vào một trang tính rồi chạy lại.', `No sheet of the file holds data: paste the assignment table into a sheet and try again.`);
  return snap.grids[any];
}

export async function analyze(port: WorkbookPort, opts: AnalyzeOptions = {}): Promise<Analysis> {
  const snapshot = await port.read({ sheet: opts.sheet ?? null, extra: [MASTER_SHEET], allSheets: !opts.sheet });
  return analyzeSnapshot(snapshot, opts);
}

export function analyzeSnapshot(snapshot: Snapshot, opts: AnalyzeOptions = {}): Analysis {
  const grid = pickSheet(snapshot, opts.sheet, opts.columns);
  const hasData = grid.values.some((r) => r.some((v) => String(v ?? '').trim() !== ''));
  if (!hasData) throw new UserError('sheet.empty', `Trang tính "${grid.sheet}" trống: hãy dán bảng phân công nhiệm vụ (STT, Tên nhiệm vụ, Cơ quan chủ trì, Cơ quan phối hợp, Thời gian) vào trang tính rồi chạy lại.`, `The sheet "${grid.sheet}" is empty: paste the assignment table (STT, Tên nhiệm vụ, Cơ quan chủ trì, Cơ quan phối hợp, Thời gian) into it and try again.`);
  const det = detectTable(grid, opts.columns, opts.headerRow);
  if (!det.table)
    throw new UserError('table.not_found', `Không tìm thấy bảng phân công trong trang tính "${grid.sheet}": cần một dòng tiêu đề có cột "Tên nhiệm vụ" (hoặc "Nội dung") và cột "Cơ quan chủ trì" trong ${40} dòng đầu.`, `No assignment table found in the sheet "${grid.sheet}": a header row with a "Tên nhiệm vụ" (or "Nội dung") column and a "Cơ quan chủ trì" column is needed in the first ${40} rows; or choose them by hand below.`);
  const table = det.table;
  const titles = titlesAbove(grid, table.headerRow, table.headerRows);
  const province = provinceFromTitles(titles);
  let master: MasterList;
  let masterSource: Analysis['masterSource'];
  const masterGrid = Object.entries(snapshot.grids).find(([k]) => foldKey(k) === foldKey(MASTER_SHEET))?.[1];
  if (opts.master) {
    master = opts.master;
    masterSource = 'option';
  } else if (masterGrid && masterGrid.values.length > 1) {
    try {
      master = masterFromRows(masterGrid.values.map((r) => r.map((v) => String(v ?? ''))), `Sheet "${MASTER_SHEET}"`);
    } catch (e) {
      if (e instanceof MasterListError) throw new UserError('master.invalid', e.problems.join(' '));
      throw e;
    }
    masterSource = 'sheet';
  } else {
    master = builtinMasterList(province);
    masterSource = 'builtin';
  }
  const titleYear = findPlanYear(titles);
  const planYear = opts.year ?? titleYear ?? opts.defaultYear ?? new Date().getFullYear();
  const planYearSource: Analysis['planYearSource'] = opts.year ? 'option' : titleYear ? 'title' : 'default';
  const idx = buildIndex(master, province, levelFromTitles(titles));
  const read = readTasks(grid, table, idx, { planYear });
  const registry = snapshot.registry ?? emptyRegistry();
  const settings = { ...registry.settings, ...(opts.settings ?? {}) };
  const all = validate({ tasks: read.tasks, table, idx, planYear }, read.issues, settings);
  const ignoredKeys = new Set(registry.ignored ?? []);
  const issues = all.filter((i) => !ignoredKeys.has(findingKey(i)));
  const ignored = all.length - issues.length;
  return { snapshot, grid, table, tasks: read.tasks, sections: read.sections, issues, ignored, master, masterSource, idx, planYear, planYearSource, titles, province, registry };
}

// ---- Choosing the table by hand (when its header is not recognised) ------------------------------

/** A sheet's first rows, for choosing the header row and the columns by hand. */
export interface SheetPeek {
  sheets: string[];
  sheet: string;
  grid: Grid;
  /** Rows 1…40 as shown (each cell's text), with the row number. */
  rows: { row: number; cells: string[] }[];
  /** Columns in use, as letters. */
  cols: string[];
}

export async function peekSheet(port: WorkbookPort, sheet?: string | null): Promise<SheetPeek> {
  const snap = await port.read({ sheet: sheet ?? null, extra: [], allSheets: !sheet });
  const ours = new Set([...(snap.registry?.sheets ?? []).map((s) => s.name.toLowerCase()), REGISTRY_SHEET.toLowerCase()]);
  const sheets = snap.sheets.filter((s) => s.visibility === 'Visible' && !ours.has(s.name.toLowerCase())).map((s) => s.name);
  const name = sheet && snap.grids[sheet] ? sheet : (sheets.find((n) => snap.grids[n]?.values.some((r) => r.some((v) => String(v ?? '').trim()))) ?? sheets[0]);
  if (!name || !snap.grids[name]) throw new UserError('workbook.empty', 'Tệp không có trang tính nào có dữ liệu: hãy dán bảng phân công nhiệm vụ vào một trang tính rồi chạy lại.', `No sheet of the file holds data: paste the assignment table into a sheet and try again.`);
  const grid = snap.grids[name];
  const width = Math.min(26, Math.max(1, ...grid.values.slice(0, 40).map((r) => r.length)) + grid.left - 1);
  const rows = [];
  for (let r = 1; r <= Math.min(40, grid.top + grid.values.length - 1); r++) {
    const cells: string[] = [];
    for (let c = 1; c <= width; c++) cells.push(normalizeText(gridCell(grid, r, c)));
    if (cells.some(Boolean)) rows.push({ row: r, cells });
  }
  return { sheets, sheet: name, grid, rows, cols: Array.from({ length: width }, (_, i) => colLetter(i + 1)) };
}

/** Why a hand-made mapping reads no task (the pane says it in its language). */
export type MappingProblem = { problem: 'sameColumn'; column: string } | { problem: 'needTaskAndLead' } | { problem: 'noTable' } | { problem: 'noTasks'; row: number };

/** The first tasks a hand-made mapping would read, or why it reads none. */
export function previewMapping(peek: SheetPeek, headerRow: number, columns: Partial<Record<ColumnRole, number>>): { tasks: { id: string; title: string; lead: string }[]; total: number } | MappingProblem {
  const taken = new Set<number>();
  for (const c of Object.values(columns)) {
    if (!c) continue;
    if (taken.has(c)) return { problem: 'sameColumn', column: colLetter(c) };
    taken.add(c);
  }
  if (!columns.task || !columns.lead) return { problem: 'needTaskAndLead' };
  const det = detectTable(peek.grid, columns, headerRow);
  if (!det.table) return { problem: 'noTable' };
  const idx = buildIndex(builtinMasterList(null), null, 'province');
  const read = readTasks(peek.grid, det.table, idx, { planYear: new Date().getFullYear() });
  if (!read.tasks.length) return { problem: 'noTasks', row: headerRow };
  return { tasks: read.tasks.slice(0, 5).map((t) => ({ id: t.id, title: normalizeText(t.raw.title).slice(0, 80), lead: normalizeText(t.raw.lead).slice(0, 60) })), total: read.tasks.length };
}

// ---- JSON of `check` (docs/CONTRACTS.md) ----------------------------------------------------

export function checkJson(a: Analysis): unknown {
  const t = a.table;
  return {
    table: {
      sheet: t.sheet,
      range: `${a1(t.headerRow - t.headerRows + 1, t.firstCol)}:${a1(Math.max(t.lastRow, t.headerRow), t.lastCol)}`,
      headerRow: t.headerRow,
      columns: columnsA1(t),
      planYear: a.planYear,
      masterList: a.masterSource,
    },
    tasks: a.tasks.map((x) => ({
      id: x.id,
      parent: x.parent,
      row: x.row,
      cells: x.cells,
      raw: x.raw,
      lead: x.lead.map((m) => ({ text: m.text, agency: m.agency, collective: m.collective })),
      support: x.support.map((m) => ({ text: m.text, agency: m.agency, collective: m.collective })),
      quarters: x.quarters,
      deadline: x.deadline,
      months: x.time.months,
      recurrence: x.time.recurrence,
      section: x.section,
    })),
    issues: a.issues.map((i) => ({ rule: i.rule, severity: i.severity, cell: i.cell, message: i.message, suggestion: i.suggestion ?? null, ...(i.fix ? { fix: i.fix } : {}) })),
    ignored: a.ignored,
  };
}

// ---- Quarters ----------------------------------------------------------------------------------

export interface QuarterResult {
  plan: QuarterPlan;
  written: boolean;
  write?: WriteResult;
}

/** How the quarter cells look and print: the table's header and body formats, A4 landscape if the sheet has no setup. */
function tableFormats(a: Analysis, plan: QuarterPlan): Pick<WritePlan, 'headerStyleFrom' | 'bodyStyleFrom' | 'defaultPrint'> {
  const sheet = a.grid.sheet;
  return {
    headerStyleFrom: plan.headerStyleFrom ? { sheet, address: plan.headerStyleFrom } : null,
    bodyStyleFrom: { sheet, col: plan.bodyStyleCol },
    // never replacing a print setup the user made; nothing when the host cannot tell
    defaultPrint:
      a.snapshot.ownPrintSetup?.[sheet] === false ? { sheet, titleRows: `${a.table.headerRow - a.table.headerRows + 1}:${a.table.headerRow}`, footer: footerOf({ attachedTo: attachedFromTitles(a.titles) }) } : null,
  };
}

export async function fillQuarters(port: WorkbookPort, a: Analysis, force = false): Promise<QuarterResult> {
  // cells a user typed in the quarter columns are left as they are and listed; the rest is written
  const plan = planQuarters(a.grid, a.table, a.tasks, force);
  const registry: Registry = { ...a.registry, quarterColumns: { sheet: a.grid.sheet, cols: plan.cols } };
  const write = await port.write({ cellWrites: plan.writes, ...tableFormats(a, plan), sheets: [], deleteSheets: [], registry });
  return { plan, written: true, write };
}

// ---- Generation ----------------------------------------------------------------------------------

export interface GenerateRequest {
  force?: boolean;
  expandCollectives?: boolean;
  only?: string[];
  progress?: (p: WriteProgress) => void;
  /** Today (YYYY-MM-DD) for archive names; the clock's date when absent. */
  today?: string;
}

export interface GenerateResult {
  quarters: QuarterPlan;
  generation: GenerationPlan;
  sheetsWritten: string[];
  deleted: string[];
  write: WriteResult;
  written: boolean;
  /** Generated sheets the user renamed (old name → new name): kept under their new names. */
  renamed?: Record<string, string>;
  /**
   * Our sheets a person wrote on where nothing of ours can carry it (cells of a summary sheet outside what
   * was written, comments, pictures): kept whole as archives, made again beside them.
   */
  keptAsArchive?: (Added & { archive: string })[];
}

/** What a person put on one of our sheets that regeneration cannot carry over. */
export interface Added {
  sheet: string;
  /** Cells filled outside what was written (summary sheets). */
  cells: string[];
  comments: number;
  /** The comments' cells, where the host tells them. */
  commentCells: string[];
  pictures: number;
}

interface Earlier {
  ours: Set<string>;
  carry: Record<string, CarriedRow[]>;
  previous: Record<string, string>;
  extra: Record<string, string[]>;
  /** Archive sheets of earlier runs: kept, never replaced. */
  archives: Registry['sheets'];
  /** Generated sheets the user renamed, found by their header and title: old name → new name. */
  renamed: Record<string, string>;
  added: Added[];
}

/** Cells of our sheets read at once for carry-over (about 40 MB held). */
const READ_GROUP_CELLS = 400_000;

/** An agency sheet with the deadline columns (Hạn, Ngày hoàn thành, Đánh giá), not one written before them. */
function isDeadlineLayout(g: Grid): boolean {
  return gridCell(g, AGENCY_HEADER_ROW, DEADLINE_COL).trim() === AGENCY_COLUMNS[DEADLINE_COL - 1];
}

/** The rows of one of our agency sheets as typed: the task's id, title and role, and what was typed (Tình trạng …). */
export function carriedRows(g: Grid, extraCount: number): CarriedRow[] {
  const rows: CarriedRow[] = [];
  const v2 = isDeadlineLayout(g);
  const firstExtra = (v2 ? AGENCY_COLUMNS.length : AGENCY_COLUMNS_V1.length) + 1;
  let role: CarriedRow['role'] = 'lead';
  for (let r = AGENCY_HEADER_ROW + 1; r <= g.top + g.values.length - 1; r++) {
    const id = gridCell(g, r, 1).trim();
    if (/^A\.\s/.test(id)) role = 'lead';
    else if (/^B\.\s/.test(id)) role = 'support';
    if (/^[AB]\.\s/.test(id)) continue;
    if (!id || !/^[\p{L}\p{N}.()]+$/u.test(id)) {
      // a row a person added (a note under the table): nothing of ours to rebuild it from, so it is
      // carried as typed content that finds no task — archived, never dropped
      const typedText = Array.from({ length: firstExtra - 1 + extraCount }, (_, k) => gridCell(g, r, k + 1).trim()).filter(Boolean);
      if (typedText.length && !(typedText.length === 1 && typedText[0] === '(Không có nhiệm vụ)'))
        rows.push({ id: `dòng ${r}`, title: typedText.join(' · '), role, values: ['', '', typedText.join(' · '), ''] });
      continue;
    }
    // Tình trạng, Kết quả, Ghi chú, Ngày hoàn thành, then the columns a user added (after Đánh giá; after
    // Ghi chú in sheets written before the deadline columns)
    const cols = [STATUS_COL, STATUS_COL + 1, STATUS_COL + 2, v2 ? DONE_COL : 0, ...Array.from({ length: extraCount }, (_, k) => firstExtra + k)];
    const values = cols.map((c) => (c ? gridCell(g, r, c) : ''));
    // numbers, dates, formulas and links go back as typed (an adapter tells them in Grid.typed)
    const cells = cols.map((c) => {
      const value = c ? gridTyped(g, r, c) : undefined;
      return value ? { value, row: r, col: c } : undefined;
    });
    rows.push({ id, title: gridCell(g, r, 2), role, values, row: r, ...(cells.some(Boolean) ? { cells } : {}) });
  }
  return rows;
}

/**
 * The sheets of earlier runs, from the registry; a sheet is trusted as ours only when it still has the
 * header we wrote (a user may have renamed ours and made their own with the old name). A registry
 * sheet that is gone is looked for among the other sheets by its header and title: a user renamed
 * it. Reads what agencies typed in them, row by row, a group of sheets at a time.
 */
async function earlierSheets(port: WorkbookPort, a: Analysis): Promise<Earlier> {
  const existing = new Map(a.snapshot.sheets.map((s) => [s.name.toLowerCase(), s.name]));
  const listed = a.registry.sheets.filter((s) => existing.has(s.name.toLowerCase()));
  const lost = a.registry.sheets.filter((s) => s.kind === 'agency' && !existing.has(s.name.toLowerCase()));
  const registered = new Set(a.registry.sheets.map((s) => s.name.toLowerCase()));
  const strangers = lost.length ? a.snapshot.sheets.filter((s) => !registered.has(s.name.toLowerCase()) && s.name !== a.grid.sheet && s.name !== REGISTRY_SHEET).map((s) => s.name) : [];
  const out: Earlier = { ours: new Set(), carry: {}, previous: {}, extra: {}, archives: [], renamed: {}, added: [] };
  if (!listed.length && !strangers.length) return out;
  const take = (name: string, s: Registry['sheets'][number], g: Grid) => {
    out.ours.add(name.toLowerCase());
    // what a person typed on a summary sheet has no task to follow, nor comments and pictures on any sheet
    // of ours: the sheet is kept whole (generate). Typed cells of an agency sheet are carried (below).
    const cells = s.kind === 'agency' ? [] : addedCells(g, s.size, AGENCY_HEADER_ROW);
    if (cells.length || g.hung) out.added.push({ sheet: name, cells, comments: g.hung?.comments ?? 0, commentCells: g.hung?.commentCells ?? [], pictures: g.hung?.pictures ?? 0 });
    if (s.kind !== 'agency' || !s.agency) return;
    out.previous[s.agency] = name;
    const headers = Array.from({ length: 40 }, (_, k) => gridCell(g, AGENCY_HEADER_ROW, (isDeadlineLayout(g) ? AGENCY_COLUMNS.length : AGENCY_COLUMNS_V1.length) + 1 + k).trim());
    let used = headers.length;
    while (used > 0 && headers[used - 1] === '') used--;
    const extra = headers.slice(0, used).map((h, k) => h || `Cột ${k + 1}`);
    if (extra.length) out.extra[s.agency] = extra;
    out.carry[s.agency] = carriedRows(g, extra.length);
  };
  // archives are never replaced or deleted: the registry's word is enough, nothing to read (some are earlier sheets kept whole)
  for (const s of listed.filter((x) => x.kind === 'archive')) {
    const name = existing.get(s.name.toLowerCase())!;
    out.ours.add(name.toLowerCase());
    out.archives.push({ ...s, name });
  }
  // a sheet still exactly as written, holding nothing typed, has nothing to carry or keep: known without reading it
  const untouched = new Set((a.snapshot.untouched ?? []).map((n) => n.toLowerCase()));
  const unread = (s: Registry['sheets'][number]) => !s.typed && !!s.fingerprint && untouched.has(s.name.toLowerCase());
  for (const s of listed.filter((x) => x.kind !== 'archive' && unread(x))) {
    const name = existing.get(s.name.toLowerCase())!;
    out.ours.add(name.toLowerCase());
    if (s.kind === 'agency' && s.agency) out.previous[s.agency] = name;
  }
  // the others in groups of a few hundred thousand cells (the registry knows their sizes), each taken and
  // let go before the next is read: 80 sheets of a 20,000-task plan are never all held at once
  const groups: Registry['sheets'][] = [[]];
  let cells = 0;
  for (const s of listed.filter((x) => x.kind !== 'archive' && !unread(x))) {
    const size = s.size ? s.size.rows * s.size.cols : 50_000;
    if (cells + size > READ_GROUP_CELLS && groups[groups.length - 1].length) {
      groups.push([]);
      cells = 0;
    }
    groups[groups.length - 1].push(s);
    cells += size;
  }
  for (const group of groups) {
    if (!group.length) continue;
    const grids = await port.readSheets(group.map((s) => existing.get(s.name.toLowerCase())!), { typed: typedColumn });
    for (const s of group) {
      const name = existing.get(s.name.toLowerCase())!;
      const g = grids[name];
      if (!g) continue;
      const header = Array.from({ length: 20 }, (_, k) => gridCell(g, AGENCY_HEADER_ROW, k + 1));
      const ours = s.kind === 'chart' ? gridCell(g, 1, 1).startsWith(CHART_TITLE) : s.kind !== 'archive' && looksGenerated(header, s.kind);
      if (ours) take(name, s, g);
    }
  }
  const grids = strangers.length ? await port.readSheets(strangers, { typed: typedColumn }) : {};
  for (const s of lost) {
    // "Sở Y tế" renamed "Y tế 2026": our header, and the agency's name in our title row
    const found = strangers.find((n) => {
      const g = grids[n];
      return g && !out.ours.has(n.toLowerCase()) && looksGenerated(Array.from({ length: 20 }, (_, k) => gridCell(g, AGENCY_HEADER_ROW, k + 1)), 'agency') && gridCell(g, 1, 1).endsWith(`— ${s.agency!.toLocaleUpperCase('vi')}`);
    });
    if (found) {
      out.renamed[s.name] = found;
      take(found, s, grids[found]);
    }
  }
  return out;
}

/** What became of what agencies typed, and what the host did not apply: lines for the officer (command line and pane alike, in the pane's language). */
export function generationNotes(r: GenerateResult, lang: 'vi' | 'en' = 'vi'): string[] {
  const g = r.generation;
  const out: string[] = [];
  const en = lang === 'en';
  for (const [agency, moves] of Object.entries(g.moved))
    for (const m of moves)
      out.push(en ? `What ${agency} typed for the task "${m.title}" moved with it to number ${m.to} (was ${m.from}).` : `Nội dung ${agency} đã nhập cho nhiệm vụ "${m.title}" theo nhiệm vụ sang số ${m.to} (trước là ${m.from}).`);
  for (const [agency, rows] of Object.entries(g.removed)) {
    const added = rows.filter((x) => x.id.startsWith('dòng '));
    const gone = rows.filter((x) => !x.id.startsWith('dòng '));
    const list = (xs: CarriedRow[]) => xs.map((x) => `${x.id} "${x.title}"`).join('; ');
    if (gone.length)
      out.push(
        en
          ? `Tasks ${list(gone)} are no longer in the table; what ${agency} typed is kept in the sheet "${g.archived[agency]}".`
          : `Nhiệm vụ ${list(gone)} không còn trong bảng; nội dung ${agency} đã nhập được lưu ở trang tính "${g.archived[agency]}".`,
      );
    if (added.length)
      out.push(en ? `Rows added to the sheet of ${agency} (${list(added)}) are kept in the sheet "${g.archived[agency]}".` : `Các dòng người dùng thêm vào trang tính của ${agency} (${list(added)}) được lưu ở trang tính "${g.archived[agency]}".`);
  }
  for (const [from, to] of Object.entries(r.renamed ?? {}))
    out.push(en ? `The sheet "${from}" was renamed "${to}": Phân công keeps the new name and updates that sheet.` : `Trang tính "${from}" đã được đổi tên thành "${to}": Phân công giữ tên mới và cập nhật trang tính đó.`);
  const few = (xs: string[]) => (xs.length > 8 ? `${xs.slice(0, 8).join(', ')} …` : xs.join(', '));
  for (const k of r.keptAsArchive ?? []) {
    const what: string[] = [];
    if (k.cells.length) what.push(en ? `cells filled by a person (${few(k.cells)})` : `ô do người dùng nhập (${few(k.cells)})`);
    if (k.comments) what.push(en ? `${k.comments} comment${k.comments > 1 ? 's' : ''}${k.commentCells.length ? ` (${few(k.commentCells)})` : ''}` : `${k.comments} ghi chú${k.commentCells.length ? ` (ô ${few(k.commentCells)})` : ''}`);
    if (k.pictures) what.push(en ? `${k.pictures} picture${k.pictures > 1 ? 's' : ''} or shape${k.pictures > 1 ? 's' : ''}` : `${k.pictures} hình ảnh, hình vẽ`);
    const tasks = k.cells.length ? '' : en ? ' (what was typed for its tasks follows them there)' : ' (nội dung đã nhập cho các nhiệm vụ vẫn đi theo nhiệm vụ)';
    out.push(
      en
        ? `The sheet "${k.sheet}" had ${what.join(' and ')}: the earlier sheet is kept whole as "${k.archive}" and "${k.sheet}" is made again${tasks}.`
        : `Trang tính "${k.sheet}" có ${what.join(' và ')}: bản cũ được giữ nguyên ở trang tính "${k.archive}", trang tính "${k.sheet}" được tạo lại${tasks}.`,
    );
  }
  // what the host did not apply (Excel: fit-to-width ignored until the Page Layout tab was opened)
  (r.write.notes ?? []).forEach((n, k) => out.push(render(r.write.noteTexts?.[k], n, lang)));
  return out;
}

export async function generate(port: WorkbookPort, a: Analysis, req: GenerateRequest = {}): Promise<GenerateResult> {
  const quarters = planQuarters(a.grid, a.table, a.tasks, !!req.force);
  const earlier = await earlierSheets(port, a);
  const { ours, previous, extra, archives, renamed, added } = earlier;
  const today = req.today ?? new Date().toISOString().slice(0, 10);
  // generating for some agencies only keeps the other agencies' sheets (and what they typed) as they are
  const kept = req.only ? a.registry.sheets.filter((s) => s.kind === 'agency' && s.agency && !req.only!.includes(s.agency) && ours.has(s.name.toLowerCase())) : [];
  const keptNames = new Set(kept.map((s) => s.name.toLowerCase()));
  const userSheetNames = a.snapshot.sheets.map((s) => s.name).filter((n) => !ours.has(n.toLowerCase()) || keptNames.has(n.toLowerCase()));
  const generation = planGeneration(a.tasks, a.idx, {
    planYear: a.planYear,
    subject: subjectFromTitles(a.titles),
    attachedTo: attachedFromTitles(a.titles),
    expandCollectives: req.expandCollectives ?? true,
    expandOnlyNamed: a.masterSource === 'builtin',
    only: req.only,
    userSheetNames,
    previousNames: previous,
    carryOver: earlier.carry,
    extraColumns: extra,
    today,
    issues: a.issues,
  });
  // the agencies whose new sheet holds what a person typed: the next run must read it again
  const typed = new Set(generation.typedAgencies);
  // what was typed is placed in the plans now: let it go before the writing (tens of MB for a big plan)
  earlier.carry = {};
  // a quarter cell the user typed is left as written and listed (quarters.conflicts); everything else is written
  const newNames = new Set(generation.sheets.map((s) => s.name.toLowerCase()));
  // earlier archives stay, whatever else is replaced
  const archiveNames = new Set(archives.map((s) => s.name.toLowerCase()));
  const deleteSheets = a.snapshot.sheets.map((s) => s.name).filter((n) => ours.has(n.toLowerCase()) && !newNames.has(n.toLowerCase()) && !keptNames.has(n.toLowerCase()) && !archiveNames.has(n.toLowerCase()));
  // a summary sheet a person wrote on is kept whole under an archive name; a new one takes its place
  const taken = new Set([...a.snapshot.sheets.map((s) => s.name), ...generation.sheets.map((s) => s.name)].map((n) => n.toLowerCase()));
  const keptAsArchive = added.filter((x) => newNames.has(x.sheet.toLowerCase())).map((x) => ({ ...x, archive: archiveName(x.sheet, today, taken) }));
  const registry: Registry = {
    ...a.registry,
    sheets: [
      ...generation.sheets.map((s) => ({
        name: s.name,
        kind: s.kind,
        agency: s.agency ?? null,
        size: { rows: s.rows.length, cols: s.rows.reduce((w, r) => Math.max(w, r.length), s.widths.length) },
        ...(s.agency && typed.has(s.agency) ? { typed: true } : {}),
      })),
      ...kept,
      ...archives.filter((s) => !newNames.has(s.name.toLowerCase())),
      ...keptAsArchive.map((x) => ({ name: x.archive, kind: 'archive' as const, agency: null })),
    ],
    quarterColumns: { sheet: a.grid.sheet, cols: quarters.cols },
  };
  const write = await port.write(
    {
      cellWrites: quarters.writes,
      ...tableFormats(a, quarters),
      sheets: generation.sheets,
      deleteSheets,
      registry,
      knownSheets: a.snapshot.sheets.map((s) => s.name),
      ...(keptAsArchive.length ? { renameSheets: keptAsArchive.map((x) => ({ from: x.sheet, to: x.archive })) } : {}),
    },
    req.progress,
  );
  return { quarters, generation, sheetsWritten: generation.sheets.map((s) => s.name), deleted: deleteSheets, write, written: true, renamed, ...(keptAsArchive.length ? { keptAsArchive } : {}) };
}

// ---- Fixes -----------------------------------------------------------------------------------------

export interface FixResult {
  /** The findings resolved: each cell fixed once for every finding in it that the same change resolves. */
  applied: { cell: string; rule: string; from: string; to: string }[];
  /** Cells written. */
  cells: number;
  skipped: { cell: string; rule: string; reason: string }[];
  aliases: { agency: string; alias: string }[];
}

function addrOf(cellRef: string): string {
  return cellRef.slice(cellRef.lastIndexOf('!') + 1);
}

/** Every occurrence of a name in the cell replaced: one press fixes the cell, however often it is written there. */
function replaceMention(cell: string, from: string, to: string): string | null {
  if (cell.includes(from)) return tidy(cell.split(from).join(to));
  const norm = normalizeText(cell);
  if (norm.includes(from)) return tidy(norm.split(from).join(to));
  return null;
}

/** Removing a mention leaves separators behind: ", , " → ", ". */
function tidy(s: string): string {
  return s
    .replace(/(^|\n)\s*[,;]\s*/g, '$1')
    .replace(/\s*[,;]\s*(?=[,;]|$|\n)/g, '')
    .replace(/\s+và\s*$/u, '')
    .replace(/[ \t]{2,}/g, ' ')
    .trim();
}

/**
 * The agency names of the table as the check found them — the same findings the check step lists, so the
 * two steps never disagree: names not in the list (with what they may be), and names in it but not
 * written as its official name (misspelt, abbreviated, of an agency merged away).
 */
export function agencySummary(a: Analysis): { unknown: { name: string; suggestions: string[] }[]; notOfficial: number } {
  const unknown = new Map<string, string[]>();
  for (const t of a.tasks) for (const m of [...t.lead, ...t.support]) if (m.status === 'unknown' && !unknown.has(m.text)) unknown.set(m.text, m.suggestions);
  const shown = new Set(a.issues.filter((i) => i.rule === 'agency.unknown').map((i) => i.part));
  const notOfficial = a.issues.filter((i) => i.rule === 'agency.fuzzy' || i.rule === 'agency.abbreviation' || i.rule === 'agency.superseded').length;
  // a name whose finding the user ignored, or whose rule is off, is not listed either
  return { unknown: [...unknown].filter(([n]) => shown.has(n)).map(([name, suggestions]) => ({ name, suggestions })), notOfficial };
}

/** What a finding card shows besides its message: the task (STT, first words) and the cell's text. */
export interface FindingContext {
  stt: string | null;
  /** The task's first words. */
  title: string | null;
  cellText: string;
}

function sheetOf(cellRef: string): string {
  const i = cellRef.lastIndexOf('!');
  return i < 0 ? '' : cellRef.slice(0, i).replace(/^'(.*)'$/, '$1').replace(/''/g, "'");
}

/** Tasks by id and by row (the first of each), for many findings at once. */
export function taskIndex(tasks: Task[]): { byId: Map<string, Task>; byRow: Map<number, Task> } {
  const byId = new Map<string, Task>();
  const byRow = new Map<number, Task>();
  for (const t of tasks) {
    if (!byId.has(t.id)) byId.set(t.id, t);
    if (!byRow.has(t.row)) byRow.set(t.row, t);
  }
  return { byId, byRow };
}

export function findingContext(a: Analysis, i: Issue, index = taskIndex(a.tasks)): FindingContext {
  const r = parseRange(addrOf(i.cell));
  const cellText = sheetOf(i.cell) === a.grid.sheet ? gridCell(a.grid, r.r1, r.c1) : '';
  const task = (i.taskId ? index.byId.get(i.taskId) : undefined) ?? index.byRow.get(r.r1);
  const words = task ? normalizeText(task.raw.title).split(/\s+/).filter(Boolean) : [];
  return { stt: task ? task.raw.stt || task.id : null, title: task ? words.slice(0, 8).join(' ') + (words.length > 8 ? ' …' : '') : null, cellText };
}

/** The cells around one (outside Excel, "Đến ô" shows them, read-only): column letters, rows, and which is the cell. */
export function cellWindow(a: Analysis, cellRef: string, around = 2): { cols: string[]; rows: { row: number; cells: string[] }[]; at: { row: number; col: number } } {
  const r = parseRange(addrOf(cellRef));
  const c1 = Math.max(1, r.c1 - around);
  const c2 = Math.min(Math.max(a.table.lastCol, r.c1), r.c1 + around);
  const r1 = Math.max(1, r.r1 - around);
  const r2 = r.r1 + around;
  const cols: string[] = [];
  for (let c = c1; c <= c2; c++) cols.push(colLetter(c));
  const rows = [];
  for (let row = r1; row <= r2; row++) {
    const cells: string[] = [];
    for (let c = c1; c <= c2; c++) cells.push(gridCell(a.grid, row, c));
    rows.push({ row, cells });
  }
  return { cols, rows, at: { row: r.r1 - r1, col: r.c1 - c1 } };
}

/** Apply the fixes of the chosen findings; only the cells they name change. */
export async function applyFixes(port: WorkbookPort, a: Analysis, chosen: Issue[]): Promise<FixResult> {
  const result: FixResult = { applied: [], cells: 0, skipped: [], aliases: [] };
  const current = new Map<string, string>();
  /** The replacements made in each cell in this run ("from\u0000to"). */
  const made = new Map<string, Set<string>>();
  const cellValue = (addr: string) => {
    if (current.has(addr)) return current.get(addr)!;
    const r = parseRange(addr);
    return gridCell(a.grid, r.r1, r.c1);
  };
  for (const i of chosen) {
    const f = i.fix;
    if (!f) {
      result.skipped.push({ cell: i.cell, rule: i.rule, reason: 'Phát hiện này không có cách sửa tự động.' });
      continue;
    }
    if (f.kind === 'addAlias') {
      result.aliases.push({ agency: f.agency, alias: f.alias });
      continue;
    }
    const addr = addrOf(f.cell);
    const before = cellValue(addr);
    // a second finding of the same name in a cell already fixed in this run: resolved by that fix
    if (f.kind === 'replace' && made.get(addr)?.has(`${f.from}\u0000${f.to}`)) {
      result.applied.push({ cell: i.cell, rule: i.rule, from: before, to: before });
      continue;
    }
    const after = f.kind === 'set' ? f.value : replaceMention(before, f.from, f.to);
    if (after === null) {
      result.skipped.push({ cell: i.cell, rule: i.rule, reason: `Ô ${addr} không còn chứa '${f.kind === 'replace' ? f.from : ''}'.` });
      continue;
    }
    current.set(addr, after);
    if (f.kind === 'replace') {
      if (!made.has(addr)) made.set(addr, new Set());
      made.get(addr)!.add(`${f.from}\u0000${f.to}`);
    }
    result.applied.push({ cell: i.cell, rule: i.rule, from: before, to: after });
  }
  result.cells = current.size;
  const writes: CellWrite[] = [...current.entries()].map(([address, v]) => ({ sheet: a.grid.sheet, address, values: [[v]] }));
  if (result.aliases.length) {
    let m = a.master;
    for (const al of result.aliases) m = withAlias(m, al.agency, al.alias);
    writes.push(...masterSheetWrites(m));
  }
  if (writes.length) await port.write({ cellWrites: writes, sheets: [], deleteSheets: [], registry: null, createSheets: result.aliases.length ? [MASTER_SHEET] : [] });
  return result;
}

/** Ignore findings in this workbook (kept in its registry): the next check leaves them out while they read the same. */
export async function ignoreFindings(port: WorkbookPort, a: Analysis, chosen: Issue[]): Promise<number> {
  const keys = new Set([...(a.registry.ignored ?? []), ...chosen.map(findingKey)]);
  await port.write({ cellWrites: [], sheets: [], deleteSheets: [], registry: { ...a.registry, ignored: [...keys] } });
  return chosen.length;
}

/** Show every ignored finding again. */
export async function restoreIgnored(port: WorkbookPort, a: Analysis): Promise<void> {
  await port.write({ cellWrites: [], sheets: [], deleteSheets: [], registry: { ...a.registry, ignored: [] } });
}

/** Save rule settings (switched off, severity changed) in the workbook's registry; the next check uses them. */
export async function saveRuleSettings(port: WorkbookPort, a: Analysis, settings: RuleSettings): Promise<RuleSettings> {
  const merged: RuleSettings = { ...a.registry.settings, ...settings };
  await port.write({ cellWrites: [], sheets: [], deleteSheets: [], registry: { ...a.registry, settings: merged } });
  return merged;
}

/** "Add as alias": the confirmed names go into the workbook's master sheet, so the next check is exact. */
export async function addAliases(port: WorkbookPort, a: Analysis, aliases: { agency: string; alias: string }[]): Promise<MasterList> {
  let m = a.master;
  for (const al of aliases) m = withAlias(m, al.agency, al.alias);
  await port.write({ cellWrites: masterSheetWrites(m), sheets: [], deleteSheets: [], registry: null, createSheets: [MASTER_SHEET] });
  return m;
}

/** A master list read from a grid (first sheet of a file, or a CSV's rows). */
export function masterFromGrid(rows: string[][], origin: string): MasterList {
  try {
    return masterFromRows(rows, origin);
  } catch (e) {
    if (e instanceof MasterListError) throw new UserError('master.invalid', e.problems.join(' '));
    throw e;
  }
}

/** Writes that put a master list into the workbook's "Danh mục cơ quan" sheet (created if missing by the adapter). */
export function masterSheetWrites(m: MasterList): CellWrite[] {
  return [{ sheet: MASTER_SHEET, address: 'A1', values: masterToRows(m) }];
}

/** Insert the built-in list as an editable sheet (the pane's "Cơ quan" step). */
export async function insertMasterSheet(port: WorkbookPort, a: Analysis): Promise<void> {
  await addAliases(port, a, []);
}

export { REPORT_SHEET };
