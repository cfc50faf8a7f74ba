// The provinces and centrally-run cities of Viet Nam, for reading whose plan a document is
// ("… của Ủy ban nhân dân tỉnh Trà Vinh"). The 63 names before the 2025 mergers: the 34 units after
// them kept one of these names each, and plans of 2013–2025 still name the others.
import { foldKey } from '../text';

/** The names as written after "tỉnh" / "thành phố", in their usual spelling. */
export const PROVINCES = [
  // centrally-run cities ("thành phố")
  'Hà Nội', 'Hồ Chí Minh', 'Hải Phòng', 'Đà Nẵng', 'Cần Thơ', 'Huế',
  'An Giang', 'Bà Rịa - Vũng Tàu', 'Bắc Giang', 'Bắc Kạn', 'Bạc Liêu', 'Bắc Ninh', 'Bến Tre', 'Bình Định', 'Bình Dương', 'Bình Phước', 'Bình Thuận',
  'Cà Mau', 'Cao Bằng', 'Đắk Lắk', 'Đắk Nông', 'Điện Biên', 'Đồng Nai', 'Đồng Tháp', 'Gia Lai', 'Hà Giang', 'Hà Nam', 'Hà Tĩnh', 'Hải Dương',
  'Hậu Giang', 'Hòa Bình', 'Hưng Yên', 'Khánh Hòa', 'Kiên Giang', 'Kon Tum', 'Lai Châu', 'Lâm Đồng', 'Lạng Sơn', 'Lào Cai', 'Long An', 'Nam Định',
  'Nghệ An', 'Ninh Bình', 'Ninh Thuận', 'Phú Thọ', 'Phú Yên', 'Quảng Bình', 'Quảng Nam', 'Quảng Ngãi', 'Quảng Ninh', 'Quảng Trị', 'Sóc Trăng',
  'Sơn La', 'Tây Ninh', 'Thái Bình', 'Thái Nguyên', 'Thanh Hóa', 'Thừa Thiên Huế', 'Tiền Giang', 'Trà Vinh', 'Tuyên Quang', 'Vĩnh Long',
  'Vĩnh Phúc', 'Yên Bái',
];

/** The centrally-run cities: "thành phố Cần Thơ", not "tỉnh". */
const CITIES = new Set(['Hà Nội', 'Hồ Chí Minh', 'Hải Phòng', 'Đà Nẵng', 'Cần Thơ', 'Huế']);

/** What a province is called before its name: "tỉnh" ("tỉnh Trà Vinh"), "thành phố" for a city ("thành phố Cần Thơ"). */
export function placeKind(p: string): 'tỉnh' | 'thành phố' {
  return CITIES.has(p) ? 'thành phố' : 'tỉnh';
}

/** Folded name ("ba ria - vung tau", "dak lak") → the name. Other spellings seen in plans are added. */
const BY_KEY = new Map<string, string>();
const keyOf = (s: string): string => foldKey(s).replace(/\s*[-–—]\s*/g, ' - ').replace(/\s+/g, ' ');
for (const p of PROVINCES) BY_KEY.set(keyOf(p), p);
for (const [alias, name] of [
  ['Đắc Lắc', 'Đắk Lắk'],
  ['Đăk Lăk', 'Đắk Lắk'],
  ['Đắk Lắc', 'Đắk Lắk'],
  ['Đăk Nông', 'Đắk Nông'],
  ['Đắc Nông', 'Đắk Nông'],
  ['Bắc Cạn', 'Bắc Kạn'],
  ['Bà Rịa Vũng Tàu', 'Bà Rịa - Vũng Tàu'],
  ['Thừa Thiên - Huế', 'Thừa Thiên Huế'],
]) BY_KEY.set(keyOf(alias), name);

/** The longest known name at the start of `words` (up to five words: "Bà Rịa – Vũng Tàu"), or null. */
function knownAt(words: string): string | null {
  const ws = words.split(/\s+/).filter(Boolean);
  for (let n = Math.min(5, ws.length); n >= 1; n--) {
    const hit = BY_KEY.get(keyOf(ws.slice(0, n).join(' ')));
    if (hit) return hit;
  }
  return null;
}

/**
 * The province or city a line names as "tỉnh X" / "thành phố X", only when X is one of them: "TỈNH ỦY VỀ
 * TIẾP TỤC" (the provincial Party committee) or "thành phố Biên Hòa" (a city of a province) name none.
 */
export function provinceIn(line: string): string | null {
  const re = /(?:^|[^\p{L}])(tỉnh|thành phố|tp\.?)\s+(?=\p{Lu})/giu;
  for (let m = re.exec(line); m; m = re.exec(line)) {
    const rest = line.slice(m.index + m[0].length, m.index + m[0].length + 60);
    const hit = knownAt(rest.replace(/[.,;:)(|]/g, ' '));
    if (hit) return hit;
  }
  return null;
}
