// Years and periods: "Năm 2026", "2026", "2026 - 2030", "Giai đoạn 2026 - 2030", "Từ năm 2024
// đến năm 2025", "Trong năm 2024 - 2025", "Trước năm 2025", "sau năm 2028". A year written
// inside a document number ("91/2025/QH15", "45/2025/NĐ-CP") is not read.
import { monthIndex } from '../calendar';
import type { Parser } from '../types';
import { YEAR } from './shared';

export const yearParser: Parser = {
  name: 'year',
  pattern: new RegExp(
    `(?:\\b(truoc|sau)\\s+)?(?:\\b(?:giai doan|nam hoc|nam)\\s*)?(?<![\\d/.\\-])${YEAR}(?:\\s*(?:-|\\bden\\b|\\btoi\\b)\\s*(?:nam\\s*)?${YEAR})?(?![\\d/]|\\.\\d|-[a-z])`,
    'g',
  ),
  extract(ctx, m) {
    const y1 = Number(m[2]);
    const y2 = m[3] ? Number(m[3]) : y1;
    if (y2 < y1) return null;
    const base = { by: this.name, start: m.index, end: m.index + m[0].length };
    if (m[1] === 'truoc') return { ...base, kind: 'date', date: { y: y2, m: 1, d: 1 }, before: true };
    if (m[1] === 'sau') return { ...base, kind: 'period', intervals: [{ from: monthIndex(y2 + 1, 1), to: Infinity }], deadline: null, open: true };
    return { ...base, kind: 'period', intervals: [{ from: monthIndex(y1, 1), to: monthIndex(y2, 12) }], deadline: { y: y2, m: 12, d: 31 }, range: y2 > y1 };
  },
};
