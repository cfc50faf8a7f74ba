// Cell styles of generated sheets, as data: both adapters render exactly these.
import type { SheetPlan, StyleName } from './schemas';
import { a1 } from './address';

export interface CellStyle {
  font: { name: string; size: number; bold: boolean; italic: boolean; color: string };
  fill: string | null;
  horizontal: 'left' | 'center' | 'right';
  vertical: 'top' | 'center';
  wrap: boolean;
  border: boolean;
  /** A number format ("dd/mm/yyyy" for dates); text ("@") when absent. */
  numFmt?: string;
}

// Nghị định 30/2020/NĐ-CP: Times New Roman, body 13–14 pt; 13 pt body prints at ≥ 10.5 pt at fit-to-width
const FONT = 'Times New Roman';
const base = (size: number, bold = false, italic = false, color = '#000000') => ({ name: FONT, size, bold, italic, color });

export const STYLES: Record<StyleName, CellStyle> = {
  title: { font: base(14, true), fill: null, horizontal: 'center', vertical: 'center', wrap: true, border: false },
  subtitle: { font: base(13, false, true), fill: null, horizontal: 'center', vertical: 'center', wrap: true, border: false },
  header: { font: base(13, true), fill: '#D9E2F3', horizontal: 'center', vertical: 'center', wrap: true, border: true },
  section: { font: base(13, true), fill: '#F2F2F2', horizontal: 'left', vertical: 'center', wrap: true, border: true },
  body: { font: base(13), fill: null, horizontal: 'left', vertical: 'top', wrap: true, border: true },
  bodyCenter: { font: base(13), fill: null, horizontal: 'center', vertical: 'top', wrap: true, border: true },
  muted: { font: base(13, false, true, '#595959'), fill: null, horizontal: 'left', vertical: 'top', wrap: true, border: true },
  input: { font: base(13), fill: '#FFF9E5', horizontal: 'left', vertical: 'top', wrap: true, border: true },
  date: { font: base(13), fill: null, horizontal: 'center', vertical: 'top', wrap: true, border: true, numFmt: 'dd/mm/yyyy' },
  inputDate: { font: base(13), fill: '#FFF9E5', horizontal: 'center', vertical: 'top', wrap: true, border: true, numFmt: 'dd/mm/yyyy' },
};

/** Fills of highlighted rows: past due, and due within a week. */
export const HIGHLIGHT = { overdue: '#F8CBAD', dueSoon: '#FFE699' };

/** Text that a spreadsheet would take for a formula: written as text, never evaluated. */
export function looksLikeFormula(s: string): boolean {
  return /^[=+\-@]/.test(s);
}

/** A number format code that shows a date or time ("dd/mm/yyyy", "[$-42A]d mmmm yyyy"; not "0.00"). */
export function isDateFormat(code: string): boolean {
  const bare = code.replace(/"[^"]*"|\\.|\[[^\]]*\]|_.|\*./g, '');
  return /[dmyhs]/i.test(bare) && !/^general$/i.test(bare.trim());
}

/** The hyperlink cells of a sheet plan: "#Sheet!A1" inside the workbook, anything else a URL. */
export function planLinks(plan: Pick<SheetPlan, 'rows'>): { ref: string; link: string; text: string }[] {
  const out: { ref: string; link: string; text: string }[] = [];
  plan.rows.forEach((row, i) =>
    row.forEach((v, j) => {
      if (v && typeof v === 'object' && 'link' in v) out.push({ ref: a1(i + 1, j + 1), link: v.link, text: v.text });
    }),
  );
  return out;
}
