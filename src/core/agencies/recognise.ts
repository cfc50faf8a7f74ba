// The recogniser: the agencies and collectives a lead / support cell names, each with its span.
// One pass proposes spans — the longest run of words that spells a master name, alias or short
// name (or its abbreviation) on word boundaries, then the groups named by kind ("các sở, ban,
// ngành") in what is left — and one pass scores each span (exact, alias, abbreviation, fuzzy).
// Words around the names are known filler (titles, verbs, "đối với …") or returned as unread:
// nothing is guessed from them. A confident wrong answer is worse than none.
import { normalizeText } from '../text';
import type { Agency, Collective, Mention } from '../schemas';
import type { Form, TrieNode } from './lexicon';
import { collectivesIn } from './collectives';
import { type MatchIndex, matchMention, successorOf } from './match';
import { tokenize, type Token } from './tokens';

export interface Recognised {
  mentions: Mention[];
  /** Text that is neither a name, a group, nor known filler ("Hội đồng nhân dân cùng cấp"). */
  unread: string[];
}

const BULLET = /^\s*(?:[-+•–·*▪◦](?!\d)|[a-zđ]\)|\d{1,2}[.)](?!\d))\s*/i;

/** Items of a cell with their offsets: bulleted lines start items; without bullets the cell is one item. */
function itemsOf(text: string): { text: string; offset: number }[] {
  const lines: { text: string; offset: number }[] = [];
  let at = 0;
  for (const line of text.split('\n')) {
    lines.push({ text: line, offset: at });
    at += line.length + 1;
  }
  const bulleted = lines.some((l) => BULLET.test(l.text) && l.text.replace(BULLET, '').trim() !== '');
  if (!bulleted) return [{ text, offset: 0 }];
  const items: { text: string; offset: number }[] = [];
  for (const l of lines) {
    const b = l.text.match(BULLET);
    if (b && l.text.length > b[0].length) items.push({ text: l.text.slice(b[0].length), offset: l.offset + b[0].length });
    else if (items.length && l.text.trim()) {
      const last = items[items.length - 1];
      last.text = text.slice(last.offset, l.offset + l.text.length);
    } else if (l.text.trim()) items.push(l);
  }
  return items;
}

/** Titles and verbs a name may follow directly: "Giám đốc Sở …", "Chánh Văn phòng …", "Giao Sở …". */
const LEAD_IN = [
  'giam doc', 'chu tich', 'thu truong', 'lanh dao', 'chanh', 'truong', 'chi huy truong', 'giao', 'de nghi', 'ct', 'pct', 'cac pct',
  'phoi hop voi', 'chu tri', 'va', 'cung', 'voi', 'tong bien tap', 'bi thu', 'tong giam doc',
].map((s) => s.split(' '));

/** Words that continue a name into another agency: "Công an" + "xã" is not Công an tỉnh. */
const CONTINUES = new Set(['xa', 'phuong', 'huyen', 'quan', 'thi', 'cap', 'thon', 'ap', 'khu', 'dac']);

/** Separators no name runs across: a clause or list ends there. */
const HARD = /[;:()]/;

/** Kind nouns a list can share: "Bộ Xây dựng, Khoa học và Công nghệ", "Các Bộ: Tài chính, …". */
const HEAD_NOUNS = new Set(['bo', 'so', 'ban', 'cuc', 'vu', 'hoi', 'dai', 'bao', 'phong', 'thanh']);

/** Qualifiers: what follows them up to the next comma is scope, not an agency ("Sở Y tế đối với địa phương"). */
const QUALIFIERS = [['đối', 'với'], ['liên', 'quan', 'đến'], ['trực', 'thuộc'], ['về'], ['theo'], ['trong'], ['tại'], ['thuộc']];

interface Span {
  first: number;
  /** exclusive token index */
  last: number;
  form: Form;
  short: boolean;
  /** The head was borrowed from a list's shared head. */
  borrowed: boolean;
}

interface Reached {
  node: TrieNode;
  /** exclusive token index */
  end: number;
  short: boolean;
}

/**
 * Every form of the lexicon that tokens from `i` spell: a word as written, the words a short form
 * stands for ("UBND"), or the initials of an abbreviation, each a prefix of one word ("SNgV").
 */
function walk(root: TrieNode, toks: Token[], i: number, skip: boolean[]): Reached[] {
  const out: Reached[] = [];
  // canEnd: a name never ends on the "và" it skipped ("Công an tỉnh và …")
  const go = (node: TrieNode, k: number, short: boolean, canEnd = true): void => {
    if (canEnd && node.forms.length && k > i) out.push({ node, end: k, short });
    if (k >= toks.length || skip[k]) return;
    const t = toks[k];
    if (k > i && HARD.test(t.before)) return;
    if (t.words.length === 0) {
      if (k > i) go(node, k + 1, short, false);
      return;
    }
    const lit = node.next.get(t.folded);
    // written with diacritics, a word must carry the list's ("Bảo" is not "Báo"); without any
    // ("So Tai chinh") it may be any of them, and the spelling is reported
    if (lit && (t.plain || lit.spellings.has(t.lower))) go(lit, k + 1, short || t.short);
    if (t.words.length > 1 || t.words[0] !== t.folded) {
      let n: TrieNode | undefined = node;
      for (const w of t.words) n = n?.next.get(w);
      if (n) go(n, k + 1, true);
    }
    // a standard short form stands for its words only: "TP" is thành phố, never "Tư pháp"
    if (t.initials && !(t.words.length > 1 || t.words[0] !== t.folded)) {
      const inits = t.initials;
      const byInitials = (n: TrieNode, s: number): void => {
        if (s === inits.length) return go(n, k + 1, true);
        for (const [w, child] of n.next) if (w.startsWith(inits[s])) byInitials(child, s + 1);
      };
      byInitials(node, 0);
    }
  };
  go(root, i, false);
  return out;
}

function endsWithWords(words: string[], tail: string[]): boolean {
  return tail.length <= words.length && tail.every((w, n) => words[words.length - tail.length + n] === w);
}

function leftBoundary(toks: Token[], i: number, spans: Span[]): boolean {
  if (i === 0) return true;
  const t = toks[i];
  if (/[,;:()\-–/\n.&+]/.test(t.before)) return true;
  if (spans.length && spans[spans.length - 1].last === i) return true;
  if (/^\d+$/.test(toks[i - 1].folded)) return true;
  const before = toks.slice(Math.max(0, i - 3), i).flatMap((x) => (x.words.length ? [x.folded] : ['va']));
  return LEAD_IN.some((w) => endsWithWords(before, w));
}

function rightBoundary(toks: Token[], end: number, form: Form): boolean {
  const next = toks[end];
  if (!next) return true;
  if (/[,;:()\-–/\n]/.test(next.before)) return true;
  if (CONTINUES.has(next.folded)) return false;
  // a form with the province left out ends the name: "Sở Tư pháp" + "Quảng Ngãi" or + "tỉnh
  // Bình Định" is another province's
  if (form.derived && next.capital && !HEAD_NOUNS.has(next.folded)) return false;
  if (form.derived && (next.folded === 'tinh' || next.folded === 'tp' || (next.folded === 'thanh' && toks[end + 1]?.folded === 'pho'))) {
    const after = toks[end + (next.folded === 'thanh' ? 2 : 1)];
    if (after?.capital && !/[,;:()]/.test(after.before)) return false;
  }
  return true;
}

/** The longest form starting at token i; null when none, or when two agencies tie (no guess). */
function bestAt(idx: MatchIndex, toks: Token[], i: number, skip: boolean[]): { span: Span; ambiguous: Agency[] } | null {
  let best: Span | null = null;
  let tied: Agency[] = [];
  for (const r of walk(idx.lexicon.trie, toks, i, skip)) {
    for (const form of r.node.forms) {
      if (!rightBoundary(toks, r.end, form)) continue;
      const better = !best || r.end > best.last || (r.end === best.last && (Number(r.short) < Number(best.short) || (r.short === best.short && form.words.length > best.form.words.length)));
      const same = best !== null && r.end === best.last && r.short === best.short && form.words.length === best.form.words.length;
      if (better && !same) {
        best = { first: i, last: r.end, form, short: r.short, borrowed: false };
        tied = [form.agency];
      } else if (same && !tied.includes(form.agency)) tied.push(form.agency);
    }
  }
  return best ? { span: best, ambiguous: tied.length > 1 ? tied : [] } : null;
}

/**
 * An abbreviation written without its head noun: "NN&PTNT" in a province's plan is the Sở, in a
 * plan of the Government the Bộ (the plan's level decides; one answer or none).
 */
function headless(idx: MatchIndex, toks: Token[], i: number, skip: boolean[]): { span: Span; ambiguous: Agency[] } | null {
  const noun = idx.level === 'central' ? { raw: 'Bộ', folded: 'bo' } : { raw: 'Sở', folded: 'so' };
  const virtual: Token = { ...noun, lower: noun.raw.toLowerCase(), plain: false, start: toks[i].start, end: toks[i].start, words: [noun.folded], initials: null, capital: true, before: ' ', short: false, glued: false };
  const synthetic = [virtual, { ...toks[i], before: ' ' }, ...toks.slice(i + 1)];
  const found = bestAt(idx, synthetic, 0, [false, ...skip.slice(i)]);
  // at least four initials ("NN&PTNT", "KHCN"): two letters without their head say too little
  const letters = synthetic.slice(1, found?.span.last ?? 1).reduce((n, t) => n + (t.initials?.length ?? 9), 0);
  if (!found || found.span.last < 2 || letters < 4) return null;
  return { span: { ...found.span, first: i, last: found.span.last - 1 + i, borrowed: true }, ambiguous: found.ambiguous };
}

/** Tokens skipped by the name pass: parentheses that are not an abbreviation, and qualifier clauses. */
function skippedTokens(text: string, toks: Token[]): { skip: boolean[]; parens: { start: number; end: number }[] } {
  const skip = toks.map(() => false);
  const parens: { start: number; end: number }[] = [];
  let depth = 0;
  let open = 0;
  for (let c = 0; c < text.length; c++) {
    if (text[c] === '(') {
      if (depth++ === 0) open = c;
    } else if (text[c] === ')' && depth > 0 && --depth === 0) parens.push({ start: open, end: c + 1 });
  }
  for (const p of parens) toks.forEach((t, k) => (skip[k] ||= t.start > p.start && t.end < p.end));
  for (let k = 0; k < toks.length; k++) {
    const q = QUALIFIERS.find((w) => w.every((x, n) => toks[k + n]?.raw.toLowerCase() === x));
    if (!q || k === 0 || skip[k]) continue;
    // "thành phố trực thuộc Trung ương", "cơ quan thuộc Chính phủ" are names, not a scope
    if ((q[0] === 'trực' || q[0] === 'thuộc') && /^(trung|tinh|chinh|uy|ubnd)$/.test(toks[k + q.length]?.folded ?? '')) continue;
    let e = k;
    while (e < toks.length && !(e > k && /[,;:\n()]/.test(toks[e].before))) skip[e++] = true;
    k = e - 1;
  }
  return { skip, parens };
}

/** "(Sở TT-TT)" right after a name: the abbreviation the cell teaches. */
function parenAlias(text: string, toks: Token[], span: Span, parens: { start: number; end: number }[]): { text: string; end: number } | undefined {
  const endChar = toks[span.last - 1].end;
  const p = parens.find((x) => x.start >= endChar && /^\s*$/.test(text.slice(endChar, x.start)));
  if (!p) return undefined;
  const inner = text.slice(p.start + 1, p.end - 1).trim();
  const innerToks = tokenize(inner);
  const isShort = inner.length <= 30 && innerToks.some((t) => t.initials) && innerToks.every((t) => t.initials || /^(sở|bộ|ban|đài|báo)$/i.test(t.raw));
  return isShort ? { text: inner, end: p.end } : undefined;
}

/** How sure the span is of its agency, from how it spells it. */
function scoreSpan(text: string, span: Span, toks: Token[], idx: MatchIndex): Pick<Mention, 'status' | 'confidence' | 'suggestions'> {
  const a = span.form.agency;
  const lower = (x: string) => normalizeText(x).toLowerCase().replace(/\s*[-–]\s*/g, ' - ').replace(/\s+/g, ' ').replace(/[.,;:]+$/, '');
  const province = idx.province ? lower(idx.province) : null;
  /** The name as written in full, with its province left out, or with "tỉnh" for the province. */
  const spellings = (name: string): string[] => {
    const full = lower(name);
    const out = [full];
    if (province) {
      for (const tail of [` tỉnh ${province}`, ` thành phố ${province}`, ` ${province}`]) {
        if (full.endsWith(tail)) out.push(full.slice(0, -tail.length), full.slice(0, -tail.length) + ' tỉnh');
      }
    }
    if (full.endsWith(' tỉnh')) out.push(full.slice(0, -' tỉnh'.length));
    return out;
  };
  const said = lower(text);
  const glued = toks.slice(span.first, span.last).some((t) => t.glued);
  if (!glued && !span.borrowed && spellings(a.name).includes(said)) return { status: 'exact', confidence: 1, suggestions: [] };
  // a short form in the cell ("Sở TT-TT", "Ban Quản lý các KCN") is reported even where the list has it as an alias
  if (span.short || span.borrowed || span.form.source === 'short') return { status: 'abbreviation', confidence: 0.97, suggestions: [] };
  if (!glued && a.aliases.some((al) => spellings(al).includes(said))) return { status: 'alias', confidence: 0.99, suggestions: [] };
  // the same words spelled otherwise: accents, a dropped "và" or comma, a glued word ("Kế hoạchvà
  // Đầu tư"), "Thông tin -Truyền thông". Matched, and the official name is offered as the fix
  return { status: 'fuzzy', confidence: 0.95, suggestions: [a.name] };
}

function mentionOf(text: string, agency: Agency | null, idx: MatchIndex, rest: Pick<Mention, 'status' | 'confidence' | 'suggestions'>, at: { start: number; end: number }): Mention {
  return { text, agency: agency ? agency.name : null, collective: null, ...rest, current: agency ? successorOf(idx, agency.name) : null, start: at.start, end: at.end };
}

/** The head a list shares: "Bộ" of "Bộ Xây dựng, Khoa học …", "Sở TT-TT" of "Sở TT-TT: Thái Bình, …". */
function headOf(toks: Token[], span: Span): Token[] | null {
  const first = toks[span.first];
  if (HEAD_NOUNS.has(first.words[0]) && first.words.length === 1) return [first];
  if (first.folded === 'tp' || first.folded === 'ubnd') return [first];
  return null;
}

function colonHead(toks: Token[], at: number, skip: boolean[]): Token[] | null {
  let start = at - 1;
  while (start > 0 && !/;/.test(toks[start].before) && !skip[start - 1]) start--;
  let head = toks.slice(start, at);
  const drop = new Set(['giam', 'doc', 'thu', 'truong', 'chu', 'tich', 'lanh', 'dao', 'giao', 'cac', 'nhung', 'de', 'nghi']);
  while (head.length && drop.has(head[0].folded)) head = head.slice(1);
  return head.length && HEAD_NOUNS.has(head[0].words[0]) ? head : null;
}

function recogniseItem(text: string, offset: number, idx: MatchIndex): Recognised {
  const toks = tokenize(text, idx.lexicon.vocabulary);
  const { skip, parens } = skippedTokens(text, toks);
  const spans: Span[] = [];
  const ambiguous = new Map<number, Agency[]>();
  // heads the current list may share, most recent first ("UBND thành phố Hà Nội, Thành phố Hồ Chí
  // Minh, Hòa Bình": UBND); a colon's head lasts to the end of its list, across ";"
  let heads: Token[][] = [];
  let headFromColon = false;
  const headTokens = new Set<number>();
  for (let i = 0; i < toks.length; ) {
    if (skip[i] || toks[i].words.length === 0) {
      i++;
      continue;
    }
    if (/[:]/.test(toks[i].before)) {
      const h = colonHead(toks, i, skip);
      heads = h ? [h] : [];
      headFromColon = h !== null;
    } else if (/[.]\s/.test(toks[i].before) && headFromColon) {
      heads = [];
      headFromColon = false;
    } else if (/;/.test(toks[i].before) && !headFromColon) heads = [];
    const listed = /[,:&;]/.test(toks[i].before) || toks[i - 1]?.folded === 'va';
    let found = leftBoundary(toks, i, spans) ? bestAt(idx, toks, i, skip) : null;
    for (const head of listed && toks[i].capital && (!found || headFromColon) ? heads : []) {
      // the shared head in front of this list item
      const synthetic = [...head.map((h) => ({ ...h, before: ' ' })), { ...toks[i], before: ' ' }, ...toks.slice(i + 1)];
      const sskip = [...head.map(() => false), ...skip.slice(i)];
      const viaHead = bestAt(idx, synthetic, 0, sskip);
      if (viaHead && viaHead.span.last > head.length && (!found || viaHead.span.last - head.length >= found.span.last - i)) {
        const last = viaHead.span.last - head.length + i;
        found = { span: { ...viaHead.span, first: i, last, borrowed: true }, ambiguous: viaHead.ambiguous };
        // the head before the colon was a head, not a mention of its own
        if (headFromColon && spans.length && spans[spans.length - 1].last <= i && toks[spans[spans.length - 1].first] === head[0]) spans.pop();
        for (const h of head) headTokens.add(toks.indexOf(h));
        break;
      }
    }
    if (!found && toks[i].initials && leftBoundary(toks, i, spans)) found = headless(idx, toks, i, skip);
    if (!found) {
      i++;
      continue;
    }
    if (found.ambiguous.length) ambiguous.set(spans.length, found.ambiguous);
    spans.push(found.span);
    const own = found.span.borrowed ? null : headOf(toks, found.span);
    if (!headFromColon && own && !heads.some((h) => h[0].folded === own[0].folded)) heads = [own, ...heads];
    i = found.span.last;
  }

  // a sub-unit and its parent ministry are one mention: "T.Cục DS-KHHGĐ Bộ Y tế"; when the list
  // does not hold the sub-unit ("Cục KTVB - Bộ Tư pháp"), the whole is one unknown name
  const mentions: Mention[] = [];
  const taken = toks.map(() => false);
  const kept = spans.filter((s, n) => {
    if (!/^bộ(?=\s)/i.test(s.form.agency.name)) return true;
    const prev = spans[n - 1];
    if (prev && prev.last === s.first && /^(tổng cục|cục|vụ|viện)(?=\s)/i.test(prev.form.agency.name)) {
      for (let k = s.first; k < s.last; k++) taken[k] = true;
      return false;
    }
    let k = s.first - 1;
    while (k >= 0 && !skip[k] && !(prev && k < prev.last) && !/[,;:()]/.test(toks[k + 1].before)) k--;
    const unit = toks.slice(k + 1, s.first).findIndex((t) => /^(tong ?cuc|tcuc|cuc|vu|vien)$/.test(t.folded) && t.capital);
    if (unit < 0) return true;
    const from = k + 1 + unit;
    const name = text.slice(toks[from].start, toks[s.last - 1].end);
    const m = matchMention(name, idx);
    mentions.push({ ...m, text: name, start: offset + toks[from].start, end: offset + toks[s.last - 1].end });
    for (let x = from; x < s.last; x++) taken[x] = true;
    return false;
  });
  for (const h of headTokens) if (h >= 0) taken[h] = true;
  kept.forEach((s) => {
    for (let k = s.first; k < s.last; k++) taken[k] = true;
    const start = toks[s.first].start;
    const end = toks[s.last - 1].end;
    const spanText = text.slice(start, end);
    const tie = ambiguous.get(spans.indexOf(s));
    const at = { start: offset + start, end: offset + end };
    if (tie) {
      mentions.push(mentionOf(spanText, null, idx, { status: 'unknown', confidence: 0, suggestions: tie.map((a) => a.name).slice(0, 5) }, at));
      return;
    }
    const m = mentionOf(spanText, s.form.agency, idx, scoreSpan(spanText, s, toks, idx), at);
    const alias = parenAlias(text, toks, s, parens);
    // "Sở Thông tin và Truyền thông (Sở TT-TT)" is one mention, parenthesis included
    mentions.push(alias ? { ...m, text: text.slice(start, alias.end), end: offset + alias.end, learnedAlias: alias.text } : m);
  });
  for (const [k, t] of toks.entries()) if (skip[k] || t.words.length === 0) taken[k] ||= skip[k];

  // what is left: groups named by kind, names not in the list, or unread words
  const rest = collectivesIn(text, toks, taken, idx.level);
  for (const c of rest.groups) mentions.push({ text: c.text, agency: null, collective: c.kind as Collective, status: 'collective', confidence: c.kind === 'other' ? 0.9 : 1, current: null, suggestions: [], start: offset + c.start, end: offset + c.end });
  const unread: string[] = [];
  for (const n of rest.names) {
    // a name the list does not hold: the old matcher scores it and ranks suggestions
    const m = matchMention(n.text, idx);
    // a name, not a group: "UBND huyện Long Thành" is one locality the list does not hold
    const named = m.agency ? m : { ...m, collective: null, status: 'unknown' as const, confidence: Math.min(m.confidence, 0.5) };
    mentions.push({ ...named, text: n.text, start: offset + n.start, end: offset + n.end });
  }
  unread.push(...rest.unread);
  mentions.sort((a, b) => (a.start ?? 0) - (b.start ?? 0));
  return { mentions, unread };
}

/** The agencies and groups a cell names, in order, each with its span in the cell (NFC). */
export function recognise(cell: string, idx: MatchIndex): Recognised {
  const text = String(cell ?? '').normalize('NFC');
  const out: Recognised = { mentions: [], unread: [] };
  for (const item of itemsOf(text)) {
    if (!item.text.trim()) continue;
    const r = recogniseItem(item.text, item.offset, idx);
    out.mentions.push(...r.mentions);
    out.unread.push(...r.unread);
  }
  return out;
}
