// A1 addresses.
export function colLetter(col: number): string {
  let s = '';
  let n = col;
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function colNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export function a1(row: number, col: number): string {
  return `${colLetter(col)}${row}`;
}

export function rangeA1(r1: number, c1: number, r2: number, c2: number): string {
  return r1 === r2 && c1 === c2 ? a1(r1, c1) : `${a1(r1, c1)}:${a1(r2, c2)}`;
}

export interface Rect {
  r1: number;
  c1: number;
  r2: number;
  c2: number;
}

export function parseRange(ref: string): Rect {
  const clean = ref.replace(/^.*!/, '').replace(/\$/g, '');
  const [a, b] = clean.split(':');
  const p = (x: string) => {
    const m = x.match(/^([A-Z]+)(\d+)$/i);
    if (!m) throw new Error(`Địa chỉ ô không hợp lệ: ${ref}`);
    return { r: Number(m[2]), c: colNumber(m[1]) };
  };
  const s = p(a);
  const e = b ? p(b) : s;
  return { r1: Math.min(s.r, e.r), c1: Math.min(s.c, e.c), r2: Math.max(s.r, e.r), c2: Math.max(s.c, e.c) };
}

/** Quote a sheet name for a reference: 'Sở Y tế'!A1 */
export function sheetRef(sheet: string, addr: string): string {
  return `'${sheet.replace(/'/g, "''")}'!${addr}`;
}

/** Human-readable reference used in findings: "Phụ lục!D12". */
export function cellRef(sheet: string, addr: string): string {
  return `${sheet}!${addr}`;
}

/**
 * A formula moved by `rows` and `cols`, as Excel moves one when a cell is copied: relative references
 * follow, absolute ones ($A$1) stay, text in quotes, quoted sheet names and function names are left alone. A reference
 * moved off the sheet becomes #REF!, as in Excel.
 */
export function shiftFormula(formula: string, rows: number, cols: number): string {
  if (!rows && !cols) return formula;
  return formula.replace(
    /("(?:[^"]|"")*"|'(?:[^']|'')*')|(?<![\p{L}\p{N}_.])(\$?)([A-Z]{1,3})(\$?)([1-9]\d{0,6})(?![\p{L}\p{N}_(!])/gu,
    (_m, str: string | undefined, absC: string, col: string, absR: string, row: string) => {
      if (str) return str;
      const c = absC ? colNumber(col) : colNumber(col) + cols;
      const r = absR ? Number(row) : Number(row) + rows;
      if (c < 1 || r < 1 || c > 16384 || r > 1048576) return '#REF!';
      return `${absC}${colLetter(c)}${absR}${r}`;
    },
  );
}
