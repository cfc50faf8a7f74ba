import { spawnSync } from 'node:child_process';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { mkdtempSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

const BIN = path.join(__dirname, '..', 'bin', 'phan-cong.js');
const SAMPLE = path.join(__dirname, '..', 'samples', 'dong-nai-2018.xlsx');
const tmp = mkdtempSync(path.join(tmpdir(), 'phan-cong-'));

function run(args: string[], input?: string) {
  const r = spawnSync(process.execPath, [BIN, ...args], { input, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('phan-cong (docs/CONTRACTS.md)', () => {
  test('parse-time: JSON Lines, one per input line, \\n escapes', () => {
    const r = run(['parse-time', '--year', '2024'], 'Quý II, III\nTheo yêu cầu của Bộ\n- Quý I\\n- Quý IV\n');
    expect(r.code).toBe(0);
    const lines = r.out.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines[0]).toEqual({
      input: 'Quý II, III',
      ok: true,
      quarters: [2, 3],
      months: [4, 5, 6, 7, 8, 9],
      deadline: null,
      recurrence: null,
      years: [2024],
      // extension (docs/CONTRACTS.md): what the schedule was read from, and what was not read
      spans: [{ kind: 'period', text: 'Quý II, III', start: 0, end: 11 }],
      unread: [],
    });
    expect(lines[1]).toMatchObject({ ok: false, quarters: [] });
    expect(lines[2]).toMatchObject({ input: '- Quý I\n- Quý IV', quarters: [1, 4] });
  });

  test('match-agency: mentions with status, current, suggestions', () => {
    const r = run(['match-agency'], 'Sở TT-TT, Công an tỉnh và các đơn vị liên quan\n');
    expect(r.code).toBe(0);
    const o = JSON.parse(r.out);
    expect(o.input).toBe('Sở TT-TT, Công an tỉnh và các đơn vị liên quan');
    expect(o.mentions[0]).toEqual({ text: 'Sở TT-TT', agency: 'Sở Thông tin và Truyền thông', collective: null, status: 'abbreviation', confidence: 0.97, current: 'Sở Khoa học và Công nghệ', suggestions: [], start: 0, end: 8 });
    expect(o.mentions[2]).toMatchObject({ collective: 'related', status: 'collective' });
    // extension (docs/CONTRACTS.md): each mention's span in the input, and the text nothing was read from
    expect(o.mentions.map((m: { start: number; end: number }) => o.input.slice(m.start, m.end))).toEqual(['Sở TT-TT', 'Công an tỉnh', 'các đơn vị liên quan']);
    expect(o.unread).toEqual([]);
  });

  test('match-agency reads the plan level and the province', () => {
    const r = run(['match-agency', '--level', 'central'], 'Các bộ, cơ quan, địa phương\n');
    expect(JSON.parse(r.out).mentions.map((m: { collective: string }) => m.collective)).toEqual(['ministries', 'provinces']);
    const p = run(['match-agency', '--province', 'Quảng Ngãi'], 'Giám đốc Sở Tư pháp, các địa phương\n');
    expect(JSON.parse(p.out).mentions.map((m: { agency: string | null; collective: string | null }) => m.agency ?? m.collective)).toEqual(['Sở Tư pháp', 'localities']);
  });

  test('match-agency with a CSV master list', () => {
    const csv = path.join(tmp, 'dm.csv');
    writeFileSync(csv, 'Tên cơ quan,Tên viết tắt,Tên gọi khác,Nhóm\nSở Thông tin và Truyền thông,STTTT,Sở TTTT,department\n');
    const r = run(['match-agency', '--master', csv], 'Sở TTTT\nBộ Công an\n');
    const [a, b] = r.out.trim().split('\n').map((l) => JSON.parse(l));
    expect(a.mentions[0]).toMatchObject({ agency: 'Sở Thông tin và Truyền thông' });
    expect(b.mentions[0]).toMatchObject({ agency: null, status: 'unknown' });
  });

  test('check --format json: table, tasks, issues as in the contract', () => {
    const r = run(['check', SAMPLE, '--format', 'json']);
    expect(r.code).toBe(0);
    const o = JSON.parse(r.out);
    expect(o.table).toMatchObject({ sheet: 'Phụ lục', range: 'A5:E12', headerRow: 5, columns: { stt: 'A', task: 'B', lead: 'C', support: 'D', time: 'E' } });
    expect(o.tasks[0]).toMatchObject({ id: '1.1', parent: '1', row: 6, cells: { stt: 'A6', task: 'B6', lead: 'C6', support: 'D6', time: 'E6' }, raw: { stt: '01', lead: 'Sở Thông tin và Truyền thông (Sở TT-TT)', time: 'Hàng tháng, quý' }, quarters: [1, 2, 3, 4], deadline: null });
    expect(o.tasks[0].lead).toEqual([{ text: 'Sở Thông tin và Truyền thông (Sở TT-TT)', agency: 'Sở Thông tin và Truyền thông', collective: null }]);
    expect(o.issues[0]).toMatchObject({ rule: expect.any(String), severity: expect.any(String), cell: expect.stringMatching(/^Phụ lục!/), message: expect.any(String) });
  });

  test('check text form and exit 1 on errors', () => {
    const r = run(['check', SAMPLE, '--year', '2026']);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/^C6\s+lỗi\s+'Sở Thông tin và Truyền thông' \(ô C6\)/m);
    expect(r.out).toMatch(/Tổng cộng: \d+ lỗi, \d+ cảnh báo, \d+ lưu ý/);
  });

  test('generate writes OUT, refuses to overwrite FILE', () => {
    const out = path.join(tmp, 'out.xlsx');
    const r = run(['generate', SAMPLE, '-o', out]);
    expect(r.code).toBe(0);
    expect(existsSync(out)).toBe(true);
    expect(r.out).toMatch(/25 nhiệm vụ, 10 cơ quan, 14 trang tính \(10 trang tính cơ quan \+ "Tổng hợp", "Biểu đồ", "Quá hạn", "Danh sách nhiệm vụ"\)/);
    const same = run(['generate', SAMPLE, '-o', SAMPLE]);
    expect(same.code).toBe(2);
    expect(same.err).toMatch(/Không ghi đè lên tệp gốc/);
  });

  test('fix applies only the chosen rule and reports each cell', () => {
    const out = path.join(tmp, 'fixed.xlsx');
    const r = run(['fix', SAMPLE, '-o', out, '--rule', 'structure.stt.missing']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Phụ lục!A7\s+structure.stt.missing\s+"" → "02"/);
    const again = run(['check', out, '--format', 'json']);
    expect(JSON.parse(again.out).issues.filter((i: { rule: string }) => i.rule === 'structure.stt.missing')).toEqual([]);
  });

  test('settings saved in the workbook switch a rule off and change a severity for the next check', () => {
    const out = path.join(tmp, 'settings.xlsx');
    const r = run(['settings', SAMPLE, '-o', out, '--off', 'structure.stt.missing', '--severity', 'subtasks.misaligned=error']);
    expect(r.code).toBe(0);
    const o = JSON.parse(run(['check', out, '--format', 'json']).out);
    expect(o.issues.some((i: { rule: string }) => i.rule === 'structure.stt.missing')).toBe(false);
    expect(o.issues.find((i: { rule: string }) => i.rule === 'subtasks.misaligned').severity).toBe('error');
    expect(run(['check', out]).code).toBe(1);
  });

  test.each([
    [['check', path.join(tmp, 'missing.xlsx')], /Không tìm thấy tệp/],
    [['check', __filename], /không phải tệp Excel \.xlsx/],
    [['frobnicate'], /Lệnh không có/],
    [['check', SAMPLE, '--year', 'abc'], /Năm không hợp lệ/],
    [['generate', SAMPLE], /Thiếu tệp kết quả/],
  ])('unusable input %j → exit 2, one Vietnamese line, no stack trace', (args, re) => {
    const r = run(args as string[]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(re);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).not.toMatch(/\bat .*\.js:\d+/);
  });
});

describe('a command line that behaves like one (issue 21)', () => {
  test('--help, -h and help <command> print usage on stdout and exit 0; --version prints the version', () => {
    for (const args of [['--help'], ['-h'], ['help'], ['check', '--help']]) {
      const r = run(args);
      expect({ args, code: r.code }).toEqual({ args, code: 0 });
      expect(r.out).toMatch(/Cách dùng: phan-cong/);
    }
    expect(run(['help', 'fix']).out).toMatch(/fix FILE\.xlsx -o OUT\.xlsx .*--all/);
    const v = run(['--version']);
    expect(v.code).toBe(0);
    expect(v.out.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });
  test('an option a command does not take is refused, and nothing is written', () => {
    const out = path.join(tmp, 'never.xlsx');
    const r = run(['check', SAMPLE, '-o', out]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/Lệnh check không nhận tuỳ chọn -o/);
    expect(existsSync(out)).toBe(false);
    expect(run(['parse-time', '--master', 'x.csv']).code).toBe(2);
  });
  test('a closed stdout ends the process quietly (check | head -1)', () => {
    const r = spawnSync('bash', ['-c', `node ${JSON.stringify(BIN)} check ${JSON.stringify(SAMPLE)} | head -1 >/dev/null; echo "\${PIPESTATUS[0]}"`], { encoding: 'utf8' });
    expect(r.stderr).not.toMatch(/EPIPE|at .+:\d+:\d+/);
    expect(['0', '1']).toContain(r.stdout.trim());
  });
  test('a user-typed quarter cell: everything else is generated, the cell is left and listed, exit 1', async () => {
    const wb = new ExcelJS.Workbook();
    const src = path.join(tmp, 'typed-quarter.xlsx');
    // the first generate puts the quarter columns beside the table; the user types in one of them
    const first = path.join(tmp, 'first.xlsx');
    expect(run(['generate', SAMPLE, '-o', first]).code).toBe(0);
    await wb.xlsx.readFile(first);
    wb.getWorksheet('Phụ lục')!.getCell('G7').value = 'đã xong';
    await wb.xlsx.writeFile(src);
    const out = path.join(tmp, 'typed-out.xlsx');
    const r = run(['generate', src, '-o', out]);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/Các ô G7 ở cột Quý .* để nguyên như đã nhập; chạy lại với --force/);
    const back = new ExcelJS.Workbook();
    await back.xlsx.readFile(out);
    expect(back.getWorksheet('Phụ lục')!.getCell('G7').value).toBe('đã xong');
    expect(back.worksheets.length).toBeGreaterThan(5);
  });
  test('a Word file, an OpenDocument spreadsheet, a PDF are named for what they are, with what to do', async () => {
    const docx = new JSZip();
    docx.file('[Content_Types].xml', '<Types/>');
    docx.file('word/document.xml', '<w:document/>');
    const ods = new JSZip();
    ods.file('mimetype', 'application/vnd.oasis.opendocument.spreadsheet', { compression: 'STORE' });
    ods.file('content.xml', '<office:document-content/>');
    const files: [string, Buffer, RegExp][] = [
      ['ke-hoach.docx', await docx.generateAsync({ type: 'nodebuffer' }), /là tài liệu Word \(\.docx\).*lưu dạng \.xlsx/],
      ['doi-ten.xlsx', await docx.generateAsync({ type: 'nodebuffer' }), /là tài liệu Word \(\.docx\)/],
      ['bang.ods', await ods.generateAsync({ type: 'nodebuffer' }), /OpenDocument \(\.ods\).*\.xlsx/],
      ['ke-hoach.pdf', Buffer.from('%PDF-1.7\n…'), /là tệp PDF/],
    ];
    for (const [name, bytes, message] of files) {
      const p = path.join(tmp, name);
      writeFileSync(p, bytes);
      const r = run(['check', p]);
      expect({ name, code: r.code }).toEqual({ name, code: 2 });
      expect(r.err).toMatch(message);
      expect(r.err).toContain(p);
      expect(r.err.trim().split('\n')).toHaveLength(1);
    }
  });
});
