// A fake Excel host: the subset of the Excel JavaScript API the Office adapter uses, with the
// semantics that matter for performance and correctness:
// - proxy objects queue reads and writes until context.sync();
// - reading a property that was not loaded and synced throws PropertyNotLoaded;
// - getItemOrNullObject / isNullObject;
// - worksheet names are checked like Excel (≤ 31 characters, no []:*?/\, no leading/trailing
//   apostrophe, case-insensitive uniqueness, "History" reserved);
// - every sync is one round trip; its request and response bytes are counted (JSON size of
//   the queued operations and loaded values), and over 5 MB either way throws
//   RequestPayloadSizeLimitExceeded before anything is applied;
// - an optional latency model gives simulated time;
// - an optional fault makes the n-th sync fail, to test what a failure halfway leaves behind.
// Its state is a plain workbook model, so output can be compared with the .xlsx adapter's.

export const PAYLOAD_LIMIT = 5 * 1024 * 1024;
/** One range.values write of more rows than this fails on Excel on the web (2,000 × 10 did; < 500 worked). */
export const MAX_ROWS_PER_WRITE = 1000;
/** More operations than this in one sync hang on desktop and fail on the web (54,000 single-cell writes). */
export const MAX_OPS_PER_SYNC = 50_000;
/** A read of more cells than this comes back null. */
export const MAX_READ_CELLS = 5_000_000;

export class FakeExcelError extends Error {
  constructor(
    public readonly code: string,
    message: string,
    public readonly debugInfo: { code: string; message: string; errorLocation?: string } = { code, message },
  ) {
    super(message);
    this.name = 'RichApi.Error';
  }
}

export interface CellState {
  value: string | number | boolean;
  formula?: string;
  style: Record<string, unknown>;
  /** Range.hyperlink (ExcelApi 1.7): a URL in `address`, a place in the workbook in `documentReference`. */
  hyperlink?: { address?: string; documentReference?: string; textToDisplay?: string };
}

export interface SheetState {
  name: string;
  visibility: 'Visible' | 'Hidden' | 'VeryHidden';
  cells: Map<string, CellState>;
  merges: string[];
  freezeRows: number;
  widths: Map<number, number>;
  page: Record<string, unknown>;
  validations: { address: string; rule: unknown }[];
  conditionalFormats: { address: string; type: string; criteria?: unknown; formula?: string; fill?: string }[];
  /** Number formats set, by "row:col". */
  numberFormats: Map<string, string>;
  tabColor: string | null;
  charts: ChartState[];
  /** Cells with a (threaded) comment; pictures and shapes on the sheet. */
  comments?: string[];
  shapes?: number;
}

export interface ChartState {
  type: string;
  title: string;
  /** "Sheet!A1:B2" of each series' values, and of the category names. */
  series: { name: string; values: string; color: string | null }[];
  categories: string | null;
  reversed: boolean;
  position: string | null;
  legend: string | null;
}

export interface LatencyModel {
  perSyncMs: number;
  bytesPerMs: number;
}

const FORBIDDEN = /[[\]:*?/\\]/;

export function checkSheetName(name: string, existing: string[], self?: string): void {
  if (typeof name !== 'string' || name.length === 0 || name.length > 31 || FORBIDDEN.test(name) || /^'|'$/.test(name) || name.toLowerCase() === 'history')
    throw new FakeExcelError('InvalidArgument', `The argument is invalid or missing or has an incorrect format. (sheet name "${name}")`);
  if (existing.some((e) => e.toLowerCase() === name.toLowerCase() && e !== self)) throw new FakeExcelError('ItemAlreadyExists', `A resource with the same name or identifier already exists. ("${name}")`);
}

function colNum(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + ch.charCodeAt(0) - 64;
  return n;
}
function colLet(n: number): string {
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}
export interface Box {
  r1: number;
  c1: number;
  r2: number;
  c2: number;
}
export function parseAddr(addr: string): Box {
  const a = addr.replace(/^.*!/, '').replace(/\$/g, '');
  const whole = a.match(/^([A-Z]+):([A-Z]+)$/i);
  if (whole) return { r1: 1, c1: colNum(whole[1]), r2: 1048576, c2: colNum(whole[2]) };
  const rows = a.match(/^(\d+):(\d+)$/);
  if (rows) return { r1: Number(rows[1]), c1: 1, r2: Number(rows[2]), c2: 16384 };
  const [p, q] = a.split(':');
  const one = (x: string) => {
    const m = x.match(/^([A-Z]+)(\d+)$/i);
    if (!m) throw new FakeExcelError('InvalidArgument', `The argument is invalid (address "${addr}")`);
    return { r: Number(m[2]), c: colNum(m[1]) };
  };
  const s = one(p);
  const e = q ? one(q) : s;
  return { r1: Math.min(s.r, e.r), c1: Math.min(s.c, e.c), r2: Math.max(s.r, e.r), c2: Math.max(s.c, e.c) };
}
export function boxAddr(b: Box): string {
  const a = `${colLet(b.c1)}${b.r1}`;
  return b.r1 === b.r2 && b.c1 === b.c2 ? a : `${a}:${colLet(b.c2)}${b.r2}`;
}
const key = (r: number, c: number) => `${r}:${c}`;
const overlaps = (a: Box, b: Box) => a.r1 <= b.r2 && a.r2 >= b.r1 && a.c1 <= b.c2 && a.c2 >= b.c1;

interface Op {
  json: string;
  apply: () => void;
}

/** One request context: queue of operations and pending loads. */
class Ctx {
  ops: Op[] = [];
  loads: { json: string; apply: () => unknown }[] = [];
  constructor(public host: FakeExcelHost) {}
  queue(desc: unknown, apply: () => void): void {
    this.ops.push({ json: JSON.stringify(desc), apply });
  }
}

abstract class Proxy {
  protected loaded = new Map<string, unknown>();
  protected pendingLoads = new Set<string>();
  constructor(
    protected ctx: Ctx,
    protected path: string,
  ) {}
  protected get<T>(prop: string): T {
    if (!this.loaded.has(prop)) throw new FakeExcelError('PropertyNotLoaded', `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`);
    return this.loaded.get(prop) as T;
  }
  protected queueSet(prop: string, value: unknown, apply: () => void): void {
    this.ctx.queue({ p: this.path, set: prop, v: value }, apply);
  }
  protected abstract read(prop: string): unknown;
  load(props?: string | string[] | Record<string, unknown>): this {
    const list = typeof props === 'string' ? props.split(',').map((s) => s.trim()) : Array.isArray(props) ? props : props ? Object.keys(props) : [];
    // as in Excel, loading any property of an *OrNullObject proxy also reports isNullObject
    if (!list.includes('isNullObject')) list.push('isNullObject');
    for (const p of list) {
      this.pendingLoads.add(p);
      this.ctx.loads.push({
        json: JSON.stringify({ p: this.path, load: p }),
          apply: () => {
          const isNull = this.read('isNullObject') === true;
          const v = p === 'isNullObject' ? isNull : isNull ? null : this.read(p);
          this.loaded.set(p, v);
          return v;
        },
      });
    }
    return this;
  }
}

export class FakeRange extends Proxy {
  /** "Sheet!A1:B2" as the range stands when a queued command runs. */
  refNow: () => string;
  format: FakeFormat;
  dataValidation: { rule: unknown; clear: () => void };
  conditionalFormats: { add: (type: string) => { colorScale: { criteria: unknown }; custom: { rule: { formula: string }; format: { fill: { color: string } } } } };
  constructor(
    ctx: Ctx,
    private sheetRef: () => SheetState | null,
    private box: () => Box | null,
    path: string,
  ) {
    super(ctx, path);
    this.format = new FakeFormat(ctx, this, path + '.format');
    this.refNow = () => `${this.sheet().name}!${boxAddr(this.resolve())}`;
    const dv = {
      // Excel: clearing first lets a new rule go over an earlier one
      clear: () =>
        this.queueSet('dataValidation.clear', null, () => {
          const b = this.resolve();
          const s = this.sheet();
          s.validations = s.validations.filter((x) => !overlaps(parseAddr(x.address), b));
        }),
    } as { rule: unknown; clear: () => void };
    this.dataValidation = Object.defineProperty(dv, 'rule', {
      set: (rule: unknown) =>
        this.queueSet('dataValidation.rule', rule, () => {
          const b = this.resolve();
          // a rule over a range that overlaps an earlier one (and its prompt) raises InvalidArgument (office-js#2594)
          if (this.sheet().validations.some((x) => overlaps(parseAddr(x.address), b))) throw new FakeExcelError('InvalidArgument', 'The argument is invalid or missing or has an incorrect format (data validation over an earlier one).');
          this.sheet().validations.push({ address: boxAddr(b), rule });
        }),
      get: () => {
        throw new FakeExcelError('PropertyNotLoaded', 'dataValidation.rule is write-only here');
      },
    });
    this.conditionalFormats = {
      add: (type: string) => {
        const cf: { address: string; type: string; criteria?: unknown; formula?: string; fill?: string } = { address: '', type };
        this.ctx.queue({ p: this.path, call: 'conditionalFormats.add', type }, () => {
          cf.address = boxAddr(this.resolve());
          this.sheet().conditionalFormats.push(cf);
        });
        const scale = Object.defineProperty({} as { criteria: unknown }, 'criteria', {
          set: (c: unknown) => this.ctx.queue({ p: this.path, set: 'colorScale.criteria', v: c }, () => (cf.criteria = c)),
        });
        // a custom rule: its formula and the fill it applies
        const rule = Object.defineProperty({} as { formula: string }, 'formula', {
          set: (f: string) => this.ctx.queue({ p: this.path, set: 'custom.rule.formula', v: f }, () => (cf.formula = f)),
        });
        const fill = Object.defineProperty({} as { color: string }, 'color', {
          set: (c: string) => this.ctx.queue({ p: this.path, set: 'custom.format.fill.color', v: c }, () => (cf.fill = c)),
        });
        return { colorScale: scale, custom: { rule, format: { fill } } };
      },
    };
  }
  sheet(): SheetState {
    const s = this.sheetRef();
    if (!s) throw new FakeExcelError('ItemNotFound', 'The requested resource does not exist.');
    return s;
  }
  resolve(): Box {
    const b = this.box();
    if (!b) throw new FakeExcelError('ItemNotFound', 'The requested resource does not exist.');
    return b;
  }
  get isNullObject(): boolean {
    return this.get<boolean>('isNullObject');
  }
  get values(): unknown[][] {
    return this.get('values');
  }
  set values(v: unknown[][]) {
    this.queueSet('values', v, () => {
      if (v.length > MAX_ROWS_PER_WRITE) throw new FakeExcelError('GeneralException', `An internal error has occurred while processing the request (${v.length} rows in one write).`);
      this.writeGrid(v);
    });
  }
  get text(): string[][] {
    return this.get('text');
  }
  get formulas(): unknown[][] {
    return this.get('formulas');
  }
  get numberFormat(): string[][] {
    return this.get('numberFormat');
  }
  /** One cell's link (Excel sets it on the range's cells; here a single cell, as we use it). */
  set hyperlink(h: { address?: string; documentReference?: string; textToDisplay?: string }) {
    this.queueSet('hyperlink', h, () => {
      const b = this.resolve();
      if (b.r1 !== b.r2 || b.c1 !== b.c2) throw new FakeExcelError('InvalidArgument', 'The fake sets a hyperlink on one cell at a time.');
      const k = key(b.r1, b.c1);
      const cur = this.sheet().cells.get(k) ?? { value: '', style: {} };
      this.sheet().cells.set(k, { ...cur, hyperlink: h, value: cur.value === '' && h.textToDisplay ? h.textToDisplay : cur.value });
    });
  }
  /** range.getCellProperties (ExcelApi 1.9): `value` is there after the next sync. */
  getCellProperties(opts: { hyperlink?: boolean }): { readonly value: { hyperlink?: CellState['hyperlink'] }[][] } {
    return clientResult(this.ctx, { p: this.path, call: 'getCellProperties', opts }, () => {
      const b = this.resolve();
      const s = this.sheet();
      const rows: { hyperlink?: CellState['hyperlink'] }[][] = [];
      for (let r = b.r1; r <= b.r2; r++) {
        const row: { hyperlink?: CellState['hyperlink'] }[] = [];
        for (let c = b.c1; c <= b.c2; c++) row.push(opts.hyperlink ? { hyperlink: s.cells.get(key(r, c))?.hyperlink } : {});
        rows.push(row);
      }
      return rows;
    });
  }

  get valueTypes(): string[][] {
    return this.get('valueTypes');
  }
  get address(): string {
    return this.get('address');
  }
  get rowIndex(): number {
    return this.get('rowIndex');
  }
  get columnIndex(): number {
    return this.get('columnIndex');
  }
  get rowCount(): number {
    return this.get('rowCount');
  }
  get columnCount(): number {
    return this.get('columnCount');
  }
  private writeGrid(v: unknown[][]): void {
    const b = this.resolve();
    const s = this.sheet();
    if (!Array.isArray(v) || v.length !== b.r2 - b.r1 + 1 || v.some((row) => !Array.isArray(row) || row.length !== b.c2 - b.c1 + 1))
      throw new FakeExcelError('InvalidArgument', `The number of rows or columns in the input array doesn't match the size or dimensions of the range. (${boxAddr(b)})`);
    v.forEach((row, i) =>
      row.forEach((x, j) => {
        const k = key(b.r1 + i, b.c1 + j);
        const prev = s.cells.get(k);
        if (x === '' || x === null) {
          if (prev) s.cells.set(k, { value: '', style: prev.style });
          return;
        }
        const cell: CellState = { value: '', style: prev?.style ?? {} };
        if (typeof x === 'string' && x.startsWith("'")) cell.value = x.slice(1); // a leading apostrophe makes text
        else if (typeof x === 'string' && x.startsWith('=')) cell.formula = x; // Excel takes "=…" as a formula
        else if (typeof x === 'number' || typeof x === 'boolean') cell.value = x;
        else cell.value = String(x);
        s.cells.set(k, cell);
      }),
    );
  }
  protected read(prop: string): unknown {
    if (prop === 'isNullObject') return this.box() === null;
    const b = this.box();
    if (!b) return null;
    // a read of more than 5 million cells comes back null (office-js-docs-pr#5821)
    if ((prop === 'text' || prop === 'values' || prop === 'valueTypes' || prop === 'formulas') && (b.r2 - b.r1 + 1) * (b.c2 - b.c1 + 1) > MAX_READ_CELLS) return null;
    const s = this.sheet();
    const grid = (f: (c: CellState | undefined) => unknown) => {
      const out: unknown[][] = [];
      for (let r = b.r1; r <= b.r2; r++) {
        const row: unknown[] = [];
        for (let c = b.c1; c <= b.c2; c++) row.push(f(s.cells.get(key(r, c))));
        out.push(row);
      }
      return out;
    };
    switch (prop) {
      // a formula's value is its last result (the fake does not calculate: what was set as its value)
      case 'values':
        return grid((c) => c?.value ?? '');
      case 'formulas':
        return grid((c) => (c?.formula ? c.formula : (c?.value ?? '')));
      case 'numberFormat':
        return grid(() => 'General').map((row, i) => row.map((f, j) => s.numberFormats.get(`${b.r1 + i}:${b.c1 + j}`) ?? f));
      case 'text':
        return grid((c) => (c ? String(c.formula ? '' : c.value) : ''));
      case 'valueTypes':
        return grid((c) => (!c || c.value === '' ? 'Empty' : typeof c.value === 'number' ? 'Double' : typeof c.value === 'boolean' ? 'Boolean' : /^#(REF!|N\/A|VALUE!|DIV\/0!|NAME\?|NUM!|NULL!)$/.test(String(c.value)) ? 'Error' : 'String'));
      case 'address':
        return `${s.name}!${boxAddr(b)}`;
      case 'rowIndex':
        return b.r1 - 1;
      case 'columnIndex':
        return b.c1 - 1;
      case 'rowCount':
        return b.r2 - b.r1 + 1;
      case 'columnCount':
        return b.c2 - b.c1 + 1;
      default:
        throw new FakeExcelError('InvalidArgument', `Unknown property ${prop}`);
    }
  }
  /** A number format per cell: a 2-D array the size of the range, as Excel wants it. */
  set numberFormat(v: unknown[][]) {
    this.ctx.queue({ p: this.path, set: 'numberFormat', v }, () => {
      const b = this.resolve();
      if (!Array.isArray(v) || v.length !== b.r2 - b.r1 + 1 || v.some((row) => !Array.isArray(row) || row.length !== b.c2 - b.c1 + 1))
        throw new FakeExcelError('InvalidArgument', 'The number of rows or columns in the input array doesn\'t match the size or dimensions of the range.');
      v.forEach((row, i) => (row as unknown[]).forEach((f, j) => this.sheet().numberFormats.set(`${b.r1 + i}:${b.c1 + j}`, String(f))));
    });
  }
  /** range.set({ format: { … } }) */
  set(props: { format?: Record<string, unknown>; values?: unknown[][] }): void {
    if (props.values) this.values = props.values;
    if (props.format) this.format.setAll(props.format);
  }
  merge(across = false): void {
    this.ctx.queue({ p: this.path, call: 'merge', across }, () => this.sheet().merges.push(boxAddr(this.resolve())));
  }
  select(): void {
    this.ctx.queue({ p: this.path, call: 'select' }, () => {
      this.ctx.host.selection = `${this.sheet().name}!${boxAddr(this.resolve())}`;
    });
  }
  clear(): void {
    this.ctx.queue({ p: this.path, call: 'clear' }, () => {
      const b = this.resolve();
      const s = this.sheet();
      for (const k of [...s.cells.keys()]) {
        const [r, c] = k.split(':').map(Number);
        if (r >= b.r1 && r <= b.r2 && c >= b.c1 && c <= b.c2) s.cells.delete(k);
      }
    });
  }
  /** Copy formats (ExcelApi 1.9). */
  copyFrom(source: string, copyType: string): void {
    this.ctx.queue({ p: this.path, call: 'copyFrom', source, copyType }, () => {
      const s = this.sheet();
      const src = s.cells.get(key(parseAddr(source).r1, parseAddr(source).c1));
      const b = this.resolve();
      for (let r = b.r1; r <= b.r2; r++)
        for (let c = b.c1; c <= b.c2; c++) {
          const k = key(r, c);
          const cur = s.cells.get(k) ?? { value: '', style: {} };
          s.cells.set(k, { ...cur, style: { ...(src?.style ?? {}) } });
        }
    });
  }
  getMergedAreasOrNullObject(): FakeRangeAreas {
    return new FakeRangeAreas(this.ctx, () => {
      const b = this.box();
      if (!b) return null;
      const s = this.sheet();
      const inside = s.merges.filter((m) => {
        const x = parseAddr(m);
        return x.r1 <= b.r2 && x.r2 >= b.r1 && x.c1 <= b.c2 && x.c2 >= b.c1;
      });
      return inside.length ? inside : null;
    }, this.path + '.mergedAreas');
  }
  styleAt(apply: (st: Record<string, unknown>) => void): void {
    const b = this.resolve();
    const s = this.sheet();
    for (let r = b.r1; r <= Math.min(b.r2, b.r1 + 100000); r++)
      for (let c = b.c1; c <= b.c2; c++) {
        const k = key(r, c);
        const cur = s.cells.get(k) ?? { value: '', style: {} };
        // formatting cells that already hold values makes Excel lay each out again (31 s for 25,000 rows, office-js#12)
        if (cur.value !== '' || cur.formula) this.ctx.host.reformattedCells++;
        const style = { ...cur.style };
        apply(style);
        s.cells.set(k, { ...cur, style });
      }
  }
}

export class FakeRangeAreas extends Proxy {
  constructor(
    ctx: Ctx,
    private areas: () => string[] | null,
    path: string,
  ) {
    super(ctx, path);
  }
  get isNullObject(): boolean {
    return this.get('isNullObject');
  }
  get address(): string {
    return this.get('address');
  }
  protected read(prop: string): unknown {
    const a = this.areas();
    if (prop === 'isNullObject') return a === null;
    if (prop === 'address') return a ? a.join(',') : null;
    if (prop === 'areaCount') return a ? a.length : 0;
    throw new FakeExcelError('InvalidArgument', `Unknown property ${prop}`);
  }
}

class FakeFormat {
  font: Record<string, unknown>;
  fill: Record<string, unknown>;
  borders: { getItem: (edge: string) => Record<string, unknown> };
  constructor(
    private ctx: Ctx,
    private range: FakeRange,
    private path: string,
  ) {
    const styleProp = (group: string) =>
      Proxy_({}, (prop, v) => this.queueStyle(`${group}.${prop}`, v));
    this.font = styleProp('font');
    this.fill = styleProp('fill');
    this.borders = { getItem: (edge: string) => styleProp(`border.${edge}`) };
  }
  setAll(o: Record<string, unknown>): void {
    for (const [k, v] of Object.entries(o)) {
      if ((k === 'font' || k === 'fill') && v && typeof v === 'object') for (const [kk, vv] of Object.entries(v)) this.queueStyle(`${k}.${kk}`, vv);
      else if (k === 'columnWidth') this.columnWidth = v as number;
      else this.queueStyle(k, v);
    }
  }
  private queueStyle(prop: string, v: unknown): void {
    this.ctx.queue({ p: this.path, set: prop, v }, () => this.range.styleAt((st) => (st[prop] = v)));
  }
  set wrapText(v: boolean) {
    this.queueStyle('wrapText', v);
  }
  set horizontalAlignment(v: string) {
    this.queueStyle('horizontalAlignment', v);
  }
  set verticalAlignment(v: string) {
    this.queueStyle('verticalAlignment', v);
  }
  autofitRows(): void {
    this.ctx.queue({ p: this.path, call: 'autofitRows' }, () => this.range.resolve());
  }
  set columnWidth(v: number) {
    this.ctx.queue({ p: this.path, set: 'columnWidth', v }, () => {
      const b = this.range.resolve();
      for (let c = b.c1; c <= b.c2; c++) this.range.sheet().widths.set(c, v);
    });
  }
}

/** A write-only property bag whose sets are queued. */
function Proxy_(target: Record<string, unknown>, onSet: (prop: string, v: unknown) => void): Record<string, unknown> {
  return new globalThis.Proxy(target, {
    set(_t, prop, v) {
      onSet(String(prop), v);
      return true;
    },
    get(_t, prop) {
      if (prop === 'toJSON') return undefined;
      throw new FakeExcelError('PropertyNotLoaded', `The property '${String(prop)}' is not available.`);
    },
  });
}

/**
 * A chart of ExcelApi 1.7 as far as the adapter uses it: add over a range, series named, coloured and
 * added with their values, category names, reversed category order, title, legend, position.
 */
class FakeChart {
  constructor(
    private ctx: Ctx,
    private state: () => ChartState,
    private path: string,
  ) {}
  set title(_v: unknown) {
    throw new FakeExcelError('InvalidArgument', 'chart.title is an object: set chart.title.text');
  }
  get title(): { text: string } {
    const q = (v: string) => this.ctx.queue({ p: this.path, set: 'title.text', v }, () => (this.state().title = v));
    return Object.defineProperty({} as { text: string }, 'text', { set: q });
  }
  get legend(): { position: string } {
    const q = (v: string) => this.ctx.queue({ p: this.path, set: 'legend.position', v }, () => (this.state().legend = v));
    return Object.defineProperty({} as { position: string }, 'position', { set: q });
  }
  get axes(): { categoryAxis: { reversePlotOrder: boolean; setCategoryNames: (r: FakeRange) => void } } {
    const axis = { setCategoryNames: (r: FakeRange) => this.ctx.queue({ p: this.path, call: 'setCategoryNames' }, () => (this.state().categories = r.refNow())) } as { reversePlotOrder: boolean; setCategoryNames: (r: FakeRange) => void };
    Object.defineProperty(axis, 'reversePlotOrder', { set: (v: boolean) => this.ctx.queue({ p: this.path, set: 'reversePlotOrder', v }, () => (this.state().reversed = v)) });
    return { categoryAxis: axis };
  }
  setPosition(from: string, to: string): void {
    this.ctx.queue({ p: this.path, call: 'setPosition', from, to }, () => (this.state().position = `${from}:${to}`));
  }
  get series(): { getItemAt: (i: number) => FakeSeries; add: (name: string) => FakeSeries } {
    return {
      getItemAt: (i) => new FakeSeries(this.ctx, () => {
        const x = this.state().series[i];
        if (!x) throw new FakeExcelError('ItemNotFound', `series ${i}`);
        return x;
      }, `${this.path}.series[${i}]`),
      add: (name) => {
        let made: ChartState['series'][number] | null = null;
        this.ctx.queue({ p: this.path, call: 'series.add', name }, () => {
          made = { name, values: '', color: null };
          this.state().series.push(made);
        });
        return new FakeSeries(this.ctx, () => {
          if (!made) throw new FakeExcelError('InvalidOperation', 'series used before it was added');
          return made;
        }, `${this.path}.series(${name})`);
      },
    };
  }
}

class FakeSeries {
  constructor(
    private ctx: Ctx,
    private state: () => ChartState['series'][number],
    private path: string,
  ) {}
  set name(v: string) {
    this.ctx.queue({ p: this.path, set: 'name', v }, () => (this.state().name = v));
  }
  setValues(r: FakeRange): void {
    this.ctx.queue({ p: this.path, call: 'setValues' }, () => (this.state().values = r.refNow()));
  }
  get format(): { fill: { setSolidColor: (c: string) => void } } {
    return { fill: { setSolidColor: (c: string) => this.ctx.queue({ p: this.path, call: 'setSolidColor', c }, () => (this.state().color = c)) } };
  }
}

/** A ClientResult: `value` after the next sync, PropertyNotLoaded before. */
function clientResult<T>(ctx: Ctx, desc: unknown, compute: () => T): { readonly value: T } {
  let ready = false;
  let value: T;
  ctx.loads.push({
    json: JSON.stringify(desc),
    apply: () => {
      value = compute();
      ready = true;
      return value;
    },
  });
  return {
    get value(): T {
      if (!ready) throw new FakeExcelError('PropertyNotLoaded', 'The value of the result object has not been loaded yet. Before reading the value property, call "context.sync()" on the associated request context.');
      return value;
    },
  };
}

export class FakeWorksheet extends Proxy {
  charts: { add: (type: string, source: FakeRange, seriesBy: string) => FakeChart };
  /** ExcelApi 1.10 / 1.9: counts only (what the adapter asks). */
  comments: { getCount: () => { readonly value: number } };
  shapes: { getCount: () => { readonly value: number } };
  freezePanes: { freezeRows: (n: number) => void };
  pageLayout: Record<string, unknown> & { setPrintTitleRows: (a: string) => void };
  constructor(
    ctx: Ctx,
    public resolveSheet: () => SheetState | null,
    path: string,
  ) {
    super(ctx, path);
    this.freezePanes = { freezeRows: (n: number) => this.ctx.queue({ p: path, call: 'freezeRows', n }, () => (this.must().freezeRows = n)) };
    this.comments = { getCount: () => clientResult(ctx, { p: path, call: 'comments.getCount' }, () => this.must().comments?.length ?? 0) };
    this.shapes = { getCount: () => clientResult(ctx, { p: path, call: 'shapes.getCount' }, () => this.must().shapes ?? 0) };
    this.charts = {
      add: (type, source, seriesBy) => {
        let made: ChartState | null = null;
        this.ctx.queue({ p: path, call: 'charts.add', type, seriesBy }, () => {
          const ref = source.refNow();
          if (!/^[^!]+![A-Z]+\d+:[A-Z]+\d+$/.test(ref)) throw new FakeExcelError('InvalidArgument', `chart source ${ref}`);
          made = { type, title: '', series: [{ name: `Series1`, values: ref, color: null }], categories: null, reversed: false, position: null, legend: null };
          this.must().charts.push(made);
        });
        return new FakeChart(this.ctx, () => {
          if (!made) throw new FakeExcelError('InvalidOperation', 'chart used before it was added');
          return made;
        }, `${path}.chart`);
      },
    };
    const page: Record<string, unknown> = {};
    const pageLoaded: Record<string, unknown> = {};
    const pl: Record<string, unknown> = new globalThis.Proxy(page, {
      set: (_t, prop, v) => {
        this.ctx.queue({ p: path, set: `pageLayout.${String(prop)}`, v }, () => {
          // office-js#1860: fit-to-pages set through the API is ignored until the Page Layout tab was opened
          if (String(prop) === 'zoom' && this.ctx.host.ignoreZoom) return;
          this.must().page[String(prop)] = v;
        });
        return true;
      },
      get: (_t, prop) => {
        if (prop === 'load')
          return (what: string) => {
            for (const w of what.split(',').map((x) => x.trim()))
              this.ctx.loads.push({ json: JSON.stringify({ p: path, load: `pageLayout.${w}` }), apply: () => (pageLoaded[w] = this.must().page[w] ?? null) });
            return pl;
          };
        if (Object.hasOwn(pageLoaded, String(prop))) return pageLoaded[String(prop)];
        if (prop === 'setPrintTitleRows') return (a: string) => this.ctx.queue({ p: path, call: 'setPrintTitleRows', a }, () => (this.must().page.printTitleRows = a));
        // ExcelApi 1.9: what the sheet prints repeated, and its print area (null objects when unset)
        if (prop === 'getPrintTitleRowsOrNullObject' || prop === 'getPrintAreaOrNullObject')
          return () =>
            new FakeRange(
              this.ctx,
              () => this.must(),
              () => {
                const v = this.must().page[prop === 'getPrintAreaOrNullObject' ? 'printArea' : 'printTitleRows'];
                if (typeof v !== 'string') return null;
                const rows = v.replace(/\$/g, '').match(/^(\d+):(\d+)$/);
                return rows ? { r1: Number(rows[1]), r2: Number(rows[2]), c1: 1, c2: 16384 } : parseAddr(v);
              },
              `${path}.pageLayout.${String(prop)}()`,
            );
        // ExcelApi 1.9: pageLayout.headersFooters.defaultForAllPages.{left,center,right}Footer
        if (prop === 'headersFooters')
          return {
            defaultForAllPages: new globalThis.Proxy({} as Record<string, unknown>, {
              set: (_t2, p2, v) => {
                if (!/^(left|center|right)(Header|Footer)$/.test(String(p2))) throw new FakeExcelError('InvalidArgument', `No such header/footer part: ${String(p2)}`);
                this.ctx.queue({ p: path, set: `pageLayout.headersFooters.defaultForAllPages.${String(p2)}`, v }, () => (this.must().page[String(p2)] = v));
                return true;
              },
            }),
          };
        throw new FakeExcelError('PropertyNotLoaded', `The property '${String(prop)}' is not available.`);
      },
    });
    this.pageLayout = pl as Record<string, unknown> & { setPrintTitleRows: (a: string) => void };
  }
  private must(): SheetState {
    const s = this.resolveSheet();
    if (!s) throw new FakeExcelError('ItemNotFound', `The requested resource does not exist. (${this.path})`);
    return s;
  }
  get name(): string {
    return this.get('name');
  }
  set name(v: string) {
    this.queueSet('name', v, () => {
      const s = this.must();
      checkSheetName(v, this.ctx.host.sheets.map((x) => x.name), s.name);
      s.name = v;
    });
  }
  get visibility(): string {
    return this.get('visibility');
  }
  set visibility(v: string) {
    this.queueSet('visibility', v, () => (this.must().visibility = v as SheetState['visibility']));
  }
  get isNullObject(): boolean {
    return this.get('isNullObject');
  }
  set tabColor(v: string) {
    this.queueSet('tabColor', v, () => (this.must().tabColor = v));
  }
  /** Moves the sheet in the tab order, as Excel does (0-based; beyond the end is an error). */
  set position(v: number) {
    this.queueSet('position', v, () => {
      const s = this.must();
      const all = this.ctx.host.sheets;
      if (!Number.isInteger(v) || v < 0 || v >= all.length) throw new FakeExcelError('InvalidArgument', `The position ${v} is out of range.`);
      all.splice(all.indexOf(s), 1);
      all.splice(v, 0, s);
    });
  }
  protected read(prop: string): unknown {
    const s = this.resolveSheet();
    if (prop === 'isNullObject') return s === null;
    if (!s) throw new FakeExcelError('ItemNotFound', `The requested resource does not exist. (${this.path})`);
    if (prop === 'name') return s.name;
    if (prop === 'visibility') return s.visibility;
    if (prop === 'position') return this.ctx.host.sheets.indexOf(s);
    throw new FakeExcelError('InvalidArgument', `Unknown property ${prop}`);
  }
  getRange(address: string): FakeRange {
    return new FakeRange(this.ctx, () => this.must(), () => parseAddr(address), `${this.path}.range(${address})`);
  }
  private used(): Box | null {
    const s = this.resolveSheet();
    if (!s) return null;
    let b: Box | null = null;
    for (const [k, c] of s.cells) {
      if (c.value === '' && !c.formula) continue;
      const [r, col] = k.split(':').map(Number);
      b = b ? { r1: Math.min(b.r1, r), c1: Math.min(b.c1, col), r2: Math.max(b.r2, r), c2: Math.max(b.c2, col) } : { r1: r, c1: col, r2: r, c2: col };
    }
    return b;
  }
  getUsedRangeOrNullObject(): FakeRange {
    return new FakeRange(this.ctx, () => this.resolveSheet(), () => this.used(), `${this.path}.usedRange`);
  }
  getUsedRange(): FakeRange {
    return new FakeRange(this.ctx, () => this.must(), () => this.used() ?? { r1: 1, c1: 1, r2: 1, c2: 1 }, `${this.path}.usedRange`);
  }
  delete(): void {
    this.ctx.queue({ p: this.path, call: 'delete' }, () => {
      const s = this.must();
      const host = this.ctx.host;
      if (host.sheets.filter((x) => x.visibility === 'Visible' && x !== s).length === 0) throw new FakeExcelError('InvalidOperation', 'A workbook must contain at least one visible worksheet.');
      host.sheets.splice(host.sheets.indexOf(s), 1);
    });
  }
  activate(): void {
    this.ctx.queue({ p: this.path, call: 'activate' }, () => {
      this.ctx.host.active = this.must().name;
    });
  }
}

class FakeWorksheetCollection extends Proxy {
  private itemsCache: FakeWorksheet[] = [];
  constructor(ctx: Ctx) {
    super(ctx, 'worksheets');
  }
  private find(name: string): SheetState | null {
    return this.ctx.host.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase()) ?? null;
  }
  get items(): FakeWorksheet[] {
    this.get('items');
    return this.itemsCache;
  }
  protected read(prop: string): unknown {
    if (prop.startsWith('items')) {
      const sub = prop.split('/')[1];
      this.itemsCache = this.ctx.host.sheets.map((s) => {
        const ws = new FakeWorksheet(this.ctx, () => s, `worksheets[${s.name}]`);
        (ws as unknown as { loaded: Map<string, unknown> }).loaded.set('name', s.name);
        (ws as unknown as { loaded: Map<string, unknown> }).loaded.set('visibility', s.visibility);
        return ws;
      });
      this.loaded.set('items', true);
      return this.ctx.host.sheets.map((s) => (sub ? { [sub]: (s as unknown as Record<string, unknown>)[sub] } : { name: s.name, visibility: s.visibility }));
    }
    throw new FakeExcelError('InvalidArgument', `Unknown property ${prop}`);
  }
  override load(props?: string | string[] | Record<string, unknown>): this {
    const list = typeof props === 'string' ? props.split(',').map((s) => s.trim()) : Array.isArray(props) ? props : [];
    for (const p of list) {
      this.ctx.loads.push({ json: JSON.stringify({ p: 'worksheets', load: p }), apply: () => this.read(p) });
    }
    return this;
  }
  getItem(name: string): FakeWorksheet {
    let resolved: SheetState | null | undefined;
    return new FakeWorksheet(
      this.ctx,
      () => {
        if (resolved === undefined || !this.ctx.host.sheets.includes(resolved as SheetState)) resolved = this.find(name);
        if (!resolved) throw new FakeExcelError('ItemNotFound', `The requested resource does not exist. (worksheet "${name}")`);
        return resolved;
      },
      `worksheets[${name}]`,
    );
  }
  getItemOrNullObject(name: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, () => this.find(name), `worksheets?[${name}]`);
  }
  getActiveWorksheet(): FakeWorksheet {
    return new FakeWorksheet(this.ctx, () => this.find(this.ctx.host.active ?? '') ?? this.ctx.host.sheets[0] ?? null, 'activeWorksheet');
  }
  add(name: string): FakeWorksheet {
    this.ctx.queue({ p: 'worksheets', call: 'add', name }, () => {
      checkSheetName(name, this.ctx.host.sheets.map((s) => s.name));
      this.ctx.host.sheets.push(newSheet(name));
    });
    return this.getItem(name);
  }
}

export function newSheet(name: string): SheetState {
  return { name, visibility: 'Visible', cells: new Map(), merges: [], freezeRows: 0, widths: new Map(), page: {}, validations: [], conditionalFormats: [], numberFormats: new Map(), tabColor: null, charts: [] };
}

export interface FakeContext {
  workbook: {
    worksheets: FakeWorksheetCollection;
    application: { suspendApiCalculationUntilNextSync: () => void };
  };
  sync: () => Promise<void>;
}

export class FakeExcelHost {
  sheets: SheetState[] = [];
  active: string | null = null;
  selection: string | null = null;
  syncs = 0;
  requestBytes = 0;
  responseBytes = 0;
  maxRequestBytes = 0;
  simulatedMs = 0;
  /** Make the n-th sync (1-based, counted from now) fail with GeneralException. */
  failOnSync: number | null = null;
  /** The next n syncs never resolve (Excel on the web with a large workbook, office-js#6678). */
  hangSyncs = 0;
  /** The host ignores pageLayout.zoom fit-to-pages (office-js#1860: until the Page Layout tab was opened). */
  ignoreZoom = false;
  /** Recalculations: a sync that writes values without suspendApiCalculationUntilNextSync recalculates. */
  recalculations = 0;
  /** Cells formatted after they were given a value (each laid out again). */
  reformattedCells = 0;
  supported = new Set(['1.1', '1.2', '1.3', '1.4', '1.5', '1.6', '1.7', '1.8', '1.9', '1.10', '1.11', '1.12', '1.13']);
  constructor(public latency: LatencyModel | null = null) {}

  isSetSupported = (name: string, version: string): boolean => name === 'ExcelApi' && this.supported.has(version);

  resetCounters(): void {
    this.syncs = 0;
    this.recalculations = 0;
    this.reformattedCells = 0;
    this.requestBytes = 0;
    this.responseBytes = 0;
    this.maxRequestBytes = 0;
    this.simulatedMs = 0;
  }

  /** Excel.run */
  run = async <T>(batch: (context: FakeContext) => Promise<T>): Promise<T> => {
    const ctx = new Ctx(this);
    const context: FakeContext = {
      workbook: {
        worksheets: new FakeWorksheetCollection(ctx),
        application: { suspendApiCalculationUntilNextSync: () => ctx.queue({ call: 'suspendApiCalculationUntilNextSync' }, () => undefined) },
      },
      sync: () => this.sync(ctx),
    };
    const result = await batch(context);
    if (ctx.ops.length || ctx.loads.length) await this.sync(ctx);
    return result;
  };

  private async sync(ctx: Ctx): Promise<void> {
    const ops = ctx.ops;
    const loads = ctx.loads;
    ctx.ops = [];
    ctx.loads = [];
    const request = ops.reduce((n, o) => n + o.json.length, 0) + loads.reduce((n, l) => n + l.json.length, 0) + 2;
    this.syncs++;
    if (this.hangSyncs > 0) {
      this.hangSyncs--;
      return new Promise<void>(() => undefined);
    }
    this.requestBytes += request;
    this.maxRequestBytes = Math.max(this.maxRequestBytes, request);
    if (ops.length > MAX_OPS_PER_SYNC) throw new FakeExcelError('GeneralException', `An internal error has occurred while processing the request (${ops.length} operations in one sync).`);
    if (ops.some((o) => o.json.includes('"set":"values"')) && !ops.some((o) => o.json.includes('suspendApiCalculationUntilNextSync'))) this.recalculations++;
    if (this.failOnSync !== null) {
      this.failOnSync--;
      if (this.failOnSync === 0) {
        this.failOnSync = null;
        throw new FakeExcelError('GeneralException', 'An internal error has occurred while processing the request (injected fault).');
      }
    }
    if (request > PAYLOAD_LIMIT) throw new FakeExcelError('RequestPayloadSizeLimitExceeded', `The request payload size has exceeded the limit (${request} bytes).`);
    for (const op of ops) op.apply();
    let response = 2;
    for (const l of loads) response += JSON.stringify(l.apply() ?? null).length;
    if (response > PAYLOAD_LIMIT) throw new FakeExcelError('ResponsePayloadSizeLimitExceeded', `The response payload size has exceeded the limit (${response} bytes).`);
    this.responseBytes += response;
    if (this.latency) this.simulatedMs += this.latency.perSyncMs + (request + response) / this.latency.bytesPerMs;
  }

  // ---- helpers for tests ----
  addSheet(name: string, rows: (string | number)[][] = [], merges: string[] = []): SheetState {
    checkSheetName(name, this.sheets.map((s) => s.name));
    const s = newSheet(name);
    rows.forEach((r, i) =>
      r.forEach((v, j) => {
        if (v !== '' && v !== null && v !== undefined) s.cells.set(key(i + 1, j + 1), { value: v, style: {} });
      }),
    );
    s.merges.push(...merges);
    this.sheets.push(s);
    if (!this.active) this.active = name;
    return s;
  }

  sheet(name: string): SheetState | undefined {
    return this.sheets.find((s) => s.name === name);
  }

  /** Cell values of a sheet as a dense grid of text (formulas as "=…"). */
  grid(name: string): string[][] {
    const s = this.sheet(name);
    if (!s) return [];
    let maxR = 0;
    let maxC = 0;
    for (const [k, c] of s.cells) {
      if (c.value === '' && !c.formula) continue;
      const [r, col] = k.split(':').map(Number);
      maxR = Math.max(maxR, r);
      maxC = Math.max(maxC, col);
    }
    const out: string[][] = [];
    for (let r = 1; r <= maxR; r++) {
      const row: string[] = [];
      for (let c = 1; c <= maxC; c++) {
        const cell = s.cells.get(key(r, c));
        row.push(cell ? (cell.formula ?? String(cell.value)) : '');
      }
      out.push(row);
    }
    return out;
  }
}
