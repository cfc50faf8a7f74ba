// styles.xml: what reading needs (which cell formats are dates) and the formats we add. A user's
// formats are never changed or renumbered: ours are appended, and only the counts we grow are touched.
import { STYLES, isDateFormat, type CellStyle } from '../../core/styles';
import type { StyleName } from '../../core/schemas';
import { findElement, tagAttrs, withAttrs } from './xml';

const BUILTIN_DATES = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47]);

const COLLECTIONS = ['numFmts', 'fonts', 'fills', 'borders', 'cellStyleXfs', 'cellXfs', 'cellStyles', 'dxfs', 'tableStyles', 'colors', 'extLst'] as const;
type Collection = 'numFmts' | 'fonts' | 'fills' | 'borders' | 'cellXfs' | 'dxfs';
const CHILD: Record<Collection, string> = { numFmts: 'numFmt', fonts: 'font', fills: 'fill', borders: 'border', cellXfs: 'xf', dxfs: 'dxf' };
const ALL: Collection[] = ['numFmts', 'fonts', 'fills', 'borders', 'cellXfs', 'dxfs'];
/** What a collection holds when a styles part lacks it (indices 0 and 1 are reserved by Excel). */
const DEFAULTS: Record<Collection, string[]> = {
  numFmts: [],
  dxfs: [],
  fonts: ['<font><sz val="11"/><name val="Calibri"/><family val="2"/></font>'],
  fills: ['<fill><patternFill patternType="none"/></fill>', '<fill><patternFill patternType="gray125"/></fill>'],
  borders: ['<border><left/><right/><top/><bottom/><diagonal/></border>'],
  cellXfs: ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'],
};

export const EMPTY_STYLES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>';

function rgb(hex: string): string {
  return 'FF' + hex.replace('#', '').toUpperCase();
}

function fontXml(s: CellStyle): string {
  const f = s.font;
  return `<font>${f.bold ? '<b/>' : ''}${f.italic ? '<i/>' : ''}<sz val="${f.size}"/><color rgb="${rgb(f.color)}"/><name val="${f.name}"/><family val="1"/></font>`;
}

function fillXml(s: CellStyle): string {
  return `<fill><patternFill patternType="solid"><fgColor rgb="${rgb(s.fill as string)}"/><bgColor indexed="64"/></patternFill></fill>`;
}

const THIN_BORDER = '<border><left style="thin"><color rgb="FF000000"/></left><right style="thin"><color rgb="FF000000"/></right><top style="thin"><color rgb="FF000000"/></top><bottom style="thin"><color rgb="FF000000"/></bottom><diagonal/></border>';

function alignmentXml(s: CellStyle): string {
  return `<alignment horizontal="${s.horizontal}" vertical="${s.vertical}"${s.wrap ? ' wrapText="1"' : ''}/>`;
}

export class Styles {
  private readonly xfs: { numFmtId: number; text: string }[] = [];
  private readonly numFmts = new Map<number, string>();
  private readonly counts: Record<Collection, number> = { numFmts: 0, fonts: 0, fills: 0, borders: 0, cellXfs: 0, dxfs: 0 };
  private readonly added: Record<Collection, string[]> = { numFmts: [], fonts: [], fills: [], borders: [], cellXfs: [], dxfs: [] };
  private readonly formats = new Map<string, number>();
  private readonly dxfIds = new Map<string, number>();
  private readonly ours = new Map<StyleName, number>();
  private readonly centred = new Map<number, number>();
  private dates: boolean[] | null = null;

  constructor(private xml: string) {
    const nf = findElement(xml, 'numFmts');
    if (nf && !nf.selfClosing) {
      for (const m of xml.slice(nf.openEnd, nf.end).matchAll(/<(?:[\w.-]+:)?numFmt\b[^>]*>/g)) {
        const a = tagAttrs(m[0]);
        this.numFmts.set(Number(a.numFmtId), a.formatCode ?? '');
      }
    }
    for (const c of ALL) {
      const el = findElement(xml, c);
      if (!el || el.selfClosing) {
        if (!el) this.counts[c] = DEFAULTS[c].length;
        continue;
      }
      const body = xml.slice(el.openEnd, el.end);
      const re = new RegExp(`<(?:[\\w.-]+:)?${CHILD[c]}(?=[\\s/>])[^>]*?(?:/>|>[\\s\\S]*?</(?:[\\w.-]+:)?${CHILD[c]}>)`, 'g');
      for (const m of body.matchAll(re)) {
        this.counts[c]++;
        if (c === 'cellXfs') this.xfs.push({ numFmtId: Number(tagAttrs(m[0]).numFmtId ?? 0), text: m[0] });
      }
    }
  }

  /** Whether cell format `s` shows numbers as dates. */
  isDate(s: number): boolean {
    if (!this.dates) {
      this.dates = this.xfs.map((x) => BUILTIN_DATES.has(x.numFmtId) || (this.numFmts.has(x.numFmtId) && isDateFormat(this.numFmts.get(x.numFmtId) as string)));
    }
    return this.dates[s] ?? false;
  }

  private add(c: Collection, text: string): number {
    this.added[c].push(text);
    return this.counts[c] + this.added[c].length - 1;
  }

  /** A number format's id, added on first use (custom ids start at 164). */
  private numFmtId(code: string): number {
    for (const [id, c] of this.numFmts) if (c === code) return id;
    const have = this.formats.get(code);
    if (have !== undefined) return have;
    const id = Math.max(163, ...this.numFmts.keys(), ...this.formats.values()) + 1;
    this.formats.set(code, id);
    this.add('numFmts', `<numFmt numFmtId="${id}" formatCode="${code.replace(/"/g, '&quot;')}"/>`);
    this.dates = null;
    return id;
  }

  /** A differential format filling a cell (for a conditional format), added on first use. */
  dxf(fill: string): number {
    const have = this.dxfIds.get(fill);
    if (have !== undefined) return have;
    const id = this.add('dxfs', `<dxf><fill><patternFill patternType="solid"><bgColor rgb="${rgb(fill)}"/></patternFill></fill></dxf>`);
    this.dxfIds.set(fill, id);
    return id;
  }

  /** The cell format index of one of our styles, added on first use. */
  style(name: StyleName): number {
    const have = this.ours.get(name);
    if (have !== undefined) return have;
    const s = STYLES[name];
    const font = this.add('fonts', fontXml(s));
    const fill = s.fill ? this.add('fills', fillXml(s)) : 0;
    const border = s.border ? this.add('borders', THIN_BORDER) : 0;
    const numFmt = s.numFmt ? this.numFmtId(s.numFmt) : 49;
    const xf = this.add(
      'cellXfs',
      `<xf numFmtId="${numFmt}" fontId="${font}" fillId="${fill}" borderId="${border}" xfId="0" applyNumberFormat="1" applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1">${alignmentXml(s)}</xf>`,
    );
    this.ours.set(name, xf);
    return xf;
  }

  /** A copy of cell format `s` centred both ways (the table's own borders and font, for "x"). */
  centredFrom(s: number): number {
    const have = this.centred.get(s);
    if (have !== undefined) return have;
    const src = this.xfs[s]?.text ?? '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>';
    const open = /^<[^>]*?\/?>/.exec(src)?.[0] as string;
    const prefix = /^<([\w.-]+:)?/.exec(src)?.[1] ?? '';
    const oldAlign = /<(?:[\w.-]+:)?alignment\b[^>]*\/?>/.exec(src)?.[0];
    const align = withAttrs(oldAlign ?? `<${prefix}alignment/>`, { horizontal: 'center', vertical: 'center' });
    const rest = src.endsWith('/>') ? '' : src.slice(open.length, src.lastIndexOf('</')).replace(/<(?:[\w.-]+:)?alignment\b[^>]*\/>|<(?:[\w.-]+:)?alignment\b[^>]*>[\s\S]*?<\/(?:[\w.-]+:)?alignment>/, '');
    const head = withAttrs(open.replace(/\s*\/>$/, '>'), { applyAlignment: '1' });
    const xf = this.add('cellXfs', `${head}${align}${rest}</${prefix}xf>`);
    this.centred.set(s, xf);
    return xf;
  }

  changed(): boolean {
    return Object.values(this.added).some((a) => a.length > 0);
  }

  /** styles.xml with our formats appended (the same text when none were added). */
  toXml(): string {
    let xml = this.xml;
    for (const c of ALL) {
      const add = this.added[c];
      if (!add.length) continue;
      const el = findElement(xml, c);
      const count = String(this.counts[c] + add.length);
      if (!el) {
        // a styles part without this collection: put it where the schema's order wants it
        const after = COLLECTIONS.slice(COLLECTIONS.indexOf(c) + 1);
        let at = xml.lastIndexOf('</');
        for (const n of after) {
          const e = findElement(xml, n);
          if (e) {
            at = e.start;
            break;
          }
        }
        xml = xml.slice(0, at) + `<${c} count="${count}">${DEFAULTS[c].join('')}${add.join('')}</${c}>` + xml.slice(at);
        continue;
      }
      const open = withAttrs(xml.slice(el.start, el.openEnd), { count });
      if (el.selfClosing) xml = xml.slice(0, el.start) + open.replace(/\s*\/>$/, '>') + add.join('') + `</${el.prefix}${c}>` + xml.slice(el.end);
      else {
        const close = el.end - `</${el.prefix}${c}>`.length;
        xml = xml.slice(0, el.start) + open + xml.slice(el.openEnd, close) + add.join('') + xml.slice(close);
      }
    }
    this.xml = xml;
    for (const c of Object.keys(this.added) as Collection[]) {
      this.counts[c] += this.added[c].length;
      this.added[c] = [];
    }
    return xml;
  }
}
