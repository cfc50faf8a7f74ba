// Built-in master list for a Vietnamese province (and the central level), including the
// agencies merged or renamed in 2025.
//
// Sources (checked against the texts as published; see README "Danh mục cơ quan"):
// - Nghị định 45/2025/NĐ-CP (28/02/2025, in force 01/03/2025): the 12 departments organised in
//   every province (Sở Nội vụ, Sở Tư pháp, Sở Tài chính, Sở Công Thương, Sở Nông nghiệp và Môi
//   trường, Sở Xây dựng, Sở Khoa học và Công nghệ, Sở Văn hóa, Thể thao và Du lịch, Sở Giáo dục
//   và Đào tạo, Sở Y tế, Thanh tra tỉnh, Văn phòng UBND) and the special ones (Sở Ngoại vụ, Sở Dân
//   tộc và Tôn giáo, Sở Du lịch; Sở Quy hoạch - Kiến trúc in Hà Nội and Hồ Chí Minh City only)
//   organised only in some provinces (list checked against the provincial People's Council's
//   summary of the decree, hdnd.dongnai.gov.vn). Replaced by Nghị định
//   150/2025/NĐ-CP (12/06/2025, in force 01/07/2025) with the same list of departments for the
//   two-level local government.
// - The merges behind it (valid_to 2025-02-28): Sở Kế hoạch và Đầu tư → Sở Tài chính; Sở Thông tin
//   và Truyền thông → Sở Khoa học và Công nghệ (báo chí, xuất bản, thông tin đối ngoại → Sở Văn
//   hóa, Thể thao và Du lịch); Sở Lao động, Thương binh và Xã hội → Sở Nội vụ (giáo dục nghề
//   nghiệp → Sở Giáo dục và Đào tạo; bảo trợ xã hội, trẻ em → Sở Y tế); Sở Nông nghiệp và Phát
//   triển nông thôn + Sở Tài nguyên và Môi trường → Sở Nông nghiệp và Môi trường; Sở Giao thông vận
//   tải → Sở Xây dựng; Ban Dân tộc → Sở Dân tộc và Tôn giáo (where it is organised).
// - Central level, Nghị định 25/2025 – 42/2025/NĐ-CP (in force 01/03/2025; the pairs below checked
//   against Báo cáo 219/BC-BNV 2025 on the names after the mergers): Bộ Kế hoạch và Đầu tư
//   → Bộ Tài chính; Bộ Thông tin và Truyền thông → Bộ Khoa học và Công nghệ (báo chí, xuất bản,
//   thông tin đối ngoại → Bộ Văn hóa, Thể thao và Du lịch); Bộ Lao động - Thương binh và Xã hội →
//   Bộ Nội vụ; Bộ Nông nghiệp và Phát triển nông thôn + Bộ Tài nguyên và Môi trường → Bộ Nông
//   nghiệp và Môi trường; Bộ Giao thông vận tải → Bộ Xây dựng; Ủy ban Dân tộc → Bộ Dân tộc và Tôn
//   giáo.
// - Party committees (Quy định of the Central Committee, 2025): Ban Tuyên giáo and Ban Dân vận Tỉnh
//   ủy → Ban Tuyên giáo và Dân vận Tỉnh ủy.
// - Provinces merged by Nghị quyết 202/2025/QH15 (12/06/2025, in force 01/07/2025); district-level
//   People's Committees ended on 01/07/2025 (Luật Tổ chức chính quyền địa phương 2025).
// - Central offices in the province (ngành dọc), 2025: Cục Thuế tỉnh → Chi cục Thuế khu vực
//   (Quyết định 381/QĐ-BTC, from 01/03/2025: 20 regions) → Thuế tỉnh, thành phố (Quyết định
//   2229/QĐ-BTC, from 01/07/2025: 34 Thuế tỉnh, as reported by Thời báo Tài chính Việt Nam on
//   01/07/2025); Bảo hiểm xã hội tỉnh → Bảo hiểm xã hội khu vực from 01/04/2025 (Bảo hiểm xã hội
//   Việt Nam's reorganisation, as reported by VnExpress). Kho bạc Nhà nước, Thống kê and the State
//   Bank's provincial branches were reorganised into regions too, but the dates and names were not
//   verified here: they are listed under their provincial names, without a successor.
// Not encoded because it differs by province: where Sở Ngoại vụ was dissolved into Văn phòng UBND
// tỉnh, and the merger of the provincial newspaper with the radio-television station.
import type { Agency, MasterList } from '../schemas';
import { placeKind, PROVINCES } from './provinces';

const MERGE_2025 = '2025-02-28';
const ND45 = 'Nghị định 45/2025/NĐ-CP';

type Row = [name: string, group: Agency['group'], short?: string, aliases?: string[], successor?: string, validTo?: string, source?: string];

/** Agencies created by the 2025 restructuring (extension column valid_from). */
const CREATED_2025: Record<string, string> = {
  'Sở Nông nghiệp và Môi trường': '2025-03-01',
  'Sở Dân tộc và Tôn giáo': '2025-03-01',
  'Ban Tuyên giáo và Dân vận Tỉnh ủy': '2025-04-01',
  'Bộ Nông nghiệp và Môi trường': '2025-03-01',
  'Bộ Dân tộc và Tôn giáo': '2025-03-01',
  'Chi cục Thuế khu vực': '2025-03-01',
  'Thuế tỉnh': '2025-07-01',
  'Bảo hiểm xã hội khu vực': '2025-04-01',
};

const PROVINCE_ROWS: Row[] = [
  ['Văn phòng UBND tỉnh', 'department', 'VP UBND tỉnh', ['Văn phòng Ủy ban nhân dân tỉnh']],
  ['Sở Nội vụ', 'department', 'Sở Nội vụ'],
  ['Sở Tư pháp', 'department', 'Sở Tư pháp'],
  ['Sở Tài chính', 'department', 'Sở Tài chính'],
  ['Sở Công Thương', 'department', 'Sở Công Thương'],
  ['Sở Nông nghiệp và Môi trường', 'department', 'Sở NN&MT'],
  ['Sở Xây dựng', 'department', 'Sở Xây dựng'],
  ['Sở Khoa học và Công nghệ', 'department', 'Sở KH&CN'],
  ['Sở Văn hóa, Thể thao và Du lịch', 'department', 'Sở VHTTDL'],
  ['Sở Giáo dục và Đào tạo', 'department', 'Sở GD&ĐT'],
  ['Sở Y tế', 'department', 'Sở Y tế'],
  ['Thanh tra tỉnh', 'department', 'Thanh tra tỉnh'],
  ['Sở Ngoại vụ', 'department', 'Sở Ngoại vụ'],
  ['Sở Dân tộc và Tôn giáo', 'department', 'Sở DT&TG'],
  ['Sở Du lịch', 'department', 'Sở Du lịch'],
  ['Sở Quy hoạch - Kiến trúc', 'department', 'Sở QH-KT', ['Sở Quy hoạch Kiến trúc']],
  ['Sở Văn hóa và Thể thao', 'department', 'Sở VH&TT'],
  ['Sở Kế hoạch và Đầu tư', 'department', 'Sở KH&ĐT', [], 'Sở Tài chính', MERGE_2025, ND45],
  ['Sở Thông tin và Truyền thông', 'department', 'Sở TT&TT', [], 'Sở Khoa học và Công nghệ', MERGE_2025, ND45],
  ['Sở Lao động, Thương binh và Xã hội', 'department', 'Sở LĐTB&XH', [], 'Sở Nội vụ', MERGE_2025, ND45],
  ['Sở Nông nghiệp và Phát triển nông thôn', 'department', 'Sở NN&PTNT', [], 'Sở Nông nghiệp và Môi trường', MERGE_2025, ND45],
  ['Sở Tài nguyên và Môi trường', 'department', 'Sở TN&MT', [], 'Sở Nông nghiệp và Môi trường', MERGE_2025, ND45],
  ['Sở Giao thông vận tải', 'department', 'Sở GTVT', [], 'Sở Xây dựng', MERGE_2025, ND45],
  ['Ban Dân tộc tỉnh', 'department', 'Ban Dân tộc', ['Ban Dân tộc'], 'Sở Dân tộc và Tôn giáo', MERGE_2025, ND45],
  ['Ban Quản lý các khu công nghiệp', 'department', 'BQL các KCN', ['Ban Quản lý các KCN tỉnh']],
  ['Cổng Thông tin điện tử tỉnh', 'other', 'Cổng TTĐT tỉnh', ['Cổng thông tin điện tử của tỉnh']],
  ['Công an tỉnh', 'armed', 'Công an tỉnh'],
  ['Bộ Chỉ huy Quân sự tỉnh', 'armed', 'Bộ CHQS tỉnh', ['Bộ CHQS tỉnh']],
  ['Bộ Chỉ huy Bộ đội Biên phòng tỉnh', 'armed', 'BĐBP tỉnh', ['Bộ đội Biên phòng tỉnh']],
  ['Văn phòng Tỉnh ủy', 'party', 'VP Tỉnh ủy'],
  ['Ban Tuyên giáo và Dân vận Tỉnh ủy', 'party', 'Ban TG&DV Tỉnh ủy'],
  ['Ban Tuyên giáo Tỉnh ủy', 'party', 'Ban TG Tỉnh ủy', [], 'Ban Tuyên giáo và Dân vận Tỉnh ủy', '2025-03-31', 'Quy định về tổ chức bộ máy cơ quan Đảng 2025'],
  ['Ban Dân vận Tỉnh ủy', 'party', 'Ban DV Tỉnh ủy', [], 'Ban Tuyên giáo và Dân vận Tỉnh ủy', '2025-03-31', 'Quy định về tổ chức bộ máy cơ quan Đảng 2025'],
  ['Ban Chỉ đạo Nhân quyền tỉnh', 'other', 'BCĐ Nhân quyền'],
  ['Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh', 'mass_org', 'UB MTTQ tỉnh', ['Ủy ban MTTQ Việt Nam tỉnh', 'UBMTTQVN tỉnh', 'Ủy ban MTTQ tỉnh']],
  ['Tỉnh đoàn', 'mass_org', 'Tỉnh đoàn', ['Đoàn Thanh niên Cộng sản Hồ Chí Minh tỉnh']],
  ['Hội Liên hiệp Phụ nữ tỉnh', 'mass_org', 'Hội LHPN'],
  ['Hội Nông dân tỉnh', 'mass_org', 'Hội ND'],
  ['Hội Cựu chiến binh tỉnh', 'mass_org', 'Hội CCB'],
  ['Liên đoàn Lao động tỉnh', 'mass_org', 'LĐLĐ'],
  ['Liên hiệp các tổ chức hữu nghị tỉnh', 'mass_org', 'LH hữu nghị'],
  ['Hội Nhà báo tỉnh', 'mass_org', 'Hội Nhà báo'],
  ['Liên hiệp các Hội Văn học nghệ thuật tỉnh', 'mass_org', 'Liên hiệp các Hội VHNT', ['Hội Văn học nghệ thuật tỉnh', 'Liên hiệp các Hội VHNT tỉnh']],
  ['Ban Chỉ đạo công tác thông tin đối ngoại tỉnh', 'other', 'BCĐ TTĐN tỉnh'],
  ['Kho bạc Nhà nước tỉnh', 'other', 'KBNN tỉnh'],
  ['Cục Thống kê tỉnh', 'other', 'Cục Thống kê tỉnh'],
  ['Ngân hàng Nhà nước chi nhánh tỉnh', 'other', 'NHNN chi nhánh tỉnh'],
  ['Cục Thuế tỉnh', 'other', 'Cục Thuế tỉnh', [], 'Chi cục Thuế khu vực', MERGE_2025, 'Quyết định 381/QĐ-BTC'],
  ['Chi cục Thuế khu vực', 'other', 'Chi cục Thuế khu vực', [], 'Thuế tỉnh', '2025-06-30', 'Quyết định 2229/QĐ-BTC'],
  ['Thuế tỉnh', 'other', 'Thuế tỉnh'],
  ['Bảo hiểm xã hội tỉnh', 'other', 'BHXH tỉnh', [], 'Bảo hiểm xã hội khu vực', '2025-03-31', 'Bảo hiểm xã hội Việt Nam, tổ chức bộ máy 2025'],
  ['Bảo hiểm xã hội khu vực', 'other', 'BHXH khu vực'],
  ['Tạp chí Chư Yang Sin', 'press', 'TC Chư Yang Sin'],
  ['Tòa án nhân dân tỉnh', 'other', 'TAND'],
  ['Viện Kiểm sát nhân dân tỉnh', 'other', 'VKSND'],
];

const CENTRAL_ROWS: Row[] = [
  ['Văn phòng Chính phủ', 'central', 'VPCP'],
  ['Bộ Ngoại giao', 'central', 'BNG'],
  ['Bộ Quốc phòng', 'central', 'BQP'],
  ['Bộ Công an', 'central', 'BCA'],
  ['Bộ Nội vụ', 'central', 'BNV'],
  ['Bộ Tư pháp', 'central', 'BTP'],
  ['Bộ Tài chính', 'central', 'BTC'],
  ['Bộ Công Thương', 'central', 'BCT'],
  ['Bộ Nông nghiệp và Môi trường', 'central', 'BNNMT'],
  ['Bộ Xây dựng', 'central', 'BXD'],
  ['Bộ Khoa học và Công nghệ', 'central', 'BKHCN'],
  ['Bộ Văn hóa, Thể thao và Du lịch', 'central', 'BVHTTDL'],
  ['Bộ Giáo dục và Đào tạo', 'central', 'BGDĐT'],
  ['Bộ Y tế', 'central', 'BYT'],
  ['Bộ Dân tộc và Tôn giáo', 'central', 'BDTTG'],
  ['Ngân hàng Nhà nước Việt Nam', 'central', 'NHNN'],
  ['Thanh tra Chính phủ', 'central', 'TTCP', ['Tổng Thanh tra Chính phủ']],
  ['Ban Cơ yếu Chính phủ', 'central', 'BCYCP'],
  ['Ngân hàng Chính sách xã hội', 'central', 'NHCSXH', ['Ngân hàng Chính sách xã hội Việt Nam']],
  ['Tập đoàn Điện lực Việt Nam', 'other', 'EVN'],
  ['Bộ Kế hoạch và Đầu tư', 'central', 'BKHĐT', [], 'Bộ Tài chính', MERGE_2025, 'Nghị định 29/2025/NĐ-CP'],
  ['Bộ Thông tin và Truyền thông', 'central', 'BTTTT', [], 'Bộ Khoa học và Công nghệ', MERGE_2025, 'Nghị định 55/2025/NĐ-CP'],
  ['Bộ Lao động - Thương binh và Xã hội', 'central', 'BLĐTBXH', [], 'Bộ Nội vụ', MERGE_2025, 'Nghị định 25/2025/NĐ-CP'],
  ['Bộ Nông nghiệp và Phát triển nông thôn', 'central', 'BNNPTNT', [], 'Bộ Nông nghiệp và Môi trường', MERGE_2025, 'Nghị định 35/2025/NĐ-CP'],
  ['Bộ Tài nguyên và Môi trường', 'central', 'BTNMT', [], 'Bộ Nông nghiệp và Môi trường', MERGE_2025, 'Nghị định 35/2025/NĐ-CP'],
  ['Bộ Giao thông vận tải', 'central', 'BGTVT', [], 'Bộ Xây dựng', MERGE_2025, 'Nghị định 33/2025/NĐ-CP'],
  ['Ủy ban Dân tộc', 'central', 'UBDT', [], 'Bộ Dân tộc và Tôn giáo', MERGE_2025, 'Nghị định 41/2025/NĐ-CP'],
  ['Thông tấn xã Việt Nam', 'press', 'TTXVN'],
  ['Đài Truyền hình Việt Nam', 'press', 'VTV', ['Truyền hình Việt Nam']],
  ['Đài Tiếng nói Việt Nam', 'press', 'VOV'],
  ['Báo Nhân Dân', 'press', 'Báo ND'],
];

const PARTIAL: Record<string, { name: string; scope: string }[]> = {
  'Sở Thông tin và Truyền thông': [{ name: 'Sở Văn hóa, Thể thao và Du lịch', scope: 'báo chí, xuất bản, thông tin đối ngoại' }],
  'Sở Lao động, Thương binh và Xã hội': [
    { name: 'Sở Giáo dục và Đào tạo', scope: 'giáo dục nghề nghiệp' },
    { name: 'Sở Y tế', scope: 'bảo trợ xã hội, trẻ em, phòng, chống tệ nạn xã hội' },
  ],
  'Bộ Thông tin và Truyền thông': [{ name: 'Bộ Văn hóa, Thể thao và Du lịch', scope: 'báo chí, xuất bản, thông tin đối ngoại' }],
};

function toAgency(r: Row): Agency {
  const [name, group, short, aliases, successor, validTo, source] = r;
  const a: Agency = { name, group, aliases: aliases ?? [] };
  if (short) a.short = short;
  if (successor) a.successor = successor;
  if (validTo) a.validTo = validTo;
  if (source) a.source = source;
  if (PARTIAL[name]) a.partialSuccessors = PARTIAL[name];
  if (CREATED_2025[name]) a.validFrom = CREATED_2025[name];
  return a;
}

/**
 * The provinces' People's Committees, as central plans name them ("UBND thành phố Hà Nội", "Thành phố Hồ
 * Chí Minh"): the 34 of today and the 29 merged into them on 01/07/2025 (Nghị quyết 202/2025/QH15; the
 * pairs as in ../shared/corpus/restructuring_2025.md), Thừa Thiên Huế a city (Huế) from 01/01/2025.
 */
const MERGED_INTO: Record<string, string> = {
  'Bà Rịa - Vũng Tàu': 'Hồ Chí Minh', 'Bình Dương': 'Hồ Chí Minh', 'Trà Vinh': 'Vĩnh Long', 'Bến Tre': 'Vĩnh Long', 'Bình Phước': 'Đồng Nai', 'Phú Yên': 'Đắk Lắk',
  'Hà Giang': 'Tuyên Quang', 'Yên Bái': 'Lào Cai', 'Bắc Kạn': 'Thái Nguyên', 'Vĩnh Phúc': 'Phú Thọ', 'Hòa Bình': 'Phú Thọ', 'Bắc Giang': 'Bắc Ninh', 'Thái Bình': 'Hưng Yên',
  'Hải Dương': 'Hải Phòng', 'Hà Nam': 'Ninh Bình', 'Nam Định': 'Ninh Bình', 'Quảng Bình': 'Quảng Trị', 'Quảng Nam': 'Đà Nẵng', 'Kon Tum': 'Quảng Ngãi', 'Bình Định': 'Gia Lai',
  'Ninh Thuận': 'Khánh Hòa', 'Đắk Nông': 'Lâm Đồng', 'Bình Thuận': 'Lâm Đồng', 'Long An': 'Tây Ninh', 'Sóc Trăng': 'Cần Thơ', 'Hậu Giang': 'Cần Thơ', 'Tiền Giang': 'Đồng Tháp',
  'Bạc Liêu': 'Cà Mau', 'Kiên Giang': 'An Giang',
};
const committeeOf = (p: string): string => (p === 'Hồ Chí Minh' ? 'Ủy ban nhân dân Thành phố Hồ Chí Minh' : `Ủy ban nhân dân ${placeKind(p)} ${p}`);

function provinceCommittees(): Agency[] {
  return PROVINCES.map((p) => {
    const kind = placeKind(p);
    const city = kind === 'thành phố';
    const aliases = [`UBND ${kind} ${p}`, `${kind} ${p}`, ...(city ? [`UBND TP. ${p}`, `TP. ${p}`, `TP ${p}`] : [])];
    if (p === 'Hồ Chí Minh') aliases.push('TP.HCM', 'TP. HCM', 'Thành phố Hồ Chí Minh');
    // the sheet's name: "UBND TP Hồ Chí Minh", "UBND tỉnh Bà Rịa - Vũng Tàu" (31 characters at most)
    const a: Agency = { name: committeeOf(p), group: 'locality', short: `UBND ${city ? 'TP' : 'tỉnh'} ${p}`, aliases };
    if (MERGED_INTO[p]) Object.assign(a, { successor: committeeOf(MERGED_INTO[p]), validTo: '2025-06-30', source: 'Nghị quyết 202/2025/QH15' });
    if (p === 'Thừa Thiên Huế') Object.assign(a, { successor: committeeOf('Huế'), validTo: '2024-12-31' });
    if (p === 'Huế') a.validFrom = '2025-01-01';
    return a;
  });
}

/** The built-in list. `province` (e.g. "Đồng Nai") adds the province's own newspaper and radio-TV. */
export function builtinMasterList(province?: string | null): MasterList {
  const agencies = [...PROVINCE_ROWS, ...CENTRAL_ROWS].map(toAgency);
  agencies.push(...provinceCommittees());
  const p = province?.trim();
  agencies.push({
    name: p ? `Đài Phát thanh và Truyền hình ${p}` : 'Đài Phát thanh và Truyền hình tỉnh',
    group: 'press',
    short: 'Đài PT-TH',
    aliases: p ? ['Đài Phát thanh và Truyền hình tỉnh', 'Đài PTTH tỉnh'] : [],
  });
  agencies.push({ name: p ? `Báo ${p}` : 'Báo tỉnh', group: 'press', short: 'Báo', aliases: p ? ['Báo tỉnh'] : [] });
  return { agencies, origin: 'builtin' };
}
