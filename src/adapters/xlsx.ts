// .xlsx adapter (exceljs): the same port as Office.js, on a workbook held in memory.
// Used by the command line and by the task pane in standalone mode.
import ExcelJS from 'exceljs';
import { parseRange } from '../core/address';
import { REGISTRY_SHEET, registryFromRows, registryToRows } from '../core/registry';
import { STYLES } from '../core/styles';
import type { Grid } from '../core/table';
import type { PlanCell, SheetPlan, StyleName } from '../core/schemas';
import { tabOrder, type ReadRequest, type SheetInfo, type Snapshot, type WorkbookPort, type WritePlan, type WriteProgress, type WriteResult } from '../port/workbook';

type CellValue = ExcelJS.CellValue;

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

/** A cell's value as the text a user sees (numbers plain, dates dd/mm/yyyy, rich text joined). */
export function cellText(v: CellValue): { text: string; error: boolean } {
  if (v === null || v === undefined) return { text: '', error: false };
  if (typeof v === 'string') return { text: v, error: false };
  if (typeof v === 'number') return { text: String(v), error: false };
  if (typeof v === 'boolean') return { text: v ? 'TRUE' : 'FALSE', error: false };
  if (v instanceof Date) return { text: `${pad2(v.getUTCDate())}/${pad2(v.getUTCMonth() + 1)}/${v.getUTCFullYear()}`, error: false };
  const o = v as unknown as Record<string, unknown>;
  if ('error' in o) return { text: String(o.error), error: true };
  if ('richText' in o && Array.isArray(o.richText)) return { text: (o.richText as { text: string }[]).map((r) => r.text).join(''), error: false };
  if ('formula' in o || 'sharedFormula' in o) return cellText((o.result ?? null) as CellValue);
  if ('text' in o) return cellText(o.text as CellValue);
  return { text: String(v), error: false };
}

/** A row with no cells, shared by every empty row of every grid (never written to). */
const EMPTY_ROW: string[] = Object.freeze([]) as unknown as string[];

/**
 * The cells that exist, row by row: the cost grows with the cells written, not with the used range's
 * rectangle — a stray cell at Z1048576 adds one row of text, and empty rows share one empty array.
 */
function sheetGrid(ws: ExcelJS.Worksheet): Grid {
  const values: string[][] = [];
  const errors: string[] = [];
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    const out: string[] = [];
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      // merged slaves report the master's value: the core fills merges itself
      const v = cell.isMerged && cell.master !== cell ? null : cell.value;
      const t = cellText(v);
      if (t.error) errors.push(`${r}:${c}`);
      for (let k = out.length; k < c - 1; k++) out.push('');
      out[c - 1] = t.text;
    });
    while (values.length < r - 1) values.push(EMPTY_ROW);
    values[r - 1] = out;
  });
  const merges = ((ws.model as unknown as { merges?: string[] }).merges ?? []).map((m) => parseRange(m));
  return { sheet: ws.name, values, top: 1, left: 1, merges, errors };
}

function visibility(ws: ExcelJS.Worksheet): SheetInfo['visibility'] {
  return ws.state === 'veryHidden' ? 'VeryHidden' : ws.state === 'hidden' ? 'Hidden' : 'Visible';
}

function argb(hex: string): string {
  return 'FF' + hex.replace('#', '').toUpperCase();
}

export function applyStyle(cell: ExcelJS.Cell, name: StyleName): void {
  const s = STYLES[name];
  cell.font = { name: s.font.name, size: s.font.size, bold: s.font.bold, italic: s.font.italic, color: { argb: argb(s.font.color) } };
  cell.alignment = { horizontal: s.horizontal, vertical: s.vertical === 'center' ? 'middle' : 'top', wrapText: s.wrap };
  if (s.fill) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(s.fill) } };
  if (s.border) {
    const thin = { style: 'thin' as const, color: { argb: 'FF000000' } };
    cell.border = { top: thin, left: thin, bottom: thin, right: thin };
  }
}

function toCellValue(v: PlanCell): CellValue {
  if (v === null || v === undefined || v === '') return null;
  if (typeof v === 'object') return { formula: v.formula, result: v.result } as CellValue;
  return v; // strings beginning with "=" stay text in exceljs unless written as { formula }
}

export function renderSheet(ws: ExcelJS.Worksheet, plan: SheetPlan): void {
  plan.rows.forEach((row, i) => {
    const r = ws.getRow(i + 1);
    row.forEach((v, j) => {
      const cv = toCellValue(v);
      if (cv !== null) r.getCell(j + 1).value = cv;
    });
  });
  for (const st of plan.styles) {
    const rr = parseRange(st.range);
    for (let r = rr.r1; r <= rr.r2; r++) for (let c = rr.c1; c <= rr.c2; c++) applyStyle(ws.getCell(r, c), st.style);
  }
  for (const m of plan.merges) ws.mergeCells(m);
  plan.widths.forEach((w, i) => {
    ws.getColumn(i + 1).width = w;
  });
  plan.heights.forEach((h, i) => {
    ws.getRow(i + 1).height = h;
  });
  if (plan.freezeRows > 0) ws.views = [{ state: 'frozen', xSplit: 0, ySplit: plan.freezeRows }];
  ws.pageSetup = {
    ...ws.pageSetup,
    paperSize: plan.print.paperSize,
    orientation: plan.print.landscape ? 'landscape' : 'portrait',
    fitToPage: true,
    fitToWidth: plan.print.fitToWidth,
    fitToHeight: 0,
    ...(plan.print.titleRows ? { printTitlesRow: plan.print.titleRows } : {}),
  };
  if (plan.print.footer) ws.headerFooter = { ...ws.headerFooter, oddFooter: plan.print.footer, evenFooter: plan.print.footer };
  for (const v of plan.validations) {
    (ws as unknown as { dataValidations: { add(range: string, dv: ExcelJS.DataValidation): void } }).dataValidations.add(v.range, {
      type: 'list',
      allowBlank: true,
      formulae: [`"${v.list.join(',')}"`],
      showErrorMessage: true,
      errorTitle: 'Giá trị không hợp lệ',
      error: `Chọn một trong: ${v.list.join(', ')}`,
    });
  }
  for (const cs of plan.colorScales) {
    ws.addConditionalFormatting({
      ref: cs.range,
      rules: [{ type: 'colorScale', priority: 1, cfvo: [{ type: 'min' }, { type: 'max' }], color: [{ argb: argb(cs.from) }, { argb: argb(cs.to) }] } as unknown as ExcelJS.ConditionalFormattingRule],
    });
  }
}

export class XlsxWorkbook implements WorkbookPort {
  constructor(public readonly wb: ExcelJS.Workbook) {}

  static async load(data: ArrayBuffer | Uint8Array): Promise<XlsxWorkbook> {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(data as ArrayBuffer);
    return new XlsxWorkbook(wb);
  }

  async save(): Promise<Uint8Array> {
    const buf = await this.wb.xlsx.writeBuffer();
    return new Uint8Array(buf as ArrayBuffer);
  }

  private byName(name: string): ExcelJS.Worksheet | undefined {
    return this.wb.worksheets.find((w) => w.name.toLowerCase() === name.toLowerCase());
  }

  async read(req: ReadRequest): Promise<Snapshot> {
    const sheets = this.wb.worksheets.map((w) => ({ name: w.name, visibility: visibility(w) }));
    const firstVisible = this.wb.worksheets.find((w) => visibility(w) === 'Visible');
    const activeTab = (this.wb.views?.[0] as { activeTab?: number } | undefined)?.activeTab;
    const active = (activeTab !== undefined ? this.wb.worksheets[activeTab] : undefined) ?? firstVisible;
    const grids: Record<string, Grid> = {};
    const want = new Set<string>(req.extra);
    if (req.sheet) want.add(req.sheet);
    else if (active) want.add(active.name);
    if (req.allSheets) for (const w of this.wb.worksheets) if (visibility(w) === 'Visible') want.add(w.name);
    for (const n of want) {
      const ws = this.byName(n);
      if (ws) grids[ws.name] = sheetGrid(ws);
    }
    const reg = this.byName(REGISTRY_SHEET);
    // a print setup of its own, as exceljs reads one: a paper size, print titles or area, or fit-to-page
    const ownPrintSetup: Record<string, boolean> = {};
    for (const n of Object.keys(grids)) {
      const ps = this.byName(n)?.pageSetup;
      ownPrintSetup[n] = !!ps && (ps.paperSize !== undefined || !!ps.printTitlesRow || !!ps.printArea || !!ps.fitToPage);
    }
    return { sheets, active: active?.name ?? null, grids, registry: reg ? registryFromRows(sheetGrid(reg).values) : null, ownPrintSetup };
  }

  async readSheets(names: string[]): Promise<Record<string, Grid>> {
    const out: Record<string, Grid> = {};
    for (const n of names) {
      const ws = this.byName(n);
      if (ws) out[ws.name] = sheetGrid(ws);
    }
    return out;
  }

  /** Tab order after a write (see tabOrder): a user's own sheets never move. */
  private keepTabOrder(before: string[], ours: Set<string>): void {
    const byName = new Map(this.wb.worksheets.map((ws) => [ws.name, ws]));
    // exceljs writes sheets by orderNo (not in its typings)
    tabOrder(before, ours, [...byName.keys()]).forEach((n, i) => ((byName.get(n) as unknown as { orderNo: number }).orderNo = i + 1));
  }

  async write(plan: WritePlan, progress?: (p: WriteProgress) => void): Promise<WriteResult> {
    const before = this.wb.worksheets.map((ws) => ws.name);
    const ours = new Set([...plan.sheets.map((s) => s.name), ...plan.deleteSheets].map((n) => n.toLowerCase()));
    const total = plan.cellWrites.length + plan.sheets.length + 1;
    let done = 0;
    const tick = (label: string) => progress?.({ done: ++done, total, label });
    for (const name of plan.createSheets ?? []) if (!this.byName(name)) this.wb.addWorksheet(name);
    for (const w of plan.cellWrites) {
      const ws = this.byName(w.sheet);
      if (!ws) throw new Error(`Không tìm thấy sheet "${w.sheet}"`);
      const tl = parseRange(w.address);
      const styleFrom = w.style === 'header' && plan.headerStyleFrom?.sheet === w.sheet ? ws.getCell(plan.headerStyleFrom.address) : null;
      const body = !w.style && plan.bodyStyleFrom?.sheet === w.sheet ? plan.bodyStyleFrom.col : null;
      w.values.forEach((row, i) =>
        row.forEach((v, j) => {
          const cell = ws.getCell(tl.r1 + i, tl.c1 + j);
          cell.value = v === '' ? null : v;
          if (styleFrom) cell.style = JSON.parse(JSON.stringify(styleFrom.style ?? {}));
          else if (body !== null) {
            // the table's own borders and font, centred: "x" sits in the middle of its cell
            const from = ws.getCell(tl.r1 + i, body).style ?? {};
            cell.style = { ...JSON.parse(JSON.stringify(from)), alignment: { ...(from.alignment ?? {}), horizontal: 'center', vertical: 'middle' } };
          }
        }),
      );
      tick(`${w.sheet}!${w.address}`);
    }
    if (plan.defaultPrint) {
      const ws = this.byName(plan.defaultPrint.sheet);
      const ps = ws?.pageSetup;
      // only a sheet without a print setup of its own (as exceljs reads one: no paper size, no titles, no fit)
      if (ws && ps) {
        ws.pageSetup = { ...ps, paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: plan.defaultPrint.titleRows };
        if (plan.defaultPrint.footer && !ws.headerFooter?.oddFooter) ws.headerFooter = { ...ws.headerFooter, oddFooter: plan.defaultPrint.footer };
      }
    }
    for (const name of plan.deleteSheets) {
      const ws = this.byName(name);
      if (ws) this.wb.removeWorksheet(ws.id);
    }
    for (const sp of plan.sheets) {
      const old = this.byName(sp.name);
      if (old) this.wb.removeWorksheet(old.id);
      const ws = this.wb.addWorksheet(sp.name, { properties: { tabColor: { argb: sp.kind === 'report' ? 'FF1F4E79' : 'FF70AD47' } } });
      renderSheet(ws, sp);
      tick(sp.name);
    }
    if (plan.registry) {
      const old = this.byName(REGISTRY_SHEET);
      if (old) this.wb.removeWorksheet(old.id);
      const ws = this.wb.addWorksheet(REGISTRY_SHEET, { state: 'veryHidden' });
      registryToRows(plan.registry).forEach((r, i) => {
        ws.getCell(i + 1, 1).value = r[0];
      });
    }
    tick('registry');
    this.keepTabOrder(before, new Set([...ours, REGISTRY_SHEET.toLowerCase()]));
    return { syncs: 0, bytes: 0 };
  }

  async select(): Promise<void> {
    // a file has no selection; the standalone pane shows the address instead
  }
}

