// Sheets whose used range reaches row 1,048,576 (issue 15): reading costs what the cells that exist
// cost, never the rectangle — once out of memory at 4.3 GB, or "Maximum call stack size exceeded".
import ExcelJS from 'exceljs';
import { analyze, generate } from '../src/app/usecases';
import { gridRight } from '../src/core/table';
import { seed002Workbook } from '../scripts/fixtures';
import { xlsxPort } from './helpers';

describe('a stray cell at Z1048576', () => {
  test('on another sheet: the table is read and generated as without it', async () => {
    const wb = seed002Workbook();
    const other = wb.addWorksheet('Khác');
    other.getCell('A1').value = 'ghi chú';
    other.getCell('Z1048576').value = 'lạc';
    const port = await xlsxPort(wb);
    const a = await analyze(port);
    expect(a.tasks).toHaveLength(25);
    const r = await generate(port, a);
    expect(r.written).toBe(true);
    const back = new ExcelJS.Workbook();
    await back.xlsx.load((await port.save()) as unknown as ArrayBuffer);
    expect(back.getWorksheet('Khác')!.getCell('Z1048576').value).toBe('lạc');
  });
  test('on the table sheet: read, and the grid’s width found without a spread of a million rows', async () => {
    const wb = seed002Workbook();
    wb.getWorksheet('Phụ lục')!.getCell('Z1048576').value = 'lạc';
    const port = await xlsxPort(wb);
    const a = await analyze(port);
    expect(a.tasks).toHaveLength(25);
    expect(gridRight(a.grid)).toBe(26);
    expect(a.grid.values).toHaveLength(1048576);
  });
});
