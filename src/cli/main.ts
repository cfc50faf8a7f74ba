// The `phan-cong` command line (docs/CONTRACTS.md). Messages to people are Vietnamese,
// JSON keys English. Exit codes: 0 ok, 1 the input has errors, 2 unusable input or arguments.
import { promises as fs, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { XlsxWorkbook } from '../adapters/xlsx';
import { NODE_CODEC } from './codec';
import { analyze, applyFixes, generationNotes, checkJson, generate, saveRuleSettings, UserError, type Analysis } from '../app/usecases';
import { checkOutput, OutputRefused, writeAtomic } from './output';
import { checkWorkbookBytes, corruptWorkbook, masterFromFile } from '../app/files';
import { importPlan, planDocumentOf, writeImported } from '../app/import';
import { collect, fileNameOf, planDistribution } from '../app/distribute';
import { agencyIndex, matchLine, readTimePhrase, RULE_IDS, countBySeverity, severityVi } from '../app/phrases';
import type { MasterList, RuleSettings } from '../core/schemas';

const USAGE = `Cách dùng: phan-cong <lệnh> [tuỳ chọn]
  parse-time [--year YYYY]                 đọc cụm thời gian từ stdin, in JSON Lines
  match-agency [--master FILE] [--province TÊN] [--level central|province]
                                           đối chiếu tên cơ quan từ stdin, in JSON Lines
  check FILE.xlsx [--sheet TÊN] [--master FILE] [--year YYYY] [--format text|json]
  generate FILE.xlsx -o OUT.xlsx [--sheet TÊN] [--master FILE] [--year YYYY] [--force] [--no-expand]
  fix FILE.xlsx -o OUT.xlsx --rule MÃ_QUY_TẮC [--rule …] | --all [--sheet TÊN] [--master FILE] [--year YYYY] [--force]
  settings FILE.xlsx -o OUT.xlsx [--off MÃ] [--on MÃ] [--severity MÃ=error|warning|info] [--force]   lưu cài đặt quy tắc vào sổ
  import PLAN.docx|PLAN.txt [-o BANG.xlsx] [--year YYYY] [--master FILE] [--force]   đọc phần phân công của văn bản: in JSON Lines, hoặc ghi bảng vào BANG.xlsx
  distribute OUT.xlsx -d THƯ_MỤC [--only TÊN …] [--force]   mỗi cơ quan một tệp, chỉ có trang tính của cơ quan đó
  collect OUT.xlsx TRẢ_VỀ.xlsx … -o GỘP.xlsx [--prefer out|returned] [--format text|json] [--force]   gộp tệp các cơ quan gửi lại
  -o không ghi đè tệp đã có trừ khi có --force, không bao giờ ghi lên tệp gốc; tệp được ghi trọn vẹn hoặc không ghi.`;

class ArgError extends Error {}

interface Args {
  positional: string[];
  flags: Map<string, string[]>;
}

/** The options each command takes; any other is refused (never accepted and ignored). */
const COMMAND_FLAGS: Record<string, string[]> = {
  'parse-time': ['--year'],
  'match-agency': ['--master', '--province', '--level'],
  check: ['--sheet', '--master', '--year', '--format'],
  generate: ['-o', '--sheet', '--master', '--year', '--force', '--no-expand'],
  fix: ['-o', '--rule', '--all', '--sheet', '--master', '--year', '--force'],
  settings: ['-o', '--off', '--on', '--severity', '--force'],
  import: ['-o', '--year', '--master', '--force'],
  distribute: ['-d', '--only', '--sheet', '--master', '--year', '--force'],
  collect: ['-o', '--prefer', '--sheet', '--master', '--year', '--format', '--force'],
};

function usageOf(cmd: string): string {
  const line = USAGE.split('\n').find((l) => l.trim().startsWith(cmd + ' '));
  return line ? `Cách dùng: phan-cong ${line.trim()}` : USAGE;
}

/** The version in package.json, found upward from here (sources under jest, build/ when installed). */
function version(): string {
  for (let dir = __dirname; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    try {
      const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'phan-cong') return pkg.version ?? '0.0.0';
    } catch {
      // not here: look one folder up
    }
  }
  return '0.0.0';
}

const VALUE_FLAGS = new Set(['--year', '--master', '--sheet', '--format', '-o', '--out', '--rule', '--off', '--on', '--severity', '--province', '--level', '-d', '--only', '--prefer']);
const BOOL_FLAGS = new Set(['--force', '--no-expand', '--help', '-h', '--all', '--version', '-V']);

function parseArgs(argv: string[]): Args {
  const positional: string[] = [];
  const flags = new Map<string, string[]>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (VALUE_FLAGS.has(a)) {
      const v = argv[i + 1];
      if (v === undefined) throw new ArgError(`Thiếu giá trị sau ${a}.`);
      flags.set(a === '--out' ? '-o' : a, [...(flags.get(a) ?? []), v]);
      i++;
    } else if (BOOL_FLAGS.has(a)) flags.set(a, ['1']);
    else if (a.startsWith('-')) throw new ArgError(`Tuỳ chọn không hợp lệ: ${a}.`);
    else positional.push(a);
  }
  return { positional, flags };
}

function one(args: Args, flag: string): string | undefined {
  return args.flags.get(flag)?.[0];
}

function yearOf(args: Args): number | null {
  const y = one(args, '--year');
  if (y === undefined) return null;
  if (!/^\d{4}$/.test(y) || Number(y) < 1990 || Number(y) > 2100) throw new ArgError(`Năm không hợp lệ: "${y}" (cần dạng YYYY, ví dụ 2024).`);
  return Number(y);
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function stdinLines(text: string): string[] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  if (lines.length && lines[lines.length - 1] === '') lines.pop();
  return lines.map((l) => l.replace(/\\n/g, '\n'));
}

async function readFileChecked(file: string): Promise<Buffer> {
  try {
    return await fs.readFile(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new UserError('file.not_found', `Không tìm thấy tệp "${file}": kiểm tra lại đường dẫn.`);
    if (code === 'EISDIR') throw new UserError('file.is_directory', `"${file}" là thư mục, không phải tệp .xlsx.`);
    throw new UserError('file.unreadable', `Không đọc được tệp "${file}" (${code ?? 'lỗi hệ thống'}).`);
  }
}

export async function loadWorkbook(file: string): Promise<XlsxWorkbook> {
  const buf = await readFileChecked(file);
  checkWorkbookBytes(new Uint8Array(buf), file);
  try {
    return await XlsxWorkbook.load(new Uint8Array(buf), NODE_CODEC);
  } catch {
    throw corruptWorkbook(file);
  }
}

async function loadMaster(file: string | undefined): Promise<MasterList | null> {
  if (!file) return null;
  const buf = await readFileChecked(file);
  const name = path.basename(file);
  const firstSheet = async () => {
    const wb = await loadWorkbook(file);
    const snap = await wb.read({ extra: [], allSheets: true });
    const first = snap.sheets[0]?.name;
    if (!first) throw new UserError('master.empty', `Danh mục "${name}" không có trang tính nào.`);
    return snap.grids[first]?.values ?? [];
  };
  return masterFromFile(file, new Uint8Array(buf), firstSheet, `Danh mục "${name}"`);
}

function out(s: string): void {
  process.stdout.write(s + '\n');
}

async function cmdImport(args: Args): Promise<number> {
  const file = args.positional[1];
  if (!file) throw new ArgError('Thiếu tên tệp văn bản (.txt).');
  let bytes: Uint8Array;
  try {
    bytes = await fs.readFile(file);
  } catch {
    throw new UserError('file.missing', `Không mở được tệp "${file}": hãy kiểm tra tên và đường dẫn.`);
  }
  const name = path.basename(file);
  const o = one(args, '-o') ? await outputPath(args, file) : null;
  const r = importPlan(planDocumentOf(bytes, name), name, { master: await loadMaster(one(args, '--master')), year: yearOf(args) });
  if (!o) {
    for (const t of r.tasks) out(JSON.stringify(t));
    return 0;
  }
  const wb = XlsxWorkbook.empty();
  const w = await writeImported(wb, r);
  await save(wb, o);
  out(`Đã tạo ${path.resolve(o)}: trang tính "${w.sheet}", ${r.tasks.length} nhiệm vụ, tiêu đề cột ở dòng ${w.headerRow}.`);
  out(`  Bước tiếp: npx phan-cong check ${o}  rồi  npx phan-cong generate ${o} -o KET_QUA.xlsx`);
  return 0;
}

async function cmdDistribute(args: Args): Promise<number> {
  const file = args.positional[1];
  if (!file) throw new ArgError('Thiếu tên tệp .xlsx (tệp generate đã ghi).');
  const dir = one(args, '-d');
  if (!dir) throw new ArgError('Thiếu thư mục nhận tệp: thêm -d THƯ_MỤC.');
  const st = await fs.stat(dir).catch(() => null);
  if (!st?.isDirectory()) throw new ArgError(`Thư mục "${dir}" không có: hãy tạo thư mục trước rồi chạy lại.`);
  const { wb, a } = await analyzeFile(args, file);
  const outgoing = await planDistribution(wb, a, args.flags.get('--only') ?? []);
  const targets = outgoing.map((o) => ({ o, path: path.join(dir, fileNameOf(o.sheet)) }));
  const existing = [];
  for (const t of targets) if (await fs.stat(t.path).catch(() => null)) existing.push(t.path);
  if (existing.length && !args.flags.has('--force'))
    throw new ArgError(`Trong "${dir}" đã có ${existing.length} tệp cùng tên (${path.basename(existing[0])}${existing.length > 1 ? ', …' : ''}); không ghi đè. Chọn thư mục khác hoặc thêm --force.`);
  for (const t of targets) {
    await writeAtomic(t.path, await wb.sheetWorkbook(t.o.sheet, t.o.registry, NODE_CODEC));
    out(`${t.path}\t${t.o.agency}`);
  }
  return 0;
}

async function cmdCollect(args: Args): Promise<number> {
  const file = args.positional[1];
  const files = args.positional.slice(2);
  if (!file) throw new ArgError('Thiếu tên tệp .xlsx (tệp generate đã ghi).');
  if (!files.length) throw new ArgError('Thiếu tệp các cơ quan gửi lại: phan-cong collect OUT.xlsx TRẢ_VỀ.xlsx … -o GỘP.xlsx');
  const prefer = one(args, '--prefer') ?? 'out';
  if (prefer !== 'out' && prefer !== 'returned') throw new ArgError(`--prefer nhận "out" hoặc "returned", không nhận "${prefer}".`);
  const o = await outputPath(args, file);
  const { wb, a } = await analyzeFile(args, file);
  const returned = [];
  for (const f of files) {
    // a file that cannot be opened is refused on its own; the others are still merged
    const r = await loadWorkbook(f).catch((e: unknown) => {
      if (e instanceof UserError) return e;
      throw e;
    });
    if (r instanceof UserError) {
      returned.push({ file: path.basename(f), registry: null, grid: null, unreadable: r.message });
      continue;
    }
    const snap = await r.read({ extra: [] });
    const sheet = snap.registry?.distribution?.sheet;
    const grid = sheet ? (await r.readSheets([sheet]))[sheet] ?? null : null;
    returned.push({ file: path.basename(f), registry: snap.registry, grid });
  }
  const r = await collect(wb, a, returned, prefer);
  if (r.written) await save(wb, o);
  const conflicts = r.files.reduce((n, f) => n + f.conflicts.length, 0);
  // the JSON of docs/CONTRACTS.md: the Vietnamese texts (their ids and data are the pane's)
  if (one(args, '--format') === 'json') out(JSON.stringify({ files: r.files.map(({ texts: _texts, ...f }) => f) }));
  else {
    for (const f of r.files) {
      if (f.refused) out(`${f.file}: ${f.refused}`);
      else out(`${f.file} (${f.agency}): ${f.updated} nhiệm vụ cập nhật, ${f.unchanged} không đổi, ${f.conflicts.length} xung đột`);
      for (const c of f.conflicts) out(`  xung đột nhiệm vụ ${c.task}, cột ${c.column}: trong sổ "${c.out}", tệp gửi lại "${c.returned}"${prefer === 'returned' ? ' — lấy theo tệp gửi lại' : ' — giữ theo sổ'}`);
      for (const n of f.notMerged) out(`  không gộp (không có ô tương ứng trong sổ, hãy chép tay nếu cần): ${n}`);
    }
    out(r.written ? `Đã ghi ${path.resolve(o)}: ${r.written} ô.` : 'Không có gì mới để gộp: không ghi tệp.');
  }
  return conflicts || r.files.some((f) => f.refused) ? 1 : 0;
}

async function cmdParseTime(args: Args): Promise<number> {
  const year = yearOf(args) ?? new Date().getFullYear();
  for (const line of stdinLines(await readStdin())) out(JSON.stringify(readTimePhrase(line, year)));
  return 0;
}

async function cmdMatch(args: Args): Promise<number> {
  const idx = agencyIndex(await loadMaster(one(args, '--master')), one(args, '--province') ?? null, one(args, '--level') === 'central' ? 'central' : 'province');
  for (const line of stdinLines(await readStdin())) out(JSON.stringify(matchLine(line, idx)));
  return 0;
}

async function analyzeFile(args: Args, file: string | undefined): Promise<{ wb: XlsxWorkbook; a: Analysis }> {
  if (!file) throw new ArgError('Thiếu tên tệp .xlsx.');
  const master = await loadMaster(one(args, '--master'));
  const wb = await loadWorkbook(file);
  const a = await analyze(wb, { sheet: one(args, '--sheet') ?? null, master, year: yearOf(args) });
  return { wb, a };
}

function summaryLine(a: Analysis): string {
  const c = countBySeverity(a.issues);
  return `Tổng cộng: ${c.error} lỗi, ${c.warning} cảnh báo, ${c.info} lưu ý — ${a.tasks.length} nhiệm vụ, bảng ở trang tính "${a.table.sheet}" từ dòng ${a.table.headerRow}, năm kế hoạch ${a.planYear}.`;
}

async function cmdCheck(args: Args): Promise<number> {
  const format = one(args, '--format') ?? 'text';
  if (format !== 'text' && format !== 'json') throw new ArgError(`--format chỉ nhận "text" hoặc "json", không nhận "${format}".`);
  const { a } = await analyzeFile(args, args.positional[1]);
  if (format === 'json') out(JSON.stringify(checkJson(a), null, 2));
  else {
    for (const i of a.issues) out(`${i.cell.slice(i.cell.lastIndexOf('!') + 1).padEnd(5)}  ${severityVi(i.severity).padEnd(8)}  ${i.message}`);
    out(summaryLine(a));
  }
  return a.issues.some((i) => i.severity === 'error') ? 1 : 0;
}

/** -o, checked before any work (folder, type, the input by any path, an existing file without --force). */
async function outputPath(args: Args, file: string): Promise<string> {
  const o = one(args, '-o');
  if (!o) throw new ArgError('Thiếu tệp kết quả: thêm -o KẾT_QUẢ.xlsx.');
  try {
    return await checkOutput(o, file, { force: args.flags.has('--force') });
  } catch (e) {
    if (e instanceof OutputRefused) throw new ArgError(e.message);
    throw e;
  }
}

async function save(wb: XlsxWorkbook, o: string): Promise<void> {
  const delay = Number(process.env.PHAN_CONG_TEST_WRITE_DELAY_MS ?? 0);
  await writeAtomic(o, await wb.save(NODE_CODEC), { chunkDelayMs: delay > 0 ? delay : undefined });
}

async function cmdGenerate(args: Args): Promise<number> {
  const file = args.positional[1];
  if (!file) throw new ArgError('Thiếu tên tệp .xlsx.');
  const o = await outputPath(args, file);
  const { wb, a } = await analyzeFile(args, file);
  const r = await generate(wb, a, { force: args.flags.has('--force'), expandCollectives: !args.flags.has('--no-expand') });
  await save(wb, o);
  const c = countBySeverity(a.issues);
  const agencies = r.generation.sheets.filter((s) => s.kind === 'agency').length;
  out(`Đã tạo ${path.resolve(o)}`);
  const others = r.generation.sheets.filter((s) => s.kind !== 'agency').map((s) => `"${s.name}"`);
  out(`  ${a.tasks.length} nhiệm vụ, ${agencies} cơ quan, ${r.generation.sheets.length} trang tính (${agencies} trang tính cơ quan + ${others.join(', ')}), ${r.quarters.changedCells} ô Quý được điền ở trang tính "${a.table.sheet}".`);
  out(`  Phát hiện khi kiểm tra: ${c.error} lỗi, ${c.warning} cảnh báo, ${c.info} lưu ý (xem: npx phan-cong check ${file}).`);
  if (r.quarters.unreadableRows.length) out(`  Dòng không xác định được quý (để trống): ${r.quarters.unreadableRows.join(', ')}.`);
  for (const line of generationNotes(r)) out(`  ${line}`);
  if (r.deleted.length) out(`  Đã xoá trang tính do Phân công tạo trước đây và không còn dùng: ${r.deleted.join(', ')}.`);
  if (r.quarters.conflicts.length)
    out(`  Các ô ${r.quarters.conflicts.join(', ')} ở cột Quý của trang tính "${a.table.sheet}" có nội dung do người dùng nhập: để nguyên như đã nhập; chạy lại với --force để ghi đè.`);
  return c.error > 0 || r.quarters.conflicts.length ? 1 : 0;
}

async function cmdFix(args: Args): Promise<number> {
  const file = args.positional[1];
  if (!file) throw new ArgError('Thiếu tên tệp .xlsx.');
  const o = await outputPath(args, file);
  const rules = args.flags.get('--rule') ?? [];
  if (!rules.length && !args.flags.has('--all')) throw new ArgError('Chọn quy tắc cần sửa: --rule MÃ (ví dụ --rule agency.fuzzy) hoặc --all.');
  for (const r of rules) if (!RULE_IDS.includes(r)) throw new ArgError(`Không có quy tắc "${r}". Các quy tắc: ${RULE_IDS.join(', ')}.`);
  const { wb, a } = await analyzeFile(args, file);
  const chosen = a.issues.filter((i) => i.fix && (args.flags.has('--all') || rules.includes(i.rule)));
  const r = await applyFixes(wb, a, chosen);
  await save(wb, o);
  for (const x of r.applied) if (x.from !== x.to) out(`${x.cell}  ${x.rule}  "${x.from.replace(/\n/g, ' ⏎ ')}" → "${x.to.replace(/\n/g, ' ⏎ ')}"`);
  for (const x of r.skipped) out(`${x.cell}  ${x.rule}  bỏ qua: ${x.reason}`);
  out(`Đã sửa ${r.cells} ô (${r.applied.length} phát hiện), bỏ qua ${r.skipped.length}; kết quả ở ${path.resolve(o)}.`);
  return 0;
}

async function cmdSettings(args: Args): Promise<number> {
  const file = args.positional[1];
  if (!file) throw new ArgError('Thiếu tên tệp .xlsx.');
  const o = await outputPath(args, file);
  const settings: RuleSettings = {};
  const known = (r: string) => {
    if (!RULE_IDS.includes(r)) throw new ArgError(`Không có quy tắc "${r}". Các quy tắc: ${RULE_IDS.join(', ')}.`);
    return r;
  };
  for (const r of args.flags.get('--off') ?? []) settings[known(r)] = { enabled: false };
  for (const r of args.flags.get('--on') ?? []) settings[known(r)] = { enabled: true };
  for (const x of args.flags.get('--severity') ?? []) {
    const [r, sev] = x.split('=');
    if (!['error', 'warning', 'info'].includes(sev)) throw new ArgError(`Mức "${sev}" không hợp lệ trong "${x}": dùng error, warning hoặc info.`);
    settings[known(r)] = { ...(settings[r] ?? { enabled: true }), severity: sev as 'error' };
  }
  if (!Object.keys(settings).length) throw new ArgError('Chưa có cài đặt nào: dùng --off MÃ, --on MÃ hoặc --severity MÃ=warning.');
  const { wb, a } = await analyzeFile(args, file);
  const merged = await saveRuleSettings(wb, a, settings);
  await save(wb, o);
  for (const [r, v] of Object.entries(merged)) out(`${r}: ${v.enabled === false ? 'tắt' : 'bật'}${v.severity ? `, mức ${severityVi(v.severity)}` : ''}`);
  out(`Đã lưu cài đặt quy tắc vào ${path.resolve(o)}.`);
  return 0;
}

/** Every command and what runs it (COMMAND_FLAGS lists the options each takes). */
const COMMANDS: Record<string, (args: Args) => Promise<number>> = {
  'parse-time': cmdParseTime,
  'match-agency': cmdMatch,
  check: cmdCheck,
  generate: cmdGenerate,
  fix: cmdFix,
  settings: cmdSettings,
  import: cmdImport,
  distribute: cmdDistribute,
  collect: cmdCollect,
};

export async function main(argv: string[]): Promise<number> {
  // "phan-cong check big.xlsx | head -1": a reader that stops reading ends us quietly
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
  });
  try {
    const args = parseArgs(argv);
    const cmd = args.positional[0];
    if (args.flags.has('--version') || args.flags.has('-V')) {
      out(version());
      return 0;
    }
    if (args.flags.has('--help') || args.flags.has('-h') || cmd === 'help') {
      const about = cmd === 'help' ? args.positional[1] : cmd;
      out(about && COMMAND_FLAGS[about] ? usageOf(about) : USAGE);
      return 0;
    }
    if (!cmd) {
      process.stderr.write(USAGE + '\n');
      return 2;
    }
    const allowed = COMMAND_FLAGS[cmd];
    if (allowed) {
      const extra = [...args.flags.keys()].filter((f) => !allowed.includes(f));
      if (extra.length) throw new ArgError(`Lệnh ${cmd} không nhận tuỳ chọn ${extra.join(', ')}. ${usageOf(cmd)}`);
    }
    const run = COMMANDS[cmd];
    if (!run) throw new ArgError(`Lệnh không có: "${cmd}". Các lệnh: ${Object.keys(COMMANDS).join(', ')}.`);
    return await run(args);
  } catch (e) {
    if (e instanceof UserError || e instanceof ArgError) {
      process.stderr.write(e.message.replace(/\n/g, ' ') + '\n');
      return 2;
    }
    process.stderr.write(`Lỗi không mong đợi: ${(e as Error)?.message ?? String(e)}. Hãy gửi tệp và lệnh đã chạy cho nhóm phát triển.\n`);
    return 2;
  }
}
