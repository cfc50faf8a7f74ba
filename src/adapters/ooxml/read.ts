// Reading a worksheet part into a Grid, streaming: the cost follows the cells the part holds, never
// the used range's rectangle (a stray cell at row 1,048,576 is one row of text).
import { parseRange } from '../../core/address';
import type { Grid } from '../../core/table';
import type { Styles } from './styles';
import { fromXmlSafe, sax } from './xml';

/** A row with no cells, shared by every empty row of every grid (never written to). */
const EMPTY_ROW: string[] = Object.freeze([]) as unknown as string[];

/** The shared strings table: one text per <si>, runs joined, phonetic runs left out. */
export function readSharedStrings(xml: string | null): string[] {
  if (!xml) return [];
  const out: string[] = [];
  let cur: string[] | null = null;
  let inT = false;
  let rPh = 0;
  sax(xml, {
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

/** One worksheet part as text cells (numbers plain, dates dd/mm/yyyy, booleans TRUE/FALSE, errors kept). */
export function readSheet(xml: string, sheet: string, strings: () => string[], styles: Styles, date1904: boolean): SheetRead {
  const values: string[][] = [];
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
    row[c - 1] = text;
  };
  sax(xml, {
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
  return { grid: { sheet, values, top: 1, left: 1, merges: rects, errors }, printSetup };
}
