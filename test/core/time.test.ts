import { parseTime, findPlanYear } from '../../src/core/time';
import { EXTERNAL_TIME_PHRASES } from '../fixtures/external-phrases';

type Expect = [phrase: string, quarters: number[], deadline: string | null, recurrence?: string | null];

// Every time phrase of the four seeds (../shared/seeds), with the expected schedule (plan year 2024).
const SEED_PHRASES: Expect[] = [
  // 002 (Đồng Nai 2018 appendix), read with plan year 2024 for uniform dates
  ['Hàng tháng, quý', [1, 2, 3, 4], null, 'monthly'],
  ['Quý III', [3], null, null],
  ['Quý II, III', [2, 3], null, null],
  ['Quý II,III', [2, 3], null, null],
  ['Cả năm', [1, 2, 3, 4], '2024-12-31', 'continuous'], // the end of the plan year (issue 20)
  ['Hàng quý', [1, 2, 3, 4], null, 'quarterly'],
  ['- Cả năm', [1, 2, 3, 4], '2024-12-31', 'continuous'],
  // 003 (Đắk Lắk 2024)
  ['trước ngày 15/01/2024', [1], '2024-01-15', 'once'],
  ['trước ngày  15/01/2024 ', [1], '2024-01-15', 'once'],
  ['định kỳ 6 tháng (trước ngày 15/6)', [2], '2024-06-15', 'semiannual'],
  ['định kỳ 6 tháng  (trước ngày 15/6) ', [2], '2024-06-15', 'semiannual'],
  ['chậm nhất vào ngày 20/11', [4], '2024-11-20', 'once'],
  ['chậm nhất vào ngày  20/11 ', [4], '2024-11-20', 'once'],
  // 000 (Bà Rịa – Vũng Tàu 2024), 002 body
  ['trước ngày 15 tháng 12', [4], '2024-12-15', 'once'],
  ['trước ngày 05 tháng 11 hàng năm', [4], '2024-11-05', 'annual'],
];

describe('parseTime on every seed phrase', () => {
  test.each(SEED_PHRASES)('%s', (phrase, quarters, deadline, recurrence) => {
    const r = parseTime(phrase, 2024);
    expect(r.ok).toBe(true);
    expect(r.quarters).toEqual(quarters);
    expect(r.deadline).toBe(deadline);
    if (recurrence !== undefined) expect(r.recurrence).toBe(recurrence);
  });

  test('multi-line cell of seed 002 row 1 gives the union', () => {
    const r = parseTime('- Hàng tháng, quý\n\n- Quý III\n\n- Quý II, III\n\n- Cả năm', 2018);
    expect(r.quarters).toEqual([1, 2, 3, 4]);
    expect(r.years).toEqual([2018]);
  });
});

describe('contract semantics (docs/CONTRACTS.md parse-time)', () => {
  test('example line', () => {
    expect(parseTime('Quý II, III', 2024)).toEqual({
      input: 'Quý II, III',
      ok: true,
      quarters: [2, 3],
      months: [4, 5, 6, 7, 8, 9],
      deadline: null,
      recurrence: null,
      years: [2024],
      spans: [{ kind: 'period', text: 'Quý II, III', start: 0, end: 11 }],
      unread: [],
    });
  });
  test('"trước ngày X" excludes X', () => {
    expect(parseTime('trước ngày 01/7/2026', 2026).quarters).toEqual([2]);
    const r = parseTime('trước ngày 01/01/2026', 2026);
    expect(r.quarters).toEqual([]);
    expect(r.years).toEqual([2025]);
    expect(r.deadline).toBe('2026-01-01');
  });
  test('end of a named period is the deadline', () => {
    expect(parseTime('Quý III/2024', 2024).deadline).toBe('2024-09-30');
    expect(parseTime('Tháng 12/2024', 2024).deadline).toBe('2024-12-31');
    expect(parseTime('chậm nhất ngày 20/11', 2025).deadline).toBe('2025-11-20');
  });
  test('outside the plan year', () => {
    const r = parseTime('Quý I/2027', 2026);
    expect(r).toMatchObject({ ok: true, quarters: [], years: [2027] });
  });
  test('whole-year, halves and six-monthly reporting', () => {
    for (const p of ['Cả năm', 'Thường xuyên', 'Hàng tháng', 'Hàng quý', 'Năm 2024', 'Thường xuyên, liên tục', 'Hằng năm']) expect(parseTime(p, 2024).quarters).toEqual([1, 2, 3, 4]);
    expect(parseTime('6 tháng đầu năm', 2024).quarters).toEqual([1, 2]);
    expect(parseTime('6 tháng cuối năm', 2024).quarters).toEqual([3, 4]);
    expect(parseTime('định kỳ 6 tháng', 2024)).toMatchObject({ quarters: [2, 4], recurrence: 'semiannual' });
  });
  test('years named or spanned', () => {
    expect(parseTime('2024-2025', 2024).years).toEqual([2024, 2025]);
    expect(parseTime('Giai đoạn 2021-2025', 2024).years).toEqual([2021, 2022, 2023, 2024, 2025]);
  });
  test('unreadable phrases never guess', () => {
    for (const p of ['Theo yêu cầu của Bộ', 'Khi có yêu cầu', 'Theo chỉ đạo của Bộ', '', 'Đột xuất']) {
      const r = parseTime(p, 2024);
      expect(r.ok).toBe(false);
      expect(r.quarters).toEqual([]);
    }
  });
  test('months and ranges', () => {
    expect(parseTime('Tháng 3', 2024)).toMatchObject({ quarters: [1], months: [3], deadline: null });
    expect(parseTime('Tháng 3-5/2024', 2024)).toMatchObject({ quarters: [1, 2], months: [3, 4, 5] });
    expect(parseTime('Từ tháng 4 đến tháng 6', 2024)).toMatchObject({ quarters: [2], months: [4, 5, 6] });
    expect(parseTime('Tháng 9 - 12/2024', 2024)).toMatchObject({ quarters: [3, 4], deadline: '2024-12-31' });
    expect(parseTime('hoàn thành trong tháng 9', 2024)).toMatchObject({ quarters: [3], deadline: '2024-09-30' });
    expect(parseTime('quý 2', 2024).quarters).toEqual([2]);
    expect(parseTime('Q3', 2024).quarters).toEqual([3]);
    expect(parseTime('Quý I/2024', 2024).quarters).toEqual([1]);
  });
  test('tone variants and NFD text read the same', () => {
    const nfd = 'Quý II, III'.normalize('NFD');
    expect(parseTime(nfd, 2024).quarters).toEqual([2, 3]);
    expect(parseTime('Thuờng xuyên', 2024).quarters).toEqual([1, 2, 3, 4]);
  });
});

describe('plan year from the title', () => {
  test('finds "NĂM 2018"', () => {
    expect(findPlanYear(['PHỤ LỤC', 'PHÂN CÔNG NHIỆM VỤ THÔNG TIN ĐỐI NGOẠI NĂM 2018'])).toBe(2018);
    expect(findPlanYear(['PHỤ LỤC'])).toBeNull();
  });
  // titles of the real appendix tables (test/fixtures/real/tables/, sources there)
  test.each([
    ['PHỤ LỤC II DANH MỤC CÁC NHIỆM VỤ, DỰ ÁN ƯU TIÊN THỰC HIỆN KẾ HOẠCH HÀNH ĐỘNG QUỐC GIA VỀ KHẮC PHỤC Ô NHIỄM VÀ QUẢN LÝ CHẤT LƯỢNG MÔI TRƯỜNG KHÔNG KHÍ GIAI ĐOẠN 2026 - 2030, TẦM NHÌN ĐẾN NĂM 2045 (Kèm theo Quyết định số 2530/QĐ-TTg ngày 19 tháng 11 năm 2025 của Thủ tướng Chính phủ)', 2026],
    ['PHỤ LỤC DANH MỤC CÁC NHIỆM VỤ TRỌNG TÂM CỦA ĐỀ ÁN HỖ TRỢ, PHÁT TRIỂN CÁC DOANH NGHIỆP CÔNG NGHỆ SỐ VƯƠN RA TOÀN CẦU ĐẾN NĂM 2030, TẦM NHÌN ĐẾN NĂM 2045 (Kèm theo Quyết định số 982/QĐ-TTg ngày 04 tháng 6 năm 2026 của Thủ tướng Chính phủ)', 2026],
    ['PHỤ LỤC DANH MỤC CÁC NHIỆM VỤ, GIẢI PHÁP TRỌNG TÂM TRIỂN KHAI TRONG NHỮNG THÁNG CUỐI NĂM 2025 (Kèm theo Công văn số 6225/BVHTTDL-VP ngày 18/11/2025 của Bộ Văn hóa, Thể thao và Du lịch)', 2025],
  ])('a horizon ("tầm nhìn đến năm 2045", "đến năm 2030") is never the plan year; a period gives its first year; the signing date comes last: %s', (title, year) => {
    expect(findPlanYear([title])).toBe(year);
  });
  test('a title naming its year wins over the date a line above was signed', () => {
    expect(findPlanYear(['(Kèm theo Kế hoạch số 12/KH-UBND ngày 28 tháng 12 năm 2023)', 'PHÂN CÔNG NHIỆM VỤ NĂM 2024'])).toBe(2024);
    expect(findPlanYear(['Số 93/KH-UBND ngày 10/04/2024'])).toBe(2024);
    // nothing but the end of the plan: one of its years, never the vision's
    expect(findPlanYear(['KẾ HOẠCH PHÁT TRIỂN DU LỊCH ĐẾN NĂM 2025'])).toBe(2025);
    expect(findPlanYear(['CHIẾN LƯỢC PHÁT TRIỂN, TẦM NHÌN ĐẾN NĂM 2045'])).toBeNull();
  });
});

describe('phrases collected from other plans', () => {
  test('share exactly right (reported by the bench; floor asserted here)', () => {
    let right = 0;
    const wrong: string[] = [];
    for (const [phrase, year, quarters, deadline] of EXTERNAL_TIME_PHRASES) {
      const r = parseTime(phrase, year);
      const ok = quarters === null ? !r.ok : r.ok && JSON.stringify(r.quarters) === JSON.stringify(quarters) && (deadline === undefined || r.deadline === deadline);
      if (ok) right++;
      else wrong.push(`${phrase} → ${JSON.stringify(r.quarters)} ${r.deadline}`);
    }
    expect(EXTERNAL_TIME_PHRASES.length).toBeGreaterThanOrEqual(100);
    // the phrases missed are listed when the share drops below 98 %
    expect({ share: right / EXTERNAL_TIME_PHRASES.length >= 0.98, wrong: right / EXTERNAL_TIME_PHRASES.length >= 0.98 ? [] : wrong }).toEqual({ share: true, wrong: [] });
  });
});
