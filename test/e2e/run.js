#!/usr/bin/env node
// End-to-end tests that need system packages (Debian's chromium, libreoffice-calc-nogui, poppler-utils).
// Run by `npm run test:e2e` after `npm run build`. Prints "N passed, 0 failed".
'use strict';
const http = require('http');
const fs = require('fs');
const path = require('path');
const os = require('os');
const { execFileSync, spawnSync } = require('child_process');
const ExcelJS = require('exceljs');
const { chromium } = require('playwright-core');

const ROOT = path.resolve(__dirname, '..', '..');
const DIST = path.join(ROOT, 'dist');
const SHOTS = path.join(__dirname, 'screenshots');
const SAMPLE = path.join(ROOT, 'samples', 'dong-nai-2018.xlsx');
fs.mkdirSync(SHOTS, { recursive: true });

const results = [];
let pdfPages = [];
async function test(name, fn) {
  const t0 = Date.now();
  try {
    await fn();
    results.push([name, true]);
    process.stdout.write(`  ✓ ${name} (${Date.now() - t0} ms)\n`);
  } catch (e) {
    results.push([name, false]);
    process.stdout.write(`  ✗ ${name}\n    ${String((e && e.stack) || e).split('\n').slice(0, 4).join('\n    ')}\n`);
  }
}
// axe-core through the DevTools protocol, not a <script> tag: Playwright's addScriptTag fails on any CSP
// report raised while it waits, and office.js's blocked telemetry frame (our CSP's frame-src 'none') can
// raise one at any moment — a race that failed CI once.
const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
async function injectAxe(page) {
  if (!(await page.evaluate(() => typeof window.axe !== 'undefined'))) await page.evaluate(AXE_SOURCE);
}
/**
 * axe-core's violations in the page (or under a selector), as "rule (nodes): first node". One known false
 * positive is left out, as Microsoft's own Accessibility Insights does (accessibility-insights-web#7605):
 * Fluent's focus sentinels (<i data-tabster-dummy aria-hidden tabindex=0>, tabster#288) are focusable on
 * purpose and only pass focus on.
 */
async function axeViolations(page, selector) {
  await injectAxe(page);
  // and a moment for any transition that is not motion (colours) to end
  await page.waitForTimeout(250);
  return page.evaluate(async (sel) => {
    // target-size (WCAG 2.2, 24 px) is not on by default: on here
    const r = await window.axe.run(sel ? document.querySelector(sel) : document, { rules: { 'target-size': { enabled: true } } });
    return r.violations
      .map((v) => ({ ...v, nodes: v.id === 'aria-hidden-focus' ? v.nodes.filter((n) => !n.html.includes('data-tabster-dummy')) : v.nodes }))
      .filter((v) => v.nodes.length)
      .map((v) => `${v.id} (${v.nodes.length}): ${v.nodes[0].html.slice(0, 160)}`);
  }, selector ?? null);
}
function assert(cond, msg) {
  if (!cond) throw new Error(msg);
}

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.png': 'image/png', '.xml': 'application/xml', '.txt': 'text/plain' };
function serve() {
  return new Promise((resolve) => {
    const server = http.createServer((req, res) => {
      const p = path.join(DIST, decodeURIComponent(new URL(req.url, 'http://x').pathname));
      if (!p.startsWith(DIST) || !fs.existsSync(p) || fs.statSync(p).isDirectory()) {
        res.writeHead(404);
        return res.end();
      }
      res.writeHead(200, { 'Content-Type': TYPES[path.extname(p)] || 'application/octet-stream' });
      fs.createReadStream(p).pipe(res);
    });
    server.listen(0, '127.0.0.1', () => resolve(server));
  });
}

function cliJson(args) {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'phan-cong.js'), ...args], { encoding: 'utf8' });
  return JSON.parse(r.stdout);
}

async function main() {
  process.stdout.write('e2e: task pane in Chromium (standalone mode), LibreOffice rendering, bundle checks\n');

  await test('the bundle makes no network calls and the pane main bundle is under 450 KB gzipped', async () => {
    const zlib = require('zlib');
    for (const f of fs.readdirSync(DIST).filter((x) => x.endsWith('.js'))) {
      const js = fs.readFileSync(path.join(DIST, f), 'utf8');
      assert(!/\bfetch\(|XMLHttpRequest|WebSocket|sendBeacon/.test(js), `${f} contains a network call`);
    }
    const gz = zlib.gzipSync(fs.readFileSync(path.join(DIST, 'taskpane.js'))).length;
    assert(gz < 450 * 1024, `taskpane.js is ${gz} bytes gzipped`);
    const manifest = fs.readFileSync(path.join(DIST, 'manifest.xml'), 'utf8');
    assert(!manifest.includes('localhost:3000'), 'dist/manifest.xml still points at localhost');
  });

  const server = await serve();
  const base = `http://127.0.0.1:${server.address().port}`;
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'pc-chromium-'));
  const browser = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 350, height: 900 },
    acceptDownloads: true,
  });
  const page = browser.pages()[0] || (await browser.newPage());
  // Fluent's buttons fade between states; mid-fade colours fail axe's contrast check at random (a button
  // just enabled): with reduced motion (which Fluent honours) there is no fade
  await page.emulateMedia({ reducedMotion: 'reduce' });
  const requests = [];
  const consoleErrors = [];
  page.on('request', (r) => requests.push(r.url()));
  // office.js, outside Office, tries to frame Microsoft's telemetry page: the pane's CSP blocks it
  // (that report is the proof, and the request check below sees no request leave 127.0.0.1)
  const cspBlocks = [];
  page.on('console', (m) => {
    if (m.type() !== 'error') return;
    if (/violates the following Content Security Policy directive/.test(m.text())) cspBlocks.push(m.text());
    else consoleErrors.push(m.text());
  });
  page.on('response', (r) => r.status() >= 400 && consoleErrors.push(`${r.status()} ${r.url()}`));
  page.on('pageerror', (e) => consoleErrors.push(String(e)));
  const expected = cliJson(['check', SAMPLE, '--format', 'json']);
  const count = (sev) => expected.issues.filter((i) => i.severity === sev).length;
  const shot = (n) => page.screenshot({ path: path.join(SHOTS, `${n}.png`), fullPage: true });

  await test('a corrupt or password-protected file: a message in the pane, never a blank pane or an uncaught error', async () => {
    await page.goto(`${base}/taskpane.html`);
    await page.waitForSelector('[data-testid=file-input]', { state: 'attached', timeout: 15000 });
    const uncaught = [];
    page.on('pageerror', (e) => uncaught.push(String(e)));
    for (const [file, text] of [['corrupt.xlsx', 'bị hỏng'], ['password-protected.xlsx', 'mật khẩu']]) {
      await page.setInputFiles('[data-testid=file-input]', path.join(ROOT, 'test', 'fixtures', 'bad', file));
      await page.waitForSelector(`[role=alert]:has-text("${text}")`, { timeout: 10000 });
    }
    assert(uncaught.length === 0, `uncaught: ${uncaught.join('; ')}`);
  });

  await test('open → table detected', async () => {
    await page.goto(`${base}/taskpane.html`);
    await page.waitForSelector('[data-testid=file-input]', { state: 'attached', timeout: 15000 });
    await page.waitForSelector('text=Chọn tệp .xlsx');
    await page.setInputFiles('[data-testid=file-input]', SAMPLE);
    await page.waitForSelector('[data-testid=table-summary]', { timeout: 20000 });
    const summary = await page.textContent('[data-testid=table-summary]');
    assert(summary.includes('Phụ lục') && summary.includes('25 nhiệm vụ'), `summary: ${summary}`);
    await shot('01-bang');
  });

  await test('findings shown with the expected counts', async () => {
    await page.click('[data-testid=step-check]');
    await page.waitForSelector('[data-testid=count-warning]');
    const txt = async (s) => (await page.textContent(`[data-testid=count-${s}]`)).trim();
    assert((await txt('error')).endsWith(`: ${count('error')}`), await txt('error'));
    assert((await txt('warning')).endsWith(`: ${count('warning')}`), await txt('warning'));
    assert((await txt('info')).endsWith(`: ${count('info')}`), await txt('info'));
    assert((await page.locator('[data-testid=finding]').count()) === expected.issues.length, 'number of findings');
    await shot('02-kiem-tra');
  });

  await test('fix one finding (missing STT in A7)', async () => {
    const item = page.locator('[data-testid=finding][data-rule="structure.stt.missing"]').first();
    await item.locator('button.fui-Button', { hasText: 'Sửa' }).first().click();
    await page.waitForSelector('text=Đã sửa 1 ô.', { timeout: 15000 });
    const w = (await page.textContent('[data-testid=count-warning]')).trim();
    assert(w.endsWith(`: ${count('warning') - 1}`), `after fix: ${w}`);
    await shot('03-da-sua');
  });

  await test('switch a rule off in the pane: its findings go, the setting is saved in the workbook', async () => {
    const collective = expected.issues.filter((i) => i.rule === 'support.collective').length;
    assert(collective > 0, 'the sample has support.collective findings');
    const before = (await page.textContent('[data-testid=count-info]')).trim();
    await page.click('[data-testid=rules-toggle]');
    await page.click('[data-testid="rule-support.collective"] input[type=checkbox]');
    await page.click('button:has-text("Lưu cài đặt vào sổ")');
    await page.waitForSelector('text=Đã lưu cài đặt quy tắc', { timeout: 15000 });
    const after = (await page.textContent('[data-testid=count-info]')).trim();
    assert(after.endsWith(`: ${count('info') - collective}`), `info before ${before}, after ${after}`);
    assert((await page.locator('[data-testid=finding][data-rule="support.collective"]').count()) === 0, 'support.collective findings still shown');
    assert((await page.textContent('[data-testid=rules-toggle]')).includes('1 quy tắc đang tắt'), 'toggle shows the rule is off');
    await shot('03b-quy-tac');
    await page.click('[data-testid=rules-toggle]');
  });

  await test('quarter preview', async () => {
    await page.click('[data-testid=step-quarters]');
    await page.waitForSelector('[data-testid=quarters-preview]');
    await shot('04-lich-quy');
  });

  await test('agencies step', async () => {
    await page.click('[data-testid=step-agencies]');
    await page.waitForSelector('text=Danh mục có sẵn');
    // the same count as the check step's name findings, never "every name matches" beside them
    const names = expected.issues.filter((i) => ['agency.fuzzy', 'agency.abbreviation', 'agency.superseded'].includes(i.rule)).length;
    const summary = await page.textContent('[data-testid=names-summary]');
    assert(names > 0 && summary.includes(`${names} chỗ chưa ghi đúng tên chính thức`), `names summary: ${summary} (check: ${names})`);
    await shot('05-co-quan');
  });

  let downloaded = null;
  await test('generate → download; the workbook has the agency sheets and the report', async () => {
    await page.click('[data-testid=step-generate]');
    await page.click('[data-testid=generate]');
    await page.waitForSelector('[data-testid=generated]', { timeout: 30000 });
    await shot('06-tao-sheet');
    const [dl] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=download]')]);
    downloaded = path.join(os.tmpdir(), 'pc-e2e-' + Date.now() + '.xlsx');
    await dl.saveAs(downloaded);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(downloaded);
    const names = wb.worksheets.map((w) => w.name);
    for (const n of ['Phụ lục', 'Tổng hợp', 'Sở TT&TT', 'Sở Ngoại vụ', 'Công an tỉnh']) assert(names.includes(n), `missing sheet ${n} in ${names}`);
    const src = wb.getWorksheet('Phụ lục');
    assert(src.getCell('A7').value === '02', `A7 = ${src.getCell('A7').value}`);
    assert(src.getCell('F5').value === 'Quý I', `F5 = ${src.getCell('F5').value}`);
    assert(wb.getWorksheet('Công an tỉnh').getCell('A6').value === '6', 'Công an tỉnh leads task 6');
    // the rule switched off in the pane is in the registry, and the command line obeys it
    const again = cliJson(['check', downloaded, '--format', 'json']);
    assert(!again.issues.some((i) => i.rule === 'support.collective'), 'the CLI still reports support.collective on the downloaded workbook');
  });

  // issue 17: send each agency its file, take back what two of them typed
  await test('send a file to each agency as one .zip, take two back: the summary, then the merged workbook holds what they typed', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pc-e2e-send-'));
    const [dz] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=send-zip]')]);
    const zipPath = path.join(dir, 'gui.zip');
    await dz.saveAs(zipPath);
    const { unzipSync } = require(path.join(ROOT, 'node_modules', 'fflate'));
    const files = unzipSync(new Uint8Array(fs.readFileSync(zipPath)));
    const names = Object.keys(files);
    assert(names.length === 10 && names.includes('Công an tỉnh.xlsx'), `files in the .zip: ${names.join(', ')}`);
    const { XlsxWorkbook } = require(path.join(ROOT, 'build', 'src', 'adapters', 'xlsx.js'));
    const edited = [];
    for (const [name, sheet, cells] of [
      ['Công an tỉnh.xlsx', 'Công an tỉnh', { I6: 'Hoàn thành', J6: 'Đã gửi báo cáo' }],
      ['Sở Ngoại vụ.xlsx', 'Sở Ngoại vụ', { I6: 'Đang thực hiện' }],
    ]) {
      const wb = await XlsxWorkbook.load(files[name]);
      await wb.write({ cellWrites: Object.entries(cells).map(([address, v]) => ({ sheet, address, values: [[v]] })), sheets: [], deleteSheets: [], registry: null });
      const p = path.join(dir, name);
      fs.writeFileSync(p, await wb.save());
      edited.push(p);
    }
    await page.setInputFiles('[data-testid=collect-files]', edited);
    await page.waitForSelector('[data-testid=collected]', { timeout: 15000 });
    const summary = await page.textContent('[data-testid=collected]');
    assert(summary.includes('Công an tỉnh.xlsx (Công an tỉnh): 1 nhiệm vụ cập nhật, 0 xung đột'), `summary: ${summary}`);
    const axe = await axeViolations(page, 'section[aria-labelledby=send-title]');
    assert(axe.length === 0, `axe on the send panel: ${axe.join(', ')}`);
    await shot('06b-gui-thu-ve');
    const [dl] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=download]')]);
    const merged = path.join(dir, 'merged.xlsx');
    await dl.saveAs(merged);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(merged);
    assert(wb.getWorksheet('Công an tỉnh').getCell('I6').value === 'Hoàn thành', `Công an tỉnh I6 = ${wb.getWorksheet('Công an tỉnh').getCell('I6').value}`);
    assert(wb.getWorksheet('Sở Ngoại vụ').getCell('I6').value === 'Đang thực hiện', 'Sở Ngoại vụ I6');
  });

  await test('a Vietnamese pane: no English leftovers, nothing wider than 350 px, no network, no console errors', async () => {
    const text = await page.evaluate(() => document.body.innerText);
    for (const w of ['Download', 'Generate', 'Findings', 'Table', 'Quarters', 'Agencies', 'Loading', 'Error', 'Warning', 'undefined', 'NaN']) assert(!new RegExp(`\\b${w}\\b`).test(text), `English or broken text "${w}"`);
    for (const step of ['table', 'check', 'agencies', 'quarters', 'generate']) {
      await page.click(`[data-testid=step-${step}]`);
      const wide = await page.evaluate(() => document.documentElement.scrollWidth);
      assert(wide <= 350, `step ${step} is ${wide}px wide`);
    }
    const foreign = requests.filter((u) => !u.startsWith(base) && !u.startsWith('blob:') && !u.startsWith('data:'));
    assert(foreign.length === 0, `requests outside the add-in: ${foreign.join(', ')}`);
    assert(consoleErrors.length === 0, `console errors: ${consoleErrors.join(' | ')}`);
  });

  // issue 16: a plan read from a text file becomes the table, and the usual steps run on it
  await test('import seed 000 from a .txt → confirm → generate → the download holds the agencies’ sheets; the import panel passes axe', async () => {
    await page.goto(`${base}/taskpane.html`);
    await page.waitForSelector('[data-testid=import-open]', { timeout: 15000 });
    await page.click('[data-testid=import-open]');
    await page.setInputFiles('[data-testid=import-file]', path.join(ROOT, 'test', 'fixtures', 'real', 'seeds', '000_0acecf4bda859265.txt'));
    await page.waitForSelector('[data-testid=import-found]', { timeout: 15000 });
    const found = await page.textContent('[data-testid=import-found]');
    assert(found.includes('20 nhiệm vụ'), `found: ${found}`);
    const axe = await axeViolations(page, 'section[aria-labelledby=import-title]');
    assert(axe.length === 0, `axe on the import panel: ${axe.join(', ')}`);
    await shot('08-nhap-van-ban');
    await page.click('[data-testid=import-confirm]');
    await page.waitForSelector('[data-testid=table-summary]', { timeout: 20000 });
    const summary = await page.textContent('[data-testid=table-summary]');
    assert(summary.includes('"Phụ lục"'), `summary: ${summary}`);
    assert((await page.textContent('[data-testid=imported]')).includes('20 nhiệm vụ'), 'no import notice');
    await page.click('[data-testid=step-generate]');
    await page.click('[data-testid=generate]');
    await page.waitForSelector('[data-testid=generated]', { timeout: 30000 });
    const [dl] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=download]')]);
    const file = path.join(os.tmpdir(), 'pc-e2e-import-' + Date.now() + '.xlsx');
    await dl.saveAs(file);
    assert(dl.suggestedFilename() === '000_0acecf4bda859265-phan-cong.xlsx', `download name ${dl.suggestedFilename()}`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const names = wb.worksheets.map((w) => w.name);
    for (const n of ['Phụ lục', 'Tổng hợp', 'Danh sách nhiệm vụ', 'Sở TT&TT', 'Sở Tài chính']) assert(names.includes(n), `missing sheet ${n} in ${names.join(', ')}`);
    const check = cliJson(['check', file, '--format', 'json']);
    assert(check.tasks.length >= 20, `check reads ${check.tasks.length} tasks`);
  });

  await test('English is available through the switch', async () => {
    await page.selectOption('select[aria-label="Ngôn ngữ"]', 'en');
    await page.waitForSelector('text=Task assignment');
    await shot('07-english');
    await page.selectOption('select[aria-label="Language"]', 'vi');
  });

  // issue 18: the pane as a guided flow
  const vietnameseLeft = (text) =>
    text
      .replace(/'[^']*'|"[^"]*"|“[^”]*”|Phân công/g, '')
      .replace(/\b[A-Z]{1,3}\d+\b/g, '')
      .match(/[\p{L}]*[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ][\p{L}]*/giu) ?? [];
  await test('every step passes axe-core with 0 violations, in Vietnamese and English', async () => {
    await page.goto(`${base}/taskpane.html`);
    await page.setInputFiles('[data-testid=file-input]', SAMPLE);
    await page.waitForSelector('[data-testid=table-summary]', { timeout: 20000 });
    const bad = [];
    for (const lang of ['vi', 'en']) {
      if (lang === 'en') await page.selectOption('select[aria-label="Ngôn ngữ"]', 'en');
      for (const step of ['table', 'check', 'agencies', 'quarters', 'generate']) {
        await page.click(`[data-testid=step-${step}]`);
        await page.waitForTimeout(150);
        const v = await axeViolations(page);
        if (v.length) bad.push(`${lang}/${step}: ${v.join('; ')}`);
      }
    }
    await page.selectOption('select[aria-label="Language"]', 'vi');
    assert(bad.length === 0, `axe: ${bad.join(' | ')}`);
  });

  await test('English: findings, suggestions and buttons hold no Vietnamese of their own (names and phrases of the plan, quoted, are data)', async () => {
    await page.selectOption('select[aria-label="Ngôn ngữ"]', 'en');
    await page.click('[data-testid=step-check]');
    await page.waitForSelector('[data-testid=finding]');
    const texts = await page.$$eval('[data-testid=finding]', (els) =>
      // the task line and the cell are the plan's own words (data); the message, badge and buttons are ours
      els.map((el) => [...el.querySelectorAll('[data-testid=finding-message], button, .fui-Badge')].map((x) => x.textContent).join(' ')),
    );
    const buttons = await page.$$eval('main button', (els) => els.map((b) => b.textContent));
    const left = [...texts, ...buttons].map((t) => [t, vietnameseLeft(t)]).filter(([, l]) => l.length);
    await shot('07b-english-findings');
    await page.selectOption('select[aria-label="Language"]', 'vi');
    assert(left.length === 0, `Vietnamese in English mode: ${left.slice(0, 3).map(([t, l]) => `${l.join(',')} in "${t}"`).join(' | ')}`);
  });

  await test('a finding shows its task and its cell with the words marked; outside Excel "go to cell" shows the cells around it', async () => {
    await page.click('[data-testid=step-check]');
    const card = page.locator('[data-testid=finding][data-rule="agency.fuzzy"]').first();
    assert((await card.locator('[data-testid=finding-task]').textContent()).startsWith('Nhiệm vụ '), 'task line');
    assert((await card.locator('[data-testid=finding-cell] mark').count()) >= 1, 'marked words in the cell');
    await card.locator('button').first().click();
    await page.waitForSelector('[data-testid=cell-preview]');
    const marked = await card.locator('[data-testid=finding-cell] mark').first().textContent();
    assert((await page.textContent('[data-testid=preview-cell]')).includes(marked), 'the preview shows the cell');
    await shot('02b-xem-o');
  });

  await test('add as another name: asked first (the sheet it adds), then the name is known', async () => {
    const before = await page.locator('[data-testid=finding]').count();
    const card = page.locator('[data-testid=finding]', { has: page.locator('button:has-text("Thêm làm tên gọi khác")') }).first();
    await card.locator('button:has-text("Thêm làm tên gọi khác")').click();
    const ask = await page.textContent('[data-testid=alias-confirm]');
    assert(/Sổ chưa có trang tính "Danh mục cơ quan"\. Sẽ thêm trang tính này với \d+ cơ quan/.test(ask), `confirmation: ${ask}`);
    await shot('02c-hoi-truoc');
    await page.click('[data-testid=alias-confirm] button:has-text("Thêm trang tính và tên gọi")');
    await page.waitForSelector('text=Đã thêm', { timeout: 15000 });
    const after = await page.locator('[data-testid=finding]').count();
    assert(after < before, `findings ${before} → ${after}`);
  });

  await test('"Sửa tất cả": the count is of cells, and no fixable finding is left', async () => {
    const fixes = await page.locator('[data-testid=finding] button:has-text("Sửa:")').count();
    assert(fixes > 1, `fixable: ${fixes}`);
    await page.click('[data-testid=fix-all]');
    await page.waitForSelector('text=/Đã sửa \\d+ ô\\./', { timeout: 15000 });
    assert((await page.locator('[data-testid=finding] button:has-text("Sửa:")').count()) === 0, 'fixable findings left after Sửa tất cả');
  });

  await test('a table whose header is not recognised: choose the header row and columns by hand, see the tasks, read it', async () => {
    const odd = require(path.join(ROOT, 'build', 'scripts', 'fixtures.js')).oddHeaderWorkbook();
    const file = path.join(os.tmpdir(), `pc-odd-${Date.now()}.xlsx`);
    await odd.xlsx.writeFile(file);
    await page.goto(`${base}/taskpane.html`);
    await page.setInputFiles('[data-testid=file-input]', file);
    await page.waitForSelector('[data-testid=manual-mapping]', { timeout: 15000 });
    await page.selectOption('[data-testid=manual-header]', '2');
    await page.selectOption('[data-testid=manual-task]', '2');
    await page.selectOption('[data-testid=manual-lead]', '3');
    await page.selectOption('[data-testid=manual-support]', '4');
    await page.selectOption('[data-testid=manual-time]', '5');
    assert((await page.textContent('[data-testid=manual-preview]')).includes('Đọc được 2 nhiệm vụ'), 'preview');
    const v = await axeViolations(page);
    assert(v.length === 0, `axe on the manual mapping: ${v.join(', ')}`);
    await shot('00-chon-bang');
    await page.click('[data-testid=manual-read]');
    await page.waitForSelector('[data-testid=table-summary]', { timeout: 15000 });
    assert((await page.textContent('[data-testid=table-summary]')).includes('2 nhiệm vụ'), 'tasks read');
  });

  await test('opening a big file can be stopped (nothing has changed yet); the next file opens in a new worker', async () => {
    const big = path.join(os.tmpdir(), `pc-cancel-${Date.now()}.xlsx`);
    execFileSync(process.execPath, [path.join(ROOT, 'build', 'bench', 'xlsx-child.js'), 'make', big, '20000']);
    await page.goto(`${base}/taskpane.html`);
    await page.setInputFiles('[data-testid=file-input]', big);
    await page.click('[data-testid=cancel-opening]', { timeout: 10000 });
    const alert = await page.textContent('[role=alert]', { timeout: 10000 });
    assert(/Đã dừng.*Đã hủy: tệp chưa được mở/.test(alert), `after cancel: ${alert}`);
    assert((await page.locator('[data-testid=table-summary]').count()) === 0, 'a table shows after cancel');
    await page.setInputFiles('[data-testid=file-input]', SAMPLE);
    await page.waitForSelector('[data-testid=table-summary]', { timeout: 20000 });
  });

  await test('a 10,000-task workbook, read and generated in the worker: the progress bar shows, the page is never held (longest main-thread tasks printed)', async () => {
    const big = path.join(os.tmpdir(), `pc-10k-${Date.now()}.xlsx`);
    execFileSync(process.execPath, [path.join(ROOT, 'build', 'bench', 'xlsx-child.js'), 'make', big, '10000']);
    await page.goto(`${base}/taskpane.html`);
    // from the file's choice on (the page's own start, its script evaluated, comes before and is printed apart)
    const startup = await page.evaluate(
      () =>
        new Promise((resolve) => {
          window.__long = [];
          const before = [];
          new PerformanceObserver((l) => l.getEntries().forEach((e) => before.push(Math.round(e.duration)))).observe({ type: 'longtask', buffered: true });
          setTimeout(() => {
            new PerformanceObserver((l) => l.getEntries().forEach((e) => window.__long.push(Math.round(e.duration)))).observe({ type: 'longtask' });
            resolve(before);
          }, 50);
        }),
    );
    await page.setInputFiles('[data-testid=file-input]', big);
    await page.waitForSelector('[data-testid=table-summary]', { timeout: 60000 });
    const opening = await page.evaluate(() => window.__long.splice(0));
    await page.click('[data-testid=step-generate]');
    await page.click('[data-testid=generate]');
    // the page paints between sheets: the bar with its counts is seen, not only the result
    await page.waitForSelector('[role=progressbar]', { timeout: 30000 });
    // the stage and its counts, in words
    const stage = await page.textContent('[data-testid=progress-stage]', { timeout: 30000 });
    assert(/^Đang tạo trang tính… Bước \d+\/\d+/.test(stage), `progress text: ${stage}`);
    await page.waitForSelector('[data-testid=generated]', { timeout: 120000 });
    const generating = await page.evaluate(() => window.__long.splice(0));
    const top = (xs) => xs.sort((a, b) => b - a).slice(0, 3).join(', ') || 'none';
    process.stdout.write(`    longest main-thread tasks (ms; target ≤ 100): opening ${top(opening)}; generating ${top(generating)} (the page's own start: ${top(startup)})\n`);
    // the work runs in the worker and only what the pane shows crosses to the page (src/app/view.ts): what
    // is left on the page is receiving that and drawing it (on the page, the work took 5,471 ms)
    const longest = Math.max(0, ...opening, ...generating);
    assert(longest <= 100, `a main-thread task of ${longest} ms`);
  });

  await browser.close();
  server.close();

  await test('the demo output opens in LibreOffice: A4 landscape PDF with Vietnamese text intact', async () => {
    const out = path.join(os.tmpdir(), 'pc-demo-' + Date.now());
    fs.mkdirSync(out);
    const xlsx = path.join(out, 'demo.xlsx');
    execFileSync(process.execPath, [path.join(ROOT, 'bin', 'phan-cong.js'), 'generate', SAMPLE, '-o', xlsx]);
    execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${out}/lo`, '--convert-to', 'pdf', '--outdir', out, xlsx], { stdio: 'pipe', timeout: 120000 });
    const pdf = path.join(out, 'demo.pdf');
    assert(fs.existsSync(pdf), 'no PDF');
    pdfPages = printedPages(pdf, out);
    assert(pdfPages.length >= 12, `pages: ${pdfPages.length}`);
    const text = pdfPages.map((p) => p.text).join(' ');
    // header cells wrap ("Tình / trạng"): whole phrases are checked where they print on one line
    for (const s of ['NHIỆM VỤ THÔNG TIN ĐỐI NGOẠI NĂM 2018', 'Sở Thông tin và Truyền thông', 'Tình', 'trạng', 'Chưa thực']) assert(text.includes(s), `PDF lacks "${s}"`);
    // a date wider than its column prints as ###: every Hạn fits
    assert(!text.includes('###'), 'a value too wide for its column prints as ###');
    assert(/\b31\/12\/2018\b/.test(text), 'no deadline printed as dd/mm/yyyy');
    execFileSync('pdftoppm', ['-png', '-r', '70', '-f', '2', '-l', '3', pdf, path.join(SHOTS, 'demo-page')]);
  });

  // issue 21: printed as an officer prints it
  await test('every printed page is A4 landscape with a page number', async () => {
    assert(pdfPages.length >= 12, `pages read: ${pdfPages.length}`);
    const bad = pdfPages.filter((p) => !(Math.abs(p.w - 841.89) < 2 && Math.abs(p.h - 595.3) < 2) || !/Trang \d+\/\d+/.test(p.text));
    assert(bad.length === 0, `pages not A4 landscape or without "Trang n/N": ${bad.map((p) => p.page).join(', ')}`);
  });
  await test('every page starts with its sheet title or its repeated header row; no page holds only quarter columns', async () => {
    assert(pdfPages.length >= 12, `pages read: ${pdfPages.length}`);
    const starts = /^(PHỤ LỤC|TỔNG HỢP|DANH SÁCH|NHIỆM VỤ|NỘI DUNG|BIỂU ĐỒ|STT|Mã)(\s|$)/u;
    // a repeated header row: "STT" (or "Mã") printed within the top band of the page's text (its cells are
    // vertically centred, so pdftotext may emit other header words first)
    const headed = (p) => {
      const top = Math.min(...p.tops);
      return p.words.some((w, i) => (w === 'STT' || w === 'Mã') && p.tops[i] - top < 40);
    };
    const bad = pdfPages.filter((p) => !starts.test(p.first) && !headed(p));
    assert(bad.length === 0, `pages starting otherwise: ${bad.map((p) => `${p.page}: "${p.first}"`).join('; ')}`);
    const quarterOnly = pdfPages.filter((p) => p.words.every((w) => /^(x|Quý|I|II|III|IV|Trang|\d+\/\d+|Kế|hoạch|số|[\d/.-]+KH-UBND)$/.test(w)));
    assert(quarterOnly.length === 0, `pages of quarter columns only: ${quarterOnly.map((p) => p.page).join(', ')}`);
  });
  await test('text on the pages of generated sheets prints at 10.5 pt or more', async () => {
    // the box height of a word over its font size, measured on a 12 pt cell printed unscaled (fonts are substituted here)
    const ExcelJS = require(path.join(ROOT, 'node_modules', 'exceljs'));
    const cal = new ExcelJS.Workbook();
    const ws = cal.addWorksheet('S');
    ws.getCell('A1').value = 'Nhiệm vụ Quý';
    ws.getCell('A1').font = { name: 'Times New Roman', size: 12 };
    ws.pageSetup = { paperSize: 9, orientation: 'landscape' };
    const dir = path.join(os.tmpdir(), 'pc-cal-' + Date.now());
    fs.mkdirSync(dir);
    await cal.xlsx.writeFile(path.join(dir, 'cal.xlsx'));
    execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${dir}/lo`, '--convert-to', 'pdf', '--outdir', dir, path.join(dir, 'cal.xlsx')], { stdio: 'pipe', timeout: 120000 });
    const ratio = Math.min(...printedPages(path.join(dir, 'cal.pdf'), dir)[0].heights) / 12;
    const ours = pdfPages.filter((p) => !p.text.includes('PHỤ LỤC') && !/^STT\s+Tên nhiệm vụ/.test(p.first + ' ' + p.words.slice(1, 4).join(' ')));
    assert(ours.length >= 11, `pages of generated sheets: ${ours.length}`);
    const smallest = Math.min(...ours.map((p) => Math.min(...p.heights))) / ratio;
    assert(smallest >= 10.5, `smallest printed text ${smallest.toFixed(1)} pt (box/size ratio ${ratio.toFixed(2)})`);
    process.stdout.write(`    smallest printed text on generated sheets: ${smallest.toFixed(1)} pt\n`);
  });

  // issue 15: rich workbooks of three producers, generated on, then opened by LibreOffice
  await test('rich workbooks (openpyxl, LibreOffice, exceljs, .xlsm): LibreOffice opens the output; the user’s sheets read as before', async () => {
    const dir = path.join(os.tmpdir(), 'pc-rich-' + Date.now());
    fs.mkdirSync(dir);
    const files = ['openpyxl.xlsx', 'openpyxl.xlsm', 'libreoffice.xlsx', 'exceljs.xlsx'];
    const inputs = [];
    for (const f of files) {
      const base = f.replace('.', '-');
      const ext = f.split('.')[1];
      fs.copyFileSync(path.join(ROOT, 'test', 'fixtures', 'rich', f), path.join(dir, `${base}-orig.${ext}`));
      execFileSync(process.execPath, [path.join(ROOT, 'bin', 'phan-cong.js'), 'generate', path.join(ROOT, 'test', 'fixtures', 'rich', f), '-o', path.join(dir, `${base}-out.${ext}`)]);
      inputs.push(`${base}-orig.${ext}`, `${base}-out.${ext}`);
    }
    // every sheet to its own CSV (LibreOffice 7.2+: sheet -1)
    execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${dir}/lo`, '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1', '--outdir', dir, ...inputs.map((i) => path.join(dir, i))], { cwd: dir, stdio: 'pipe', timeout: 180000 });
    const csv = (name) => fs.readFileSync(path.join(dir, name), 'utf8');
    for (const f of files) {
      const base = f.replace('.', '-');
      for (const sheet of ['Dữ liệu', 'Ẩn', 'Rất ẩn', ...(f === 'libreoffice.xlsx' ? ['Bảng tổng hợp'] : [])]) {
        assert(csv(`${base}-out-${sheet}.csv`) === csv(`${base}-orig-${sheet}.csv`), `${f}: sheet "${sheet}" reads differently after generate`);
      }
      // the table as typed (columns A–E) is unchanged; the quarter columns were added
      const before = parseCsv(csv(`${base}-orig-Phụ lục.csv`));
      const after = parseCsv(csv(`${base}-out-Phụ lục.csv`));
      const ae = (rows) => JSON.stringify(rows.map((r) => r.slice(0, 5)).filter((r) => r.some((v) => v !== '')));
      assert(ae(after) === ae(before), `${f}: the table's own columns read differently after generate`);
      assert(after[4].slice(5, 9).join('|') === 'Quý I|Quý II|Quý III|Quý IV', `${f}: quarter headers ${after[4].slice(5, 9).join('|')}`);
      const report = csv(`${base}-out-Tổng hợp.csv`);
      assert(/\n1,Sở Công Thương,Sở Công Thương,3,4,/.test(report), `${f}: the report's formulas do not evaluate in LibreOffice: ${report.split('\n')[4]}`);
    }
  });

  // issue 17: the live "Đánh giá" formula, evaluated by LibreOffice (recalculating on load, TODAY() real)
  await test('"Đánh giá" evaluates to the right outcome in LibreOffice for the four cases and "no deadline"', async () => {
    const dir = path.join(os.tmpdir(), 'pc-outcome-' + Date.now());
    fs.mkdirSync(dir);
    const file = path.join(dir, 'outcome.xlsx');
    execFileSync(process.execPath, [path.join(ROOT, 'bin', 'phan-cong.js'), 'generate', SAMPLE, '-o', file]);
    const { XlsxWorkbook } = require(path.join(ROOT, 'build', 'src', 'adapters', 'xlsx.js'));
    const { serialOf } = require(path.join(ROOT, 'build', 'src', 'core', 'generate.js'));
    const wb = await XlsxWorkbook.load(new Uint8Array(fs.readFileSync(file)));
    const sheet = 'Sở Ngoại vụ';
    const grid = (await wb.readSheets([sheet]))[sheet].values;
    const rows = grid.map((r, i) => (/^\d/.test(r[0] ?? '') ? i + 1 : 0)).filter(Boolean).slice(0, 5);
    assert(rows.length === 5, `task rows: ${rows}`);
    const future = serialOf(new Date(Date.now() + 60 * 86400000).toISOString().slice(0, 10));
    const w = (address, v, style) => ({ sheet, address, values: [[v]], ...(style ? { style } : {}) });
    const [a, b, c, d, e] = rows;
    await wb.write({
      cellWrites: [
        w(`L${a}`, serialOf('2018-06-30'), 'date'), w(`I${a}`, 'Hoàn thành'), w(`M${a}`, serialOf('2018-06-20'), 'inputDate'), // done on time
        w(`L${b}`, serialOf('2018-06-30'), 'date'), w(`I${b}`, 'Hoàn thành'), w(`M${b}`, serialOf('2018-07-02'), 'inputDate'), // done late
        w(`L${c}`, future, 'date'), w(`I${c}`, 'Đang thực hiện'), // not done, in time
        w(`L${d}`, serialOf('2018-06-30'), 'date'), w(`I${d}`, 'Đang thực hiện'), // not done, late
        w(`L${e}`, ''), // no deadline
      ],
      sheets: [],
      deleteSheets: [],
      registry: null,
    });
    fs.writeFileSync(file, await wb.save());
    // a profile that recalculates .xlsx formulas on load (LibreOffice's default keeps the cached values)
    const xcu = path.join(dir, 'lo', 'user');
    fs.mkdirSync(xcu, { recursive: true });
    fs.writeFileSync(
      path.join(xcu, 'registrymodifications.xcu'),
      '<?xml version="1.0" encoding="UTF-8"?><oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
        '<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item></oor:items>',
    );
    execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${dir}/lo`, '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1', '--outdir', dir, file], { cwd: dir, stdio: 'pipe', timeout: 120000 });
    const csv = parseCsv(fs.readFileSync(path.join(dir, `outcome-${sheet}.csv`), 'utf8'));
    const got = rows.map((r) => csv[r - 1][13]);
    const want = ['Hoàn thành đúng hạn', 'Hoàn thành quá hạn', 'Chưa hoàn thành, trong hạn', 'Chưa hoàn thành, quá hạn', 'Không có hạn'];
    assert(JSON.stringify(got) === JSON.stringify(want), `Đánh giá as LibreOffice computes it: ${got.join(' | ')}`);
  });

  const passed = results.filter((r) => r[1]).length;
  const failed = results.length - passed;
  process.stdout.write(`${passed} passed, ${failed} failed\n`);
  process.exit(failed ? 1 : 0);
}

/**
 * RFC 4180 rows (quoted fields may hold commas, quotes doubled, line breaks), blank rows kept: the tests
 * index rows by their sheet row. (The master list's parseCsv drops blank rows and guesses the separator.)
 */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let q = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (q) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') q = false;
      else field += ch;
    } else if (ch === '"') q = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else if (ch !== '\r') field += ch;
  }
  if (field || row.length) rows.push([...row, field]);
  return rows;
}

/** Pages of a PDF: size, words with their box heights, text. */
function printedPages(pdf, dir) {
  const info = execFileSync('pdfinfo', ['-f', '1', '-l', '9999', pdf], { encoding: 'utf8' });
  const sizes = [...info.matchAll(/Page\s+(\d+) size:\s+([\d.]+) x ([\d.]+)/g)].map((m) => ({ page: Number(m[1]), w: Number(m[2]), h: Number(m[3]) }));
  const html = path.join(dir, path.basename(pdf) + '.bbox.html');
  execFileSync('pdftotext', ['-bbox', pdf, html]);
  const pages = fs.readFileSync(html, 'utf8').split('<page ').slice(1);
  return pages.map((p, i) => {
    const words = [...p.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)];
    const texts = words.map((w) => w[5].replace(/&amp;/g, '&'));
    return { ...sizes[i], words: texts, text: texts.join(' '), first: texts.slice(0, 2).join(' '), heights: words.map((w) => Number(w[4]) - Number(w[2])), tops: words.map((w) => Number(w[2])) };
  });
}

main().catch((e) => {
  process.stdout.write(`e2e crashed: ${e && e.stack}\n0 passed, 1 failed\n`);
  process.exit(1);
});
