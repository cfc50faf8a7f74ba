// Reading the assignment table: find the header, map columns by meaning, fill merged cells,
// classify rows (task, continuation, section, note), split multi-line cells into sub-tasks.
import { say, sayFix } from './messages';
import { a1, cellRef, colLetter, type Rect } from './address';
import { foldKey, normalizeText, splitItems } from './text';
import { parseTime } from './time';
import { parseMentions } from './agencies/split';
import type { MatchIndex } from './agencies/match';
import type { ColumnRole, Field, Issue, TableModel, Task } from './schemas';

/** A sheet as read by an adapter: display text of every cell of the used range. */
export interface Grid {
  sheet: string;
  /** values[i][j] is the cell at row top+i, column left+j (1-based). */
  values: string[][];
  top: number;
  left: number;
  merges: Rect[];
  /** Cells holding an error value (#REF!, #N/A …), as "row:col". */
  errors: string[];
  /**
   * What cells hold beyond their text, by "row:col", where an adapter was asked for it (the generated
   * sheets read for carry-over): a number, a formula, a hyperlink. Absent: the cell is its text.
   */
  typed?: Record<string, TypedCell>;
  /** What a person hung on the sheet besides its cells, where the adapter was asked: comments (with their cells when known) and pictures or shapes. */
  hung?: { comments: number; commentCells: string[]; pictures: number };
}

/** A cell's value as typed, when it is more than text. `date`: a number shown as a date. Links: a URL, or "#Sheet!A1" inside the workbook. */
export type TypedCell = { number: number; date?: boolean } | { formula: string; result?: number | string } | { link: string; text: string };

export function gridTyped(g: Grid, row: number, col: number): TypedCell | undefined {
  return g.typed?.[`${row}:${col}`];
}

/** A sheet with no cells. */
export function emptyGrid(sheet: string): Grid {
  return { sheet, values: [], top: 1, left: 1, merges: [], errors: [] };
}

export function gridCell(g: Grid, row: number, col: number): string {
  const r = g.values[row - g.top];
  if (!r) return '';
  const v = r[col - g.left];
  return v === undefined || v === null ? '' : String(v);
}

export function gridBottom(g: Grid): number {
  return g.top + g.values.length - 1;
}

export function gridRight(g: Grid): number {
  // an index loop, not Math.max(...rows) (a sheet may reach row 1,048,576: too many arguments for a
  // spread) nor for…of (its iterator costs 25 ms over a million empty rows before the JIT warms up)
  let w = 0;
  const rows = g.values;
  for (let i = 0; i < rows.length; i++) {
    const n = rows[i].length;
    if (n > w) w = n;
  }
  return g.left + w - 1;
}

const HEADER_SCAN_ROWS = 40;

function roleOf(label: string): ColumnRole | null {
  const k = foldKey(label).replace(/[()\n:.*]/g, ' ').replace(/\s+/g, ' ').trim();
  if (!k) return null;
  if (/^(stt|tt|so tt|so thu tu|s tt)$/.test(k)) return 'stt';
  if (/^quy (i|ii|iii|iv|1|2|3|4)$|^(i|ii|iii|iv)$/.test(k)) {
    const q = k.replace(/^quy /, '');
    const n = ({ i: 1, ii: 2, iii: 3, iv: 4, '1': 1, '2': 2, '3': 3, '4': 4 } as Record<string, number>)[q];
    return `q${n}` as ColumnRole;
  }
  if (/^(ten |noi dung )?nhiem vu|^noi dung|^ten (du an|cong viec|hoat dong|de an|nhiem vu)|^cong viec|^hoat dong|^danh muc nhiem vu/.test(k)) return 'task';
  if (/phoi hop/.test(k)) return 'support';
  if (/chu tri|thuc hien chinh|don vi chiu trach nhiem|co quan thuc hien$|don vi thuc hien$|co quan chiu trach nhiem/.test(k)) return 'lead';
  if (/thoi gian|thoi han|tien do|thoi diem|han hoan thanh|moc thoi gian|^thoi gian/.test(k)) return 'time';
  if (/san pham|ket qua/.test(k)) return 'product';
  if (/kinh phi|nguon von/.test(k)) return 'budget';
  if (/ghi chu/.test(k)) return 'note';
  return null;
}

function mergeAt(g: Grid, row: number, col: number): Rect | null {
  for (const m of g.merges) if (row >= m.r1 && row <= m.r2 && col >= m.c1 && col <= m.c2) return m;
  return null;
}

/** The value a cell shows, merged areas included (Excel stores it only in the top-left cell). */
function shown(g: Grid, row: number, col: number): string {
  const m = mergeAt(g, row, col);
  return m ? gridCell(g, m.r1, m.c1) : gridCell(g, row, col);
}

export interface DetectResult {
  table: TableModel | null;
  reason?: string;
}

/** Find the header row (one or two rows) in the first rows of the sheet and map the columns. */
export function detectTable(g: Grid, override?: Partial<Record<ColumnRole, number>>, forcedHeaderRow?: number): DetectResult {
  const bottom = gridBottom(g);
  const right = gridRight(g);
  if (bottom < g.top || right < g.left) return { table: null, reason: 'empty' };
  let best: { score: number; row: number; rows: number; cols: Partial<Record<ColumnRole, number>> } | null = null;
  // the header row a person chose: its columns by their names, then as the person mapped them
  if (forcedHeaderRow !== undefined) {
    const cols: Partial<Record<ColumnRole, number>> = {};
    for (let c = g.left; c <= right; c++) {
      const role = roleOf(shown(g, forcedHeaderRow, c) ?? '');
      if (role && cols[role] === undefined) cols[role] = c;
    }
    const merged = { ...cols, ...(override ?? {}) };
    if (!merged.task || !merged.lead) return { table: null, reason: 'no-header' };
    best = { score: 0, row: forcedHeaderRow, rows: 1, cols };
  }
  const last = forcedHeaderRow !== undefined ? g.top - 1 : Math.min(bottom, g.top + HEADER_SCAN_ROWS);
  for (let r = g.top; r <= last; r++) {
    for (const span of [1, 2]) {
      if (r + span - 1 > bottom) continue;
      const cols: Partial<Record<ColumnRole, number>> = {};
      for (let c = g.left; c <= right; c++) {
        const parts: string[] = [];
        for (let k = 0; k < span; k++) {
          const v = shown(g, r + k, c);
          if (v && !parts.includes(v)) parts.push(v);
        }
        // for a two-row header, the sub-header decides ("Chủ trì" under "Cơ quan thực hiện")
        const role = (span === 2 ? roleOf(parts[parts.length - 1] ?? '') : null) ?? roleOf(parts.join(' '));
        if (role && cols[role] === undefined) cols[role] = c;
      }
      const required = (cols.task ? 1 : 0) + (cols.lead ? 1 : 0);
      if (required < 2) continue;
      // a two-row header needs a group header above its sub-headers ("Cơ quan thực hiện" over "Chủ trì | Phối hợp")
      const grouped = span === 2 && g.merges.some((m) => m.r1 === r && m.r2 === r && m.c2 > m.c1);
      const score = required * 10 + (cols.stt ? 3 : 0) + (cols.support ? 3 : 0) + (cols.time ? 3 : 0) + (cols.q1 ? 1 : 0) + (span === 1 ? 0 : grouped ? 1 : -1);
      if (!best || score > best.score) best = { score, row: r, rows: span, cols };
    }
  }
  if (!best) return { table: null, reason: 'no-header' };
  const columns = { ...best.cols, ...(override ?? {}) };
  const headerRow = best.row + best.rows - 1;
  let firstRow = headerRow + 1;
  // a row of column numbers under the header: "(1) (2) (3)" or "1 2 3"
  const numbered = Object.values(columns).filter((c): c is number => typeof c === 'number').every((c) => /^\(?\d{1,2}\)?$|^$/.test(gridCell(g, firstRow, c).trim()));
  const nonEmpty = Object.values(columns).filter((c): c is number => typeof c === 'number' && gridCell(g, firstRow, c).trim() !== '').length;
  if (numbered && nonEmpty >= 3) firstRow++;
  const usedCols = Object.values(columns).filter((c): c is number => typeof c === 'number');
  const firstCol = Math.min(...usedCols);
  const lastCol = Math.max(...usedCols);
  let lastRow = firstRow - 1;
  // rows that hold nothing are skipped at once: a stray cell at row 1,048,576 costs a loop over empty rows, no cell reads
  for (let i = Math.max(0, firstRow - g.top); i < g.values.length; i++) {
    const row = g.values[i];
    if (!row || row.length === 0) continue;
    const r = g.top + i;
    for (let c = firstCol; c <= lastCol; c++)
      if (String(row[c - g.left] ?? '').trim()) {
        lastRow = r;
        break;
      }
  }
  return {
    table: { sheet: g.sheet, headerRow, headerRows: best.rows, firstRow, lastRow: Math.max(lastRow, headerRow), firstCol, lastCol, columns },
  };
}

// ---- Rows -------------------------------------------------------------------------------------

const ROMAN_RE = /^(?:[IVXLC]+)[.)]?$/;
const LETTER_RE = /^[A-ZĐ][.)]$|^[A-ZĐ]$/;
const SUB_LETTER_RE = /^[a-zđ][.)]$/;
const NUM_RE = /^(\d{1,3}(?:\.\d{1,3})*)\.?$/;

export interface Section {
  row: number;
  title: string;
}

export interface ReadResult {
  tasks: Task[];
  sections: Section[];
  issues: Issue[];
}

interface RowFields {
  row: number;
  stt: string;
  task: string;
  lead: string;
  support: string;
  time: string;
  /** values filled from a vertical merge above */
  leadFromMerge: boolean;
  sttFromMerge: boolean;
}

function fieldValue(g: Grid, t: TableModel, row: number, f: Field): { v: string; fromMerge: boolean } {
  const c = t.columns[f];
  if (!c) return { v: '', fromMerge: false };
  const m = mergeAt(g, row, c);
  // vertical merges inside the column give their value to every row; horizontal ones stay in the first cell
  if (m && m.c1 === c && m.r1 !== row && m.c2 - m.c1 < 2) return { v: normalizeCell(gridCell(g, m.r1, m.c1)), fromMerge: true };
  if (m && m.c1 !== c) return { v: '', fromMerge: false };
  return { v: normalizeCell(gridCell(g, row, c)), fromMerge: false };
}

function normalizeCell(v: string): string {
  return normalizeText(v);
}

function normalizeId(stt: string): string {
  const s = stt.trim().replace(/\.$/, '');
  return s
    .split('.')
    // "01" is task 1; "00" stays as written (it is no number a plan counts from)
    .map((p) => (/^\d+$/.test(p) && !/^0+$/.test(p) ? String(Number(p)) : p))
    .join('.');
}

export interface ReadOptions {
  planYear: number;
}

/** "II. Nhóm nhiệm vụ …" → "II", "B. …" → "B"; a section without a numeral by its place ("3" → "III"). */
function sectionPrefix(title: string, index: number): string {
  const article = /^Điều\s+(\d{1,3})\b/.exec(title);
  if (article) return article[1];
  const m = /^([IVXLC]+|[A-ZĐ])[.)\s]/.exec(title);
  if (m) return m[1];
  const romans: [number, string][] = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let n = Math.max(1, index);
  let out = '';
  for (const [v, r] of romans) for (; n >= v; n -= v) out += r;
  return out;
}

/** Read the tasks of a detected table. */
export function readTasks(g: Grid, t: TableModel, idx: MatchIndex, opts: ReadOptions): ReadResult {
  const tasks: Task[] = [];
  const sections: Section[] = [];
  const issues: Issue[] = [];
  const ref = (row: number, f: Field) => cellRef(g.sheet, a1(row, t.columns[f] ?? t.firstCol));
  let currentSection: string | null = null;
  let lastTop = 0; // last top-level number seen or inferred
  let sttWidth = 1; // digits of the last top-level number as written ("01" → 2): a filled-in number is written alike
  let lastTopId: string | null = null;
  let lastTaskRow: { id: string; row: number; lead: string } | null = null;
  const sttUse = new Map<string, number>();
  const rowsById = new Map<string, number>();
  /** The section each number was first used in, and the prefix of a section whose numbering restarts. */
  const sectionOfId = new Map<string, string | null>();
  let scope: string | null = null;
  /** No numbered row read yet under the current section. */
  let firstInSection = true;
  const tableWidth = t.lastCol - t.firstCol + 1;

  // error cells inside the table
  for (const e of g.errors) {
    const [r, c] = e.split(':').map(Number);
    if (r >= t.firstRow && r <= t.lastRow && c >= t.firstCol && c <= t.lastCol) {
      issues.push({ rule: 'cell.error', severity: 'error', cell: cellRef(g.sheet, a1(r, c)), ...say('cell.error', { cell: a1(r, c), value: gridCell(g, r, c) }) });
    }
  }
  const errorSet = new Set(g.errors);
  const clean = (row: number, f: Field, v: string) => (t.columns[f] && errorSet.has(`${row}:${t.columns[f]}`) ? '' : v);

  for (let row = t.firstRow; row <= t.lastRow; row++) {
    const sttV = fieldValue(g, t, row, 'stt');
    const rf: RowFields = {
      row,
      stt: clean(row, 'stt', sttV.v),
      task: clean(row, 'task', fieldValue(g, t, row, 'task').v),
      lead: '',
      support: clean(row, 'support', fieldValue(g, t, row, 'support').v),
      time: clean(row, 'time', fieldValue(g, t, row, 'time').v),
      leadFromMerge: false,
      sttFromMerge: sttV.fromMerge,
    };
    const lv = fieldValue(g, t, row, 'lead');
    rf.lead = clean(row, 'lead', lv.v);
    rf.leadFromMerge = lv.fromMerge;

    const nonEmpty: string[] = [];
    for (let c = t.firstCol; c <= t.lastCol; c++) {
      const v = gridCell(g, row, c).trim();
      if (v) nonEmpty.push(v);
    }
    if (nonEmpty.length === 0 && !rf.sttFromMerge && !rf.leadFromMerge) continue;

    // notes under the table
    const first = foldKey(nonEmpty[0] ?? '');
    if (nonEmpty.length === 1 && /^(ghi chu|luu y|chu thich|\*|nguon:)/.test(first)) continue;

    // section rows: a title merged across the table, or a roman/letter STT with no agencies or time
    const merged = mergeAt(g, row, t.firstCol);
    const spansTable = merged !== null && merged.r1 === row && merged.c2 - merged.c1 + 1 >= Math.max(2, tableWidth - 1);
    const noAgencies = !rf.lead && !rf.support && !rf.time;
    const sttTrim = rf.stt.trim();
    // "III.1" numbers a part of section III, as central appendix tables do
    const isSectionStt = ROMAN_RE.test(sttTrim) || LETTER_RE.test(sttTrim) || /^[IVXLC]+(?:\.\d{1,3})+[.)]?$/.test(sttTrim);
    // a heading alone on its row: "2. Nhóm …", "IV Phát triển hạ tầng", "Điều 6. Trách nhiệm của …", "Chương II"
    const headingText = nonEmpty.length === 1 && (/^([IVX]+|[A-Z]|\d+)[.)]\s+\S/.test(nonEmpty[0]) || /^[IVXLC]+\s+\p{Lu}/u.test(nonEmpty[0]) || /^(Điều|Chương|Mục|Phần)\s+[\dIVXLC]+[.:]?(\s|$)/.test(nonEmpty[0]));
    if (spansTable || (noAgencies && !rf.sttFromMerge && (isSectionStt || (nonEmpty.length === 1 && !sttTrim && lastTaskRow === null) || headingText))) {
      const title = normalizeText(spansTable ? gridCell(g, row, merged!.c1) : [rf.stt, rf.task].filter(Boolean).join(' ') || nonEmpty.join(' '));
      sections.push({ row, title });
      currentSection = title;
      // the parts of a section ("III.1.1", "III.1.2" under III) go on with its numbering
      if (scope !== null && sectionPrefix(title, sections.length) !== scope) scope = null;
      firstInSection = true;
      continue;
    }

    // continuation: blank STT and blank lead (not merged) under a task → part of that task
    if (!sttTrim && !rf.lead && lastTaskRow && rf.task) {
      const parentId = lastTaskRow.id;
      const prevSubs = tasks.filter((x) => x.parent === parentId || x.id === parentId).length;
      const baseLead = lastTaskRow.lead;
      tasks.push(...buildTasks(g, t, { ...rf, lead: baseLead }, `${parentId}.${prevSubs + 1}`, parentId, currentSection, idx, opts, issues, ref, false, prevSubs));
      continue;
    }

    // id
    let id: string;
    let parent: string | null = null;
    let inferred = false;
    if (!sttTrim) {
      // the number the row would have, written as the section writes its numbers ("2"), kept under the section's numeral in the id ("II.2")
      const plain = String(lastTop + 1);
      id = scope !== null ? `${scope}.${plain}` : plain;
      lastTop++;
      inferred = true;
      const c = t.columns.stt ? a1(row, t.columns.stt) : a1(row, t.firstCol);
      if (t.columns.stt)
        issues.push({
          rule: 'structure.stt.missing',
          severity: 'warning',
          cell: cellRef(g.sheet, c),
          ...say('stt.missing', { row, cell: c, id: plain }),
          ...sayFix('fix.fillStt', { value: plain.padStart(sttWidth, '0') }),
          fix: { kind: 'set', cell: cellRef(g.sheet, c), value: plain.padStart(sttWidth, '0') },
        });
    } else if (SUB_LETTER_RE.test(sttTrim) && lastTopId) {
      id = `${lastTopId}.${sttTrim.replace(/[.)]/, '')}`;
      parent = lastTopId;
    } else if (NUM_RE.test(sttTrim)) {
      id = normalizeId(sttTrim);
      // numbering that starts again under a new section ("I. … 1, 2, 3; II. … 1, 2"), as real appendix
      // tables do: the section's tasks are numbered under its numeral ("II.1"), never a duplicate
      // (a restart begins at 1 on the section's first numbered row: "22" again under the next heading of a
      // table numbered straight through is a number typed twice, and is said so)
      if (scope === null && firstInSection && /^0*1(\.|$)/.test(id) && currentSection !== null && !rf.sttFromMerge && sttUse.has(id) && sectionOfId.get(id) !== currentSection) scope = sectionPrefix(currentSection, sections.length);
      firstInSection = false;
      if (scope !== null) id = `${scope}.${id}`;
      const parts = id.split('.');
      if (parts.length > (scope !== null ? 2 : 1)) parent = parts.slice(0, -1).join('.');
      else {
        lastTop = Number(parts[parts.length - 1]);
        lastTopId = id;
        sttWidth = /^0\d/.test(sttTrim) ? sttTrim.replace(/\D.*$/, '').length : 1;
      }
    } else {
      id = normalizeId(sttTrim);
      lastTopId = id;
    }
    if (!id.includes('.')) lastTopId = id;
    // a vertically merged STT shared by several rows: each row a sub-item of that number
    const used = sttUse.get(id) ?? 0;
    if (rf.sttFromMerge) {
      if (used === 1) {
        // rename the first one to <id>.1
        for (const x of tasks) {
          if (x.id === id) {
            x.id = `${id}.1`;
            x.parent = id;
          } else if (x.parent === id) {
            x.id = `${id}.1.${x.id.slice(id.length + 1)}`;
            x.parent = `${id}.1`;
          }
        }
      }
      sttUse.set(id, used + 1);
      parent = id;
      id = `${id}.${used + 1}`;
    } else if (used > 0) {
      // the same number typed twice: a finding, and a distinct id so nothing is merged silently
      const c = a1(row, t.columns.stt ?? t.firstCol);
      issues.push({ rule: 'structure.stt.duplicate', severity: 'error', cell: cellRef(g.sheet, c), ...say('stt.duplicate', { stt: sttTrim, cell: c, row: rowsById.get(id) ?? '' }) });
      sttUse.set(id, used + 1);
      id = `${id}(${used + 1})`;
    } else sttUse.set(id, 1);
    if (!sectionOfId.has(id)) sectionOfId.set(id, currentSection);
    rowsById.set(id, row);
    lastTaskRow = { id, row, lead: rf.lead };
    const built = buildTasks(g, t, rf, id, parent, currentSection, idx, opts, issues, ref, inferred, 0);
    tasks.push(...built);
  }
  return { tasks, sections, issues };
}

/** Build the task (or its aligned sub-tasks) of one row. */
function buildTasks(
  g: Grid,
  t: TableModel,
  rf: RowFields,
  id: string,
  parent: string | null,
  section: string | null,
  idx: MatchIndex,
  opts: ReadOptions,
  issues: Issue[],
  ref: (row: number, f: Field) => string,
  inferred: boolean,
  subOffset: number,
): Task[] {
  const cells: Record<Field, string> = {
    stt: t.columns.stt ? a1(rf.row, t.columns.stt) : '',
    task: t.columns.task ? a1(rf.row, t.columns.task) : '',
    lead: t.columns.lead ? a1(rf.row, t.columns.lead) : '',
    support: t.columns.support ? a1(rf.row, t.columns.support) : '',
    time: t.columns.time ? a1(rf.row, t.columns.time) : '',
  };
  const items = splitItems(rf.task);
  const make = (tid: string, tparent: string | null, title: string, lead: string, support: string, time: string, sub: number | null): Task => {
    const tp = parseTime(time, opts.planYear);
    return {
      id: tid,
      parent: tparent,
      section,
      row: rf.row,
      cells,
      raw: { stt: rf.stt, title, lead, support, time },
      lead: lead ? parseMentions(lead, idx) : [],
      support: support ? parseMentions(support, idx) : [],
      time: tp,
      quarters: tp.quarters,
      deadline: tp.deadline,
      sub,
      sttInferred: inferred,
    };
  };
  if (items.length < 2) {
    return [make(id, parent, items[0]?.text ?? rf.task, rf.lead, rf.support, rf.time, subOffset ? subOffset + 1 : null)];
  }
  const n = items.length;
  const columnItems = (f: Field, text: string): string[] => {
    const its = splitItems(text);
    if (its.length === n) return its.map((x) => x.text);
    if (its.length > 1) {
      issues.push({
        rule: 'subtasks.misaligned',
        severity: 'warning',
        cell: ref(rf.row, f),
        ...say('subtasks.misaligned', { cell: cells[f], lines: its.length, taskCell: cells.task, n }),
        ...sayFix('fix.splitLines', { cell: cells[f], n }),
        taskId: id,
      });
    }
    return new Array<string>(n).fill(text);
  };
  const leads = columnItems('lead', rf.lead);
  const supports = columnItems('support', rf.support);
  const times = columnItems('time', rf.time);
  return items.map((it, i) => make(`${id}.${subOffset + i + 1}`, id, it.text, leads[i], supports[i], times[i], subOffset + i + 1));
}

export function columnsA1(t: TableModel): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(t.columns)) if (typeof v === 'number') out[k] = colLetter(v);
  return out;
}
