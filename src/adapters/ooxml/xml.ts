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
    e[0] === '#' ? String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)) : ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[e] as string),
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

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decodeEntities2(s: string, where: number): string {
  return s.replace(/&(#x[0-9A-Fa-f]+|#[0-9]+|[A-Za-z][\w.-]*);|&/g, (m, e: string | undefined) => {
    if (!e) throw new Error(`XML: '&' không thuộc tham chiếu nào (vị trí ${where})`);
    if (e[0] === '#') {
      const code = e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      if (!(code >= 0 && code <= 0x10ffff)) throw new Error(`XML: tham chiếu ký tự không hợp lệ ${m}`);
      return String.fromCodePoint(code);
    }
    const v = ENTITIES[e];
    if (v === undefined) throw new Error(`XML: thực thể không xác định ${m}`);
    return v;
  });
}

/** Character data as a parser hands it over: line ends normalised, references decoded. */
function textOf(raw: string, where: number): string {
  let s = raw;
  if (s.indexOf('\r') >= 0) s = s.replace(/\r\n?/g, '\n');
  return s.indexOf('&') >= 0 ? decodeEntities2(s, where) : s;
}

/**
 * The same events as `sax`, from a scanner made for the parts that are megabytes (worksheets, shared
 * strings): no DTD, no namespaces, but tags must nest, references must be known and every tag must end,
 * or it throws like a conformant parser. About three times faster than saxes on a sheet's cells. The
 * part may come as pieces, each ending where an element ends (xmlPieces): one parse across them.
 */
export function scan(part: string | Iterable<string>, h: SaxHandlers): void {
  const stack: string[] = [];
  for (const xml of typeof part === 'string' ? [part] : part) {
    const n = xml.length;
    let i = 0;
    while (i < n) {
      const lt = xml.indexOf('<', i);
      const end = lt < 0 ? n : lt;
      if (end > i && h.text) h.text(textOf(xml.slice(i, end), i));
      if (lt < 0) break;
      const c1 = xml.charCodeAt(lt + 1);
      if (c1 === 47) {
        // </name>
        const gt = xml.indexOf('>', lt);
        if (gt < 0) throw new Error(`XML: thẻ đóng không kết thúc (vị trí ${lt})`);
        const name = xml.slice(lt + 2, gt).trimEnd();
        const open = stack.pop();
        if (open !== name) throw new Error(`XML: </${name}> không khớp <${open ?? ''}> (vị trí ${lt})`);
        h.close?.(local(name));
        i = gt + 1;
        continue;
      }
      if (c1 === 33) {
        if (xml.startsWith('<!--', lt)) {
          const e = xml.indexOf('-->', lt + 4);
          if (e < 0) throw new Error(`XML: chú thích không kết thúc (vị trí ${lt})`);
          i = e + 3;
        } else if (xml.startsWith('<![CDATA[', lt)) {
          const e = xml.indexOf(']]>', lt + 9);
          if (e < 0) throw new Error(`XML: CDATA không kết thúc (vị trí ${lt})`);
          if (h.text) h.text(xml.slice(lt + 9, e).replace(/\r\n?/g, '\n'));
          i = e + 3;
        } else {
          // <!DOCTYPE …>: not in the parts of a package; an internal subset ends with "]>"
          const bracket = xml.indexOf('[', lt);
          const gt = xml.indexOf('>', lt);
          const e = bracket >= 0 && bracket < gt ? xml.indexOf(']>', bracket) + 1 : gt;
          if (e <= 0) throw new Error(`XML: khai báo không kết thúc (vị trí ${lt})`);
          i = e + 1;
        }
        continue;
      }
      if (c1 === 63) {
        const e = xml.indexOf('?>', lt + 2);
        if (e < 0) throw new Error(`XML: chỉ thị xử lý không kết thúc (vị trí ${lt})`);
        i = e + 2;
        continue;
      }
      // <name attr="v" …> or <name … />
      let j = lt + 1;
      for (; j < n; j++) {
        const c = xml.charCodeAt(j);
        if (c === 32 || c === 9 || c === 10 || c === 13 || c === 47 || c === 62) break;
      }
      const name = xml.slice(lt + 1, j);
      if (!name) throw new Error(`XML: thẻ không có tên (vị trí ${lt})`);
      const attrs: Attrs = {};
      let self = false;
      for (;;) {
        while (j < n) {
          const c = xml.charCodeAt(j);
          if (c === 32 || c === 9 || c === 10 || c === 13) j++;
          else break;
        }
        if (j >= n) throw new Error(`XML: thẻ <${name}> không kết thúc (vị trí ${lt})`);
        const c = xml.charCodeAt(j);
        if (c === 62) {
          j++;
          break;
        }
        if (c === 47) {
          if (xml.charCodeAt(j + 1) !== 62) throw new Error(`XML: thẻ <${name}> hỏng (vị trí ${lt})`);
          self = true;
          j += 2;
          break;
        }
        const eq = xml.indexOf('=', j);
        if (eq < 0) throw new Error(`XML: thuộc tính không có giá trị ở <${name}> (vị trí ${j})`);
        const key = xml.slice(j, eq).trimEnd();
        let q = eq + 1;
        while (q < n && (xml[q] === ' ' || xml[q] === '\t' || xml[q] === '\n' || xml[q] === '\r')) q++;
        const quote = xml[q];
        if (quote !== '"' && quote !== "'") throw new Error(`XML: giá trị thuộc tính không có ngoặc ở <${name}> (vị trí ${q})`);
        const close = xml.indexOf(quote, q + 1);
        if (close < 0) throw new Error(`XML: giá trị thuộc tính không kết thúc ở <${name}> (vị trí ${q})`);
        let v = xml.slice(q + 1, close);
        if (v.indexOf('<') >= 0) throw new Error(`XML: '<' trong giá trị thuộc tính ở <${name}> (vị trí ${q})`);
        // attribute-value normalisation: a literal tab or line end is a space; references keep theirs
        if (/[\t\n\r]/.test(v)) v = v.replace(/\r\n|[\t\n\r]/g, ' ');
        attrs[key] = v.indexOf('&') >= 0 ? decodeEntities2(v, q) : v;
        j = close + 1;
      }
      h.open?.(local(name), attrs, self);
      if (self) h.close?.(local(name));
      else stack.push(name);
      i = j;
    }
  }
  if (stack.length) throw new Error(`XML: thiếu </${stack[stack.length - 1]}>`);
}

/**
 * A part's UTF-8 bytes as text pieces of about `size` bytes, each cut just after a "</row>" (or
 * "</x:row>"), so no tag, reference or character is split: a sheet of megabytes is never one string.
 * (A "</row>" inside a CDATA section or a comment would cut it: the reader then parses the part whole.)
 */
export function* xmlPieces(bytes: Uint8Array, size = 1 << 18): Generator<string> {
  const decoder = new TextDecoder('utf-8');
  let start = 0;
  while (start < bytes.length) {
    let cut = bytes.length;
    for (let p = start + size; p < bytes.length - 3; p++) {
      // "row>" closing an element: "</row>", or "</prefix:row>"
      if (bytes[p] !== 0x72 || bytes[p + 1] !== 0x6f || bytes[p + 2] !== 0x77 || bytes[p + 3] !== 0x3e) continue;
      // q: where the name begins (after a prefix "x:", back to the "/")
      let q = p;
      if (bytes[q - 1] === 0x3a) for (q = p - 1; q > start && bytes[q - 1] !== 0x2f && bytes[q - 1] !== 0x3c && bytes[q - 1] !== 0x20; ) q--;
      if (bytes[q - 1] === 0x2f && bytes[q - 2] === 0x3c) {
        cut = p + 4;
        break;
      }
    }
    yield decoder.decode(bytes.subarray(start, cut));
    start = cut;
  }
}
