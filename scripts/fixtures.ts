// Workbooks built from the seeds' material, shared by `npm run fixtures` and the tests.
import ExcelJS from 'exceljs';
import seed002 from '../test/fixtures/seed002.json';

export const SEED002 = seed002 as { source: string; title: string[]; header: string[]; rows: string[][] };

export type Cells = (string | number | null | ExcelJS.CellValue)[][];

const TNR = { name: 'Times New Roman', size: 12 };

/** A sheet with the given rows starting at row 1, column 1. */
export function addSheet(wb: ExcelJS.Workbook, name: string, rows: Cells, opts: { merges?: string[]; headerRow?: number } = {}): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name);
  rows.forEach((r, i) => {
    r.forEach((v, j) => {
      if (v !== null && v !== undefined && v !== '') {
        const cell = ws.getCell(i + 1, j + 1);
        cell.value = v as ExcelJS.CellValue;
        cell.font = { ...TNR, bold: opts.headerRow === i + 1 };
        cell.alignment = { wrapText: true, vertical: 'top' };
      }
    });
  });
  for (const m of opts.merges ?? []) ws.mergeCells(m);
  [6, 60, 28, 30, 18].forEach((w, i) => (ws.getColumn(i + 1).width = w));
  return ws;
}

/** The Đồng Nai 2018 appendix as an officer pastes it: title rows, header on row 5, multi-line cells, missing STT. */
export function seed002Workbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const rows: Cells = [[SEED002.title[0]], [SEED002.title[1]], [SEED002.title[2]], [], SEED002.header, ...SEED002.rows];
  addSheet(wb, 'Phụ lục', rows, { merges: ['A1:E1', 'A2:E2', 'A3:E3'], headerRow: 5 });
  return wb;
}

/** Variant: two-row header ("Cơ quan thực hiện" over "Chủ trì | Phối hợp"), header on row 7, extra columns, section rows, roman STT. */
/** A table whose header wording the reader does not recognise ("Việc cần làm", "Ai làm"…): chosen by hand in the pane. */
export function oddHeaderWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  addSheet(wb, 'Kế hoạch', [
    ['KẾ HOẠCH TRIỂN KHAI NĂM 2025'],
    ['Số', 'Việc cần làm', 'Ai làm', 'Ai giúp', 'Bao giờ'],
    ['1', 'Tuyên truyền pháp luật', 'Sở Tư pháp', 'Sở Nội vụ', 'Quý I'],
    ['2', 'Tập huấn cán bộ', 'Sở Nội vụ', 'Sở Tài chính', 'Quý II, III'],
  ]);
  return wb;
}

export function variantWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const r = SEED002.rows;
  const rows: Cells = [
    ['ỦY BAN NHÂN DÂN TỈNH BÀ RỊA - VŨNG TÀU'],
    [],
    ['KẾ HOẠCH'],
    ['Công tác thông tin đối ngoại tỉnh Bà Rịa - Vũng Tàu năm 2024'],
    ['(Kèm theo Kế hoạch số 93/KH-UBND)'],
    [],
    ['Số TT', 'Nội dung nhiệm vụ', 'Cơ quan thực hiện', null, 'Thời gian\nhoàn thành', 'Sản phẩm', 'Ghi chú'],
    [null, null, 'Chủ trì', 'Phối hợp', null, null, null],
    ['(1)', '(2)', '(3)', '(4)', '(5)', '(6)', '(7)'],
    ['I', 'NHIỆM VỤ CHUNG'],
    ['1', 'Phối hợp với Bộ Thông tin và Truyền thông triển khai các nội dung', 'Sở Thông tin và Truyền thông.', 'Các Sở, Ban, ngành, UBND huyện, thị xã, thành phố.', 'Quý II, III', 'Báo cáo', null],
    ['2', 'Triển khai Đề án Truyền thông về quyền con người Việt Nam', 'Sở Thông tin và Truyền thông', 'Sở Lao động – Thương binh và Xã hội, Ban Dân tộc, Công an tỉnh và các cơ quan liên quan.', 'Cả năm', null, null],
    ['II', 'NHIỆM VỤ CỤ THỂ'],
    ['3', 'Xây dựng các sản phẩm, chương trình, sự kiện, hoạt động thông tin đối ngoại', 'Sở Văn hóa và Thể thao.', 'Các Sở, ngành, Đài Phát thanh và Truyền hình tỉnh, Báo BR-VT và các cơ quan liên quan.', 'trước ngày 15/6', null, null],
    ['4', 'Quảng bá du lịch', 'Sở Du lịch', 'Sở Văn hóa và Thể thao, Sở Thông tin và Truyền thông, Báo Bà Rịa – Vũng Tàu, Đài Phát thanh - Truyền hình tỉnh và các cơ quan liên quan.', 'Hàng quý', null, null],
    ['5', r[5][1], 'Công an tỉnh', 'Ban Tuyên giáo Tỉnh ủy, Ban Chỉ đạo Nhân quyền tỉnh, Sở Thông tin và Truyền thông, Sở Văn hóa và Thể thao; Sở Du lịch.', 'Thường xuyên', null, null],
    [],
    ['Ghi chú: Các cơ quan báo cáo kết quả về Sở Thông tin và Truyền thông trước ngày 15/12.'],
  ];
  addSheet(wb, 'Kế hoạch', rows, { merges: ['C7:D7', 'A7:A8', 'B7:B8', 'E7:E8', 'F7:F8', 'G7:G8', 'B10:G10', 'B13:G13'], headerRow: 7 });
  return wb;
}
