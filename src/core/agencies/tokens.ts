// Words of a cell as the recogniser reads them: each token keeps its span in the text, its
// folded form, the words it stands for ("UBND" → uỷ ban nhân dân) and, for an abbreviation the
// standard table does not know, the initials it aligns by ("STTTT" → s t t t t, "SNgV" → s ng v).
import { foldKey, normalizeText } from '../text';

export interface Token {
  /** Span in the item text (NFC), end exclusive. */
  start: number;
  end: number;
  raw: string;
  /** Folded, dots removed: "T.Tr" → "ttr". */
  folded: string;
  /** Lower case with its diacritics, one tone placement, dots removed: "Hoá" → "hóa". */
  lower: string;
  /** Written without any diacritics ("So Tai chinh"): its letters are its folded form. */
  plain: boolean;
  /** Words it stands for; empty for "và" (names are compared without it). */
  words: string[];
  /** Initials of an abbreviation ("TT" → ["t", "t"]), each a prefix of one word of a name. */
  initials: string[] | null;
  /** Written with a capital first letter. */
  capital: boolean;
  /** Text between the previous token (or the item start) and this one. */
  before: string;
  /** A standard short form was expanded ("UBND", "TP.") or initials are used. */
  short: boolean;
  /** "Kế hoạchvà": the "và" glued to the word was cut off (a typing accident to report). */
  glued: boolean;
}

/**
 * Standard short forms of Vietnamese administrative writing, expanded on both sides (cell and
 * master list). Kept to forms that stand for one thing whatever the list: an abbreviation that
 * two master entries share is left to the initials, where two hits mean no answer.
 */
export const SHORT_FORMS: Readonly<Record<string, string>> = {
  ubnd: 'uy ban nhan dan',
  hdnd: 'hoi dong nhan dan',
  ubmttq: 'uy ban mat tran to quoc',
  ubmttqvn: 'uy ban mat tran to quoc viet nam',
  mttq: 'mat tran to quoc',
  mttqvn: 'mat tran to quoc viet nam',
  tp: 'thanh pho',
  tx: 'thi xa',
  tw: 'trung uong',
  vn: 'viet nam',
  vp: 'van phong',
  // "T.Tr Tỉnh ủy", "TTr HĐND tỉnh": Thường trực
  ttr: 'thuong truc',
  // "T.Cục DS-KHHGĐ": Tổng cục
  tcuc: 'tong cuc',
  vtv: 'dai truyen hinh viet nam',
  vov: 'dai tieng noi viet nam',
  ttxvn: 'thong tan xa viet nam',
  evn: 'tap doan dien luc viet nam',
  kcn: 'khu cong nghiep',
  ttdt: 'thong tin dien tu',
  ptds: 'phong thu dan su',
  ptth: 'phat thanh truyen hinh',
  chqs: 'chi huy quan su',
  bdbp: 'bo doi bien phong',
  bch: 'ban chi huy',
  // titles that name the office they head: "CVP, PVP UBND tỉnh" is the Văn phòng UBND tỉnh
  cvp: 'van phong',
  pvp: 'van phong',
};

/** Own keys only: cell text like "__proto__" or "constructor" must not reach Object.prototype. */
export function shortForm(folded: string): string | undefined {
  return Object.hasOwn(SHORT_FORMS, folded) ? SHORT_FORMS[folded] : undefined;
}

const TOKEN = /[\p{L}\p{N}]+(?:\.(?=\p{L})[\p{L}\p{N}]+)*/gu;

/** "SNgV", "TTr", "HĐND" are abbreviations: two capitals or more; "Thông" is a word. */
function isAbbreviation(raw: string): boolean {
  let upper = 0;
  for (let i = 0; i < raw.length && upper < 2; i++) {
    const c = raw[i];
    if (c !== c.toLowerCase()) upper++;
  }
  return upper >= 2;
}

/** "SNgV" → ["s", "ng", "v"]: each capital starts the initial of one word. */
function initialsOf(raw: string): string[] {
  const out: string[] = [];
  for (const ch of raw.replace(/[^\p{L}]/gu, '')) {
    const f = foldKey(ch);
    if (ch !== ch.toLowerCase() || out.length === 0) out.push(f);
    else out[out.length - 1] += f;
  }
  return out;
}

/**
 * Tokens of one item. `vocabulary` (words of the master list) lets a glued "và" come apart:
 * "Kế hoạchvà Đầu tư" is "Kế hoạch và Đầu tư".
 */
export function tokenize(text: string, vocabulary?: ReadonlySet<string>): Token[] {
  const out: Token[] = [];
  let last = 0;
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m; m = TOKEN.exec(text)) {
    let raw = m[0];
    const start = m.index;
    let end = start + raw.length;
    let folded = foldKey(raw).replace(/\./g, '');
    const before = text.slice(last, start);
    last = end;
    const capital = raw[0] !== raw[0].toLowerCase();
    // "TT." before a name ("TT. HĐND, UBND tỉnh") is Thường trực; "TT" without the dot stays initials
    const expanded = text[end] === '.' && folded === 'tt' ? 'thuong truc' : shortForm(folded);
    const abbreviation = isAbbreviation(raw);
    let words: string[];
    let initials: string[] | null = null;
    let short = false;
    let glued = false;
    if (folded === 'va') words = [];
    else if (expanded) {
      words = expanded.split(' ');
      initials = abbreviation ? initialsOf(raw) : null;
      short = true;
    } else if (abbreviation) {
      words = [folded];
      initials = initialsOf(raw);
      short = true;
    } else if (vocabulary && folded.length > 4 && folded.endsWith('va') && !vocabulary.has(folded) && vocabulary.has(folded.slice(0, -2))) {
      raw = raw.slice(0, -2);
      end -= 2;
      folded = folded.slice(0, -2);
      words = [folded];
      glued = true;
    } else words = [folded];
    const lower = normalizeText(raw).toLowerCase().replace(/\./g, '');
    out.push({ start, end, raw, folded, lower, plain: lower === folded || lower.replace(/đ/g, 'd') === folded, words, initials, capital, before, short, glued });
  }
  return out;
}

/** Canonical words of a name: what its tokens stand for, without "và". */
export function nameWords(name: string): string[] {
  return tokenize(name).flatMap((t) => t.words);
}

/** The same words as written (diacritics kept), where a token is one word; null where it was expanded. */
export function nameSpellings(name: string): (string | null)[] {
  return tokenize(name).flatMap((t) => (t.words.length === 1 && t.words[0] === t.folded ? [t.lower] : t.words.map(() => null)));
}
