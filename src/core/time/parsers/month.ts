// Months: "Tháng 12/2026", "tháng 4.2025", "Tháng 3-5/2024", "Tháng 9 - 12/2024",
// "Từ tháng 4 đến tháng 6", "tháng 3, 4", "trong tháng 5 năm 2026", "trước tháng 9".
// Not "15 tháng 12" (a day: the date parser's).
import { endOfMonth, expand, monthIndex } from '../calendar';
import type { Parser } from '../types';
import { YEAR } from './shared';

export const monthParser: Parser = {
  name: 'month',
  pattern: new RegExp(
    `(?<!\\d\\s{0,3})\\b(?:(truoc|trong|hoan thanh(?:\\s+trong)?|den het|den)\\s+)?thang\\s*(\\d{1,2})(?!\\d)((?:\\s*(?:,|\\bva\\b|\\bhoac\\b|-|\\bden\\b|\\btoi\\b)\\s*(?:thang\\s*)?\\d{1,2}(?!\\d))*)(?:\\s*(?:/|\\.|-|\\bnam\\b)\\s*${YEAR})?(?!\\d)`,
    'g',
  ),
  extract(ctx, m) {
    const first = Number(m[2]);
    const rest = (m[3].match(/\d{1,2}/g) ?? []).map(Number);
    const all = [first, ...rest];
    if (all.some((x) => x < 1 || x > 12)) return null;
    const y = m[4] ? Number(m[4]) : ctx.planYear;
    const isRange = rest.length === 1 && /-|den|toi/.test(m[3]);
    if (isRange && rest[0] < first) return null;
    const months = isRange ? expand(first, rest[0]) : all;
    const base = { by: this.name, start: m.index, end: m.index + m[0].length };
    const last = Math.max(...months);
    if (m[1] === 'truoc') return { ...base, kind: 'date', date: { y, m: last, d: 1 }, before: true };
    const named = Boolean(m[4] || m[1]); // "Tháng 12/2024", "hoàn thành trong tháng 9": the end of the month
    return {
      ...base,
      kind: 'period',
      intervals: months.map((x) => ({ from: monthIndex(y, x), to: monthIndex(y, x) })),
      deadline: named ? endOfMonth(monthIndex(y, last)) : null,
      range: isRange,
    };
  },
};
