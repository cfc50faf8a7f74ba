// The parsers and refiners of a time phrase, in the order they run. Each parser reads only text
// no earlier parser took, so the order settles which reading of a piece of text wins.
import { namedPeriodRefiner } from './refiners/named-period';
import { continuousAfterDeliverableRefiner } from './refiners/continuous-after-deliverable';
import { onwardRefiner } from './refiners/onward';
import { openStartRefiner } from './refiners/open-start';
import { rangeRefiner } from './refiners/range';
import { dateParser } from './parsers/date';
import { dateRangeParser } from './parsers/date-range';
import { monthParser } from './parsers/month';
import { onwardParser } from './parsers/onward';
import { partOfYearParser } from './parsers/part-of-year';
import { quarterParser } from './parsers/quarter';
import { recurrenceParser } from './parsers/recurrence';
import { yearParser } from './parsers/year';
import type { Parser, Refiner } from './types';

export const PARSERS: readonly Parser[] = [
  // "4 tháng đầu năm 2026" before months and years: its "năm 2026" is part of it
  partOfYearParser,
  // "Tháng 3-5/2024" before dates: "3-5/2024" is months, not the 3rd of May
  monthParser,
  // "từ ngày 01/01 - 31/3" before single dates: "31" is a day, not the year 2031
  dateRangeParser,
  dateParser,
  // "Quý IV/2026" before bare years: its year belongs to the quarter
  quarterParser,
  // bare years last among periods: any year a more specific pattern named is taken by then
  yearParser,
  // "định kỳ 6 tháng" after the part-of-year parser took "6 tháng đầu năm"
  recurrenceParser,
  onwardParser,
];

export const REFINERS: readonly Refiner[] = [
  // first: years that name a programme, a horizon or a law are no schedule to join into ranges
  namedPeriodRefiner,
  // ends of a range first: "Từ quý III/2026 đến quý III/2030" is no open start
  rangeRefiner,
  // then "Từ tháng 8/2023" without an end goes on
  openStartRefiner,
  // "Năm 2026 và các năm tiếp theo"
  onwardRefiner,
  // last: continuous work starts with the deliverable named before it, whatever form that took
  continuousAfterDeliverableRefiner,
];
