// Scores the time parser on real time cells: quarters and deadlines, right / no answer / wrong.
import { parseTime } from '../../src/core/time';
import { readTsv, type Score } from './tsv';

export interface TimeCase {
  phrase: string;
  year: number;
  quarters: number[];
  deadline: string | null;
  /** Why our expectation differs from the fixture's, when it does. */
  note?: string;
}

export interface TimeScore {
  quarters: Score;
  deadlines: Score;
  misses: string[];
}

export function scoreTime(cases: readonly TimeCase[]): TimeScore {
  const q: Score = { total: cases.length, right: 0, none: 0, wrong: 0 };
  const d: Score = { total: cases.length, right: 0, none: 0, wrong: 0 };
  const misses: string[] = [];
  for (const c of cases) {
    const r = parseTime(c.phrase, c.year);
    const got = r.ok ? r.quarters : [];
    const qRight = JSON.stringify(got) === JSON.stringify(c.quarters);
    if (qRight) q.right++;
    else if (!r.ok || got.length === 0) q.none++;
    else q.wrong++;
    const dRight = r.deadline === c.deadline;
    if (dRight) d.right++;
    else if (r.deadline === null) d.none++;
    else d.wrong++;
    if (!qRight || !dRight) misses.push(`${JSON.stringify(c.phrase)} (${c.year}): quarters ${JSON.stringify(got)} want ${JSON.stringify(c.quarters)}, deadline ${r.deadline} want ${c.deadline}`);
  }
  return { quarters: q, deadlines: d, misses };
}

/** Rows where the contract's rules decide differently from the fixture's expectation. */
const CONTRACT_WINS: Record<string, Partial<TimeCase>> = {};

export function corpusCases(): TimeCase[] {
  return readTsv('time_phrases.tsv').map((r) => {
    const base: TimeCase = {
      phrase: r.phrase,
      year: Number(r.year_context),
      quarters: r.expected_quarters ? r.expected_quarters.split(',').map(Number) : [],
      deadline: r.expected_deadline || null,
    };
    return { ...base, ...CONTRACT_WINS[r.phrase] };
  });
}

export function extraCases(): TimeCase[] {
  return readTsv('time_cells_extra.tsv').map((r) => ({
    phrase: r.phrase,
    year: Number(r.year),
    quarters: r.quarters ? r.quarters.split(',').map(Number) : [],
    deadline: r.deadline || null,
  }));
}

