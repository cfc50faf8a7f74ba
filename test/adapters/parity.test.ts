import { analyze, generate, saveRuleSettings } from '../../src/app/usecases';
import { seed002Workbook } from '../../scripts/fixtures';
import { fakeHostFrom, officePort, trim, xlsxGrid, xlsxPort } from '../helpers';
import type { CellState, SheetState } from '../fake-excel';
import { serialText } from '../../src/adapters/ooxml/read';
import { strFromU8, unzipSync } from 'fflate';

/** A sheet's rows moved (a row deleted or inserted in the table): `to` gives each row its new number, or null to drop it. */
function moveRows(sheet: SheetState, to: (row: number) => number | null): void {
  const moved = new Map<string, CellState>();
  for (const [k, v] of sheet.cells) {
    const [r, c] = k.split(':').map(Number);
    const n = to(r);
    if (n !== null) moved.set(`${n}:${c}`, v);
  }
  sheet.cells = moved;
}

describe('Office adapter on the fake Excel vs .xlsx adapter', () => {
  test('reads the seed-002 table identically, in one round trip', async () => {
    const xa = await analyze(await xlsxPort(seed002Workbook()));
    const host = fakeHostFrom(seed002Workbook());
    const oa = await analyze(officePort(host));
    expect(host.syncs).toBe(1);
    expect(oa.tasks.map((t) => [t.id, t.raw, t.quarters])).toEqual(xa.tasks.map((t) => [t.id, t.raw, t.quarters]));
    expect(oa.issues).toEqual(xa.issues);
  });

  test('generate writes the same cells in O(1) round trips', async () => {
    const xp = await xlsxPort(seed002Workbook());
    const xa = await analyze(xp);
    const xr = await generate(xp, xa);
    const host = fakeHostFrom(seed002Workbook());
    const op = officePort(host);
    const oa = await analyze(op);
    host.resetCounters();
    const or = await generate(op, oa);
    expect(or.sheetsWritten).toEqual(xr.sheetsWritten);
    // one write batch + the final batch, whatever the number of sheets, + one read that verifies the
    // registry and the print setup as Excel kept them (issue 19)
    expect(host.syncs).toBe(3);
    // a date cell shows its day as Excel would (the fake host keeps the serial and its number format)
    const shownAsExcel = (name: string) => {
      const formats = host.sheet(name)!.numberFormats;
      return trim(host.grid(name).map((row, i) => row.map((v, j) => (formats.get(`${i + 1}:${j + 1}`) === 'dd/mm/yyyy' && /^\d+$/.test(String(v)) ? serialText(Number(v), false) : v))));
    };
    for (const name of ['Phụ lục', ...xr.sheetsWritten]) {
      expect({ name, cells: shownAsExcel(name) }).toEqual({ name, cells: xlsxGrid(xp.wb.getWorksheet(name)!) });
    }
    // the chart: the same four series over the report's outcome columns, one bar per agency, in both
    const chart = host.sheet('Biểu đồ')!.charts[0];
    expect(chart).toMatchObject({ type: 'BarStacked', title: 'Nhiệm vụ theo đánh giá', reversed: true, legend: 'Bottom', categories: 'Tổng hợp!B5:B14', position: 'A4:J29' });
    expect(chart.series.map((x) => [x.name, x.values])).toEqual([
      ['Hoàn thành đúng hạn', 'Tổng hợp!K5:K14'],
      ['Hoàn thành quá hạn', 'Tổng hợp!L5:L14'],
      ['Chưa hoàn thành, trong hạn', 'Tổng hợp!M5:M14'],
      ['Chưa hoàn thành, quá hạn', 'Tổng hợp!N5:N14'],
    ]);
    const parts = unzipSync(await xp.save());
    const chartXml = strFromU8(parts[Object.keys(parts).find((k) => /^xl\/charts\/chartPc\d+\.xml$/.test(k))!]);
    expect([...chartXml.matchAll(/<c:val><c:numRef><c:f>([^<]+)<\/c:f>/g)].map((m) => m[1])).toEqual(["'Tổng hợp'!$K$5:$K$14", "'Tổng hợp'!$L$5:$L$14", "'Tổng hợp'!$M$5:$M$14", "'Tổng hợp'!$N$5:$N$14"]);
    expect(chartXml).toContain("<c:cat><c:strRef><c:f>'Tổng hợp'!$B$5:$B$14</c:f>");
    expect(chartXml).toContain('<c:barDir val="bar"/><c:grouping val="stacked"/>');
    const report = host.sheet('Tổng hợp')!;
    expect(report.conditionalFormats).toHaveLength(1);
    const agency = host.sheet(xr.sheetsWritten[4])!;
    expect(agency.freezeRows).toBe(4);
    // past due and due soon: custom rules with their formulas (with "=", as Excel wants) and fills
    const custom = agency.conditionalFormats.filter((c) => c.type === 'Custom');
    expect(custom.length).toBeGreaterThanOrEqual(2);
    expect(custom.every((c) => c.formula?.startsWith('=$N') || c.formula?.startsWith('=AND($N'))).toBe(true);
    expect(new Set(custom.map((c) => c.fill))).toEqual(new Set(['#F8CBAD', '#FFE699']));
    // Hạn is a date: its number format set cell by cell
    expect(agency.numberFormats.get('6:12')).toBe('dd/mm/yyyy');
    expect(agency.page).toMatchObject({ orientation: 'Landscape', paperSize: 'A4' });
    expect(agency.validations[0].address).toMatch(/^I5:I\d+$/);
  });

  test('an imported table: the sheet is created, its section headings merged across, in both adapters alike; a sheet that was there is never merged', async () => {
    const plan = {
      createSheets: ['Phụ lục (2)'],
      cellWrites: [{ sheet: 'Phụ lục (2)', address: 'A1', values: [['STT', 'Tên nhiệm vụ', 'Cơ quan chủ trì'], ['I', 'Hoàn thiện thể chế', ''], ['1', 'Xây dựng Luật An ninh dữ liệu.', 'Bộ Công an']] }],
      merges: [{ sheet: 'Phụ lục (2)', range: 'B2:C2' }, { sheet: 'Phụ lục', range: 'A1:E1' }, { sheet: 'Phụ lục', range: 'B7:C7' }],
      sheets: [],
      deleteSheets: [],
      registry: null,
    };
    const xp = await xlsxPort(seed002Workbook());
    await xp.write(plan);
    const parts = unzipSync(await xp.save());
    const books = Object.keys(parts).filter((k) => /^xl\/worksheets\/sheet\d+\.xml$/.test(k)).map((k) => strFromU8(parts[k]));
    const created = books.find((x) => x.includes('Hoàn thiện thể chế'))!;
    expect(created).toMatch(/<\/sheetData><mergeCells count="1"><mergeCell ref="B2:C2"\/><\/mergeCells><\/worksheet>/);
    const table = (await xp.readSheets(['Phụ lục']))['Phụ lục'];
    expect(table.merges).toEqual((await (await xlsxPort(seed002Workbook())).readSheets(['Phụ lục']))['Phụ lục'].merges);
    const host = fakeHostFrom(seed002Workbook());
    const before = [...host.sheet('Phụ lục')!.merges];
    await officePort(host).write(plan);
    expect(host.sheet('Phụ lục (2)')!.merges).toEqual(['B2:C2']);
    expect(host.sheet('Phụ lục')!.merges).toEqual(before);
  });

  test('rule settings saved from the pane (Office) and from the CLI (.xlsx) are obeyed by the next check alike', async () => {
    const settings = { 'support.collective': { enabled: false }, 'structure.stt.missing': { enabled: true, severity: 'error' as const } };
    const xp = await xlsxPort(seed002Workbook());
    const before = await analyze(xp);
    expect(before.issues.some((i) => i.rule === 'support.collective')).toBe(true);
    await saveRuleSettings(xp, before, settings);
    const xa = await analyze(xp);
    const host = fakeHostFrom(seed002Workbook());
    const op = officePort(host);
    const oa0 = await analyze(op);
    host.resetCounters();
    await saveRuleSettings(op, oa0, settings);
    expect(host.syncs).toBeLessThanOrEqual(3); // the write, the final batch, the verification
    const oa = await analyze(op);
    for (const a of [xa, oa]) {
      expect(a.registry.settings).toEqual(settings);
      expect(a.issues.some((i) => i.rule === 'support.collective')).toBe(false);
      expect(a.issues.filter((i) => i.rule === 'structure.stt.missing').every((i) => i.severity === 'error')).toBe(true);
    }
    expect(oa.issues).toEqual(xa.issues);
    // the registry sheet stays out of the user's way
    expect(host.sheets.find((s) => s.name === 'PhanCong_Registry')?.visibility).toBe('VeryHidden');
  });

  test('in Excel too, typed content follows its task and what finds none is archived (the core decides, the adapter obeys)', async () => {
    const host = fakeHostFrom(seed002Workbook());
    const op = officePort(host);
    await generate(op, await analyze(op));
    const police = host.sheet('Công an tỉnh')!;
    const row = host.grid('Công an tỉnh').findIndex((r) => r[0] === '6') + 1;
    police.cells.set(`${row}:9`, { value: 'Hoàn thành', style: {} });
    // the Công an tỉnh row leaves the table: every later row moves up
    moveRows(host.sheet('Phụ lục')!, (r) => (r === 11 ? null : r > 11 ? r - 1 : r));
    const again = officePort(host);
    const r = await generate(again, await analyze(again), { today: '2026-12-01' });
    expect(r.generation.removed['Công an tỉnh'].map((x) => x.id)).toEqual(['6']);
    expect(host.grid('Công an tỉnh (cũ 01-12-2026)')[4].slice(0, 4)).toEqual(['6', expect.any(String), 'Chủ trì', 'Hoàn thành']);
  });
});

describe('typed values in Excel (issue 15)', () => {
  test('a number, a date, a formula and a link typed in Excel keep their type when their task moves; what is read is the cells, in few round trips', async () => {
    const host = fakeHostFrom(seed002Workbook());
    const op = officePort(host);
    await generate(op, await analyze(op));
    const police = host.sheet('Công an tỉnh')!;
    const row = host.grid('Công an tỉnh').findIndex((r) => r[0] === '6') + 1;
    police.cells.set(`${row}:10`, { value: 3, style: {} });
    police.cells.set(`${row}:11`, { value: 6, formula: `=J${row}*2`, style: {} });
    police.cells.set(`${row}:13`, { value: 46150, style: {} });
    police.numberFormats.set(`${row}:13`, 'dd/mm/yyyy');
    const other = host.grid('Công an tỉnh').findIndex((r, i) => i > 3 && /^\d/.test(r[0]) && r[0] !== '6') + 1;
    const id2 = host.grid('Công an tỉnh')[other - 1][0];
    police.cells.set(`${other}:11`, { value: 'Báo cáo', style: {}, hyperlink: { address: 'https://example.gov.vn/bc.pdf', textToDisplay: 'Báo cáo' } });
    // a row inserted at the top of the table: every task moves down one
    const table = host.sheet('Phụ lục')!;
    const header = host.grid('Phụ lục').findIndex((r) => r[0] === 'STT') + 1;
    moveRows(table, (r) => (r > header ? r + 1 : r));
    table.cells.set(`${header + 1}:1`, { value: '0', style: {} });
    table.cells.set(`${header + 1}:2`, { value: 'Hội nghị triển khai kế hoạch', style: {} });
    table.cells.set(`${header + 1}:3`, { value: 'Công an tỉnh', style: {} });
    table.cells.set(`${header + 1}:5`, { value: 'Quý I', style: {} });
    const again = officePort(host);
    const a = await analyze(again);
    host.syncs = 0;
    const r = await generate(again, a, { today: '2026-12-01' });
    expect(host.syncs).toBeLessThanOrEqual(5); // used ranges, the cells, the write, the final batch
    expect(r.generation.removed).toEqual({});
    const g = host.grid('Công an tỉnh');
    const now = g.findIndex((x) => x[0] === '6') + 1;
    expect(now).toBe(row + 1);
    const cells = host.sheet('Công an tỉnh')!.cells;
    expect(cells.get(`${now}:10`)?.value).toBe(3);
    expect(cells.get(`${now}:11`)?.formula).toBe(`=J${now}*2`);
    expect(cells.get(`${now}:13`)?.value).toBe(46150);
    const linkRow = g.findIndex((x) => x[0] === id2) + 1;
    expect(cells.get(`${linkRow}:11`)?.hyperlink).toEqual({ address: 'https://example.gov.vn/bc.pdf', textToDisplay: 'Báo cáo' });
  });
});

describe('reading sheets whole in Excel', () => {
  test('a sheet of more cells than one round trip holds is read in row chunks, whole, typed or not', async () => {
    const rows = Array.from({ length: 5000 }, (_, i) => Array.from({ length: 15 }, (_, j) => (j === 9 ? i : `r${i + 1}c${j + 1}`)));
    const wb = seed002Workbook();
    const ws = wb.addWorksheet('Lớn');
    rows.forEach((r) => ws.addRow(r));
    const host = fakeHostFrom(wb);
    const op = officePort(host);
    for (const opts of [{}, { typed: (c: number) => c === 10 }]) {
      host.syncs = 0;
      const g = (await op.readSheets(['Lớn'], opts))['Lớn'];
      expect(g.values).toHaveLength(5000);
      expect(g.values[4999][14]).toBe('r5000c15');
      expect(host.syncs).toBe(3); // the used range, then 75,000 cells in two
      if ('typed' in opts) expect(g.typed?.['5000:10']).toEqual({ number: 4999 });
    }
  });
});

describe('a summary sheet a person wrote on, in Excel (issue 15)', () => {
  test('is kept whole under an archive name, in its place; a new one is made; the next run keeps both', async () => {
    const host = fakeHostFrom(seed002Workbook());
    const op = officePort(host);
    await generate(op, await analyze(op), { today: '2026-12-01' });
    const report = host.sheet('Tổng hợp')!;
    const below = host.grid('Tổng hợp').length + 2;
    report.cells.set(`${below}:2`, { value: 'Ý kiến lãnh đạo', style: {} });
    const order = host.sheets.map((x) => x.name);
    const again = officePort(host);
    const r = await generate(again, await analyze(again), { today: '2026-12-02' });
    expect(r.keptAsArchive?.map((k) => k.archive)).toEqual(['Tổng hợp (cũ 02-12-2026)']);
    expect(host.grid('Tổng hợp (cũ 02-12-2026)')[below - 1][1]).toBe('Ý kiến lãnh đạo');
    expect(host.grid('Tổng hợp').flat()).not.toContain('Ý kiến lãnh đạo');
    // the report stays where it was; the archive follows the last of ours
    const now = host.sheets.map((x) => x.name);
    expect(now.indexOf('Tổng hợp')).toBe(order.indexOf('Tổng hợp'));
    expect(now.filter((n) => n !== 'Tổng hợp (cũ 02-12-2026)')).toEqual(order);
    const third = officePort(host);
    const r3 = await generate(third, await analyze(third), { today: '2026-12-03' });
    expect(r3.keptAsArchive).toBeUndefined();
    expect(host.grid('Tổng hợp (cũ 02-12-2026)')[below - 1][1]).toBe('Ý kiến lãnh đạo');
  });
  test('an agency sheet with a comment or a picture is kept whole too (Excel counts them); what was typed still follows its task', async () => {
    const host = fakeHostFrom(seed002Workbook());
    const op = officePort(host);
    await generate(op, await analyze(op), { today: '2026-12-01' });
    const police = host.sheet('Công an tỉnh')!;
    const row = host.grid('Công an tỉnh').findIndex((r) => r[0] === '6') + 1;
    police.cells.set(`${row}:9`, { value: 'Hoàn thành', style: {} });
    police.comments = [`J${row}`];
    police.shapes = 1;
    const again = officePort(host);
    const r = await generate(again, await analyze(again), { today: '2026-12-02' });
    expect(r.keptAsArchive?.map((k) => [k.sheet, k.archive, k.comments, k.pictures])).toEqual([['Công an tỉnh', 'Công an tỉnh (cũ 02-12-2026)', 1, 1]]);
    expect(host.sheet('Công an tỉnh (cũ 02-12-2026)')!.comments).toEqual([`J${row}`]);
    expect(host.grid('Công an tỉnh').find((x) => x[0] === '6')![8]).toBe('Hoàn thành');
  });
});

describe('tab order in Excel (issue 21)', () => {
  test('regeneration keeps the user’s own sheets where they were', async () => {
    const host = fakeHostFrom(seed002Workbook());
    const op = officePort(host);
    await generate(op, await analyze(op));
    // a user sheet between two of ours
    const mine = host.addSheet('Theo dõi riêng', [['việc của tôi']]);
    host.sheets.splice(host.sheets.indexOf(mine), 1);
    host.sheets.splice(host.sheets.findIndex((s) => s.name === 'Sở Ngoại vụ') + 1, 0, mine);
    const before = host.sheets.map((s) => s.name);
    host.resetCounters();
    const again = officePort(host);
    await generate(again, await analyze(again));
    expect(host.sheets.map((s) => s.name)).toEqual(before);
  });
});

describe('the table sheet’s print setup (issue 21)', () => {
  test('without one of its own: A4 landscape, one page wide, its header row repeated — in Excel and in the file alike', async () => {
    const host = fakeHostFrom(seed002Workbook());
    const op = officePort(host);
    await generate(op, await analyze(op));
    expect(host.sheet('Phụ lục')!.page).toMatchObject({ orientation: 'Landscape', paperSize: 'A4', printTitleRows: '$5:$5' });
    const xp = await xlsxPort(seed002Workbook());
    await generate(xp, await analyze(xp));
    expect(xp.wb.getWorksheet('Phụ lục')!.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, printTitlesRow: '5:5' });
  });
  test('with one the user made, it is never replaced', async () => {
    const host = fakeHostFrom(seed002Workbook());
    host.sheet('Phụ lục')!.page.printTitleRows = '$4:$5';
    const op = officePort(host);
    await generate(op, await analyze(op));
    expect(host.sheet('Phụ lục')!.page).toEqual({ printTitleRows: '$4:$5' });
    const wb = seed002Workbook();
    wb.getWorksheet('Phụ lục')!.pageSetup = { ...wb.getWorksheet('Phụ lục')!.pageSetup, paperSize: 1, orientation: 'portrait' } as never;
    const xp = await xlsxPort(wb);
    await generate(xp, await analyze(xp));
    expect(xp.wb.getWorksheet('Phụ lục')!.pageSetup).toMatchObject({ paperSize: 1, orientation: 'portrait' });
    expect(xp.wb.getWorksheet('Phụ lục')!.pageSetup.printTitlesRow).toBeUndefined();
  });
});
