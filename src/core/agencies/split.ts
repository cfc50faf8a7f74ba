// Splitting a chủ trì / phối hợp cell into mentions. Commas and "và" inside names
// ("Sở Lao động, Thương binh và Xã hội", "Các sở, ban, ngành") are kept by re-joining pieces
// whenever the joined text names an agency or a collective outright.
import { normalizeText, splitItems } from '../text';
import { isStrongMatch, matchMention, mayContinue, type MatchIndex } from './match';
import type { Mention } from '../schemas';

const SEP = /(\s*[,;]\s*|\s+và\s+|\s+cùng\s+|\s+với\s+)/giuy;
const MAX_JOIN = 7;

/** Split a cell into mention texts (no matching decisions beyond re-joining pieces). */
export function splitMentionTexts(cell: string, idx: MatchIndex): string[] {
  const out: string[] = [];
  for (const item of splitItems(cell)) {
    for (const part of splitNumbered(item.text)) {
      const shared = expandSharedHead(part);
      if (shared) {
        out.push(...shared);
        continue;
      }
      out.push(...splitPieces(part, idx));
    }
  }
  return out.filter((t) => t.replace(/[\s.,;:()-]/g, '') !== '');
}

/** "(1) Bộ Tư pháp (2) Văn phòng Chính phủ" → two parts. */
function splitNumbered(text: string): string[] {
  if (!/\(\d{1,2}\)/.test(text)) return [text];
  return text
    .split(/\s*\(\d{1,2}\)\s*/)
    .map((s) => s.replace(/[;,]\s*$/, '').trim())
    .filter(Boolean);
}

/** "Các Bộ: Tài chính, Xây dựng, Công Thương" → ["Bộ Tài chính", "Bộ Xây dựng", "Bộ Công Thương"]. */
function expandSharedHead(text: string): string[] | null {
  const m = normalizeText(text).match(/^(?:các\s+)?(bộ|sở|ban|hội)\s*:\s*(.+)$/iu);
  if (!m) return null;
  const head = m[1].charAt(0).toUpperCase() + m[1].slice(1).toLowerCase();
  return m[2]
    .split(/\s*[,;]\s*|\s+và\s+/u)
    .map((s) => s.replace(/[.;]+$/, '').trim())
    .filter(Boolean)
    .map((s) => `${head} ${s}`);
}

function splitPieces(text: string, idx: MatchIndex): string[] {
  const t = normalizeText(text);
  if (!/[,;]|\s(và|cùng|với)\s/u.test(t)) return [t.trim()];
  // keep parentheses whole: separators inside them do not split
  const pieces: string[] = [];
  const seps: string[] = [];
  let depth = 0;
  let cur = '';
  let i = 0;
  while (i < t.length) {
    const ch = t[i];
    if (ch === '(') depth++;
    if (ch === ')') depth = Math.max(0, depth - 1);
    if (depth === 0 && (ch === ',' || ch === ';' || ch === ' ')) {
      SEP.lastIndex = i;
      const m = SEP.exec(t);
      if (m && m.index === i) {
        pieces.push(cur);
        seps.push(m[0]);
        cur = '';
        i += m[0].length;
        continue;
      }
    }
    cur += ch;
    i++;
  }
  pieces.push(cur);
  // longest-first re-joining
  const out: string[] = [];
  let k = 0;
  while (k < pieces.length) {
    let taken = 1;
    const canJoin = k + 1 < pieces.length && mayContinue(pieces[k], idx);
    for (let n = canJoin ? Math.min(MAX_JOIN, pieces.length - k) : 1; n >= 2; n--) {
      let joined = pieces[k];
      for (let j = 1; j < n; j++) joined += seps[k + j - 1] + pieces[k + j];
      if (isStrongMatch(joined, idx)) {
        taken = n;
        break;
      }
    }
    let joined = pieces[k];
    for (let j = 1; j < taken; j++) joined += seps[k + j - 1] + pieces[k + j];
    out.push(joined.trim());
    k += taken;
  }
  return out;
}

/** Split and match a cell (memoized per index: tables repeat the same cells). Mentions are shared, never mutated. */
export function parseMentions(cell: string, idx: MatchIndex): Mention[] {
  let r = idx.cells.get(cell);
  if (!r) {
    r = splitMentionTexts(cell, idx).map((t) => matchMention(t, idx));
    idx.cells.set(cell, r);
  }
  return r.slice();
}
