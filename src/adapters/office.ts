// Office.js adapter: the only file that calls Excel.run. Discipline: one read round trip,
// writes as 2-D arrays and whole-range formats, queued in batches that stay under the 5 MB
// payload limit, never a sync per row or per sheet. New sheets are written under temporary
// names and only renamed into place in the last batch, so a failure halfway leaves the
// user's workbook as it was (and says which sheets to delete if even the clean-up fails).
import { colLetter as colA1, parseRange } from '../core/address';
import { REGISTRY_SHEET, registryFromRows, registryToRows } from '../core/registry';
import { STYLES, isDateFormat, looksLikeFormula, planLinks, type CellStyle } from '../core/styles';
import { emptyGrid, type Grid, type TypedCell } from '../core/table';
import type { PlanCell, SheetPlan } from '../core/schemas';
import { tabColorOf } from '../core/generate';
import { say } from '../core/messages';
import { tabOrder, WriteFailure, type ReadRequest, type ReadSheetsOptions, type SheetInfo, type Snapshot, type WorkbookPort, type WritePlan, type WriteProgress, type WriteResult } from '../port/workbook';

/** Excel.run, or the fake host's run in tests and the bench. */
export type Runner = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;
export type SetSupported = (name: string, version: string) => boolean;

/** Minimum requirement set declared in manifest.xml; newer features are checked at run time. */
export const MIN_EXCEL_API = '1.7';

/** Stay well below Excel on the web's 5 MB request limit. */
export const BATCH_BYTES = 4 * 1024 * 1024;
const CHUNK_BYTES = 1024 * 1024;
/** Rows per range.values write: 2,000 rows × 10 failed on Excel on the web while < 500 worked (office-js-docs-reference#354). */
const CHUNK_ROWS = 500;
/** Rows read (of at most 60 columns, under the 5 MB response limit) from a sheet whose used range is beyond 5 million cells (a stray cell far below the table). */
const BIG_SHEET_ROWS = 8_000;
/** Cells per round trip when reading sheets whole (as typed: text, values, formulas, formats, links, ~60 bytes a cell). */
export const READ_CELLS = 60_000;

export class ExcelNotResponding extends Error {}
const POINTS_PER_CHAR = 6;

interface Op {
  bytes: number;
  label: string;
  queue: (context: Excel.RequestContext) => void;
}

function cellForExcel(v: PlanCell | string): string | number {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return v;
  if (typeof v === 'object') return 'link' in v ? (looksLikeFormula(v.text) ? "'" + v.text : v.text) : '=' + v.formula;
  // text that Excel would evaluate ("=…", "+…", "-…", "@…") is written as text
  return looksLikeFormula(v) ? "'" + v : v;
}

function textOf(v: unknown): string {
  if (v === null || v === undefined) return '';
  return String(v);
}

function mergedAreas(address: string | null | undefined): string[] {
  if (!address) return [];
  const out: string[] = [];
  const re = /!\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(address))) out.push(m[3] ? `${m[1]}${m[2]}:${m[3]}${m[4]}` : `${m[1]}${m[2]}`);
  return out;
}

function gridFrom(sheet: string, range: Excel.Range | null, merges: Excel.RangeAreas | null): Grid {
  if (!range || range.isNullObject) return emptyGrid(sheet);
  const text = range.text as unknown[][];
  const types = range.valueTypes as string[][];
  const top = range.rowIndex + 1;
  const left = range.columnIndex + 1;
  const errors: string[] = [];
  types.forEach((row, i) => row.forEach((t, j) => t === 'Error' && errors.push(`${top + i}:${left + j}`)));
  const m = merges && !merges.isNullObject ? mergedAreas(merges.address).map((a) => parseRange(a)) : [];
  return { sheet, values: text.map((r) => r.map(textOf)), top, left, merges: m, errors };
}

/** What cells hold beyond their text: numbers (dates by their format), formulas with their results, links. */
function typedOf(range: Excel.Range, props: Excel.CellProperties[][] | null, cols: (col: number) => boolean): Record<string, TypedCell> {
  const out: Record<string, TypedCell> = {};
  const top = range.rowIndex + 1;
  const left = range.columnIndex + 1;
  const values = range.values as unknown[][];
  const formulas = range.formulas as unknown[][];
  const formats = range.numberFormat as unknown[][];
  const text = range.text as unknown[][];
  formulas.forEach((row, i) =>
    row.forEach((f, j) => {
      if (!cols(left + j)) return;
      const k = `${top + i}:${left + j}`;
      const v = values[i]?.[j];
      const link = props?.[i]?.[j]?.hyperlink;
      if (link && (link.address || link.documentReference)) out[k] = { link: link.address || '#' + link.documentReference, text: link.textToDisplay ?? textOf(text[i]?.[j]) };
      else if (typeof f === 'string' && f.startsWith('=')) out[k] = { formula: f.slice(1), ...(typeof v === 'number' || (typeof v === 'string' && v !== '') ? { result: v } : {}) };
      else if (typeof v === 'number') out[k] = isDateFormat(String(formats[i]?.[j] ?? '')) ? { number: v, date: true } : { number: v };
    }),
  );
  return out;
}

export class OfficeWorkbook implements WorkbookPort {
  /** Round trips and request bytes of the last write (the bench reads them). */
  constructor(
    private readonly run: Runner,
    private readonly supported: SetSupported,
    /** The first sync of a read can hang with no timeout on Excel on the web (office-js#6678): give up after this, once more, then say what to do. */
    private readonly syncTimeoutMs = 30_000,
  ) {}

  async read(req: ReadRequest): Promise<Snapshot> {
    const snap = await this.readOnceWithRetry(req);
    // Excel shows one of our sheets (the report, after a run): the table is where the registry says
    // it was read last time. A second round trip, only then.
    const table = snap.registry?.quarterColumns?.sheet;
    const ours = new Set((snap.registry?.sheets ?? []).map((s) => s.name.toLowerCase()));
    if (!req.sheet && snap.active && ours.has(snap.active.toLowerCase()) && table && !snap.grids[table] && snap.sheets.some((s) => s.name === table)) {
      const second = await this.readOnce({ ...req, sheet: table });
      return { ...snap, grids: { ...snap.grids, ...second.grids } };
    }
    return snap;
  }

  /** A read that does not answer in time is tried once more; then a message that says what to do. */
  private async readOnceWithRetry(req: ReadRequest): Promise<Snapshot> {
    for (let attempt = 1; ; attempt++) {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const timeout = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), this.syncTimeoutMs)));
      const r = await Promise.race([this.readOnce(req), timeout]).finally(() => clearTimeout(timer));
      if (r !== 'timeout') return r;
      if (attempt >= 2)
        throw new ExcelNotResponding(
          `Excel không trả lời khi đọc sổ làm việc (đã chờ ${Math.round(this.syncTimeoutMs / 1000)} giây, thử lại một lần). Hãy lưu tệp, đóng và mở lại ngăn Phân công (hoặc tải lại trang Excel trên web) rồi thử lại.`,
        );
    }
  }

  private async readOnce(req: ReadRequest): Promise<Snapshot> {
    const canMerges = this.supported('ExcelApi', '1.13');
    return this.run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load('items/name,items/visibility');
      const active = sheets.getActiveWorksheet();
      active.load('name');
      const target = req.sheet ? sheets.getItemOrNullObject(req.sheet) : active;
      const queueUsed = (ws: Excel.Worksheet) => {
        const used = ws.getUsedRangeOrNullObject();
        used.load('text,valueTypes,rowIndex,columnIndex,columnCount');
        let merges: Excel.RangeAreas | null = null;
        if (canMerges) {
          merges = used.getMergedAreasOrNullObject();
          merges.load('address');
        }
        return { ws, used, merges };
      };
      const main = queueUsed(target);
      if (req.sheet) target.load('isNullObject');
      const extras = req.extra.map((name) => ({ name, ...queueUsed(sheets.getItemOrNullObject(name)) }));
      const registry = sheets.getItemOrNullObject(REGISTRY_SHEET).getUsedRangeOrNullObject();
      registry.load('text');
      // does the table's sheet have a print setup of its own (print titles or area)? ExcelApi 1.9
      const canPrint = this.supported('ExcelApi', '1.9');
      const printProbe = canPrint ? [target.pageLayout.getPrintTitleRowsOrNullObject(), target.pageLayout.getPrintAreaOrNullObject()] : [];
      for (const p of printProbe) p.load('address');
      await context.sync();

      const infos: SheetInfo[] = sheets.items.map((s) => ({ name: s.name, visibility: s.visibility as SheetInfo['visibility'] }));
      const grids: Record<string, Grid> = {};
      const mainName = req.sheet ? (target.isNullObject ? null : infos.find((i) => i.name.toLowerCase() === req.sheet!.toLowerCase())?.name ?? req.sheet) : active.name;
      // more than 5 million cells come back null (office-js-docs-pr#5821): read the first rows only
      if (mainName && !main.used.isNullObject && main.used.text === null) {
        const first = target.getRange(`A1:${colA1(Math.min(main.used.columnIndex + main.used.columnCount, 60))}${BIG_SHEET_ROWS}`);
        first.load('text,valueTypes,rowIndex,columnIndex');
        await context.sync();
        grids[mainName] = gridFrom(mainName, first, null);
      } else if (mainName) grids[mainName] = gridFrom(mainName, main.used, main.merges);
      for (const e of extras) if (!e.used.isNullObject) grids[infos.find((i) => i.name.toLowerCase() === e.name.toLowerCase())?.name ?? e.name] = gridFrom(e.name, e.used, e.merges);
      const reg = registry.isNullObject ? null : registryFromRows((registry.text as unknown[][]).map((r) => r.map(textOf)));
      const ownPrintSetup: Record<string, boolean> = {};
      if (mainName && canPrint) ownPrintSetup[mainName] = printProbe.some((p) => !p.isNullObject);
      return { sheets: infos, active: active.name, grids, registry: reg, ...(canPrint ? { ownPrintSetup } : {}) };
    });
  }

  /**
   * Sheets whole; with `typed`, what those columns' cells hold beyond their text (Grid.typed: numbers,
   * dates, formulas, links) and comments and shapes (Grid.hung), to carry what agencies typed. Their used
   * ranges first (one round trip), then the cells in batches under the 5 MB response limit: round trips
   * grow with the cells read, never with the number of sheets.
   */
  async readSheets(names: string[], opts: ReadSheetsOptions = {}): Promise<Record<string, Grid>> {
    if (!names.length) return {};
    const typed = opts.typed;
    const links = !!typed && this.supported('ExcelApi', '1.9');
    return this.run(async (context) => {
      const used = names.map((n) => {
        const r = context.workbook.worksheets.getItemOrNullObject(n).getUsedRangeOrNullObject();
        r.load('address');
        return { n, r };
      });
      await context.sync();
      // row chunks of each used range, packed into batches of at most READ_CELLS cells
      const chunks: { n: string; addr: string; range?: Excel.Range; props?: ReturnType<Excel.Range['getCellProperties']> }[] = [];
      const batches: (typeof chunks)[] = [[]];
      let cells = 0;
      for (const { n, r } of used) {
        if (r.isNullObject) continue;
        const b = parseRange(r.address);
        const width = b.c2 - b.c1 + 1;
        const rowsPer = Math.max(1, Math.floor(READ_CELLS / width));
        for (let r1 = b.r1; r1 <= b.r2; r1 += rowsPer) {
          const r2 = Math.min(b.r2, r1 + rowsPer - 1);
          const size = (r2 - r1 + 1) * width;
          if (cells + size > READ_CELLS && batches[batches.length - 1].length) {
            batches.push([]);
            cells = 0;
          }
          const c = { n, addr: `${colA1(b.c1)}${r1}:${colA1(b.c2)}${r2}` };
          chunks.push(c);
          batches[batches.length - 1].push(c);
          cells += size;
        }
      }
      // comments (ExcelApi 1.10) and pictures or shapes (1.9) a person hung on a sheet: counted with the first cells
      const found = typed ? used.filter(({ r }) => !r.isNullObject) : [];
      const hung = found.map(({ n }) => {
        const ws = context.workbook.worksheets.getItem(n);
        return {
          n,
          comments: this.supported('ExcelApi', '1.10') ? ws.comments.getCount() : null,
          shapes: this.supported('ExcelApi', '1.9') ? ws.shapes.getCount() : null,
        };
      });
      const readBatch = async (i: number): Promise<void> => {
        if (i >= batches.length || !batches[i].length) return;
        for (const c of batches[i]) {
          const range = context.workbook.worksheets.getItem(c.n).getRange(c.addr);
          if (typed) range.load('text,valueTypes,values,formulas,numberFormat,rowIndex,columnIndex');
          else range.load('text,valueTypes,rowIndex,columnIndex');
          c.range = range;
          if (links) c.props = range.getCellProperties({ hyperlink: true });
        }
        await context.sync();
        return readBatch(i + 1);
      };
      await readBatch(0);
      const out: Record<string, Grid> = {};
      for (const c of chunks) {
        const g = gridFrom(c.n, c.range!, null);
        if (typed) g.typed = typedOf(c.range!, c.props?.value ?? null, typed);
        const prev = out[c.n];
        if (!prev) out[c.n] = g;
        else {
          for (const row of g.values) prev.values.push(row);
          for (const e of g.errors) prev.errors.push(e);
          if (prev.typed && g.typed) Object.assign(prev.typed, g.typed);
        }
      }
      for (const h of hung) {
        const comments = h.comments?.value ?? 0;
        const pictures = h.shapes?.value ?? 0;
        if (out[h.n] && (comments || pictures)) out[h.n].hung = { comments, commentCells: [], pictures };
      }
      return out;
    });
  }

  async select(sheet: string, address: string): Promise<void> {
    await this.run(async (context) => {
      const ws = context.workbook.worksheets.getItem(sheet);
      ws.activate();
      ws.getRange(address).select();
      await context.sync();
    });
  }

  /** Build the list of queued operations for a plan (pure; no Excel call). */
  private ops(plan: WritePlan, existing: Set<string>): { main: Op[]; final: Op[]; temps: string[] } {
    const known = existing;
    const main: Op[] = [];
    const final: Op[] = [];
    const temps: string[] = [];
    const size = (x: unknown) => JSON.stringify(x).length + 64;
    // ours kept whole under an archive name (Excel keeps all they hold); the names are free for the new sheets
    existing = new Set(existing);
    for (const { from, to } of plan.renameSheets ?? []) {
      if (!existing.has(from.toLowerCase())) continue;
      existing.delete(from.toLowerCase());
      existing.add(to.toLowerCase());
      main.push({ bytes: 96, label: to, queue: (context) => void (context.workbook.worksheets.getItem(from).name = to) });
    }
    /** The sheets this plan creates: the only ones `plan.merges` may touch. */
    const created = new Set<string>();
    for (const name of plan.createSheets ?? [])
      if (!existing.has(name.toLowerCase())) {
        created.add(name.toLowerCase());
        main.push({ bytes: 64, label: name, queue: (context) => void context.workbook.worksheets.add(name) });
      }
    // cell writes in existing sheets (quarter columns, fixes): values first, then header formats
    for (const w of plan.cellWrites) {
      const tl = parseRange(w.address);
      const rows = w.values.map((r) => r.map((v) => cellForExcel(v)));
      const addr = `${w.address.split(':')[0]}:${colA1(tl.c1 + (rows[0]?.length ?? 1) - 1)}${tl.r1 + rows.length - 1}`;
      main.push({
        bytes: size(rows),
        label: `${w.sheet}!${addr}`,
        queue: (context) => {
          const r = context.workbook.worksheets.getItem(w.sheet).getRange(addr);
          // formats first, then the values (cells formatted after they hold a value are laid out again)
          if (w.style === 'header' && plan.headerStyleFrom && plan.headerStyleFrom.sheet === w.sheet && this.supported('ExcelApi', '1.9'))
            r.copyFrom(plan.headerStyleFrom.address, 'Formats' as Excel.RangeCopyType);
          else if (!w.style && plan.bodyStyleFrom?.sheet === w.sheet && this.supported('ExcelApi', '1.9')) {
            // the table's borders and font from the same rows of its time column, centred
            const col = colA1(plan.bodyStyleFrom.col);
            r.copyFrom(`${col}${tl.r1}:${col}${tl.r1 + rows.length - 1}`, 'Formats' as Excel.RangeCopyType);
            r.format.horizontalAlignment = 'Center' as Excel.HorizontalAlignment;
          } else if (w.style && w.style !== 'header') applyFormat(r, STYLES[w.style], rows.length, rows[0]?.length ?? 1);
          r.values = rows;
        },
      });
    }
    // headings across a sheet we just created (an imported table's sections), after its values
    for (const m of plan.merges ?? [])
      if (created.has(m.sheet.toLowerCase())) main.push({ bytes: 64, label: `${m.sheet}!${m.range}`, queue: (context) => context.workbook.worksheets.getItem(m.sheet).getRange(m.range).merge(false) });
    // the table's sheet without a print setup of its own: A4 landscape, one page wide, its header repeated
    if (plan.defaultPrint && this.supported('ExcelApi', '1.9')) {
      const dp = plan.defaultPrint;
      main.push({
        bytes: 128,
        label: `${dp.sheet} (in)`,
        queue: (context) => {
          const pl = context.workbook.worksheets.getItem(dp.sheet).pageLayout;
          pl.orientation = 'Landscape' as Excel.PageOrientation;
          pl.paperSize = 'A4' as Excel.PaperType;
          pl.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
          pl.setPrintTitleRows(`$${dp.titleRows.replace(':', ':$')}`);
          if (dp.footer) {
            const part = (code: string) => dp.footer!.match(new RegExp(`&${code}((?:[^&]|&&|&[PN]|&"[^"]*"|&\\d+)*)`))?.[1] ?? '';
            context.workbook.worksheets.getItem(dp.sheet).pageLayout.headersFooters.defaultForAllPages.leftFooter = part('L');
            context.workbook.worksheets.getItem(dp.sheet).pageLayout.headersFooters.defaultForAllPages.rightFooter = part('R');
          }
        },
      });
    }
    // new sheets under temporary names
    plan.sheets.forEach((sp, i) => {
      const tmp = `~pc${i + 1}`;
      temps.push(tmp);
      main.push({ bytes: 64, label: sp.name, queue: (context) => void context.workbook.worksheets.add(tmp) });
      main.push(...this.sheetOps(sp, tmp));
    });
    // last batch: the registry first (so every sheet moved into place below is already known as ours even
    // if a later rename fails), then remove what we replace and move the new sheets into place
    if (plan.registry) {
      const rows = registryToRows(plan.registry);
      final.push({
        bytes: size(rows),
        label: '', // the registry: nothing to name for the officer
        queue: (context) => {
          const ws = existing.has(REGISTRY_SHEET.toLowerCase()) ? context.workbook.worksheets.getItem(REGISTRY_SHEET) : context.workbook.worksheets.add(REGISTRY_SHEET);
          if (existing.has(REGISTRY_SHEET.toLowerCase())) ws.getRange('A:A').clear();
          ws.getRange(`A1:A${rows.length}`).values = rows;
          ws.visibility = 'VeryHidden' as Excel.SheetVisibility;
        },
      });
    }
    for (const n of plan.deleteSheets) if (existing.has(n.toLowerCase())) final.push({ bytes: 64, label: n, queue: (context) => context.workbook.worksheets.getItem(n).delete() });
    plan.sheets.forEach((sp, i) => {
      if (existing.has(sp.name.toLowerCase()) && !plan.deleteSheets.some((d) => d.toLowerCase() === sp.name.toLowerCase()))
        final.push({ bytes: 64, label: sp.name, queue: (context) => context.workbook.worksheets.getItem(sp.name).delete() });
      final.push({ bytes: 64, label: sp.name, queue: (context) => void (context.workbook.worksheets.getItem(temps[i]).name = sp.name) });
    });
    // charts once every sheet has its name (their data is on another of our sheets); ExcelApi 1.7
    for (const sp of plan.sheets)
      for (const ch of sp.charts ?? []) {
        if (!this.supported('ExcelApi', '1.7')) continue;
        final.push({
          bytes: 512 + JSON.stringify(ch.series.map((x) => [x.name, x.values])).length,
          label: sp.name,
          queue: (context) => {
            const ws = context.workbook.worksheets.getItem(sp.name);
            const data = context.workbook.worksheets.getItem(ch.sheet);
            const [first, ...rest] = ch.series;
            const chart = ws.charts.add('BarStacked' as Excel.ChartType, data.getRange(first.values), 'Columns' as Excel.ChartSeriesBy);
            chart.title.text = ch.title;
            chart.legend.position = 'Bottom' as Excel.ChartLegendPosition;
            const s0 = chart.series.getItemAt(0);
            s0.name = first.name;
            s0.format.fill.setSolidColor(first.color);
            for (const x of rest) {
              const s = chart.series.add(x.name);
              s.setValues(data.getRange(x.values));
              s.format.fill.setSolidColor(x.color);
            }
            chart.axes.categoryAxis.setCategoryNames(data.getRange(ch.categories));
            // the first agency on top, as in the table
            chart.axes.categoryAxis.reversePlotOrder = true;
            chart.setPosition(ch.from, ch.to);
          },
        });
      }
    // a user's own sheets keep their places: ours go back where they were, new ones after the last of ours
    if (plan.knownSheets) {
      const archived = (plan.renameSheets ?? []).filter((x) => existing.has(x.to.toLowerCase())).map((x) => x.to);
      const ours = new Set([...plan.sheets.map((s) => s.name), ...plan.deleteSheets, ...archived, REGISTRY_SHEET].map((n) => n.toLowerCase()));
      const deleted = new Set(plan.deleteSheets.map((n) => n.toLowerCase()));
      const after = [...plan.knownSheets.filter((n) => !deleted.has(n.toLowerCase())), ...archived, ...plan.sheets.map((s) => s.name).filter((n) => !known.has(n.toLowerCase()))];
      if (plan.registry && !known.has(REGISTRY_SHEET.toLowerCase())) after.push(REGISTRY_SHEET);
      const order = tabOrder(plan.knownSheets, ours, after);
      order.forEach((n, i) => {
        if (ours.has(n.toLowerCase())) final.push({ bytes: 48, label: n, queue: (context) => void (context.workbook.worksheets.getItem(n).position = i) });
      });
    }
    const report = plan.sheets.find((s) => s.kind === 'report');
    if (report) final.push({ bytes: 64, label: report.name, queue: (context) => context.workbook.worksheets.getItem(report.name).activate() });
    return { main, final, temps };
  }

  private sheetOps(sp: SheetPlan, sheet: string): Op[] {
    const ops: Op[] = [];
    const width = Math.max(...sp.rows.map((r) => r.length), sp.widths.length, 1);
    const dense = sp.rows.map((r) => Array.from({ length: width }, (_, j) => cellForExcel(r[j] ?? null)));
    // formats first, on whole ranges (per-cell formats on 25,000 rows took 31 s, office-js#12, #5852),
    // then the values into cells already formatted
    ops.push({
      // a date format travels once per cell (Excel wants the array shaped like the range)
      bytes:
        JSON.stringify(sp.styles).length * 12 +
        256 +
        sp.styles.reduce((n, st) => {
          const f = STYLES[st.style].numFmt;
          if (!f) return n;
          const b = parseRange(st.range);
          return n + (b.r2 - b.r1 + 1) * (b.c2 - b.c1 + 1) * (f.length + 3);
        }, 0),
      label: sp.name,
      queue: (context) => {
        const ws = context.workbook.worksheets.getItem(sheet);
        for (const st of sp.styles) {
          const b = parseRange(st.range);
          applyFormat(ws.getRange(st.range), STYLES[st.style], b.r2 - b.r1 + 1, b.c2 - b.c1 + 1);
        }
        sp.widths.forEach((w, i) => (ws.getRange(`${colA1(i + 1)}:${colA1(i + 1)}`).format.columnWidth = w * POINTS_PER_CHAR));
      },
    });
    // values in row chunks under CHUNK_ROWS and CHUNK_BYTES
    let start = 0;
    while (start < dense.length) {
      let end = start;
      let bytes = 0;
      while (end < dense.length && end - start < CHUNK_ROWS && (bytes === 0 || bytes + JSON.stringify(dense[end]).length < CHUNK_BYTES)) bytes += JSON.stringify(dense[end++]).length;
      const chunk = dense.slice(start, end);
      const addr = `A${start + 1}:${colA1(width)}${end}`;
      ops.push({ bytes: bytes + 64, label: sp.name, queue: (context) => void (context.workbook.worksheets.getItem(sheet).getRange(addr).values = chunk) });
      start = end;
    }
    // links a person typed, carried over: a cell's link after its text (ExcelApi 1.7, the manifest's minimum)
    const links = planLinks(sp);
    if (links.length)
      ops.push({
        bytes: JSON.stringify(links).length + 64 * links.length,
        label: sp.name,
        queue: (context) => {
          const ws = context.workbook.worksheets.getItem(sheet);
          for (const l of links) ws.getRange(l.ref).hyperlink = l.link.startsWith('#') ? { documentReference: l.link.slice(1), textToDisplay: l.text } : { address: l.link, textToDisplay: l.text };
        },
      });
    ops.push({
      bytes: JSON.stringify(sp.merges).length + 512,
      label: sp.name,
      queue: (context) => {
        const ws = context.workbook.worksheets.getItem(sheet);
        for (const m of sp.merges) ws.getRange(m).merge(false);
        // Excel measures wrapped text itself, once the values are in
        ws.getRange(`A1:${colA1(width)}${Math.max(1, sp.rows.length)}`).format.autofitRows();
        if (sp.freezeRows) ws.freezePanes.freezeRows(sp.freezeRows);
        ws.tabColor = tabColorOf(sp.kind);
        if (this.supported('ExcelApi', '1.9')) {
          ws.pageLayout.orientation = (sp.print.landscape ? 'Landscape' : 'Portrait') as Excel.PageOrientation;
          ws.pageLayout.paperSize = 'A4' as Excel.PaperType;
          ws.pageLayout.zoom = { horizontalFitToPages: sp.print.fitToWidth, verticalFitToPages: sp.print.fitToHeight ?? 0 };
          if (sp.print.titleRows) ws.pageLayout.setPrintTitleRows(`$${sp.print.titleRows.replace(':', ':$')}`);
          if (sp.print.footer) {
            // "&L…&R…": Excel's sections as the API's properties
            const part = (code: string) => sp.print.footer!.match(new RegExp(`&${code}((?:[^&]|&&|&[PN]|&"[^"]*"|&\\d+)*)`))?.[1] ?? '';
            ws.pageLayout.headersFooters.defaultForAllPages.leftFooter = part('L');
            ws.pageLayout.headersFooters.defaultForAllPages.rightFooter = part('R');
          }
        }
        if (this.supported('ExcelApi', '1.8'))
          for (const v of sp.validations) {
            // cleared first: a rule over an earlier one (or its prompt) raises InvalidArgument (office-js#2594)
            ws.getRange(v.range).dataValidation.clear();
            ws.getRange(v.range).dataValidation.rule = { list: { inCellDropDown: true, source: v.list.join(',') } };
          }
        for (const h of sp.highlights ?? []) {
          const cf = ws.getRange(h.range).conditionalFormats.add('Custom' as Excel.ConditionalFormatType);
          // Excel wants the formula with its equals sign
          cf.custom.rule.formula = h.formula.startsWith('=') ? h.formula : `=${h.formula}`;
          cf.custom.format.fill.color = h.fill;
        }
        for (const cs of sp.colorScales) {
          const cf = ws.getRange(cs.range).conditionalFormats.add('ColorScale' as Excel.ConditionalFormatType);
          cf.colorScale.criteria = {
            minimum: { type: 'LowestValue' as Excel.ConditionalFormatColorCriterionType, color: cs.from },
            maximum: { type: 'HighestValue' as Excel.ConditionalFormatColorCriterionType, color: cs.to },
          };
        }
      },
    });
    return ops;
  }

  async write(plan: WritePlan, progress?: (p: WriteProgress) => void): Promise<WriteResult> {
    const calc = this.supported('ExcelApi', '1.6');
    return this.run(async (context) => {
      // the sheet list from the read saves a round trip; without it, list the sheets first. If the user
      // changed sheets in between, a batch fails, the temporary sheets are removed and nothing is lost.
      let names = plan.knownSheets;
      let syncs = 0;
      if (!names) {
        const sheets = context.workbook.worksheets;
        sheets.load('items/name');
        await context.sync();
        syncs++;
        names = sheets.items.map((s) => s.name);
      }
      const existing = new Set(names.map((n) => n.toLowerCase()));
      const { main, final, temps } = this.ops(plan, existing);
      const batches = batch(main);
      batches.push(final);
      const total = batches.length;
      let bytes = 0;
      // one sync per batch; the number of batches grows with the payload's size, never with rows or sheets
      const runBatch = async (i: number): Promise<void> => {
        if (i >= batches.length) return;
        if (calc) context.workbook.application.suspendApiCalculationUntilNextSync();
        for (const op of batches[i]) op.queue(context);
        bytes += batches[i].reduce((n, o) => n + o.bytes, 0);
        await context.sync();
        syncs++;
        progress?.({ done: i + 1, total, label: batches[i][batches[i].length - 1]?.label ?? '' });
        return runBatch(i + 1);
      };
      try {
        await runBatch(0);
      } catch (e) {
        // clean up temporary sheets in one more round trip; the user's sheets were not touched
        const left = await this.cleanup(temps).catch(() => temps);
        const err = e as { code?: string; message?: string };
        throw new WriteFailure(`${err.code ?? 'Error'}: ${err.message ?? String(e)}`, left);
      }
      // one more round trip: the registry as written (state kept in a very hidden sheet, verified), and
      // whether the host applied fit-to-width (ignored until the Page Layout tab was opened, office-js#1860)
      const notes: ReturnType<typeof say>[] = [];
      if (plan.registry || plan.sheets.length) {
        const reg = context.workbook.worksheets.getItemOrNullObject(REGISTRY_SHEET).getUsedRangeOrNullObject();
        reg.load('text');
        const layouts = this.supported('ExcelApi', '1.9') ? plan.sheets.map((sp) => ({ sp, pl: context.workbook.worksheets.getItem(sp.name).pageLayout.load('zoom') })) : [];
        await context.sync();
        syncs++;
        if (plan.registry) {
          const back = reg.isNullObject ? '' : (reg.text as unknown[][]).map((r) => textOf(r[0])).join('');
          if (back !== registryToRows(plan.registry).map((r) => r[0]).join('')) throw new WriteFailure('Sổ đăng ký của Phân công (trang tính ẩn PhanCong_Registry) không được lưu đúng. Hãy lưu tệp, tải lại add-in rồi chạy lại; các trang tính đã tạo vẫn giữ.', []);
        }
        const ignored = layouts.filter(({ pl }) => (pl.zoom as { horizontalFitToPages?: number } | null)?.horizontalFitToPages !== 1).map(({ sp }) => sp.name);
        if (ignored.length)
          notes.push(say('note.fitToWidth', { n: ignored.length, sheets: `${ignored.slice(0, 3).join(', ')}${ignored.length > 3 ? ', …' : ''}` }));
      }
      return { syncs, bytes, notes: notes.map((n) => n.message), noteTexts: notes.map((n) => n.text) };
    });
  }

  private async cleanup(temps: string[]): Promise<string[]> {
    if (!temps.length) return [];
    return this.run(async (context) => {
      const items = temps.map((t) => ({ t, ws: context.workbook.worksheets.getItemOrNullObject(t) }));
      for (const i of items) i.ws.load('isNullObject');
      await context.sync();
      for (const i of items) if (!i.ws.isNullObject) i.ws.delete();
      await context.sync();
      return [];
    });
  }
}

/** Whole-range formats: one set of properties per style range, never per cell. */
function applyFormat(range: Excel.Range, s: CellStyle, rows: number, cols: number): void {
  range.set({
    format: {
    font: { name: s.font.name, size: s.font.size, bold: s.font.bold, italic: s.font.italic, color: s.font.color },
    wrapText: s.wrap,
    horizontalAlignment: (s.horizontal === 'center' ? 'Center' : s.horizontal === 'right' ? 'Right' : 'Left') as Excel.HorizontalAlignment,
    verticalAlignment: (s.vertical === 'center' ? 'Center' : 'Top') as Excel.VerticalAlignment,
    ...(s.fill ? { fill: { color: s.fill } } : {}),
    },
  });
  if (s.border) for (const edge of BORDER_EDGES) range.format.borders.getItem(edge as Excel.BorderIndex).style = 'Continuous' as Excel.BorderLineStyle;
  // a date format: one entry per cell, as Excel wants the array shaped like the range
  if (s.numFmt) range.numberFormat = Array.from({ length: rows }, () => new Array<string>(cols).fill(s.numFmt as string));
}

const BORDER_EDGES = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideHorizontal', 'InsideVertical'];

/** Group operations into batches of at most BATCH_BYTES each. */
export function batch(ops: Op[]): Op[][] {
  const out: Op[][] = [];
  let cur: Op[] = [];
  let bytes = 0;
  for (const op of ops) {
    if (cur.length && bytes + op.bytes > BATCH_BYTES) {
      out.push(cur);
      cur = [];
      bytes = 0;
    }
    cur.push(op);
    bytes += op.bytes;
  }
  if (cur.length) out.push(cur);
  return out;
}

/** The production runner: Excel.run, only ever called here. */
export function officeWorkbook(): OfficeWorkbook {
  const run: Runner = (batchFn) => Excel.run(batchFn);
  const supported: SetSupported = (name, version) => Office.context.requirements.isSetSupported(name, version);
  return new OfficeWorkbook(run, supported);
}
