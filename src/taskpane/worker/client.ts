// The page's side of the worker: a session whose use-cases, file bytes and agency files are the worker's.
import type { Engine } from '../../app/engine';
import type { WorkbookPort } from '../../port/workbook';
import type { Session } from '../useSession';
import { fromWire, type Call, type Reply } from './protocol';
import { UserError } from '../../app/usecases';

export class WorkerClient {
  private next = 1;
  private readonly waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void; progress?: (p: unknown) => void }>();

  constructor(private readonly worker: Worker) {
    worker.onmessage = (e: MessageEvent<Reply>) => {
      const m = e.data;
      const w = this.waiting.get(m.id);
      if (!w) return;
      if ('progress' in m) return w.progress?.(m.progress);
      this.waiting.delete(m.id);
      if ('error' in m) w.reject(fromWire(m.error));
      else w.resolve(m.result);
    };
  }

  /** Stop the worker: every call under way ends with `cancelled` (the workbook the worker held is gone). */
  cancel(): void {
    this.worker.terminate();
    for (const w of this.waiting.values()) w.reject(new UserError('cancelled', 'Đã hủy: tệp chưa được mở, không có gì thay đổi.', 'Cancelled: the file was not opened; nothing changed.'));
    this.waiting.clear();
  }

  /** Calls under way. */
  get busy(): boolean {
    return this.waiting.size > 0;
  }

  call<T>(op: string, args: unknown[] = [], progress?: (p: unknown) => void): Promise<T> {
    const id = this.next++;
    return new Promise<T>((resolve, reject) => {
      this.waiting.set(id, { resolve: resolve as (v: unknown) => void, reject, progress });
      this.worker.postMessage({ id, op, args } satisfies Call);
    });
  }
}

/** The workbook lives in the worker: the page's port only answers "go to cell" (a file has no selection). */
const NO_PORT: WorkbookPort = {
  read: () => Promise.reject(new Error('the workbook is in the worker')),
  readSheets: () => Promise.reject(new Error('the workbook is in the worker')),
  write: () => Promise.reject(new Error('the workbook is in the worker')),
  select: async () => undefined,
};

function engineOf(c: WorkerClient): Engine {
  const run =
    <K extends keyof Engine>(method: K) =>
    (...args: unknown[]) =>
      c.call('engine', [method, args]);
  return {
    analyze: run('analyze'),
    cellWindow: run('cellWindow'),
    peek: run('peek'),
    applyFixes: run('applyFixes'),
    ignore: run('ignore'),
    restoreIgnored: run('restoreIgnored'),
    addAliases: run('addAliases'),
    insertMaster: run('insertMaster'),
    saveSettings: run('saveSettings'),
    fillQuarters: run('fillQuarters'),
    generate: (opts, progress) => c.call('engine', ['generate', [opts]], progress as ((p: unknown) => void) | undefined),
    planDistribution: run('planDistribution'),
    collect: run('collect'),
    writeImported: run('writeImported'),
  } as Engine;
}

/** A session over the workbook the worker holds (after `load` or `empty`). */
export function workerSession(c: WorkerClient, fileName: string): Session {
  return {
    port: NO_PORT,
    engine: engineOf(c),
    mode: 'standalone',
    fileName,
    save: () => c.call<Uint8Array>('save'),
    files: {
      sheetWorkbooks: (list) => c.call('sheetWorkbooks', [list]),
      readReturned: (bytes, name) => c.call('readReturned', [bytes, name]),
      firstSheetRows: (bytes, name) => c.call('firstSheetRows', [bytes, name]),
    },
  };
}

