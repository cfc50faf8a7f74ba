// A chủ trì / phối hợp cell → its mentions, through the recogniser (./recognise.ts), memoized per
// index: tables repeat the same cells.
import type { Mention } from '../schemas';
import type { MatchIndex } from './match';
import { recognise, type Recognised } from './recognise';

function recognised(cell: string, idx: MatchIndex): Recognised {
  let r = idx.cells.get(cell);
  if (!r) {
    r = recognise(cell, idx);
    idx.cells.set(cell, r);
  }
  return r;
}

/** The mentions of a cell, in order (shared, never mutated). */
export function parseMentions(cell: string, idx: MatchIndex): Mention[] {
  return recognised(cell, idx).mentions.slice();
}

/** Text of the cell that is neither a name, a group nor known filler. */
export function unreadText(cell: string, idx: MatchIndex): string[] {
  return recognised(cell, idx).unread.slice();
}

/** The mention texts of a cell. */
export function splitMentionTexts(cell: string, idx: MatchIndex): string[] {
  return parseMentions(cell, idx).map((m) => m.text);
}
