import { analyze } from '../../src/app/usecases';
import { builtinMasterList } from '../../src/core/agencies/builtin';
import { buildIndex } from '../../src/core/agencies/match';
import { detectTable, readTasks } from '../../src/core/table';
import { seed002Workbook, variantWorkbook, SEED002 } from '../../scripts/fixtures';
import { gridOf, xlsxPort } from '../helpers';

const idx = buildIndex(builtinMasterList('Đồng Nai'), 'Đồng Nai');

describe('seed 002 (Đồng Nai 2018 appendix) reads into the right tasks', () => {
  let a: Awaited<ReturnType<typeof analyze>>;
  beforeAll(async () => {
    a = await analyze(await xlsxPort(seed002Workbook()));
  });

  test('table found under the title rows, columns by meaning', () => {
    expect(a.table).toMatchObject({ sheet: 'Phụ lục', headerRow: 5, firstRow: 6, lastRow: 12, columns: { stt: 1, task: 2, lead: 3, support: 4, time: 5 } });
    expect(a.planYear).toBe(2018);
    expect(a.province).toBe('Đồng Nai');
  });

  test('no lost row, no invented one: 7 rows, 25 sub-tasks', () => {
    expect([...new Set(a.tasks.map((t) => t.row))]).toEqual([6, 7, 8, 9, 10, 11, 12]);
    expect(a.tasks.map((t) => t.id)).toEqual([
      '1.1', '1.2', '1.3', '1.4', '1.5', '1.6',
      '2.1', '2.2', '2.3', '2.4', '2.5',
      '3.1', '3.2', '3.3', '3.4',
      '4.1', '4.2', '4.3',
      '5.1', '5.2', '5.3',
      '6',
      '7.1', '7.2', '7.3',
    ]);
  });

  test('every bullet of the first row is a sub-task with its own co-agency and time line', () => {
    const row1 = a.tasks.filter((t) => t.parent === '1');
    expect(row1.map((t) => t.raw.title)).toEqual(SEED002.rows[0][1].split(/\n+/).map((l) => l.replace(/^-\s*/, '').trim()).filter(Boolean));
    expect(row1.map((t) => t.raw.support)).toEqual(['Ban Tuyên giáo Tỉnh ủy', 'Các sở, ban, ngành', 'Sở Ngoại vụ, Sở Kế hoạch Đầu tư, Sở Văn hóa Thể thao và Du lịch', 'Đài PT-TH Đồng Nai', 'Đài PT-TH Đồng Nai', 'Đài PT-TH Đồng Nai']);
    expect(row1.map((t) => t.raw.time)).toEqual(['Hàng tháng, quý', 'Quý III', 'Quý II, III', 'Cả năm', 'Cả năm', 'Cả năm']);
    expect(row1.map((t) => t.quarters)).toEqual([[1, 2, 3, 4], [3], [2, 3], [1, 2, 3, 4], [1, 2, 3, 4], [1, 2, 3, 4]]);
    expect(row1.every((t) => t.raw.lead === 'Sở Thông tin và Truyền thông (Sở TT-TT)' && t.raw.stt === '01')).toBe(true);
    expect(row1[0].cells).toEqual({ stt: 'A6', task: 'B6', lead: 'C6', support: 'D6', time: 'E6' });
    expect(row1[2].support.map((m) => m.agency)).toEqual(['Sở Ngoại vụ', 'Sở Kế hoạch và Đầu tư', 'Sở Văn hóa, Thể thao và Du lịch']);
  });

  test('the row with mismatched co-agency lines is flagged and keeps the cell whole', () => {
    const row2 = a.tasks.filter((t) => t.parent === '2');
    expect(row2).toHaveLength(5);
    expect(new Set(row2.map((t) => t.raw.support)).size).toBe(1);
    expect(row2.map((t) => t.raw.time)).toEqual(['Quý II,III', 'Cả năm', 'Cả năm', 'Hàng quý', 'Quý III']);
    const mis = a.issues.filter((i) => i.rule === 'subtasks.misaligned');
    expect(mis.map((i) => i.cell)).toEqual(['Phụ lục!D7']);
  });

  test('a single time line applies to every sub-task without a finding', () => {
    const row3 = a.tasks.filter((t) => t.parent === '3');
    expect(row3.every((t) => t.raw.time === '- Cả năm' || t.raw.time === 'Cả năm')).toBe(true);
    expect(a.issues.filter((i) => i.cell === 'Phụ lục!E8')).toEqual([]);
  });

  test('missing STT: numbered from the row above and reported', () => {
    expect(a.tasks.find((t) => t.row === 7)!.sttInferred).toBe(true);
    expect(a.issues.filter((i) => i.rule === 'structure.stt.missing').map((i) => i.cell)).toEqual(['Phụ lục!A7', 'Phụ lục!A8', 'Phụ lục!A10', 'Phụ lục!A11', 'Phụ lục!A12']);
    expect(a.issues.filter((i) => i.rule === 'structure.stt.gap')).toEqual([]);
  });
});

describe('other shapes', () => {
  test('two-row header on row 7, column numbers row, extra columns, roman sections, notes under the table', async () => {
    const a = await analyze(await xlsxPort(variantWorkbook()));
    expect(a.table).toMatchObject({ headerRow: 8, headerRows: 2, firstRow: 10, columns: { stt: 1, task: 2, lead: 3, support: 4, time: 5, product: 6, note: 7 } });
    expect(a.sections.map((s) => s.title)).toEqual(['I NHIỆM VỤ CHUNG', 'II NHIỆM VỤ CỤ THỂ']);
    expect(a.tasks.map((t) => [t.id, t.section, t.raw.lead])).toEqual([
      ['1', 'I NHIỆM VỤ CHUNG', 'Sở Thông tin và Truyền thông.'],
      ['2', 'I NHIỆM VỤ CHUNG', 'Sở Thông tin và Truyền thông'],
      ['3', 'II NHIỆM VỤ CỤ THỂ', 'Sở Văn hóa và Thể thao.'],
      ['4', 'II NHIỆM VỤ CỤ THỂ', 'Sở Du lịch'],
      ['5', 'II NHIỆM VỤ CỤ THỂ', 'Công an tỉnh'],
    ]);
    expect(a.planYear).toBe(2024);
    expect(a.province).toBe('Bà Rịa - Vũng Tàu');
  });

  // rows as the central appendix of QĐ 2629/QĐ-TTg (test/fixtures/real/tables/) writes them, shortened
  test('numbering that starts again under each section is the section\'s own ("II.1"), never "STT trùng"; a number typed twice in one section still is', () => {
    const g = gridOf([
      ['STT', 'Tên nhiệm vụ', 'Cơ quan chủ trì', 'Cơ quan phối hợp', 'Thời gian thực hiện'],
      ['I', 'Hoàn thiện thể chế', '', '', ''],
      ['1', 'Nghiên cứu, xây dựng Luật Chuyển đổi số', 'Bộ Khoa học và Công nghệ', 'Bộ Công an', 'Tháng 12/2025'],
      ['1.1', 'Xây dựng các Nghị định hướng dẫn', 'Bộ Khoa học và Công nghệ', '', 'Tháng 12/2025'],
      ['2', 'Xây dựng Luật An ninh dữ liệu.', 'Bộ Công an', 'Bộ Tài chính', 'Tháng 12/2026'],
      ['II', 'Phát triển dữ liệu số', '', '', ''],
      ['1', 'Tập trung số hóa dữ liệu', 'Các bộ, ngành, địa phương', '', 'Năm 2025-2030'],
      ['1.1', 'Làm sạch dữ liệu', 'Bộ Công an', '', 'Năm 2025'],
      ['2', 'Thực hiện số hóa 100% hồ sơ', 'Các bộ, ngành, địa phương', '', 'Năm 2025-2030'],
      ['III.1', 'Nhóm các nền tảng số giải quyết thủ tục hành chính', '', '', ''],
      ['1', 'Triển khai Cổng Dịch vụ công quốc gia', 'Bộ Công an', '', 'Năm 2025'],
      ['', 'IV Phát triển hạ tầng\nChính phủ số', '', '', ''],
      ['1', 'Triển khai bảo mật Mạng truyền số liệu chuyên dùng', 'Bộ Khoa học và Công nghệ', '', 'Năm 2025'],
      ['1', 'Phát triển hạ tầng mạng', 'Bộ Khoa học và Công nghệ', '', 'Năm 2025'],
      ['', 'Nâng cấp Nền tảng họp trực tuyến', 'Bộ Khoa học và Công nghệ', '', 'Năm 2025'],
    ]);
    const r = readTasks(g, detectTable(g).table!, idx, { planYear: 2025 });
    // a number left out in a restarted section: the next one as the section writes it, under its numeral in the id
    expect(r.issues.find((i) => i.rule === 'structure.stt.missing')).toMatchObject({ cell: 'Sheet1!A15', fix: { value: '2' } });
    expect(r.sections.map((x) => x.title)).toEqual(['I Hoàn thiện thể chế', 'II Phát triển dữ liệu số', 'III.1 Nhóm các nền tảng số giải quyết thủ tục hành chính', 'IV Phát triển hạ tầng\nChính phủ số']);
    expect(r.tasks.map((t) => [t.id, t.parent])).toEqual([
      ['1', null], ['1.1', '1'], ['2', null],
      ['II.1', null], ['II.1.1', 'II.1'], ['II.2', null],
      ['III.1', null],
      ['IV.1', null], ['IV.1(2)', null], ['IV.2', null],
    ]);
    expect(r.issues.filter((i) => i.rule === 'structure.stt.duplicate').map((i) => i.cell)).toEqual(['Sheet1!A14']);
  });

  test('a regulation imported article by article: "Điều 6. …" alone on its row is a section, its items "Điều 6"\'s own', () => {
    const g = gridOf([
      ['STT', 'Tên nhiệm vụ', 'Cơ quan chủ trì', 'Cơ quan phối hợp', 'Thời gian thực hiện'],
      ['', 'Điều 5. Phối hợp trong tham mưu xây dựng văn bản', '', '', ''],
      ['1.1', 'Chủ trì tham mưu xây dựng văn bản', 'Sở Dân tộc và Tôn giáo', '', ''],
      ['', 'Điều 6. Phối hợp trong quản lý hoạt động tôn giáo', '', '', ''],
      ['1.1', 'Chủ trì hướng dẫn hoạt động tôn giáo', 'Sở Dân tộc và Tôn giáo', '', ''],
    ]);
    const r = readTasks(g, detectTable(g).table!, idx, { planYear: 2025 });
    expect(r.tasks.map((t) => [t.id, t.section])).toEqual([
      ['1.1', 'Điều 5. Phối hợp trong tham mưu xây dựng văn bản'],
      ['6.1.1', 'Điều 6. Phối hợp trong quản lý hoạt động tôn giáo'],
    ]);
    expect(r.issues.filter((i) => i.rule === 'structure.stt.duplicate')).toEqual([]);
  });

  test('columns in another order: lead before task, time before agencies', () => {
    const g = gridOf([
      ['TT', 'Đơn vị (chủ trì)', 'Nhiệm vụ chủ trì', 'Thời gian hoàn thành', 'Đơn vị phối hợp'],
      ['1', 'Bộ Tư pháp', 'Rà soát văn bản', 'Quý II', 'Văn phòng Chính phủ'],
      ['2', 'Bộ Tài chính', 'Bố trí kinh phí', 'Hằng năm', 'các Bộ, cơ quan ngang Bộ'],
    ]);
    const t = detectTable(g).table!;
    expect(t.columns).toMatchObject({ stt: 1, lead: 2, task: 3, time: 4, support: 5 });
    const r = readTasks(g, t, idx, { planYear: 2024 });
    expect(r.tasks.map((x) => [x.raw.title, x.lead[0].agency, x.support[0].agency ?? x.support[0].collective, x.quarters])).toEqual([
      ['Rà soát văn bản', 'Bộ Tư pháp', 'Văn phòng Chính phủ', [2]],
      ['Bố trí kinh phí', 'Bộ Tài chính', 'ministries', [1, 2, 3, 4]],
    ]);
  });

  test('vertically merged STT and lead give their value to every row; a merged section title is one section', () => {
    const g = gridOf(
      [
        ['STT', 'Nội dung', 'Cơ quan chủ trì', 'Cơ quan phối hợp', 'Tiến độ'],
        ['A. Nhiệm vụ chung', '', '', '', ''],
        ['1', 'Việc thứ nhất', 'Sở Y tế', 'Công an tỉnh', 'Quý I'],
        ['', 'Việc thứ hai', '', 'Sở Tư pháp', 'Quý II'],
        ['2', 'Việc thứ ba', 'Sở Nội vụ', '', 'Quý IV'],
        ['a)', 'Việc con', 'Sở Nội vụ', '', 'Quý IV'],
        ['', '', '', '', ''],
        ['Ghi chú: bảng này kèm theo kế hoạch', '', '', '', ''],
      ],
      'Sheet1',
      ['A2:E2', 'A3:A4', 'C3:C4'],
    );
    const t = detectTable(g).table!;
    const r = readTasks(g, t, idx, { planYear: 2024 });
    expect(r.sections).toEqual([{ row: 2, title: 'A. Nhiệm vụ chung' }]);
    expect(r.tasks.map((x) => [x.id, x.parent, x.raw.stt, x.raw.lead, x.quarters])).toEqual([
      ['1.1', '1', '1', 'Sở Y tế', [1]],
      ['1.2', '1', '1', 'Sở Y tế', [2]],
      ['2', null, '2', 'Sở Nội vụ', [4]],
      ['2.a', '2', 'a)', 'Sở Nội vụ', [4]],
    ]);
  });

  test('error values and numbers are read as text and errors reported', () => {
    const g = { ...gridOf([['STT', 'Tên nhiệm vụ', 'Cơ quan chủ trì', 'Thời gian'], ['1', 'Việc A', '#REF!', '45292'], ['2', 'Việc B', 'Sở Y tế', 'Quý I']]), errors: ['2:3'] };
    const t = detectTable(g).table!;
    const r = readTasks(g, t, idx, { planYear: 2024 });
    expect(r.issues.map((i) => [i.rule, i.cell])).toEqual([['cell.error', 'Sheet1!C2']]);
    expect(r.tasks[0].lead).toEqual([]);
  });

  test('no header → no table, with a reason', () => {
    expect(detectTable(gridOf([['a', 'b'], ['c', 'd']]))).toEqual({ table: null, reason: 'no-header' });
    expect(detectTable(gridOf([]))).toEqual({ table: null, reason: 'empty' });
  });
});
