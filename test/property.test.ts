// Property tests: parsers never throw, normalization is idempotent, sheet names always valid and
// unique, recognised mentions are spans of their cell. ≥ 10,000 runs each.
import fc from 'fast-check';
import { parseTime } from '../src/core/time';
import { normalizeText, normalizeUncached, foldKey, foldUncached, wordsKey, wordsKeyUncached } from '../src/core/text';
import { parseMentions, splitMentionTexts } from '../src/core/agencies/split';
import { buildIndex, similarity } from '../src/core/agencies/match';
import { builtinMasterList } from '../src/core/agencies/builtin';
import { makeSheetNames } from '../src/core/generate';
import { shiftFormula } from '../src/core/address';
import { checkSheetName } from './fake-excel';

const RUNS = 10_000;
jest.setTimeout(60_000);
const idx = buildIndex(builtinMasterList('Đồng Nai'), 'Đồng Nai');
const VI_PIECES = ['Quý', 'II', 'III', 'tháng', 'năm', '2024', 'trước ngày', '15/6', ',', '-', '\n', 'Sở', 'Thông tin', 'và', 'Truyền thông', '(', ')', 'các', 'sở, ban, ngành', 'hòa', 'hoà', '\u00a0', '\u200b', 'Đ', 'ủ', '&', '/', ';'];
const viText = fc.array(fc.oneof(fc.constantFrom(...VI_PIECES), fc.string(), fc.string({ unit: 'grapheme' })), { maxLength: 12 }).map((a) => a.join(' '));
const anyText = fc.oneof(viText, fc.string({ unit: 'binary', maxLength: 60 }), fc.string({ maxLength: 60 }));

describe('prototype keys in cells are plain text', () => {
  test.each(['__proto__', 'constructor', 'toString', 'sở, ban, ngành __proto__', 'hasOwnProperty'])('%s', (text) => {
    expect(() => splitMentionTexts(text, idx)).not.toThrow();
    expect(parseTime(text, 2024).ok).toBe(false);
    expect(normalizeText(text)).toBe(text);
  });
});

describe('moving a formula (typed content carried to another row)', () => {
  test.each([
    ['J5*2', 1, 0, 'J6*2'],
    ['SUM($J$5:J5)+L5', 2, 0, 'SUM($J$5:J7)+L7'],
    ['IF(I5="Hoàn thành A1",M5,"")', -1, 0, 'IF(I4="Hoàn thành A1",M4,"")'],
    ["'Q1 2026'!B3+Q1!C3", 1, 0, "'Q1 2026'!B4+Q1!C4"],
    ['LOG10(A2)+ĐA1', 1, 1, 'LOG10(B3)+ĐA1'],
    ['A1+J5', -1, 0, '#REF!+J4'],
    ['H5', 0, 3, 'K5'],
  ])('%s moved by (%i, %i) → %s', (f, r, c, out) => expect(shiftFormula(f, r, c)).toBe(out));
  test('never throws; moving back gives the formula again when nothing fell off the sheet', () => {
    fc.assert(
      fc.property(fc.oneof(anyText, fc.constantFrom('A1+B2', 'SUM($A$1:C3)', '"x"&D4', "'S 1'!E5")), fc.integer({ min: -5, max: 5 }), fc.integer({ min: -5, max: 5 }), (f, r, c) => {
        const moved = shiftFormula(f, r, c);
        if (!moved.includes('#REF!') && !f.includes('#REF!')) expect(shiftFormula(moved, -r, -c)).toBe(f);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('properties', () => {
  test('parseTime never throws and returns quarters within 1–4', () => {
    fc.assert(
      fc.property(anyText, fc.integer({ min: 1990, max: 2100 }), (s, y) => {
        const r = parseTime(s, y);
        return r.quarters.every((q) => q >= 1 && q <= 4) && (r.ok || r.quarters.length === 0);
      }),
      { numRuns: RUNS },
    );
  });

  test('normalization never throws and is idempotent', () => {
    fc.assert(
      fc.property(anyText, (s) => {
        const n = normalizeText(s);
        return normalizeText(n) === n && foldKey(foldKey(s)) === foldKey(s);
      }),
      { numRuns: RUNS },
    );
  });

  test('the one-pass normalization and folding agree with the reference written the obvious way', () => {
    const syllables = fc.constantFrom('hòa', 'hoà', 'thủy', 'thuỷ', 'người', 'nguời', 'truyền', 'tuyến', 'tuýên', 'quý', 'khỏe', 'khoẻ', 'hoạt', 'được', 'ừơ', 'q\u0301ua', 'ho\u0300a', 'Sở', 'Ytế', 'Đồng', 'ΣΑΣ', 'Nai', 'và', '-', ',', ' ', '\n', '\u00a0', '\u2028', '\u000b');
    const texts = fc.oneof(anyText, fc.array(fc.oneof(syllables, fc.string({ maxLength: 4 }), fc.string({ unit: 'binary', maxLength: 3 })), { maxLength: 10 }).map((p) => p.join(' ')));
    fc.assert(
      fc.property(texts, (s) => {
        const full = normalizeUncached(s);
        return normalizeText(s) === full && normalizeText(full) === full && foldKey(s) === foldUncached(full) && wordsKey(s) === wordsKeyUncached(s);
      }),
      { numRuns: RUNS },
    );
  });

  test('the edit distance behind fuzzy matching equals the textbook one', () => {
    const naive = (a: string, b: string): number => {
      const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
      for (let i = 1; i <= a.length; i++) for (let j = 1; j <= b.length; j++) d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      return d[a.length][b.length];
    };
    const word = fc.oneof(fc.constantFrom('so', 'ban', 'quan', 'ly', 'du', 'an', 'khu', 'vuc', 'hoa', 'thong tin'), fc.string({ maxLength: 6 }));
    const name = fc.array(word, { maxLength: 8 }).map((w) => w.join(' '));
    fc.assert(
      fc.property(name, name, (a, b) => {
        const max = Math.max(a.length, b.length);
        return similarity(a, b) === (max ? 1 - naive(a, b) / max : 1);
      }),
      { numRuns: RUNS },
    );
  });

  test('the recogniser never throws; every mention is its span of the cell, in order; names never overlap', () => {
    fc.assert(
      fc.property(viText, (s) => {
        const cell = s.normalize('NFC');
        const ms = parseMentions(s, idx);
        let from = 0;
        let nameEnd = 0;
        for (const m of ms) {
          // each mention is the text of its span, in the order of the cell
          if (m.start === undefined || m.end === undefined || m.start < from || m.end <= m.start) return false;
          if (cell.slice(m.start, m.end) !== m.text) return false;
          from = m.start;
          // agencies and unknown names each have their own words (groups may share theirs: "UBND các cấp")
          if (m.collective === null) {
            if (m.start < nameEnd) return false;
            nameEnd = m.end;
          }
          // an agency is only ever a name of the list
          if (m.agency !== null && !idx.byName.has(m.agency)) return false;
        }
        return splitMentionTexts(s, idx).length === ms.length;
      }),
      { numRuns: RUNS },
    );
  });

  test('sheet names are always valid for Excel and unique ignoring case', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ name: fc.string({ minLength: 1, maxLength: 80 }), short: fc.option(fc.string({ maxLength: 40 }), { nil: undefined }) }), { maxLength: 15 }), fc.array(fc.string({ maxLength: 31 }), { maxLength: 5 }), (list, taken) => {
        const agencies = list.map((x, i) => ({ name: `${x.name}#${i}`, short: x.short, group: 'other' as const, aliases: [] }));
        const names = [...makeSheetNames(agencies, taken).values()];
        const lower = names.map((n) => n.toLowerCase());
        if (new Set(lower).size !== lower.length) return false;
        if (lower.some((n) => taken.some((t) => t.toLowerCase() === n))) return false;
        for (const n of names) checkSheetName(n, []);
        return true;
      }),
      { numRuns: RUNS },
    );
  });
});
