// The fast scanner used for worksheets and shared strings gives the very events saxes gives, on any
// well-formed part, and throws where a part is broken.
import fc from 'fast-check';
import { sax, scan, xmlPieces, type SaxHandlers } from '../../src/adapters/ooxml/xml';
import { readFileSync } from 'fs';
import { join } from 'path';
import { unzipSync, strFromU8, strToU8, zipSync } from 'fflate';
import { XlsxWorkbook } from '../../src/adapters/xlsx';
import { analyze, generate } from '../../src/app/usecases';
import { seed002Workbook } from '../../scripts/fixtures';

function events<X>(parse: (xml: X, h: SaxHandlers) => void, xml: X): string[] {
  const out: string[] = [];
  let text = '';
  const flush = () => {
    if (text) out.push(`T ${text}`);
    text = '';
  };
  parse(xml, {
    open(name, a, self) {
      flush();
      out.push(`O ${name} ${JSON.stringify(Object.entries(a))} ${self}`);
    },
    close(name) {
      flush();
      out.push(`C ${name}`);
    },
    text(t) {
      text += t;
    },
  });
  flush();
  return out;
}

const name = fc.constantFrom('row', 'c', 'v', 'x:c', 'is', 't', 'r', 'rPh', 'f', 'mergeCell', 'sheetData');
const piece = fc.constantFrom('Sở Y tế', ' ', '&amp;', '&lt;', '&gt;', '&quot;', '&apos;', '&#10;', '&#x1F600;', '\r\n', '\r', '\t', 'a', '12', '_x000D_', '>', '"', "'");
const text = fc.array(piece, { maxLength: 6 }).map((a) => a.join(''));
const attrValue = fc.array(fc.constantFrom('A1', ' ', '&amp;', '&quot;', '&#10;', '\n', '\t', 'Tổng hợp', "'", '>'), { maxLength: 4 }).map((a) => a.join(''));
const attrs = fc.uniqueArray(fc.tuple(fc.constantFrom('r', 's', 't', 'ref', 'x:si', 'location'), attrValue), { selector: (x) => x[0], maxLength: 3 });

type Node = { name: string; attrs: [string, string][]; kids: (Node | string)[]; self: boolean; cdata?: boolean };
const node: fc.Arbitrary<Node> = fc.letrec<{ node: Node }>((tie) => ({
  node: fc.record({
    name,
    attrs,
    self: fc.boolean(),
    kids: fc.array(fc.oneof({ maxDepth: 3 }, text, tie('node')), { maxLength: 4 }),
  }),
})).node;

function xmlOf(n: Node, quote: '"' | "'"): string {
  const a = n.attrs.map(([k, v]) => ` ${k}=${quote}${v.replace(/&(?!(amp|lt|gt|quot|apos|#10|#x1F600);)/g, '&amp;').replace(/</g, '&lt;').replace(quote === '"' ? /"/g : /'/g, quote === '"' ? '&quot;' : '&apos;')}${quote}`).join('');
  if (n.self && !n.kids.length) return `<${n.name}${a}/>`;
  const body = n.kids.map((k) => (typeof k === 'string' ? k.replace(/<|&(?!(amp|lt|gt|quot|apos|#10|#x1F600);)/g, (c) => (c === '<' ? '&lt;' : '&amp;')).replace(/]]>/g, ']]&gt;') : xmlOf(k, quote))).join('');
  return `<${n.name}${a}>${body}</${n.name}>`;
}

describe('scan: the same events as saxes', () => {
  test('on random well-formed parts (10,000 runs)', () => {
    fc.assert(
      fc.property(node, fc.constantFrom<'"' | "'">('"', "'"), fc.boolean(), (n, q, decl) => {
        const xml = (decl ? '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n' : '') + xmlOf(n, q);
        expect(events(scan, xml)).toEqual(events(sax, xml));
      }),
      { numRuns: 10_000 },
    );
  });

  test('comments, CDATA, a prefix and spaces inside tags', () => {
    const xml = '<?xml version="1.0"?>\n<!-- made by hand --><x:worksheet xmlns:x="urn:x" ><x:sheetData><x:row r = "1" ><x:c r="A1" t="inlineStr"><x:is><x:t><![CDATA[a <b> & c]]></x:t></x:is></x:c></x:row ></x:sheetData></x:worksheet>';
    expect(events(scan, xml)).toEqual(events(sax, xml));
  });

  test('on the parts of real workbooks (three producers) and of ours', async () => {
    const dir = join(__dirname, '..', 'fixtures', 'rich');
    const files: [string, Uint8Array][] = ['openpyxl.xlsx', 'openpyxl.xlsm', 'libreoffice.xlsx', 'exceljs.xlsx'].map((f) => [f, new Uint8Array(readFileSync(join(dir, f)))]);
    const wb = await XlsxWorkbook.load(new Uint8Array((await seed002Workbook().xlsx.writeBuffer()) as ArrayBuffer));
    await generate(wb, await analyze(wb));
    files.push(['ours', await wb.save()]);
    for (const [f, bytes] of files)
      for (const [p, b] of Object.entries(unzipSync(bytes))) if (/\.(xml|rels)$/.test(p)) expect([f, p, events(scan, strFromU8(b))]).toEqual([f, p, events(sax, strFromU8(b))]);
  });

  test.each([
    ['a close tag that does not match', '<a><b></a></b>'],
    ['an element left open', '<a><b></b>'],
    ['an unknown entity', '<a>&nbsp;</a>'],
    ['a lone ampersand', '<a>x & y</a>'],
    ['an attribute without quotes', '<a r=1/>'],
    ['a tag cut off', '<a><b r="1"'],
    ['a comment cut off', '<a><!-- x</a>'],
  ])('throws on %s, as saxes does', (_what, xml) => {
    const h = { text: () => undefined };
    expect(() => sax(xml, h)).toThrow();
    expect(() => scan(xml, h)).toThrow();
  });

  test('a part in pieces cut after "</row>" gives the events of the part whole (one piece a row, or a few)', async () => {
    const wb = await XlsxWorkbook.load(new Uint8Array((await seed002Workbook().xlsx.writeBuffer()) as ArrayBuffer));
    await generate(wb, await analyze(wb));
    const parts = unzipSync(await wb.save());
    const sheets = Object.keys(parts).filter((p) => /^xl\/worksheets\/sheet\d+\.xml$/.test(p));
    expect(sheets.length).toBeGreaterThan(5);
    const prefixed = new TextEncoder().encode('<x:worksheet xmlns:x="urn:x"><x:sheetData><x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>Sở &amp; ngành</x:t></x:is></x:c></x:row><x:row r="2"/></x:sheetData></x:worksheet>');
    for (const bytes of [...sheets.map((p) => parts[p]), prefixed])
      for (const size of [1, 64, 1 << 18]) {
        const pieces = [...xmlPieces(bytes, size)];
        expect(pieces.join('')).toBe(strFromU8(bytes));
        expect(events(scan, pieces)).toEqual(events(scan, strFromU8(bytes)));
      }
    expect([...xmlPieces(parts[sheets[0]], 64)].length).toBeGreaterThan(3);
  });

  test('a "</row>" inside a CDATA section cuts a piece wrongly: the scan throws, and the reader then reads the part whole', () => {
    const xml = '<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t><![CDATA[a</row>b]]></t></is></c></row></sheetData></worksheet>';
    expect(() => scan(xmlPieces(new TextEncoder().encode(xml), 1), { text: () => undefined })).toThrow();
    expect(events(scan, xml)).toEqual(events(sax, xml));
  });

  test('the reader of our sheets reads such a part whole and gets its text', async () => {
    const wb = await XlsxWorkbook.load(new Uint8Array((await seed002Workbook().xlsx.writeBuffer()) as ArrayBuffer));
    await generate(wb, await analyze(wb));
    const parts = unzipSync(await wb.save());
    const rels = strFromU8(parts['xl/_rels/workbook.xml.rels']);
    const rid = /<sheet [^>]*name="Công an tỉnh"[^>]*r:id="([^"]+)"/.exec(strFromU8(parts['xl/workbook.xml']))![1];
    const part = 'xl/' + new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"`).exec(rels)![1].replace(/^\/?xl\//, '');
    // a long result in J6 (the piece is cut after 256 KB), then a note in K6 whose text holds "</row>",
    // written as CDATA (some producers do): the first "</row>" after 256 KB is inside the CDATA
    const long = 'a'.repeat(300_000);
    const xml = strFromU8(parts[part])
      .replace(/<c r="J6"[^>]*?(?:\/>|>[\s\S]*?<\/c>)/, `<c r="J6" t="inlineStr"><is><t>${long}</t></is></c>`)
      .replace(/<c r="K6"[^>]*?(?:\/>|>[\s\S]*?<\/c>)/, '<c r="K6" t="inlineStr"><is><t><![CDATA[xem </row> sau]]></t></is></c>');
    expect(() => scan(xmlPieces(strToU8(xml)), { text: () => undefined })).toThrow();
    expect(xml).toContain('CDATA[xem </row>');
    const again = await XlsxWorkbook.load(zipSync({ ...parts, [part]: strToU8(xml) }));
    const g = (await again.readSheets(['Công an tỉnh'], { typed: () => true }))['Công an tỉnh'];
    expect(g.values[5][10]).toBe('xem </row> sau');
    expect(g.values[5][9]).toBe(long);
    expect(g.values.length).toBeGreaterThan(5);
  });
});
