// Every phrase issue 20 quotes from real plans, with the answer the contract (docs/CONTRACTS.md,
// parse-time) and its added semantics give. Unit tests, not an accuracy figure: that is
// test/real/time.test.ts.
import fc from 'fast-check';
import { parseTime, readPhrase } from '../../src/core/time';

type Row = [phrase: string, year: number, quarters: number[], deadline: string | null];

const RANGES: Row[] = [
  ['Từ quý III/2026 đến quý III/2030', 2026, [3, 4], '2030-09-30'],
  ['Từ 01/01 đến 31/12', 2026, [1, 2, 3, 4], '2026-12-31'],
  ['từ ngày 01/01 - 31/3', 2026, [1], '2026-03-31'],
  ['từ ngày 11 – 15/11/2023', 2023, [4], '2023-11-15'],
  ['từ ngày 01/7/2023 đến hết ngày 30/6/2024', 2023, [3, 4], '2024-06-30'],
  ['2026 - 2030', 2026, [1, 2, 3, 4], '2030-12-31'],
  ['Năm\n2026 - 2027', 2026, [1, 2, 3, 4], '2027-12-31'],
  ['Giai đoạn 2026 - 2030', 2026, [1, 2, 3, 4], '2030-12-31'],
];
const OPEN_STARTS: Row[] = [
  ['Từ tháng 8/2023', 2023, [3, 4], null],
  ['Từ tháng 5/2026, thường xuyên', 2026, [2, 3, 4], null],
  ['Từ quý II/2027', 2026, [], null],
];
const DELIVERABLE_THEN_CONTINUOUS: Row[] = [
  ['Quý II/2026 và triển khai thường xuyên', 2026, [2, 3, 4], '2026-06-30'],
  ['Tháng 12/2026 và thực hiện thường xuyên', 2026, [4], '2026-12-31'],
  ['Thường xuyên; báo cáo trước ngày 15/12', 2026, [1, 2, 3, 4], '2026-12-15'],
];
const GLUED: Row[] = [
  ['Quý IV2026', 2026, [4], '2026-12-31'],
  ['trong quý I.2020', 2020, [1], '2020-03-31'],
  ['trong tháng 4.2025', 2025, [2], '2025-04-30'],
];
const IN_SENTENCES: Row[] = [
  ['Hoàn thành xây dựng Đề án trong quý II/2026', 2026, [2], '2026-06-30'],
  ['Ban hành các quy định trong Quý II/2026. Đầu tư, nâng cấp hạ tầng thông tin và xây dựng cơ sở dữ liệu trong Quý II/2026. Cập nhật thường xuyên', 2026, [2, 3, 4], '2026-06-30'],
];
const OUTSIDE_YEAR: Row[] = [
  ['Trong năm 2024', 2023, [], '2024-12-31'],
  ['Trong năm 2024 - 2025', 2023, [], '2025-12-31'],
];
const PARTS_OF_YEAR: Row[] = [
  ['4 tháng đầu năm 2026', 2026, [1, 2], '2026-04-30'],
  ['Cuối năm', 2026, [4], '2026-12-31'],
  ['Đầu năm 2024', 2024, [1], null],
  ['Quý I, II', 2026, [1, 2], null],
];
const NAMED_PERIOD_DEADLINES: Row[] = [
  ['Năm 2026', 2026, [1, 2, 3, 4], '2026-12-31'],
  ['Cả năm', 2026, [1, 2, 3, 4], '2026-12-31'],
  ['6 tháng đầu năm', 2026, [1, 2], '2026-06-30'],
  ['2026 - 2030', 2026, [1, 2, 3, 4], '2030-12-31'],
];
const RECURRENCE_WITH_EXTRAS: Row[] = [
  ['Hằng năm và từng giai đoạn', 2026, [1, 2, 3, 4], null],
  ['Hằng năm từ quý IV/2026 - 2029', 2026, [4], '2029-12-31'],
  ['định kỳ 6 tháng (trước ngày 15/6)', 2024, [2], '2024-06-15'],
];

describe.each([
  ['ranges', RANGES],
  ['open starts', OPEN_STARTS],
  ['a deliverable then continuing work', DELIVERABLE_THEN_CONTINUOUS],
  ['glued or dotted forms', GLUED],
  ['a phrase inside a sentence', IN_SENTENCES],
  ['outside the plan year', OUTSIDE_YEAR],
  ['parts of a year', PARTS_OF_YEAR],
  ['deadlines of named periods', NAMED_PERIOD_DEADLINES],
  ['recurrence with extras', RECURRENCE_WITH_EXTRAS],
])('%s', (_name, rows) => {
  test.each(rows)('%j (%i)', (phrase, year, quarters, deadline) => {
    const r = parseTime(phrase, year);
    expect(r.ok).toBe(true);
    expect({ quarters: r.quarters, deadline: r.deadline }).toEqual({ quarters, deadline });
  });
});

describe('what was read and what was not', () => {
  test('a sentence: the schedule is read, the rest is reported', () => {
    const r = parseTime('Quý IV/2024 và theo lộ trình triển khai các Trung tâm dữ liệu theo Đề án', 2023);
    expect(r.spans.map((s) => s.text)).toEqual(['Quý IV/2024']);
    expect(r.unread).toEqual(['và theo lộ trình triển khai các Trung tâm dữ liệu theo Đề án']);
  });
  test('spans point into the input', () => {
    const input = 'Ban hành các quy định trong Quý II/2026. Cập nhật thường xuyên';
    const r = parseTime(input, 2026);
    for (const s of r.spans) expect(input.slice(s.start, s.end)).toBe(s.text);
    expect(r.spans.map((s) => [s.kind, s.text])).toEqual([
      ['period', 'Quý II/2026'],
      ['recurrence', 'thường xuyên'],
    ]);
  });
  test('a remark in parentheses that is no schedule is unread, not read', () => {
    const r = parseTime('Năm 2026 (sau khi Chính phủ ban hành Nghị định quy định về vị trí việc làm công chức)', 2026);
    expect(r.deadline).toBe('2026-12-31');
    expect(r.unread).toEqual(['sau khi Chính phủ ban hành Nghị định quy định về vị trí việc làm công chức']);
  });
  test('"31" in "01/01 - 31/3" is a day, never the year 2031', () => {
    expect(parseTime('từ ngày 01/01 - 31/3', 2026).years).toEqual([2026]);
  });
  test('years that name a programme, a horizon or a law are not read as a schedule', () => {
    for (const p of ['Thời hạn ban hành: Theo tiến độ được giao của Luật An ninh mạng 2025.', 'Ban hành kế hoạch thực hiện Chương trình tại địa phương giai đoạn 2025 - 2035, định hướng đến năm 2045', 'Định kỳ thu thập thông tin theo Thông tư số 10/2022/TT-BLĐTBXH.', 'Nguồn chi thường xuyên sự nghiệp giáo dục đào tạo;'])
      expect(parseTime(p, 2025)).toMatchObject({ ok: false, quarters: [], deadline: null });
  });
  test('a later revision "in the following years" does not make a deliverable open', () => {
    expect(parseTime('Hoàn thành trong quý I năm 2026 và có rà soát, sửa đổi, bổ sung trong các năm tiếp theo (nếu có)', 2026)).toMatchObject({ quarters: [1], deadline: '2026-03-31' });
    expect(parseTime('Năm 2026\nvà các năm tiếp theo', 2026)).toMatchObject({ quarters: [1, 2, 3, 4], deadline: null, recurrence: null });
  });
});

// Pieces of real time cells, joined at random: the parser must hold its invariants on any mix.
const PIECES = ['Quý', 'quý', 'II', 'IV', '3', '/2026', '2024', 'năm', 'Năm', 'tháng', '12', '01/01', '31/3', 'ngày', 'trước', 'từ', 'đến', 'hết', '-', '–', ',', '.', 'và', 'thường xuyên', 'hằng năm', 'định kỳ 6 tháng', 'Cả năm', 'đầu', 'cuối', 'giai đoạn', '(', ')', 'các năm tiếp theo', 'theo', 'Luật', '15/6', '4.2025', '\n', '- '];
const phrase = fc.array(fc.constantFrom(...PIECES), { maxLength: 12 }).chain((ps) => fc.array(fc.constantFrom(' ', '', '  '), { minLength: ps.length, maxLength: ps.length }).map((sp) => ps.map((p, i) => p + sp[i]).join('')));

describe('properties of the time parser', () => {
  test('never throws on any string; quarters ⊆ 1..4, months ⊆ 1..12, sorted', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 80 }), phrase), fc.integer({ min: 1990, max: 2100 }), (s, y) => {
        const r = parseTime(s, y);
        expect(r.quarters.every((q) => q >= 1 && q <= 4)).toBe(true);
        expect(r.months.every((m) => m >= 1 && m <= 12)).toBe(true);
        expect([...r.quarters].sort((a, b) => a - b)).toEqual(r.quarters);
        expect(r.quarters).toEqual([...new Set(r.months.map((m) => Math.ceil(m / 3)))]);
      }),
      { numRuns: 10_000 },
    );
  });
  test('a parsed range never ends before it starts', () => {
    fc.assert(
      fc.property(phrase, (s) => {
        for (const c of readPhrase(s, 2026).components) if (c.kind === 'period') for (const i of c.intervals) expect(i.to).toBeGreaterThanOrEqual(i.from);
      }),
      { numRuns: 5_000 },
    );
  });
  test('the result does not depend on surrounding spaces, case or NFC/NFD', () => {
    fc.assert(
      fc.property(phrase, (s) => {
        const pick = (p: string) => {
          const r = parseTime(p, 2026);
          return [r.ok, r.quarters, r.months, r.deadline, r.recurrence, r.years];
        };
        const base = pick(s);
        expect(pick(`  ${s} `)).toEqual(base);
        expect(pick(s.toUpperCase())).toEqual(base);
        expect(pick(s.normalize('NFD'))).toEqual(base);
      }),
      { numRuns: 3_000 },
    );
  });
});
