// The bad-input corpus (scripts/bad-inputs.ts, written to test/fixtures/bad/ by `npm run fixtures`):
// every case ends with the exact exit code and message, never a stack trace, and the output
// workbook's untouched sheets are cell-for-cell identical to the input's.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { badInputs } from '../scripts/bad-inputs';
import { REGISTRY_SHEET } from '../src/core/registry';
import { firstDiff, snapshotCells } from './helpers';

const BIN = path.join(__dirname, '..', 'bin', 'phan-cong.js');
const DIR = path.join(__dirname, 'fixtures', 'bad');
const tmp = mkdtempSync(path.join(tmpdir(), 'phan-cong-bad-'));

function cli(args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', cwd: DIR });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

async function load(file: string): Promise<ExcelJS.Workbook> {
  const w = new ExcelJS.Workbook();
  await w.xlsx.readFile(file);
  return w;
}

describe.each(badInputs().map((b) => [b.file, b] as const))('%s', (file, b) => {
  const input = path.join(DIR, file);
  test('is committed', () => expect(existsSync(input)).toBe(true));

  test(`check → exit ${b.check}`, () => {
    const r = cli(['check', input, ...(b.args ?? [])]);
    expect(r.code).toBe(b.check);
    expect(r.err).not.toMatch(/\n\s+at .+:\d+:\d+/);
    if (b.check === 2) {
      expect(r.err).toMatch(b.message!);
      expect(r.err.trim().split('\n')).toHaveLength(1);
    }
  });

  test(`generate → exit ${b.generate}; untouched sheets identical`, async () => {
    const out = path.join(tmp, file);
    const r = cli(['generate', input, '-o', out, ...(b.args ?? [])]);
    expect(r.code).toBe(b.generate);
    expect(r.err).not.toMatch(/\n\s+at .+:\d+:\d+/);
    if (b.generate === 2) {
      expect(r.err).toMatch(b.message!);
      expect(existsSync(out)).toBe(false);
      return;
    }
    const before = snapshotCells(await load(input));
    const after = await load(out);
    const reg = after.getWorksheet(REGISTRY_SHEET)!;
    const ours = new Set<string>(JSON.parse(String(reg.getCell('A1').value)).sheets.map((s: { name: string }) => s.name));
    const afterCells = snapshotCells(after);
    for (const [name, cells] of Object.entries(before)) {
      if (name === 'Phụ lục') {
        // the table sheet changes only in the four quarter columns right of the table
        expect([name, firstDiff(afterCells[name].map((r) => r.slice(0, 5)), cells.map((r) => r.slice(0, 5)))]).toEqual([name, null]);
      } else expect([name, firstDiff(afterCells[name] ?? [], cells)]).toEqual([name, null]);
      expect(ours.has(name)).toBe(false);
    }
  }, 60000);
});

describe('specific outcomes', () => {
  test('cells beginning with = + - @ are written as text, never as formulas', async () => {
    const out = path.join(tmp, 'formula-like-text.xlsx');
    if (!existsSync(out)) cli(['generate', path.join(DIR, 'formula-like-text.xlsx'), '-o', out]);
    const w = await load(out);
    const ws = w.getWorksheet('Sở Y tế')!;
    const values: unknown[] = [];
    ws.eachRow((row) => values.push(row.getCell(2).value));
    expect(values).toContain('=HYPERLINK("http://x")');
    expect(values).toContain('+84 tổng đài');
    expect(values.some((v) => typeof v === 'object' && v !== null && 'formula' in (v as object))).toBe(false);
  });

  test('sheet names already taken by the user are kept; ours get other names', async () => {
    const out = path.join(tmp, 'sheet-names-taken.xlsx');
    if (!existsSync(out)) cli(['generate', path.join(DIR, 'sheet-names-taken.xlsx'), '-o', out]);
    const w = await load(out);
    expect(w.getWorksheet('Sở Ngoại vụ')!.getCell('A1').value).toBe('Bảng của tôi — đừng xoá');
    expect(w.getWorksheet('Sở Ngoại vụ (2)')).toBeDefined();
    expect(w.getWorksheet('Tổng hợp')!.getCell('A1').value).toBe('Tổng hợp riêng của phòng');
    expect(w.getWorksheet('Tổng hợp (2)')).toBeDefined();
  });
});
