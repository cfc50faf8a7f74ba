// Scoring one name against the master list: exact, alias, abbreviation, fuzzy, collective. The
// recogniser (./recognise.ts) finds the names in a cell; a name it cannot place in the list comes
// here for suggestions. A confident wrong answer is worse than none: below the bar, suggestions only.
import { compareCodeUnits, foldKey, looseKey, normalizeText } from '../text';
import type { Agency, Collective, MasterList, Mention } from '../schemas';
import { buildLexicon, type Lexicon } from './lexicon';
import { shortForm } from './tokens';
import type { PlanLevel } from './collectives';

/** Standard administrative abbreviations: the recogniser's table (./tokens.ts), one for both. */
const expansion = shortForm;

const STOP = new Set(['va', 'cua']);
/** Words too common to pick fuzzy candidates by. */
const COMMON_WORDS = new Set(['so', 'ban', 'bo', 'tinh', 'hoi', 'cac', 'uy', 'nhan', 'dan', 'viet', 'nam', 'thanh', 'pho']);

interface Entry {
  agency: Agency;
  nameKey: string;
  aliasKeys: Map<string, string>;
  loose: string[];
  words: string[];
  shortKey: string | null;
  head: string;
  /** Name and alias word lists without the province suffix, with their sets and flat strings (fuzzy). */
  forms: { words: string[]; set: Set<string>; flat: string }[];
}

export interface MatchIndex {
  master: MasterList;
  entries: Entry[];
  byKey: Map<string, Entry[]>;
  byLoose: Map<string, Entry[]>;
  byHead: Map<string, Entry[]>;
  /** word → entries whose name or aliases use it (fuzzy candidates) */
  byWord: Map<string, Entry[]>;
  byName: Map<string, Agency>;
  province: string | null;
  cache: Map<string, Mention>;
  /** cell text → its mentions and unread text (src/core/agencies/split.ts) */
  cells: Map<string, { mentions: Mention[]; unread: string[] }>;
  /** Names as runs of words, for finding them inside any text (src/core/agencies/recognise.ts). */
  lexicon: Lexicon;
  /** Whose plan it is: a province's, or the Government's or a ministry's ("các địa phương" = the provinces). */
  level: PlanLevel;
}

function expandWords(key: string): string[] {
  const out: string[] = [];
  for (const w of key.replace(/[^\p{L}\p{N}&\- ]+/gu, ' ').split(/\s+/)) {
    if (!w) continue;
    const plain = w.replace(/[&\-.]/g, '');
    const exp = expansion(plain);
    if (exp) out.push(...exp.split(' '));
    else out.push(...w.split(/[&-]/).filter(Boolean));
  }
  return out.filter((w) => !STOP.has(w));
}

function push<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const a = m.get(k);
  if (a) {
    if (!a.includes(v)) a.push(v);
  } else m.set(k, [v]);
}

/** Strip "tỉnh", "tỉnh <province>" or "<province>" at the end: "Công an tỉnh Đồng Nai" = "Công an tỉnh". */
function stripProvince(words: string[], provinceWords: string[]): string[] {
  let w = words.slice();
  const pw = provinceWords;
  if (pw.length && w.length > pw.length && pw.every((x, i) => w[w.length - pw.length + i] === x)) w = w.slice(0, w.length - pw.length);
  if (w.length > 1 && w[w.length - 1] === 'tinh') w = w.slice(0, -1);
  return w;
}

export function buildIndex(master: MasterList, province?: string | null, level: PlanLevel = 'province'): MatchIndex {
  const idx: MatchIndex = {
    master,
    entries: [],
    byKey: new Map(),
    byLoose: new Map(),
    byHead: new Map(),
    byWord: new Map(),
    byName: new Map(),
    province: province ?? null,
    cache: new Map(),
    cells: new Map(),
    lexicon: buildLexicon(master.agencies, province ?? null),
    level,
  };
  const pw = province ? expandWords(foldKey(province)) : [];
  for (const a of master.agencies) {
    const words = expandWords(foldKey(a.name));
    const e: Entry = {
      agency: a,
      nameKey: foldKey(a.name),
      aliasKeys: new Map(a.aliases.map((x) => [foldKey(x), x])),
      loose: words,
      words,
      shortKey: a.short ? foldKey(a.short).replace(/[^\p{L}\p{N}]/gu, '') : null,
      head: words[0] ?? '',
      forms: [words, ...a.aliases.map((al) => expandWords(foldKey(al)))].map((w) => {
        const core = stripProvince(w, pw);
        return { words: core, set: new Set(core), flat: core.join(' ') };
      }),
    };
    idx.entries.push(e);
    idx.byName.set(a.name, a);
    push(idx.byKey, e.nameKey, e);
    for (const k of e.aliasKeys.keys()) push(idx.byKey, k, e);
    push(idx.byLoose, stripProvince(words, pw).join(' '), e);
    for (const al of a.aliases) push(idx.byLoose, stripProvince(expandWords(foldKey(al)), pw).join(' '), e);
    push(idx.byHead, e.head, e);
    for (const w of [...words, ...a.aliases.flatMap((al) => expandWords(foldKey(al)))]) if (w.length > 1 && !COMMON_WORDS.has(w)) push(idx.byWord, w, e);
  }
  return idx;
}

// ---- Collectives ------------------------------------------------------------------------------

const TAIL = '[^,;]*';
const COLLECTIVES: [Collective, RegExp][] = [
  ['all', /^(tat ca )?cac (so|co quan), (ban, )?nganh,? (doan the,? )?dia phuong$|^tat ca cac (co quan|don vi)/],
  ['ministries', /^(cac )?bo,? (co quan ngang bo|nganh)( trung uong| lien quan| co lien quan)?(,? co quan (thuoc|truc thuoc) chinh phu)?$|^cac bo(,? nganh)?( trung uong| lien quan| co lien quan)?$|^cac co quan (ngang bo|thuoc chinh phu)$/],
  ['provinces', new RegExp(`^(ubnd|uy ban nhan dan) cac tinh(,? thanh pho)?${TAIL}$|^cac tinh,? thanh pho${TAIL}$|^cac dia phuong (trong|tren) ca nuoc$`)],
  ['departments', /^cac (so|co quan chuyen mon)(,? ban)?(,? nganh)?(,? doan the)?( (tinh|lien quan|co lien quan|thuoc ubnd tinh|chuc nang))?$|^cac (so|ban), nganh( (tinh|lien quan|co lien quan))?$|^so, ban, nganh( lien quan)?$|^cac co quan chuyen mon( thuoc ubnd tinh)?$/],
  ['localities', new RegExp(`^(ubnd|uy ban nhan dan) (cac )?(cap )?(huyen|xa|phuong|thi xa|thanh pho|quan|dia phuong|dac khu)(,? (cac )?(huyen|xa|phuong|thi xa|thanh pho|quan|thi tran|dac khu))*${TAIL}$|^cac (huyen|xa|phuong|dia phuong|don vi hanh chinh)${TAIL}$|^dia phuong$`)],
  ['press', new RegExp(`^cac (co quan )?(bao chi|thong tan,? bao chi|bao, dai|bao, tap chi|co quan thong tin dai chung)${TAIL}$|^cac (co quan )?(bao|dai) (trung uong|dia phuong|tinh)${TAIL}$`)],
  ['mass_orgs', new RegExp(`^(va )?(cac )?(to chuc )?(doan the|to chuc chinh tri - xa hoi|to chuc chinh tri xa hoi)( chinh tri - xa hoi| chinh tri xa hoi)?( tinh| cac cap)?$`)],
  ['enterprises', new RegExp(`^(cac |nhung )?(doanh nghiep|tap doan|tong cong ty|cong ty)(,? (cac )?(doanh nghiep|tap doan|tong cong ty|cong ty))*${TAIL}$`)],
  ['related', /^(cac |nhung )?(co quan|don vi|to chuc|ca nhan|nganh|dia phuong|ban nganh|so nganh)(,? (co quan|don vi|to chuc|dia phuong|ca nhan|nganh))*( (co )?lien quan| chuc nang| duoc giao| co lien quan| khac)$|^(cac )?(co quan|don vi) lien quan$|^cac ben lien quan$/],
];

export function collectiveOf(text: string): Collective | null {
  const k = foldKey(text).replace(/[.;:]+$/, '').trim();
  for (const [kind, re] of COLLECTIVES) if (re.test(k)) return kind;
  if (/^(cac|nhung) [a-z]/.test(k)) return 'other';
  return null;
}

// ---- Abbreviation alignment --------------------------------------------------------------------

interface MTok {
  word: string;
  abbr: string | null;
}

function isAbbrevToken(t: string): boolean {
  const letters = t.replace(/[^\p{L}]/gu, '');
  return letters.length >= 2 && letters === letters.toUpperCase() && letters !== letters.toLowerCase();
}

function mentionTokens(text: string): MTok[] {
  const out: MTok[] = [];
  for (const raw of normalizeText(text).replace(/[(),.;:"“”]/g, ' ').split(/\s+/)) {
    if (!raw) continue;
    const f = foldKey(raw);
    if (STOP.has(f)) continue;
    if (isAbbrevToken(raw)) {
      const plain = f.replace(/[&\-.]/g, '');
      out.push({ word: plain, abbr: plain });
    } else if (expansion(f.replace(/\./g, ''))) {
      for (const w of expansion(f.replace(/\./g, ''))!.split(' ')) out.push({ word: w, abbr: null });
    } else for (const w of f.split(/[&-]/).filter(Boolean)) if (!STOP.has(w)) out.push({ word: w, abbr: null });
  }
  return out;
}

const NO_ALIGNMENT = Object.freeze({ ok: false, usedAbbr: false });
/** Does `word` start with the first letter of `abbr` (a letter outside the BMP never matches one code unit)? */
function sameFirstLetter(abbr: string, word: string): boolean {
  const c = abbr.charCodeAt(0);
  return (c < 0xd800 || c > 0xdfff) && word.charCodeAt(0) === c;
}
/** Can the mention tokens be aligned with the entry words, abbreviations standing for initials? */
function aligns(toks: MTok[], words: string[]): { ok: boolean; usedAbbr: boolean } {
  // most entries fail on the first word: answer those without building the memo
  const t0 = toks[0];
  if (!t0 || !words.length) return toks.length === 0 && words.length === 0 ? { ok: true, usedAbbr: false } : NO_ALIGNMENT;
  if (t0.word !== words[0] && !(t0.abbr && sameFirstLetter(t0.abbr, words[0]))) return NO_ALIGNMENT;
  const memo = new Map<number, number>();
  // returns 0 = no, 1 = yes without abbreviations, 2 = yes using abbreviations
  const go = (i: number, j: number): number => {
    if (i === toks.length) return j === words.length ? 1 : 0;
    if (j >= words.length) return 0;
    const key = i * 1000 + j;
    const c = memo.get(key);
    if (c !== undefined) return c;
    let r = 0;
    const t = toks[i];
    if (t.word === words[j]) r = go(i + 1, j + 1);
    if (!r && t.abbr) {
      const letters = Array.from(t.abbr);
      if (letters.length <= words.length - j) {
        let ok = true;
        for (let k = 0; k < letters.length; k++) if (words[j + k][0] !== letters[k]) ok = false;
        if (ok && go(i + 1, j + letters.length)) r = 2;
      }
    }
    memo.set(key, r);
    return r;
  };
  const r = go(0, 0);
  return { ok: r > 0, usedAbbr: r === 2 };
}

// ---- Fuzzy --------------------------------------------------------------------------------------

let lvPrev = new Int32Array(64);
let lvCur = new Int32Array(64);
/** Edit distance (code units). The common prefix and suffix cost nothing and are skipped. */
function levenshtein(a: string, b: string): number {
  if (a === b) return 0;
  let start = 0;
  let endA = a.length;
  let endB = b.length;
  while (start < endA && start < endB && a.charCodeAt(start) === b.charCodeAt(start)) start++;
  while (endA > start && endB > start && a.charCodeAt(endA - 1) === b.charCodeAt(endB - 1)) {
    endA--;
    endB--;
  }
  const m = endA - start;
  const n = endB - start;
  if (!m) return n;
  if (!n) return m;
  if (lvPrev.length <= n) {
    lvPrev = new Int32Array(2 * (n + 1));
    lvCur = new Int32Array(2 * (n + 1));
  }
  let prev = lvPrev;
  let cur = lvCur;
  for (let j = 0; j <= n; j++) prev[j] = j;
  for (let i = 1; i <= m; i++) {
    cur[0] = i;
    const ca = a.charCodeAt(start + i - 1);
    for (let j = 1; j <= n; j++) {
      const del = prev[j] + 1;
      const ins = cur[j - 1] + 1;
      const sub = prev[j - 1] + (ca === b.charCodeAt(start + j - 1) ? 0 : 1);
      cur[j] = del < ins ? (del < sub ? del : sub) : ins < sub ? ins : sub;
    }
    const t = prev;
    prev = cur;
    cur = t;
  }
  return prev[n];
}

/** A fuzzy answer must not differ by a whole word ("Đài … Trà Vinh" is not "Đài … Đồng Nai"). */
function everyWordClose(words: string[], e: Entry): boolean {
  const target = e.forms[0].words;
  const close = (w: string) => target.some((t) => t === w || (w.length >= 4 && t.length >= 4 && levenshtein(w, t) <= 1));
  return words.every(close) && target.every((t) => words.some((w) => w === t || (w.length >= 4 && t.length >= 4 && levenshtein(w, t) <= 1)));
}

export function similarity(a: string, b: string): number {
  const max = Math.max(a.length, b.length);
  if (!max) return 1;
  return 1 - levenshtein(a, b) / max;
}

function tokenScore(sa: Set<string>, sb: Set<string>): number {
  let inter = 0;
  for (const x of sa) if (sb.has(x)) inter++;
  return (2 * inter) / (sa.size + sb.size || 1);
}

// ---- Mention cleanup -----------------------------------------------------------------------------

const LEADING_WORDS = /^(?:đề nghị|giao|giám đốc|chủ tịch|thủ trưởng|lãnh đạo|trưởng ban|chánh văn phòng|chỉ huy trưởng|phối hợp với|phối hợp|chủ trì)\s+/i;
const TRAILING_WORDS = /\s+(?:chủ trì(?:,? tổng hợp| thực hiện| tham mưu)?|phối hợp(?: thực hiện)?|tổng hợp|thực hiện|tham mưu|theo dõi)$/i;

/** Remove words around a name that are not part of it; returns the cleaned text and an alias it teaches. */
export function cleanMention(text: string): { text: string; alias?: string } {
  let t = normalizeText(text).replace(/[.;:,]+$/, '').trim();
  let alias: string | undefined;
  // trailing parenthetical: an abbreviation "(Sở TT-TT)" teaches an alias; anything else ("(đối với …)") is dropped
  const par = t.match(/^(.*\S)\s*\(([^()]*)\)$/);
  if (par) {
    const inner = par[2].trim();
    if (inner && inner.length <= 30 && !/^(đối với|trong|về|theo|nếu|khi|phần)/i.test(inner)) alias = inner;
    t = par[1].trim();
  }
  for (let i = 0; i < 3; i++) {
    const before = t;
    t = t.replace(LEADING_WORDS, '').replace(TRAILING_WORDS, '').trim();
    if (t === before) break;
  }
  return alias ? { text: t, alias } : { text: t };
}

// ---- Matching -------------------------------------------------------------------------------------

export function successorOf(idx: MatchIndex, name: string): string | null {
  const seen = new Set<string>();
  let cur = idx.byName.get(name);
  let last: string | null = null;
  while (cur?.successor && !seen.has(cur.name)) {
    seen.add(cur.name);
    last = cur.successor;
    cur = idx.byName.get(cur.successor);
  }
  return last;
}

function result(text: string, idx: MatchIndex, e: Entry | null, status: Mention['status'], confidence: number, suggestions: string[] = []): Mention {
  return {
    text,
    agency: e ? e.agency.name : null,
    collective: null,
    status,
    confidence: Math.round(confidence * 100) / 100,
    current: e ? successorOf(idx, e.agency.name) : null,
    suggestions,
  };
}

function unique<T>(a: T[]): T[] {
  return [...new Set(a)];
}

/** Match one mention (a single name or collective phrase). */
export function matchMention(rawText: string, idx: MatchIndex, allowFuzzy = true): Mention {
  const cacheKey = (allowFuzzy ? 'f:' : 's:') + rawText;
  const hit = idx.cache.get(cacheKey);
  if (hit) return hit; // results are shared and never mutated
  const m = matchUncached(rawText, idx, allowFuzzy);
  idx.cache.set(cacheKey, m);
  return m;
}

function matchUncached(rawText: string, idx: MatchIndex, allowFuzzy: boolean): Mention {
  const cleaned = cleanMention(rawText);
  const text = cleaned.text;
  const m = matchCleaned(text, idx, allowFuzzy);
  if (cleaned.alias) {
    // "Sở Thông tin và Truyền thông (Sở TT-TT)": the parenthesis names the same agency
    const inner = matchCleaned(cleaned.alias, idx, allowFuzzy);
    if (m.agency && (inner.agency === m.agency || inner.agency === null)) return { ...m, text: rawText.trim().replace(/[.;:,]+$/, ''), learnedAlias: cleaned.alias };
    if (!m.agency && inner.agency) return { ...inner, text: rawText.trim().replace(/[.;:,]+$/, '') };
  }
  const shown = rawText.trim().replace(/[.;:,]+$/, '').trim();
  return { ...m, text: shown };
}

function matchCleaned(text: string, idx: MatchIndex, allowFuzzy: boolean): Mention {
  const key = foldKey(text);
  if (!key) return { ...result(text, idx, null, 'unknown', 0), suggestions: [] };
  // exact (normalized: case, tone placement, NFD, spacing, dashes)
  const exact = idx.byKey.get(key);
  if (exact && exact.length === 1) {
    const e = exact[0];
    return result(text, idx, e, e.nameKey === key ? 'exact' : 'alias', e.nameKey === key ? 1 : 0.99);
  }
  const col = collectiveOf(text);
  if (col && col !== 'other') return { ...result(text, idx, null, 'collective', 1), collective: col };

  const pw = idx.province ? expandWords(foldKey(idx.province)) : [];
  const toks = mentionTokens(text);
  const plainWords = stripProvince(toks.map((t) => t.word), pw);
  const hasAbbr = toks.some((t) => t.abbr);
  // same words, other punctuation / "và" / province suffix
  if (!hasAbbr) {
    const loose = idx.byLoose.get(plainWords.join(' '));
    if (loose && loose.length === 1) {
      const e = loose[0];
      const isAlias = [...e.aliasKeys.keys()].some((k) => looseKey(k) === looseKey(text));
      const sameAsName = looseKey(e.agency.name) === looseKey(text);
      if (sameAsName && !isAlias) return result(text, idx, e, 'fuzzy', 0.95, [e.agency.name]);
      return result(text, idx, e, 'alias', 0.97);
    }
  }
  // short names ("STTTT", "Sở TTTT")
  const compact = key.replace(/[^\p{L}\p{N}]/gu, '');
  const byShort = idx.entries.filter((e) => e.shortKey && e.shortKey.length >= 3 && e.shortKey === compact);
  if (byShort.length === 1) return result(text, idx, byShort[0], 'abbreviation', 0.97);
  // abbreviations aligned with initials
  if (hasAbbr) {
    const tokStripped = stripTrailingProvince(toks, pw);
    const hits = idx.entries.filter((e) => {
      // forms[0] is the name without the province suffix, computed with the index
      return aligns(tokStripped, e.forms[0].words).ok || aligns(toks, e.words).ok;
    });
    const distinct = unique(hits.map((h) => h.agency.name));
    if (distinct.length === 1) return result(text, idx, hits[0], 'abbreviation', 0.97);
    if (distinct.length > 1) return result(text, idx, null, 'unknown', 0, distinct.slice(0, 5));
  }
  if (col === 'other') return { ...result(text, idx, null, 'collective', 0.9), collective: col };
  if (!allowFuzzy) return result(text, idx, null, 'unknown', 0);
  return fuzzy(text, plainWords, idx);
}

function stripTrailingProvince(toks: MTok[], pw: string[]): MTok[] {
  const words = stripProvince(toks.map((t) => t.word), pw);
  return toks.slice(0, words.length);
}

function fuzzy(text: string, words: string[], idx: MatchIndex): Mention {
  const flat = words.join(' ');
  const scored: { e: Entry; s: number }[] = [];
  // candidates share distinctive words with the mention (a typo in one word still leaves others)
  const shared = new Map<Entry, number>();
  for (const w of new Set(words)) for (const e of idx.byWord.get(w) ?? []) shared.set(e, (shared.get(e) ?? 0) + 1);
  if (shared.size === 0) for (const e of idx.byHead.get(words[0] ?? '') ?? []) shared.set(e, 0);
  const pool = [...shared.entries()].sort((a, b) => b[1] - a[1]).slice(0, 24).map(([e]) => e);
  // cheap token score first; the edit distance only for the best few
  const mine = new Set(words);
  const rough = pool.map((e) => ({ e, t: Math.max(...e.forms.map((f) => tokenScore(mine, f.set))) }));
  rough.sort((a, b) => b.t - a.t);
  // a confident answer needs token overlap ≥ 0.75 (0.6·1 + 0.4·0.75 = 0.9); below it only suggestions are at stake
  const depth = rough.length && rough[0].t >= 0.75 ? 12 : 4;
  for (const { e } of rough.slice(0, depth)) {
    let best = 0;
    for (const f of e.forms) {
      const sc = 0.6 * similarity(flat, f.flat) + 0.4 * tokenScore(mine, f.set);
      if (sc > best) best = sc;
    }
    scored.push({ e, s: best });
  }
  scored.sort((a, b) => b.s - a.s || compareCodeUnits(a.e.agency.name, b.e.agency.name));
  const top = scored[0];
  const second = scored[1];
  const suggestions = scored.filter((x) => x.s >= 0.55).slice(0, 3).map((x) => x.e.agency.name);
  if (top && top.s >= 0.9 && (!second || top.s - second.s >= 0.08) && top.e.head === words[0] && everyWordClose(words, top.e)) {
    return result(text, idx, top.e, 'fuzzy', top.s, [top.e.agency.name]);
  }
  return result(text, idx, null, 'unknown', top ? top.s : 0, suggestions);
}
