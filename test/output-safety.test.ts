// Where `generate`, `fix` and `settings` write: never over the input by any path, never over an
// existing file without --force, and atomically (issue 15).
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, linkSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import * as realFs from 'node:fs/promises';
import { writeAtomic } from '../src/cli/output';

const BIN = path.join(__dirname, '..', 'bin', 'phan-cong.js');
const SAMPLE = path.join(__dirname, '..', 'samples', 'dong-nai-2018.xlsx');
const run = (args: string[], env: Record<string, string> = {}) => {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, ...env } });
  return { code: r.status, out: r.stdout, err: r.stderr };
};
const hash = (p: string) => createHash('sha256').update(readFileSync(p)).digest('hex');
jest.setTimeout(60_000);

describe('-o is checked before any work', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'pc-out-'));
  const input = path.join(dir, 'input.xlsx');
  copyFileSync(SAMPLE, input);

  test('an existing -o is refused without --force, replaced with it', () => {
    const out = path.join(dir, 'out.xlsx');
    writeFileSync(out, 'the statuses agencies typed');
    const r = run(['generate', input, '-o', out]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/đã có; không ghi đè.*--force/);
    expect(readFileSync(out, 'utf8')).toBe('the statuses agencies typed');
    expect(run(['generate', input, '-o', out, '--force']).code).toBe(0);
    expect(readFileSync(out).subarray(0, 2).toString()).toBe('PK');
  });
  test.each([
    ['a symbolic link to the input', (p: string) => symlinkSync(input, p)],
    ['a hard link to the input', (p: string) => linkSync(input, p)],
  ])('%s is the input: refused, even with --force', (_what, make) => {
    const out = path.join(dir, `link-${Math.random().toString(36).slice(2)}.xlsx`);
    make(out);
    const before = hash(input);
    for (const cmd of [['generate'], ['fix', '--all'], ['settings', '--off', 'structure.stt.missing']]) {
      const r = run([cmd[0], input, '-o', out, '--force', ...cmd.slice(1)]);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/Không ghi đè lên tệp gốc/);
    }
    expect(hash(input)).toBe(before);
  });
  test('a folder that does not exist, or another file type, is refused with a message', () => {
    expect(run(['generate', input, '-o', path.join(dir, 'no', 'such', 'x.xlsx')]).err).toMatch(/Thư mục .* không có/);
    expect(existsSync(path.join(dir, 'no'))).toBe(false);
    expect(run(['generate', input, '-o', path.join(dir, 'out.csv')]).err).toMatch(/phải có đuôi \.xlsx/);
  });
});

describe('writes are atomic', () => {
  test('killed halfway through a write (several points), the previous output is intact and no partial file has its name', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pc-kill-'));
    const out = path.join(dir, 'out.xlsx');
    expect(run(['generate', SAMPLE, '-o', out]).code).toBe(0);
    const good = hash(out);
    let midWrite = 0;
    // the write pauses 1.5 s after its data (before flush and rename): 300 ms is before it, 900 and 1600 ms inside it
    for (const afterMs of [300, 900, 1600]) {
      const child = spawn(process.execPath, [BIN, 'generate', SAMPLE, '-o', out, '--force'], { env: { ...process.env, PHAN_CONG_TEST_WRITE_DELAY_MS: '1500' }, stdio: 'ignore' });
      const exited = new Promise((r) => child.on('exit', r));
      await new Promise((r) => setTimeout(r, afterMs));
      child.kill('SIGKILL');
      await exited;
      expect(hash(out)).toBe(good);
      expect(readdirSync(dir).filter((f) => f === 'out.xlsx')).toEqual(['out.xlsx']);
      // a kill inside the write leaves only the hidden temporary file, never a partial out.xlsx
      midWrite += readdirSync(dir).filter((f) => f.endsWith('.tmp')).length > 0 ? 1 : 0;
    }
    expect(midWrite).toBeGreaterThan(0);
  });
  test('a full disk: a Vietnamese message, the previous file intact, no temporary file left', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pc-full-'));
    const out = path.join(dir, 'out.xlsx');
    writeFileSync(out, 'previous output');
    const full = {
      ...realFs,
      open: async (p: string, flags: string) => {
        const h = await realFs.open(p, flags);
        return Object.assign(h, { write: async () => Promise.reject(Object.assign(new Error('no space'), { code: 'ENOSPC' })) });
      },
    } as unknown as typeof realFs;
    await expect(writeAtomic(out, new Uint8Array(10), { fs: full })).rejects.toThrow(/Ổ đĩa đầy.*vẫn nguyên/);
    expect(readFileSync(out, 'utf8')).toBe('previous output');
    expect(readdirSync(dir)).toEqual(['out.xlsx']);
  });
});
