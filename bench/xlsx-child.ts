// One measured job of the .xlsx bench, in its own process so its peak memory is its own:
//   node build/bench/xlsx-child.js make FILE | stray FILE OUT | read FILE | generate FILE OUT | baseline FILE OUT
// prints {"ms": …, "peak_rss_mb": …}.
import { performance } from 'node:perf_hooks';
import { promises as fs } from 'node:fs';
import ExcelJS from 'exceljs';
import { XlsxWorkbook } from '../src/adapters/xlsx';
import { NODE_CODEC } from '../src/cli/codec';
import { analyze, generate } from '../src/app/usecases';
import { appendixForBench, masterForBench } from './fixture';

async function main(): Promise<void> {
  const [job, file, out] = process.argv.slice(2);
  const t0 = performance.now();
  if (job === 'make') {
    // 20,000 tasks (rows with three aligned bullets count three)
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Phụ lục');
    appendixForBench(masterForBench(80), 20_000).forEach((r, i) => r.forEach((v, j) => v && (ws.getCell(i + 1, j + 1).value = v)));
    await wb.xlsx.writeFile(file);
  } else if (job === 'stray') {
    // the same file with one stray cell at Z1048576 of the table's sheet (a row deleted in LibreOffice leaves one)
    const wb = await XlsxWorkbook.load(new Uint8Array(await fs.readFile(file)));
    await wb.write({ cellWrites: [{ sheet: 'Phụ lục', address: 'Z1048576', values: [['x']] }], sheets: [], deleteSheets: [], registry: null });
    await fs.writeFile(out, await wb.save(NODE_CODEC));
  } else if (job === 'read') {
    const wb = await XlsxWorkbook.load(new Uint8Array(await fs.readFile(file)));
    await analyze(wb);
  } else if (job === 'generate') {
    const wb = await XlsxWorkbook.load(new Uint8Array(await fs.readFile(file)));
    await generate(wb, await analyze(wb));
    await fs.writeFile(out, await wb.save(NODE_CODEC));
  } else {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    await wb.xlsx.writeFile(out);
  }
  process.stdout.write(JSON.stringify({ ms: Math.round(performance.now() - t0), peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024) }) + '\n');
}

main().catch((e) => {
  process.stderr.write(String(e) + '\n');
  process.exit(1);
});
