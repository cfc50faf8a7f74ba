// `phan-cong import` end to end on the built CLI: JSON Lines of the tasks, exit 2 with one Vietnamese line otherwise.
import { execFileSync, spawnSync } from 'child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'fs';
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
