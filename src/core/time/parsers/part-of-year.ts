// Parts of a year: "6 tháng đầu năm", "4 tháng đầu năm 2026", "6 tháng cuối năm", "Cả năm",
// "Cuối năm", "Đầu năm 2024", "trong năm" (the plan year when no year follows).
import { endOfMonth, lastDay, monthIndex } from '../calendar';
import type { PeriodComponent, Parser } from '../types';
import { YEAR } from './shared';

const WORD_NUMBER: Record<string, number> = { hai: 2, ba: 3, bon: 4, sau: 6, chin: 9 };

export const partOfYearParser: Parser = {
  name: 'part-of-year',
  pattern: new RegExp(
    `\\b(?:(0?[1-9]|1[01]|hai|ba|bon|sau|chin)\\s+thang\\s+(dau|cuoi)\\s+nam|(ca|cuoi|dau)\\s+nam|trong\\s+nam(?=\\s*(?:$|[,;.)])))(?:\\s*(?:/|nam)?\\s*${YEAR})?(?!\\d)`,
    'g',
  ),
  extract(ctx, m) {
    const y = m[4] ? Number(m[4]) : ctx.planYear;
    const base = { kind: 'period' as const, by: this.name, start: m.index, end: m.index + m[0].length };
    let parts: PeriodComponent[];
    if (m[1]) {
      const n = WORD_NUMBER[m[1]] ?? Number(m[1]);
      const first = m[2] === 'dau' ? 1 : 13 - n;
      const last = m[2] === 'dau' ? n : 12;
      parts = [{ ...base, intervals: [{ from: monthIndex(y, first), to: monthIndex(y, last) }], deadline: endOfMonth(monthIndex(y, last)) }];
    } else if (m[3] === 'dau') {
      // "Đầu năm": the first quarter; no day is named
      parts = [{ ...base, intervals: [{ from: monthIndex(y, 1), to: monthIndex(y, 3) }], deadline: null }];
    } else if (m[3] === 'cuoi') {
      parts = [{ ...base, intervals: [{ from: monthIndex(y, 10), to: monthIndex(y, 12) }], deadline: { y, m: 12, d: lastDay(y, 12) } }];
    } else {
      // "Cả năm", "trong năm": the whole year, worked on throughout ("Trong năm 2024" is the year parser's)
      parts = [{ ...base, intervals: [{ from: monthIndex(y, 1), to: monthIndex(y, 12) }], deadline: { y, m: 12, d: 31 }, recurrence: 'continuous' }];
    }
    return parts;
  },
};
