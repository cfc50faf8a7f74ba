// The bad-input corpus: messy workbooks officers really have. `npm run fixtures` writes them to
// test/fixtures/bad/; test/bad-inputs.test.ts runs check and generate on each.
import ExcelJS from 'exceljs';
import { addSheet, SEED002, type Cells } from './fixtures';

export interface BadInput {
  file: string;
  workbook?: () => ExcelJS.Workbook;
  bytes?: Uint8Array;
  /** Expected exit codes of `check` and `generate`, and the message (stderr) pattern for exit 2. */
  check: 0 | 1 | 2;
  generate: 0 | 1 | 2;
  message?: RegExp;
  /** Extra CLI arguments (a master list file of the corpus). */
  args?: string[];
}

const HEADER = ['STT', 'Tên nhiệm vụ', 'Cơ quan chủ trì', 'Cơ quan phối hợp', 'Thời gian thực hiện'];
const ROWS: Cells = [
  ['1', 'Tổ chức hội nghị', 'Sở Nội vụ', 'Công an tỉnh', 'Quý I'],
  ['2', 'Tuyên truyền đối ngoại', 'Sở Ngoại vụ', 'Sở Tư pháp', 'Quý II, III'],
];

function wb(build: (w: ExcelJS.Workbook) => void): () => ExcelJS.Workbook {
  return () => {
    const w = new ExcelJS.Workbook();
    build(w);
    return w;
  };
}

/** A CSV master list of 200 agencies with long names that collide when shortened. */
export function master200(): string {
  const lines = ['Tên cơ quan,Nhóm'];
  for (let i = 1; i <= 200; i++) lines.push(`"Trung tâm Phát triển Quỹ đất và Dịch vụ Hành chính công khu vực số ${i} của tỉnh",other`);
  return lines.join('\n') + '\n';
}

export function badInputs(): BadInput[] {
  const vi = new TextEncoder();
  return [
    { file: 'empty-sheet.xlsx', workbook: wb((w) => w.addWorksheet('Sheet1')), check: 2, generate: 2, message: /trống/ },
    { file: 'no-header.xlsx', workbook: wb((w) => addSheet(w, 'Sheet1', [['Báo cáo'], ['a', 'b', 'c'], ['1', '2', '3']])), check: 2, generate: 2, message: /Không tìm thấy bảng phân công/ },
    { file: 'header-only.xlsx', workbook: wb((w) => addSheet(w, 'Phụ lục', [HEADER])), check: 0, generate: 0 },
    {
      file: 'merged-cells.xlsx',
      workbook: wb((w) => addSheet(w, 'Phụ lục', [['PHỤ LỤC NĂM 2024'], HEADER, ['I. NHIỆM VỤ CHUNG'], ['1', 'Việc A', 'Sở Y tế', 'Công an tỉnh', 'Quý I'], ['', 'Việc B', '', 'Sở Tư pháp', 'Quý II']], { merges: ['A1:E1', 'A3:E3', 'A4:A5', 'C4:C5'] })),
      check: 0,
      generate: 0,
    },
    {
      file: 'hidden-rows-columns.xlsx',
      workbook: wb((w) => {
        const ws = addSheet(w, 'Phụ lục', [HEADER, ...ROWS]);
        ws.getRow(2).hidden = true;
        ws.getColumn(4).hidden = true;
      }),
      check: 0,
      generate: 0,
    },
    {
      file: 'formula-errors.xlsx',
      workbook: wb((w) =>
        addSheet(w, 'Phụ lục', [
          HEADER,
          ['1', 'Việc A', { formula: 'Z99', result: { error: '#REF!' } } as unknown as string, 'Công an tỉnh', 'Quý I'],
          ['2', 'Việc B', 'Sở Y tế', { formula: 'VLOOKUP(1,Z1:Z2,2,0)', result: { error: '#N/A' } } as unknown as string, 'Quý I'],
          ['3', 'Việc C', 'Sở Y tế', 'Sở Tư pháp', { formula: '1+"a"', result: { error: '#VALUE!' } } as unknown as string],
          ['4', { formula: '"Việc "&"D"', result: 'Việc D' } as unknown as string, 'Sở Nội vụ', '', 'Quý IV'],
        ]),
      ),
      check: 1,
      generate: 1,
    },
    {
      file: 'numbers-and-dates.xlsx',
      workbook: wb((w) => addSheet(w, 'Phụ lục', [HEADER, [1, 'Việc A', 'Sở Y tế', 'Công an tỉnh', new Date(Date.UTC(2024, 5, 15))], [2, 'Việc B', 'Sở Nội vụ', 'Sở Tư pháp', 2024]])),
      check: 0,
      generate: 0,
    },
    { file: 'nfd-vietnamese.xlsx', workbook: wb((w) => addSheet(w, 'Phụ lục', [HEADER.map((h) => h.normalize('NFD')), ...ROWS.map((r) => r.map((c) => String(c).normalize('NFD')))])), check: 0, generate: 0 },
    {
      file: 'zero-width-nbsp.xlsx',
      workbook: wb((w) => addSheet(w, 'Phụ lục', [HEADER, ['1', 'Việc\u00a0A', 'Sở\u00a0Nội\u200b vụ', 'Công an\u00a0tỉnh\u200b', 'Quý\u00a0I']])),
      check: 0,
      generate: 0,
    },
    {
      file: 'formula-like-text.xlsx',
      workbook: wb((w) => addSheet(w, 'Phụ lục', [HEADER, ['1', '=HYPERLINK("http://x")', 'Sở Y tế', 'Công an tỉnh', 'Quý I'], ['2', '+84 tổng đài', 'Sở Y tế', '', 'Quý II'], ['3', '-Việc gạch đầu dòng', 'Sở Y tế', '', 'Quý III'], ['4', '@ghi chú', 'Sở Y tế', '', 'Quý IV']])),
      check: 0,
      generate: 0,
    },
    {
      file: 'sheet-names-taken.xlsx',
      workbook: wb((w) => {
        addSheet(w, 'Phụ lục', [HEADER, ...ROWS]);
        addSheet(w, 'Sở Ngoại vụ', [['Bảng của tôi — đừng xoá'], ['giữ nguyên']]);
        addSheet(w, 'Tổng hợp', [['Tổng hợp riêng của phòng']]);
      }),
      check: 0,
      generate: 0,
    },
    {
      file: 'many-sheets.xlsx',
      workbook: wb((w) => {
        addSheet(w, 'Phụ lục', [HEADER, ...ROWS]);
        for (let i = 1; i < 250; i++) addSheet(w, `Sheet${i}`, [[`ô ${i}`]]);
      }),
      check: 0,
      generate: 0,
    },
    {
      file: 'big-10000-rows.xlsx',
      workbook: wb((w) => {
        const rows: Cells = [HEADER];
        for (let i = 1; i <= 10000; i++) rows.push([String(i), `Nhiệm vụ số ${i}`, i % 2 ? 'Sở Nội vụ' : 'Sở Y tế', 'Công an tỉnh', i % 3 ? 'Quý II' : 'Cả năm']);
        addSheet(w, 'Phụ lục', rows);
      }),
      check: 0,
      generate: 0,
    },
    { file: 'seed002-with-master-200.xlsx', workbook: wb((w) => addSheet(w, 'Phụ lục', [HEADER, ['1', 'Việc A', 'Trung tâm Phát triển Quỹ đất và Dịch vụ Hành chính công khu vực số 1 của tỉnh', 'Trung tâm Phát triển Quỹ đất và Dịch vụ Hành chính công khu vực số 2 của tỉnh', 'Quý I']])), check: 0, generate: 0, args: ['--master', 'master-200.csv'] },
    { file: 'master-duplicates-loop.xlsx', workbook: wb((w) => addSheet(w, 'Phụ lục', [HEADER, ...ROWS])), check: 2, generate: 2, message: /trùng|vòng lặp/, args: ['--master', 'master-bad.csv'] },
    { file: 'corrupt.xlsx', bytes: vi.encode('PK\u0003\u0004 not really a zip archive'), check: 2, generate: 2, message: /bị hỏng/ },
    { file: 'password-protected.xlsx', bytes: new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]), check: 2, generate: 2, message: /mật khẩu/ },
    { file: 'not-excel.xlsx', bytes: vi.encode(SEED002.header.join('\t')), check: 2, generate: 2, message: /không phải tệp Excel/ },
  ];
}

export const MASTER_FILES: Record<string, string> = {
  'master-200.csv': master200(),
  'master-bad.csv': 'Tên cơ quan,Nhóm,Cơ quan kế thừa\nSở A,department,Sở B\nSở B,department,Sở A\nSở A,department,\nSở C,khác lạ,\n',
};
