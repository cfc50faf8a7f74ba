// The plan of every generated sheet, as data: one sheet per agency and the "Tổng hợp" report.
// Adapters render it; they decide nothing about content.
import { colLetter, rangeA1, sheetRef, shiftFormula } from './address';
import { foldKey, normalizeText, stripBullet } from './text';
import { QUARTER_LABELS, MARK } from './quarters';
import type { MatchIndex } from './agencies/match';
import { placeCarried, typed, type CarriedCell, type CarriedRow, type Placement } from './carry';
import { REGISTRY_SHEET } from './registry';
import { HIGHLIGHT } from './styles';
import type { Agency, AgencyGroup, Collective, Issue, PlanCell, SheetPlan, Task } from './schemas';

export const REPORT_SHEET = 'Tổng hợp';
/** Key of the report sheet in the name map returned by makeSheetNames. */
export const REPORT_KEY = '\u0000report';
export const STATUSES = ['Chưa thực hiện', 'Đang thực hiện', 'Hoàn thành', 'Quá hạn'];
const FORBIDDEN = /[[\]:*?/\\]/g;
const MAX_NAME = 31;

const COLLECTIVE_GROUPS: Partial<Record<Collective, AgencyGroup[] | 'all'>> = {
  departments: ['department'],
  localities: ['locality'],
  press: ['press'],
  mass_orgs: ['mass_org'],
  ministries: ['central'],
  all: 'all',
};

const COLLECTIVE_VI: Record<Collective, string> = {
  ministries: 'các Bộ, ngành',
  provinces: 'UBND các tỉnh, thành phố',
  departments: 'các sở, ban, ngành',
  localities: 'UBND các địa phương',
  press: 'các cơ quan báo chí',
  mass_orgs: 'MTTQ và các đoàn thể',
  enterprises: 'các doanh nghiệp',
  related: 'các cơ quan, đơn vị liên quan',
  all: 'tất cả các cơ quan',
  other: 'nhóm cơ quan khác',
};

export interface Assignment {
  task: Task;
  role: 'lead' | 'support';
  /** Set when the agency gets the task through a collective ("các sở, ban, ngành"). */
  via: Collective | null;
}

export interface GenerateOptions {
  planYear: number;
  /** "THÔNG TIN ĐỐI NGOẠI" — what the plan is about, for titles. */
  subject: string;
  /** "(Kèm theo Kế hoạch số …)" when known. */
  attachedTo: string | null;
  /** Expand collectives to the master list's groups (default true). */
  expandCollectives: boolean;
  /** Restrict collective expansion to agencies named somewhere in the table (default: when the list is the built-in one). */
  expandOnlyNamed: boolean;
  /** Limit to these agencies (full names); all when absent. */
  only?: string[];
  /** Sheet names already used by the user (not ours): never replaced. */
  userSheetNames: string[];
  /** Previously generated sheet names per agency, reused when possible. */
  previousNames: Record<string, string>;
  /** What agencies typed in earlier generated sheets, row by row: agency → rows (placed by ./carry.ts). */
  carryOver: Record<string, CarriedRow[]>;
  /** Headers of columns a user added after "Ghi chú" in an agency's earlier sheet: agency → headers. */
  extraColumns?: Record<string, string[]>;
  /** Today (YYYY-MM-DD), for naming an archived sheet; the core reads no clock. */
  today?: string;
  issues: Issue[];
}

function agencyValidIn(a: Agency, year: number): boolean {
  if (a.validTo && Number(a.validTo.slice(0, 4)) < year) return false;
  if (a.validFrom && Number(a.validFrom.slice(0, 4)) > year) return false;
  return true;
}

/** agency full name → its assignments, in master-list order. */
export function assignments(tasks: Task[], idx: MatchIndex, opts: Pick<GenerateOptions, 'expandCollectives' | 'expandOnlyNamed' | 'planYear'>): Map<string, Assignment[]> {
  const named = new Set<string>();
  for (const t of tasks) for (const m of [...t.lead, ...t.support]) if (m.agency) named.add(m.agency);
  const out = new Map<string, Assignment[]>();
  const seen = new Map<string, Set<string>>();
  const add = (name: string, a: Assignment) => {
    let ids = seen.get(name);
    if (!ids) {
      ids = new Set();
      seen.set(name, ids);
      out.set(name, []);
    }
    if (ids.has(a.task.id)) return;
    ids.add(a.task.id);
    out.get(name)!.push(a);
  };
  // the agencies a collective reaches, once per collective
  const reach = new Map<Collective, Agency[]>();
  const members = (c: Collective): Agency[] => {
    let list = reach.get(c);
    if (!list) {
      const groups = COLLECTIVE_GROUPS[c];
      list = !groups ? [] : idx.master.agencies.filter((a) => (groups === 'all' || groups.includes(a.group)) && agencyValidIn(a, opts.planYear) && (!opts.expandOnlyNamed || named.has(a.name)));
      reach.set(c, list);
    }
    return list;
  };
  for (const t of tasks) {
    for (const m of t.lead) if (m.agency) add(m.agency, { task: t, role: 'lead', via: null });
  }
  for (const t of tasks) {
    const leads = new Set(t.lead.map((m) => m.agency));
    for (const m of t.support) {
      if (m.agency && !leads.has(m.agency)) add(m.agency, { task: t, role: 'support', via: null });
      if (m.collective && opts.expandCollectives) for (const a of members(m.collective)) if (!leads.has(a.name)) add(a.name, { task: t, role: 'support', via: m.collective });
    }
  }
  const order = new Map(idx.master.agencies.map((a, i) => [a.name, i]));
  return new Map([...out.entries()].sort((a, b) => (order.get(a[0]) ?? 1e9) - (order.get(b[0]) ?? 1e9) || a[0].localeCompare(b[0])));
}

// ---- Sheet names ------------------------------------------------------------------------------

export function sanitizeSheetName(raw: string): string {
  let s = normalizeText(String(raw)).replace(/\n/g, ' ').replace(FORBIDDEN, '-').replace(/\s+/g, ' ').trim();
  // no apostrophe (or space) at either end, however many there are: "' ' x" → "x"
  s = s.replace(/^['\s]+|['\s]+$/g, '');
  if (Array.from(s).length > MAX_NAME) s = Array.from(s).slice(0, MAX_NAME).join('').trim();
  s = s.replace(/['\s]+$/g, '');
  if (!s || s.toLowerCase() === 'history') s = s ? `${s} (1)` : 'Cơ quan';
  return s;
}

/** "Sở Văn hóa, Thể thao và Du lịch" → "Sở VHTTDL". */
export function deriveShort(name: string): string {
  const words = normalizeText(name).replace(/[,()]/g, ' ').split(/\s+/).filter(Boolean);
  if (words.length <= 3 || name.length <= MAX_NAME) return name;
  const head = words[0];
  const initials = words
    .slice(1)
    .filter((w) => !['và', 'các', 'của'].includes(w.toLowerCase()))
    .map((w) => Array.from(w)[0].toUpperCase())
    .join('');
  return `${head} ${initials}`;
}

/** Unique, valid, deterministic names; never a user's sheet. */
export function makeSheetNames(agencies: Agency[], taken: string[], previous: Record<string, string> = {}): Map<string, string> {
  const used = new Set(taken.map((t) => t.toLowerCase()));
  // Excel's reserved name, and ours: an agency whose short name is "PhanCong_Registry" never gets the registry
  used.add('history');
  used.add(REGISTRY_SHEET.toLowerCase());
  const out = new Map<string, string>();
  const claim = (agency: string, base: string) => {
    let name = sanitizeSheetName(base);
    let n = 2;
    while (used.has(name.toLowerCase())) {
      const suffix = ` (${n++})`;
      name = Array.from(sanitizeSheetName(base)).slice(0, MAX_NAME - suffix.length).join('').trim() + suffix;
    }
    used.add(name.toLowerCase());
    out.set(agency, name);
  };
  // the report first (never a user's sheet of the same name), then previous names, so a re-run keeps every sheet where it was
  claim(REPORT_KEY, REPORT_SHEET);
  claim(CHART_KEY, CHART_SHEET);
  claim(OVERDUE_KEY, OVERDUE_SHEET);
  claim(TASK_LIST_KEY, TASK_LIST_SHEET);
  for (const a of agencies) {
    const p = previous[a.name];
    if (p && !used.has(p.toLowerCase())) {
      used.add(p.toLowerCase());
      out.set(a.name, p);
    }
  }
  for (const a of agencies) if (!out.has(a.name)) claim(a.name, a.short || deriveShort(a.name));
  return out;
}

// ---- Plans -------------------------------------------------------------------------------------

export const AGENCY_COLUMNS = ['STT', 'Nhiệm vụ', 'Cơ quan chủ trì / phối hợp', 'Thời gian', ...QUARTER_LABELS, 'Tình trạng', 'Kết quả thực hiện', 'Ghi chú', 'Hạn', 'Ngày hoàn thành', 'Đánh giá'];
/** The header of agency sheets written before the deadline columns (read back on regeneration). */
export const AGENCY_COLUMNS_V1 = AGENCY_COLUMNS.slice(0, 11);
export const DEADLINE_COL = 12;
export const DONE_COL = 13;
export const OUTCOME_COL = 14;
/** The outcomes of a task against its deadline (Quyết định 42/2014/QĐ-TTg's four, and none). */
export const OUTCOMES = ['Hoàn thành đúng hạn', 'Hoàn thành quá hạn', 'Chưa hoàn thành, trong hạn', 'Chưa hoàn thành, quá hạn', 'Không có hạn'];

const DAY_MS = 86400000;
/** "2024-06-15" → the spreadsheet's day number (1900 system). */
export function serialOf(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number);
  return Math.round((Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / DAY_MS);
}
/** "15/06/2026" typed in a cell → its day number; anything else is not a date. */
export function typedDate(text: string): number | null {
  const m = /^\s*(\d{1,2})\/(\d{1,2})\/(\d{4})\s*$/.exec(text);
  if (!m) return null;
  const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const back = new Date(Date.UTC(y, mo - 1, d));
  if (back.getUTCDate() !== d || back.getUTCMonth() !== mo - 1) return null;
  return serialOf(`${y}-${mo}-${d}`);
}
/** A task's deadline: the one its time phrase gives, else the end of its last quarter; none for work all year round. */
export function deadlineOf(t: Pick<Task, 'deadline' | 'quarters'>, planYear: number): string | null {
  if (t.deadline) return t.deadline;
  if (t.quarters.length && t.quarters.length < 4) return new Date(Date.UTC(planYear, Math.max(...t.quarters) * 3, 0)).toISOString().slice(0, 10);
  return null;
}
/** The outcome the "Đánh giá" formula shows, computed the same way (its cached value). */
export function outcomeOf(deadline: number | null, status: string, done: number | null, today: number): string {
  if (deadline === null) return OUTCOMES[4];
  if (status.trim() === 'Hoàn thành' || done !== null) return (done ?? today) <= deadline ? OUTCOMES[0] : OUTCOMES[1];
  return today <= deadline ? OUTCOMES[2] : OUTCOMES[3];
}
/** The live "Đánh giá" formula of row r (Hạn in L, Tình trạng in I, Ngày hoàn thành in M). */
export function outcomeFormula(r: number): string {
  // one string per row for every sheet: 80 sheets of 3,500 rows hold 3,500 formulas, not 280,000
  let f = FORMULAS[r];
  if (f === undefined) FORMULAS[r] = f = outcomeFormulaText(r);
  return f;
}
const FORMULAS: string[] = [];
function outcomeFormulaText(r: number): string {
  const [L, I, M] = [`L${r}`, `I${r}`, `M${r}`];
  return `IF(${L}="","${OUTCOMES[4]}",IF(OR(${I}="Hoàn thành",${M}<>""),IF(IF(${M}<>"",${M},TODAY())<=${L},"${OUTCOMES[0]}","${OUTCOMES[1]}"),IF(TODAY()<=${L},"${OUTCOMES[2]}","${OUTCOMES[3]}")))`;
}
// Widths (in Excel's character units) whose sum (≈ 120) fits A4 landscape one page wide with the
// 13 pt body printed at ≥ 10.5 pt — in Excel (≈ 630 pt against ≈ 740 pt printable) and in LibreOffice,
// whose character unit is wider (measured by the e2e test on the printed PDF)
// dates need 12: "31/12/2018" in 13 pt Times is ≈ 80 px, and a date too wide for its column prints as ####
const AGENCY_WIDTHS = [5, 22, 12, 8, 4, 4, 4, 4, 10, 11, 7, 12, 12, 10];
export const AGENCY_HEADER_ROW = 4;

/** The tab colour of a generated sheet: dark blue for the summaries (report, chart, overdue), green for the others. */
export function tabColorOf(kind: SheetPlan['kind']): string {
  return kind === 'report' || kind === 'chart' || kind === 'overdue' ? '#1F4E79' : '#70AD47';
}
/** The section row over the tasks an agency leads on its sheet. */
export const LEAD_PART = 'A. NHIỆM VỤ CHỦ TRÌ';
export const REPORT_COLUMNS_V1 = ['STT', 'Cơ quan', 'Sheet', 'Số NV chủ trì', 'Số NV phối hợp', ...QUARTER_LABELS, 'Phát hiện khi kiểm tra', ...STATUSES];
/** Per agency: its tasks, their load by quarter, what the check found, and how they stand against their deadlines. */
export const REPORT_COLUMNS = ['STT', 'Cơ quan', 'Sheet', 'Số NV chủ trì', 'Số NV phối hợp', ...QUARTER_LABELS, 'Phát hiện khi kiểm tra', 'Hoàn thành đúng hạn', 'Hoàn thành quá hạn', 'Chưa hoàn thành, trong hạn', 'Chưa hoàn thành, quá hạn', 'Tỷ lệ đúng hạn'];

/** Does a sheet still carry the header we wrote (row 4)? A registry entry is trusted only then. */
export function looksGenerated(headerRow: string[], kind: 'agency' | 'report' | 'tasks' | 'overdue'): boolean {
  const want = kind === 'agency' ? AGENCY_COLUMNS : kind === 'tasks' ? TASK_LIST_COLUMNS : kind === 'overdue' ? OVERDUE_COLUMNS : REPORT_COLUMNS;
  const is = (cols: string[]) => cols.every((h, i) => (headerRow[i] ?? '').trim() === h);
  return is(want) || (kind === 'agency' && is(AGENCY_COLUMNS_V1)) || (kind === 'report' && is(REPORT_COLUMNS_V1));
}
export const STATUS_COL = 9;

/** The columns of an agency sheet whose typed values are carried as typed: Tình trạng … Ghi chú, Ngày hoàn thành, then the added ones. */
export function typedColumn(col: number): boolean {
  return (col >= STATUS_COL && col <= STATUS_COL + 2) || col === DONE_COL || col > AGENCY_COLUMNS.length;
}

function agencyLabel(m: { agency: string | null; text: string; collective: Collective | null }): string {
  return m.agency ?? m.text;
}

const LABELS = new WeakMap<Task, { lead: string; support: string }>();
/** "Sở A; Sở B" for a task's lead and support cells, computed once per task. */
function labels(t: Task): { lead: string; support: string } {
  let l = LABELS.get(t);
  if (!l) {
    l = { lead: t.lead.map(agencyLabel).join('; '), support: t.support.map(agencyLabel).join('; ') };
    LABELS.set(t, l);
  }
  return l;
}

const MARKS = new WeakMap<Task, string[]>();
function marks(t: Task): string[] {
  let m = MARKS.get(t);
  if (!m) MARKS.set(t, (m = [1, 2, 3, 4].map((q) => (t.quarters.includes(q) ? MARK : ''))));
  return m;
}

/** What every agency row of a task shares: its quarter marks and the lines its id, title and time need. */
const TASK_CELLS = new WeakMap<Task, { marks: string[]; lines: number }>();
function taskCells(t: Task): { marks: string[]; lines: number } {
  let c = TASK_CELLS.get(t);
  if (!c) {
    let lines = 1;
    if (t.id.length >= 4) lines = Math.max(lines, linesOf(t.id, AGENCY_WIDTHS[0]));
    if (t.raw.title.length >= 4) lines = Math.max(lines, linesOf(shown(t.raw.title), AGENCY_WIDTHS[1]));
    if (t.raw.time.length >= 4) lines = Math.max(lines, linesOf(shown(t.raw.time), AGENCY_WIDTHS[3]));
    TASK_CELLS.set(t, (c = { marks: marks(t), lines }));
  }
  return c;
}

/** Per task: the lead row's "Phối hợp: …" cell, and the support rows' "Chủ trì: …" cells by collective ('' = named). */
const OTHERS = new WeakMap<Task, { lead: string | null; support: Map<string, string> }>();
/** The "Phối hợp: …" / "Chủ trì: …" cell of an assignment, built once per task, role and collective. */
function othersCell(a: Assignment): string {
  const t = a.task;
  let m = OTHERS.get(t);
  if (!m) OTHERS.set(t, (m = { lead: null, support: new Map() }));
  if (a.role === 'lead') return (m.lead ??= t.support.length ? `Phối hợp: ${labels(t).support}` : '');
  const via = a.via ?? '';
  let v = m.support.get(via);
  if (v === undefined) {
    v = `Chủ trì: ${labels(t).lead}${a.via ? ` (phối hợp vì thuộc ${COLLECTIVE_VI[a.via]})` : ''}`;
    m.support.set(via, v);
  }
  return v;
}

function upper(s: string): string {
  return s.toLocaleUpperCase('vi');
}

/** The footer of every printed page: the plan's number on the left, "Trang 2/5" on the right. */
export function footerOf(opts: Pick<GenerateOptions, 'attachedTo'>): string {
  const doc = opts.attachedTo?.match(/(Kế hoạch|Quyết định|Nghị quyết|Chỉ thị|Công văn)\s+(?:số\s+)?[\p{L}\p{N}/.-]+/u)?.[0];
  // the footer's own font, or it prints at the spreadsheet's small default
  const font = '&"Times New Roman,Regular"&13';
  return `${doc ? `&L${font}${doc.replace(/&/g, '&&')}` : ''}&R${font}Trang &P/&N`;
}

/** A value a person typed, as typed, written at (row, col): a formula moves as Excel moves a copied one. */
function asTyped(c: CarriedCell, row: number, col: number): PlanCell {
  const v = c.value;
  if ('formula' in v) return { formula: shiftFormula(v.formula, row - c.row, col - c.col), result: v.result };
  if ('link' in v) return { link: v.link, text: v.text };
  return v.number;
}

/** Where what an agency typed goes now: its earlier rows placed on the current tasks (./carry.ts). */
export function placementFor(agency: string, list: Assignment[], opts: GenerateOptions): Placement {
  return placeCarried(opts.carryOver[agency] ?? [], list.map((a) => ({ id: a.task.id, title: a.task.raw.title, role: a.role })), STATUSES[0]);
}

export function agencySheet(name: string, agency: Agency, list: Assignment[], opts: GenerateOptions, placement: Placement = placementFor(agency.name, list, opts)): SheetPlan {
  // columns a user added after "Ghi chú" come back with their header and values
  const extra = opts.extraColumns?.[agency.name] ?? [];
  const width = AGENCY_COLUMNS.length + extra.length;
  const last = colLetter(width);
  const rows: PlanCell[][] = [];
  const styles: SheetPlan['styles'] = [];
  const merges: string[] = [];
  const title = `NHIỆM VỤ${opts.subject ? ' ' + upper(opts.subject) : ''} NĂM ${opts.planYear} — ${upper(agency.name)}`;
  rows.push([title]);
  rows.push([opts.attachedTo ?? '']);
  rows.push([]);
  rows.push([...AGENCY_COLUMNS, ...extra]);
  merges.push(`A1:${last}1`, `A2:${last}2`);
  styles.push({ range: `A1:${last}1`, style: 'title' }, { range: `A2:${last}2`, style: 'subtitle' }, { range: `A4:${last}4`, style: 'header' });
  const carry = placement.byTask;
  const highlights: NonNullable<SheetPlan['highlights']> = [];
  const todaySerial = serialOf(opts.today ?? '1970-01-01');
  const dates: string[] = [];
  const heights: number[] = rows.map((r, i) => rowHeight(r, AGENCY_WIDTHS, i < 2));
  const part = (label: string, items: Assignment[]) => {
    const r = rows.length + 1;
    rows.push([label]);
    heights.push(rowHeight(rows[r - 1], AGENCY_WIDTHS, true));
    merges.push(`A${r}:${last}${r}`);
    styles.push({ range: `A${r}:${last}${r}`, style: 'section' });
    if (items.length === 0) {
      const e = rows.length + 1;
      rows.push(['', '(Không có nhiệm vụ)']);
      heights.push(rowHeight(rows[e - 1], AGENCY_WIDTHS, false));
      styles.push({ range: `A${e}:${last}${e}`, style: 'muted' });
      return;
    }
    const first = rows.length + 1;
    for (const a of items) {
      const t = a.task;
      const c = taskCells(t);
      const others = othersCell(a);
      const keptRow = carry.get(t.id);
      const kept = keptRow?.values;
      const status = kept?.[0] || STATUSES[0];
      const result = kept?.[1] ?? '';
      const note = kept?.[2] ?? '';
      const doneText = kept?.[3] ?? '';
      const doneCell = keptRow?.cells?.[3]?.value;
      const done = doneCell && 'number' in doneCell ? doneCell.number : typedDate(doneText);
      const due = deadlineOf(t, opts.planYear);
      const dueSerial = due ? serialOf(due) : null;
      const r = rows.length + 1;
      const outcome = { formula: outcomeFormula(r), result: outcomeOf(dueSerial, status, done, todaySerial) };
      // what the agency typed goes back as typed: a number stays a number, a formula moves with its row, a link stays a link
      const typedAt = (k: number, col: number, text: string): PlanCell => {
        const c = keptRow?.cells?.[k];
        if (c && 'number' in c.value && c.value.date && col !== DONE_COL) dates.push(`${colLetter(col)}${r}`);
        return c ? asTyped(c, r, col) : text;
      };
      rows.push([
        t.id,
        shown(t.raw.title),
        others,
        shown(t.raw.time),
        c.marks[0],
        c.marks[1],
        c.marks[2],
        c.marks[3],
        kept?.[0] ? typedAt(0, STATUS_COL, status) : status,
        typedAt(1, STATUS_COL + 1, result),
        typedAt(2, STATUS_COL + 2, note),
        dueSerial ?? '',
        doneCell ? typedAt(3, DONE_COL, doneText) : (done ?? doneText),
        outcome,
        ...extra.map((_, k) => typedAt(4 + k, AGENCY_COLUMNS.length + 1 + k, kept?.[4 + k] ?? '')),
      ]);
      // the same as rowHeight() on this row, from line counts kept per task and per text
      let lines = c.lines;
      if (others.length >= 4) lines = Math.max(lines, linesOf(others, AGENCY_WIDTHS[2]));
      if (status.length >= 4) lines = Math.max(lines, linesOf(status, AGENCY_WIDTHS[8]));
      if (result.length >= 4) lines = Math.max(lines, linesOf(result, AGENCY_WIDTHS[9]));
      if (note.length >= 4) lines = Math.max(lines, linesOf(note, AGENCY_WIDTHS[10]));
      heights.push(heightOf(lines));
    }
    const lastRow = rows.length;
    styles.push(
      { range: `A${first}:${last}${lastRow}`, style: 'body' },
      { range: `E${first}:H${lastRow}`, style: 'bodyCenter' },
      { range: `A${first}:A${lastRow}`, style: 'bodyCenter' },
      { range: `I${first}:K${lastRow}`, style: 'input' },
      { range: `L${first}:L${lastRow}`, style: 'date' },
      { range: `M${first}:M${lastRow}`, style: 'inputDate' },
      { range: `N${first}:N${lastRow}`, style: 'bodyCenter' },
    );
    if (extra.length) styles.push({ range: `O${first}:${last}${lastRow}`, style: 'input' });
    // a date typed where text is expected still shows as a date
    for (const d of dates.splice(0)) styles.push({ range: d, style: 'inputDate' });
    // past due in red, due within a week in yellow: live, like the outcome itself
    highlights.push(
      { range: `A${first}:N${lastRow}`, formula: `$N${first}="${OUTCOMES[3]}"`, fill: HIGHLIGHT.overdue },
      { range: `A${first}:N${lastRow}`, formula: `AND($N${first}="${OUTCOMES[2]}",$L${first}-TODAY()<=7)`, fill: HIGHLIGHT.dueSoon },
    );
  };
  part(LEAD_PART, list.filter((a) => a.role === 'lead'));
  part('B. NHIỆM VỤ PHỐI HỢP', list.filter((a) => a.role === 'support'));
  const dataRows = rows.length;
  return {
    name,
    kind: 'agency',
    agency: agency.name,
    rows,
    widths: [...AGENCY_WIDTHS, ...extra.map(() => 12)],
    heights,
    styles,
    merges,
    freezeRows: AGENCY_HEADER_ROW,
    print: { landscape: true, paperSize: 9, fitToWidth: 1, titleRows: `${AGENCY_HEADER_ROW}:${AGENCY_HEADER_ROW}`, footer: footerOf(opts) },
    validations: dataRows > AGENCY_HEADER_ROW ? [{ range: `I${AGENCY_HEADER_ROW + 1}:I${Math.max(dataRows, AGENCY_HEADER_ROW + 1)}`, list: STATUSES.slice() }] : [],
    colorScales: [],
    highlights,
  };
}

/** Height (points) a row needs for its wrapped text, from the column widths (characters). */
/** width → text → wrapped lines: the same task text appears in many agency sheets. */
const LINES = new Map<number, Map<string, number>>();

/** Forget memoized line counts (the bench measures cold runs). */
export function clearPlanCaches(): void {
  LINES.clear();
}

/** A one-line cell as shown in our sheets: without its bullet ("- Cả năm" → "Cả năm"), like the bullets of split cells. */
function shown(text: string): string {
  return text.includes('\n') ? text : stripBullet(text);
}

/** Wrapped lines of a text in a column of `width` characters (memoized per width). */
function linesOf(text: string, width: number): number {
  let memo = LINES.get(width);
  if (!memo) LINES.set(width, (memo = new Map()));
  let n = memo.get(text);
  if (n !== undefined) return n;
  // Times New Roman 13 pt: about 0.9 letters per character unit (measured on the printed PDF)
  const per = Math.max(3, width * 0.9 - 1);
  if (text.indexOf('\n') < 0) n = Math.max(1, Math.ceil(text.length / per));
  else {
    n = 0;
    for (const line of text.split('\n')) n += Math.max(1, Math.ceil(line.length / per));
  }
  if (memo.size > 50_000) memo.clear();
  memo.set(text, n);
  return n;
}

function heightOf(lines: number): number {
  return Math.min(409, Math.round(lines * 17 + 3));
}

/** Height of one row; a merged row spans the whole width. Texts under 4 characters fit any column. */
function rowHeight(r: PlanCell[], widths: number[], merged: boolean): number {
  let lines = 1;
  let total = 0;
  if (merged) for (const w of widths) total += w;
  for (let j = 0; j < r.length; j++) {
    const v = r[j];
    if (typeof v !== 'string' || v.length < 4) continue;
    const n = linesOf(v, merged ? total : (widths[j] ?? 10));
    if (n > lines) lines = n;
  }
  return heightOf(lines);
}

export function rowHeights(rows: PlanCell[][], widths: number[], merges: string[]): number[] {
  const mergedRows = new Set(merges.map((m) => Number(m.match(/\d+/)![0])));
  return rows.map((r, i) => rowHeight(r, widths, mergedRows.has(i + 1)));
}

function countIf(sheet: string, value: string, lastRow: number, col = 'N'): string {
  return `COUNTIF(${sheetRef(sheet, `$${col}$${AGENCY_HEADER_ROW + 1}:$${col}$${lastRow}`)},"${value}")`;
}

export function reportSheet(names: Map<string, string>, agencySheets: SheetPlan[], byAgency: Map<string, Assignment[]>, opts: GenerateOptions): SheetPlan {
  const header = REPORT_COLUMNS.slice();
  const width = header.length;
  const last = colLetter(width);
  const rows: PlanCell[][] = [];
  const styles: SheetPlan['styles'] = [];
  const merges: string[] = [];
  rows.push([`TỔNG HỢP PHÂN CÔNG NHIỆM VỤ${opts.subject ? ' ' + upper(opts.subject) : ''} NĂM ${opts.planYear}`]);
  rows.push([opts.attachedTo ?? '']);
  rows.push([]);
  rows.push(header);
  merges.push(`A1:${last}1`, `A2:${last}2`);
  styles.push({ range: `A1:${last}1`, style: 'title' }, { range: `A2:${last}2`, style: 'subtitle' }, { range: `A4:${last}4`, style: 'header' });
  const issuesByTask = new Map<string, number>();
  for (const i of opts.issues) if (i.taskId) issuesByTask.set(i.taskId, (issuesByTask.get(i.taskId) ?? 0) + 1);
  const sheetsByName = new Map(agencySheets.map((s) => [s.name, s]));
  let n = 0;
  for (const [agency, list] of byAgency) {
    const sheet = names.get(agency);
    if (agency === REPORT_KEY || agency === TASK_LIST_KEY) continue;
    if (!sheet) continue;
    n++;
    const plan = sheetsByName.get(sheet)!;
    const load = [0, 0, 0, 0];
    let leads = 0;
    let findings = 0;
    for (const a of list) {
      for (const q of a.task.quarters) load[q - 1]++;
      if (a.role === 'lead') {
        leads++;
        findings += issuesByTask.get(a.task.id) ?? 0;
      }
    }
    // the outcomes as the agency sheet's "Đánh giá" cells show them (their cached values)
    const counted = new Map<string, number>();
    for (let i = AGENCY_HEADER_ROW; i < plan.rows.length; i++) {
      const v = plan.rows[i][OUTCOME_COL - 1];
      const o = v && typeof v === 'object' && 'formula' in v ? String(v.result ?? '') : '';
      counted.set(o, (counted.get(o) ?? 0) + 1);
    }
    const outcomes = OUTCOMES.slice(0, 4).map((o) => ({ formula: countIf(sheet, o, plan.rows.length), result: counted.get(o) ?? 0 }));
    const r = rows.length + 1;
    const [onTime, late, lateOpen] = [outcomes[0].result, outcomes[1].result, outcomes[3].result];
    const share = onTime + late + lateOpen ? `${Math.round((100 * onTime) / (onTime + late + lateOpen))}%` : '';
    rows.push([n, agency, sheet, leads, list.length - leads, ...load, findings, ...outcomes, { formula: `IFERROR(TEXT(K${r}/(K${r}+L${r}+N${r}),"0%"),"")`, result: share }]);
  }
  const firstData = AGENCY_HEADER_ROW + 1;
  const lastData = rows.length;
  if (lastData >= firstData) {
    styles.push({ range: `A${firstData}:${last}${lastData}`, style: 'body' }, { range: `D${firstData}:${last}${lastData}`, style: 'bodyCenter' });
  }
  const widths = [5, 20, 11, 8, 8, 5, 5, 5, 5, 8, 9, 9, 9, 9, 8];
  return {
    name: names.get(REPORT_KEY) ?? REPORT_SHEET,
    kind: 'report',
    rows,
    widths,
    heights: rowHeights(rows, widths, merges),
    styles,
    merges,
    freezeRows: AGENCY_HEADER_ROW,
    print: { landscape: true, paperSize: 9, fitToWidth: 1, titleRows: `${AGENCY_HEADER_ROW}:${AGENCY_HEADER_ROW}`, footer: footerOf(opts) },
    validations: [],
    colorScales: lastData >= firstData ? [{ range: rangeA1(firstData, 6, lastData, 9), from: '#FFFFFF', to: '#9DC3E6' }] : [],
  };
}

// ---- Overdue tasks and the chart --------------------------------------------------------------

export const OVERDUE_SHEET = 'Quá hạn';
export const OVERDUE_KEY = '\u0000overdue';
export const CHART_SHEET = 'Biểu đồ';
export const CHART_KEY = '\u0000chart';
export const OVERDUE_COLUMNS = ['STT', 'Cơ quan chủ trì', 'Mã', 'Nhiệm vụ', 'Hạn', 'Số ngày quá hạn', 'Đánh giá', 'Trang tính'];
const OVERDUE_WIDTHS = [5, 20, 7, 44, 12, 10, 16, 12];
/** The chart title row; a sheet is taken as our chart sheet only when its first cell starts with it. */
export const CHART_TITLE = 'BIỂU ĐỒ NHIỆM VỤ THEO CƠ QUAN VÀ ĐÁNH GIÁ';
/** Fills of the four outcomes in the chart: done on time, done late, open in time, open late. */
export const OUTCOME_COLORS = ['#70AD47', '#C5E0B4', '#9DC3E6', '#E06666'];

function dmy(iso: string): string {
  return iso.split('-').reverse().join('/');
}

/**
 * A list of ours on a sheet: a title and a line under it across the sheet, the header in row 4 (frozen,
 * repeated on every printed page), the rows below with the formats given; A4 landscape, one page wide.
 */
function listSheet(name: string, kind: SheetPlan['kind'], rows: PlanCell[][], widths: number[], body: SheetPlan['styles'], opts: GenerateOptions): SheetPlan {
  const last = colLetter(rows[AGENCY_HEADER_ROW - 1].length);
  const merges = [`A1:${last}1`, `A2:${last}2`];
  return {
    name,
    kind,
    rows,
    widths: widths.slice(),
    heights: rowHeights(rows, widths, merges),
    styles: [{ range: `A1:${last}1`, style: 'title' }, { range: `A2:${last}2`, style: 'subtitle' }, { range: `A4:${last}4`, style: 'header' }, ...body],
    merges,
    freezeRows: AGENCY_HEADER_ROW,
    print: { landscape: true, paperSize: 9, fitToWidth: 1, titleRows: `${AGENCY_HEADER_ROW}:${AGENCY_HEADER_ROW}`, footer: footerOf(opts) },
    validations: [],
    colorScales: [],
  };
}

/**
 * Every task an agency leads that is open past its deadline, as of generation, most overdue first: the
 * agency, the task, its deadline and — live, from the agency's sheet — its outcome and the days late (so a
 * task finished since shows it). Tasks that fall due later appear when the sheets are made again.
 */
export function overdueSheet(name: string, names: Map<string, string>, agencySheets: SheetPlan[], byAgency: Map<string, Assignment[]>, opts: GenerateOptions): SheetPlan {
  const last = colLetter(OVERDUE_COLUMNS.length);
  const today = opts.today ?? '1970-01-01';
  const todaySerial = serialOf(today);
  const sheetsByName = new Map(agencySheets.map((s) => [s.name, s]));
  const found: { agency: string; sheet: string; row: number; id: string; title: string; due: number }[] = [];
  for (const agency of byAgency.keys()) {
    const sheet = names.get(agency);
    const plan = sheet ? sheetsByName.get(sheet) : undefined;
    if (!sheet || !plan) continue;
    let leads = false;
    for (let i = AGENCY_HEADER_ROW; i < plan.rows.length; i++) {
      const row = plan.rows[i];
      if (row.length === 1 && typeof row[0] === 'string') leads = row[0] === LEAD_PART;
      const o = row[OUTCOME_COL - 1];
      const due = row[DEADLINE_COL - 1];
      if (leads && o && typeof o === 'object' && 'formula' in o && o.result === OUTCOMES[3] && typeof due === 'number') found.push({ agency, sheet, row: i + 1, id: String(row[0]), title: String(row[1] ?? ''), due });
    }
  }
  found.sort((x, y) => x.due - y.due);
  const rows: PlanCell[][] = [
    [`NHIỆM VỤ QUÁ HẠN, CHƯA HOÀN THÀNH${opts.subject ? ' — ' + upper(opts.subject) : ''} NĂM ${opts.planYear}`],
    [`${found.length} nhiệm vụ chủ trì quá hạn tính đến ngày ${dmy(today)} (lập khi tạo các trang tính; cột Đánh giá và Số ngày quá hạn lấy trực tiếp từ trang tính của cơ quan).`],
    [],
    OVERDUE_COLUMNS.slice(),
  ];
  for (const f of found) {
    const ref = (col: string) => sheetRef(f.sheet, `$${col}$${f.row}`);
    rows.push([
      rows.length - AGENCY_HEADER_ROW + 1,
      f.agency,
      f.id,
      f.title,
      f.due,
      { formula: `IF(${ref('N')}="${OUTCOMES[3]}",TODAY()-${ref('L')},"")`, result: todaySerial - f.due },
      { formula: ref('N'), result: OUTCOMES[3] },
      f.sheet,
    ]);
  }
  const body: SheetPlan['styles'] = [];
  if (found.length === 0) {
    rows.push(['', '(Không có nhiệm vụ quá hạn)']);
    body.push({ range: `A5:${last}5`, style: 'muted' });
  } else {
    const n = rows.length;
    body.push({ range: `A5:${last}${n}`, style: 'body' }, { range: `A5:A${n}`, style: 'bodyCenter' }, { range: `C5:C${n}`, style: 'bodyCenter' }, { range: `E5:E${n}`, style: 'date' }, { range: `F5:G${n}`, style: 'bodyCenter' });
  }
  return listSheet(name, 'overdue', rows, OVERDUE_WIDTHS, body, opts);
}

/** A native stacked-bar chart of the report's four outcome columns, one bar per agency, on a sheet of its own before the tables. */
export function chartSheet(name: string, report: SheetPlan, opts: GenerateOptions): SheetPlan {
  const first = AGENCY_HEADER_ROW + 1;
  const data = report.rows.slice(AGENCY_HEADER_ROW);
  const lastData = AGENCY_HEADER_ROW + data.length;
  const cache = (col: number) => data.map((r) => {
    const v = r[col - 1];
    return typeof v === 'number' ? v : v && typeof v === 'object' && 'formula' in v && typeof v.result === 'number' ? v.result : 0;
  });
  // about 34 px a bar (room for every name at 12 pt), 20 px a row; printed on one page
  const chartRows = Math.max(16, Math.min(150, Math.ceil((data.length * 34 + 160) / 20)));
  const rows: PlanCell[][] = [
    [`${CHART_TITLE}${opts.subject ? ' — ' + upper(opts.subject) : ''} NĂM ${opts.planYear}`],
    [`Mỗi thanh là một cơ quan: số nhiệm vụ (chủ trì và phối hợp) theo đánh giá, lấy trực tiếp từ trang tính "${report.name}".`],
  ];
  const widths = Array.from({ length: 10 }, () => 12);
  const merges = ['A1:J1', 'A2:J2'];
  return {
    name,
    kind: 'chart',
    rows,
    widths,
    heights: rowHeights(rows, widths, merges),
    styles: [
      { range: 'A1:J1', style: 'title' },
      { range: 'A2:J2', style: 'subtitle' },
    ],
    merges,
    freezeRows: 0,
    print: { landscape: true, paperSize: 9, fitToWidth: 1, fitToHeight: 1, footer: footerOf(opts) },
    validations: [],
    colorScales: [],
    charts:
      data.length === 0
        ? []
        : [
            {
              type: 'barStacked',
              title: 'Nhiệm vụ theo đánh giá',
              sheet: report.name,
              categories: `B${first}:B${lastData}`,
              categoryCache: data.map((r) => String(r[1] ?? '')),
              series: OUTCOMES.slice(0, 4).map((o, k) => {
                const col = REPORT_COLUMNS.indexOf(o) + 1;
                const letter = colLetter(col);
                return { name: o, values: `${letter}${first}:${letter}${lastData}`, cache: cache(col), color: OUTCOME_COLORS[k] };
              }),
              from: 'A4',
              to: `J${4 + chartRows}`,
            },
          ],
  };
}

/** The report's third row: how many tasks are overdue, a link to their list, and where the chart is. */
function pointToOverdue(report: SheetPlan, overdue: SheetPlan, chart: SheetPlan, opts: GenerateOptions): void {
  const late = overdue.rows.slice(AGENCY_HEADER_ROW).filter((r) => typeof r[0] === 'number').length;
  const text = `${late} nhiệm vụ chủ trì quá hạn, chưa hoàn thành tính đến ngày ${dmy(opts.today ?? '1970-01-01')}: bấm để xem trang tính ‘${overdue.name}’; biểu đồ ở trang tính ‘${chart.name}’.`;
  const last = colLetter(REPORT_COLUMNS.length);
  report.rows[2] = [{ formula: `HYPERLINK("#${sheetRef(overdue.name, 'A1').replace(/"/g, '""')}","${text.replace(/"/g, '""')}")`, result: text }];
  report.merges.push(`A3:${last}3`);
  report.styles.push({ range: `A3:${last}3`, style: 'subtitle' });
  report.heights = rowHeights(report.rows, report.widths, report.merges);
  // a formula's text is not measured by rowHeights: the row across the report holds it
  report.heights[2] = heightOf(linesOf(text, report.widths.reduce((x, y) => x + y, 0)));
}

export const TASK_LIST_SHEET = 'Danh sách nhiệm vụ';
export const TASK_LIST_KEY = '\u0000tasks';
export const TASK_LIST_COLUMNS = ['Mã', 'Nhiệm vụ', 'Cơ quan chủ trì', 'Cơ quan phối hợp', 'Thời gian', ...QUARTER_LABELS, 'Hạn', 'Dòng trong bảng'];
const TASK_LIST_WIDTHS = [5, 30, 17, 20, 10, 5, 5, 5, 5, 10, 9];

/** Every task of the table with its agencies, quarters and deadline: its own sheet, so its header repeats on every printed page. */
export function taskListSheet(name: string, tasks: Task[], opts: GenerateOptions): SheetPlan {
  const last = colLetter(TASK_LIST_COLUMNS.length);
  const rows: PlanCell[][] = [[`DANH SÁCH NHIỆM VỤ${opts.subject ? ' ' + upper(opts.subject) : ''} NĂM ${opts.planYear}`], [opts.attachedTo ?? ''], [], TASK_LIST_COLUMNS.slice()];
  for (const t of tasks) rows.push([t.id, shown(t.raw.title), labels(t).lead, labels(t).support, shown(t.raw.time), ...marks(t), t.deadline ? dmy(t.deadline) : '', t.cells.task]);
  const body: SheetPlan['styles'] = rows.length > 4 ? [{ range: `A5:${last}${rows.length}`, style: 'body' }, { range: `F5:I${rows.length}`, style: 'bodyCenter' }] : [];
  return listSheet(name, 'tasks', rows, TASK_LIST_WIDTHS, body, opts);
}

export interface GenerationPlan {
  sheets: SheetPlan[];
  names: Map<string, string>;
  byAgency: Map<string, Assignment[]>;
  /** Typed content whose task is no longer in the table: agency → the earlier rows (archived). */
  removed: Record<string, CarriedRow[]>;
  /** Typed content that followed its task to a new id: agency → moves. */
  moved: Record<string, Placement['moved']>;
  /** Archive sheets made for content that found no task: agency → sheet name. */
  archived: Record<string, string>;
  /** Agencies whose new sheet holds what a person typed (carried onto its tasks, or columns they added). */
  typedAgencies: string[];
}

export const ARCHIVE_COLUMNS = ['STT cũ', 'Nhiệm vụ', 'Vai trò', 'Tình trạng', 'Kết quả thực hiện', 'Ghi chú', 'Ngày hoàn thành'];

/**
 * What an agency typed for tasks no longer in the table, kept as a sheet of its own ("Sở Y tế (cũ
 * 01-12-2026)", in the registry as an archive, left out of the report): never dropped.
 */
export function archiveSheet(name: string, agency: string, rows: CarriedRow[], extra: string[], today: string): SheetPlan {
  const header = [...ARCHIVE_COLUMNS, ...extra];
  const last = colLetter(header.length);
  const [y, m, d] = today.split('-');
  const dates: string[] = [];
  const plan: PlanCell[][] = [
    [`NỘI DUNG ĐÃ NHẬP CHO CÁC NHIỆM VỤ KHÔNG CÒN TRONG BẢNG — ${upper(agency)}`],
    [`Lưu ngày ${d}/${m}/${y} khi tạo lại các trang tính; nhiệm vụ nào vẫn còn, hãy chép nội dung sang trang tính của cơ quan.`],
    [],
    header,
    ...rows.map((r, i) => {
      // Tình trạng … Ngày hoàn thành in D…G, the added columns after them, each as typed
      const at = (k: number): PlanCell => {
        const c = r.cells?.[k];
        if (c && 'number' in c.value && c.value.date) dates.push(`${colLetter(4 + k)}${5 + i}`);
        return c ? asTyped(c, 5 + i, 4 + k) : (r.values[k] ?? '');
      };
      return [r.id, r.title, r.role === 'lead' ? 'Chủ trì' : 'Phối hợp', at(0), at(1), at(2), at(3), ...extra.map((_, k) => at(4 + k))];
    }),
  ];
  const lastRow = plan.length;
  return {
    name,
    kind: 'archive',
    agency,
    rows: plan,
    widths: [6, 40, 10, 12, 30, 16, 12, ...extra.map(() => 14)],
    heights: plan.map((r, i) => rowHeight(r, [6, 40, 10, 12, 30, 16, 12], i < 2)),
    styles: [
      { range: `A1:${last}1`, style: 'title' },
      { range: `A2:${last}2`, style: 'subtitle' },
      { range: `A4:${last}4`, style: 'header' },
      ...(lastRow > 4 ? [{ range: `A5:${last}${lastRow}`, style: 'body' as const }] : []),
      ...dates.map((range) => ({ range, style: 'date' as const })),
    ],
    merges: [`A1:${last}1`, `A2:${last}2`],
    freezeRows: 4,
    print: { landscape: true, paperSize: 9, fitToWidth: 1, titleRows: '4:4', footer: footerOf({ attachedTo: null }) },
    validations: [],
    colorScales: [],
  };
}

/** "Sở Y tế (cũ 01-12-2026)": a name no sheet in `taken` (lower case) has, added to it; cut by code points. */
export function archiveName(base: string, today: string, taken: Set<string>): string {
  const [y, m, d] = today.split('-');
  let name = '';
  for (let n = 1; !name || taken.has(name.toLowerCase()); n++) {
    const suffix = ` (cũ ${d}-${m}-${y}${n > 1 ? ` ${n}` : ''})`;
    name = Array.from(sanitizeSheetName(base)).slice(0, MAX_NAME - suffix.length).join('').trim() + suffix;
  }
  taken.add(name.toLowerCase());
  return name;
}

export function planGeneration(tasks: Task[], idx: MatchIndex, opts: GenerateOptions): GenerationPlan {
  let byAgency = assignments(tasks, idx, opts);
  if (opts.only) byAgency = new Map([...byAgency].filter(([k]) => opts.only!.includes(k)));
  const agencies = [...byAgency.keys()].map((n) => idx.byName.get(n)).filter((a): a is Agency => !!a);
  const names = makeSheetNames(agencies, opts.userSheetNames, opts.previousNames);
  const placements = new Map(agencies.map((a) => [a.name, placementFor(a.name, byAgency.get(a.name)!, opts)]));
  const sheets = agencies.map((a) => agencySheet(names.get(a.name)!, a, byAgency.get(a.name)!, opts, placements.get(a.name)));
  const report = reportSheet(names, sheets, byAgency, opts);
  const removed: Record<string, CarriedRow[]> = {};
  const moved: Record<string, Placement['moved']> = {};
  for (const [agency, rows] of Object.entries(opts.carryOver)) {
    if (opts.only && !opts.only.includes(agency)) continue;
    const p = placements.get(agency) ?? placeCarried(rows, [], STATUSES[0]);
    if (p.unplaced.length) removed[agency] = p.unplaced;
    if (p.moved.length) moved[agency] = p.moved;
  }
  // archives take names no other sheet has
  const archived: Record<string, string> = {};
  const taken = new Set([...opts.userSheetNames, ...names.values()].map((n) => n.toLowerCase()));
  const archives: SheetPlan[] = [];
  const today = opts.today ?? '1970-01-01';
  for (const [agency, rows] of Object.entries(removed)) {
    const name = archiveName(opts.previousNames[agency] ?? names.get(agency) ?? agency, today, taken);
    archived[agency] = name;
    archives.push(archiveSheet(name, agency, rows, opts.extraColumns?.[agency] ?? [], today));
  }
  const list = taskListSheet(names.get(TASK_LIST_KEY) ?? TASK_LIST_SHEET, tasks, opts);
  const chart = chartSheet(names.get(CHART_KEY) ?? CHART_SHEET, report, opts);
  const overdue = overdueSheet(names.get(OVERDUE_KEY) ?? OVERDUE_SHEET, names, sheets, byAgency, opts);
  pointToOverdue(report, overdue, chart, opts);
  const typedAgencies = agencies
    .map((a) => a.name)
    .filter((n) => (opts.extraColumns?.[n]?.length ?? 0) > 0 || [...(placements.get(n)?.byTask.values() ?? [])].some((r) => typed(r, STATUSES[0]) || r.cells?.some(Boolean)));
  return { sheets: [report, chart, overdue, list, ...sheets, ...archives], names, byAgency, removed, moved, archived, typedAgencies };
}

/** Title text → what the plan is about: "PHÂN CÔNG NHIỆM VỤ THÔNG TIN ĐỐI NGOẠI NĂM 2018" → "thông tin đối ngoại". */
export function subjectFromTitles(titles: string[]): string {
  for (const t of titles) {
    const m = normalizeText(t).match(/nhiệm vụ\s+(.+?)\s+(?:năm|giai đoạn)\s+\d{4}/iu);
    if (m) return m[1].toLocaleLowerCase('vi');
    const k = normalizeText(t).match(/kế hoạch\s+(?:hoạt động\s+)?(.+?)\s+(?:năm|giai đoạn)\s+\d{4}/iu);
    if (k && foldKey(k[1]).length > 3) return k[1].toLocaleLowerCase('vi');
  }
  return '';
}

export function attachedFromTitles(titles: string[]): string | null {
  for (const t of titles) {
    const m = normalizeText(t).match(/\(?\s*(kèm theo .+?)\s*\)?$/iu);
    if (m) return `(${m[1].charAt(0).toUpperCase()}${m[1].slice(1)})`;
  }
  return null;
}
