// The page's side of the pane's worker: calls matched to their replies, progress passed on, errors
// that are UserErrors again on the page (so the pane says what to do, in both languages).
import { WorkerClient } from '../src/taskpane/worker/client';
import { fromWire, toWire, type Call, type Reply } from '../src/taskpane/worker/protocol';
import { UserError } from '../src/app/usecases';

/** A worker that answers each call from a table, out of order, with progress for "slow". */
function fakeWorker(): Worker {
  const w = {
    onmessage: null as ((e: MessageEvent<Reply>) => void) | null,
    postMessage(m: Call) {
      const reply = (r: Reply) => setTimeout(() => w.onmessage?.({ data: r } as MessageEvent<Reply>), m.op === 'slow' ? 20 : 1);
      if (m.op === 'slow') {
        reply({ id: m.id, progress: { done: 1, total: 2 } });
        reply({ id: m.id, result: 'slow done' });
      } else if (m.op === 'fail') reply({ id: m.id, error: toWire(new UserError('file.corrupt', 'Tệp "x.xlsx" bị hỏng', 'The file "x.xlsx" is damaged')) });
      else reply({ id: m.id, result: m.args });
    },
  };
  return w as unknown as Worker;
}

describe('the worker client', () => {
  test('replies go to their calls, whatever their order; progress reaches its call', async () => {
    const c = new WorkerClient(fakeWorker());
    const seen: unknown[] = [];
    const [slow, fast] = await Promise.all([c.call('slow', [], (p) => seen.push(p)), c.call('echo', [1, 'a'])]);
    expect(slow).toBe('slow done');
    expect(fast).toEqual([1, 'a']);
    expect(seen).toEqual([{ done: 1, total: 2 }]);
  });

  test('an error of ours is a UserError again, with its English', async () => {
    const c = new WorkerClient(fakeWorker());
    const e = await c.call('fail').catch((x: unknown) => x);
    expect(e).toBeInstanceOf(UserError);
    expect(e).toMatchObject({ key: 'file.corrupt', message: 'Tệp "x.xlsx" bị hỏng', en: 'The file "x.xlsx" is damaged' });
    expect(fromWire({ kind: 'other', message: 'boom', code: 'X' })).toMatchObject({ message: 'boom', code: 'X' });
  });
});
