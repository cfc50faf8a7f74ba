// Pieces of pattern shared by several parsers (over folded text: lower case, no diacritics).
import { fullYear, validDate } from '../calendar';
import type { YMD } from '../types';

export const YEAR = '((?:19|20)\\d{2})';
export const QUARTER = '(iv|iii|ii|i|[1-4])';
/** A written date: "15/01/2024", "15/6", "01.7.2023", "15 tháng 12", "ngày 15 tháng 5 năm 2026". */
export const DATE =
  '\\d{1,2}(?:\\s*/\\s*|\\.|-|\\s+thang\\s+)\\d{1,2}(?:(?:/|\\.|-)(?:(?:19|20)\\d{2}|\\d{2}(?![\\d/.]))|\\s*/\\s*(?:19|20)\\d{2}|\\s+nam\\s+(?:19|20)\\d{2})?(?!\\d)';

/** Read a token matched by DATE; null when it is no calendar day ("31/2"). */
export function readDate(token: string, fallbackYear: number): { date: YMD; hasYear: boolean } | null {
  const n = token.match(/\d+/g) ?? [];
  if (n.length < 2) return null;
  const date = { d: Number(n[0]), m: Number(n[1]), y: fullYear(n[2], fallbackYear) };
  return validDate(date) ? { date, hasYear: n.length > 2 } : null;
}
