// A deadline day: "trước ngày 15/01/2024", "chậm nhất vào ngày 20/11", "Chậm nhất là ngày 01
// tháng 01 năm 2027", "trước ngày 15 tháng 12", and a bare "31/12/2025" in a deadline column.
import type { Parser } from '../types';
import { DATE, readDate } from './shared';

export const dateParser: Parser = {
  name: 'date',
  pattern: new RegExp(`(?:\\b(truoc|cham nhat|han chot|muon nhat|den het|den|toi|trong|vao)\\s+(?:(?:la|vao|trong)\\s+)?)?(?:\\b(ngay)\\s*)?(${DATE})`, 'g'),
  extract(ctx, m) {
    const read = readDate(m[3], ctx.planYear);
    if (!read) return null;
    // a bare "3-5" or "15/6" is no date; "15/6/2024" alone is
    if (!m[1] && !m[2] && !(read.hasYear && /\//.test(m[3]))) return null;
    return { kind: 'date', by: this.name, start: m.index, end: m.index + m[0].length, date: read.date, before: m[1] === 'truoc' };
  },
};
