// Worksheet XML we write: whole parts for our own sheets (from a SheetPlan), and splices into a user's
// sheet that change only the cells we were asked to write — every other byte of the part stays.
import { a1, colLetter, parseRange, rangeA1 } from '../../core/address';
import type { PlanCell, SheetPlan } from '../../core/schemas';
import type { Styles } from './styles';
import { planLinks } from '../../core/styles';
import { colOf } from './read';
import { esc, escAttr, findElement, tagAttrs, tagEnd, withAttrs, xmlSafe } from './xml';

const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const WS_OPEN = '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">';

/** The child elements of <worksheet>, in the order the schema requires. */
const WORKSHEET_ORDER = [
  'sheetPr', 'dimension', 'sheetViews', 'sheetFormatPr', 'cols', 'sheetData', 'sheetCalcPr', 'sheetProtection', 'protectedRanges', 'scenarios', 'autoFilter', 'sortState',
  'dataConsolidate', 'customSheetViews', 'mergeCells', 'phoneticPr', 'conditionalFormatting', 'dataValidations', 'hyperlinks', 'printOptions', 'pageMargins', 'pageSetup',
  'headerFooter', 'rowBreaks', 'colBreaks', 'customProperties', 'cellWatches', 'ignoredErrors', 'smartTags', 'drawing', 'legacyDrawing', 'legacyDrawingHF', 'drawingHF',
  'picture', 'oleObjects', 'controls', 'webPublishItems', 'tableParts', 'extLst',
];

/**
 * Formula shapes by row, then formula: one row's formula repeats on every sheet that lists tasks (80
 * sheets of 3,500 rows in the bench), so each is shaped once per run. Bounded; no key is built per cell.
 */
const shapes = new Map<number, Map<string, string>>();
let shapeCount = 0;
const SHAPES_KEPT = 20_000;

function tText(s: string): string {
  const safe = esc(xmlSafe(s));
  return /^\s|\s$/.test(s) ? `<t xml:space="preserve">${safe}</t>` : `<t>${safe}</t>`;
}

/** One cell element; null value → a cell holding only its format (or nothing). */
export function cellXml(ref: string, v: PlanCell, s: number | null, shared?: SharedFormula): string {
  const sa = s ? ` s="${s}"` : '';
  if (v === null || v === undefined || v === '') return s ? `<c r="${ref}"${sa}/>` : '';
  if (typeof v === 'number') return Number.isFinite(v) ? `<c r="${ref}"${sa}><v>${v}</v></c>` : `<c r="${ref}"${sa} t="e"><v>#NUM!</v></c>`;
  // a hyperlink's text; the link itself is in the part's <hyperlinks> (planLinks)
  if (typeof v === 'object' && 'link' in v) return v.text ? `<c r="${ref}"${sa} t="inlineStr"><is>${tText(v.text)}</is></c>` : s ? `<c r="${ref}"${sa}/>` : '';
  if (typeof v === 'object') {
    // a formula the rows below repeat is written once, on the first cell of the run (a shared formula)
    const f = shared
      ? shared.ref
        ? `<f t="shared" ref="${shared.ref}" si="${shared.si}">${esc(v.formula.replace(/^=/, ''))}</f>`
        : `<f t="shared" si="${shared.si}"/>`
      : `<f>${esc(v.formula.replace(/^=/, ''))}</f>`;
    if (v.result === undefined) return `<c r="${ref}"${sa}>${f}</c>`;
    if (typeof v.result === 'number') return `<c r="${ref}"${sa}>${f}<v>${v.result}</v></c>`;
    return `<c r="${ref}"${sa} t="str">${f}<v>${esc(xmlSafe(v.result))}</v></c>`;
  }
  // text is always text: "=…" typed by a person is never turned into a formula here
  return `<c r="${ref}"${sa} t="inlineStr"><is>${tText(v)}</is></c>`;
}

/** A cell of a run of one formula down a column: the run's index, and its range on the first cell only. */
export interface SharedFormula {
  si: number;
  ref?: string;
}

/** The formula with each relative row number written as its offset from the cell's row ("L6" in row 6 → "L#0"). */
function formulaShape(formula: string, row: number): string {
  let byRow = shapes.get(row);
  if (!byRow) shapes.set(row, (byRow = new Map()));
  let shape = byRow.get(formula);
  if (shape === undefined) {
    if (++shapeCount > SHAPES_KEPT) {
      shapes.clear();
      shapeCount = 0;
    }
    byRow.set(formula, (shape = shapeOf(formula, row)));
  }
  return shape;
}

function shapeOf(formula: string, row: number): string {
  return formula.replace(/("[^"]*")|(\$?[A-Z]{1,3})(\$?)(\d+)(?![\d(!])/g, (m, str: string | undefined, col: string, abs: string, n: string) => (str ? str : abs ? m : `${col}#${Number(n) - row}`));
}

/** Runs of one formula (same shape) in consecutive rows of a column, as shared formulas. */
function sharedFormulas(rows: PlanCell[][]): (SharedFormula | undefined)[][] {
  /** By column, then row (both from 0). */
  const out: (SharedFormula | undefined)[][] = [];
  const width = rows.reduce((w, r) => Math.max(w, r.length), 0);
  let si = 0;
  for (let c = 0; c < width; c++) {
    let start = -1;
    let shape = '';
    const close = (end: number) => {
      if (start >= 0 && end - start >= 2) {
        const id = si++;
        const col = (out[c] ??= []);
        const rest: SharedFormula = { si: id };
        for (let r = start; r < end; r++) col[r] = r === start ? { si: id, ref: `${a1(start + 1, c + 1)}:${a1(end, c + 1)}` } : rest;
      }
      start = -1;
    };
    for (let r = 0; r <= rows.length; r++) {
      const v = rows[r]?.[c];
      const here = v && typeof v === 'object' && 'formula' in v ? formulaShape(v.formula, r + 1) : '';
      if (here && here === shape && start >= 0) continue;
      close(r);
      if (here) {
        start = r;
        shape = here;
      }
    }
  }
  return out;
}

export interface PartExtras {
  tabColor?: string;
  /** The relationship id of the sheet's drawing (its charts). */
  drawingRid?: string;
  /** Relationship ids of the plan's links to outside the workbook, by URL. */
  linkRids?: Map<string, string>;
}

function hyperlinksXml(plan: SheetPlan, rids: Map<string, string> | undefined): string {
  const links = planLinks(plan);
  if (!links.length) return '';
  const el = links.map((l) => {
    const where = l.link.startsWith('#') ? `location="${escAttr(l.link.slice(1))}"` : rids?.get(l.link) ? `r:id="${rids.get(l.link)}"` : '';
    return where ? `<hyperlink ref="${l.ref}" ${where} display="${escAttr(xmlSafe(l.text))}"/>` : '';
  });
  return el.some(Boolean) ? `<hyperlinks>${el.join('')}</hyperlinks>` : '';
}

/**
 * UTF-8 bytes written as they come: a sheet of megabytes is never one string, and the short strings it is
 * made of die young (cheap to collect) instead of filling the heap until the part is done.
 */
export class ByteSink {
  private buf = new Uint8Array(1 << 16);
  private len = 0;
  private pending: string[] = [];
  private pendingLength = 0;
  private static readonly encoder = new TextEncoder();

  push(s: string): void {
    this.pending.push(s);
    this.pendingLength += s.length;
    if (this.pendingLength > 1 << 15) this.flush();
  }

  private flush(): void {
    if (!this.pendingLength) return;
    const s = this.pending.join('');
    this.pending = [];
    this.pendingLength = 0;
    // at most 3 bytes for each UTF-16 unit
    if (this.len + s.length * 3 > this.buf.length) {
      const next = new Uint8Array(Math.max(this.buf.length * 2, this.len + s.length * 3));
      next.set(this.buf.subarray(0, this.len));
      this.buf = next;
    }
    this.len += ByteSink.encoder.encodeInto(s, this.buf.subarray(this.len)).written;
  }

  bytes(): Uint8Array {
    this.flush();
    return this.buf.subarray(0, this.len);
  }
}

/** A whole worksheet part for one of our sheets. */
export function sheetPartXml(plan: SheetPlan, styles: Styles, extras: PartExtras = {}): string {
  const out: string[] = [];
  writeSheetPart(plan, styles, extras, (s) => out.push(s));
  return out.join('');
}

/** The same part as UTF-8 bytes, written as it goes (see ByteSink). */
export function sheetPartBytes(plan: SheetPlan, styles: Styles, extras: PartExtras = {}): Uint8Array {
  const sink = new ByteSink();
  writeSheetPart(plan, styles, extras, (s) => sink.push(s));
  return sink.bytes();
}

function writeSheetPart(plan: SheetPlan, styles: Styles, extras: PartExtras, emit: (s: string) => void): void {
  // the format of every cell: later ranges win, as when they are applied one after another
  const styleAt: (number | undefined)[][] = [];
  for (const st of plan.styles) {
    const rr = parseRange(st.range);
    const x = styles.style(st.style);
    for (let r = rr.r1; r <= rr.r2; r++) {
      const line = (styleAt[r] ??= []);
      for (let c = rr.c1; c <= rr.c2; c++) line[c] = x;
    }
  }
  const nRows = Math.max(plan.rows.length, plan.heights.length, styleAt.length - 1);
  // the last column that holds a value or a format, for the dimension written before the rows
  let maxCol = 1;
  for (let r = 1; r <= nRows; r++) {
    const vals = plan.rows[r - 1] ?? [];
    const sm = styleAt[r];
    for (let c = Math.max(vals.length, sm ? sm.length - 1 : 0); c > maxCol; c--) {
      const v = vals[c - 1];
      if ((v !== null && v !== undefined && v !== '') || sm?.[c]) {
        maxCol = c;
        break;
      }
    }
  }
  const tab = extras.tabColor ? `<tabColor rgb="${extras.tabColor}"/>` : '';
  const out = { push: emit };
  out.push(HEAD + WS_OPEN + `<sheetPr>${tab}<pageSetUpPr fitToPage="1"/></sheetPr><dimension ref="${rangeA1(1, 1, Math.max(nRows, 1), maxCol)}"/>`);
  const pane = plan.freezeRows > 0 ? `<pane ySplit="${plan.freezeRows}" topLeftCell="${a1(plan.freezeRows + 1, 1)}" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="${a1(plan.freezeRows + 1, 1)}" sqref="${a1(plan.freezeRows + 1, 1)}"/>` : '';
  out.push(`<sheetViews><sheetView workbookViewId="0">${pane}</sheetView></sheetViews><sheetFormatPr defaultRowHeight="15"/>`);
  if (plan.widths.length) out.push(`<cols>${plan.widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join('')}</cols>`);
  out.push('<sheetData>');
  const shared = sharedFormulas(plan.rows);
  const letters: string[] = [];
  for (let r = 1; r <= nRows; r++) {
    const vals = plan.rows[r - 1] ?? [];
    const sm = styleAt[r];
    const width = Math.max(vals.length, sm ? sm.length - 1 : 0);
    let cells = '';
    for (let c = 1; c <= width; c++) cells += cellXml((letters[c] ??= colLetter(c)) + r, vals[c - 1] ?? null, sm?.[c] ?? null, shared[c - 1]?.[r - 1]);
    const h = plan.heights[r - 1];
    if (!cells && !h) continue;
    out.push(`<row r="${r}"${h ? ` ht="${h}" customHeight="1"` : ''}>${cells}</row>`);
  }
  out.push('</sheetData>');
  if (plan.merges.length) out.push(`<mergeCells count="${plan.merges.length}">${plan.merges.map((m) => `<mergeCell ref="${m}"/>`).join('')}</mergeCells>`);
  const highlights = plan.highlights ?? [];
  highlights.forEach((h, i) =>
    out.push(`<conditionalFormatting sqref="${h.range}"><cfRule type="expression" dxfId="${styles.dxf(h.fill)}" priority="${i + 1}"><formula>${esc(h.formula.replace(/^=/, ''))}</formula></cfRule></conditionalFormatting>`),
  );
  plan.colorScales.forEach((cs, j) =>
    out.push(
      `<conditionalFormatting sqref="${cs.range}"><cfRule type="colorScale" priority="${highlights.length + j + 1}"><colorScale><cfvo type="min"/><cfvo type="max"/><color rgb="${'FF' + cs.from.replace('#', '').toUpperCase()}"/><color rgb="${'FF' + cs.to.replace('#', '').toUpperCase()}"/></colorScale></cfRule></conditionalFormatting>`,
    ),
  );
  if (plan.validations.length) {
    out.push(
      `<dataValidations count="${plan.validations.length}">${plan.validations
        .map(
          (v) =>
            `<dataValidation type="list" allowBlank="1" showErrorMessage="1" errorTitle="${escAttr('Giá trị không hợp lệ')}" error="${escAttr(`Chọn một trong: ${v.list.join(', ')}`)}" sqref="${v.range}"><formula1>${esc(`"${v.list.join(',')}"`)}</formula1></dataValidation>`,
        )
        .join('')}</dataValidations>`,
    );
  }
  out.push(hyperlinksXml(plan, extras.linkRids));
  out.push('<pageMargins left="0.5" right="0.5" top="0.6" bottom="0.6" header="0.3" footer="0.3"/>');
  out.push(`<pageSetup paperSize="${plan.print.paperSize}" orientation="${plan.print.landscape ? 'landscape' : 'portrait'}" fitToWidth="${plan.print.fitToWidth}" fitToHeight="${plan.print.fitToHeight ?? 0}"/>`);
  if (plan.print.footer) out.push(`<headerFooter><oddFooter>${esc(plan.print.footer)}</oddFooter><evenFooter>${esc(plan.print.footer)}</evenFooter></headerFooter>`);
  if (extras.drawingRid) out.push(`<drawing r:id="${extras.drawingRid}"/>`);
  out.push('</worksheet>');
}

/** The registry's part: one JSON chunk per row in column A. */
export function textColumnPartXml(lines: string[]): string {
  const rows = lines.map((l, i) => `<row r="${i + 1}">${cellXml(a1(i + 1, 1), l, null)}</row>`).join('');
  return `${HEAD}${WS_OPEN}<dimension ref="A1:A${Math.max(lines.length, 1)}"/><sheetData>${rows}</sheetData></worksheet>`;
}

/** An empty worksheet part (a sheet a use-case creates before writing its cells). */
export const EMPTY_SHEET = `${HEAD}${WS_OPEN}<sheetData/></worksheet>`;

/** A sheet we just created (EMPTY_SHEET with cells spliced in) with these ranges merged; <mergeCells> follows <sheetData>. */
export function withMergeCells(xml: string, refs: string[]): string {
  const el = `<mergeCells count="${refs.length}">${refs.map((r) => `<mergeCell ref="${escAttr(r)}"/>`).join('')}</mergeCells>`;
  const at = xml.indexOf('</sheetData>');
  if (at >= 0) return xml.slice(0, at + '</sheetData>'.length) + el + xml.slice(at + '</sheetData>'.length);
  const empty = xml.indexOf('<sheetData/>');
  if (empty < 0) throw new Error('XML: thiếu <sheetData>');
  return xml.slice(0, empty + '<sheetData/>'.length) + el + xml.slice(empty + '<sheetData/>'.length);
}

export interface CellPatch {
  value: string | number;
  /** The cell format to give it; "keep" keeps the one it has. */
  s: number | 'keep';
}

const num = (x: string | undefined) => (x ? Number(x) : 0);

/** The format index of cells in a part (0 when absent), for copying formats: rows indexed in one pass. */
export class CellStyles {
  private rows: Map<number, RowAt> | null = null;

  constructor(private readonly xml: string) {}

  at(row: number, col: number): number {
    if (!this.rows) {
      this.rows = new Map();
      for (const r of rowsOf(this.xml)) this.rows.set(r.r, r);
    }
    const found = this.rows.get(row);
    if (!found || found.selfClosing) return 0;
    for (const cell of cellsOf(this.xml, found.openEnd, found.close)) if (cell.col === col) return num(tagAttrs(this.xml.slice(cell.start, tagEnd(this.xml, cell.start))).s);
    return found.rowStyle;
  }
}

interface RowAt {
  start: number;
  openEnd: number;
  /** Offset of "</row>" (or openEnd when self-closing). */
  close: number;
  end: number;
  r: number;
  selfClosing: boolean;
  rowStyle: number;
}

function sheetDataOf(xml: string): { start: number; openEnd: number; end: number; selfClosing: boolean; prefix: string } {
  const sd = findElement(xml, 'sheetData');
  if (!sd) throw new Error('Trang tính không có sheetData');
  return sd;
}

function* rowsOf(xml: string): Generator<RowAt> {
  const sd = sheetDataOf(xml);
  if (sd.selfClosing) return;
  const re = /<((?:[\w.-]+:)?)row(?=[\s/>])/g;
  re.lastIndex = sd.openEnd;
  let last = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(xml)) && m.index < sd.end) {
    const openEnd = tagEnd(xml, m.index);
    const a = tagAttrs(xml.slice(m.index, openEnd));
    const r = a.r ? Number(a.r) : last + 1;
    last = r;
    const selfClosing = xml[openEnd - 2] === '/';
    const close = selfClosing ? openEnd : xml.indexOf(`</${m[1]}row>`, openEnd);
    const end = selfClosing ? openEnd : close + `</${m[1]}row>`.length;
    yield { start: m.index, openEnd, close, end, r, selfClosing, rowStyle: a.customFormat === '1' ? num(a.s) : 0 };
    re.lastIndex = end;
  }
}

interface CellAt {
  start: number;
  end: number;
  col: number;
}

function cellsOf(xml: string, from: number, to: number): CellAt[] {
  const out: CellAt[] = [];
  const re = /<((?:[\w.-]+:)?)c(?=[\s/>])/g;
  re.lastIndex = from;
  let last = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(xml)) && m.index < to) {
    const openEnd = tagEnd(xml, m.index);
    const r = tagAttrs(xml.slice(m.index, openEnd)).r;
    const col = r ? colOf(r) : last + 1;
    last = col;
    const end = xml[openEnd - 2] === '/' ? openEnd : xml.indexOf(`</${m[1]}c>`, openEnd) + `</${m[1]}c>`.length;
    out.push({ start: m.index, end, col });
    re.lastIndex = end;
  }
  return out;
}

/**
 * Write cells into a user's worksheet part: only the rows that hold a written cell are rebuilt, and in
 * them only the written cells; other cells keep their text (formulas, shared formulas, formats).
 */
export function patchCells(xml: string, patches: Map<number, Map<number, CellPatch>>): string {
  if (!patches.size) return xml;
  let sd = sheetDataOf(xml);
  if (sd.selfClosing) {
    xml = xml.slice(0, sd.start) + `<${sd.prefix}sheetData></${sd.prefix}sheetData>` + xml.slice(sd.end);
    sd = sheetDataOf(xml);
  }
  const p = sd.prefix;
  const wanted = [...patches.keys()].sort((a, b) => a - b);
  const pieces: string[] = [xml.slice(0, sd.openEnd)];
  let at = sd.openEnd;
  let w = 0;
  let maxRow = 0;
  let maxCol = 0;
  const newRow = (r: number) => {
    const cells = [...(patches.get(r) as Map<number, CellPatch>)].sort((a, b) => a[0] - b[0]);
    const body = cells.map(([c, cp]) => prefixed(cellXml(a1(r, c), cp.value, cp.s === 'keep' ? null : cp.s), p)).join('');
    return body ? `<${p}row r="${r}">${body}</${p}row>` : '';
  };
  for (const row of rowsOf(xml)) {
    while (w < wanted.length && wanted[w] < row.r) {
      pieces.push(xml.slice(at, row.start), newRow(wanted[w]));
      at = row.start;
      w++;
    }
    if (w < wanted.length && wanted[w] === row.r) {
      const cells = patches.get(row.r) as Map<number, CellPatch>;
      const existing = row.selfClosing ? [] : cellsOf(xml, row.openEnd, row.close);
      const byCol = new Map(existing.map((c) => [c.col, c]));
      const cols = [...new Set([...existing.map((c) => c.col), ...cells.keys()])].sort((a, b) => a - b);
      const body = cols
        .map((c) => {
          const cp = cells.get(c);
          const old = byCol.get(c);
          if (!cp) return xml.slice((old as CellAt).start, (old as CellAt).end);
          const oldS = old ? num(tagAttrs(xml.slice(old.start, tagEnd(xml, old.start))).s) : row.rowStyle;
          return prefixed(cellXml(a1(row.r, c), cp.value, cp.s === 'keep' ? oldS || null : cp.s), p);
        })
        .join('');
      // the row's span hint no longer holds once cells are added: it is optional, so it goes
      const open = withAttrs(xml.slice(row.start, row.openEnd).replace(/\s*\/>$/, '>'), { spans: null });
      pieces.push(xml.slice(at, row.start), open, body, `</${p}row>`);
      at = row.end;
      w++;
    }
    if (row.r > maxRow) maxRow = row.r;
  }
  const close = xml.lastIndexOf(`</${p}sheetData>`);
  pieces.push(xml.slice(at, close));
  while (w < wanted.length) pieces.push(newRow(wanted[w++]));
  pieces.push(xml.slice(close));
  for (const [r, cells] of patches) {
    if (r > maxRow) maxRow = r;
    for (const c of cells.keys()) if (c > maxCol) maxCol = c;
  }
  return growDimension(pieces.join(''), maxRow, maxCol);
}

function prefixed(cell: string, p: string): string {
  return p ? cell.replace(/<(\/?)(c|v|f|is|t)\b/g, `<$1${p}$2`) : cell;
}

/** The dimension covers the cells we wrote (it is a hint; Excel and LibreOffice read past it). */
function growDimension(xml: string, maxRow: number, maxCol: number): string {
  const d = findChild(xml, 'dimension');
  if (!d) return xml;
  const ref = tagAttrs(xml.slice(d.start, d.openEnd)).ref;
  if (!ref) return xml;
  const rr = parseRange(ref);
  if (rr.r2 >= maxRow && rr.c2 >= maxCol) return xml;
  const next = `${colLetter(Math.min(rr.c1, 1))}${Math.min(rr.r1, 1)}:${colLetter(Math.max(rr.c2, maxCol))}${Math.max(rr.r2, maxRow)}`;
  return xml.slice(0, d.start) + withAttrs(xml.slice(d.start, d.openEnd), { ref: next }) + xml.slice(d.openEnd);
}

/** Insert `el` as a child of <worksheet> where the schema wants `name`, or replace the one there. */
/**
 * A child of <worksheet>, looked for only before or only after <sheetData>, as the schema orders them:
 * a sheet's cells can be megabytes, and a pattern tried at every '<' of them is the slow part of a patch.
 */
function findChild(xml: string, name: string): ReturnType<typeof findElement> {
  const at = WORKSHEET_ORDER.indexOf(name);
  const data = WORKSHEET_ORDER.indexOf('sheetData');
  if (at < 0 || at === data) return findElement(xml, name);
  if (at < data) {
    const first = xml.indexOf('sheetData');
    return findElement(first < 0 ? xml : xml.slice(0, first), name);
  }
  const last = xml.lastIndexOf('sheetData');
  return findElement(xml, name, last < 0 ? 0 : xml.indexOf('>', last) + 1);
}

export function putWorksheetChild(xml: string, name: string, el: string): string {
  const have = findChild(xml, name);
  if (have) return xml.slice(0, have.start) + el + xml.slice(have.end);
  for (const next of WORKSHEET_ORDER.slice(WORKSHEET_ORDER.indexOf(name) + 1)) {
    const e = findChild(xml, next);
    if (e) return xml.slice(0, e.start) + el + xml.slice(e.start);
  }
  const end = xml.lastIndexOf('</');
  return xml.slice(0, end) + el + xml.slice(end);
}

/** A4 landscape, fit to one page wide, a footer when it has none: for a sheet without a setup of its own. */
export function patchDefaultPrint(xml: string, footer: string | undefined): string {
  const ps = findChild(xml, 'pageSetup');
  const p = findElement(xml, 'worksheet')?.prefix ?? '';
  const setup = { paperSize: '9', orientation: 'landscape', fitToWidth: '1', fitToHeight: '0' };
  xml = ps ? xml.slice(0, ps.start) + withAttrs(xml.slice(ps.start, ps.openEnd), setup) + xml.slice(ps.openEnd) : putWorksheetChild(xml, 'pageSetup', `<${p}pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>`);
  if (!findChild(xml, 'pageMargins')) xml = putWorksheetChild(xml, 'pageMargins', `<${p}pageMargins left="0.5" right="0.5" top="0.6" bottom="0.6" header="0.3" footer="0.3"/>`);
  const pr = findChild(xml, 'sheetPr');
  if (!pr) xml = putWorksheetChild(xml, 'sheetPr', `<${p}sheetPr><${p}pageSetUpPr fitToPage="1"/></${p}sheetPr>`);
  else {
    const pp = findElement(xml.slice(0, pr.end), 'pageSetUpPr', pr.start);
    if (pp) xml = xml.slice(0, pp.start) + withAttrs(xml.slice(pp.start, pp.openEnd), { fitToPage: '1' }) + xml.slice(pp.openEnd);
    else {
      // pageSetUpPr follows tabColor and outlinePr inside sheetPr
      const open = xml.slice(pr.start, pr.openEnd);
      const inner = pr.selfClosing ? '' : xml.slice(pr.openEnd, pr.end - `</${pr.prefix}sheetPr>`.length);
      const m = /<(?:[\w.-]+:)?(tabColor|outlinePr)\b[^>]*?(?:\/>|>[\s\S]*?<\/(?:[\w.-]+:)?\1>)/g;
      let cut = 0;
      for (const x of inner.matchAll(m)) cut = (x.index ?? 0) + x[0].length;
      const body = inner.slice(0, cut) + `<${pr.prefix}pageSetUpPr fitToPage="1"/>` + inner.slice(cut);
      xml = xml.slice(0, pr.start) + open.replace(/\s*\/>$/, '>') + body + `</${pr.prefix}sheetPr>` + xml.slice(pr.end);
    }
  }
  const hf = findChild(xml, 'headerFooter');
  if (footer && (!hf || !/<(?:[\w.-]+:)?oddFooter\b/.test(xml.slice(hf.start, hf.end)))) {
    if (!hf) xml = putWorksheetChild(xml, 'headerFooter', `<${p}headerFooter><${p}oddFooter>${esc(footer)}</${p}oddFooter></${p}headerFooter>`);
    else if (hf.selfClosing) xml = xml.slice(0, hf.start) + `<${hf.prefix}headerFooter><${hf.prefix}oddFooter>${esc(footer)}</${hf.prefix}oddFooter></${hf.prefix}headerFooter>` + xml.slice(hf.end);
    else {
      // oddFooter follows oddHeader
      const inner = xml.slice(hf.openEnd, hf.end - `</${hf.prefix}headerFooter>`.length);
      const oh = /<(?:[\w.-]+:)?oddHeader\b[^>]*?(?:\/>|>[\s\S]*?<\/(?:[\w.-]+:)?oddHeader>)/.exec(inner);
      const cut = oh ? oh.index + oh[0].length : 0;
      xml = xml.slice(0, hf.openEnd) + inner.slice(0, cut) + `<${hf.prefix}oddFooter>${esc(footer)}</${hf.prefix}oddFooter>` + inner.slice(cut) + xml.slice(hf.end - `</${hf.prefix}headerFooter>`.length);
    }
  }
  return xml;
}
