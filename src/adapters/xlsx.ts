// .xlsx adapter: the same port as Office.js, on the file's package. It reads only the parts it needs and
// writes back every part it did not change byte for byte (charts, pivots, macros, comments, a user's
// names and protection all stay). Our sheets are parts of their own; a user's sheet is changed by
// splicing the cells we write into its XML. Used by the command line and the pane outside Excel.
import { parseRange, sheetRef } from '../core/address';
import { REGISTRY_SHEET, registryFromRows, registryToRows, type Registry } from '../core/registry';
import { emptyGrid, type Grid } from '../core/table';
import type { SheetPlan } from '../core/schemas';
import { tabColorOf } from '../core/generate';
import { planLinks } from '../core/styles';
import { say } from '../core/messages';
import { tabOrder, type ReadRequest, type ReadSheetsOptions, type SheetInfo, type Snapshot, type WorkbookPort, type WritePlan, type WriteProgress, type WriteResult } from '../port/workbook';
import { CT_WORKSHEET, NS_REL, OpcPackage, REL_CALC_CHAIN, REL_HYPERLINK, REL_OFFICE_DOCUMENT, REL_SHARED_STRINGS, REL_STYLES, REL_WORKSHEET, relsOf, type Relationship } from './ooxml/package';
import { readSharedStrings, readSheet, type SheetRead } from './ooxml/read';
import { CT_CHART, CT_DRAWING, REL_CHART, REL_DRAWING, chartPartXml, drawingPartXml, isOurChartPart } from './ooxml/chart';
import type { Codec } from './ooxml/zip';
import { EMPTY_STYLES, Styles } from './ooxml/styles';
import { EMPTY_SHEET, CellStyles, patchCells, withMergeCells, patchDefaultPrint, sheetPartBytes, textColumnPartXml, type CellPatch } from './ooxml/write';
import { escAttr, esc, findElement, tagAttrs, withAttrs, xmlPieces, xmlSafe } from './ooxml/xml';

type State = 'visible' | 'hidden' | 'veryHidden';
type Note = ReturnType<typeof say>;

/** The cells a comments part annotates. */
function commentRefs(xml: string | null): string[] {
  return [...(xml ?? '').matchAll(/<(?:[\w.-]+:)?comment\b[^>]*\bref="([^"]+)"/g)].map((m) => m[1]);
}

/** A macrotask break without timer clamping (MessageChannel): the host runs what is waiting, then we go on. */
function yieldToHost(): Promise<void> {
  if (typeof MessageChannel === 'undefined') return new Promise((resolve) => setTimeout(resolve, 0));
  return new Promise((resolve) => {
    const c = new MessageChannel();
    c.port1.onmessage = () => {
      c.port1.close();
      resolve();
    };
    c.port2.postMessage(0);
  });
}

interface SheetEntry {
  name: string;
  state: State;
  /** The <sheet/> element as the file has it ('' for a sheet we add). */
  raw: string;
  rid: string;
  part: string;
  sheetId: number;
}

interface DefinedName {
  raw: string;
  name: string;
  /** Index into the sheet list as read (null: workbook scope). */
  local: number | null;
  text: string;
}

const STATE_OF: Record<string, State> = { hidden: 'hidden', veryHidden: 'veryHidden' };
const VIS: Record<State, SheetInfo['visibility']> = { visible: 'Visible', hidden: 'Hidden', veryHidden: 'VeryHidden' };

const EMPTY_WORKBOOK = {
  '[Content_Types].xml':
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>',
  '_rels/.rels': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL_OFFICE_DOCUMENT}" Target="xl/workbook.xml"/></Relationships>`,
  'xl/workbook.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${NS_REL}"><bookViews><workbookView/></bookViews><sheets></sheets></workbook>`,
  'xl/_rels/workbook.xml.rels': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL_STYLES}" Target="styles.xml"/></Relationships>`,
  'xl/styles.xml': EMPTY_STYLES,
};

function relTarget(fromPart: string, toPart: string): string {
  const from = fromPart.split('/').slice(0, -1);
  const to = toPart.split('/');
  let i = 0;
  while (i < from.length && i < to.length - 1 && from[i] === to[i]) i++;
  return [...from.slice(i).map(() => '..'), ...to.slice(i)].join('/');
}

export class XlsxWorkbook implements WorkbookPort {
  private readonly book: string;
  private sheets: SheetEntry[] = [];
  private names: DefinedName[] = [];
  private activeTab = 0;
  private date1904 = false;
  /** The prefix the root declares for relationship ids ('' when it declares none). */
  private relPrefix = 'r';
  private strings: string[] | null = null;
  private styles: Styles | null = null;
  private stylesPart: string | null = null;

  private constructor(public readonly pkg: OpcPackage) {
    const root = pkg.rels('').find((r) => r.type === REL_OFFICE_DOCUMENT || r.type.endsWith('/officeDocument'));
    if (!root || !pkg.has(root.part)) throw new Error('no workbook part');
    this.book = root.part;
    this.parseBook();
  }

  /** `codec` compresses what changes (Node passes its native zlib; fflate otherwise). */
  static async load(data: ArrayBuffer | Uint8Array, codec?: Codec): Promise<XlsxWorkbook> {
    return new XlsxWorkbook(OpcPackage.open(data instanceof Uint8Array ? data : new Uint8Array(data), codec));
  }

  /** A new workbook with no sheets (the import creates its own). */
  static empty(codec?: Codec): XlsxWorkbook {
    return new XlsxWorkbook(OpcPackage.fromTexts(EMPTY_WORKBOOK, codec));
  }

  /** The file's bytes; `codec` compresses what changed (by default the one given to `load`). */
  async save(codec?: Codec): Promise<Uint8Array> {
    await this.pkg.settle();
    return this.pkg.save(codec);
  }

  private bookRels(): Relationship[] {
    return this.pkg.rels(this.book);
  }

  private parseBook(): void {
    const xml = this.pkg.text(this.book) as string;
    // the relationships prefix as the root declares it; openpyxl declares it on each <sheet> instead
    const root = findElement(xml, 'workbook');
    const rootTag = root ? xml.slice(root.start, root.openEnd) : '';
    const prefix = /xmlns:([\w.-]+)\s*=\s*["']http:\/\/schemas\.openxmlformats\.org\/officeDocument\/2006\/relationships["']/.exec(rootTag);
    this.relPrefix = prefix ? prefix[1] : '';
    const rels = new Map(this.bookRels().map((r) => [r.id, r]));
    const sh = findElement(xml, 'sheets');
    this.sheets = [];
    if (sh && !sh.selfClosing) {
      for (const m of xml.slice(sh.openEnd, sh.end).matchAll(/<(?:[\w.-]+:)?sheet\b[^>]*?(?:\/>|>[\s\S]*?<\/(?:[\w.-]+:)?sheet>)/g)) {
        const a = tagAttrs(m[0]);
        const rid = a[`${this.relPrefix || 'r'}:id`] ?? Object.entries(a).find(([k]) => k.endsWith(':id'))?.[1] ?? '';
        const rel = rels.get(rid);
        this.sheets.push({ name: a.name ?? '', state: STATE_OF[a.state ?? ''] ?? 'visible', raw: m[0], rid, part: rel?.part ?? '', sheetId: Number(a.sheetId ?? 0) });
      }
    }
    const dn = findElement(xml, 'definedNames');
    this.names = [];
    if (dn && !dn.selfClosing) {
      for (const m of xml.slice(dn.openEnd, dn.end).matchAll(/<(?:[\w.-]+:)?definedName\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:[\w.-]+:)?definedName>)/g)) {
        const a = tagAttrs(m[0]);
        this.names.push({ raw: m[0], name: a.name ?? '', local: a.localSheetId !== undefined ? Number(a.localSheetId) : null, text: m[1] ?? '' });
      }
    }
    const view = findElement(xml, 'workbookView');
    this.activeTab = view ? Number(tagAttrs(xml.slice(view.start, view.openEnd)).activeTab ?? 0) : 0;
    const pr = findElement(xml, 'workbookPr');
    const d = pr ? tagAttrs(xml.slice(pr.start, pr.openEnd)).date1904 : undefined;
    this.date1904 = d === '1' || d === 'true';
  }

  private byName(name: string): SheetEntry | undefined {
    const k = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === k);
  }

  private getStyles(): Styles {
    if (!this.styles) {
      const rel = this.bookRels().find((r) => r.type === REL_STYLES);
      this.stylesPart = rel?.part ?? 'xl/styles.xml';
      this.styles = new Styles(this.pkg.text(this.stylesPart) ?? EMPTY_STYLES);
    }
    return this.styles;
  }

  private sharedStrings = (): string[] => {
    if (!this.strings) {
      const rel = this.bookRels().find((r) => r.type === REL_SHARED_STRINGS);
      this.strings = readSharedStrings(rel ? this.pkg.text(rel.part) : null);
    }
    return this.strings;
  };

  /** `typed`: with what the cells of those columns hold beyond their text (numbers, formulas, links), for carrying it over. */
  private gridOf(s: SheetEntry, typed?: (col: number) => boolean): { grid: Grid; printSetup: boolean } {
    if (!typed) {
      const xml = this.pkg.text(s.part);
      if (xml === null) return { grid: emptyGrid(s.name), printSetup: false };
      return readSheet(xml, s.name, this.sharedStrings, this.getStyles(), this.date1904);
    }
    // a sheet read whole (ours, before they are made again) is read once, in pieces of its bytes: its
    // text is never one string of megabytes, nor kept
    const bytes = this.pkg.bytes(s.part);
    if (!bytes) return { grid: emptyGrid(s.name), printSetup: false };
    const rels = this.pkg.rels(s.part);
    const links = new Map(rels.filter((r) => r.external && r.type.endsWith('/hyperlink')).map((r) => [r.id, r.target]));
    const how = { linkTarget: (rid: string) => links.get(rid), cols: typed };
    let read: SheetRead;
    try {
      read = readSheet(xmlPieces(bytes), s.name, this.sharedStrings, this.getStyles(), this.date1904, how);
    } catch {
      // a "</row>" inside a CDATA section or a comment cut a piece: the part whole (it throws if it is broken)
      read = readSheet(this.pkg.text(s.part, false) ?? '', s.name, this.sharedStrings, this.getStyles(), this.date1904, how);
    }
    // comments and pictures a person added (our own charts are not theirs)
    const commentCells = rels.filter((r) => r.type.endsWith('/comments')).flatMap((r) => commentRefs(this.pkg.text(r.part)));
    const pictures = rels.filter((r) => r.type.endsWith('/drawing') && !isOurChartPart(r.part)).length;
    if (commentCells.length || pictures) read.grid.hung = { comments: commentCells.length, commentCells, pictures };
    return read;
  }

  async read(req: ReadRequest): Promise<Snapshot> {
    const sheets = this.sheets.map((s) => ({ name: s.name, visibility: VIS[s.state] }));
    const firstVisible = this.sheets.find((s) => s.state === 'visible');
    const tab = this.sheets[this.activeTab];
    const active = tab && tab.state === 'visible' ? tab : firstVisible;
    const want = new Set<string>(req.extra);
    if (req.sheet) want.add(req.sheet);
    else if (active) want.add(active.name);
    const reg = this.byName(REGISTRY_SHEET);
    const registry = reg ? registryFromRows(this.gridOf(reg).grid.values) : null;
    // every visible sheet of the user's: our generated sheets (tens of megabytes after a run) are not parsed
    // unless asked for by name; the use-cases read them with readSheets when they need them
    const ours = new Set((registry?.sheets ?? []).map((s) => s.name.toLowerCase()));
    if (req.allSheets) for (const s of this.sheets) if (s.state === 'visible' && !ours.has(s.name.toLowerCase())) want.add(s.name);
    const grids: Record<string, Grid> = {};
    const ownPrintSetup: Record<string, boolean> = {};
    for (const n of want) {
      const s = this.byName(n);
      if (!s) continue;
      const r = this.gridOf(s);
      grids[s.name] = r.grid;
      const i = this.sheets.indexOf(s);
      ownPrintSetup[s.name] = r.printSetup || this.names.some((d) => d.local === i && /^_xlnm\.(Print_Titles|Print_Area)$/i.test(d.name));
    }
    // our sheets still exactly as we wrote them (the fingerprint we registered is the part's CRC and length)
    const untouched = (registry?.sheets ?? []).filter((e) => {
      const s = e.fingerprint ? this.byName(e.name) : undefined;
      return !!s && this.pkg.fingerprint(s.part) === e.fingerprint;
    });
    return { sheets, active: active?.name ?? null, grids, registry, ownPrintSetup, untouched: untouched.map((e) => e.name) };
  }

  async readSheets(names: string[], opts: ReadSheetsOptions = {}): Promise<Record<string, Grid>> {
    const out: Record<string, Grid> = {};
    for (const n of names) {
      const s = this.byName(n);
      if (s) out[s.name] = this.gridOf(s, opts.typed).grid;
    }
    return out;
  }

  private freePart(): string {
    const used = new Set(this.pkg.names().map((n) => n.toLowerCase()));
    let n = 1;
    while (used.has(`xl/worksheets/sheet${n}.xml`)) n++;
    return `xl/worksheets/sheet${n}.xml`;
  }

  /** `xml` as bytes: a part written whole, compressed now (OpcPackage.setFinal). */
  private addSheet(name: string, state: State, xml: string | Uint8Array, part = this.freePart()): SheetEntry {
    if (typeof xml === 'string') this.pkg.setText(part, xml);
    else this.pkg.setFinal(part, xml);
    this.pkg.setOverride(part, CT_WORKSHEET);
    const rid = this.pkg.addRel(this.book, REL_WORKSHEET, relTarget(this.book, part));
    const sheetId = Math.max(0, ...this.sheets.map((s) => s.sheetId)) + 1;
    const entry: SheetEntry = { name, state, raw: '', rid, part, sheetId };
    this.sheets.push(entry);
    return entry;
  }

  /**
   * Replace one of our sheets' part in place (its position, id and relationship stay). What a person
   * hung off our old sheet (comments, pictures) has no place on the new one: it is said in `notes`.
   */
  private replaceSheet(s: SheetEntry, state: State, xml: string | Uint8Array, notes: Note[]): void {
    this.releaseSheet(s, notes);
    if (typeof xml === 'string') this.pkg.setText(s.part, xml);
    else this.pkg.setFinal(s.part, xml);
    s.state = state;
  }

  /**
   * What hangs off one of our sheets about to be written again goes: our own charts silently; what a
   * person added (comments, pictures, charts) has no place on the new sheet, and is said in `notes`.
   */
  private releaseSheet(s: SheetEntry, notes: Note[]): void {
    const rels = this.pkg.rels(s.part);
    for (const r of rels) {
      if (r.type.endsWith('/comments')) {
        const refs = commentRefs(this.pkg.text(r.part));
        if (refs.length) notes.push(say('note.comments', { sheet: s.name, cells: refs.join(', ') }));
      } else if (r.type.endsWith('/drawing')) {
        if (isOurChartPart(r.part)) this.removeDrawing(r.part);
        else notes.push(say('note.drawing', { sheet: s.name }));
      }
    }
    if (rels.length) this.pkg.remove(relsOf(s.part));
  }

  /** A sheet under a new name; the names scoped to it (its print titles) point at it by the new name. */
  private renameSheet(s: SheetEntry, to: string): void {
    const i = this.sheets.indexOf(s);
    const from = s.name;
    s.name = to;
    if (s.raw) s.raw = withAttrs(s.raw, { name: to });
    const now = esc(sheetRef(to, ''));
    for (const d of this.names) {
      if (d.local !== i) continue;
      const at = d.raw.indexOf('>') + 1;
      let body = d.raw.slice(at).split(esc(sheetRef(from, ''))).join(now);
      // a name without spaces or punctuation may be written unquoted
      if (/^[\p{L}\p{N}_.]+$/u.test(from)) body = body.split(esc(`${from}!`)).join(now);
      d.raw = d.raw.slice(0, at) + body;
    }
  }

  /** One of our drawings and its charts, parts and content types. */
  private removeDrawing(part: string): void {
    for (const r of this.pkg.rels(part)) {
      if (!isOurChartPart(r.part)) continue;
      this.pkg.remove(r.part);
      this.pkg.removeOverride(r.part);
    }
    this.pkg.remove(relsOf(part));
    this.pkg.remove(part);
    this.pkg.removeOverride(part);
  }

  /** The drawing of a sheet plan's charts, related to the sheet part; its relationship id. */
  private addCharts(sheetPart: string, sp: SheetPlan): string {
    const used = new Set(this.pkg.names().map((n) => n.toLowerCase()));
    let d = 1;
    while (used.has(`xl/drawings/drawingpc${d}.xml`)) d++;
    const drawing = `xl/drawings/drawingPc${d}.xml`;
    const rids = (sp.charts ?? []).map((ch) => {
      let c = 1;
      while (used.has(`xl/charts/chartpc${c}.xml`)) c++;
      const part = `xl/charts/chartPc${c}.xml`;
      used.add(part.toLowerCase());
      this.pkg.setText(part, chartPartXml(ch));
      this.pkg.setOverride(part, CT_CHART);
      return this.pkg.addRel(drawing, REL_CHART, relTarget(drawing, part));
    });
    this.pkg.setText(drawing, drawingPartXml(sp.charts ?? [], rids));
    this.pkg.setOverride(drawing, CT_DRAWING);
    return this.pkg.addRel(sheetPart, REL_DRAWING, relTarget(sheetPart, drawing));
  }

  private removeSheet(s: SheetEntry): void {
    for (const r of this.pkg.rels(s.part)) if (r.type.endsWith('/drawing') && isOurChartPart(r.part)) this.removeDrawing(r.part);
    this.pkg.remove(s.part);
    this.pkg.remove(relsOf(s.part));
    this.pkg.removeOverride(s.part);
    this.pkg.removeRel(this.book, s.rid);
    this.sheets.splice(this.sheets.indexOf(s), 1);
  }

  async write(plan: WritePlan, progress?: (p: WriteProgress) => void): Promise<WriteResult> {
    const before = this.sheets.map((s) => s.name);
    const beforeEntries = this.sheets.slice();
    const ours = new Set([...plan.sheets.map((s) => s.name), ...plan.deleteSheets].map((n) => n.toLowerCase()));
    const total = plan.cellWrites.length + plan.sheets.length + 1;
    let done = 0;
    const tick = (label: string) => progress?.({ done: ++done, total, label });
    const styles = this.getStyles();
    /** Print titles to set, by sheet entry. */
    const titles = new Map<SheetEntry, string>();
    const replaced = new Set<SheetEntry>();
    const notes: Note[] = [];
    /** The sheets this plan creates: the only ones `plan.merges` may touch. */
    const created = new Set<SheetEntry>();
    for (const name of plan.createSheets ?? []) if (!this.byName(name)) created.add(this.addSheet(name, 'visible', EMPTY_SHEET));
    // ours kept whole under an archive name: the part and all it holds stay as they are
    for (const { from, to } of plan.renameSheets ?? []) {
      const s = this.byName(from);
      if (s) this.renameSheet(s, to);
    }

    // cell writes into a user's sheets: one splice per sheet
    const bySheet = new Map<SheetEntry, Map<number, Map<number, CellPatch>>>();
    const formats = new Map<SheetEntry, CellStyles>();
    for (const w of plan.cellWrites) {
      const s = this.byName(w.sheet);
      if (!s) throw new Error(`Không tìm thấy trang tính "${w.sheet}"`);
      let cs = formats.get(s);
      if (!cs) formats.set(s, (cs = new CellStyles(this.pkg.text(s.part) ?? EMPTY_SHEET)));
      const tl = parseRange(w.address);
      const hs = plan.headerStyleFrom;
      const header = w.style === 'header' && hs && hs.sheet.toLowerCase() === w.sheet.toLowerCase() ? cs.at(parseRange(hs.address).r1, parseRange(hs.address).c1) : null;
      const body = !w.style && plan.bodyStyleFrom?.sheet.toLowerCase() === w.sheet.toLowerCase() ? plan.bodyStyleFrom.col : null;
      let rows = bySheet.get(s);
      if (!rows) bySheet.set(s, (rows = new Map()));
      w.values.forEach((line, i) => {
        const r = tl.r1 + i;
        let cells = rows.get(r);
        if (!cells) rows.set(r, (cells = new Map()));
        const bodyStyle = body !== null ? styles.centredFrom((cs as CellStyles).at(r, body)) : null;
        line.forEach((v, j) => {
          const s2 = header !== null ? header : bodyStyle !== null ? bodyStyle : w.style && w.style !== 'header' ? styles.style(w.style) : 'keep';
          (cells as Map<number, CellPatch>).set(tl.c1 + j, { value: v, s: s2 });
        });
      });
      tick(`${w.sheet}!${w.address}`);
    }
    for (const [s, rows] of bySheet) this.pkg.setText(s.part, patchCells(this.pkg.text(s.part) ?? EMPTY_SHEET, rows));
    for (const s of created) {
      const refs = (plan.merges ?? []).filter((m) => m.sheet.toLowerCase() === s.name.toLowerCase()).map((m) => m.range);
      if (refs.length) this.pkg.setText(s.part, withMergeCells(this.pkg.text(s.part) ?? EMPTY_SHEET, refs));
    }
    if (!this.pkg.codec.deflateRawAsync && bySheet.size) await yieldToHost();

    // the use-case sends a default print setup only for a sheet the read found without one of its own
    if (plan.defaultPrint) {
      const s = this.byName(plan.defaultPrint.sheet);
      if (s) {
        this.pkg.setText(s.part, patchDefaultPrint(this.pkg.text(s.part) ?? EMPTY_SHEET, plan.defaultPrint.footer));
        titles.set(s, plan.defaultPrint.titleRows);
      }
    }

    for (const name of plan.deleteSheets) {
      const s = this.byName(name);
      if (s) this.removeSheet(s);
    }
    const fingerprints = new Map<string, string>();
    for (const sp of plan.sheets) {
      const old = this.byName(sp.name);
      if (old) this.releaseSheet(old, notes);
      const part = old ? old.part : this.freePart();
      const drawingRid = sp.charts?.length ? this.addCharts(part, sp) : undefined;
      // links a person typed, carried over: outside ones are relationships of the sheet
      const linkRids = new Map<string, string>();
      for (const l of planLinks(sp)) if (!l.link.startsWith('#') && !linkRids.has(l.link)) linkRids.set(l.link, this.pkg.addRel(part, REL_HYPERLINK, l.link, true));
      const xml = sheetPartBytes(sp, styles, { tabColor: 'FF' + tabColorOf(sp.kind).slice(1), drawingRid, linkRids });
      let s: SheetEntry;
      if (old) {
        this.pkg.setFinal(old.part, xml);
        old.state = 'visible';
        old.name = sp.name;
        s = old;
        replaced.add(old);
      } else s = this.addSheet(sp.name, 'visible', xml, part);
      const fp = this.pkg.fingerprint(s.part);
      if (fp) fingerprints.set(sp.name.toLowerCase(), fp);
      if (sp.print.titleRows) titles.set(s, sp.print.titleRows);
      tick(sp.name);
      // a few sheets compress while the next is written; the rest wait, so their text is not all held at once
      await this.pkg.drain(2);
      // in a browser (compressing on this thread): let the page paint the progress and take input between sheets
      if (!this.pkg.codec.deflateRawAsync) await yieldToHost();
    }
    if (plan.registry) {
      // each sheet written now registered with what it holds, so the next run can tell it was not touched
      const registry = { ...plan.registry, sheets: plan.registry.sheets.map((e) => (fingerprints.has(e.name.toLowerCase()) ? { ...e, fingerprint: fingerprints.get(e.name.toLowerCase()) } : e)) };
      const xml = textColumnPartXml(registryToRows(registry).map((r) => r[0]));
      const old = this.byName(REGISTRY_SHEET);
      if (old) {
        this.replaceSheet(old, 'veryHidden', xml, notes);
        replaced.add(old);
      } else this.addSheet(REGISTRY_SHEET, 'veryHidden', xml);
    }
    tick(''); // the registry: nothing to name for the officer

    // tab order: a user's own sheets never move
    const order = tabOrder(before, new Set([...ours, REGISTRY_SHEET.toLowerCase()]), this.sheets.map((s) => s.name));
    const byName = new Map(this.sheets.map((s) => [s.name, s]));
    this.sheets = order.map((n) => byName.get(n) as SheetEntry);
    this.writeBook(beforeEntries, replaced, titles);
    if (styles.changed()) this.pkg.setText(this.stylesPart as string, styles.toXml());
    if (replaced.size || plan.deleteSheets.length) this.dropCalcChain();
    return { syncs: 0, bytes: 0, ...(notes.length ? { notes: notes.map((n) => n.message), noteTexts: notes.map((n) => n.text) } : {}) };
  }

  /** workbook.xml with the new sheet list, the names re-pointed at their sheets' new positions, the active tab kept. */
  private writeBook(beforeEntries: SheetEntry[], replaced: Set<SheetEntry>, titles: Map<SheetEntry, string>): void {
    let xml = this.pkg.text(this.book) as string;
    const sh = findElement(xml, 'sheets');
    const p = sh?.prefix ?? '';
    const items = this.sheets.map((s) => {
      if (s.raw) return withAttrs(s.raw, { state: s.state === 'visible' ? (tagAttrs(s.raw).state !== undefined ? 'visible' : null) : s.state });
      const rel = this.relPrefix ? `${this.relPrefix}:id` : `xmlns:r="${NS_REL}" r:id`;
      return `<${p}sheet name="${escAttr(s.name)}" sheetId="${s.sheetId}"${s.state !== 'visible' ? ` state="${s.state}"` : ''} ${rel}="${s.rid}"/>`;
    });
    const sheetsXml = `<${p}sheets>${items.join('')}</${p}sheets>`;
    if (sh) xml = xml.slice(0, sh.start) + sheetsXml + xml.slice(sh.end);
    else {
      // a book without a sheet list (exceljs writes one for a workbook of no sheets): it goes where the
      // schema puts it, after the elements that precede it, or first in <workbook>
      let at = -1;
      for (const n of ['bookViews', 'workbookProtection', 'workbookPr', 'fileSharing', 'fileVersion']) {
        const e = findElement(xml, n);
        if (e) {
          at = e.end;
          break;
        }
      }
      if (at < 0) at = findElement(xml, 'workbook')?.openEnd ?? -1;
      if (at < 0) throw new Error('XML: thiếu <workbook>');
      xml = xml.slice(0, at) + sheetsXml + xml.slice(at);
    }
    // names scoped to a sheet follow it; a deleted sheet's names go; our sheets get their print titles
    const names: string[] = [];
    for (const d of this.names) {
      if (d.local === null) {
        names.push(d.raw);
        continue;
      }
      const s = beforeEntries[d.local];
      const now = s ? this.sheets.indexOf(s) : -1;
      if (now < 0) continue;
      if (titles.has(s) && /^_xlnm\.Print_Titles$/i.test(d.name)) continue;
      if (replaced.has(s) && /^_xlnm\./i.test(d.name)) continue;
      names.push(now === d.local ? d.raw : withAttrs(d.raw.slice(0, d.raw.indexOf('>') + 1), { localSheetId: String(now) }) + d.raw.slice(d.raw.indexOf('>') + 1));
    }
    for (const [s, rows] of titles) {
      const [r1, r2] = rows.split(':');
      names.push(`<${p}definedName name="_xlnm.Print_Titles" localSheetId="${this.sheets.indexOf(s)}">${esc(sheetRef(s.name, `$${r1}:$${r2 ?? r1}`))}</${p}definedName>`);
    }
    const dn = findElement(xml, 'definedNames');
    const namesXml = names.length ? `<${p}definedNames>${names.join('')}</${p}definedNames>` : '';
    if (dn) xml = xml.slice(0, dn.start) + namesXml + xml.slice(dn.end);
    else if (namesXml) {
      // definedNames follows sheets, functionGroups and externalReferences
      let at = -1;
      for (const n of ['externalReferences', 'functionGroups', 'sheets']) {
        const e = findElement(xml, n);
        if (e) {
          at = e.end;
          break;
        }
      }
      xml = xml.slice(0, at) + namesXml + xml.slice(at);
    }
    // the active tab stays on the sheet it showed, or the first visible one
    const view = findElement(xml, 'workbookView');
    if (view) {
      const was = beforeEntries[this.activeTab];
      let now = was ? this.sheets.indexOf(was) : -1;
      if (now < 0 || this.sheets[now].state !== 'visible') now = Math.max(0, this.sheets.findIndex((s) => s.state === 'visible'));
      const a = tagAttrs(xml.slice(view.start, view.openEnd));
      if (Number(a.activeTab ?? 0) !== now) xml = xml.slice(0, view.start) + withAttrs(xml.slice(view.start, view.openEnd), { activeTab: now ? String(now) : null }) + xml.slice(view.openEnd);
      this.activeTab = now;
    }
    this.pkg.setText(this.book, xml);
    this.parseBook();
  }

  /** The calculation chain lists formula cells of sheets we replaced: Excel rebuilds it when it is absent. */
  private dropCalcChain(): void {
    const rel = this.bookRels().find((r) => r.type === REL_CALC_CHAIN);
    if (!rel) return;
    this.pkg.remove(rel.part);
    this.pkg.removeOverride(rel.part);
    this.pkg.removeRel(this.book, rel.id);
  }

  /**
   * A new workbook holding one of this workbook's sheets as it is — its cells, formats, merges,
   * drop-downs, print setup and print titles — and the given registry (the marker of a file sent to an
   * agency). Nothing else of this workbook goes into it.
   */
  async sheetWorkbook(name: string, registry: Registry, codec?: Codec): Promise<Uint8Array> {
    const s = this.byName(name);
    if (!s) throw new Error(`Không tìm thấy trang tính "${name}"`);
    const strings = this.sharedStrings();
    const xml = (this.pkg.text(s.part) ?? EMPTY_SHEET)
      // text from the shared table written into the cell: the new file has no shared table
      .replace(/<c\b([^>]*?)\st="s"([^>]*)>\s*<v>(\d+)<\/v>\s*<\/c>/g, (_, a: string, b: string, n: string) => `<c${a} t="inlineStr"${b}><is><t xml:space="preserve">${esc(xmlSafe(strings[Number(n)] ?? ''))}</t></is></c>`)
      // what hangs off the sheet by relationship (drawings, comments, tables, links) is not sent
      .replace(/<(?:[\w.-]+:)?(?:drawing|legacyDrawing|legacyDrawingHF|picture)\b[^>]*\/>/g, '')
      .replace(/<(?:[\w.-]+:)?(tableParts|hyperlinks)\b[\s\S]*?<\/(?:[\w.-]+:)?\1>/g, '')
      .replace(/\sr:id="[^"]*"/g, '');
    const out = XlsxWorkbook.empty(this.pkg.codec);
    const styles = this.pkg.text(this.stylesPart ?? this.bookRels().find((r) => r.type === REL_STYLES)?.part ?? 'xl/styles.xml');
    if (styles) out.pkg.setText('xl/styles.xml', styles);
    const theme = this.bookRels().find((r) => r.type.endsWith('/theme'));
    const themeXml = theme ? this.pkg.text(theme.part) : null;
    if (theme && themeXml) {
      out.pkg.setText('xl/theme/theme1.xml', themeXml);
      out.pkg.setOverride('xl/theme/theme1.xml', 'application/vnd.openxmlformats-officedocument.theme+xml');
      out.pkg.addRel(out.book, theme.type, 'theme/theme1.xml');
    }
    const entry = out.addSheet(s.name, 'visible', xml);
    out.addSheet(REGISTRY_SHEET, 'veryHidden', textColumnPartXml(registryToRows(registry).map((r) => r[0])));
    const i = this.sheets.indexOf(s);
    const printTitles = this.names.find((d) => d.local === i && /^_xlnm\.Print_Titles$/i.test(d.name));
    const rows = printTitles ? /\$(\d+):\$(\d+)/.exec(printTitles.text) : null;
    out.writeBook([], new Set(), rows ? new Map([[entry, `${rows[1]}:${rows[2]}`]]) : new Map());
    return out.save(codec);
  }

  async select(): Promise<void> {
    // a file has no selection; the standalone pane shows the address instead
  }
}
