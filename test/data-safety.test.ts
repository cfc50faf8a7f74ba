// Data-safety guarantees (README "Cam kết an toàn dữ liệu"), each proved here or in the file named there.
import { analyze, fillQuarters, generate } from '../src/app/usecases';
import { REGISTRY_SHEET } from '../src/core/registry';
import { seed002Workbook } from '../scripts/fixtures';
import { excelOf, firstDiff, snapshotCells, testPort, xlsxGrid, xlsxPort } from './helpers';
import { XlsxWorkbook } from '../src/adapters/xlsx';
import { strFromU8, unzipSync } from 'fflate';

describe('data safety', () => {
  test('source table changes only in the quarter columns', async () => {
    const wb = seed002Workbook();
    wb.addWorksheet('Ghi chép').getCell('B2').value = 'của phòng, không được đụng tới';
    const before = snapshotCells(wb);
    const port = await xlsxPort(wb);
    const r = await fillQuarters(port, await analyze(port));
    expect(r.written).toBe(true);
    // the header row (styled like the table header) and one 7×4 block for the task rows 6–12
    expect(r.plan.writes.map((w) => [w.address, w.values.length, w.values[0].length, w.style ?? null])).toEqual([
      ['F5', 1, 4, 'header'],
      ['F6', 7, 4, null],
    ]);
    const after = snapshotCells(port.wb);
    // outside F5:I12 nothing changed, on any sheet
    const masked = (g: string[][]) => g.map((row, i) => row.map((v, j) => (i >= 4 && i <= 11 && j >= 5 && j <= 8 ? '' : v)));
    expect(firstDiff(masked(after['Phụ lục']), masked(before['Phụ lục']))).toBeNull();
    expect(firstDiff(after['Ghi chép'], before['Ghi chép'])).toBeNull();
    expect(after['Phụ lục'].slice(4, 12).map((r) => r.slice(5, 9))).toEqual([
      ['Quý I', 'Quý II', 'Quý III', 'Quý IV'],
      ['x', 'x', 'x', 'x'], // row 1: union of its six sub-tasks
      ['x', 'x', 'x', 'x'],
      ['x', 'x', 'x', 'x'],
      ['x', 'x', 'x', 'x'],
      ['x', 'x', 'x', 'x'],
      ['x', 'x', 'x', 'x'],
      ['x', 'x', 'x', 'x'],
    ]);
  });

  test('user content in quarter cells is never overwritten without consent (left as typed, listed; the rest written)', async () => {
    const wb = seed002Workbook();
    wb.getWorksheet('Phụ lục')!.getCell('G7').value = 'đã xong';
    const port = await xlsxPort(wb);
    const a = await analyze(port);
    // issue 21: the user's cell is left as written and listed, everything else is written
    const kept = await fillQuarters(port, a);
    expect(kept.plan.conflicts).toEqual(['G7']);
    expect(xlsxGrid(port.wb.getWorksheet('Phụ lục')!)[6][6]).toBe('đã xong');
    expect(port.wb.getWorksheet('Phụ lục')!.getCell('F5').value).toBe('Quý I');
    expect(port.wb.getWorksheet('Phụ lục')!.getCell('F7').value).toBe('x');
    const gen = await generate(port, await analyze(port));
    expect(gen.quarters.conflicts).toEqual(['G7']);
    expect(gen.sheetsWritten.length).toBeGreaterThan(1);
    expect(port.wb.getWorksheet('Phụ lục')!.getCell('G7').value).toBe('đã xong');
    const forced = await fillQuarters(port, await analyze(port), true);
    expect(forced.written).toBe(true);
    expect(port.wb.getWorksheet('Phụ lục')!.getCell('G7').value).toBe('x');
  });

  test('quarter columns go after every column of the table header, never over one the reader does not map ("Nguồn" of an imported table)', async () => {
    const wb = seed002Workbook();
    const ws = wb.getWorksheet('Phụ lục')!;
    ws.getCell('F5').value = 'Nguồn';
    for (let r = 6; r <= 12; r++) ws.getCell(r, 6).value = `dòng ${r + 60}`;
    const port = await xlsxPort(wb);
    const r = await fillQuarters(port, await analyze(port));
    expect(r.plan.conflicts).toEqual([]);
    expect(r.plan.writes[0]).toMatchObject({ address: 'G5', values: [['Quý I', 'Quý II', 'Quý III', 'Quý IV']] });
    const grid = xlsxGrid(port.wb.getWorksheet('Phụ lục')!);
    expect(grid.slice(5, 12).map((row) => row[5])).toEqual(['dòng 66', 'dòng 67', 'dòng 68', 'dòng 69', 'dòng 70', 'dòng 71', 'dòng 72']);
    expect(grid[5].slice(6, 10)).toEqual(['x', 'x', 'x', 'x']);
    // read again, the quarter columns are the table's own: a second run changes nothing
    const again = await fillQuarters(port, await analyze(port));
    expect(again.plan.changedCells).toBe(0);
    expect(again.plan.cols).toEqual([7, 8, 9, 10]);
  });

  test('generating for some agencies keeps the other agencies’ sheets and what they typed', async () => {
    const port = await xlsxPort(seed002Workbook());
    await generate(port, await analyze(port));
    const ca = port.wb.getWorksheet('Công an tỉnh')!;
    ca.getCell('I6').value = 'Hoàn thành';
    const p2 = await xlsxPort(port.wb);
    const r = await generate(p2, await analyze(p2), { only: ['Sở Ngoại vụ'] });
    expect(r.deleted).toEqual([]);
    expect(p2.wb.getWorksheet('Công an tỉnh')!.getCell('I6').value).toBe('Hoàn thành');
    const reg = JSON.parse(String(p2.wb.getWorksheet(REGISTRY_SHEET)!.getCell('A1').value));
    expect(reg.sheets.map((s: { name: string }) => s.name)).toContain('Công an tỉnh');
  });

  test('only tagged sheets are replaced; a user sheet with the same name is kept', async () => {
    const port = await xlsxPort(seed002Workbook());
    await generate(port, await analyze(port));
    // the user deletes our registry entry for one sheet by renaming it: it becomes theirs
    const ours = port.wb.getWorksheet('Công an tỉnh')!;
    ours.name = 'Công an tỉnh - bản của tôi';
    const mine = port.wb.addWorksheet('Công an tỉnh');
    mine.getCell('A1').value = 'Sheet của người dùng';
    const p2 = await xlsxPort(port.wb);
    const r = await generate(p2, await analyze(p2));
    expect(p2.wb.getWorksheet('Công an tỉnh')!.getCell('A1').value).toBe('Sheet của người dùng');
    expect(p2.wb.getWorksheet('Công an tỉnh - bản của tôi')).toBeDefined();
    expect(r.sheetsWritten).toContain('Công an tỉnh (2)');
    const reg = JSON.parse(String(p2.wb.getWorksheet(REGISTRY_SHEET)!.getCell('A1').value));
    expect(reg.sheets.map((s: { name: string }) => s.name)).not.toContain('Công an tỉnh');
    expect(p2.wb.getWorksheet(REGISTRY_SHEET)!.state).toBe('veryHidden');
  });
});

describe('regeneration reads only what may hold what a person typed', () => {
  test('a sheet still exactly as written, holding nothing typed, is not read, and the result is the same as reading it; a typed one is read every time, also when untouched since', async () => {
    const port = await xlsxPort(seed002Workbook());
    await generate(port, await analyze(port));
    const first = await port.save();
    const reg = (await port.read({ extra: [] })).registry!;
    expect(reg.sheets.every((s) => /^crc32:[0-9a-f]+:\d+$/.test(s.fingerprint ?? ''))).toBe(true);

    // untouched: none of our sheets is read, and what is written is what reading them gives
    const fast = await testPort(await XlsxWorkbook.load(first));
    const read: string[] = [];
    const readSheets = fast.readSheets.bind(fast);
    fast.readSheets = async (names, opts) => (read.push(...names), readSheets(names, opts));
    const a1 = await analyze(fast);
    expect(a1.snapshot.untouched?.length).toBe(reg.sheets.length);
    await generate(fast, a1);
    expect(read).toEqual([]);
    const slow = await testPort(await XlsxWorkbook.load(first));
    const stripped = { ...reg, sheets: reg.sheets.map(({ fingerprint: _f, ...e }) => e) };
    await slow.write({ cellWrites: [], sheets: [], deleteSheets: [], registry: stripped });
    await generate(slow, await analyze(slow));
    const partsOf = async (p: XlsxWorkbook) => unzipSync(await p.save());
    const [f, sl] = [await partsOf(fast), await partsOf(slow)];
    expect(Object.keys(f).filter((k) => strFromU8(f[k]) !== strFromU8(sl[k] ?? new Uint8Array()))).toEqual([]);

    // a status typed in one agency sheet: that sheet is read (its bytes changed), carried, and registered as holding it
    await fast.write({ cellWrites: [{ sheet: 'Công an tỉnh', address: 'I6', values: [['Hoàn thành']] }], sheets: [], deleteSheets: [], registry: null });
    const again = await testPort(await XlsxWorkbook.load(await fast.save()));
    const read2: string[] = [];
    const rs2 = again.readSheets.bind(again);
    again.readSheets = async (names, opts) => (read2.push(...names), rs2(names, opts));
    await generate(again, await analyze(again));
    expect(read2).toEqual(['Công an tỉnh']);
    expect(again.wb.getWorksheet('Công an tỉnh')!.getCell('I6').value).toBe('Hoàn thành');
    expect((await again.read({ extra: [] })).registry!.sheets.find((s) => s.name === 'Công an tỉnh')).toMatchObject({ typed: true });

    // untouched since, but holding what was typed: read again, and the status is still on its task
    const third = await testPort(await XlsxWorkbook.load(await again.save()));
    const a3 = await analyze(third);
    expect(a3.snapshot.untouched).toContain('Công an tỉnh');
    await generate(third, a3);
    expect(third.wb.getWorksheet('Công an tỉnh')!.getCell('I6').value).toBe('Hoàn thành');
  });

  test('a workbook another program saved (every part’s bytes its own) is read whole', async () => {
    const port = await xlsxPort(seed002Workbook());
    await generate(port, await analyze(port));
    port.wb.getWorksheet('Công an tỉnh')!.getCell('I6').value = 'Đang thực hiện';
    const resaved = await xlsxPort(port.wb);
    const a = await analyze(resaved);
    expect(a.snapshot.untouched).toEqual([]);
    await generate(resaved, a);
    expect(resaved.wb.getWorksheet('Công an tỉnh')!.getCell('I6').value).toBe('Đang thực hiện');
  });
});

describe('tab order (issue 21)', () => {
  test('regeneration keeps the user’s own sheets where they were; ours stay in their places', async () => {
    const port = await xlsxPort(seed002Workbook());
    await generate(port, await analyze(port));
    // a user sheet between ours, and one at the end
    port.wb.addWorksheet('Ghi chú của tôi');
    const mid = port.wb.addWorksheet('Theo dõi riêng');
    const names = port.wb.worksheets.map((w) => w.name);
    const at = names.indexOf('Sở Ngoại vụ');
    const orderNo = (w: object) => w as unknown as { orderNo: number };
    orderNo(mid).orderNo = orderNo(port.wb.worksheets[at]).orderNo + 0.5;
    const visible = (wb: typeof port.wb) => wb.worksheets.map((w) => w.name).filter((n) => n !== 'PhanCong_Registry');
    const before = visible(port.wb);
    expect(before.indexOf('Theo dõi riêng')).toBe(at + 1);
    const p2 = await xlsxPort(port.wb);
    await generate(p2, await analyze(p2));
    // as written to the file and read back
    const back = await excelOf(await p2.save());
    expect(visible(back)).toEqual(before);
  });
});
