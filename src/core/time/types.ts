// Shared shapes of the time-phrase parser: components found in the text and the context they
// are read in. A month is an index `year * 12 + (month - 1)` so ranges across years compare simply.
import type { Recurrence } from '../schemas';

export interface YMD {
  y: number;
  m: number;
  d: number;
}

/** Months `from`..`to` inclusive, as month indexes; `to` is Infinity for an open start ("Từ tháng 8/2023"). */
export interface Interval {
  from: number;
  to: number;
}

interface Base {
  /** Span in the context's text (the NFC form of the input), end exclusive. */
  start: number;
  end: number;
  /** Name of the parser or refiner that made it. */
  by: string;
}

export interface PeriodComponent extends Base {
  kind: 'period';
  intervals: Interval[];
  /** The end of what is named, when the phrase sets one ("Quý III/2024" → 2024-09-30). */
  deadline: YMD | null;
  /** A range read from two ends ("Từ quý III/2026 đến quý III/2030"). */
  range?: boolean;
  /** Starts here and goes on ("Từ tháng 8/2023", "Năm 2026 và các năm tiếp theo"). */
  open?: boolean;
  /** How the period is worked in, when its words say so ("Cả năm": throughout). */
  recurrence?: Recurrence;
}

export interface DateComponent extends Base {
  kind: 'date';
  date: YMD;
  /** "trước ngày X" excludes X: the last allowed day is the day before. */
  before: boolean;
}

export interface RecurrenceComponent extends Base {
  kind: 'recurrence';
  recurrence: Recurrence;
  /** Continuous work that starts with a deliverable named before it (month index). */
  from?: number;
}

/** "và các năm tiếp theo": the period before it goes on. */
export interface OnwardComponent extends Base {
  kind: 'onward';
}

export type Component = PeriodComponent | DateComponent | RecurrenceComponent | OnwardComponent;

export interface Context {
  /** The text read (NFC). */
  text: string;
  /** `text` folded letter for letter (lower case, no diacritics, đ → d, dashes → "-"): same length. */
  folded: string;
  planYear: number;
}

export interface Parser {
  name: string;
  /** A global regular expression over the folded text. */
  pattern: RegExp;
  /** The component for one match, or null to leave the text for later parsers. */
  extract(ctx: Context, match: RegExpExecArray): Component | Component[] | null;
}

export interface Refiner {
  name: string;
  refine(ctx: Context, components: Component[]): Component[];
}
