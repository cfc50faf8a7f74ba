// Issue 15: workbooks that hold more than the table, made by three producers (test/fixtures/rich/README.md).
// generate, fix --all and settings must leave every part they did not need to change byte-identical, and
// change the parts they do change only where expected.
import { createHash } from 'crypto';
import { readFileSync } from 'fs';
import { join } from 'path';
import { unzipSync } from 'fflate';
import { XlsxWorkbook } from '../src/adapters/xlsx';
import { analyze, applyFixes, generate, saveRuleSettings } from '../src/app/usecases';
import { excelOf } from './helpers';

const DIR = join(__dirname, 'fixtures', 'rich');
const FILES = ['openpyxl.xlsx', 'openpyxl.xlsm', 'libreoffice.xlsx', 'exceljs.xlsx'];

function parts(bytes: Uint8Array): Map<string, string> {
  const out = new Map<string, string>();
  for (const [name, data] of Object.entries(unzipSync(bytes))) if (!name.endsWith('/')) out.set(name, createHash('sha256').update(data).digest('hex'));
  return out;
}

function text(bytes: Uint8Array, part: string): string {
  return new TextDecoder().decode(unzipSync(bytes)[part]);
}

/** The part of a sheet, read from the package's own relationships. */
function sheetPart(bytes: Uint8Array, sheet: string): string {
  const wb = text(bytes, 'xl/workbook.xml');
  const el = [...wb.matchAll(/<sheet\b[^>]*>/g)].map((m) => m[0]).find((s) => s.includes(`name="${sheet}"`)) as string;
  const rid = /(?:r:)?id="([^"]+)"/.exec(el.replace(/sheetId="[^"]*"/, ''))![1];
  const rels = text(bytes, 'xl/_rels/workbook.xml.rels');
  const rel = [...rels.matchAll(/<Relationship\b[^>]*>/g)].map((m) => m[0]).find((r) => r.includes(`Id="${rid}"`)) as string;
  const target = /Target="([^"]+)"/.exec(rel)![1];
  return target.startsWith('/') ? target.slice(1) : 'xl/' + target;
}

/** The sheet XML without what a table write may touch: cells, dimension, print setup. */
function withoutCellsAndPrint(xml: string): string {
  return xml
    .replace(/<sheetData[\s\S]*?<\/sheetData>|<sheetData\/>/, '')
    .replace(/<dimension\b[^>]*\/>/, '')
    .replace(/<sheetPr\b[\s\S]*?<\/sheetPr>|<sheetPr\b[^>]*\/>/, '')
    .replace(/<pageSetup\b[^>]*\/>/, '')
    .replace(/<pageMargins\b[^>]*\/>/, '')
    .replace(/<headerFooter\b[\s\S]*?<\/headerFooter>|<headerFooter\b[^>]*\/>/, '');
}

function definedNames(bytes: Uint8Array): string[] {
  const wb = text(bytes, 'xl/workbook.xml');
  const sheets = [...wb.matchAll(/<sheet\b[^>]*name="([^"]*)"/g)].map((m) => m[1]);
  return [...wb.matchAll(/<definedName\b([^>]*)>([\s\S]*?)<\/definedName>/g)].map((m) => {
    const local = /localSheetId="(\d+)"/.exec(m[1]);
    return `${/name="([^"]*)"/.exec(m[1])![1]}@${local ? sheets[Number(local[1])] : '(sổ)'}=${m[2]}`;
  });
}

async function cells(bytes: Uint8Array, sheet: string): Promise<Map<string, string>> {
  const port = await XlsxWorkbook.load(bytes);
  const g = (await port.readSheets([sheet]))[sheet];
  const out = new Map<string, string>();
  g.values.forEach((row, i) => row.forEach((v, j) => v !== '' && out.set(`${i + 1}:${j + 1}`, v)));
  return out;
}

function changedCells(a: Map<string, string>, b: Map<string, string>): string[] {
  const keys = new Set([...a.keys(), ...b.keys()]);
  return [...keys].filter((k) => a.get(k) !== b.get(k)).sort();
}

type Job = 'generate' | 'fix' | 'settings';

async function run(file: string, job: Job): Promise<{ before: Uint8Array; after: Uint8Array; fixedCells: string[] }> {
  const before = new Uint8Array(readFileSync(join(DIR, file)));
  const port = await XlsxWorkbook.load(before);
  const a = await analyze(port);
  expect(a.table?.sheet).toBe('Phụ lục');
  let fixedCells: string[] = [];
  if (job === 'generate') await generate(port, a);
  else if (job === 'fix') {
    const chosen = a.issues.filter((i) => i.fix && i.fix.kind !== 'addAlias');
    fixedCells = chosen.map((i) => i.cell);
    await applyFixes(port, a, chosen);
  } else await saveRuleSettings(port, a, { 'agency.unknown': { enabled: false } });
  return { before, after: await port.save(), fixedCells };
}

describe.each(FILES)('%s', (file) => {
  test.each<Job>(['generate', 'fix', 'settings'])('%s leaves every part it did not need to change byte-identical', async (job) => {
    const { before, after } = await run(file, job);
    const p0 = parts(before);
    const p1 = parts(after);
    const table = sheetPart(before, 'Phụ lục');
    const mayChange = new Set(['[Content_Types].xml', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml', 'xl/calcChain.xml']);
    if (job !== 'settings') mayChange.add(table);
    const changed = [...p0.keys()].filter((k) => p1.get(k) !== p0.get(k));
    expect(changed.filter((k) => !mayChange.has(k))).toEqual([]);
    // nothing of the user's is removed (a calculation chain may go: Excel rebuilds it)
    expect([...p0.keys()].filter((k) => !p1.has(k) && k !== 'xl/calcChain.xml')).toEqual([]);
    // what is new is ours: worksheets (generated sheets, the registry), and the report chart's drawing and chart parts
    const ours = /^xl\/(?:worksheets\/sheet\d+\.xml|worksheets\/_rels\/sheet\d+\.xml\.rels|drawings\/drawingPc\d+\.xml|drawings\/_rels\/drawingPc\d+\.xml\.rels|charts\/chartPc\d+\.xml)$/;
    expect([...p1.keys()].filter((k) => !p0.has(k) && !ours.test(k))).toEqual([]);
    if (job === 'generate') expect([...p1.keys()].filter((k) => !p0.has(k) && /chartPc/.test(k))).toHaveLength(1);
    // the user's names keep their sheets, scope and text (ours are print titles of sheets we added)
    const names0 = definedNames(before);
    const names1 = definedNames(after);
    expect(names0.filter((n) => !names1.includes(n))).toEqual([]);
    // protection, views and the rest of the workbook part stay as written
    for (const el of ['workbookProtection', 'workbookPr', 'calcPr', 'fileVersion']) {
      const re = new RegExp(`<${el}\\b[^>]*>`);
      expect(re.exec(text(after, 'xl/workbook.xml'))?.[0]).toEqual(re.exec(text(before, 'xl/workbook.xml'))?.[0]);
    }
    // styles: a user's cell formats keep their indices (ours are appended); relationships and content
    // types only gain entries (a calculation chain's may go)
    const xfs = (b: Uint8Array) => [...(/<cellXfs\b[\s\S]*?<\/cellXfs>/.exec(text(b, 'xl/styles.xml'))?.[0] ?? '').matchAll(/<xf\b[^>]*?(?:\/>|>[\s\S]*?<\/xf>)/g)].map((m) => m[0]);
    expect(xfs(after).slice(0, xfs(before).length)).toEqual(xfs(before));
    const entries = (b: Uint8Array, part: string, el: string) => [...text(b, part).matchAll(new RegExp(`<${el}\\b[^>]*>`, 'g'))].map((m) => m[0]).filter((e) => !/calcChain/.test(e));
    for (const [part, el] of [['xl/_rels/workbook.xml.rels', 'Relationship'], ['[Content_Types].xml', 'Override'], ['[Content_Types].xml', 'Default']]) {
      expect(entries(before, part, el).filter((e) => !entries(after, part, el).includes(e))).toEqual([]);
    }
    // the table sheet: all but its cells and (when it had none) its print setup are as they were
    if (job !== 'settings') expect(withoutCellsAndPrint(text(after, table))).toEqual(withoutCellsAndPrint(text(before, table)));
    // an independent reader opens the result — where it opens the original (exceljs fails on openpyxl's
    // drawings; LibreOffice opens all of them in npm run test:e2e)
    const opened = await excelOf(before).then(
      () => true,
      () => false,
    );
    if (opened) expect((await excelOf(after)).worksheets.map((w) => w.name)).toEqual(expect.arrayContaining(['Phụ lục', 'Dữ liệu', 'Ẩn', 'Rất ẩn']));
    // and ours reads back what it wrote
    const names = (await (await XlsxWorkbook.load(after)).read({ extra: [] })).sheets.map((s) => s.name);
    expect(names).toEqual(expect.arrayContaining(['Phụ lục', 'Dữ liệu', 'Ẩn', 'Rất ẩn', ...(job === 'fix' ? [] : ['PhanCong_Registry'])]));
  });

  test('generate changes the table only in its quarter columns; fix only in the cells it names', async () => {
    const g = await run(file, 'generate');
    const diff = changedCells(await cells(g.before, 'Phụ lục'), await cells(g.after, 'Phụ lục'));
    expect(diff.length).toBeGreaterThan(0);
    // columns F–I (Quý I–IV) from the header row down; A–E (the table as typed) never
    expect(diff.filter((k) => !/^\d+:[6-9]$/.test(k) || Number(k.split(':')[0]) < 5)).toEqual([]);
    const f = await run(file, 'fix');
    const fdiff = changedCells(await cells(f.before, 'Phụ lục'), await cells(f.after, 'Phụ lục'));
    const named = new Set(f.fixedCells.map((c) => c.replace(/^.*!/, '')));
    const a1 = (k: string) => String.fromCharCode(64 + Number(k.split(':')[1])) + k.split(':')[0];
    expect(fdiff.map(a1).filter((c) => !named.has(c))).toEqual([]);
  });
});

test('the .xlsm keeps its macros and its content type', async () => {
  const { before, after } = await run('openpyxl.xlsm', 'generate');
  expect(parts(after).get('xl/vbaProject.bin')).toBe(parts(before).get('xl/vbaProject.bin'));
  expect(text(after, '[Content_Types].xml')).toContain('application/vnd.ms-excel.sheet.macroEnabled.main+xml');
  expect(text(after, 'xl/_rels/workbook.xml.rels')).toContain('vbaProject.bin');
});

test('regenerating on the output changes only our sheets again', async () => {
  const first = await run('libreoffice.xlsx', 'generate');
  const port = await XlsxWorkbook.load(first.after);
  await generate(port, await analyze(port));
  const second = await port.save();
  const p1 = parts(first.after);
  const p2 = parts(second);
  const ours = new Set([...p1.keys()].filter((k) => !parts(first.before).has(k)));
  const changed = [...p1.keys()].filter((k) => p2.get(k) !== p1.get(k) && !ours.has(k));
  expect(changed.filter((k) => !['xl/workbook.xml', 'xl/styles.xml', '[Content_Types].xml', 'xl/_rels/workbook.xml.rels'].includes(k))).toEqual([]);
});
