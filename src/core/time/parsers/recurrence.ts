// Recurring and continuous work: "Hằng năm", "hàng tháng, quý", "Định kỳ hằng quý", "hàng tuần,
// tháng", "Thường xuyên, liên tục", "định kỳ 6 tháng", "6 tháng một lần". Not "hằng quý I".
import type { Recurrence } from '../../schemas';
import type { Parser } from '../types';
import { RECURRENCE_RANK } from '../rank';

const UNIT: Record<string, Recurrence> = { ngay: 'continuous', tuan: 'continuous', thang: 'monthly', quy: 'quarterly', nam: 'annual' };
const UNIT_WORD = '(?:ngay|tuan|thang|quy|nam)(?!\\s*(?:iv|iii|ii|i|[1-4])(?![a-z\\d]))(?![a-z])';

export const recurrenceParser: Parser = {
  name: 'recurrence',
  pattern: new RegExp(
    [
      `\\b(?:dinh ky\\s+)?(?:hang|moi)\\s+${UNIT_WORD}(?:\\s*,\\s*(?:hang\\s+)?${UNIT_WORD})*`,
      `\\bdinh ky\\s+${UNIT_WORD}`,
      `\\bdinh ky\\s+(?:0?6|sau)\\s+thang(?:\\s*(?:/|mot)\\s*lan)?`,
      `\\b(?:0?6|sau)\\s+thang\\s*(?:/|mot)\\s*lan`,
      `\\bnua nam\\s*(?:/|mot)\\s*lan`,
      // "chi thường xuyên" is recurrent spending, not a schedule
      `(?<!\\bchi\\s)\\b(?:thuong xuyen|lien tuc|quanh nam|suot nam)\\b`,
    ].join('|'),
    'g',
  ),
  extract(_ctx, m) {
    const t = m[0];
    let recurrence: Recurrence;
    if (/thuong xuyen|lien tuc|quanh nam|suot nam/.test(t)) recurrence = 'continuous';
    else if (/(?:^|\s)(?:0?6|sau)\s+thang|nua nam/.test(t)) recurrence = 'semiannual';
    else {
      const units = t.match(/ngay|tuan|thang|quy|nam/g) ?? [];
      recurrence = units.map((u) => UNIT[u]).sort((a, b) => RECURRENCE_RANK.indexOf(a) - RECURRENCE_RANK.indexOf(b))[0];
    }
    return { kind: 'recurrence', by: this.name, start: m.index, end: m.index + t.length, recurrence };
  },
};
