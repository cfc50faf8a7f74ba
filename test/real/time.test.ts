// Accuracy of the time parser on real text: test/fixtures/real/time_phrases.tsv (152 phrases
// from published plans, each row with its source_url) and time_cells_extra.tsv (time cells of
// the real tables and prose in test/fixtures/real, expectations ours).
import { formatScore } from './tsv';
import { corpusCases, extraCases, scoreTime } from './time-score';

describe('time phrases of real plans', () => {
  test('time_phrases.tsv: ≥ 98 % quarters, ≥ 95 % deadlines, no confidently wrong quarter', () => {
    const cases = corpusCases();
    expect(cases.length).toBe(152);
    const s = scoreTime(cases);
    console.log([formatScore('quarters', s.quarters), formatScore('deadlines', s.deadlines), ...s.misses].join('\n'));
    expect({ q: s.quarters.right / s.quarters.total >= 0.98, d: s.deadlines.right / s.deadlines.total >= 0.95, misses: s.misses.length <= 3 ? [] : s.misses }).toEqual({ q: true, d: true, misses: [] });
    expect(s.quarters.wrong).toBe(0);
  });
});

describe('time cells of the real tables and prose (expectations ours)', () => {
  test('time_cells_extra.tsv: ≥ 98 % quarters, ≥ 95 % deadlines, no confidently wrong quarter', () => {
    const cases = extraCases();
    expect(cases.length).toBeGreaterThanOrEqual(100);
    expect(new Set(cases.map((c) => c.phrase)).size).toBe(cases.length);
    const corpus = new Set(corpusCases().map((c) => c.phrase));
    expect(cases.filter((c) => corpus.has(c.phrase))).toEqual([]);
    const s = scoreTime(cases);
    console.log([formatScore('quarters', s.quarters), formatScore('deadlines', s.deadlines), ...s.misses].join('\n'));
    expect({ q: s.quarters.right / s.quarters.total >= 0.98, d: s.deadlines.right / s.deadlines.total >= 0.95 }).toEqual({ q: true, d: true });
    expect(s.quarters.wrong).toBe(0);
  });
});
