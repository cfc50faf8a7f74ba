// Dev-only: time each stage of the core on the bench appendix (not part of npm run bench).
import { buildIndex } from '../src/core/agencies/match';
import { planGeneration, subjectFromTitles, attachedFromTitles } from '../src/core/generate';
import { planQuarters } from '../src/core/quarters';
import { detectTable, readTasks } from '../src/core/table';
import { validate } from '../src/core/validate';
import { appendixForBench, cold, masterForBench, median } from './fixture';

const master = masterForBench(80);
const rows = appendixForBench(master, 2000);
const grid = { sheet: 'Phụ lục', values: rows, top: 1, left: 1, merges: [], errors: [] };
const acc: Record<string, number[]> = {};
for (let i = 0; i < (Number(process.env.N) || 15); i++) {
  cold();
  const t: [string, number][] = [];
  let t0 = performance.now();
  const lap = (k: string) => { const n = performance.now(); t.push([k, n - t0]); t0 = n; };
  const det = detectTable(grid); lap('detect');
  const idx = buildIndex(master, 'Đồng Nai'); lap('index');
  const read = readTasks(grid, det.table!, idx, { planYear: 2024 }); lap('read');
  const issues = validate({ tasks: read.tasks, table: det.table!, idx, planYear: 2024 }, read.issues, {}); lap('validate');
  planQuarters(grid, det.table!, read.tasks); lap('quarters');
  planGeneration(read.tasks, idx, { planYear: 2024, subject: subjectFromTitles([]), attachedTo: attachedFromTitles([]), expandCollectives: true, expandOnlyNamed: false, userSheetNames: ['Phụ lục'], previousNames: {}, carryOver: {}, issues }); lap('generate');
  for (const [k, v] of t) (acc[k] ??= []).push(v);
}
let tot = 0;
for (const [k, v] of Object.entries(acc)) { tot += median(v); console.log(k.padEnd(10), median(v).toFixed(1), 'ms  runs', v.slice(0, 8).map((x) => x.toFixed(0)).join(' ')); }
console.log('total', tot.toFixed(1));
