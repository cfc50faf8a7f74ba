// Data-safety guarantees (README "Cam kết an toàn dữ liệu"), each proved here or in the file named there.
import { analyze, fillQuarters, generate } from '../src/app/usecases';
import { REGISTRY_SHEET } from '../src/core/registry';
import { seed002Workbook } from '../scripts/fixtures';
import { excelOf, firstDiff, snapshotCells, xlsxGrid, xlsxPort } from './helpers';

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
