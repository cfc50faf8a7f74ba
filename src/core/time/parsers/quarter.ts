// Quarters: "Quý II, III", "Quý II,III", "quý I/2024", "Quý IV2026", "trong quý I.2020",
// "Quý IV/ 2026", "quý II năm 2026", "Quý III-IV/2022", "quý I đến quý III", "Q3".
import { endOfMonth, expand, quarterInterval, quarterNumber } from '../calendar';
import type { Parser } from '../types';
import { QUARTER, YEAR } from './shared';

export const quarterParser: Parser = {
  name: 'quarter',
  pattern: new RegExp(
    `\\b(?:quy|q(?=[1-4]))\\s*${QUARTER}(?![a-z])((?:\\s*(?:,|;|\\bva\\b|\\bhoac\\b|-|\\bden\\b|\\btoi\\b)\\s*(?:quy\\s*)?(?:iv|iii|ii|i|[1-4])(?![a-z\\d]))*)(?:\\s*(?:/|\\.|-|\\bnam\\b)?\\s*${YEAR})?(?!\\d)`,
    'g',
  ),
  extract(ctx, m) {
    const first = quarterNumber(m[1]);
    if (first === null) return null;
    const rest = (m[2].replace(/quy|va|hoac|den|toi/g, ' ').match(/\b(?:iv|iii|ii|i|[1-4])\b/g) ?? []).map(quarterNumber);
    if (rest.some((q) => q === null)) return null;
    const listed = [first, ...(rest as number[])];
    const isRange = listed.length === 2 && /-|den|toi/.test(m[2]);
    if (isRange && listed[1] < first) return null;
    const quarters = isRange ? expand(first, listed[1]) : listed;
    const y = m[3] ? Number(m[3]) : ctx.planYear;
    const intervals = quarters.map((q) => quarterInterval(y, q));
    return {
      kind: 'period',
      by: this.name,
      start: m.index,
      end: m.index + m[0].length,
      intervals,
      // the contract: "Quý III/2024" → 2024-09-30, "Quý II, III" → no deadline
      deadline: m[3] ? endOfMonth(Math.max(...intervals.map((i) => i.to))) : null,
      range: isRange,
    };
  },
};
