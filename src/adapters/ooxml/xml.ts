// XML helpers for the package adapter: reading goes through saxes (a streaming, conformant parser);
// writing is text we build or a splice into the part's own text, so what we do not change keeps its bytes.
import { SaxesParser, type SaxesTagPlain } from 'saxes';

export type Attrs = Record<string, string>;

/** Text content escaped for an element. */
export function esc(s: string): string {
  if (!/[&<>]/.test(s)) return s;
  return s.replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));
}

/** Text escaped for an attribute in double quotes (line breaks kept as character references). */
export function escAttr(s: string): string {
  return s.replace(/[&<>"\n\r\t]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\n': '&#10;', '\r': '&#13;', '\t': '&#9;' })[c] as string);
}

/**
 * Characters XML 1.0 cannot hold or would not keep (control characters other than tab and line feed — a
 * carriage return is read back as a line feed —, lone surrogates):
 * SpreadsheetML writes them as _xHHHH_, which Excel and LibreOffice read back as the character.
 */
export function xmlSafe(s: string): string {
  // eslint-disable-next-line no-control-regex
  if (!/_x|[\u0000-\u0008\u000B-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/.test(s)) return s;
  // eslint-disable-next-line no-control-regex
  return s.replace(/_x[0-9A-Fa-f]{4}_|[\u0000-\u0008\u000B-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, (c) =>
    c.length > 1 ? '_x005F_' + c.slice(1) : '_x' + c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0') + '_',
  );
}

/** The reverse of xmlSafe, for text read from a part. */
export function fromXmlSafe(s: string): string {
  return s.indexOf('_x') < 0 ? s : s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
}

/** An element's local name ("x:row" → "row"): some producers prefix the main namespace. */
export function local(name: string): string {
  const i = name.indexOf(':');
  return i < 0 ? name : name.slice(i + 1);
}

export interface SaxHandlers {
  open?(name: string, attrs: Attrs, selfClosing: boolean): void;
  close?(name: string): void;
  text?(t: string): void;
}

/** Parse a part's text with saxes; element names are local (without a prefix). */
export function sax(xml: string, h: SaxHandlers): void {
  const p = new SaxesParser<{ xmlns: false; position: false }>({ xmlns: false, position: false });
  if (h.open) {
    const open = h.open;
    p.on('opentag', (t: SaxesTagPlain) => open(local(t.name), t.attributes as Attrs, t.isSelfClosing));
  }
  if (h.close) {
    const close = h.close;
    p.on('closetag', (t: SaxesTagPlain) => close(local(t.name)));
  }
  if (h.text) {
    const text = h.text;
    p.on('text', text);
    p.on('cdata', text);
  }
  p.on('error', (e) => {
    throw e;
  });
  p.write(xml).close();
}

/** The attributes of one start tag given as text ("<c r=\"A1\" s=\"2\">"). */
export function tagAttrs(tag: string): Attrs {
  const out: Attrs = {};
  const re = /([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(tag))) out[m[1]] = decodeEntities(m[2] ?? m[3] ?? '');
  return out;
}

function decodeEntities(s: string): string {
  if (s.indexOf('&') < 0) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, e: string) =>
    e[0] === '#' ? String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)) : ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" })[e] as string,
  );
}

/** A start tag with some attributes set (value) or removed (null); the others keep their text and order. */
export function withAttrs(tag: string, set: Record<string, string | null>): string {
  let out = tag;
  const tail = /\s*\/?>$/.exec(out)?.[0] ?? '>';
  out = out.slice(0, out.length - tail.length);
  for (const [k, v] of Object.entries(set)) {
    const re = new RegExp(`\\s${k.replace(/[.:]/g, '\\$&')}\\s*=\\s*(?:"[^"]*"|'[^']*')`);
    if (re.test(out)) out = out.replace(re, v === null ? '' : ` ${k}="${escAttr(v)}"`);
    else if (v !== null) out += ` ${k}="${escAttr(v)}"`;
  }
  return out + tail;
}

/** Start and end offsets of the first element `name` (any prefix) in xml from `from`; null when absent. */
export function findElement(xml: string, name: string, from = 0): { start: number; openEnd: number; end: number; selfClosing: boolean; prefix: string } | null {
  const re = new RegExp(`<((?:[\\w.-]+:)?)${name}(?=[\\s/>])`, 'g');
  re.lastIndex = from;
  const m = re.exec(xml);
  if (!m) return null;
  const start = m.index;
  const prefix = m[1];
  const openEnd = tagEnd(xml, start);
  if (xml[openEnd - 2] === '/') return { start, openEnd, end: openEnd, selfClosing: true, prefix };
  const close = `</${prefix}${name}>`;
  const end = xml.indexOf(close, openEnd);
  if (end < 0) throw new Error(`XML: thiếu ${close}`);
  return { start, openEnd, end: end + close.length, selfClosing: false, prefix };
}

/** The offset just after the start tag that begins at `start` (attribute values may hold '>'). */
export function tagEnd(xml: string, start: number): number {
  let q = '';
  for (let i = start + 1; i < xml.length; i++) {
    const ch = xml[i];
    if (q) {
      if (ch === q) q = '';
    } else if (ch === '"' || ch === "'") q = ch;
    else if (ch === '>') return i + 1;
  }
  throw new Error('XML: thẻ không đóng');
}
