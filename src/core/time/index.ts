// Time phrases ("Thời gian thực hiện") → quarters, months, deadline, recurrence, built the way
// wanasit/chrono reads dates: small parsers (./parsers, one pattern each) find components with
// their spans, refiners (./refiners) merge them, and ./configuration.ts lists both in order.
// Semantics: docs/CONTRACTS.md (parse-time).
import { foldKey, normalizeText, splitItems, cellHasBullets } from '../text';
import type { Recurrence, TimeParse, TimeSpan } from '../schemas';
import { compareYMD, dateInterval, iso, monthIndex, yearOf } from './calendar';
import { PARSERS, REFINERS } from './configuration';
import { createContext } from './context';
import { betterRecurrence } from './rank';
import type { Component, Context, Interval, YMD } from './types';
import { unreadPieces } from './unread';

const TAKEN = '\u0001';

function mask(s: string, start: number, end: number): string {
  return s.slice(0, start) + TAKEN.repeat(end - start) + s.slice(end);
}

/** Run every parser over `source` (the folded text with some parts taken out). */
function runParsers(ctx: Context, source: string): Component[] {
  let s = source;
  const found: Component[] = [];
  for (const parser of PARSERS) {
    const re = new RegExp(parser.pattern.source, parser.pattern.flags);
    const mine: Component[] = [];
    for (let m = re.exec(s); m; m = re.exec(s)) {
      if (m[0] === '') {
        re.lastIndex++;
        continue;
      }
      const got = parser.extract(ctx, m);
      if (got) mine.push(...(Array.isArray(got) ? got : [got]));
    }
    for (const c of mine) s = mask(s, c.start, c.end);
    found.push(...mine);
  }
  return found.sort((a, b) => a.start - b.start || a.end - b.end);
}

/** Top-level parenthesised remarks: "(trước ngày 15/6)", "(theo yêu cầu của cấp có thẩm quyền)". */
function parentheses(text: string): { start: number; end: number }[] {
  const groups: { start: number; end: number }[] = [];
  let depth = 0;
  let open = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '(') {
      if (depth === 0) open = i;
      depth++;
    } else if (text[i] === ')' && depth > 0) {
      depth--;
      if (depth === 0) groups.push({ start: open, end: i + 1 });
    }
  }
  return groups;
}

export interface Reading {
  components: Component[];
  unread: string[];
}

/** The components of one line of text, refined (for tests and for showing what was understood). */
export function readPhrase(text: string, planYear: number): Reading {
  return readLine(createContext(text, planYear));
}

/**
 * One line of a cell: the components outside parentheses; a remark in parentheses counts when it
 * is a schedule and nothing else ("định kỳ 6 tháng (trước ngày 15/6)"), or when nothing outside
 * is ("Theo kế hoạch (quý III/2026)"); otherwise it is unread ("Năm 2026 (sau khi Chính phủ ban hành …)").
 */
function readLine(ctx: Context): Reading {
  const groups = parentheses(ctx.text);
  let outside = ctx.folded;
  for (const g of groups) outside = mask(outside, g.start, g.end);
  let components = runParsers(ctx, outside);
  const taken: { start: number; end: number }[] = [];
  for (const g of groups) {
    let inside = TAKEN.repeat(g.start + 1) + ctx.folded.slice(g.start + 1, g.end - 1);
    inside += TAKEN.repeat(ctx.folded.length - inside.length);
    const inner = runParsers(ctx, inside);
    if (inner.length === 0) continue;
    const innerUnread = unreadPieces(ctx.text.slice(g.start + 1, g.end - 1), ctx.folded.slice(g.start + 1, g.end - 1), inner.map((c) => ({ start: c.start - g.start - 1, end: c.end - g.start - 1 })));
    if (components.length === 0 || innerUnread.length === 0) {
      components.push(...inner);
      taken.push({ start: g.start, end: g.start + 1 }, { start: g.end - 1, end: g.end });
    }
  }
  components.sort((a, b) => a.start - b.start);
  for (const r of REFINERS) components = r.refine(ctx, components);
  return { components, unread: unreadPieces(ctx.text, ctx.folded, [...taken, ...components]) };
}

interface Schedule {
  intervals: Interval[];
  deadline: YMD | null;
  recurrence: Recurrence | null;
}

function schedule(components: Component[], planYear: number): Schedule {
  const whole = { from: monthIndex(planYear, 1), to: monthIndex(planYear, 12) };
  const intervals: Interval[] = [];
  let deadline: YMD | null = null;
  let recurrence: Recurrence | null = null;
  let range = false;
  const later = (d: YMD | null): void => {
    if (d && (!deadline || compareYMD(d, deadline) > 0)) deadline = d;
  };
  for (const c of components) {
    if (c.kind === 'period') {
      intervals.push(...c.intervals);
      if (!c.open) later(c.deadline);
      range ||= Boolean(c.range);
      if (c.recurrence) recurrence = betterRecurrence(recurrence, c.recurrence);
    } else if (c.kind === 'date') {
      intervals.push(dateInterval(c.date, c.before));
      later(c.date);
    }
  }
  const dated = intervals.length > 0;
  for (const c of components) {
    if (c.kind !== 'recurrence') continue;
    recurrence = betterRecurrence(recurrence, c.recurrence);
    if (c.recurrence === 'continuous') intervals.push(c.from === undefined ? whole : { from: c.from, to: Infinity });
    else if (c.recurrence === 'monthly' || c.recurrence === 'quarterly') intervals.push(whole);
  }
  // "Quý IV hằng năm", "định kỳ 6 tháng (trước ngày 15/6)": the dated part says when in the year;
  // "Định kỳ 6 tháng, hằng năm": the six-monthly reports say it
  const kinds = new Set(components.map((c) => (c.kind === 'recurrence' ? c.recurrence : null)));
  if (!dated && kinds.has('semiannual')) intervals.push({ from: whole.from + 5, to: whole.from + 5 }, { from: whole.to, to: whole.to });
  else if (!dated && kinds.has('annual')) intervals.push(whole);
  if (!recurrence && deadline && !range) recurrence = 'once';
  return { intervals, deadline, recurrence };
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
    r = parseTimeUncached(String(input ?? ''), planYear);
    if (PARSED.size > 20_000) PARSED.clear();
    PARSED.set(key, r);
  }
  return r; // results are shared and never mutated
}

/**
 * The lines read one by one: bullets of a multi-line cell are separate items ("- Quý III\n- Cả
 * năm"); lines without bullets are one phrase wrapped ("Năm\n2026 - 2027").
 */
function linesOf(text: string): string[] {
  if (cellHasBullets(text)) return splitItems(text).map((i) => i.text);
  const one = normalizeText(text).replace(/\s*\n\s*/g, ' ').trim();
  return one ? [one] : [];
}

function parseTimeUncached(text: string, planYear: number): TimeParse {
  const months = new Set<number>();
  const years = new Set<number>();
  let deadline: YMD | null = null;
  let recurrence: Recurrence | null = null;
  const spans: TimeSpan[] = [];
  const unread: string[] = [];
  const unreadableLines: string[] = [];
  const source = text.normalize('NFC');
  let cursor = 0;
  const lines = linesOf(text);
  for (const line of lines) {
    const ctx = createContext(line, planYear);
    const reading = readLine(ctx);
    const offset = source.indexOf(ctx.text, cursor);
    if (offset >= 0) cursor = offset + ctx.text.length;
    if (reading.components.length === 0) {
      unreadableLines.push(line);
      continue;
    }
    unread.push(...reading.unread);
    for (const c of reading.components) {
      const span: TimeSpan = { kind: c.kind, text: ctx.text.slice(c.start, c.end) };
      if (offset >= 0) Object.assign(span, { start: offset + c.start, end: offset + c.end });
      spans.push(span);
    }
    const s = schedule(reading.components, planYear);
    for (const iv of s.intervals) {
      const lastYear = iv.to === Infinity ? Math.max(yearOf(iv.from), planYear) : yearOf(iv.to);
      for (let y = yearOf(iv.from); y <= lastYear; y++) years.add(y);
      const lo = Math.max(iv.from, monthIndex(planYear, 1));
      const hi = Math.min(iv.to, monthIndex(planYear, 12));
      for (let i = lo; i <= hi; i++) months.add((i % 12) + 1);
    }
    if (s.deadline && (!deadline || compareYMD(s.deadline, deadline) > 0)) deadline = s.deadline;
    if (s.recurrence) recurrence = betterRecurrence(recurrence, s.recurrence);
  }
  const ok = unreadableLines.length < lines.length;
  const ms = [...months].sort((a, b) => a - b);
  const result: TimeParse = {
    input: text,
    ok,
    quarters: ok ? [...new Set(ms.map((m) => Math.ceil(m / 3)))] : [],
    months: ok ? ms : [],
    deadline: ok && deadline ? iso(deadline) : null,
    recurrence: ok ? recurrence : null,
    years: ok && years.size ? [...years].sort((a, b) => a - b) : [planYear],
    spans,
    unread,
  };
  if (ok && unreadableLines.length > 0) result.unreadableLines = unreadableLines;
  return result;
}

/**
 * Find the plan year in title text ("… NĂM 2024", "năm 2018"). A horizon is never it ("tầm nhìn đến năm
 * 2045", "đến năm 2030"), nor is a document's date while a title names its year; a period gives its first
 * year ("giai đoạn 2026 - 2030"); the date the plan was signed ("ngày 19 tháng 11 năm 2025") comes last.
 */
export function findPlanYear(texts: string[]): number | null {
  const folded = texts.map((t) => foldKey(t));
  const DATE = /ngay \d{1,2} thang \d{1,2} nam ((?:19|20)\d{2})\b/g;
  const HORIZON = /(?:tam nhin|dinh huong)?\s*(?:den|toi)\s+nam ((?:19|20)\d{2})\b|tam nhin (?:den |toi )?nam ((?:19|20)\d{2})\b/g;
  for (const f of folded) {
    const m = f.replace(DATE, ' ').replace(HORIZON, ' ').replace(/giai doan (?:nam )?(?:19|20)\d{2}\s*-\s*(?:nam )?(?:19|20)\d{2}/g, ' ').match(/\bnam ((?:19|20)\d{2})\b/);
    if (m) return Number(m[1]);
  }
  for (const f of folded) {
    const m = /giai doan (?:nam )?((?:19|20)\d{2})\s*-\s*(?:nam )?(?:19|20)\d{2}\b/.exec(f);
    if (m) return Number(m[1]);
  }
  for (const f of folded) {
    const m = /ngay \d{1,2} thang \d{1,2} nam ((?:19|20)\d{2})\b|ngay \d{1,2}\/\d{1,2}\/((?:19|20)\d{2})\b/.exec(f);
    if (m) return Number(m[1] ?? m[2]);
  }
  // a plan "đến năm 2025" with nothing else: its last year is still one of its years (a vision's never is)
  for (const f of folded) {
    const m = /(?<!tam nhin |dinh huong )(?:den|toi) nam ((?:19|20)\d{2})\b/.exec(f.replace(/(?:tam nhin|dinh huong) (?:den |toi )?nam (?:19|20)\d{2}/g, ' '));
    if (m) return Number(m[1]);
  }
  return null;
}
