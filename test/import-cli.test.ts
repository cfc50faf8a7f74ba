// `phan-cong import` end to end on the built CLI: JSON Lines of the tasks, exit 2 with one Vietnamese line otherwise.
import { execFileSync, spawnSync } from 'child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { strToU8, zipSync } from 'fflate';

/** A .docx of these paragraphs (the parts Word needs to open it). */
function docxOf(paragraphs: string[]): Buffer {
  const body = paragraphs.map((p) => `<w:p><w:r><w:t xml:space="preserve">${p.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</w:t></w:r></w:p>`).join('');
  return Buffer.from(
    zipSync({
      '[Content_Types].xml': strToU8('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'),
      '_rels/.rels': strToU8('<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>'),
      'word/document.xml': strToU8(`<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`),
    }),
  );
}

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
    ['password.docx', Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]), /mật khẩu/],
    ['empty.docx', docxOf([]), /không có chữ/],
    ['none.docx', docxOf(['I. MỤC ĐÍCH', 'Tăng cường thông tin.']), /Không tìm thấy phần phân công/],
    ['broken.docx', Buffer.concat([docxOf(['x']).subarray(0, 200), Buffer.from('word/document.xml')]), /bị hỏng|tệp nén/],
    ['plan.odt', Buffer.from('PK\x03\x04 mimetypeapplication/vnd.oasis.opendocument.text', 'latin1'), /\.odt/],
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

describe('phan-cong import PLAN.docx', () => {
  it('a Word appendix table becomes the table: 7 rows of seed 002 whose bullets check reads as 25 tasks', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pc-import-docx-'));
    const o = join(dir, 'bang.xlsx');
    const plan = join(__dirname, 'fixtures', 'real', 'docx', 'seed002-appendix.docx');
    const rows = execFileSync('node', [bin, 'import', plan], { encoding: 'utf8' }).trim().split('\n').map((l) => JSON.parse(l) as Record<string, string>);
    expect(rows.map((r) => r.source)).toEqual(['bảng 1, dòng 2', 'bảng 1, dòng 3', 'bảng 1, dòng 4', 'bảng 1, dòng 5', 'bảng 1, dòng 6', 'bảng 1, dòng 7', 'bảng 1, dòng 8']);
    execFileSync('node', [bin, 'import', plan, '-o', o]);
    const j = JSON.parse(spawnSync('node', [bin, 'check', o, '--format', 'json'], { encoding: 'utf8' }).stdout) as { table: { headerRow: number }; tasks: unknown[] };
    expect(j.tasks).toHaveLength(25);
    expect(j.table.headerRow).toBe(5); // the appendix's three heading lines, a blank row, the header
  });
  it('a 500-page document (15,000 paragraphs of agency sections) imports whole', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pc-import-docx-'));
    const sections = readFileSync(join(__dirname, 'fixtures', 'real', 'seeds', '003_2f803b16aa6acc34.txt'), 'utf8').split('\n').filter((l) => l.trim());
    const paras = ['KẾ HOẠCH', 'IV. PHÂN CÔNG NHIỆM VỤ'];
    while (paras.length < 15000) paras.push(...sections.slice(sections.findIndex((l) => l.startsWith('IV. PHÂN CÔNG')) + 1, sections.findIndex((l) => l.startsWith('V.'))));
    writeFileSync(join(dir, 'big.docx'), docxOf(paras));
    const r = spawnSync('node', [bin, 'import', join(dir, 'big.docx')], { encoding: 'utf8', maxBuffer: 64 << 20 });
    expect(r.status).toBe(0);
    expect(r.stdout.trim().split('\n').length).toBeGreaterThan(1000);
  });
});

describe('phan-cong import -o', () => {
  const seed3 = join(__dirname, 'fixtures', 'real', 'seeds', '003_2f803b16aa6acc34.txt');
  it.each([seed, seed3])('writes a table that check then reads whole: every task, its agencies, no number twice (%s)', (plan) => {
    const dir = mkdtempSync(join(tmpdir(), 'pc-import-o-'));
    const o = join(dir, 'bang.xlsx');
    const tasks = execFileSync('node', [bin, 'import', plan], { encoding: 'utf8' }).trim().split('\n').map((l) => JSON.parse(l) as Record<string, string>);
    const said = execFileSync('node', [bin, 'import', plan, '-o', o], { encoding: 'utf8' });
    expect(said).toMatch(/trang tính "Phụ lục"/);
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
