// Accuracy of the agency recogniser on real text: test/fixtures/real/agency_mentions.tsv (406
// mentions from published plans of 35 provinces and central tables, each with its source_url).
import { formatScore, share } from './tsv';
import { extraMasters, extraMentionCases, indexCache, mastersOf, realMentionCases, scoreBaseline, scoreMentions } from './agency-score';
import { buildIndex } from '../../src/core/agencies/match';
import { builtinMasterList } from '../../src/core/agencies/builtin';
import { fuseBaseline, jaccardBaseline } from '../fixtures/baselines';

describe('agency mentions of real plans', () => {
  const cases = realMentionCases();
  const master = mastersOf(cases);
  test('agency_mentions.tsv: ≥ 97 % right, 0 confidently wrong; baselines measured in the same run', () => {
    expect(cases.length).toBe(406);
    const s = scoreMentions(cases, indexCache(master));
    const lines = [
      formatScore('Phân công', s.all),
      ...[...s.byPhenomenon].map(([p, sc]) => formatScore(`  ${p}`, sc)),
      formatScore('Jaccard ≥ 0.8', scoreBaseline(cases, master, jaccardBaseline)),
      formatScore('Fuse.js defaults', scoreBaseline(cases, master, fuseBaseline)),
      ...s.misses,
    ];
    console.log(lines.join('\n'));
    expect({ share: share(s.all.right, s.all.total), atLeast97: s.all.right / s.all.total >= 0.97 }).toMatchObject({ atLeast97: true });
    expect(s.all.wrong).toBe(0);
  });
  test('the built-in list is not what is measured here', () => {
    expect(buildIndex(builtinMasterList()).master.origin).toBe('builtin');
  });
});

describe('more lead and co-agency cells of the real tables (expectations ours)', () => {
  test('agency_cells_extra.tsv: ≥ 97 % right, 0 confidently wrong', () => {
    const real = realMentionCases();
    const cases = extraMentionCases();
    expect(cases.length).toBeGreaterThanOrEqual(200);
    const known = new Set(real.map((c) => c.mention));
    expect(cases.filter((c) => known.has(c.mention))).toEqual([]);
    const master = extraMasters(cases, real);
    const s = scoreMentions(cases, indexCache(master));
    console.log([formatScore('Phân công', s.all), ...[...s.byPhenomenon].map(([p, sc]) => formatScore(`  ${p}`, sc)), formatScore('Jaccard ≥ 0.8', scoreBaseline(cases, master, jaccardBaseline)), formatScore('Fuse.js defaults', scoreBaseline(cases, master, fuseBaseline)), ...s.misses].join('\n'));
    expect(s.all.right / s.all.total).toBeGreaterThanOrEqual(0.97);
    expect(s.all.wrong).toBe(0);
  });
});
