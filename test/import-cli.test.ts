// `phan-cong import` end to end on the built CLI: JSON Lines of the tasks, exit 2 with one Vietnamese line otherwise.
import { execFileSync, spawnSync } from 'child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

const bin = join(__dirname, '..', 'bin', 'phan-cong.js');
const seed = join(__dirname, 'fixtures', 'real', 'seeds', '000_0acecf4bda859265.txt');

describe('phan-cong import', () => {
  it('prints one JSON object per task, in document order, with the contract keys', () => {
    const lines = execFileSync('node', [bin, 'import', seed], { encoding: 'utf8' }).trim().split('\n').map((l) => JSON.parse(l) as Record<string, string>);
    expect(lines.length).toBe(20); // 13 labelled tasks of part II + 7 duties of part III (STTTT 2, Sở Tài chính 1, the sở/UBND 4)
    expect(Object.keys(lines[0]).sort()).toEqual(['lead', 'section', 'source', 'stt', 'support', 'time', 'title']);
    expect(lines[0]).toMatchObject({ stt: '1.1', lead: 'Sở Thông tin và Truyền thông', section: 'II. NỘI DUNG THỰC HIỆN', source: 'paragraph 57' });
  });
  it.each([
    ['plan.pdf', Buffer.from('%PDF-1.4 ...'), /PDF/],
    ['plan.doc', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0, 0]), /\.doc/],
    ['plan.docx', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0]), /\.docx/],
    ['plan.xlsx', readFileSync(join(__dirname, '..', 'samples', 'dong-nai-2018.xlsx')), /sổ tính/],
    ['named-as-text.txt', readFileSync(join(__dirname, '..', 'samples', 'dong-nai-2018.xlsx')), /sổ tính/],
    ['latin1.txt', Buffer.from('C\xf4ng v\xe3n s\xf4 1 \xe0 \xe8 \xec \xf2 \xf9 \xe2 \xea', 'latin1'), /UTF-8/],
    ['empty.txt', Buffer.from(''), /không có chữ/],
    ['none.txt', Buffer.from('I. MỤC ĐÍCH\nTăng cường thông tin.\n'), /Không tìm thấy phần phân công/],
  ])('%s → exit 2 and a Vietnamese line', (name, bytes, message) => {
    const dir = mkdtempSync(join(tmpdir(), 'pc-import-'));
    writeFileSync(join(dir, name), bytes);
    const r = spawnSync('node', [bin, 'import', join(dir, name)], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).not.toMatch(/at .*\.js:\d+/);
  });
});

describe('phan-cong import -o', () => {
  const seed3 = join(__dirname, 'fixtures', 'real', 'seeds', '003_2f803b16aa6acc34.txt');
  it.each([seed, seed3])('writes a table that check then reads whole: every task, its agencies, no number twice (%s)', (plan) => {
    const dir = mkdtempSync(join(tmpdir(), 'pc-import-o-'));
    const o = join(dir, 'bang.xlsx');
    const tasks = execFileSync('node', [bin, 'import', plan], { encoding: 'utf8' }).trim().split('\n').map((l) => JSON.parse(l) as Record<string, string>);
    const said = execFileSync('node', [bin, 'import', plan, '-o', o], { encoding: 'utf8' });
    expect(said).toMatch(/sheet "Phụ lục"/);
    const r = spawnSync('node', [bin, 'check', o, '--format', 'json'], { encoding: 'utf8' });
    const j = JSON.parse(r.stdout) as { table: { sheet: string; headerRow: number; columns: Record<string, string> }; tasks: { id: string; raw: { title: string; lead: string } }[]; issues: { message: string }[] };
    expect(j.table).toMatchObject({ sheet: 'Phụ lục', headerRow: 4, columns: { stt: 'A', task: 'B', lead: 'C', support: 'D', time: 'E' } });
    expect(j.tasks.map((t) => t.raw.title)).toEqual(tasks.map((t) => t.title));
    expect(j.tasks.map((t) => t.raw.lead)).toEqual(tasks.map((t) => t.lead));
    expect(new Set(j.tasks.map((t) => t.id)).size).toBe(tasks.length);
    expect(j.issues.filter((i) => /STT/.test(i.message))).toEqual([]);
  });
  it('numbers a part that restarts its numbering under the Roman numeral, as appendix tables do', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pc-import-o-'));
    const o = join(dir, 'bang.xlsx');
    execFileSync('node', [bin, 'import', seed, '-o', o]);
    const j = JSON.parse(spawnSync('node', [bin, 'check', o, '--format', 'json'], { encoding: 'utf8' }).stdout) as { tasks: { id: string }[] };
    expect(j.tasks.map((t) => t.id).slice(0, 2)).toEqual(['II.1.1', 'II.1.2']);
    expect(j.tasks.map((t) => t.id)).toContain('IV.1.1');
  });
  it('refuses an existing -o without --force, leaving it as it was; writes nothing when the plan has no assignment', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pc-import-o-'));
    const o = join(dir, 'bang.xlsx');
    writeFileSync(o, 'giữ nguyên');
    const r = spawnSync('node', [bin, 'import', seed, '-o', o], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--force/);
    expect(readFileSync(o, 'utf8')).toBe('giữ nguyên');
    writeFileSync(join(dir, 'none.txt'), 'I. MỤC ĐÍCH\nTăng cường thông tin.\n');
    const none = spawnSync('node', [bin, 'import', join(dir, 'none.txt'), '-o', join(dir, 'khong.xlsx')], { encoding: 'utf8' });
    expect(none.status).toBe(2);
    expect(existsSync(join(dir, 'khong.xlsx'))).toBe(false);
  });
});
