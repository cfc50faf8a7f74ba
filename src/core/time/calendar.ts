// Calendar arithmetic on plain numbers (no Date objects cross the module boundary).
import type { Interval, YMD } from './types';

export const ROMAN: Readonly<Record<string, number>> = { i: 1, ii: 2, iii: 3, iv: 4 };

export function monthIndex(y: number, m: number): number {
  return y * 12 + (m - 1);
}

export function yearOf(index: number): number {
  return Math.floor(index / 12);
}

export function lastDay(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

export function endOfMonth(index: number): YMD {
  const y = yearOf(index);
  const m = (index % 12) + 1;
  return { y, m, d: lastDay(y, m) };
}

export function validDate(d: YMD): boolean {
  return d.y >= 1900 && d.y <= 2200 && d.m >= 1 && d.m <= 12 && d.d >= 1 && d.d <= lastDay(d.y, d.m);
}

export function prevDay(d: YMD): YMD {
  const t = new Date(Date.UTC(d.y, d.m - 1, d.d) - 86400000);
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

export function iso(d: YMD): string {
  return `${d.y}-${String(d.m).padStart(2, '0')}-${String(d.d).padStart(2, '0')}`;
}

export function compareYMD(a: YMD, b: YMD): number {
  return a.y - b.y || a.m - b.m || a.d - b.d;
}

/** Two-digit years are of this century: "15/6/24" → 2024. */
export function fullYear(s: string | undefined, fallback: number): number {
  if (!s) return fallback;
  return s.length === 2 ? 2000 + Number(s) : Number(s);
}

export function quarterNumber(token: string): number | null {
  if (Object.hasOwn(ROMAN, token)) return ROMAN[token];
  const n = Number(token);
  return Number.isInteger(n) && n >= 1 && n <= 4 ? n : null;
}

export function quarterInterval(y: number, q: number): Interval {
  return { from: monthIndex(y, q * 3 - 2), to: monthIndex(y, q * 3) };
}

export function yearInterval(y1: number, y2 = y1): Interval {
  return { from: monthIndex(y1, 1), to: monthIndex(y2, 12) };
}

/** The month of the last allowed day of a deadline. */
export function dateInterval(date: YMD, before: boolean): Interval {
  const last = before ? prevDay(date) : date;
  const i = monthIndex(last.y, last.m);
  return { from: i, to: i };
}

/** A range from..to over list items, expanded: [2, 4] → 2, 3, 4. */
export function expand(first: number, last: number): number[] {
  const out: number[] = [];
  for (let x = first; x <= last; x++) out.push(x);
  return out;
}
