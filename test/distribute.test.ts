// Issue 17 (first part): distribute one workbook per agency, collect what they send back — end to end
// on the built CLI with the seed-002 sample.
import { execFileSync, spawnSync } from 'child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { XlsxWorkbook } from '../src/adapters/xlsx';
import { mergeReturned, planFingerprint } from '../src/core/distribute';
import { outcomeFormula, outcomeOf, serialOf } from '../src/core/generate';
import { REGISTRY_SHEET } from '../src/core/registry';
import { render } from '../src/core/messages';
import { collect } from '../src/app/distribute';
import { analyze } from '../src/app/usecases';

const bin = join(__dirname, '..', 'bin', 'phan-cong.js');
const sample = join(__dirname, '..', 'samples', 'dong-nai-2018.xlsx');
const variant = join(__dirname, 'fixtures', 'variant-two-row-header.xlsx');

async function edit(file: string, sheet: string, cells: Record<string, string | number>): Promise<void> {
  const wb = await XlsxWorkbook.load(new Uint8Array(readFileSync(file)));
  // a number is a date typed by the agency (a day number shown dd/mm/yyyy)
  await wb.write({ cellWrites: Object.entries(cells).map(([address, v]) => ({ sheet, address, values: [[v]], ...(typeof v === 'number' ? { style: 'inputDate' as const } : {}) })), sheets: [], deleteSheets: [], registry: null });
  writeFileSync(file, await wb.save());
}

async function grids(file: string): Promise<Record<string, string[][]>> {
  const wb = await XlsxWorkbook.load(new Uint8Array(readFileSync(file)));
  const snap = await wb.read({ extra: [], allSheets: true });
  const all = await wb.readSheets(snap.sheets.map((s) => s.name));
  return Object.fromEntries(Object.entries(all).map(([k, g]) => [k, g.values.map((r) => [...r])]));
}

describe('phan-cong distribute, then collect', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pc-dist-'));
  const out = join(dir, 'out.xlsx');
  const send = join(dir, 'send');
  mkdirSync(send);
  execFileSync('node', [bin, 'generate', sample, '-o', out]);

  it('writes one workbook per agency holding only its sheet and a very hidden marker', async () => {
    const lines = execFileSync('node', [bin, 'distribute', out, '-d', send], { encoding: 'utf8' }).trim().split('\n');
    expect(lines).toHaveLength(10);
    expect(readdirSync(send).sort()).toContain('Công an tỉnh.xlsx');
    const wb = await XlsxWorkbook.load(new Uint8Array(readFileSync(join(send, 'Công an tỉnh.xlsx'))));
    const snap = await wb.read({ extra: [] });
    expect(snap.sheets).toEqual([
      { name: 'Công an tỉnh', visibility: 'Visible' },
      { name: REGISTRY_SHEET, visibility: 'VeryHidden' },
    ]);
    const d = snap.registry!.distribution!;
    expect(d).toMatchObject({ agency: 'Công an tỉnh', sheet: 'Công an tỉnh', plan: expect.stringContaining('12773/KH-UBND') });
    expect(d.base['lead|6']).toEqual(['Chưa thực hiện', '', '', '']);
    // the same cells as the sheet in OUT: nothing of other agencies
    const sent = (await wb.readSheets(['Công an tỉnh']))['Công an tỉnh'].values;
    expect(sent).toEqual((await grids(out))['Công an tỉnh']);
    const text = JSON.stringify(sent);
    expect(text).not.toMatch(/Sở Công Thương:|BQL các KCN/);
    // an existing file is not overwritten
    const again = spawnSync('node', [bin, 'distribute', out, '-d', send], { encoding: 'utf8' });
    expect(again.status).toBe(2);
    expect(again.stderr).toMatch(/--force/);
  });

  it('merges statuses by task, lists a conflict (exit 1), refuses a file of another plan, changes nothing else', async () => {
    const ca = join(send, 'Công an tỉnh.xlsx');
    const nv = join(send, 'Sở Ngoại vụ.xlsx');
    await edit(ca, 'Công an tỉnh', { I6: 'Hoàn thành', J6: 'Đã gửi báo cáo tháng 11', M6: serialOf('2018-11-20') });
    const nvRows = (await grids(nv))['Sở Ngoại vụ'];
    const r = nvRows.findIndex((row) => row[0] === '2.2') + 1;
    expect(r).toBeGreaterThan(0);
    await edit(nv, 'Sở Ngoại vụ', { [`I${r}`]: 'Đang thực hiện', [`J${r}`]: 'Đã đón 3 đoàn' });
    // the officer typed a different result for the same task meanwhile
    const mine = join(dir, 'mine.xlsx');
    writeFileSync(mine, readFileSync(out));
    await edit(mine, 'Sở Ngoại vụ', { [`J${r}`]: 'Theo báo cáo miệng: 2 đoàn' });
    // a file sent for another plan
    const other = join(dir, 'other.xlsx');
    const otherSend = join(dir, 'other-send');
    mkdirSync(otherSend);
    execFileSync('node', [bin, 'generate', variant, '-o', other]);
    execFileSync('node', [bin, 'distribute', other, '-d', otherSend]);
    const foreign = join(otherSend, readdirSync(otherSend)[0]);
    const merged = join(dir, 'merged.xlsx');
    const res = spawnSync('node', [bin, 'collect', mine, ca, nv, foreign, '-o', merged, '--format', 'json'], { encoding: 'utf8' });
    expect(res.status).toBe(1);
    const j = JSON.parse(res.stdout) as { files: { file: string; agency: string | null; updated: number; conflicts: { task: string; column: string; out: string; returned: string }[]; refused: string | null }[] };
    expect(j.files.map((f) => [f.file, f.updated, f.conflicts.length, !!f.refused])).toEqual([
      ['Công an tỉnh.xlsx', 1, 0, false],
      ['Sở Ngoại vụ.xlsx', 1, 1, false],
      [readdirSync(otherSend)[0], 0, 0, true],
    ]);
    expect(j.files[1].conflicts[0]).toEqual({ task: '2.2', column: 'Kết quả thực hiện', out: 'Theo báo cáo miệng: 2 đoàn', returned: 'Đã đón 3 đoàn' });
    expect(j.files[2].refused).toMatch(/kế hoạch khác/);
    const before = await grids(mine);
    const after = await grids(merged);
    expect(after['Công an tỉnh'][5].slice(8, 13)).toEqual(['Hoàn thành', 'Đã gửi báo cáo tháng 11', '', '31/12/2018', '20/11/2018']);
    expect(after['Sở Ngoại vụ'][r - 1].slice(8, 10)).toEqual(['Đang thực hiện', 'Theo báo cáo miệng: 2 đoàn']);
    // nothing else changed: every other cell of every sheet as it was
    const changed: string[] = [];
    for (const [name, g] of Object.entries(before)) {
      const h = after[name];
      const rows = Math.max(g.length, h.length);
      for (let i = 0; i < rows; i++) {
        const w = Math.max(g[i]?.length ?? 0, h[i]?.length ?? 0);
        for (let k = 0; k < w; k++) if ((g[i]?.[k] ?? '') !== (h[i]?.[k] ?? '')) changed.push(`${name}!${i + 1}:${k + 1}`);
      }
    }
    expect(changed.sort()).toEqual(['Công an tỉnh!6:10', 'Công an tỉnh!6:13', 'Công an tỉnh!6:9', `Sở Ngoại vụ!${r}:9`].sort());
    // --prefer returned takes the agency's value
    const merged2 = join(dir, 'merged2.xlsx');
    spawnSync('node', [bin, 'collect', mine, nv, '-o', merged2, '--prefer', 'returned'], { encoding: 'utf8' });
    expect((await grids(merged2))['Sở Ngoại vụ'][r - 1][9]).toBe('Đã đón 3 đoàn');
  });

  it('--only sends the agencies named (by agency or sheet name); an unknown name is refused', () => {
    const only = join(dir, 'only');
    mkdirSync(only);
    const lines = execFileSync('node', [bin, 'distribute', out, '-d', only, '--only', 'Công an tỉnh', '--only', 'Sở TT&TT'], { encoding: 'utf8' }).trim().split('\n');
    expect(readdirSync(only).sort()).toEqual(['Công an tỉnh.xlsx', 'Sở TT&TT.xlsx']);
    expect(lines.map((l) => l.split('\t')[1]).sort()).toEqual(['Công an tỉnh', 'Sở Thông tin và Truyền thông']);
    const bad = spawnSync('node', [bin, 'distribute', out, '-d', only, '--only', 'Sở Không Có'], { encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/Không có trang tính cơ quan "Sở Không Có"/);
    expect(execFileSync('node', [bin, 'help', 'collect'], { encoding: 'utf8' })).toMatch(/collect OUT\.xlsx TRẢ_VỀ\.xlsx … -o GỘP\.xlsx/);
  });

  it('a note row or a column the agency added is named, not merged; a file that cannot be opened is refused alone', async () => {
    const send2 = join(dir, 'send2');
    mkdirSync(send2);
    execFileSync('node', [bin, 'distribute', out, '-d', send2, '--only', 'Công an tỉnh']);
    const ca = join(send2, 'Công an tỉnh.xlsx');
    const rows = (await grids(ca))['Công an tỉnh'].length;
    await edit(ca, 'Công an tỉnh', { I6: 'Hoàn thành', O4: 'Người phụ trách', O6: 'Anh Minh', [`B${rows + 2}`]: 'Ghi chú: đã họp ngày 3/12' });
    const broken = join(dir, 'broken.xlsx');
    writeFileSync(broken, readFileSync(ca).subarray(0, 300));
    const res = spawnSync('node', [bin, 'collect', out, ca, broken, '-o', join(dir, 'merged3.xlsx'), '--format', 'json'], { encoding: 'utf8' });
    const j = JSON.parse(res.stdout) as { files: { file: string; updated: number; refused: string | null; notMerged: string[] }[] };
    expect(j.files[0]).toMatchObject({ file: 'Công an tỉnh.xlsx', updated: 1, refused: null });
    expect(j.files[0].notMerged).toEqual([`dòng ${rows + 2}: Ghi chú: đã họp ngày 3/12`, 'cột "Người phụ trách" (cột O) cơ quan thêm vào']);
    expect(j.files[1].refused).toMatch(/broken\.xlsx/);
    expect((await grids(join(dir, 'merged3.xlsx')))['Công an tỉnh'][5][8]).toBe('Hoàn thành');
  });

  it('what collect says, the pane can say in English (ids and data beside the Vietnamese)', async () => {
    const wb = await XlsxWorkbook.load(new Uint8Array(readFileSync(out)));
    const r = await collect(wb, await analyze(wb), [{ file: 'x.xlsx', registry: null, grid: null }]);
    expect(r.files[0].refused).toMatch(/^Tệp "x\.xlsx" không phải tệp Phân công gửi/);
    expect(render(r.files[0].texts?.refused, r.files[0].refused!, 'en')).toBe('The file "x.xlsx" is not one Phân công sent to an agency (it has no plan marker): nothing is taken from it.');
  });

  it('a file without a marker is refused with a message naming it', () => {
    const res = spawnSync('node', [bin, 'collect', out, sample, '-o', join(dir, 'x.xlsx')], { encoding: 'utf8' });
    expect(res.status).toBe(1);
    expect(res.stdout).toMatch(/dong-nai-2018\.xlsx: .*không phải tệp Phân công gửi/);
  });
});

describe('the outcome of a task against its deadline', () => {
  const due = serialOf('2026-06-30');
  const today = serialOf('2026-07-10');
  it.each([
    ['done before the deadline', 'Hoàn thành', serialOf('2026-06-20'), 'Hoàn thành đúng hạn'],
    ['done after it', 'Hoàn thành', serialOf('2026-07-02'), 'Hoàn thành quá hạn'],
    ['a completion date without the status', 'Đang thực hiện', serialOf('2026-06-01'), 'Hoàn thành đúng hạn'],
    ['done, no date, already past the deadline', 'Hoàn thành', null, 'Hoàn thành quá hạn'],
    ['not done, past the deadline', 'Đang thực hiện', null, 'Chưa hoàn thành, quá hạn'],
  ])('%s', (_, status, done, want) => expect(outcomeOf(due, status as string, done as number | null, today)).toBe(want));
  it('not done, before the deadline; no deadline', () => {
    expect(outcomeOf(due, 'Chưa thực hiện', null, serialOf('2026-06-01'))).toBe('Chưa hoàn thành, trong hạn');
    expect(outcomeOf(null, 'Hoàn thành', null, today)).toBe('Không có hạn');
  });
  it('the live formula says the same in the sheet', () => {
    expect(outcomeFormula(6)).toBe(
      'IF(L6="","Không có hạn",IF(OR(I6="Hoàn thành",M6<>""),IF(IF(M6<>"",M6,TODAY())<=L6,"Hoàn thành đúng hạn","Hoàn thành quá hạn"),IF(TODAY()<=L6,"Chưa hoàn thành, trong hạn","Chưa hoàn thành, quá hạn")))',
    );
  });
});

describe('the three-way merge', () => {
  const row = (values: string[]) => ({ id: '1', title: 't', role: 'lead' as const, values, row: 6 });
  it('takes what only the agency changed, never empties a cell, keeps the officer’s value in a conflict', () => {
    const base = { 'lead|1': ['Chưa thực hiện', '', 'ghi chú cũ', ''] };
    const m = mergeReturned([row(['Chưa thực hiện', 'của sổ', 'ghi chú cũ', ''])], [row(['Hoàn thành', 'của cơ quan', '', ''])], base);
    expect(m.writes).toEqual([{ key: 'lead|1', column: 0, value: 'Hoàn thành' }]);
    expect(m.conflicts).toEqual([{ task: '1', column: 'Kết quả thực hiện', out: 'của sổ', returned: 'của cơ quan' }]);
  });
  it('the fingerprint changes with the task list', () => {
    const t = (id: string, title: string) => ({ id, raw: { stt: id, title, lead: 'Sở Y tế', support: '', time: '' } });
    expect(planFingerprint([t('1', 'a')])).not.toBe(planFingerprint([t('1', 'b')]));
    expect(planFingerprint([t('1', 'a')])).toBe(planFingerprint([t('1', 'a')]));
  });
});
