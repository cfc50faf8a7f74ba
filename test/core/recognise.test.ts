// Every phenomenon issue 14 quotes from real plans, as unit tests on the recogniser with the
// built-in list (not an accuracy figure: that is test/real/agencies.test.ts).
import { buildIndex, type MatchIndex } from '../../src/core/agencies/match';
import { builtinMasterList } from '../../src/core/agencies/builtin';
import { parseMentions, unreadText } from '../../src/core/agencies/split';
import type { MasterList } from '../../src/core/schemas';
import { analyzeSnapshot, levelFromTitles } from '../../src/app/usecases';
import { gridOf } from '../helpers';

const province = buildIndex(builtinMasterList('Đồng Nai'), 'Đồng Nai');
const central = buildIndex(builtinMasterList(), null, 'central');
const read = (cell: string, idx: MatchIndex = province) => parseMentions(cell, idx).map((m) => m.agency ?? `(${m.collective ?? 'unknown'})`);
const statusOf = (cell: string, idx: MatchIndex = province) => parseMentions(cell, idx).map((m) => m.status);

describe('titles and roles around the name: the answer is the agency', () => {
  test.each([
    ['Giám đốc Sở Văn hóa, Thể thao và Du lịch', ['Sở Văn hóa, Thể thao và Du lịch']],
    ['Chánh Văn phòng UBND tỉnh', ['Văn phòng UBND tỉnh']],
    ['Thủ trưởng các Sở, Ban, ngành', ['(departments)']],
    ['Trưởng Ban Tuyên giáo và Dân vận tỉnh', ['Ban Tuyên giáo và Dân vận Tỉnh ủy']],
    ['Phó trưởng ban Tuyên giáo Tỉnh ủy', ['Ban Tuyên giáo Tỉnh ủy']],
    ['Chủ tịch UBND các xã', ['(localities)']],
    ['CVP, PVP UBND tỉnh', ['Văn phòng UBND tỉnh']],
    ['Giao Giám đốc: Sở Nội vụ, Sở Tư pháp', ['Sở Nội vụ', 'Sở Tư pháp']],
  ])('%s', (cell, want) => expect(read(cell)).toEqual(want));
  test('a title is not part of the mention text', () => {
    expect(parseMentions('Giám đốc Sở Y tế', province)[0]).toMatchObject({ text: 'Sở Y tế', start: 9, end: 16 });
  });
});

describe('text after or before the name is not read as a name', () => {
  test.each([
    ['Bộ Tài chính tổng kết', ['Bộ Tài chính']],
    ['Bộ Tư pháp chủ trì hướng dẫn', ['Bộ Tư pháp']],
    ['Bộ Công an: chủ trì kinh tế dữ liệu', ['Bộ Công an']],
    ['Về quản lý quy hoạch khoáng sản: Bộ Nông nghiệp và Môi trường', ['Bộ Nông nghiệp và Môi trường']],
    ['1. Bộ Tư pháp chủ trì đề án', ['Bộ Tư pháp']],
  ])('%s', (cell, want) => expect(read(cell, central)).toEqual(want));
  test('Sở Y tế đối với địa phương: the scope after "đối với" names nobody', () => {
    expect(read('Sở Y tế đối với địa phương')).toEqual(['Sở Y tế']);
    expect(read('Sở Thông tin và Truyền thông chủ trì')).toEqual(['Sở Thông tin và Truyền thông']);
  });
  test('words that are neither a name nor filler are returned as unread', () => {
    expect(unreadText('Ủy ban nhân dân cấp tỉnh trình Hội đồng nhân dân cùng cấp', central)).toEqual([]);
    expect(read('Ủy ban nhân dân cấp tỉnh trình Hội đồng nhân dân cùng cấp', central)).toEqual(['(provinces)']);
    expect(unreadText('Sở Tư pháp, nhiệm vụ trọng tâm', province)).toEqual(['nhiệm vụ trọng tâm']);
  });
});

describe('shared heads left out: the master list decides where a name ends', () => {
  test.each([
    ['Bộ Xây dựng, Khoa học và Công nghệ', ['Bộ Xây dựng', 'Bộ Khoa học và Công nghệ']],
    ['Bộ Văn hoá, Thể thao và Du lịch, Ngoại giao', ['Bộ Văn hóa, Thể thao và Du lịch', 'Bộ Ngoại giao']],
    ['Các Bộ: NN&MT, Xây dựng, Công thương, Y tế, Giáo dục và Đào tạo', ['Bộ Nông nghiệp và Môi trường', 'Bộ Xây dựng', 'Bộ Công Thương', 'Bộ Y tế', 'Bộ Giáo dục và Đào tạo']],
  ])('%s', (cell, want) => expect(read(cell, central)).toEqual(want));
  test('Giám đốc các Sở: Lao động - Thương binh và Xã hội, Tư pháp, Y tế', () => {
    expect(read('Giám đốc các Sở: Lao động - Thương binh và Xã hội, Tư pháp, Y tế')).toEqual(['Sở Lao động, Thương binh và Xã hội', 'Sở Tư pháp', 'Sở Y tế']);
  });
  test('Sở TT-TT: Thái Bình, Hà Tĩnh, Quảng Bình (a head shared by provinces)', () => {
    const list: MasterList = { origin: 'test', agencies: ['Thái Bình', 'Hà Tĩnh', 'Quảng Bình'].map((p) => ({ name: `Sở TT&TT ${p}`, group: 'department' as const, aliases: [] })) };
    expect(read('Sở TT-TT: Thái Bình, Hà Tĩnh, Quảng Bình', buildIndex(list))).toEqual(['Sở TT&TT Thái Bình', 'Sở TT&TT Hà Tĩnh', 'Sở TT&TT Quảng Bình']);
  });
});

describe('abbreviations officers use', () => {
  test.each([
    ['STTTT', 'Sở Thông tin và Truyền thông'],
    ['SNgV', 'Sở Ngoại vụ'],
    ['Sở NN&PTNT', 'Sở Nông nghiệp và Phát triển nông thôn'],
    ['NN&PTNT', 'Sở Nông nghiệp và Phát triển nông thôn'],
    ['Sở Nông nghiệp & PTNT', 'Sở Nông nghiệp và Phát triển nông thôn'],
    ['Ban TG Tỉnh ủy', 'Ban Tuyên giáo Tỉnh ủy'],
    ['VP. Tỉnh ủy', 'Văn phòng Tỉnh ủy'],
    ['UBMTTQ tỉnh', 'Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh'],
    ['Đài PTTH tỉnh', 'Đài Phát thanh và Truyền hình Đồng Nai'],
    ['BĐBP tỉnh', 'Bộ Chỉ huy Bộ đội Biên phòng tỉnh'],
    ['CHQS tỉnh', 'Bộ Chỉ huy Quân sự tỉnh'],
  ])('%s → %s', (cell, want) => {
    expect(read(cell)).toEqual([want]);
    expect(statusOf(cell)).toEqual(['abbreviation']);
  });
  test.each([
    ['Bộ KHCN', ['Bộ Khoa học và Công nghệ']],
    ['VTV, VOV', ['Đài Truyền hình Việt Nam', 'Đài Tiếng nói Việt Nam']],
    ['Bộ NN&MT', ['Bộ Nông nghiệp và Môi trường']],
  ])('%s (central)', (cell, want) => expect(read(cell, central)).toEqual(want));
  test('an abbreviation two entries share is no answer', () => {
    const list: MasterList = { origin: 'test', agencies: ['Sở Tài chính', 'Sở Tư pháp'].map((name) => ({ name, group: 'department' as const, aliases: [] })) };
    const [m] = parseMentions('Sở T', buildIndex(list));
    expect(m.agency).toBeNull();
    const two: MasterList = { origin: 'test', agencies: ['Sở Thông tin và Truyền thông', 'Sở Thể thao và Tuyên truyền'].map((name) => ({ name, group: 'department' as const, aliases: [] })) };
    expect(parseMentions('Sở TT&TT', buildIndex(two))[0]).toMatchObject({ agency: null, status: 'unknown', suggestions: ['Sở Thông tin và Truyền thông', 'Sở Thể thao và Tuyên truyền'] });
  });
  test('a standard short form stands only for its words: "TP." is never "Tư pháp"', () => {
    expect(read('TP. Hồ Chí Minh, Đà Nẵng', central)).not.toContain('Bộ Tư pháp');
  });
  test('the cell teaches its abbreviation: "Sở Thông tin và Truyền thông (Sở TT-TT)"', () => {
    expect(parseMentions('Sở Thông tin và Truyền thông (Sở TT-TT)', province)[0]).toMatchObject({ agency: 'Sở Thông tin và Truyền thông', learnedAlias: 'Sở TT-TT', text: 'Sở Thông tin và Truyền thông (Sở TT-TT)' });
  });
});

describe('typing accidents are matched and reported, with the official name as the fix', () => {
  test.each([
    ['Sở Kế hoạchvà Đầu tư', 'Sở Kế hoạch và Đầu tư'],
    ['Công an tinh', 'Công an tỉnh'],
    ['Sở Thông tin -Truyền thông', 'Sở Thông tin và Truyền thông'],
    ['Sở Thông tin Truyền thông', 'Sở Thông tin và Truyền thông'],
    ['Đài Phát thanh- Truyền hình tỉnh', 'Đài Phát thanh và Truyền hình Đồng Nai'],
    ['So Tai chinh', 'Sở Tài chính'],
    ['Sở Tu phap', 'Sở Tư pháp'],
  ])('%s → %s (fuzzy)', (cell, want) => {
    expect(parseMentions(cell, province)).toMatchObject([{ agency: want, status: 'fuzzy', suggestions: [want] }]);
  });
  test('a word written with other diacritics is another word: "Bảo hiểm" is not "Báo"', () => {
    expect(read('Bảo hiểm xã hội tỉnh').includes('Báo Đồng Nai')).toBe(false);
  });
  test('the official name, upper or lower case, is exact', () => {
    expect(statusOf('Sở Thông tin và truyền thông')).toEqual(['exact']);
    expect(statusOf('Sở Văn hoá, Thể thao và Du lịch')).toEqual(['exact']);
  });
});

describe('master lists with the province in the name', () => {
  const list = (names: string[], p: string) => buildIndex({ origin: 'test', agencies: names.map((name) => ({ name, group: 'department' as const, aliases: [] })) }, p);
  test.each([
    [['Sở Tư pháp tỉnh Quảng Ngãi'], 'Quảng Ngãi', 'Sở Tư pháp', 'Sở Tư pháp tỉnh Quảng Ngãi'],
    [['Văn phòng Ủy ban nhân dân tỉnh An Giang'], 'An Giang', 'Văn phòng UBND tỉnh', 'Văn phòng Ủy ban nhân dân tỉnh An Giang'],
    [['Đài Phát thanh và Truyền hình Nghệ An'], 'Nghệ An', 'Đài PT-TH tỉnh', 'Đài Phát thanh và Truyền hình Nghệ An'],
  ])('%j: "%s" … %s', (names, p, cell, want) => expect(read(cell, list(names, p))).toEqual([want]));
  test('the province implied is exact; another province is not this agency', () => {
    const idx = list(['Sở Tư pháp tỉnh Quảng Ngãi'], 'Quảng Ngãi');
    expect(statusOf('Sở Tư pháp', idx)).toEqual(['exact']);
    expect(read('Sở Tư pháp tỉnh Bình Định', idx)).toEqual(['(unknown)']);
  });
});

describe('collectives, several in one cell', () => {
  test.each([
    ['Sở, ban, ngành tỉnh', ['(departments)']],
    ['xã, phường, thị trấn', ['(localities)']],
    ['UBND cấp xã', ['(localities)']],
    ['các sở, ban, ngành, đoàn thể', ['(departments)', '(mass_orgs)']],
    ['lực lượng vũ trang tỉnh', ['(other)']],
    ['Đài Phát thanh – Truyền hình cấp huyện', ['(other)']],
    ['Phòng Văn hóa Thông tin', ['(other)']],
    ['Ban Chỉ huy PTDS các cấp', ['(other)']],
    ['cơ sở khám bệnh, chữa bệnh', ['(other)']],
    ['các Tổng công ty Điện lực', ['(enterprises)']],
    ['Các cơ quan, tổ chức, đơn vị khác có liên quan', ['(related)']],
    ['Sở Y tế, các cơ quan báo chí và các đơn vị liên quan', ['Sở Y tế', '(press)', '(related)']],
  ])('%s', (cell, want) => expect(read(cell)).toEqual(want));
  test.each([
    ['Ủy ban nhân dân cấp tỉnh', ['(provinces)']],
    ['UBND các cấp', ['(provinces)', '(localities)']],
    ['UBND tỉnh, thành phố', ['(provinces)']],
    ['UBND các tỉnh/thành phố', ['(provinces)']],
    ['cơ quan ngang bộ', ['(ministries)']],
    ['Các bộ quản lý ngành, lĩnh vực', ['(ministries)']],
  ])('%s (central)', (cell, want) => expect(read(cell, central)).toEqual(want));
  test('"các địa phương" is the provinces in a central plan, the localities in a province’s', () => {
    expect(read('các địa phương', central)).toEqual(['(provinces)']);
    expect(read('các địa phương', province)).toEqual(['(localities)']);
    expect(read('UBND các cấp', province)).toEqual(['(localities)']);
  });
  test('"BCH PTDS" alone is a body, not a group', () => {
    expect(read('BCH PTDS')).toEqual(['(unknown)']);
  });
});

describe('a named locality is one agency, not a collective', () => {
  test.each(['UBND huyện Long Thành', 'UBND thành phố Biên Hòa'])('%s (not in the list: unknown, never all localities)', (cell) => {
    expect(parseMentions(cell, province)).toMatchObject([{ agency: null, collective: null, status: 'unknown' }]);
  });
  test('in the list, it is that agency', () => {
    const idx = buildIndex({ origin: 'test', agencies: [{ name: 'Ủy ban nhân dân huyện Long Thành', group: 'locality', aliases: [] }, { name: 'Ủy ban nhân dân thành phố Hà Nội', group: 'locality', aliases: [] }, { name: 'Ủy ban nhân dân Thành phố Hồ Chí Minh', group: 'locality', aliases: [] }, { name: 'Ủy ban nhân dân thành phố Đà Nẵng', group: 'locality', aliases: [] }] }, null, 'central');
    expect(read('UBND huyện Long Thành', idx)).toEqual(['Ủy ban nhân dân huyện Long Thành']);
    expect(read('Thành phố Hà Nội', idx)).toEqual(['Ủy ban nhân dân thành phố Hà Nội']);
    expect(read('TP. Hồ Chí Minh, Đà Nẵng', idx)).toEqual(['Ủy ban nhân dân Thành phố Hồ Chí Minh', 'Ủy ban nhân dân thành phố Đà Nẵng']);
  });
});

describe('sub-units', () => {
  test('"Cục KTVB - Bộ Tư pháp" is one name the list lacks, never the ministry', () => {
    expect(read('Cục KTVB - Bộ Tư pháp', central)).toEqual(['(unknown)']);
  });
});

describe('the plan decides its level and the validator reports spellings', () => {
  test('titles of central plans and of provincial plans', () => {
    expect(levelFromTitles(['PHỤ LỤC', '(Kèm theo Quyết định số 844/QĐ-TTg ngày 13 tháng 5 năm 2026 của Thủ tướng Chính phủ)'])).toBe('central');
    expect(levelFromTitles(['PHỤ LỤC', '(Kèm theo Nghị quyết số 109/NQ-CP ngày … của Chính phủ)'])).toBe('central');
    expect(levelFromTitles(['PHỤ LỤC', '(Kèm theo Kế hoạch số 12773/KH-UBND ngày 28/12/2017 của UBND tỉnh Đồng Nai)'])).toBe('province');
    expect(levelFromTitles([])).toBe('province');
  });
  test('"So Tai chinh" is a warning whose fix is "Sở Tài chính"', () => {
    const grid = gridOf([['KẾ HOẠCH NĂM 2026'], ['STT', 'Tên nhiệm vụ', 'Cơ quan chủ trì', 'Cơ quan phối hợp', 'Thời gian thực hiện'], ['1', 'Lập dự toán', 'So Tai chinh', 'Sở Tư pháp', 'Quý I']], 'Phụ lục');
    const a = analyzeSnapshot({ sheets: [{ name: 'Phụ lục', visibility: 'Visible' }], active: 'Phụ lục', grids: { 'Phụ lục': grid }, registry: null });
    const f = a.issues.find((i) => i.rule === 'agency.fuzzy');
    expect(f).toMatchObject({ severity: 'warning', cell: 'Phụ lục!C3', fix: { kind: 'replace', from: 'So Tai chinh', to: 'Sở Tài chính' } });
    expect(f!.message).toContain('viết không dấu');
  });
});
