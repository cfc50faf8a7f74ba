// One measured job of the .xlsx bench, in its own process so its peak memory is its own:
//   node build/bench/xlsx-child.js make FILE [TASKS] | stray FILE OUT | type FILE OUT | read FILE | generate FILE OUT | baseline FILE OUT
//   | distribute OUT DIR | collect OUT DIR MERGED
// prints {"ms": …, "peak_rss_mb": …}.
import { performance } from 'node:perf_hooks';
import { promises as fs } from 'node:fs';
import { XlsxWorkbook } from '../src/adapters/xlsx';
import { NODE_CODEC } from '../src/cli/codec';
import { analyze, generate } from '../src/app/usecases';
import { collect, planDistribution } from '../src/app/distribute';
import * as path from 'node:path';
import { appendixForBench, masterForBench } from './fixture';

// exceljs is loaded only by the jobs that use it: the measured jobs of ours carry no weight of it
const excel = async () => (await import('exceljs')).default;

async function main(): Promise<void> {
  const [job, file, out] = process.argv.slice(2);
  const t0 = performance.now();
  if (job === 'make') {
    // 20,000 tasks (rows with three aligned bullets count three)
    const wb = new (await excel()).Workbook();
    const ws = wb.addWorksheet('Phụ lục');
    appendixForBench(masterForBench(80), Number(out ?? 20_000)).forEach((r, i) => r.forEach((v, j) => v && (ws.getCell(i + 1, j + 1).value = v)));
    await wb.xlsx.writeFile(file);
  } else if (job === 'stray') {
    // the same file with one stray cell at Z1048576 of the table's sheet (a row deleted in LibreOffice leaves one)
    const wb = await XlsxWorkbook.load(new Uint8Array(await fs.readFile(file)), NODE_CODEC);
    await wb.write({ cellWrites: [{ sheet: 'Phụ lục', address: 'Z1048576', values: [['x']] }], sheets: [], deleteSheets: [], registry: null });
    await fs.writeFile(out, await wb.save(NODE_CODEC));
  } else if (job === 'type') {
    // agencies' returns merged in: a status typed in the first 50 task rows of every 8th agency sheet
    const wb = await XlsxWorkbook.load(new Uint8Array(await fs.readFile(file)), NODE_CODEC);
    const agencies = ((await wb.read({ extra: [] })).registry?.sheets ?? []).filter((s) => s.kind === 'agency');
    const cellWrites = agencies.filter((_, i) => i % 8 === 0).map((s) => ({ sheet: s.name, address: 'I6', values: Array.from({ length: 50 }, () => ['Hoàn thành']) }));
    await wb.write({ cellWrites, sheets: [], deleteSheets: [], registry: null });
    await fs.writeFile(out, await wb.save(NODE_CODEC));
  } else if (job === 'read') {
    const wb = await XlsxWorkbook.load(new Uint8Array(await fs.readFile(file)), NODE_CODEC);
    await analyze(wb);
  } else if (job === 'distribute') {
    // one file per agency, as `phan-cong distribute` writes them
    const wb = await XlsxWorkbook.load(new Uint8Array(await fs.readFile(file)), NODE_CODEC);
    for (const o of await planDistribution(wb, await analyze(wb))) await fs.writeFile(path.join(out, `${o.sheet}.xlsx`), await wb.sheetWorkbook(o.sheet, o.registry, NODE_CODEC));
  } else if (job === 'collect') {
    // every file sent, each with one status changed, merged back
    const wb = await XlsxWorkbook.load(new Uint8Array(await fs.readFile(file)), NODE_CODEC);
    const returned = [];
    for (const name of await fs.readdir(out)) {
      const r = await XlsxWorkbook.load(new Uint8Array(await fs.readFile(path.join(out, name))));
      const snap = await r.read({ extra: [] });
      const sheet = snap.registry?.distribution?.sheet as string;
      await r.write({ cellWrites: [{ sheet, address: 'I6', values: [['Hoàn thành']] }], sheets: [], deleteSheets: [], registry: null });
      returned.push({ file: name, registry: snap.registry, grid: (await r.readSheets([sheet]))[sheet] ?? null });
    }
    const res = await collect(wb, await analyze(wb), returned);
    if (res.files.some((f) => f.refused)) throw new Error('a file was refused');
    await fs.writeFile(process.argv[5], await wb.save(NODE_CODEC));
  } else if (job === 'generate') {
    const wb = await XlsxWorkbook.load(new Uint8Array(await fs.readFile(file)), NODE_CODEC);
    await generate(wb, await analyze(wb));
    await fs.writeFile(out, await wb.save(NODE_CODEC));
  } else {
    const wb = new (await excel()).Workbook();
    await wb.xlsx.readFile(file);
    await wb.xlsx.writeFile(out);
  }
  process.stdout.write(JSON.stringify({ ms: Math.round(performance.now() - t0), peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024) }) + '\n');
}

main().catch((e) => {
  process.stderr.write(String(e) + '\n');
  process.exit(1);
});
