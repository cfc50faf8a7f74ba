// No network at run time, no eval / new Function in our code, CSP in the pane.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import * as path from 'node:path';

const SRC = path.join(__dirname, '..', 'src');
function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}
const sources = files(SRC).filter((f) => /\.(ts|tsx|html)$/.test(f));

describe('security', () => {
  test('no network calls in the source', () => {
    const bad = sources.filter((f) => /\bfetch\s*\(|XMLHttpRequest|WebSocket|navigator\.sendBeacon|EventSource/.test(readFileSync(f, 'utf8')));
    expect(bad).toEqual([]);
  });
  test('no eval or new Function', () => {
    const bad = sources.filter((f) => /\beval\s*\(|new\s+Function\s*\(/.test(readFileSync(f, 'utf8')));
    expect(bad).toEqual([]);
  });
  test('the pane has a Content-Security-Policy with no remote script or connect sources', () => {
    const html = readFileSync(path.join(SRC, 'taskpane', 'taskpane.html'), 'utf8');
    const csp = html.match(/http-equiv="Content-Security-Policy" content="([^"]+)"/)![1];
    expect(csp).toMatch(/default-src 'self'/);
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(csp).not.toMatch(/https?:/);
    expect(html).toMatch(/<script src="office-js\/office.js">/);
  });
});
