// Vietnamese text normalization: written once, used by every parser and matcher.

const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/;
const TONE_MARKS_G = /[\u0300\u0301\u0303\u0309\u0323]/g;
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;
const SPACES = /[\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000\t]/g;
const DASHES = /[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/g;

/** Vowels (NFD base letters + shape marks already composed back). */
const VOWEL = /[aăâeêioôơuưy]/i;
const SHAPED = /[ăâêôơư]/i;

const WORDS = new Map<string, string>();

/** Canonical tone placement of one word, memoized (a language has few distinct syllables). */
function placeTone(word: string): string {
  let out = WORDS.get(word);
  if (out === undefined) {
    out = placeToneUncached(word);
    if (WORDS.size > 100_000) WORDS.clear();
    WORDS.set(word, out);
  }
  return out;
}

function placeToneUncached(word: string): string {
  // word is NFD; find the tone mark, remove it, then put it back on the canonical vowel.
  if (!TONE_MARKS.test(word)) return word.normalize('NFC');
  // a Vietnamese syllable has one tone mark; anything else is left as written
  if ((word.match(TONE_MARKS_G) ?? []).length > 1) return word.normalize('NFC');
  const toneMatch = word.match(TONE_MARKS);
  const tone = toneMatch ? toneMatch[0] : '';
  const base = word.replace(TONE_MARKS_G, '').normalize('NFC');
  const chars = Array.from(base);
  const lower = base.toLowerCase();
  // vowel cluster: first maximal run of vowels
  let start = -1;
  let end = -1;
  for (let i = 0; i < chars.length; i++) {
    if (VOWEL.test(chars[i])) {
      if (start < 0) start = i;
      end = i;
    } else if (start >= 0) break;
  }
  if (start < 0) return word.normalize('NFC');
  // only a single Vietnamese syllable (one vowel group) has a canonical placement
  for (let i = end + 1; i < chars.length; i++) if (VOWEL.test(chars[i])) return word.normalize('NFC');
  // "qu" and "gi" (before another vowel) belong to the initial consonant
  if (start === 1 && /^q/.test(lower) && lower[1] === 'u' && end > start) start += 1;
  else if (start === 1 && /^g/.test(lower) && lower[1] === 'i' && end > start) start += 1;
  const hasFinal = end < chars.length - 1;
  let pos = -1;
  for (let i = end; i >= start; i--) {
    if (SHAPED.test(chars[i])) {
      pos = i;
      break;
    }
  }
  if (pos < 0) {
    const len = end - start + 1;
    if (len === 1) pos = start;
    else if (len === 3) pos = start + 1;
    else pos = hasFinal ? end : start; // classic placement: hòa, thủy, khỏe; hoàn, thuyền
  }
  chars[pos] = (chars[pos].normalize('NFD') + tone).normalize('NFC');
  return chars.join('').normalize('NFC');
}

/**
 * Canonical form of Vietnamese text: NFC, one tone-mark placement, no invisible characters,
 * plain spaces and hyphens, collapsed spacing (line breaks kept). Idempotent.
 */
export function normalizeText(input: string): string {
  const key = String(input);
  const hit = NORMALIZED.get(key);
  if (hit !== undefined) return hit;
  let s = NEEDS_WORK.test(key) ? tidySpacing(key) : key;
  const nfc = s.normalize('NFC');
  if (nfc !== s) s = nfc;
  // only words with a toned vowel next to another vowel can have their tone elsewhere ("hoà" → "hòa")
  s = placeTones(s);
  remember(NORMALIZED, key, s);
  // the canonical form is its own canonical form: a second call on the result is a hit
  if (s !== key) remember(NORMALIZED, s, s);
  return s;
}

// A tone can be misplaced only on a plain vowel next to another vowel ("hoà"/"hòa"), or on the first of
// two shaped vowels ("ừơ"); a tone on the last shaped vowel ("người", "truyền") is already canonical.
const PLAIN = 'aeiouyAEIOUY';
const SHAPED_VOWELS = 'ăâêôơưĂÂÊÔƠƯ';
const toned = (vowels: string) =>
  Array.from(vowels)
    .flatMap((v) => ['\u0300', '\u0301', '\u0303', '\u0309', '\u0323'].map((t) => (v.normalize('NFD') + t).normalize('NFC')))
    .join('');
const TONED_PLAIN = toned(PLAIN);
const TONED_SHAPED = toned(SHAPED_VOWELS);
// Vowel kinds by code unit (all Vietnamese vowels are below U+2000 in NFC).
const TABLE_SIZE = 0x2000;
const KIND = new Uint8Array(TABLE_SIZE);
const K_PLAIN = 1;
const K_SHAPED = 2;
const K_TONED_PLAIN = 3;
const K_TONED_SHAPED = 4;
const K_LOOSE_TONE = 5; // a tone mark left uncomposed, or on a non-Vietnamese letter: its word always gets the full treatment
for (const [chars, k] of [
  [PLAIN, K_PLAIN],
  [SHAPED_VOWELS, K_SHAPED],
  [TONED_PLAIN, K_TONED_PLAIN],
  [TONED_SHAPED, K_TONED_SHAPED],
  ['\u0300\u0301\u0303\u0309\u0323', K_LOOSE_TONE],
] as const)
  for (const ch of chars) KIND[ch.charCodeAt(0)] = k;
/** Letters and marks below U+2000, the rest answered by the regular expression. */
const WORD_CHAR = /[\p{L}\p{M}]/u;
const IS_WORD = new Uint8Array(TABLE_SIZE);
for (let c = 0; c < TABLE_SIZE; c++) IS_WORD[c] = WORD_CHAR.test(String.fromCharCode(c)) ? 1 : 0;
// other letters carrying a tone mark ("Ḯ"): their word gets the full treatment too
for (let c = 0; c < TABLE_SIZE; c++) if (KIND[c] === 0 && IS_WORD[c] && TONE_MARKS.test(String.fromCharCode(c).normalize('NFD'))) KIND[c] = K_LOOSE_TONE;

/** Length (1 or 2 code units) of the letter or mark at i, or 0 when it is not one. */
function wordCharAt(s: string, i: number): number {
  const c = s.charCodeAt(i);
  if (c < TABLE_SIZE) return IS_WORD[c];
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
    const cp = s.codePointAt(i)!;
    return cp > 0xffff && WORD_CHAR.test(String.fromCodePoint(cp)) ? 2 : 0;
  }
  return WORD_CHAR.test(s[i]) ? 1 : 0;
}

/** Does this vowel pair leave the tone's place open? */
function ambiguousPair(prev: number, cur: number): boolean {
  if (prev === 0 || cur === 0) return false;
  return (prev === K_TONED_PLAIN && cur !== K_LOOSE_TONE) || (cur === K_TONED_PLAIN && prev !== K_LOOSE_TONE) || (prev === K_TONED_SHAPED && (cur === K_SHAPED || cur === K_TONED_SHAPED));
}

/** Start of the word (letters and marks) that holds position i. */
function wordStart(s: string, i: number): number {
  let a = i;
  while (a > 0) {
    const c = s.charCodeAt(a - 1);
    if (c < TABLE_SIZE) {
      if (!IS_WORD[c]) break;
      a--;
    } else if (c >= 0xdc00 && c <= 0xdfff && a >= 2 && wordCharAt(s, a - 2) === 2) a -= 2;
    else if (c < 0xd800 || c > 0xdfff ? WORD_CHAR.test(s[a - 1]) : false) a--;
    else break;
  }
  return a;
}

/** End (exclusive) of the word that holds position i. */
function wordEnd(s: string, i: number): number {
  let b = i;
  let w = wordCharAt(s, b);
  while (w) {
    b += w;
    w = b < s.length ? wordCharAt(s, b) : 0;
  }
  return b;
}

/** Canonical form of one NFC word, memoized by the word as written. */
const WORDS_NFC = new Map<string, string>();
function canonicalWord(word: string): string {
  let out = WORDS_NFC.get(word);
  if (out === undefined) {
    out = placeTone(word.normalize('NFD'));
    if (WORDS_NFC.size > 100_000) WORDS_NFC.clear();
    WORDS_NFC.set(word, out);
  }
  return out;
}

/**
 * Put the tone of every word of NFC text on its canonical vowel. One pass over the text looking
 * at vowels only; a word is decomposed and rebuilt only when its tone could sit elsewhere (a
 * toned vowel beside another vowel, an uncomposed tone mark): the rest is already canonical.
 */
function placeTones(s: string): string {
  let out = '';
  let last = 0;
  let prev = 0;
  const n = s.length;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    const k = c < TABLE_SIZE ? KIND[c] : 0;
    if (k === 0) {
      prev = 0;
      continue;
    }
    const loose = k === K_LOOSE_TONE;
    if (!loose && !ambiguousPair(prev, k)) {
      prev = k;
      continue;
    }
    const start = wordStart(s, loose ? i : i - 1);
    const end = wordEnd(s, i);
    const word = s.slice(start, end);
    const fixed = canonicalWord(word);
    if (fixed !== word) {
      out += s.slice(last, start) + fixed;
      last = end;
    }
    i = Math.max(i, end - 1);
    prev = 0;
  }
  return last === 0 ? s : out + s.slice(last);
}

/** Characters or spacing the tidy step changes. */
const NEEDS_WORK = /[\r\t\u00A0\u00AD\u1680\u2000-\u200D\u2010-\u2015\u202F\u205F\u2060\u2212\u3000\uFE58\uFE63\uFEFF\uFF0D]| {2}|\n{3}|^\s|\s$|[^\S\n]\n|\n[^\S\n]/;

/** Line endings, invisible characters, special spaces and dashes, collapsed spacing (line breaks kept). */
function tidySpacing(input: string): string {
  return input
    .replace(/\r\n?/g, '\n')
    .replace(INVISIBLE, '')
    .replace(SPACES, ' ')
    .replace(DASHES, '-')
    .split('\n')
    .map((line) => line.replace(/ {2,}/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Small bounded memo: real tables repeat the same names and phrases many times. */
const MEMO_LIMIT = 50_000;
const NORMALIZED = new Map<string, string>();
const FOLDED = new Map<string, string>();
/** Forget memoized results (the bench measures cold runs). */
export function clearTextCaches(): void {
  WORDS.clear();
  WORDS_NFC.clear();
  NORMALIZED.clear();
  FOLDED.clear();
}
function remember(m: Map<string, string>, k: string, v: string): void {
  if (m.size >= MEMO_LIMIT) m.clear();
  m.set(k, v);
}

/**
 * The reference normalization, written the obvious way: every word of the NFC text decomposed
 * and its tone placed again. Slow; kept so property tests can check that `normalizeText` agrees with it.
 */
export function normalizeUncached(input: string): string {
  const s = input
    .replace(/\r\n?/g, '\n')
    .replace(INVISIBLE, '')
    .replace(SPACES, ' ')
    .replace(DASHES, '-')
    .normalize('NFC');
  // every word (letters and marks) of the NFC text, decomposed, gets its tone placed again
  const words = s.replace(/[\p{L}\p{M}]+/gu, (w) => placeToneUncached(w.normalize('NFD')));
  return words
    .split('\n')
    .map((line) => line.replace(/ {2,}/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
    .normalize('NFC');
}

/** Diacritic-free, lower-case key for comparison: "Sở Văn hóa, Thể thao" → "so van hoa, the thao". */
export function foldKey(input: string): string {
  const hit = FOLDED.get(input);
  if (hit !== undefined) return hit;
  const n = normalizeText(input);
  const out = foldByTable(n) ?? foldUncached(n);
  remember(FOLDED, input, out);
  return out;
}

/** The folding written the obvious way (the reference `foldByTable` must agree with). */
export function foldUncached(normalized: string): string {
  return normalized
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Each code unit below U+2000 folded on its own: a code unit, or SPACE, DROP (a mark) or OTHER. */
const SPACE = -1;
const DROP = -2;
const OTHER = -3;
const FOLD = new Int32Array(TABLE_SIZE);
for (let c = 0; c < TABLE_SIZE; c++) {
  const f = String.fromCharCode(c).toLowerCase().normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd');
  FOLD[c] = /^\s+$/.test(f) ? SPACE : f === '' ? DROP : f.length === 1 ? f.charCodeAt(0) : OTHER;
}
FOLD[0x3a3] = OTHER; // capital sigma lower-cases by context (final sigma): left to the reference
let mapBuffer = new Uint16Array(256);

/**
 * Map each code unit through a table (a code unit, SPACE, DROP or OTHER); runs of SPACE become one
 * space, none at either end. Null when a character is OTHER or beyond the table: the caller then
 * uses its reference.
 */
function mapByTable(s: string, table: Int32Array): string | null {
  if (mapBuffer.length < s.length) mapBuffer = new Uint16Array(s.length * 2);
  const buf = mapBuffer;
  let n = 0;
  let space = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const f = c < TABLE_SIZE ? table[c] : OTHER;
    if (f >= 0) {
      if (space) {
        buf[n++] = 32;
        space = false;
      }
      buf[n++] = f;
    } else if (f === SPACE) space = n > 0;
    else if (f === OTHER) return null;
  }
  let out = '';
  for (let k = 0; k < n; k += 4096) out += String.fromCharCode.apply(null, buf.subarray(k, Math.min(n, k + 4096)) as unknown as number[]);
  return out;
}

function foldByTable(s: string): string | null {
  return mapByTable(s, FOLD);
}

const FOLDED_CHAR = new Map<string, string>();

function foldChar(ch: string): string {
  let f = FOLDED_CHAR.get(ch);
  if (f === undefined) {
    if (/\s/.test(ch)) f = ' ';
    else if (/[\u2010-\u2015\u2212]/.test(ch)) f = '-'; // "từ ngày 11 – 15/11/2023"
    else {
      const bare = ch.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd');
      f = bare.length === 1 ? bare : ch.length === 1 && bare.length === 0 ? ' ' : ch;
    }
    if (f.length !== ch.length) f = ch; // never change the length
    FOLDED_CHAR.set(ch, f);
  }
  return f;
}

/**
 * Folded letter for letter (lower case, no diacritics, đ → d, dashes → "-", any space → " "), the
 * same length as `text` (NFC): a span found in the folded text is the same span of the text.
 */
export function foldAligned(text: string): string {
  let out = '';
  for (const ch of text) out += foldChar(ch);
  return out;
}

/** Letters and digits stay, anything else is a space. */
const WORDS_KEY = new Int32Array(TABLE_SIZE);
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
for (let c = 0; c < TABLE_SIZE; c++) WORDS_KEY[c] = LETTER_OR_DIGIT.test(String.fromCharCode(c)) ? c : SPACE;

/** Lower-case letters and digits, anything else between them as one space: "Hội nghị, tập huấn." → "hội nghị tập huấn". */
export function wordsKey(input: string): string {
  return mapByTable(input.toLowerCase(), WORDS_KEY) ?? wordsKeyUncached(input);
}

/** `wordsKey` written the obvious way (the reference it must agree with). */
export function wordsKeyUncached(input: string): string {
  return input
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** UTF-16 code-unit order: the same on every machine, whatever collation data the runtime carries. */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Key without punctuation and the connective "và"/"&": for comparing names that dropped commas. */
export function looseKey(input: string): string {
  return foldKey(input)
    .replace(/&/g, ' ')
    .replace(/[^\p{L}\p{N} ]+/gu, ' ')
    .split(' ')
    .filter((w) => w && w !== 'va')
    .join(' ');
}

export function isBlank(s: string | null | undefined): boolean {
  return s === null || s === undefined || normalizeText(s) === '';
}

const BULLET = /^\s*(?:[-+•–·*▪◦](?!\d)|[a-zđ]\)|\d{1,2}[.)](?!\d))\s*/i;

export interface Item {
  text: string;
  /** Line index (0-based) where the item starts in the cell. */
  line: number;
}

/**
 * Split a cell into items: a new item starts at a bullet ("- ", "+", "•", "a)", "1.") or, when
 * no line carries a bullet, at every non-empty line. Lines without a bullet after a bulleted
 * line continue that item.
 */
export function splitItems(cell: string): Item[] {
  const lines = normalizeText(cell).split('\n');
  const anyBullet = lines.some((l) => BULLET.test(l) && l.replace(BULLET, '').trim() !== '');
  const items: Item[] = [];
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    const isBullet = BULLET.test(line);
    const text = line.replace(BULLET, '').trim();
    if (text === '') return;
    if (!anyBullet || isBullet || items.length === 0) items.push({ text, line: i });
    else items[items.length - 1].text += ' ' + text;
  });
  return items;
}

/** Whether some line of the cell starts with a bullet ("- ", "+", "a)", "1."). */
export function cellHasBullets(cell: string): boolean {
  return normalizeText(cell)
    .split('\n')
    .some((l) => BULLET.test(l) && l.replace(BULLET, '').trim() !== '');
}

export function stripBullet(s: string): string {
  return s.replace(BULLET, '').trim();
}
