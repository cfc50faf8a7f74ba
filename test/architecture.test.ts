// The layering is enforced by the linter: these probes must fail it (the real sources pass it in npm test).
// ESLint loads its config with a dynamic import, which jest's VM does not run: it runs in a child.
import { spawnSync } from 'child_process';
import { join } from 'path';

const ROOT = join(__dirname, '..');
const PROBES: [string, string][] = [
  ["import { XlsxWorkbook } from '../adapters/xlsx';\nexport const x = XlsxWorkbook;\n", 'src/taskpane/Probe.tsx'],
  ["export const x = () => import('../../adapters/office');\n", 'src/taskpane/components/Probe.tsx'],
  ["import ExcelJS from 'exceljs';\nexport const x = ExcelJS;\n", 'src/taskpane/useProbe.ts'],
  ["export const x = () => import('../adapters/xlsx');\n", 'src/taskpane/index.tsx'],
  ["import { XlsxWorkbook } from '../adapters/xlsx';\nexport const x = XlsxWorkbook;\n", 'src/core/probe.ts'],
  ['export const x = () => Excel.run(async () => undefined);\n', 'src/app/probe.ts'],
  ['export const x = () => Excel.run(async () => undefined);\n', 'src/taskpane/Probe.tsx'],
  ["import { parseTime } from '../core/time';\nexport const x = parseTime;\n", 'src/taskpane/Probe.tsx'],
  ["import { parseTime } from '../core/time';\nexport const x = parseTime;\n", 'src/cli/main.ts'],
  ["import type { Task } from '../core/schemas';\nexport type X = Task;\n", 'src/cli/output.ts'],
  ["import { XlsxWorkbook } from '../adapters/xlsx';\nexport const x = XlsxWorkbook;\n", 'src/cli/output.ts'],
];

let found: string[][] = [];
beforeAll(() => {
  const script = `
    const { ESLint } = require('eslint');
    const eslint = new ESLint({ cwd: ${JSON.stringify(ROOT)} });
    (async () => {
      const out = [];
      for (const [code, file] of ${JSON.stringify(PROBES)}) {
        const [r] = await eslint.lintText(code, { filePath: require('path').join(${JSON.stringify(ROOT)}, file) });
        out.push(r.messages.filter((m) => m.severity === 2).map((m) => m.message));
      }
      process.stdout.write(JSON.stringify(out));
    })();`;
  const r = spawnSync(process.execPath, ['-e', script], { cwd: ROOT, encoding: 'utf8' });
  found = JSON.parse(r.stdout) as string[][];
}, 60_000);

describe('layers', () => {
  test('the pane importing an adapter (statically, dynamically, or exceljs) fails the lint', () => {
    for (const i of [0, 1, 2]) expect(found[i].join(' ')).toMatch(/only their entry files .* pick adapters/);
  });

  test('the composition root may pick adapters; the core may not import them', () => {
    expect(found[3]).toEqual([]);
    expect(found[4].join(' ')).toMatch(/src\/core is pure/);
  });

  test('the pane and the command line reach core values only through src/app (types are fine); the CLI picks adapters only in its entry', () => {
    expect(found[7].join(' ')).toMatch(/core values reach them through src\/app/);
    expect(found[8].join(' ')).toMatch(/core values reach them through src\/app/);
    expect(found[9]).toEqual([]);
    expect(found[10].join(' ')).toMatch(/only their entry files/);
  });

  test('only the Office adapter calls Excel.run, in the pane too', () => {
    expect(found[5].join(' ')).toMatch(/Only the Office adapter/);
    expect(found[6].join(' ')).toMatch(/Only the Office adapter/);
  });
});
