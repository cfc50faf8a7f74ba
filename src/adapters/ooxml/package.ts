// An OPC package (the zip of an .xlsx/.xlsm) held as its parts: parts are inflated only when read, and a
// part we do not set is written back as it was stored (see zip.ts).
import { FFLATE_CODEC, inflateStored, readStored, unzipAll, writeZip, type Codec, type OutEntry, type StoredEntry } from './zip';
import { escAttr, sax, tagAttrs } from './xml';

export const CT_WORKSHEET = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';
export const REL_WORKSHEET = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet';
export const REL_STYLES = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles';
export const REL_SHARED_STRINGS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings';
export const REL_CALC_CHAIN = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain';
export const REL_OFFICE_DOCUMENT = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument';
export const REL_HYPERLINK = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink';
export const NS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

export interface Relationship {
  id: string;
  type: string;
  target: string;
  /** The part the target names, resolved against the source part ("xl/worksheets/sheet1.xml"). */
  part: string;
  external: boolean;
}

const utf8 = new TextDecoder('utf-8');
const utf16 = new TextDecoder('utf-16le');
const encoder = new TextEncoder();

function decode(b: Uint8Array): string {
  if (b[0] === 0xff && b[1] === 0xfe) return utf16.decode(b.subarray(2));
  return utf8.decode(b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf ? b.subarray(3) : b);
}

/** "xl/" + "worksheets/sheet1.xml", "/xl/styles.xml", "../media/a.png" → a part name without the leading slash. */
export function resolvePart(sourcePart: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const dir = sourcePart.includes('/') ? sourcePart.slice(0, sourcePart.lastIndexOf('/')).split('/') : [];
  for (const seg of target.split('/')) {
    if (seg === '..') dir.pop();
    else if (seg !== '.' && seg !== '') dir.push(seg);
  }
  return dir.join('/');
}

/** The .rels part of a part: "xl/workbook.xml" → "xl/_rels/workbook.xml.rels". */
export function relsOf(part: string): string {
  const i = part.lastIndexOf('/');
  return `${part.slice(0, i + 1)}_rels/${part.slice(i + 1)}.rels`;
}

/** As stored in the archive; uncompressed; or being compressed off the main thread (its data kept until then, and its CRC when known). */
type Entry = { stored: StoredEntry } | { data: Uint8Array; pending?: Promise<void>; crc?: number };

export class OpcPackage {
  /** Every entry of the zip, in its order: as stored, or uncompressed. */
  private readonly entries: Map<string, Entry>;
  private readonly texts = new Map<string, string>();
  /** Parts whose text we set: only these are encoded again on save. */
  private readonly dirty = new Set<string>();
  /** Compressions under way (setFinal with an asynchronous codec). */
  private readonly pending = new Set<Promise<void>>();

  private constructor(
    entries: Map<string, Entry>,
    /** How parts set with `setFinal`, and by default all changed parts, are compressed. */
    readonly codec: Codec = FFLATE_CODEC,
  ) {
    this.entries = entries;
  }

  static open(bytes: Uint8Array, codec?: Codec): OpcPackage {
    const stored = readStored(bytes);
    if (stored) return new OpcPackage(new Map(stored.map((e) => [e.name, { stored: e }])), codec);
    return new OpcPackage(new Map([...unzipAll(bytes)].map(([k, v]) => [k, { data: v }])), codec);
  }

  static fromTexts(parts: Record<string, string>, codec?: Codec): OpcPackage {
    const p = new OpcPackage(new Map(), codec);
    for (const [k, v] of Object.entries(parts)) p.setText(k, v);
    return p;
  }

  has(part: string): boolean {
    return this.entries.has(part);
  }

  names(): string[] {
    return [...this.entries.keys()];
  }

  /** The uncompressed bytes of a part as they will be saved. */
  bytes(part: string): Uint8Array | undefined {
    if (this.dirty.has(part)) return encoder.encode(this.texts.get(part) as string);
    const e = this.entries.get(part);
    if (!e) return undefined;
    return 'stored' in e ? inflateStored(e.stored, this.codec) : e.data;
  }

  /** A part's text; kept for the next call unless `keep` is false (a part read once: 80 sheets of 1.4 MB each are not all held). */
  text(part: string, keep = true): string | null {
    const t = this.texts.get(part);
    if (t !== undefined) return t;
    const b = this.bytes(part);
    if (!b) return null;
    const s = decode(b);
    if (keep) this.texts.set(part, s);
    return s;
  }

  setText(part: string, text: string): void {
    if (!this.dirty.has(part) && this.entries.has(part) && this.text(part) === text) return;
    this.texts.set(part, text);
    this.dirty.add(part);
    if (!this.entries.has(part)) this.entries.set(part, { data: new Uint8Array(0) }); // keeps its place in the order
  }

  /**
   * A part written whole that nothing is going to change again (one of our generated sheets): compressed
   * now, so a workbook of 80 sheets of megabytes never holds more than one of them as text.
   */
  setFinal(part: string, content: string | Uint8Array): void {
    const data = typeof content === 'string' ? encoder.encode(content) : content;
    this.texts.delete(part);
    this.dirty.delete(part);
    const crc = this.codec.crc32(data);
    const stored = (raw: Uint8Array): Entry => ({ stored: { name: part, method: 8, crc, size: data.length, raw } });
    if (!this.codec.deflateRawAsync || data.length < 1 << 16) {
      this.entries.set(part, stored(this.codec.deflateRaw(data)));
      return;
    }
    const entry: Entry = { data, crc };
    const pending: Promise<void> = this.codec.deflateRawAsync(data).then(
      (raw) => {
        this.pending.delete(pending);
        // replaced or removed meanwhile: the newer entry stands
        if (this.entries.get(part) === entry) this.entries.set(part, stored(raw));
      },
      (err: unknown) => {
        this.pending.delete(pending);
        throw err;
      },
    );
    entry.pending = pending;
    this.pending.add(pending);
    this.entries.set(part, entry);
  }

  /** Waits while more than `most` parts are being compressed: what is done is released as it goes. */
  async drain(most: number): Promise<void> {
    while (this.pending.size > most) await Promise.race(this.pending);
  }

  /** Every compression under way, finished (before `save`). */
  async settle(): Promise<void> {
    await Promise.all([...this.pending]);
  }

  /**
   * What a part holds, told apart cheaply: its CRC-32 and length ("crc32:1a2b3c4d:1048576"), from the zip's
   * directory for a part as stored (nothing inflated). The same bytes give the same fingerprint.
   */
  fingerprint(part: string): string | null {
    const e = this.entries.get(part);
    if (!e) return null;
    const of = (crc: number, size: number) => `crc32:${(crc >>> 0).toString(16)}:${size}`;
    if (this.dirty.has(part)) {
      const b = encoder.encode(this.texts.get(part) as string);
      return of(this.codec.crc32(b), b.length);
    }
    if ('stored' in e) return of(e.stored.crc, e.stored.size);
    return of(e.crc ?? this.codec.crc32(e.data), e.data.length);
  }

  remove(part: string): void {
    this.entries.delete(part);
    this.texts.delete(part);
    this.dirty.delete(part);
  }

  save(codec: Codec = this.codec): Uint8Array {
    const out: OutEntry[] = [];
    for (const [name, e] of this.entries) {
      if (this.dirty.has(name)) out.push({ name, data: encoder.encode(this.texts.get(name) as string) });
      else if ('stored' in e) out.push({ name, stored: e.stored });
      else if (e.pending) throw new Error(`${name}: still being compressed (await settle() before save)`);
      else out.push({ name, data: e.data, store: /\.(png|jpe?g|gif)$/i.test(name) });
    }
    return writeZip(out, codec);
  }

  // ---- relationships ------------------------------------------------------------------------

  rels(source: string): Relationship[] {
    const xml = this.text(relsOf(source));
    if (!xml) return [];
    const out: Relationship[] = [];
    sax(xml, {
      open(name, a) {
        if (name !== 'Relationship') return;
        const external = a.TargetMode === 'External';
        out.push({ id: a.Id, type: a.Type, target: a.Target, part: external ? '' : resolvePart(source, a.Target), external });
      },
    });
    return out;
  }

  /** Add a relationship from `source` to `target` (relative to the source's folder); returns its id. */
  addRel(source: string, type: string, target: string, external = false): string {
    const part = relsOf(source);
    const xml = this.text(part) ?? `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>`;
    const used = new Set(this.rels(source).map((r) => r.id));
    let n = 1;
    while (used.has(`rIdPc${n}`)) n++;
    const id = `rIdPc${n}`;
    const at = xml.lastIndexOf('</Relationships>');
    const el = `<Relationship Id="${id}" Type="${escAttr(type)}" Target="${escAttr(target)}"${external ? ' TargetMode="External"' : ''}/>`;
    this.setText(part, at < 0 ? xml.replace(/<Relationships([^>]*)\/>/, `<Relationships$1>${el}</Relationships>`) : xml.slice(0, at) + el + xml.slice(at));
    return id;
  }

  removeRel(source: string, id: string): void {
    const part = relsOf(source);
    const xml = this.text(part);
    if (!xml) return;
    const re = /<Relationship\b[^>]*?\/>|<Relationship\b[^>]*?>[\s\S]*?<\/Relationship>/g;
    const next = xml.replace(re, (el) => (tagAttrs(el).Id === id ? '' : el));
    if (next !== xml) this.setText(part, next);
  }

  // ---- content types ------------------------------------------------------------------------

  setOverride(part: string, contentType: string): void {
    const xml = this.text('[Content_Types].xml') ?? '';
    const at = xml.lastIndexOf('</Types>');
    const name = '/' + part;
    const exists = findOverride(xml, name);
    if (exists && tagAttrs(exists.text).ContentType === contentType) return;
    const el = `<Override PartName="${escAttr(name)}" ContentType="${escAttr(contentType)}"/>`;
    if (exists) this.setText('[Content_Types].xml', xml.slice(0, exists.start) + el + xml.slice(exists.end));
    else this.setText('[Content_Types].xml', xml.slice(0, at) + el + xml.slice(at));
  }

  removeOverride(part: string): void {
    const xml = this.text('[Content_Types].xml') ?? '';
    const exists = findOverride(xml, '/' + part);
    if (exists) this.setText('[Content_Types].xml', xml.slice(0, exists.start) + xml.slice(exists.end));
  }
}

function findOverride(xml: string, partName: string): { start: number; end: number; text: string } | null {
  const re = /<Override\b[^>]*?\/>|<Override\b[^>]*?>\s*<\/Override>/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(xml))) {
    if ((tagAttrs(m[0]).PartName ?? '').toLowerCase() === partName.toLowerCase()) return { start: m.index, end: m.index + m[0].length, text: m[0] };
  }
  return null;
}
