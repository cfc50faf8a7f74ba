// Where the command line writes: never over the input (whatever path leads to it), never over an
// existing file without --force, and atomically — a temporary file in the target folder, flushed,
// then renamed — so a kill or a full disk leaves the previous output as it was.
import { randomBytes } from 'node:crypto';
import * as nodeFs from 'node:fs/promises';
import * as path from 'node:path';
import { UserError } from '../app/usecases';

export class OutputRefused extends Error {}

type Fs = Pick<typeof nodeFs, 'open' | 'rename' | 'unlink' | 'stat' | 'lstat' | 'realpath'>;

async function statOrNull(fs: Fs, p: string) {
  try {
    return await fs.stat(p);
  } catch {
    return null;
  }
}

/** Check -o before any work: its folder, its type, the input, an existing file. */
export async function checkOutput(output: string, input: string, opts: { force: boolean; fs?: Fs }): Promise<string> {
  const fs = opts.fs ?? nodeFs;
  const ext = path.extname(input).toLowerCase() === '.xlsm' ? '.xlsm' : '.xlsx';
  if (path.extname(output).toLowerCase() !== ext) throw new OutputRefused(`Tệp kết quả "${output}" phải có đuôi ${ext} (Phân công ghi sổ Excel ${ext}); hãy đổi tên cho -o.`);
  const dir = path.dirname(path.resolve(output));
  const dirStat = await statOrNull(fs, dir);
  if (!dirStat?.isDirectory()) throw new OutputRefused(`Thư mục "${dir}" không có: hãy tạo thư mục trước rồi chạy lại.`);
  const inStat = await statOrNull(fs, input);
  const outStat = await statOrNull(fs, output);
  // the same file by any road: the path, a symbolic link, a hard link (same inode), another case
  const same =
    path.resolve(output) === path.resolve(input) ||
    (inStat && outStat && inStat.dev === outStat.dev && inStat.ino === outStat.ino) ||
    (outStat && (await fs.realpath(output).catch(() => output)) === (await fs.realpath(input).catch(() => input)));
  if (same) throw new OutputRefused(`Không ghi đè lên tệp gốc "${input}" ("${output}" là chính tệp đó): hãy chọn tên khác cho -o.`);
  if (outStat && !opts.force)
    throw new OutputRefused(`Tệp "${output}" đã có; không ghi đè. Muốn cập nhật nó thì chạy lệnh trên chính tệp đó (giữ được tình trạng các cơ quan đã nhập) với -o là tên mới, hoặc thêm --force để thay thế.`);
  return output;
}

/** Write bytes to `output` atomically; the previous file stays intact on any failure. */
export async function writeAtomic(output: string, bytes: Uint8Array, opts: { fs?: Fs; chunkDelayMs?: number } = {}): Promise<void> {
  const fs = opts.fs ?? nodeFs;
  const dir = path.dirname(path.resolve(output));
  const tmp = path.join(dir, `.${path.basename(output)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  let handle: Awaited<ReturnType<Fs['open']>> | null = null;
  try {
    handle = await fs.open(tmp, 'wx');
    const CHUNK = 1 << 20;
    for (let at = 0; at < bytes.length; at += CHUNK) {
      await handle.write(bytes.subarray(at, Math.min(bytes.length, at + CHUNK)));
      // test hook: a pause between chunks lets the tests kill the process halfway through a write
      if (opts.chunkDelayMs) await new Promise((r) => setTimeout(r, opts.chunkDelayMs));
    }
    await handle.sync();
    await handle.close();
    handle = null;
    await fs.rename(tmp, output);
  } catch (e) {
    if (handle) await handle.close().catch(() => undefined);
    await fs.unlink(tmp).catch(() => undefined);
    const code = (e as NodeJS.ErrnoException).code;
    const kept = `tệp "${output}" trước đó (nếu có) vẫn nguyên`;
    if (code === 'ENOSPC') throw new UserError('output.no_space', `Ổ đĩa đầy, không ghi được "${output}"; ${kept}. Hãy giải phóng chỗ trống rồi chạy lại.`);
    if (code === 'EACCES' || code === 'EPERM') throw new UserError('output.denied', `Không có quyền ghi vào thư mục "${dir}"; ${kept}. Hãy chọn thư mục khác cho -o.`);
    throw new UserError('output.failed', `Không ghi được "${output}" (${code ?? (e as Error).message}); ${kept}.`);
  }
}
