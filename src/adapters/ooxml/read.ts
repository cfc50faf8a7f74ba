// Reading a worksheet part into a Grid, streaming: the cost follows the cells the part holds, never
// the used range's rectangle (a stray cell at row 1,048,576 is one row of text).
import { parseRange, shiftFormula } from '../../core/address';
import type { Grid, TypedCell } from '../../core/table';
import type { Styles } from './styles';
import { fromXmlSafe, scan } from './xml';

/** A row with no cells, shared by every empty row of every grid (never written to). */
const EMPTY_ROW: string[] = Object.freeze([]) as unknown as string[];

/** The shared strings table: one text per <si>, runs joined, phonetic runs left out. */
export function readSharedStrings(xml: string | null): string[] {
  if (!xml) return [];
  const out: string[] = [];
  let cur: string[] | null = null;
  let inT = false;
  let rPh = 0;
  scan(xml, {
    open(name, _a, self) {
      if (name === 'si') cur = [];
      else if (name === 'rPh') rPh += self ? 0 : 1;
      else if (name === 't' && !self) inT = true;
    },
    close(name) {
      if (name === 'si') {
        out.push(fromXmlSafe((cur ?? []).join('')));
        cur = null;
      } else if (name === 'rPh') rPh--;
      else if (name === 't') inT = false;
    },
    text(t) {
      if (inT && rPh === 0 && cur) cur.push(t);
    },
  });
  return out;
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

/** A date serial as the text a user sees (dd/mm/yyyy), in the workbook's date system. */
export function serialText(serial: number, date1904: boolean): string {
  // 1900 system: day 1 is 1900-01-01 and day 60 the 29 February 1900 that never was (Lotus's bug, kept by Excel)
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : serial < 60 ? Date.UTC(1899, 11, 31) : Date.UTC(1899, 11, 30);
  const d = new Date(epoch + Math.round(serial * 86400) * 1000);
  return `${pad2(d.getUTCDate())}/${pad2(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;
}

export interface SheetRead {
  grid: Grid;
  /** A print setup of its own: a paper size or fit-to-page in the part (print titles are defined names). */
  printSetup: boolean;
}

/** The column of a cell reference ("AB12" → 28). */
export function colOf(ref: string): number {
  let c = 0;
  for (let i = 0; i < ref.length; i++) {
    const k = ref.charCodeAt(i);
    if (k >= 65 && k <= 90) c = c * 26 + k - 64;
    else if (k >= 97 && k <= 122) c = c * 26 + k - 96;
    else break;
  }
  return c;
}

export interface TypedRead {
  /** The sheet's hyperlink relationships: id → URL. */
  linkTarget(rid: string): string | undefined;
  /** The columns whose typed values are kept. */
  cols(col: number): boolean;
}

/**
 * A cell's text as a string of its own: what the parser hands over can be a slice of the part's whole
 * text, and a grid holding one keeps the megabytes of XML around it alive (80 sheets read for carry-over
 * held 250 MB so). Short strings are copies anyway.
 */
function own(s: string): string {
  return s.length < 13 ? s : (s + ' ').slice(0, -1);
}

/**
 * One worksheet part as text cells (numbers plain, dates dd/mm/yyyy, booleans TRUE/FALSE, errors kept).
 * With `typed`, also what cells hold beyond their text (Grid.typed): numbers, formulas (a shared
 * formula's followers written out), hyperlinks.
 */
export function readSheet(xml: string | Iterable<string>, sheet: string, strings: () => string[], styles: Styles, date1904: boolean, typed?: TypedRead): SheetRead {
  const values: string[][] = [];
  const kept: Record<string, TypedCell> = {};
  const masters = new Map<string, { formula: string; r: number; c: number }>();
  let f: { text: string[]; shared?: string; ref?: boolean } | null = null;
  let inF = false;
  const links: { r: number; c: number; link: string; display?: string }[] = [];
  const errors: string[] = [];
  const merges: string[] = [];
  let printSetup = false;
  let row: string[] | null = null;
  let r = 0;
  let c = 0;
  let t = '';
  let s = 0;
  let v: string[] = [];
  let inV = false;
  let inIs = false;
  let inT = false;
  let rPh = 0;
  let ss: string[] | null = null;
  const put = (text: string) => {
    if (!row) return;
    for (let k = row.length; k < c - 1; k++) row.push('');
    row[c - 1] = own(text);
  };
  scan(xml, {
    open(name, a, self) {
      switch (name) {
        case 'row':
          r = a.r ? Number(a.r) : r + 1;
          c = 0;
          row = self ? null : [];
          break;
        case 'c':
          c = a.r ? colOf(a.r) : c + 1;
          t = a.t ?? 'n';
          s = a.s ? Number(a.s) : 0;
          v = [];
          break;
        case 'v':
          inV = !self;
          break;
        case 'f':
          if (!typed || !typed.cols(c)) break;
          f = { text: [], shared: a.t === 'shared' ? a.si : undefined, ref: !!a.ref };
          inF = !self;
          break;
        case 'hyperlink': {
          if (!typed || !a.ref) break;
          // a place in the workbook (some producers write it with its '#'), or a relationship to a URL
          const target = a.location ? '#' + a.location.replace(/^#/, '') : a['r:id'] ? typed.linkTarget(a['r:id']) : undefined;
          if (!target) break;
          const rr = parseRange(a.ref);
          if ((rr.r2 - rr.r1 + 1) * (rr.c2 - rr.c1 + 1) > 10_000) break;
          for (let y = rr.r1; y <= rr.r2; y++) for (let x = rr.c1; x <= rr.c2; x++) if (typed.cols(x)) links.push({ r: y, c: x, link: target, display: a.display });
          break;
        }
        case 'is':
          inIs = !self;
          break;
        case 't':
          inT = inIs && !self;
          break;
        case 'rPh':
          if (!self) rPh++;
          break;
        case 'mergeCell':
          if (a.ref) merges.push(a.ref);
          break;
        case 'pageSetup':
          if (a.paperSize !== undefined) printSetup = true;
          break;
        case 'pageSetUpPr':
          if (a.fitToPage === '1' || a.fitToPage === 'true') printSetup = true;
          break;
      }
    },
    close(name) {
      switch (name) {
        case 'row':
          if (row && row.length) {
            while (values.length < r - 1) values.push(EMPTY_ROW);
            values[r - 1] = row;
          }
          row = null;
          break;
        case 'c': {
          if (typed && f) {
            const cell = f;
            f = null;
            let formula = cell.text.join('');
            if (cell.shared !== undefined) {
              const m = masters.get(cell.shared);
              if (formula && cell.ref) masters.set(cell.shared, { formula, r, c });
              else if (m) formula = shiftFormula(m.formula, r - m.r, c - m.c);
            }
            if (formula) {
              const raw = v.join('');
              const result = raw === '' ? undefined : t === 'n' ? Number(raw) : t === 's' ? ((ss ??= strings())[Number(raw)] ?? '') : fromXmlSafe(raw);
              kept[`${r}:${c}`] = { formula, ...(result === undefined || (typeof result === 'number' && Number.isNaN(result)) ? {} : { result }) };
            }
          } else if (typed && t === 'n' && v.length && typed.cols(c)) {
            const n = Number(v.join(''));
            if (Number.isFinite(n)) kept[`${r}:${c}`] = styles.isDate(s) ? { number: n, date: true } : { number: n };
          }
          if (!v.length && t !== 'inlineStr') break;
          const raw = v.join('');
          let text: string;
          if (t === 's') text = (ss ??= strings())[Number(raw)] ?? '';
          else if (t === 'inlineStr' || t === 'str') text = fromXmlSafe(raw);
          else if (t === 'b') text = raw === '1' || raw === 'true' ? 'TRUE' : 'FALSE';
          else if (t === 'e') {
            text = raw;
            errors.push(`${r}:${c}`);
          } else {
            const n = Number(raw);
            text = raw === '' || Number.isNaN(n) ? raw : styles.isDate(s) ? serialText(n, date1904) : String(n);
          }
          if (text !== '') put(text);
          break;
        }
        case 'v':
          inV = false;
          break;
        case 'f':
          inF = false;
          break;
        case 'is':
          inIs = false;
          break;
        case 't':
          inT = false;
          break;
        case 'rPh':
          rPh--;
          break;
      }
    },
    text(x) {
      if (inV || (inT && rPh === 0)) v.push(x);
      else if (inF && f) f.text.push(x);
    },
  });
  const rects = merges.map((m) => parseRange(m));
  // a merged range shows its first cell: values stored in the others are not what a user sees
  for (const m of rects) {
    for (let rr = m.r1; rr <= m.r2; rr++) {
      const line = values[rr - 1];
      if (!line || line === EMPTY_ROW) continue;
      for (let cc = m.c1; cc <= m.c2; cc++) if ((rr !== m.r1 || cc !== m.c1) && line[cc - 1]) line[cc - 1] = '';
    }
  }
  // a hyperlink is the cell's link and the text it shows
  for (const l of links) kept[`${l.r}:${l.c}`] = { link: l.link, text: values[l.r - 1]?.[l.c - 1] ?? l.display ?? '' };
  const grid: Grid = { sheet, values, top: 1, left: 1, merges: rects, errors };
  if (typed) grid.typed = kept;
  return { grid, printSetup };
}
