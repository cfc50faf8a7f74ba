// The master list as the recogniser looks names up: every name, alias and short name as a run of
// canonical words, with the forms a plan writes when the province is implied ("Sở Tư pháp tỉnh
// Quảng Ngãi" is written "Sở Tư pháp", "Sở Tư pháp tỉnh"; "Ủy ban nhân dân thành phố Hà Nội" is
// written "Thành phố Hà Nội"; "Ban Tuyên giáo và Dân vận Tỉnh ủy" is written "… Dân vận tỉnh").
import type { Agency } from '../schemas';
import { nameSpellings, nameWords } from './tokens';

export interface Form {
  words: string[];
  agency: Agency;
  /** What the form was made from: the official name, an alias, the short name. */
  source: 'name' | 'alias' | 'short';
  /** A form the plan writes with the province implied or named differently. */
  derived: boolean;
}

/** Forms share their first words: a trie walks them once for all ("Ban Quản lý dự án … 1", "… 2"). */
export interface TrieNode {
  next: Map<string, TrieNode>;
  /** How the word leading here is written in the list, diacritics kept ("báo", "bảo"). */
  spellings: Set<string>;
  /** Forms that end here. */
  forms: Form[];
}

export interface Lexicon {
  trie: TrieNode;
  /** Every word of every form (a glued "và" is cut only before a known word). */
  vocabulary: Set<string>;
}

/** Cores that name no agency without their "tỉnh" or province: "Ủy ban nhân dân" alone. */
const BARE = new Set(['uy ban nhan dan', 'hoi dong nhan dan']);

function endsWith(words: string[], tail: string[]): boolean {
  return tail.length > 0 && words.length > tail.length && tail.every((w, i) => words[words.length - tail.length + i] === w);
}

/** The forms a name is written in. */
export function formsOf(words: string[], provinceWords: string[]): string[][] {
  const out: string[][] = [words];
  let core = words;
  if (endsWith(core, provinceWords)) {
    core = core.slice(0, core.length - provinceWords.length);
    if (endsWith(core, ['thanh', 'pho'])) core = core.slice(0, -2);
  }
  if (endsWith(core, ['tinh'])) core = core.slice(0, -1);
  // a core of one word ("Báo" of "Báo Đồng Nai") is a kind, not a name
  const bare = BARE.has(core.join(' ')) || core.length < 2;
  if (!bare) out.push(core);
  // "Sở Tài chính tỉnh": a department of the plan's province, named or not
  if (!bare || provinceWords.length || core !== words) {
    out.push([...core, 'tinh']);
    if (provinceWords.length) out.push([...core, ...provinceWords], [...core, 'tinh', ...provinceWords]);
  }
  // a district's bodies with the district implied: "Phòng Tài nguyên và Môi trường huyện Côn Đảo"
  // is written "Phòng Tài nguyên và Môi trường huyện", "Ban Tuyên giáo Huyện ủy"
  const h = core.lastIndexOf('huyen');
  if (h >= 1 && core.length - h - 1 >= 1 && core.length - h - 1 <= 3) {
    const kind = core[h + 1] === 'uy' ? h + 2 : h + 1;
    if (kind < core.length) out.push(core.slice(0, kind), ...(kind === h + 1 ? [core.slice(0, h)] : []));
  }
  // "Ban Tuyên giáo và Dân vận Tỉnh ủy" ↔ "Ban Tuyên giáo và Dân vận tỉnh"
  if (core[0] === 'ban' && endsWith(core, ['tinh', 'uy'])) out.push(core.slice(0, -1));
  // "Bộ Chỉ huy Quân sự tỉnh" ↔ "CHQS tỉnh", "Chỉ huy quân sự tỉnh"
  if (words[0] === 'bo' && words[1] === 'chi' && words[2] === 'huy') out.push(...formsOf(words.slice(1), provinceWords));
  // "Ngân hàng Nhà nước Việt Nam" ↔ "Ngân hàng Nhà nước"
  if (core.length >= 5 && endsWith(core, ['viet', 'nam'])) out.push(core.slice(0, -2));
  // "Ủy ban nhân dân thành phố Hà Nội" ↔ "Thành phố Hà Nội", "TP. Hồ Chí Minh"
  const ubnd = ['uy', 'ban', 'nhan', 'dan'];
  if (ubnd.every((w, i) => words[i] === w) && (words[4] === 'tinh' || (words[4] === 'thanh' && words[5] === 'pho')) && words.length > (words[4] === 'tinh' ? 5 : 6)) {
    const place = words.slice(words[4] === 'tinh' ? 5 : 6);
    // and "UBND … Hòa Bình, Cần Thơ": the province named alone after a shared "UBND"
    out.push(words.slice(4), [...ubnd, ...place]);
  }
  const seen = new Set<string>();
  return out.filter((f) => {
    const k = f.join(' ');
    if (!f.length || seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

export function buildLexicon(agencies: Agency[], province: string | null): Lexicon {
  const lex: Lexicon = { trie: { next: new Map(), spellings: new Set(), forms: [] }, vocabulary: new Set() };
  const provinceWords = province ? nameWords(province) : [];
  // the words of a name as written, with their diacritics (for any form made of the same words)
  const spelled = new Map<string, Set<string>>();
  const learn = (name: string) => {
    const w = nameWords(name);
    nameSpellings(name).forEach((sp, n) => {
      if (!sp) return;
      const set = spelled.get(w[n]) ?? spelled.set(w[n], new Set()).get(w[n])!;
      set.add(sp);
    });
  };
  for (const a of agencies) for (const n of [a.name, ...a.aliases, ...(a.short ? [a.short] : []), ...(province ? [province] : [])]) learn(n);
  for (const w of ['tỉnh', 'thành', 'phố', 'huyện', 'ủy']) learn(w);
  const add = (words: string[], agency: Agency, source: Form['source']) => {
    formsOf(words, provinceWords).forEach((w, i) => {
      let node = lex.trie;
      for (const x of w) {
        let child = node.next.get(x);
        if (!child) node.next.set(x, (child = { next: new Map(), spellings: spelled.get(x) ?? new Set(), forms: [] }));
        node = child;
        lex.vocabulary.add(x);
      }
      if (!node.forms.some((f) => f.agency === agency)) node.forms.push({ words: w, agency, source, derived: i > 0 });
    });
  };
  for (const a of agencies) {
    add(nameWords(a.name), a, 'name');
    for (const al of a.aliases) add(nameWords(al), a, 'alias');
    if (a.short) {
      const sw = nameWords(a.short);
      // a short name that is only initials of the name ("BTC") would shadow common words
      if (sw.length > 1 || sw[0].length > 3) add(sw, a, 'short');
    }
  }
  return lex;
}
