// A Word document (.docx) as the blocks the importer reads: paragraphs with the label Word's automatic
// numbering shows ("1.", "a)", "-"), and tables with each cell's paragraphs and its merges. Read from the
// package with the same zip and XML reader as workbooks (src/adapters/ooxml/).
import type { DocBlock, DocCell } from '../core/import/document';
import { OpcPackage, REL_OFFICE_DOCUMENT } from './ooxml/package';
import { sax } from './ooxml/xml';

const REL_NUMBERING = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering';

interface Level {
  fmt: string;
  text: string;
  start: number;
}

/** numbering.xml: numId → its levels (through its abstract definition and level overrides). */
function readNumbering(xml: string | null): Map<string, Level[]> {
  const out = new Map<string, Level[]>();
  if (!xml) return out;
  const abstract = new Map<string, Level[]>();
  const nums: { id: string; abs: string; starts: Map<number, number> }[] = [];
  let curAbs: Level[] | null = null;
  let curNum: { id: string; abs: string; starts: Map<number, number> } | null = null;
  let lvl: Level | null = null;
  let ilvl = 0;
  let override = -1;
  sax(xml, {
    open(name, a) {
      if (name === 'abstractNum') {
        curAbs = [];
        abstract.set(a['w:abstractNumId'], curAbs);
      } else if (name === 'lvl' && curAbs) {
        ilvl = Number(a['w:ilvl'] ?? 0);
        lvl = { fmt: 'decimal', text: `%${ilvl + 1}.`, start: 1 };
        curAbs[ilvl] = lvl;
      } else if (name === 'numFmt' && lvl) lvl.fmt = a['w:val'] ?? 'decimal';
      else if (name === 'lvlText' && lvl) lvl.text = a['w:val'] ?? '';
      else if (name === 'start' && lvl) lvl.start = Number(a['w:val'] ?? 1);
      else if (name === 'num') {
        curNum = { id: a['w:numId'], abs: '', starts: new Map() };
        nums.push(curNum);
      } else if (name === 'abstractNumId' && curNum) curNum.abs = a['w:val'];
      else if (name === 'lvlOverride' && curNum) override = Number(a['w:ilvl'] ?? 0);
      else if (name === 'startOverride' && curNum && override >= 0) curNum.starts.set(override, Number(a['w:val'] ?? 1));
    },
    close(name) {
      if (name === 'abstractNum') curAbs = null;
      else if (name === 'lvl') lvl = null;
      else if (name === 'num') curNum = null;
      else if (name === 'lvlOverride') override = -1;
    },
  });
  for (const n of nums) {
    const levels = (abstract.get(n.abs) ?? []).map((l, i) => (n.starts.has(i) ? { ...l, start: n.starts.get(i) as number } : l));
    out.set(n.id, levels);
  }
  return out;
}

const ROMAN: [number, string][] = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];

function roman(n: number): string {
  let out = '';
  for (const [v, s] of ROMAN) while (n >= v) {
    out += s;
    n -= v;
  }
  return out;
}

function formatNumber(n: number, fmt: string): string {
  switch (fmt) {
    case 'upperRoman':
      return roman(n);
    case 'lowerRoman':
      return roman(n).toLowerCase();
    case 'upperLetter':
      return String.fromCharCode(64 + ((n - 1) % 26) + 1);
    case 'lowerLetter':
      return String.fromCharCode(96 + ((n - 1) % 26) + 1);
    default:
      return String(n);
  }
}

/** The blocks of a .docx; throws when the package has no main document. */
export function readDocx(bytes: Uint8Array): DocBlock[] {
  const pkg = OpcPackage.open(bytes);
  const main = pkg.rels('').find((r) => r.type === REL_OFFICE_DOCUMENT || r.type.endsWith('/officeDocument'));
  const docPart = main?.part ?? 'word/document.xml';
  const xml = pkg.text(docPart);
  if (!xml) throw new Error('no document part');
  const numRel = pkg.rels(docPart).find((r) => r.type === REL_NUMBERING);
  const numbering = readNumbering(numRel ? pkg.text(numRel.part) : null);
  const counters = new Map<string, number[]>();
  const label = (numId: string, ilvl: number): string => {
    const levels = numbering.get(numId);
    const lv = levels?.[ilvl];
    if (!levels || !lv || numId === '0') return '';
    if (lv.fmt === 'bullet' || lv.fmt === 'none') return lv.fmt === 'bullet' ? '-' : '';
    const c = counters.get(numId) ?? [];
    c[ilvl] = c[ilvl] === undefined ? lv.start : c[ilvl] + 1;
    for (let k = ilvl + 1; k < c.length; k++) c[k] = undefined as unknown as number; // deeper levels restart
    counters.set(numId, c);
    return lv.text.replace(/%(\d)/g, (_, d: string) => {
      const i = Number(d) - 1;
      return formatNumber(c[i] ?? levels[i]?.start ?? 1, levels[i]?.fmt ?? 'decimal');
    });
  };

  const blocks: DocBlock[] = [];
  // a stack of tables being read (a table inside a cell adds its text to that cell)
  type Row = { cells: DocCell[]; header: boolean };
  const tables: Row[][] = [];
  let row: Row | null = null;
  let cell: DocCell | null = null;
  let para: string[] | null = null;
  let numId = '';
  let ilvl = 0;
  let inText = false;
  let depth = 0;
  sax(xml, {
    open(name, a) {
      switch (name) {
        case 'tbl':
          depth++;
          if (depth === 1) tables.push([]);
          break;
        case 'tr':
          if (depth === 1) row = { cells: [], header: false };
          break;
        case 'tblHeader':
          if (row && depth === 1 && a['w:val'] !== '0' && a['w:val'] !== 'false') row.header = true;
          break;
        case 'tc':
          if (depth === 1) cell = { paragraphs: [], span: 1, vMerge: null };
          break;
        case 'gridSpan':
          if (cell && depth === 1) cell.span = Math.max(1, Number(a['w:val'] ?? 1));
          break;
        case 'vMerge':
          if (cell && depth === 1) cell.vMerge = a['w:val'] === 'restart' ? 'restart' : 'continue';
          break;
        case 'p':
          para = [];
          numId = '';
          ilvl = 0;
          break;
        case 'numId':
          numId = a['w:val'] ?? '';
          break;
        case 'ilvl':
          ilvl = Number(a['w:val'] ?? 0);
          break;
        case 't':
          inText = true;
          break;
        case 'tab':
          if (para) para.push('\t');
          break;
        case 'br':
        case 'cr':
          if (para) para.push('\n');
          break;
      }
    },
    close(name) {
      switch (name) {
        case 't':
          inText = false;
          break;
        case 'p': {
          if (!para) break;
          const lab = numId ? label(numId, ilvl) : '';
          const text = para.join('');
          const full = lab && text.trim() ? `${lab} ${text.trimStart()}` : text;
          if (cell) cell.paragraphs.push(full);
          else blocks.push({ kind: 'para', text: full });
          para = null;
          break;
        }
        case 'tc':
          if (depth === 1 && cell && row) {
            row.cells.push(cell);
            cell = null;
          }
          break;
        case 'tr':
          if (depth === 1 && row) {
            tables[tables.length - 1].push(row);
            row = null;
          }
          break;
        case 'tbl':
          if (depth === 1) blocks.push({ kind: 'table', rows: tables.pop() as Row[] });
          depth--;
          break;
      }
    },
    text(t) {
      if (inText && para) para.push(t);
    },
  });
  return blocks;
}
