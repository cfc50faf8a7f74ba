import { analyze, analyzeSnapshot, checkJson } from '../../src/app/usecases';
import { builtinMasterList } from '../../src/core/agencies/builtin';
import { buildIndex } from '../../src/core/agencies/match';
import { detectTable, readTasks } from '../../src/core/table';
import { RULES, RULE_IDS, validate } from '../../src/core/validate';
import { seed002Workbook, variantWorkbook } from '../../scripts/fixtures';
import { gridOf, xlsxPort } from '../helpers';

/** One instance of every rule's problem, each in its own place (plan year 2026). */
export const EVERY_RULE_ROWS = [
  ['KẾ HOẠCH CÔNG TÁC NĂM 2026'],
  [],
  ['STT', 'Tên nhiệm vụ', 'Cơ quan chủ trì', 'Cơ quan phối hợp', 'Thời gian thực hiện'],
  ['1', 'Tổ chức hội nghị tập huấn', 'Sở Nội vụ', 'Công an tỉnh', 'Quý I'], // row 4: clean
  ['2', 'Xây dựng chuyên mục đối ngoại', 'Sở Tài chánh', 'Sở Văn hóa Thể thao và Du lịch', 'Quý II'], // 5: unknown (C5), fuzzy (D5)
  ['4', 'Biên soạn tài liệu', 'Sở TT&TT', 'Các đơn vị liên quan', 'Theo yêu cầu'], // 6: gap (A6), abbreviation + superseded (C6), collective (D6), unreadable (E6)
  ['4', 'Cập nhật cổng thông tin', 'Sở Giao thông vận tải', 'Sở Xây dựng', 'Quý I/2027'], // 7: duplicate STT (A7), superseded (C7), outside year (E7)
  ['5', '', 'Sở Y tế', 'Sở Y tế, Công an tỉnh', 'Quý III'], // 8: task.empty (B8), lead_also_support (D8)
  ['6', 'Theo dõi dư luận', '', 'Sở Tư pháp', ''], // 9: lead.missing (C9), time.missing (E9)
  ['7', 'Tổ chức hội nghị tập huấn', 'Sở Y tế, Sở Tư pháp', '#REF!', 'Quý IV'], // 10: task.duplicate (B10), lead.multiple (C10), cell.error (D10)
  ['8', '- Việc một\n- Việc hai\n- Việc ba', 'Sở Nội vụ', 'Công an tỉnh', '- Quý I\n- Quý II'], // 11: subtasks.misaligned (E11)
  ['', 'Việc không số', 'Sở Nội vụ', 'Công an tỉnh', 'Quý IV'], // 12: structure.stt.missing (A12)
  ['10', 'Xây dựng đề án', 'Sở Nội vụ', 'Công an tỉnh', 'Quý IV/2026 và theo lộ trình của Đề án'], // 13: time.partial (E13)
];

const EXPECTED: [string, string][] = [
  ['agency.unknown', 'C5'],
  ['agency.fuzzy', 'D5'],
  ['structure.stt.gap', 'A6'],
  ['agency.abbreviation', 'C6'],
  ['agency.superseded', 'C6'],
  ['support.collective', 'D6'],
  ['time.unreadable', 'E6'],
  ['structure.stt.duplicate', 'A7'],
  ['agency.superseded', 'C7'],
  ['time.outside_plan_year', 'E7'],
  ['task.empty', 'B8'],
  ['agency.lead_also_support', 'D8'],
  ['lead.missing', 'C9'],
  ['time.missing', 'E9'],
  ['task.duplicate', 'B10'],
  ['lead.multiple', 'C10'],
  ['cell.error', 'D10'],
  ['subtasks.misaligned', 'E11'],
  ['structure.stt.missing', 'A12'],
  ['time.partial', 'E13'],
];

function everyRule() {
  const g = { ...gridOf(EVERY_RULE_ROWS.map((r) => r.map(String)), 'Phụ lục'), errors: ['10:4'] };
  const idx = buildIndex(builtinMasterList());
  const t = detectTable(g).table!;
  const r = readTasks(g, t, idx, { planYear: 2026 });
  return { g, idx, t, r };
}

describe('a workbook with one instance of every rule’s problem', () => {
  test('triggers each rule exactly where expected', () => {
    const { idx, t, r } = everyRule();
    const issues = validate({ tasks: r.tasks, table: t, idx, planYear: 2026 }, r.issues);
    const got = issues.map((i) => [i.rule, i.cell.replace('Phụ lục!', '')]);
    expect(got.sort()).toEqual(EXPECTED.slice().sort());
    // every rule of the engine is exercised
    expect(new Set(got.map((x) => x[0]))).toEqual(new Set(RULE_IDS));
  });

  test('messages are Vietnamese, name the cell, and fixes say what to write', () => {
    const { idx, t, r } = everyRule();
    const issues = validate({ tasks: r.tasks, table: t, idx, planYear: 2026 }, r.issues);
    for (const i of issues) expect(i.message).toContain(i.cell.replace('Phụ lục!', ''));
    const unknown = issues.find((i) => i.rule === 'agency.unknown')!;
    expect(unknown.message).toBe("Không tìm thấy cơ quan 'Sở Tài chánh' (ô C5) trong danh mục; có phải 'Sở Tài chính'?");
    expect(unknown.fix).toEqual({ kind: 'replace', cell: 'Phụ lục!C5', from: 'Sở Tài chánh', to: 'Sở Tài chính' });
    const sup = issues.filter((i) => i.rule === 'agency.superseded');
    expect(sup.map((i) => i.severity)).toEqual(['error', 'error']);
    expect(sup[0].message).toContain("'Sở Khoa học và Công nghệ'");
    expect(sup[0].message).toContain("'Sở Văn hóa, Thể thao và Du lịch'"); // split successor: foreign information work
    expect(issues.find((i) => i.rule === 'structure.stt.gap')!.fix).toEqual({ kind: 'set', cell: 'Phụ lục!A6', value: '3' });
  });

  test('rules can be switched off and their severity changed', () => {
    const { idx, t, r } = everyRule();
    const issues = validate({ tasks: r.tasks, table: t, idx, planYear: 2026 }, r.issues, { 'agency.abbreviation': { enabled: false }, 'time.missing': { enabled: true, severity: 'error' } });
    expect(issues.some((i) => i.rule === 'agency.abbreviation')).toBe(false);
    expect(issues.find((i) => i.rule === 'time.missing')!.severity).toBe('error');
  });

  test('superseded is a warning in the year of the change and silent before it', () => {
    const { idx, t, r } = everyRule();
    const y2025 = validate({ tasks: r.tasks, table: t, idx, planYear: 2025 }, []).filter((i) => i.rule === 'agency.superseded');
    expect(y2025.map((i) => i.severity)).toEqual(['warning', 'warning']);
    expect(validate({ tasks: r.tasks, table: t, idx, planYear: 2024 }, []).filter((i) => i.rule === 'agency.superseded')).toEqual([]);
  });

  test('every rule has an id, a severity and a title', () => {
    for (const r of RULES) expect(r).toMatchObject({ id: expect.stringMatching(/^[a-z]+(\.[a-z_]+)+$/), severity: expect.stringMatching(/error|warning|info/), title: expect.any(String) });
  });
});

describe('seed-derived fixtures: the findings a careful officer would raise, and none they would not', () => {
  test('seed 002 (plan year 2018)', async () => {
    const a = await analyze(await xlsxPort(seed002Workbook()));
    expect(a.issues.map((i) => [i.rule, i.cell.replace('Phụ lục!', '')])).toEqual([
      ['agency.abbreviation', 'D6'], // Đài PT-TH Đồng Nai
      ['agency.fuzzy', 'D6'], // Sở Kế hoạch Đầu tư
      ['agency.fuzzy', 'D6'], // Sở Văn hóa Thể thao và Du lịch
      ['structure.stt.missing', 'A7'],
      ['agency.abbreviation', 'D7'], // Sở TT-TT
      ['agency.fuzzy', 'D7'],
      ['subtasks.misaligned', 'D7'],
      ['structure.stt.missing', 'A8'],
      ['agency.fuzzy', 'C8'],
      ['support.collective', 'D8'], // "Các đơn vị liên quan" names nobody
      ['agency.abbreviation', 'D9'], // Ban Quản lý các KCN
      ['structure.stt.missing', 'A10'],
      ['support.collective', 'D10'],
      ['structure.stt.missing', 'A11'],
      ['support.collective', 'D11'],
      ['structure.stt.missing', 'A12'],
      ['lead.multiple', 'C12'],
    ]);
  });

  test('seed 002 checked as a 2026 plan: the 2025 mergers become errors', async () => {
    const a = await analyze(await xlsxPort(seed002Workbook()), { year: 2026 });
    const sup = a.issues.filter((i) => i.rule === 'agency.superseded').map((i) => [i.cell.replace('Phụ lục!', ''), i.severity]);
    expect(sup).toEqual([
      ['C6', 'error'], // Sở TT-TT → Sở KH&CN (and VHTTDL for foreign information)
      ['D6', 'error'], // Ban Tuyên giáo Tỉnh ủy
      ['D6', 'error'], // Sở Kế hoạch Đầu tư → Sở Tài chính
      ['D7', 'error'], // Sở TT-TT
      ['C9', 'error'], // Sở Kế hoạch và Đầu tư
    ]);
  });

  test('variant (Bà Rịa – Vũng Tàu 2024 wording)', async () => {
    const a = await analyze(await xlsxPort(variantWorkbook()));
    expect(a.issues.map((i) => [i.rule, i.cell.replace('Kế hoạch!', '')])).toEqual([
      ['agency.fuzzy', 'D12'], // Sở Lao động – Thương binh và Xã hội
      ['agency.abbreviation', 'D14'], // Báo BR-VT
      // "Đài Phát thanh - Truyền hình tỉnh": the list writes "… và Truyền hình …" (issue 14: spellings that differ are reported)
      ['agency.fuzzy', 'D15'],
    ]);
  });

  test('the same input gives byte-identical JSON', async () => {
    const one = JSON.stringify(checkJson(await analyze(await xlsxPort(seed002Workbook()))));
    const two = JSON.stringify(checkJson(await analyze(await xlsxPort(seed002Workbook()))));
    expect(one).toBe(two);
  });

  test('settings saved in the workbook registry switch rules off', async () => {
    const port = await xlsxPort(seed002Workbook());
    const snap = await port.read({ extra: [], allSheets: true });
    snap.registry = { version: 1, sheets: [], quarterColumns: null, settings: { 'structure.stt.missing': { enabled: false } }, distribution: null };
    const a = analyzeSnapshot(snap);
    expect(a.issues.some((i) => i.rule === 'structure.stt.missing')).toBe(false);
  });
});
