// One phrase at a time, as the command line's `parse-time` and `match` print it: what the time parser
// and the agency recogniser make of a line. The same core the checks use, reached through here.
import { builtinMasterList } from '../core/agencies/builtin';
import { buildIndex, type MatchIndex } from '../core/agencies/match';
import { parseMentions, unreadText } from '../core/agencies/split';
import { parseTime } from '../core/time';
import type { MasterList } from '../core/schemas';

export { RULE_IDS, countBySeverity, severityVi } from '../core/validate';

/** A time phrase read for the plan's year: quarters, months, deadline, recurrence, and what was not read. */
export function readTimePhrase(line: string, year: number) {
  const r = parseTime(line, year);
  return { input: r.input, ok: r.ok, quarters: r.quarters, months: r.months, deadline: r.deadline, recurrence: r.recurrence, years: r.years, spans: r.spans, unread: r.unread };
}

/** The index agency names are matched against: the given master list, or the built-in one for the province. */
export function agencyIndex(master: MasterList | null, province: string | null, level: 'province' | 'central' = 'province'): MatchIndex {
  return buildIndex(master ?? builtinMasterList(province), province, level);
}

/** The agency mentions of a line, with their spans, and the text no mention covers. */
export function matchLine(line: string, idx: MatchIndex) {
  const mentions = parseMentions(line, idx).map((m) => ({
    text: m.text,
    agency: m.agency,
    collective: m.collective,
    status: m.status,
    confidence: m.confidence,
    current: m.current,
    suggestions: m.suggestions,
    start: m.start,
    end: m.end,
  }));
  return { input: line, mentions, unread: unreadText(line, idx) };
}
