// Fixes as a person presses them: "Sửa" fixes the cell, every occurrence of the name in it; "Sửa tất cả"
// leaves no fixable finding behind and says how many cells it changed.
import ExcelJS from 'exceljs';
import { analyze, applyFixes } from '../src/app/usecases';
import { xlsxGrid, xlsxPort } from './helpers';

function workbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Phụ lục');
  ws.addRow(['STT', 'Tên nhiệm vụ', 'Cơ quan chủ trì', 'Cơ quan phối hợp', 'Thời gian thực hiện']);
  // the same misspelt name three times in one cell (a multi-line cell, each bullet its own co-agency)
  ws.addRow(['1', '- Tuyên truyền\n- Tập huấn\n- Báo cáo', 'Sở Nội vụ', '- Sở Tài chánh\n- Sở Tài chánh\n- Sở Tài chánh', '- Quý I\n- Quý II\n- Quý III']);
  ws.addRow(['2', 'Kiểm tra', 'Sở Tài chánh', 'Sở Tư pháp', 'Quý IV']);
  ws.addRow(['', 'Tổng kết', 'Sở Nội vụ', 'Sở Tài chánh', 'Quý IV']);
  return wb;
}

describe('fixes', () => {
  test('one press on one finding fixes the name everywhere in that cell', async () => {
    const port = await xlsxPort(workbook());
    const a = await analyze(port);
    const inD2 = a.issues.filter((i) => i.cell === 'Phụ lục!D2' && i.fix?.kind === 'replace');
    expect(inD2.length).toBeGreaterThan(0);
    const r = await applyFixes(port, a, [inD2[0]]);
    expect(r.cells).toBe(1);
    expect(xlsxGrid(port.wb.getWorksheet('Phụ lục')!)[1][3]).toBe('- Sở Tài chính\n- Sở Tài chính\n- Sở Tài chính');
    const again = await analyze(port);
    expect(again.issues.filter((i) => i.cell === 'Phụ lục!D2' && i.fix)).toEqual([]);
  });

  test('"Sửa tất cả": the count is of cells changed, and no fixable finding is left', async () => {
    const port = await xlsxPort(workbook());
    const a = await analyze(port);
    const fixable = a.issues.filter((i) => i.fix && i.fix.kind !== 'addAlias');
    const cells = new Set(fixable.map((i) => (i.fix as { cell: string }).cell));
    const r = await applyFixes(port, a, fixable);
    expect(r.skipped).toEqual([]);
    expect(r.applied).toHaveLength(fixable.length);
    expect(r.cells).toBe(cells.size);
    const after = await analyze(port);
    expect(after.issues.filter((i) => i.fix && i.fix.kind !== 'addAlias')).toEqual([]);
    const g = xlsxGrid(port.wb.getWorksheet('Phụ lục')!);
    expect(g.slice(1).map((row) => row.slice(0, 4).join(' | '))).toEqual([
      '1 | - Tuyên truyền\n- Tập huấn\n- Báo cáo | Sở Nội vụ | - Sở Tài chính\n- Sở Tài chính\n- Sở Tài chính',
      '2 | Kiểm tra | Sở Tài chính | Sở Tư pháp',
      '3 | Tổng kết | Sở Nội vụ | Sở Tài chính',
    ]);
  });
});
