// Time phrases ("Thời gian thực hiện") → quarters, months, deadline, recurrence.
// Built like a natural-language date parser: small pattern parsers produce spans, refiners
// merge them into one schedule. Semantics: ../shared/CONTRACTS.md (parse-time).
import { foldKey, splitItems } from './text';
import type { Recurrence, TimeParse } from './schemas';

interface YMD {
  y: number;
  m: number;
  d: number;
}

/** A span of the calendar the phrase schedules work in (inclusive months, possibly several years). */
interface Span {
  from: { y: number; m: number };
  to: { y: number; m: number };
}

interface Found {
  spans: Span[];
  deadline: YMD | null;
  recurrence: Recurrence | null;
  /** Years named in the phrase. */
  years: number[];
  /** Periodic six-month reporting: quarters 2 and 4 unless a date narrows it. */
  semiannual: boolean;
  /** "hằng năm": the whole year unless a period narrows it. */
  annual?: boolean;
}

const ROMAN: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4 };
const RECURRENCE_RANK: Recurrence[] = ['continuous', 'monthly', 'quarterly', 'semiannual', 'annual', 'once'];

function quarterNum(tok: string): number | null {
  const t = tok.toLowerCase();
  if (Object.hasOwn(ROMAN, t)) return ROMAN[t];
  const n = Number(t);
  return n >= 1 && n <= 4 ? n : null;
}

function fullYear(s: string | undefined, fallback: number): number {
  if (!s) return fallback;
  const n = Number(s);
  if (s.length === 2) return 2000 + n;
  return n;
}

function lastDay(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function validDate(d: YMD): boolean {
  return d.m >= 1 && d.m <= 12 && d.d >= 1 && d.d <= lastDay(d.y, d.m) && d.y >= 1900 && d.y <= 2200;
}

function prevDay(d: YMD): YMD {
  const t = new Date(Date.UTC(d.y, d.m - 1, d.d) - 86400000);
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

function iso(d: YMD): string {
  return `${d.y}-${String(d.m).padStart(2, '0')}-${String(d.d).padStart(2, '0')}`;
}

function yearSpan(y1: number, y2: number): Span {
  return { from: { y: y1, m: 1 }, to: { y: y2, m: 12 } };
}

function addRecurrence(f: Found, r: Recurrence): void {
  if (!f.recurrence || RECURRENCE_RANK.indexOf(r) < RECURRENCE_RANK.indexOf(f.recurrence)) f.recurrence = r;
}

const YEAR = '((?:19|20)\\d{2})';
const QTOK = '(iv|iii|ii|i|[1-4])';
const DATE = '(\\d{1,2})\\s*(?:/|-|\\.|\\s+thang\\s+)\\s*(\\d{1,2})(?:\\s*(?:/|-|\\.|\\s+nam\\s+)\\s*((?:19|20)?\\d{2}))?(?!\\d)';

/** Parse one line (already folded). */
function parseLine(text: string, planYear: number, f: Found): boolean {
  let s = ' ' + text.replace(/[“”"]/g, ' ').replace(/\s+/g, ' ') + ' ';
  let matched = false;
  const consume = (re: RegExp, fn: (m: RegExpExecArray) => boolean | void): void => {
    s = s.replace(re, (...args) => {
      const m = args.slice(0, -2) as unknown as RegExpExecArray;
      const ok = fn(m);
      if (ok === false) return m[0];
      matched = true;
      return ' ; ';
    });
  };

  // Deadlines: "trước ngày 15/01/2024", "chậm nhất vào ngày 20/11", "trước 15/6", "ngày 05 tháng 11 năm 2024"
  consume(new RegExp(`(truoc|cham nhat|han chot|muon nhat|den|toi)?\\s*(?:(?:vao|la|trong)\\s+)?(?:ngay\\s*)?${DATE}`, 'g'), (m) => {
    const kw = m[1];
    const d: YMD = { d: Number(m[2]), m: Number(m[3]), y: fullYear(m[4], planYear) };
    // a bare "3-5" is not a date; "15/6/2024" alone is
    if (!kw && !/ngay/.test(m[0]) && !/^\s*\d{1,2}\/\d{1,2}\/\d{2,4}\s*$/.test(m[0])) return false;
    if (!validDate(d)) return false;
    if (m[4] && !f.years.includes(d.y)) f.years.push(d.y);
    const last = kw === 'truoc' ? prevDay(d) : d;
    f.spans.push({ from: { y: last.y, m: last.m }, to: { y: last.y, m: last.m } });
    if (!f.deadline || iso(d) > iso(f.deadline)) f.deadline = d;
    return true;
  });

  // Quarters: "quý II, III", "quý I/2024", "Q3", "quý 2 và quý 3", "quý I đến quý III"
  consume(new RegExp(`\\b(?:quy|q)\\s*${QTOK}((?:\\s*(?:,|;|va|-|den|toi)\\s*(?:quy\\s*)?${QTOK})*)(?:\\s*(?:/|nam)\\s*${YEAR})?\\b`, 'g'), (m) => {
    const first = quarterNum(m[1]);
    if (first === null) return false;
    const rest = (m[2] || '').replace(/quy|va|den|toi/g, ' ').match(/\b(iv|iii|ii|i|[1-4])\b/g) || [];
    const isRange = /-|den|toi/.test(m[2] || '') && rest.length === 1;
    const year = m[4] ? Number(m[4]) : planYear;
    if (m[4] && !f.years.includes(year)) f.years.push(year);
    let qs = [first, ...rest.map((r) => quarterNum(r)).filter((q): q is number => q !== null)];
    if (isRange) {
      const last = qs[1];
      qs = [];
      for (let q = first; q <= last; q++) qs.push(q);
    }
    for (const q of qs) f.spans.push({ from: { y: year, m: q * 3 - 2 }, to: { y: year, m: q * 3 } });
    if (m[4]) {
      const q = Math.max(...qs);
      const d = { y: year, m: q * 3, d: lastDay(year, q * 3) };
      if (!f.deadline || iso(d) > iso(f.deadline)) f.deadline = d;
    }
    return true;
  });

  // Halves: "6 tháng đầu năm", "6 tháng cuối năm"
  consume(/(?:6|sau) thang (dau|cuoi) nam(?:\s*(\d{4}))?/g, (m) => {
    const y = m[2] ? Number(m[2]) : planYear;
    if (m[2] && !f.years.includes(y)) f.years.push(y);
    f.spans.push(m[1] === 'dau' ? { from: { y, m: 1 }, to: { y, m: 6 } } : { from: { y, m: 7 }, to: { y, m: 12 } });
    return true;
  });

  // Recurrence words
  consume(/(?:hang|hangf|moi|dinh ky) thang/g, () => {
    addRecurrence(f, 'monthly');
    f.spans.push(yearSpan(planYear, planYear));
  });
  consume(/(?:hang|moi|dinh ky) quy|(?:hang thang)?\s*,\s*quy(?![a-z0-9 ]*(?:i|[1-4])\b)/g, () => {
    addRecurrence(f, 'quarterly');
    f.spans.push(yearSpan(planYear, planYear));
  });
  consume(/(?:dinh ky|hang|moi) (?:0?6|sau) thang(?: mot lan)?|(?:0?6|sau) thang mot lan|nua nam mot lan/g, () => {
    addRecurrence(f, 'semiannual');
    f.semiannual = true;
  });
  // "hằng năm" alone is the whole year; "Quý IV hằng năm" stays in Q4 (resolved at the end of the line)
  consume(/(?:hang|moi|dinh ky) nam/g, () => {
    addRecurrence(f, 'annual');
    f.annual = true;
  });
  consume(/thuong xuyen|lien tuc|ca nam|trong nam|quanh nam|suot nam|hang ngay|hang tuan|dinh ky hang tuan/g, () => {
    addRecurrence(f, 'continuous');
    f.spans.push(yearSpan(planYear, planYear));
  });

  // Month ranges: "tháng 3-5/2024", "từ tháng 4 đến tháng 6", "tháng 9 - 12/2024", "tháng 3, 4"
  consume(new RegExp(`(hoan thanh |trong |truoc |den het )?thang\\s*(\\d{1,2})((?:\\s*(?:,|va|-|den|toi)\\s*(?:thang\\s*)?\\d{1,2}(?!\\d))*)(?:\\s*(?:/|-|nam)\\s*${YEAR})?`, 'g'), (m) => {
    const first = Number(m[2]);
    const rest = ((m[3] || '').match(/\d{1,2}/g) || []).map(Number);
    const all = [first, ...rest];
    if (all.some((x) => x < 1 || x > 12)) return false;
    const y = m[4] ? Number(m[4]) : planYear;
    if (m[4] && !f.years.includes(y)) f.years.push(y);
    const isRange = /-|den|toi/.test(m[3] || '') && rest.length === 1;
    if (isRange) f.spans.push({ from: { y, m: first }, to: { y, m: rest[0] } });
    else for (const x of all) f.spans.push({ from: { y, m: x }, to: { y, m: x } });
    const lastM = Math.max(...all);
    if (m[4] || m[1]) {
      const d = { y, m: lastM, d: lastDay(y, lastM) };
      if (m[1] === 'truoc ') {
        // "trước tháng 9": the last allowed day is the end of August
        const p = prevDay({ y, m: lastM, d: 1 });
        f.spans.pop();
        f.spans.push({ from: { y: p.y, m: p.m }, to: { y: p.y, m: p.m } });
        if (!f.deadline || iso({ y, m: lastM, d: 1 }) > iso(f.deadline)) f.deadline = { y, m: lastM, d: 1 };
      } else if (!f.deadline || iso(d) > iso(f.deadline)) f.deadline = d;
    }
    return true;
  });
  consume(/tu thang\s*;\s*/g, () => true);

  // Years and periods: "năm 2024", "2024-2025", "giai đoạn 2021-2025"
  consume(new RegExp(`(?:giai doan|nam|tu nam|trong nam|nam hoc)?\\s*${YEAR}(?:\\s*(?:-|den|toi)\\s*(?:nam\\s*)?${YEAR})?`, 'g'), (m) => {
    const y1 = Number(m[1]);
    const y2 = m[2] ? Number(m[2]) : y1;
    if (y2 < y1) return false;
    for (let y = y1; y <= y2; y++) if (!f.years.includes(y)) f.years.push(y);
    f.spans.push(yearSpan(y1, y2));
    if (m[2] || /giai doan/.test(m[0])) addRecurrence(f, 'continuous');
  });

  // Leftovers must be connective words only, or the phrase is not understood.
  const rest = s
    .replace(/[;,.()\-:/+]/g, ' ')
    .replace(
      /\b(?:va|hoac|tu|den|toi|trong|cua|thuc hien|hoan thanh|trien khai|bao cao|ket qua|ket thuc|tong ket|so ket|dot|ngay|thang|quy|nam|truoc|sau|khi|theo|dinh ky|thoi gian|vao|la|han|cham nhat|lien tuc|het|tiep theo|cac|nhung|bat dau|du kien|tu ngay|ke tu|tuy theo|tinh hinh|thuc te|va dot xuat|dot xuat|theo ke hoach|ke hoach|to chuc|duoc giao|nhiem vu|hang|moi)\b/g,
      ' ',
    )
    .trim();
  return matched && rest.length <= 2;
}

function spansToSchedule(spans: Span[], planYear: number): { quarters: number[]; months: number[]; years: number[] } {
  const months = new Set<number>();
  const years = new Set<number>();
  for (const sp of spans) {
    for (let y = sp.from.y; y <= sp.to.y; y++) {
      years.add(y);
      if (y !== planYear) continue;
      const m1 = y === sp.from.y ? sp.from.m : 1;
      const m2 = y === sp.to.y ? sp.to.m : 12;
      for (let m = m1; m <= m2; m++) months.add(m);
    }
  }
  const ms = [...months].sort((a, b) => a - b);
  const qs = [...new Set(ms.map((m) => Math.ceil(m / 3)))].sort((a, b) => a - b);
  return { quarters: qs, months: ms, years: [...years].sort((a, b) => a - b) };
}

const PARSED = new Map<string, TimeParse>();

/** Forget memoized results (the bench measures cold runs). */
export function clearTimeCache(): void {
  PARSED.clear();
}

/** Parse a time phrase (a cell, possibly multi-line). Never throws. */
export function parseTime(input: string, planYear: number): TimeParse {
  const key = `${planYear}|${input}`;
  let r = PARSED.get(key);
  if (!r) {
    r = parseTimeUncached(input, planYear);
    if (PARSED.size > 20_000) PARSED.clear();
    PARSED.set(key, r);
  }
  return r; // results are shared and never mutated
}

function parseTimeUncached(input: string, planYear: number): TimeParse {
  const text = String(input ?? '');
  const lines = splitItems(text).map((i) => i.text);
  const f = emptyFound();
  let okLines = 0;
  let badLines = 0;
  for (const line of lines) {
    const found = readLine(line, planYear);
    if (!found) {
      badLines++;
      continue;
    }
    okLines++;
    if (found.semiannual && found.spans.length === 0) for (const m of [6, 12]) found.spans.push({ from: { y: planYear, m }, to: { y: planYear, m } });
    if (found.annual && found.spans.length === 0 && !found.semiannual) found.spans.push(yearSpan(planYear, planYear));
    if (found.deadline && !found.recurrence) found.recurrence = 'once';
    f.spans.push(...found.spans);
    if (found.deadline && (!f.deadline || iso(found.deadline) > iso(f.deadline))) f.deadline = found.deadline;
    if (found.recurrence) addRecurrence(f, found.recurrence);
    for (const y of found.years) if (!f.years.includes(y)) f.years.push(y);
  }
  if (okLines === 0) {
    return { input: text, ok: false, quarters: [], months: [], deadline: null, recurrence: null, years: [planYear] };
  }
  const sched = spansToSchedule(f.spans, planYear);
  const years = sched.years.length ? sched.years : f.years.length ? f.years.sort((a, b) => a - b) : [planYear];
  const result: TimeParse = {
    input: text,
    ok: true,
    quarters: sched.quarters,
    months: sched.months,
    deadline: f.deadline ? iso(f.deadline) : null,
    recurrence: f.recurrence,
    years,
  };
  if (badLines > 0) result.unreadableLines = lines.filter((l) => !readLine(l, planYear));
  return result;
}

/** One line; a remark in parentheses that is not a schedule ("(trước ngày 20 của tháng cuối quý)") is dropped. */
function readLine(line: string, planYear: number): Found | null {
  const found = emptyFound();
  if (parseLine(foldKey(line), planYear, found)) return found;
  if (!/\(.*\)/.test(line)) return null;
  const bare = emptyFound();
  return parseLine(foldKey(line.replace(/\([^()]*\)/g, ' ')), planYear, bare) ? bare : null;
}

function emptyFound(): Found {
  return { spans: [], deadline: null, recurrence: null, years: [], semiannual: false };
}

/** Find the plan year in title text ("… NĂM 2024", "năm 2018"). */
export function findPlanYear(texts: string[]): number | null {
  for (const t of texts) {
    const m = foldKey(t).match(/\bnam ((?:19|20)\d{2})\b/);
    if (m) return Number(m[1]);
  }
  return null;
}
