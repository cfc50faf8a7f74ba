// The package layer of the .xlsx adapter: reading cells as a user sees them, splicing cells into a
// user's sheet, and a zip that copies what it does not change.
import fc from 'fast-check';
import { zipSync, strToU8, strFromU8, unzipSync } from 'fflate';
import ExcelJS from 'exceljs';
import { readSharedStrings, readSheet, serialText } from '../../src/adapters/ooxml/read';
import { Styles } from '../../src/adapters/ooxml/styles';
import { isDateFormat } from '../../src/core/styles';
import { ByteSink, cellXml, patchCells, patchDefaultPrint, sheetPartBytes, sheetPartXml, type CellPatch } from '../../src/adapters/ooxml/write';
import { readStored, writeZip, FFLATE_CODEC, type Codec } from '../../src/adapters/ooxml/zip';
import { deflateSync } from 'fflate';
import { OpcPackage } from '../../src/adapters/ooxml/package';
import { XlsxWorkbook } from '../../src/adapters/xlsx';
import { seed002Workbook } from '../../scripts/fixtures';
import { analyze, generate } from '../../src/app/usecases';

const STYLES = new Styles(
  '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts>' +
    '<cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="14"/></cellXfs></styleSheet>',
);
const ws = (data: string, extra = '') => `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${data}</sheetData>${extra}</worksheet>`;
const read = (xml: string, strings: string[] = []) => readSheet(xml, 'S', () => strings, STYLES, false).grid.values;

describe('reading cells as a user sees them', () => {
  test('shared strings with runs, phonetic runs left out; inline strings; numbers; dates by format; booleans; errors', () => {
    const sst = readSharedStrings('<sst><si><t>Sở </t></si><si><r><t>Y </t></r><r><rPr><b/></rPr><t>tế</t></r><rPh><t>x</t></rPh></si><si><t>a_x000A_b</t></si></sst>');
    expect(sst).toEqual(['Sở ', 'Y tế', 'a\nb']);
    const g = readSheet(
      ws('<row r="2"><c r="A2" t="s"><v>1</v></c><c r="C2" t="inlineStr"><is><t>Quý I</t></is></c><c r="D2"><v>1.5</v></c><c r="E2" s="1"><v>46188</v></c><c r="F2" s="2"><v>45292</v></c><c r="G2" t="b"><v>1</v></c><c r="H2" t="e"><v>#REF!</v></c><c r="I2" t="str"><f>A1</f><v>kết quả</v></c></row>'),
      'S',
      () => sst,
      STYLES,
      false,
    );
    expect(g.grid.values).toEqual([[], ['Y tế', '', 'Quý I', '1.5', '15/06/2026', '01/01/2024', 'TRUE', '#REF!', 'kết quả']]);
    expect(g.grid.errors).toEqual(['2:8']);
  });

  test('a prefixed main namespace ("x:") reads like the default one', () => {
    expect(read('<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData><x:row r="1"><x:c r="B1" t="inlineStr"><x:is><x:t>ô</x:t></x:is></x:c></x:row></x:sheetData></x:worksheet>')).toEqual([['', 'ô']]);
  });

  test('a stray cell at row 1,048,576 is one row, not a million', () => {
    const g = read(ws('<row r="1"><c r="A1" t="inlineStr"><is><t>a</t></is></c></row><row r="1048576"><c r="Z1048576"><v>1</v></c></row>'));
    expect(g.length).toBe(1048576);
    expect(g[1048575][25]).toBe('1');
    expect(new Set(g.slice(1, -1)).size).toBe(1); // the empty rows share one array
  });

  test('a merged range shows its first cell only', () => {
    const g = readSheet(ws('<row r="1"><c r="A1" t="inlineStr"><is><t>a</t></is></c><c r="B1" t="inlineStr"><is><t>stale</t></is></c></row>', '<mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells>'), 'S', () => [], STYLES, false);
    expect(g.grid.values).toEqual([['a', '']]);
  });

  test('date formats and serials', () => {
    expect(isDateFormat('dd/mm/yyyy')).toBe(true);
    expect(isDateFormat('[$-42A]d mmmm yyyy')).toBe(true);
    expect(isDateFormat('0.00" ha"')).toBe(false);
    expect(isDateFormat('General')).toBe(false);
    expect(serialText(1, false)).toBe('01/01/1900');
    expect(serialText(61, false)).toBe('01/03/1900');
    expect(serialText(0, true)).toBe('01/01/1904');
  });
});

describe('writing text that reads back as written', () => {
  test('any string, control characters, carriage returns and lone surrogates included (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (s) => {
        const xml = ws(`<row r="1">${cellXml('A1', s, null)}</row>`);
        expect(read(xml)[0]?.[0] ?? '').toBe(s);
      }),
      { numRuns: 2000 },
    );
  });

  test('a formula is written as a formula only when asked; typed "=…" text stays text', () => {
    expect(cellXml('A1', '=SUM(A1)', null)).toContain('t="inlineStr"');
    expect(cellXml('A1', { formula: 'SUM(B1:B3)', result: 3 }, 2)).toBe('<c r="A1" s="2"><f>SUM(B1:B3)</f><v>3</v></c>');
  });
});

describe('splicing cells into a user sheet', () => {
  const patch = (cells: [number, number, string, number | 'keep'][]) => {
    const m = new Map<number, Map<number, CellPatch>>();
    for (const [r, c, value, s] of cells) {
      if (!m.has(r)) m.set(r, new Map());
      m.get(r)!.set(c, { value, s });
    }
    return m;
  };
  const sheet = ws(
    '<row r="1" spans="1:2"><c r="A1" s="3" t="s"><v>0</v></c><c r="C1" s="4"><f t="shared" ref="C1:C2" si="0">A1</f><v>1</v></c></row><row r="3"><c r="B3"><v>7</v></c></row>',
    '<mergeCells count="1"><mergeCell ref="A5:B5"/></mergeCells>',
  );

  test('only the written cells change; other cells of the row, other rows and the rest of the part keep their text', () => {
    const out = patchCells(sheet, patch([[1, 2, 'x', 'keep'], [2, 4, 'Quý I', 9], [3, 2, '', 'keep']]));
    expect(out).toContain('<c r="A1" s="3" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>x</t></is></c><c r="C1" s="4"><f t="shared" ref="C1:C2" si="0">A1</f><v>1</v></c>');
    expect(out).toContain('<row r="2"><c r="D2" s="9" t="inlineStr"><is><t>Quý I</t></is></c></row><row r="3">');
    expect(out).not.toContain('<c r="B3"><v>7</v></c>'); // emptied as asked
    expect(out).toContain('<mergeCells count="1"><mergeCell ref="A5:B5"/></mergeCells>');
    expect(out).not.toContain('spans'); // the hint no longer holds
    expect(read(out, ['tiêu đề'])).toEqual([['tiêu đề', 'x', '1'], ['', '', '', 'Quý I']]);
  });

  test('rows after the last row and an empty sheetData', () => {
    expect(read(patchCells(ws(''), patch([[2, 1, 'a', 'keep']])))).toEqual([[], ['a']]);
    expect(read(patchCells('<worksheet><sheetData/></worksheet>', patch([[1, 1, 'b', 'keep']])))).toEqual([['b']]);
  });

  test('default print setup goes where the schema wants it and keeps a printer-settings link', () => {
    const out = patchDefaultPrint(ws('', '<pageMargins left="1" right="1" top="1" bottom="1" header="0" footer="0"/><pageSetup orientation="portrait" r:id="rId1"/><drawing r:id="rId2"/>'), '&CTrang &P');
    expect(out).toMatch(/^<worksheet[^>]*><sheetPr><pageSetUpPr fitToPage="1"\/><\/sheetPr><sheetData>/);
    expect(out).toContain('<pageSetup orientation="landscape" r:id="rId1" paperSize="9" fitToWidth="1" fitToHeight="0"/><headerFooter><oddFooter>&amp;CTrang &amp;P</oddFooter></headerFooter><drawing r:id="rId2"/>');
  });
});

describe('the zip', () => {
  test('a part we do not set is copied as stored: the same compressed bytes, not recompressed', async () => {
    const src = zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'xl/media/a.png': [new Uint8Array([1, 2, 3, 4]), { level: 0 }], 'xl/big.xml': [strToU8('<a>' + 'x'.repeat(5000) + '</a>'), { level: 9 }] });
    const pkg = OpcPackage.open(src);
    pkg.setText('[Content_Types].xml', '<Types></Types>');
    const out = pkg.save();
    const a = readStored(src)!;
    const b = readStored(out)!;
    for (const name of ['xl/media/a.png', 'xl/big.xml']) {
      const x = a.find((e) => e.name === name)!;
      const y = b.find((e) => e.name === name)!;
      expect([y.method, y.crc, Buffer.from(y.raw).equals(Buffer.from(x.raw))]).toEqual([x.method, x.crc, true]);
    }
    expect(new TextDecoder().decode(OpcPackage.open(out).bytes('[Content_Types].xml'))).toBe('<Types></Types>');
  });

  test('an archive the central-directory reader leaves alone still opens through fflate', () => {
    expect(readStored(new Uint8Array([1, 2, 3]))).toBeNull();
    const z = writeZip([{ name: 'a.xml', data: strToU8('<a/>') }], FFLATE_CODEC);
    expect(readStored(z)!.map((e) => e.name)).toEqual(['a.xml']);
  });

  test('a new workbook is a valid package we can read back', async () => {
    const wb = XlsxWorkbook.empty();
    await wb.write({ cellWrites: [{ sheet: 'Phụ lục', address: 'A1', values: [['STT', 'Tên nhiệm vụ']] }], sheets: [], deleteSheets: [], registry: null, createSheets: ['Phụ lục'] });
    const back = await XlsxWorkbook.load(await wb.save());
    const snap = await back.read({ extra: [] });
    expect(snap.sheets).toEqual([{ name: 'Phụ lục', visibility: 'Visible' }]);
    expect(snap.grids['Phụ lục'].values).toEqual([['STT', 'Tên nhiệm vụ']]);
  });
  test('a book with no sheet list at all (exceljs, a workbook of no sheets) gets one where the schema puts it: the new sheet is never lost', async () => {
    const bytes = new Uint8Array((await new ExcelJS.Workbook().xlsx.writeBuffer()) as ArrayBuffer);
    const wb = await XlsxWorkbook.load(bytes);
    await wb.write({ cellWrites: [{ sheet: 'Phụ lục', address: 'A1', values: [['STT']] }], sheets: [], deleteSheets: [], registry: null, createSheets: ['Phụ lục'] });
    const saved = await wb.save();
    const book = strFromU8(unzipSync(saved)['xl/workbook.xml']);
    expect(book).toMatch(/<workbookPr [^>]*\/><sheets><sheet name="Phụ lục"[^>]*\/><\/sheets><calcPr /);
    expect((await XlsxWorkbook.load(saved).then((b) => b.read({ extra: [] }))).grids['Phụ lục'].values).toEqual([['STT']]);
    const again = new ExcelJS.Workbook();
    await again.xlsx.load(saved as unknown as ArrayBuffer);
    expect(again.getWorksheet('Phụ lục')?.getCell('A1').value).toBe('STT');
  });
});

describe('formulas repeated down a column', () => {
  it('are written once as a shared formula; a formula of another shape, or an absolute one alone, is not', () => {
    const plan = {
      name: 'S',
      kind: 'agency' as const,
      rows: [['x'], [{ formula: 'IF(L2="","a",K2*2)', result: 'a' }], [{ formula: 'IF(L3="","a",K3*2)', result: 'a' }], [{ formula: 'IF(L4="","a",K4*2)', result: 'a' }], [{ formula: 'SUM($K$1:$K$4)', result: 0 }]],
      widths: [],
      heights: [],
      styles: [],
      merges: [],
      freezeRows: 0,
      print: { landscape: true, paperSize: 9 as const, fitToWidth: 1 as const },
      validations: [],
      colorScales: [],
    };
    const xml = sheetPartXml(plan, STYLES);
    expect(xml).toContain('<c r="A2" t="str"><f t="shared" ref="A2:A4" si="0">IF(L2=&quot;&quot;,&quot;a&quot;,K2*2)</f><v>a</v></c>'.replace(/&quot;/g, '"'));
    expect(xml).toContain('<c r="A3" t="str"><f t="shared" si="0"/><v>a</v></c>');
    expect(xml).toContain('<c r="A5"><f>SUM($K$1:$K$4)</f><v>0</v></c>');
  });
});

describe('a big sheet is written as bytes and compressed as it goes', () => {
  test('ByteSink gives the UTF-8 of what was pushed, across its chunk boundaries, with Vietnamese and emoji', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string(), fc.constantFrom('Sở Tài chính 🙂', 'ư'.repeat(40_000), 'x'.repeat(70_000))), { maxLength: 12 }), (parts) => {
        const sink = new ByteSink();
        for (const p of parts) sink.push(p);
        expect(Buffer.from(sink.bytes()).equals(Buffer.from(new TextEncoder().encode(parts.join(''))))).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  test('sheetPartBytes is sheetPartXml in UTF-8', () => {
    const plan = {
      name: 'S',
      kind: 'agency' as const,
      rows: Array.from({ length: 400 }, (_, i) => [String(i + 1), `Nhiệm vụ ${i} — Sở Nội vụ ${'ơ'.repeat(i % 50)}`, { formula: `IF(A${i + 1}="","a","b")`, result: 'b' }]),
      widths: [5, 20, 10],
      heights: [20],
      styles: [],
      merges: ['A1:B1'],
      freezeRows: 1,
      print: { landscape: true, paperSize: 9 as const, fitToWidth: 1 as const },
      validations: [],
      colorScales: [],
    };
    expect(new TextDecoder().decode(sheetPartBytes(plan, STYLES))).toBe(sheetPartXml(plan, STYLES));
  });

  test('parts compressed off the main thread: save waits for them, a part replaced meanwhile keeps its newer text, drain bounds what is in flight', async () => {
    const releases: (() => void)[] = [];
    const slow: Codec = {
      ...FFLATE_CODEC,
      deflateRawAsync: (d) => new Promise((resolve) => releases.push(() => resolve(deflateSync(d)))),
    };
    const pkg = OpcPackage.fromTexts({ '[Content_Types].xml': '<Types/>' }, slow);
    const big = (c: string) => new TextEncoder().encode(`<a>${c.repeat(1 << 17)}</a>`);
    pkg.setFinal('xl/a.xml', big('a'));
    pkg.setFinal('xl/b.xml', big('b'));
    pkg.setFinal('xl/b.xml', big('c'));
    expect(() => pkg.save()).toThrow(/still being compressed/);
    let drained = false;
    const d = pkg.drain(1).then(() => (drained = true));
    await Promise.resolve();
    expect(drained).toBe(false);
    // three in flight (the replaced one too): one done is not enough for at most one
    releases.shift()!();
    await new Promise((r) => setTimeout(r, 10));
    expect(drained).toBe(false);
    releases.shift()!();
    await d;
    expect(drained).toBe(true);
    const settled = pkg.settle();
    releases.forEach((r) => r());
    await settled;
    const back = OpcPackage.open(pkg.save());
    expect(back.text('xl/a.xml')).toBe(`<a>${'a'.repeat(1 << 17)}</a>`);
    expect(back.text('xl/b.xml')).toBe(`<a>${'c'.repeat(1 << 17)}</a>`);
  });
});

describe('reading every sheet after a run', () => {
  test("our generated sheets are not parsed unless named; the user's sheets all are", async () => {
    const wb = await XlsxWorkbook.load(new Uint8Array((await seed002Workbook().xlsx.writeBuffer()) as ArrayBuffer));
    const r = await generate(wb, await analyze(wb));
    const snap = await wb.read({ extra: ['Sở Ngoại vụ'], allSheets: true, sheet: 'Phụ lục' });
    expect(Object.keys(snap.grids).sort()).toEqual(['Phụ lục', 'Sở Ngoại vụ']);
    expect(snap.registry?.sheets.map((s) => s.name)).toEqual(expect.arrayContaining(r.sheetsWritten));
    expect(Object.keys(await wb.readSheets(r.sheetsWritten))).toHaveLength(r.sheetsWritten.length);
  });
});
