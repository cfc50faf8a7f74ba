// npm run bench [-- --json]: a realistic appendix of 2,000 tasks and 80 agencies through the
// Office adapter on the fake Excel host (100 ms per sync, 10 MB/s), against a naive per-row
// writer in the same process; plus core timings (5,000-row table, 10,000 mentions × 300
// cells), recogniser and time-parser accuracy on real text (test/fixtures/real), and the pane's bundle size.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { gzipSync } from 'node:zlib';
import { performance } from 'node:perf_hooks';
import { OfficeWorkbook } from '../src/adapters/office';
import { analyzeSnapshot, generate } from '../src/app/usecases';
import { buildIndex } from '../src/core/agencies/match';
import { parseMentions } from '../src/core/agencies/split';
import { importPlan } from '../src/app/import';
import { planGeneration, subjectFromTitles, attachedFromTitles } from '../src/core/generate';
import { planQuarters } from '../src/core/quarters';
import { detectTable, readTasks } from '../src/core/table';
import { STYLES } from '../src/core/styles';
import { parseRange } from '../src/core/address';
import type { SheetPlan } from '../src/core/schemas';
import { appendixForBench, BENCH_AGENCIES, cold, masterForBench, median } from './fixture';
import { FakeExcelHost } from '../test/fake-excel';
import { fuseBaseline, jaccardBaseline } from '../test/fixtures/baselines';
import { corpusCases, extraCases, scoreTime } from '../test/real/time-score';
import { indexCache, mastersOf, realMentionCases, scoreBaseline, scoreMentions } from '../test/real/agency-score';
import type { Score } from '../test/real/tsv';

const LATENCY = { perSyncMs: 100, bytesPerMs: 10_000 }; // 10 MB/s
const TASKS = 2000;
const AGENCIES = BENCH_AGENCIES;
const CORE_WARMUP = 5;
const CORE_RUNS = 10;
const json = process.argv.includes('--json');
const say = (s: string) => {
  if (!json) process.stdout.write(s + '\n');
};
process.stdout.on('error', () => process.exit(0)); // output piped into head

/** A careless add-in: one sync per sheet creation, per row and per style range. */
async function naiveWrite(host: FakeExcelHost, sheets: SheetPlan[]): Promise<void> {
  await host.run(async (context) => {
    for (const sp of sheets) {
      context.workbook.worksheets.add('naive-' + sp.name.slice(0, 20));
      await context.sync(); // eslint-disable-line office-addins/no-context-sync-in-loop
      const ws = context.workbook.worksheets.getItem('naive-' + sp.name.slice(0, 20));
      for (let r = 0; r < sp.rows.length; r++) {
        const row = sp.rows[r].map((v) => (v === null ? '' : typeof v === 'object' ? ('formula' in v ? '=' + v.formula : v.text) : v));
        if (!row.length) continue;
        ws.getRange(`A${r + 1}:${String.fromCharCode(64 + row.length)}${r + 1}`).values = [row];
        await context.sync(); // eslint-disable-line office-addins/no-context-sync-in-loop
      }
      for (const st of sp.styles) {
        const s = STYLES[st.style];
        ws.getRange(st.range).format.font.name = s.font.name;
        await context.sync(); // eslint-disable-line office-addins/no-context-sync-in-loop
      }
    }
  });
}

async function main(): Promise<void> {
  const master = masterForBench(AGENCIES);
  const rows = appendixForBench(master, TASKS);
  const host = new FakeExcelHost(LATENCY);
  host.addSheet('Phụ lục', rows);
  const port = new OfficeWorkbook(host.run as never, host.isSetSupported);

  // 1. read (one round trip) + core (read table, validate, quarters, sheet plans), timed apart
  host.resetCounters();
  const snap = await port.read({ sheet: 'Phụ lục', extra: ['Danh mục cơ quan'] });
  const readSyncs = host.syncs;
  // core_ms is the steady state: the whole pipeline runs CORE_WARMUP times not counted (the JIT compiles
  // the hot code; where a run lands on that curve is what made single runs swing from 120 to 240 ms),
  // then CORE_RUNS timed runs, each with every memo cache cleared; core_ms is their median.
  // core_first_ms is the very first run of this process, JIT cold and caches empty: what an
  // officer's first click on "Kiểm tra" + "Tạo sheet" costs. Reported, not a target.
  const pipeline = () => {
    const r = analyzeSnapshot(snap, { master });
    planQuarters(r.grid, r.table, r.tasks);
    planGeneration(r.tasks, r.idx, { planYear: r.planYear, subject: subjectFromTitles(r.titles), attachedTo: attachedFromTitles(r.titles), expandCollectives: true, expandOnlyNamed: false, userSheetNames: ['Phụ lục'], previousNames: {}, carryOver: {}, issues: r.issues });
    return r;
  };
  // run 0 is the first of the process, runs 1..CORE_WARMUP warm the JIT up, the rest are core_ms
  const times: number[] = [];
  let a: ReturnType<typeof pipeline> | null = null;
  for (let i = 0; i <= CORE_WARMUP + CORE_RUNS; i++) {
    cold();
    const t0 = performance.now();
    a = pipeline();
    times.push(performance.now() - t0);
  }
  if (!a) throw new Error('the core did not run');
  const core_first_ms = Math.round(times[0]);
  const warmRuns = times.slice(1, 1 + CORE_WARMUP);
  const coreRuns = times.slice(1 + CORE_WARMUP);
  const core_ms = Math.round(median(coreRuns));
  if (process.env.BENCH_DEBUG) process.stderr.write(`core first ${core_first_ms}, warm-up: ${warmRuns.map((x) => x.toFixed(0)).join(' ')}, runs: ${coreRuns.map((x) => x.toFixed(0)).join(' ')}\n`);

  // 2. write through the Office adapter
  const r = await generate(port, a, { expandCollectives: true });
  const syncs = host.syncs;
  const recalculations = host.recalculations;
  const bytes = host.requestBytes + host.responseBytes;
  const simulated_ms = Math.round(host.simulatedMs);
  const maxRequest = host.maxRequestBytes;
  const limit_syncs = 1 + Math.ceil(bytes / (4 * 1024 * 1024));

  // 3. the naive per-row baseline, same plan, same host model
  const naiveHost = new FakeExcelHost(LATENCY);
  naiveHost.addSheet('Phụ lục', rows);
  await naiveHost.run(async (context) => {
    const u = context.workbook.worksheets.getItem('Phụ lục').getUsedRange();
    u.load('values');
    await context.sync();
  });
  await naiveWrite(naiveHost, r.generation.sheets);
  const naive_syncs = naiveHost.syncs;
  const naive_simulated_ms = Math.round(naiveHost.simulatedMs);

  say(`Bảng ${TASKS} nhiệm vụ, ${AGENCIES} cơ quan trong danh mục → ${r.generation.sheets.length} sheet, ${a.issues.length} phát hiện`);
  say(`core_ms (đọc bảng + kiểm tra + lịch quý + kế hoạch sheet; trung vị ${CORE_RUNS} lần sau ${CORE_WARMUP} lần chạy nóng máy, bộ nhớ đệm xoá mỗi lần): ${core_ms} ms (mục tiêu < 150 ms)`);
  say(`  lần chạy đầu tiên của tiến trình (JIT chưa biên dịch, như lần bấm đầu tiên của cán bộ): ${core_first_ms} ms`);
  say(`Office adapter: ${syncs} lần đồng bộ (đọc ${readSyncs}), ${bytes} byte, yêu cầu lớn nhất ${maxRequest} byte (giới hạn 5 MB), mô phỏng ${simulated_ms} ms`);
  say(`Giới hạn lý thuyết: ${limit_syncs} lần; tỉ lệ ${(syncs / limit_syncs).toFixed(2)} (mục tiêu ≤ 1,5); Excel giả lập tính lại công thức ${recalculations} lần (mỗi lượt ghi đều tạm dừng tính toán)`);
  say(`Cách ghi từng dòng: ${naive_syncs} lần, mô phỏng ${naive_simulated_ms} ms; gấp ${(naive_syncs / syncs).toFixed(0)} lần số đồng bộ, ${(naive_simulated_ms / simulated_ms).toFixed(0)} lần thời gian`);

  // 4. a 5,000-row table: read time in the core
  const big = appendixForBench(master, 5000);
  const bigGrid = { sheet: 'Phụ lục', values: big, top: 1, left: 1, merges: [], errors: [] };
  const idx = buildIndex(master, 'Đồng Nai');
  const readRuns: number[] = [];
  for (let i = 0; i < 5; i++) {
    cold();
    const t0 = performance.now();
    readTasks(bigGrid, detectTable(bigGrid).table!, buildIndex(master, 'Đồng Nai'), { planYear: 2024 });
    readRuns.push(performance.now() - t0);
  }
  const read5000_ms = Math.round(median(readRuns));
  say(`Đọc bảng 5.000 dòng: ${read5000_ms} ms (mục tiêu < 200 ms)`);

  // 5. 10,000 lead / support cells against a 300-agency list: titles, trailing text, shared heads
  const m300 = masterForBench(300);
  const cells: string[] = [];
  const names300 = m300.agencies.map((a) => a.name);
  const variant = (n: string, i: number) => [n, n.replace(/,/g, ''), n.toLowerCase(), n.normalize('NFD'), `${n} tỉnh`, n.replace('và', '&')][i % 6];
  for (let i = 0; i < 10000; i++) {
    const a = variant(names300[(i * 31) % names300.length], i);
    const b = names300[(i * 17 + 5) % names300.length];
    cells.push(
      [
        `Giám đốc ${a}`,
        `${a} chủ trì tổng hợp`,
        `${a}, ${b} và các đơn vị liên quan`,
        'Giám đốc các Sở: Nội vụ, Tư pháp, Y tế, Giáo dục và Đào tạo',
        `${a} (đối với nội dung ${i})`,
        `Thủ trưởng các sở, ban, ngành, đoàn thể; UBND các xã, phường`,
        a + (i % 13 === 0 ? ` ${i}` : ''),
      ][i % 7],
    );
  }
  const matchRuns: number[] = [];
  for (let k = 0; k < 3; k++) {
    cold();
    const index = buildIndex(m300);
    const t0 = performance.now();
    for (const c of cells) parseMentions(c, index);
    matchRuns.push(performance.now() - t0);
  }
  const match_ms = Math.round(median(matchRuns));
  say(`10.000 ô cơ quan (chức danh, chữ theo sau tên, đầu chung "Các Sở: …") × danh mục 300 cơ quan: ${match_ms} ms (mục tiêu < 300 ms)`);
  void idx;

  // 6. accuracy on real text (test/fixtures/real, copied from published plans with their sources)
  const pct = (s: Score) => `đúng ${s.right}/${s.total} (${((100 * s.right) / s.total).toFixed(1)}%), không trả lời ${s.none}, sai chắc chắn ${s.wrong}`;
  const timeCorpus = scoreTime(corpusCases());
  const timeExtra = scoreTime(extraCases());
  say(`Cụm thời gian thật (${timeCorpus.quarters.total} cụm từ kho tài liệu): quý ${pct(timeCorpus.quarters)}; hạn ${pct(timeCorpus.deadlines)}`);
  say(`  thêm ${timeExtra.quarters.total} ô thời gian của các bảng, văn bản thật: quý ${pct(timeExtra.quarters)}; hạn ${pct(timeExtra.deadlines)}`);
  const mentionCases = realMentionCases();
  const masters = mastersOf(mentionCases);
  const oursMatch = scoreMentions(mentionCases, indexCache(masters)).all;
  const jac = scoreBaseline(mentionCases, masters, jaccardBaseline);
  const fuse = scoreBaseline(mentionCases, masters, fuseBaseline);
  say(`Tên cơ quan thật (${oursMatch.total} cách ghi trong kế hoạch đã ban hành): Phân công ${pct(oursMatch)}`);
  say(`  Power Query (Jaccard ≥ 0,8): ${pct(jac)}`);
  say(`  Fuse.js mặc định: ${pct(fuse)}`);

  // 7. the .xlsx path on a 20,000-task file, end to end, against exceljs loading and saving the same file
  const child = (...args: string[]) => JSON.parse(execFileSync(process.execPath, [path.join(__dirname, 'xlsx-child.js'), ...args], { encoding: 'utf8', maxBuffer: 1 << 20 }).trim()) as { ms: number; peak_rss_mb: number };
  const dir = mkdtempSync(path.join(tmpdir(), 'pc-bench-'));
  const bigFile = path.join(dir, 'big.xlsx');
  child('make', bigFile);
  const ours = child('generate', bigFile, path.join(dir, 'out.xlsx'));
  const baseline = child('baseline', bigFile, path.join(dir, 'base.xlsx'));
  // the same content through exceljs: it opens and saves the workbook we wrote (80 sheets of ≈ 3,500 rows,
  // 100 MB of XML) — what exceljs costs for the work, where the baseline above costs only a 448 KB table
  const sameContent = child('baseline', path.join(dir, 'out.xlsx'), path.join(dir, 'base-out.xlsx'));
  // the officer's next run: generate again on the file that holds the sheets, against exceljs loading and
  // saving that same file. As written, our sheets are known untouched (their registered fingerprints) and
  // not read; then again after statuses were typed in every 8th agency sheet: those are read and carried
  const again = child('generate', path.join(dir, 'out.xlsx'), path.join(dir, 'out-again.xlsx'));
  child('type', path.join(dir, 'out.xlsx'), path.join(dir, 'out-typed.xlsx'));
  const againTyped = child('generate', path.join(dir, 'out-typed.xlsx'), path.join(dir, 'out-typed-again.xlsx'));
  const strayFile = path.join(dir, 'stray.xlsx');
  child('stray', bigFile, strayFile);
  const read = child('read', bigFile);
  const readStray = child('read', strayFile);
  say(`Tệp .xlsx 20.000 nhiệm vụ, generate trọn vẹn: ${ours.ms} ms, bộ nhớ đỉnh ${ours.peak_rss_mb} MB; exceljs chỉ mở rồi lưu lại cùng tệp: ${baseline.ms} ms, ${baseline.peak_rss_mb} MB (tỉ lệ ${(ours.ms / baseline.ms).toFixed(2)}; mục tiêu ≤ 0,3 và ≤ 400 MB)`);
  say(`  exceljs mở rồi lưu lại tệp kết quả (cùng nội dung ta ghi): ${sameContent.ms} ms, ${sameContent.peak_rss_mb} MB (tỉ lệ của ta ${(ours.ms / sameContent.ms).toFixed(2)})`);
  say(`  generate lần hai trên chính tệp đó (các trang tính còn nguyên như đã ghi: không phải đọc): ${again.ms} ms, bộ nhớ đỉnh ${again.peak_rss_mb} MB (tỉ lệ với exceljs mở rồi lưu lại cùng tệp: ${(again.ms / sameContent.ms).toFixed(2)})`);
  say(`  … sau khi 1/8 số cơ quan nhập tình trạng (đọc các trang tính đó, mang nội dung sang): ${againTyped.ms} ms, bộ nhớ đỉnh ${againTyped.peak_rss_mb} MB (tỉ lệ ${(againTyped.ms / sameContent.ms).toFixed(2)})`);
  say(`  Đọc và kiểm tra cùng tệp: ${read.ms} ms; có thêm một ô lạc ở Z1048576: ${readStray.ms} ms (tỉ lệ ${(readStray.ms / read.ms).toFixed(2)})`);

  // 7a. distribute and collect: 80 agencies × 2,000 tasks
  const plan2k = path.join(dir, 'plan2k.xlsx');
  child('make', plan2k, '2000');
  child('generate', plan2k, path.join(dir, 'out2k.xlsx'));
  const sendDir = path.join(dir, 'send');
  mkdirSync(sendDir);
  const distributed = child('distribute', path.join(dir, 'out2k.xlsx'), sendDir);
  const collected = child('collect', path.join(dir, 'out2k.xlsx'), sendDir, path.join(dir, 'merged2k.xlsx'));
  say(`Gửi từng cơ quan (80 cơ quan, 2.000 nhiệm vụ): ${distributed.ms} ms; thu về và gộp 80 tệp: ${collected.ms} ms (mục tiêu < 5 s mỗi việc)`);

  // 7b. import: a 300-task plan made of the real agency sections of seed 003, repeated
  const seed003 = readFileSync(path.join(__dirname, '..', '..', 'test', 'fixtures', 'real', 'seeds', '003_2f803b16aa6acc34.txt'), 'utf8').split('\n');
  const from = seed003.findIndex((l) => l.startsWith('IV. PHÂN CÔNG'));
  const to = seed003.findIndex((l, i) => i > from && l.startsWith('V. '));
  const block = seed003.slice(from, to);
  const perBlock = importPlan(block.join('\n'), 'seed003').tasks.length;
  const repeats = Math.ceil(300 / perBlock);
  const doc = Array.from({ length: repeats }, () => block.join('\n')).join('\n');
  const importRuns = [0, 1, 2].map(() => {
    const t0 = performance.now();
    const n = importPlan(doc, 'bench').tasks.length;
    return { ms: performance.now() - t0, n };
  });
  const import_ms = Math.round(importRuns[0].ms);
  say(`Nhập văn bản ${importRuns[0].n} nhiệm vụ (phần IV của kế hoạch Đắk Lắk lặp ${repeats} lần): lần đầu ${import_ms} ms, các lần sau ${Math.round(median(importRuns.slice(1).map((r) => r.ms)))} ms (mục tiêu < 2000 ms)`);

  // 8. the pane's bundle
  const dist = path.join(__dirname, '..', '..', 'dist');
  let bundle_gzip_bytes: number | null = null;
  if (existsSync(path.join(dist, 'taskpane.js'))) {
    bundle_gzip_bytes = gzipSync(readFileSync(path.join(dist, 'taskpane.js'))).length;
    const chunks = readdirSync(dist).filter((f) => /^\d+\.[0-9a-f]+\.js$/.test(f));
    const lazy = chunks.reduce((n, f) => n + gzipSync(readFileSync(path.join(dist, f))).length, 0);
    say(`Gói ngăn tác vụ: taskpane.js ${(bundle_gzip_bytes / 1024).toFixed(0)} KB nén gzip (mục tiêu < 450 KB); phần tải khi cần (đọc/ghi tệp .xlsx cho chế độ độc lập): ${(lazy / 1024).toFixed(0)} KB`);
  } else say('Gói ngăn tác vụ: chưa build (chạy npm run build để đo).');

  void parseRange;
  process.stdout.write(
    JSON.stringify({
      tasks: TASKS,
      agencies: AGENCIES,
      core_ms,
      core_first_ms,
      syncs,
      bytes,
      limit_syncs,
      naive_syncs,
      simulated_ms,
      naive_simulated_ms,
      read_syncs: readSyncs,
      recalculations,
      max_request_bytes: maxRequest,
      read5000_ms,
      match10000_ms: match_ms,
      time_real: { phrases: timeCorpus.quarters, deadlines: timeCorpus.deadlines, extra_quarters: timeExtra.quarters, extra_deadlines: timeExtra.deadlines },
      match_real: { ours: oursMatch, jaccard: jac, fuse },
      import_ms,
      xlsx_generate_ms: ours.ms,
      xlsx_baseline_ms: baseline.ms,
      xlsx_same_content_baseline_ms: sameContent.ms,
      xlsx_same_content_baseline_rss_mb: sameContent.peak_rss_mb,
      xlsx_regenerate_ms: again.ms,
      xlsx_regenerate_rss_mb: again.peak_rss_mb,
      xlsx_regenerate_typed_ms: againTyped.ms,
      xlsx_regenerate_typed_rss_mb: againTyped.peak_rss_mb,
      xlsx_read_ms: read.ms,
      distribute_ms: distributed.ms,
      collect_ms: collected.ms,
      xlsx_read_stray_ms: readStray.ms,
      peak_rss_mb: ours.peak_rss_mb,
      bundle_gzip_bytes,
    }) + '\n',
  );
}

main().catch((e) => {
  process.stderr.write(`Bench lỗi: ${(e as Error).message}\n`);
  process.exit(1);
});
