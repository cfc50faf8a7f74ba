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
  if (alreadyCanonical(key)) {
    remember(NORMALIZED, key, key);
    return key;
  }
  const out = normalizeUncached(key);
  remember(NORMALIZED, key, out);
  return out;
}

// Fast path: text that is NFC, has no special spaces/dashes/invisible characters, no extra spacing,
// and no toned vowel next to another vowel (the only place where tone placement can differ) is
// already canonical.
const PLAIN = 'aeiouyAEIOUY';
const SHAPED_VOWELS = 'ăâêôơưĂÂÊÔƠƯ';
const toned = (vowels: string) =>
  Array.from(vowels)
    .flatMap((v) => ['\u0300', '\u0301', '\u0303', '\u0309', '\u0323'].map((t) => (v.normalize('NFD') + t).normalize('NFC')))
    .join('');
const TONED_PLAIN = toned(PLAIN);
const TONED_SHAPED = toned(SHAPED_VOWELS);
const ALL_VOWELS = PLAIN + SHAPED_VOWELS + TONED_PLAIN + TONED_SHAPED;
// A tone can be misplaced only on a plain vowel next to another vowel ("hoà"/"hòa"), or on the first of
// two shaped vowels ("ừơ"); a tone on the last shaped vowel ("người", "truyền") is already canonical.
const AMBIGUOUS = new RegExp(`[${TONED_PLAIN}][${ALL_VOWELS}]|[${ALL_VOWELS}][${TONED_PLAIN}]|[${TONED_SHAPED}][${SHAPED_VOWELS}${TONED_SHAPED}]`, 'u');
const NEEDS_WORK = /[\r\t\u00A0\u00AD\u1680\u2000-\u200D\u2010-\u2015\u202F\u205F\u2060\u2212\u3000\uFE58\uFE63\uFEFF\uFF0D]| {2}|\n{3}|^\s|\s$| \n|\n /;
function alreadyCanonical(s: string): boolean {
  return !NEEDS_WORK.test(s) && !AMBIGUOUS.test(s) && s.normalize('NFC') === s;
}

/** Small bounded memo: real tables repeat the same names and phrases many times. */
const MEMO_LIMIT = 50_000;
const NORMALIZED = new Map<string, string>();
const FOLDED = new Map<string, string>();
/** Forget memoized results (the bench measures cold runs). */
export function clearTextCaches(): void {
  WORDS.clear();
  NORMALIZED.clear();
  FOLDED.clear();
}
function remember(m: Map<string, string>, k: string, v: string): void {
  if (m.size >= MEMO_LIMIT) m.clear();
  m.set(k, v);
}

/** The full normalization, without memo or fast path (the reference the fast path must agree with). */
export function normalizeUncached(input: string): string {
  const s = input
    .replace(/\r\n?/g, '\n')
    .replace(INVISIBLE, '')
    .replace(SPACES, ' ')
    .replace(DASHES, '-')
    .normalize('NFD');
  const words = s.replace(/[\p{L}\p{M}]+/gu, (w) => placeTone(w));
  return words
    .split('\n')
    .map((line) => line.replace(/ {2,}/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Diacritic-free, lower-case key for comparison: "Sở Văn hóa, Thể thao" → "so van hoa, the thao". */
export function foldKey(input: string): string {
  const hit = FOLDED.get(input);
  if (hit !== undefined) return hit;
  const out = normalizeText(input)
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/\s+/g, ' ')
    .trim();
  remember(FOLDED, input, out);
  return out;
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

export function stripBullet(s: string): string {
  return s.replace(BULLET, '').trim();
}
