// Scores the time parser on real time cells: quarters and deadlines, right / no answer / wrong.
import { parseTime } from '../../src/core/time';
import type { Score } from './tsv';

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
