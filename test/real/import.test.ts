// The plan-text importer on the real prose seeds (test/fixtures/real/seeds/, copied verbatim from
// ../shared/seeds/ — sources in SEEDS-README.md). Expected values are what a careful officer would
// type into the table from the plan.
import { readFileSync } from 'fs';
import { join } from 'path';
import fc from 'fast-check';
import { deadlinesIn, importPlanText, tableNumbers } from '../../src/core/import/text';
import { buildIndex } from '../../src/core/agencies/match';
import { builtinMasterList } from '../../src/core/agencies/builtin';
import ExcelJS from 'exceljs';
import { xlsxPort } from '../helpers';
import { freeSheetName, importedRows, writeImported } from '../../src/app/import';
import { analyze } from '../../src/app/usecases';

const idx = buildIndex(builtinMasterList());
const seed = (name: string): string => readFileSync(join(__dirname, '..', 'fixtures', 'real', 'seeds', name), 'utf8');

describe('labelled prose (seed 000, Bà Rịa – Vũng Tàu 93/KH-UBND)', () => {
  const r = importPlanText(seed('000_0acecf4bda859265.txt'), idx);
  const by = (stt: string, section?: RegExp) => r.tasks.find((t) => t.stt === stt && (!section || section.test(t.section)));

  it('reads every labelled task with its lead and support as written', () => {
    const labelled = r.tasks.filter((t) => /NỘI DUNG/.test(t.section));
    // the seed numbers its labelled tasks 1.1–1.5, 2, 3, 4.1–4.4, 6.1, 6.2 (it has no item 5)
    expect(labelled.map((t) => t.stt)).toEqual(['1.1', '1.2', '1.3', '1.4', '1.5', '2', '3', '4.1', '4.2', '4.3', '4.4', '6.1', '6.2']);
    expect(by('1.1')).toMatchObject({ lead: 'Sở Thông tin và Truyền thông', support: 'Các Sở, Ban, ngành, UBND huyện, thị xã, thành phố', source: 'paragraph 57' });
    expect(by('4.3')?.lead).toBe('Sở Du lịch');
    expect(by('4.4')?.lead).toBe('Sở Ngoại vụ');
    expect(by('6.2')?.support).toMatch(/^Ban Tuyên giáo Tỉnh ủy, Ban Chỉ đạo Nhân quyền tỉnh, Công an tỉnh/);
  });

  it('reads the agency sections of "IV. TỔ CHỨC THỰC HIỆN" and stops at the closing sentence', () => {
    const org = r.tasks.filter((t) => /TỔ CHỨC THỰC HIỆN/.test(t.section));
    expect(org.find((t) => t.lead === 'Sở Tài chính')).toBeTruthy();
    expect(org.find((t) => /^Chủ trì, phối hợp với các Sở, ngành liên quan đôn đốc/.test(t.title))).toMatchObject({ lead: 'Sở Thông tin và Truyền thông', support: 'các Sở, ngành liên quan' });
    expect(org.find((t) => /báo cáo đánh giá kết quả/.test(t.title))?.time).toBe('trước ngày 15 tháng 12');
    expect(r.tasks.some((t) => /Nơi nhận|Trên đây|b\/c/.test(t.title))).toBe(false);
  });

  it('reads the plan number, its name written under "KẾ HOẠCH", its date, province and year', () => {
    expect(r.plan).toEqual({ number: '93/KH-UBND', title: 'KẾ HOẠCH Công tác thông tin đối ngoại tỉnh Bà Rịa - Vũng Tàu năm 2024', date: '10/04/2024', province: 'Bà Rịa - Vũng Tàu', year: 2024 });
  });
  it('the imported table keeps the plan year: check reads 2024, so the agencies of 2024 are not "gone since 28/02/2025"', async () => {
    const port = await xlsxPort(new ExcelJS.Workbook());
    await writeImported(port, r);
    const a = await analyze(port);
    expect(a.planYear).toBe(2024);
    expect(a.province).toBe('Bà Rịa - Vũng Tàu');
    expect(a.issues.filter((i) => /28\/02\/2025/.test(i.message))).toEqual([]);
  });
});

describe('agency by agency (seed 001, Trà Vinh 1899/QĐ-UBND)', () => {
  const r = importPlanText(seed('001_5b944f41a127e280.txt'), idx);
  it('reads whose plan it is: Trà Vinh (not "Ủy Về Tiếp Tục" from the title\'s "TỈNH ỦY VỀ TIẾP TỤC"), signed 12/12/2023', async () => {
    expect(r.plan).toMatchObject({ number: '1899/QĐ-UBND', date: '12/12/2023', year: 2023, province: 'Trà Vinh' });
    // the imported table says so in its title rows, and check reads it back: the province's own radio-TV is known
    const { rows } = importedRows(r);
    expect(rows[1]).toEqual(['Số 1899/QĐ-UBND ngày 12/12/2023 — tỉnh Trà Vinh — năm 2023']);
    const port = await xlsxPort(new ExcelJS.Workbook());
    await writeImported(port, r);
    const a = await analyze(port);
    expect(a.province).toBe('Trà Vinh');
    expect(a.issues.filter((i) => i.severity === 'error')).toEqual([]);
  });
  it('gives each paragraph under an agency to that agency, its role following the wording', () => {
    expect(r.tasks.every((t) => /TỔ CHỨC THỰC HIỆN/.test(t.section))).toBe(true);
    const vp = r.tasks.filter((t) => t.stt.startsWith('1.'));
    expect(vp).toHaveLength(5);
    // "Phối hợp với X …": X leads, the section's agency supports
    expect(vp[3]).toMatchObject({ lead: 'Sở Thông tin và Truyền thông, Công an tỉnh và các cơ quan, đơn vị có liên quan', support: 'Văn phòng Ủy ban nhân dân tỉnh' });
    // "Phối hợp …" with nobody named: the section's agency
    expect(vp[0].lead).toBe('Văn phòng Ủy ban nhân dân tỉnh');
    // "Chủ trì, phối hợp với X …": the section's agency leads, X supports
    expect(r.tasks.find((t) => t.stt === '2.1')).toMatchObject({ lead: 'Sở Thông tin và Truyền thông', support: 'các sở, ban, ngành tỉnh, địa phương' });
    expect(r.tasks.find((t) => t.stt === '7.1')).toMatchObject({ lead: 'Sở Thông tin và Truyền thông', support: 'Sở Nội vụ' });
  });
  it('opens a section on every agency heading, even one the list does not know, and never runs into the page footer', () => {
    const heads = [...new Set(r.tasks.map((t) => t.stt.split('.')[0]))];
    expect(heads).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11']);
    expect(r.tasks.filter((t) => t.stt.startsWith('11.')).map((t) => t.lead)[0]).toBe('Đài Phát thanh và Truyền hình Trà Vinh, các cơ quan báo chí tỉnh');
    expect(r.tasks.some((t) => /Ý kiến bạn đọc|Nhấp vào|Trên đây/.test(t.title))).toBe(false);
    expect(r.tasks).toHaveLength(41); // 5 + 7 + 4 + 4 + 3 + 1 + 1 + 4 + 2 + 5 + 5, counted by hand in the seed
  });
  it('reads no task from Mục đích, Yêu cầu or the tasks list without agencies', () => {
    expect(r.tasks.some((t) => /MỤC ĐÍCH|NHIỆM VỤ TRỌNG TÂM/.test(t.section))).toBe(false);
  });
});

describe('agency by agency with bullets and deadlines (seed 003, Đắk Lắk 2024)', () => {
  const r = importPlanText(seed('003_2f803b16aa6acc34.txt'), idx);
  it('reads the 17 agency sections of "IV. PHÂN CÔNG NHIỆM VỤ"', () => {
    const heads = [...new Set(r.tasks.filter((t) => /PHÂN CÔNG/.test(t.section)).map((t) => t.stt.split('.')[0]))];
    expect(heads).toEqual(Array.from({ length: 17 }, (_, i) => String(i + 1)));
    expect(r.tasks.find((t) => t.stt === '1.1')?.lead).toBe('Ban Tuyên giáo Tỉnh ủy');
    expect(r.tasks.find((t) => t.stt === '14.1')?.lead).toMatch(/^Báo Đắk Lắk, Đài Phát thanh và Truyền hình tỉnh; Tạp chí Chư Yang Sin/);
    expect(r.tasks.find((t) => t.stt === '2.3')).toMatchObject({ lead: 'Sở Thông tin và Truyền thông', support: 'Hội Nhà báo tỉnh, Văn phòng UBND tỉnh' });
    expect(r.tasks.find((t) => t.stt === '4.3')).toMatchObject({ lead: 'các sở, ngành liên quan', support: 'Sở Ngoại vụ' });
    // a district council the list does not hold, and a second place sharing its head
    expect(r.tasks.find((t) => t.stt === '11.3')).toMatchObject({ lead: 'Sở Thông tin và Truyền thông, UBND huyện Buôn Đôn và Ea Súp', support: 'Bộ Chỉ huy Bộ đội Biên phòng tỉnh' });
  });
  it('takes the deadlines written in the sentences of "V. TỔ CHỨC THỰC HIỆN"', () => {
    const v = r.tasks.filter((t) => /^V\./.test(t.section));
    expect(v.map((t) => t.time)).toEqual(['trước ngày 15/01/2024', 'định kỳ 6 tháng (trước ngày 15/6); chậm nhất vào ngày 20/11']);
    expect(v[0].lead).toBe('các đơn vị, địa phương được giao nhiệm vụ');
    expect(r.plan.year).toBe(2024);
  });
});

describe('deadlinesIn', () => {
  it('never takes the date of a cited document for a deadline', () => {
    expect(deadlinesIn('Triển khai Kết luận số 57-KL/TW ngày 15/6/2023 của Bộ Chính trị', 2024)).toBe('');
    expect(deadlinesIn('gửi về Sở Tài chính trước ngày 30/11/2024 để tổng hợp', 2024)).toBe('trước ngày 30/11/2024');
  });
});

describe('labelled blocks in other wordings (unit, hand-written)', () => {
  it('reads "Đơn vị chủ trì / Đơn vị phối hợp / Thời gian thực hiện" in any order, with or without the dash', () => {
    const text = ['II. NHIỆM VỤ', '1. Xây dựng cơ sở dữ liệu', 'Thời gian thực hiện: Quý II/2025.', 'Đơn vị phối hợp: Sở Tài chính.', '- Đơn vị chủ trì: Sở Nội vụ.'].join('\n');
    expect(importPlanText(text, idx).tasks).toEqual([{ stt: '1', title: 'Xây dựng cơ sở dữ liệu', lead: 'Sở Nội vụ', support: 'Sở Tài chính', time: 'Quý II/2025', section: 'II. NHIỆM VỤ', source: 'paragraph 2' }]);
  });
  it('joins hard-wrapped paragraphs (blank-line separated text)', () => {
    const text = '1. Tổ chức tập huấn\n\n- Cơ quan chủ trì: Bộ Công\nan.\n\n- Cơ quan phối hợp: các bộ,\ncơ quan ngang bộ.\n\n';
    expect(importPlanText(text, idx).tasks[0]).toMatchObject({ lead: 'Bộ Công an', support: 'các bộ, cơ quan ngang bộ' });
  });
  it('says why nothing was found', () => {
    const r = importPlanText('I. MỤC ĐÍCH\nTăng cường công tác thông tin.', idx);
    expect(r.tasks).toEqual([]);
    expect(r.empty).toMatch(/Không tìm thấy phần phân công/);
  });
  it('never throws, whatever the text', () => {
    fc.assert(fc.property(fc.string({ maxLength: 400 }), (s) => Array.isArray(importPlanText(s, idx).tasks)), { numRuns: 300 });
    fc.assert(fc.property(fc.array(fc.constantFrom('1. Sở Y tế', 'IV. PHÂN CÔNG', '- Chủ trì, phối hợp với ', 'Sở Tài chính', '- Cơ quan chủ trì:', '\n', '\n\n', 'trước ngày 15/6', 'Yêu cầu các sở:'), { maxLength: 40 }), (parts) => Array.isArray(importPlanText(parts.join(' '), idx).tasks)), { numRuns: 300 });
  });
});

describe('writing the imported table through the port', () => {
  it('never writes over a sheet: a workbook that has "Phụ lục" gets "Phụ lục (2)", the old sheet untouched', async () => {
    const old = new ExcelJS.Workbook();
    old.addWorksheet('Phụ lục').getCell('A1').value = 'bảng cũ';
    const port = await xlsxPort(old);
    const r = importPlanText(seed('001_5b944f41a127e280.txt'), idx);
    const w = await writeImported(port, r);
    expect(w).toEqual({ sheet: 'Phụ lục (2)', headerRow: 4 });
    expect(port.wb.getWorksheet('Phụ lục')!.getCell('A1').value).toBe('bảng cũ');
    const ws = port.wb.getWorksheet('Phụ lục (2)')!;
    expect(ws.getRow(4).values).toEqual([undefined, 'STT', 'Tên nhiệm vụ', 'Cơ quan chủ trì', 'Cơ quan phối hợp', 'Thời gian thực hiện', 'Nguồn']);
    expect(ws.getCell('A5').value).toBe('III'); // the part's section row
    expect(ws.getCell('C6').value).toBe('Văn phòng Ủy ban nhân dân tỉnh');
    expect(ws.getCell('F6').value).toBe('dòng 70');
    expect(freeSheetName(['Phụ lục', 'phụ lục (2)'])).toBe('Phụ lục (3)');
  });
});

describe('numbers of the imported table', () => {
  const task = (stt: string, section: string) => ({ stt, title: 'x', lead: 'Sở Y tế', support: '', time: '', section, source: '' });
  it('numbering restarted per part goes under the part\'s numeral, or a regulation\'s article number; two parts both written "IV." stay apart', () => {
    expect(tableNumbers([task('1.1', 'II. NỘI DUNG'), task('1.1', 'IV. TỔ CHỨC THỰC HIỆN')])).toEqual(['II.1.1', 'IV.1.1']);
    expect(tableNumbers([task('1.1', 'Điều 5. Phối hợp trong tham mưu'), task('1.1', 'Điều 6. Phối hợp trong quản lý')])).toEqual(['5.1.1', '6.1.1']);
    // cantho-153-kh-ubnd-2025 (test/fixtures/real/prose/): "IV. PHÂN CÔNG NHIỆM VỤ" then "IV. TỔ CHỨC THỰC HIỆN"
    expect(tableNumbers([task('1.1', 'IV. PHÂN CÔNG NHIỆM VỤ'), task('1.2', 'IV. PHÂN CÔNG NHIỆM VỤ'), task('1.1', 'IV. TỔ CHỨC THỰC HIỆN')])).toEqual(['IV.1.1', 'IV.1.2', 'IVb.1.1']);
    expect(tableNumbers([task('1', 'II. A'), task('2', 'II. A')])).toEqual(['1', '2']);
  });
});

describe('every task of the three prose seeds, as listed in seeds_expected.tsv', () => {
  const expected = readFileSync(join(__dirname, '..', 'fixtures', 'real', 'seeds_expected.tsv'), 'utf8')
    .split('\n')
    .filter((l) => l && !l.startsWith('#'))
    .map((l) => l.split('\t'));
  it.each(['000_0acecf4bda859265', '001_5b944f41a127e280', '003_2f803b16aa6acc34'])('seed %s: each task with its lead, support and time, and no other', (name) => {
    const want = expected.filter((r) => r[0] === name.slice(0, 3)).map(([, stt, lead, support, time, title]) => ({ stt, lead, support, time, title }));
    const got = importPlanText(seed(`${name}.txt`), idx).tasks.map((t) => ({ stt: t.stt, lead: t.lead, support: t.support, time: t.time, title: [...t.title].slice(0, 60).join('') }));
    expect(want.length).toBeGreaterThan(19);
    expect(got).toEqual(want);
  });
});
