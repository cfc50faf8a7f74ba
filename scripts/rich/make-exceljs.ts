// Rich workbook made by exceljs: the seed-002 table plus an Excel Table, conditional formatting, data
// validation, defined names, print titles, an image, a note, a password-protected and hidden sheets.
// Run once: npm run build:cli && node build/scripts/rich/make-exceljs.js test/fixtures/rich
import * as path from 'node:path';
import { seed002Workbook } from '../fixtures';

// a 1×1 PNG (blue)
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

async function main(): Promise<void> {
  const wb = seed002Workbook();
  const table = wb.getWorksheet('Phụ lục')!;
  table.getCell('B6').note = 'Kiểm tra lại số liệu năm trước';
  const data = wb.addWorksheet('Dữ liệu');
  data.addTable({
    name: 'BangDuLieu',
    ref: 'A1',
    headerRow: true,
    style: { theme: 'TableStyleMedium9', showRowStripes: true },
    columns: [{ name: 'Cơ quan' }, { name: 'Số nhiệm vụ' }, { name: 'Kinh phí' }],
    rows: [['Sở Y tế', 4, 120.5], ['Công an tỉnh', 3, 80], ['Sở Nội vụ', 2, 45.25]],
  });
  data.getCell('E2').value = new Date(Date.UTC(2026, 5, 15));
  data.getCell('E2').numFmt = 'dd/mm/yyyy';
  data.getCell('F2').value = { formula: 'SUM(B2:B4)', result: 9 };
  data.addConditionalFormatting({ ref: 'B2:B4', rules: [{ type: 'colorScale', priority: 1, cfvo: [{ type: 'min' }, { type: 'max' }], color: [{ argb: 'FFFFFFFF' }, { argb: 'FF5B9BD5' }] } as never] });
  data.getCell('D2').dataValidation = { type: 'list', allowBlank: true, formulae: ['"Có,Không"'] };
  data.pageSetup.printTitlesRow = '1:1';
  const img = wb.addImage({ buffer: PNG as never, extension: 'png' });
  data.addImage(img, 'H20:I21');
  await data.protect('matkhau', { selectLockedCells: true });
  wb.definedNames.add("'Dữ liệu'!$A$2:$A$4", 'DanhSach');
  const hidden = wb.addWorksheet('Ẩn', { state: 'hidden' });
  hidden.getCell('A1').value = 'trang tính ẩn';
  const very = wb.addWorksheet('Rất ẩn', { state: 'veryHidden' });
  very.getCell('A1').value = 'trang tính rất ẩn';
  await wb.xlsx.writeFile(path.join(process.argv[2], 'exceljs.xlsx'));
  process.stdout.write('ok\n');
}

main().catch((e) => {
  process.stderr.write(String(e) + '\n');
  process.exit(1);
});
