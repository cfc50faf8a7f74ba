// Offline manifest check (Microsoft's validator needs the network): well-formed XML, element
// order, ids, icons that exist, permissions, requirement set, localized strings.
import { readFileSync, existsSync } from 'node:fs';
import * as path from 'node:path';

const ROOT = path.join(__dirname, '..');
const xml = readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8');

/** A tiny well-formedness check: every tag closes in order. */
function wellFormed(s: string): string[] {
  const stack: string[] = [];
  const errors: string[] = [];
  const body = s.replace(/<\?xml[^>]*\?>/, '').replace(/<!--[\s\S]*?-->/g, '');
  for (const m of body.matchAll(/<(\/?)([\w:.-]+)([^>]*?)(\/?)>/g)) {
    const [, close, name, , self] = m;
    if (self) continue;
    if (!close) stack.push(name);
    else if (stack.pop() !== name) errors.push(`unexpected </${name}>`);
  }
  if (stack.length) errors.push(`unclosed ${stack.join(',')}`);
  return errors;
}

const topLevel = () => {
  const inner = xml.slice(xml.indexOf('>', xml.indexOf('<OfficeApp')) + 1, xml.lastIndexOf('</OfficeApp>'));
  const names: string[] = [];
  let depth = 0;
  for (const m of inner.matchAll(/<(\/?)([\w:.-]+)[^>]*?(\/?)>/g)) {
    if (m[1]) depth--;
    else {
      if (depth === 0) names.push(m[2]);
      if (!m[3]) depth++;
    }
  }
  return names;
};

describe('manifest.xml', () => {
  test('is well-formed', () => expect(wellFormed(xml)).toEqual([]));
  test('top-level elements in the schema order', () => {
    expect(topLevel()).toEqual(['Id', 'Version', 'ProviderName', 'DefaultLocale', 'DisplayName', 'Description', 'IconUrl', 'HighResolutionIconUrl', 'SupportUrl', 'AppDomains', 'Hosts', 'Requirements', 'DefaultSettings', 'Permissions', 'VersionOverrides']);
  });
  test('a GUID id, version, vi-VN default with an en-US override', () => {
    expect(xml).toMatch(/<Id>[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}<\/Id>/);
    expect(xml).toMatch(/<Version>\d+\.\d+\.\d+\.\d+<\/Version>/);
    expect(xml).toMatch(/<DefaultLocale>vi-VN<\/DefaultLocale>/);
    expect(xml).toMatch(/<DisplayName DefaultValue="Phân công">\s*<Override Locale="en-US"/);
  });
  test('Excel workbook task pane with only ReadWriteDocument and a minimum ExcelApi', () => {
    expect(xml).toMatch(/xsi:type="TaskPaneApp"/);
    expect(xml).toMatch(/<Host Name="Workbook"\/>/);
    expect(xml.match(/<Permissions>(.*)<\/Permissions>/)![1]).toBe('ReadWriteDocument');
    expect(xml).toMatch(/<Set Name="ExcelApi" MinVersion="1\.7"\/>/);
  });
  test('ribbon button on the Home tab opens the pane', () => {
    expect(xml).toMatch(/<OfficeTab id="TabHome">/);
    expect(xml).toMatch(/<Action xsi:type="ShowTaskpane">/);
  });
  test('every resid is defined once, every icon exists in assets/', () => {
    const ids = [...xml.matchAll(/<bt:(?:Image|Url|String) id="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
    for (const m of xml.matchAll(/resid="([^"]+)"/g)) expect(ids).toContain(m[1]);
    for (const m of xml.matchAll(/https:\/\/localhost:3000\/assets\/([\w.-]+)/g)) expect(existsSync(path.join(ROOT, 'assets', m[1]))).toBe(true);
    for (const size of [16, 32, 64, 80, 128]) expect(existsSync(path.join(ROOT, 'assets', `icon-${size}.png`))).toBe(true);
  });
});
