import ExcelJS from 'exceljs';
import { XlsxWorkbook } from '../src/adapters/xlsx';
import { OfficeWorkbook } from '../src/adapters/office';
import { FakeExcelHost } from './fake-excel';
import type { Grid } from '../src/core/table';
import { parseRange } from '../src/core/address';

type CellValue = ExcelJS.CellValue;

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

/** An exceljs cell value as the text a user sees (numbers plain, dates dd/mm/yyyy, rich text joined). */
export function cellText(v: CellValue): { text: string; error: boolean } {
  if (v === null || v === undefined) return { text: '', error: false };
  if (typeof v === 'string') return { text: v, error: false };
  if (typeof v === 'number') return { text: String(v), error: false };
  if (typeof v === 'boolean') return { text: v ? 'TRUE' : 'FALSE', error: false };
  if (v instanceof Date) return { text: `${pad2(v.getUTCDate())}/${pad2(v.getUTCMonth() + 1)}/${v.getUTCFullYear()}`, error: false };
  const o = v as unknown as Record<string, unknown>;
  if ('error' in o) return { text: String(o.error), error: true };
  if ('richText' in o && Array.isArray(o.richText)) return { text: (o.richText as { text: string }[]).map((r) => r.text).join(''), error: false };
  if ('formula' in o || 'sharedFormula' in o) return cellText((o.result ?? null) as CellValue);
  if ('text' in o) return cellText(o.text as CellValue);
  return { text: String(v), error: false };
}

/** Our .xlsx port with `wb`: the file as exceljs reads it back after every write (an independent reader). */
export type TestPort = XlsxWorkbook & { wb: ExcelJS.Workbook };

export async function excelOf(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const w = new ExcelJS.Workbook();
  await w.xlsx.load(bytes as unknown as ArrayBuffer);
  return w;
}

/** Round-trip through bytes, as the CLI does. */
export async function xlsxPort(wb: ExcelJS.Workbook): Promise<TestPort> {
  const bytes = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  return testPort(await XlsxWorkbook.load(bytes), bytes);
}

export async function testPort(port: XlsxWorkbook, bytes?: Uint8Array): Promise<TestPort> {
  const t = port as TestPort;
  t.wb = await excelOf(bytes ?? (await port.save()));
  const write = port.write.bind(port);
  t.write = async (plan, progress) => {
    const r = await write(plan, progress);
    t.wb = await excelOf(await port.save());
    return r;
  };
  return t;
}

/** The same workbook on the fake Excel host. */
export function fakeHostFrom(wb: ExcelJS.Workbook): FakeExcelHost {
  const host = new FakeExcelHost();
  for (const ws of wb.worksheets) {
    const rows: (string | number)[][] = [];
    const rowCount = ws.rowCount;
    const colCount = ws.columnCount; // both are computed on each access: read once
    for (let r = 1; r <= rowCount; r++) {
      const row: (string | number)[] = [];
      for (let c = 1; c <= colCount; c++) {
        const cell = ws.getCell(r, c);
        const v = cell.isMerged && cell.master !== cell ? null : cell.value;
        row.push(typeof v === 'number' ? v : cellText(v).text);
      }
      rows.push(row);
    }
    const merges = ((ws.model as unknown as { merges?: string[] }).merges ?? []).slice();
    const s = host.addSheet(ws.name, rows, merges);
    s.visibility = ws.state === 'veryHidden' ? 'VeryHidden' : ws.state === 'hidden' ? 'Hidden' : 'Visible';
  }
  return host;
}

export function officePort(host: FakeExcelHost): OfficeWorkbook {
  return new OfficeWorkbook(host.run as never, host.isSetSupported);
}

/** Dense text grid of an exceljs sheet (formulas as "=…"). */
export function xlsxGrid(ws: ExcelJS.Worksheet): string[][] {
  const out: string[][] = [];
  const rowCount = ws.rowCount;
    const colCount = ws.columnCount; // both are computed on each access: read once
    for (let r = 1; r <= rowCount; r++) {
    const row: string[] = [];
    for (let c = 1; c <= colCount; c++) {
      const cell = ws.getCell(r, c);
      const v = (cell.isMerged && cell.master !== cell ? null : cell.value) as unknown;
      if (v && typeof v === 'object' && 'formula' in (v as object)) row.push('=' + (v as { formula: string }).formula);
      // a cell of a shared formula: exceljs translates the first cell's formula to this one
      else if (v && typeof v === 'object' && 'sharedFormula' in (v as object)) row.push('=' + cell.formula);
      else row.push(cellText(v as ExcelJS.CellValue).text);
    }
    out.push(row);
  }
  return trim(out);
}

export function trim(g: string[][]): string[][] {
  const rows = g.map((r) => {
    const x = r.slice();
    while (x.length && x[x.length - 1] === '') x.pop();
    return x;
  });
  while (rows.length && rows[rows.length - 1].length === 0) rows.pop();
  const w = Math.max(0, ...rows.map((r) => r.length));
  return rows.map((r) => [...r, ...new Array(w - r.length).fill('')]);
}

export function gridOf(values: string[][], sheet = 'Sheet1', merges: string[] = []): Grid {
  return { sheet, values, top: 1, left: 1, merges: merges.map((m) => parseRange(m)), errors: [] };
}

/** Every cell of every sheet of a workbook, for before/after comparisons. */
export function snapshotCells(wb: ExcelJS.Workbook): Record<string, string[][]> {
  const out: Record<string, string[][]> = {};
  for (const ws of wb.worksheets) out[ws.name] = xlsxGrid(ws);
  return out;
}

/** The first cell where two grids differ ("row:col a ≠ b"), or null: cheap on 10,000-row sheets. */
export function firstDiff(a: string[][], b: string[][]): string | null {
  const rows = Math.max(a.length, b.length);
  for (let r = 0; r < rows; r++) {
    const x = a[r] ?? [];
    const y = b[r] ?? [];
    for (let c = 0; c < Math.max(x.length, y.length); c++) if ((x[c] ?? '') !== (y[c] ?? '')) return `${r + 1}:${c + 1} ${JSON.stringify(x[c] ?? '')} ≠ ${JSON.stringify(y[c] ?? '')}`;
  }
  return null;
}
