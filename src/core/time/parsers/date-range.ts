// "từ ngày 01/01 - 31/3", "Từ 01/01 đến 31/12", "từ ngày 11 – 15/11/2023",
// "từ ngày 01/7/2023 đến hết ngày 30/6/2024". Read before single dates so that "31" in
// "01/01 - 31/3" is a day, not a year.
import { compareYMD, monthIndex } from '../calendar';
import type { Parser, YMD } from '../types';
import { DATE, readDate } from './shared';

export const dateRangeParser: Parser = {
  name: 'date-range',
  pattern: new RegExp(`(?:\\b(tu)\\s+)?(?:\\b(ngay)\\s*)?(${DATE}|\\d{1,2})\\s*(?:-|\\bden(?:\\s+het)?\\b|\\btoi\\b)\\s*(?:ngay\\s*)?(${DATE})`, 'g'),
  extract(ctx, m) {
    const end = readDate(m[4], ctx.planYear);
    if (!end) return null;
    const startToken = m[3];
    const dayOnly = /^\d{1,2}$/.test(startToken);
    const begun = readDate(dayOnly ? `${startToken}/${end.date.m}` : startToken, end.date.y);
    if (!begun) return null;
    // without "từ" or "ngày" two bare dates need their years to read as a range
    if (!m[1] && !m[2] && !(begun.hasYear && end.hasYear)) return null;
    let from: YMD = begun.date;
    if (!begun.hasYear && compareYMD(from, end.date) > 0) from = { ...from, y: from.y - 1 };
    if (compareYMD(from, end.date) > 0) return null;
    return {
      kind: 'period',
      by: this.name,
      start: m.index,
      end: m.index + m[0].length,
      intervals: [{ from: monthIndex(from.y, from.m), to: monthIndex(end.date.y, end.date.m) }],
      deadline: end.date,
      range: true,
    };
  },
};
