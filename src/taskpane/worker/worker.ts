// The pane's worker (outside Excel): it holds the workbook and runs the use-cases on it, so reading,
// checking, generating and writing the file never hold the page. A composition root, like index.tsx.
import { XlsxWorkbook } from '../../adapters/xlsx';
import { localEngine, type Engine } from '../../app/engine';
import { checkWorkbookBytes, corruptWorkbook, firstSheetRows, readReturnedFile } from '../../app/files';
import { readPlanWithPreview } from '../../app/import';
import type { Registry } from '../../core/registry';
import { toWire, type Call, type Reply } from './protocol';

const post = (m: Reply) => (self as unknown as { postMessage(m: Reply): void }).postMessage(m);

let wb: XlsxWorkbook | null = null;
let engine: Engine | null = null;
const open = (b: Uint8Array) => XlsxWorkbook.load(b);

function workbook(): XlsxWorkbook {
  if (!wb) throw new Error('no workbook is open');
  return wb;
}

const OPS: Record<string, (id: number, ...args: never[]) => Promise<unknown>> = {
  load: async (_id, bytes: Uint8Array, name: string) => {
    checkWorkbookBytes(bytes, name);
    wb = await XlsxWorkbook.load(bytes).catch(() => {
      throw corruptWorkbook(name);
    });
    engine = localEngine(wb);
  },
  empty: async () => {
    wb = XlsxWorkbook.empty();
    engine = localEngine(wb);
  },
  save: async () => workbook().save(),
  sheetWorkbooks: async (_id, list: { sheet: string; registry: Registry }[]) => Promise.all(list.map((o) => workbook().sheetWorkbook(o.sheet, o.registry))),
  readReturned: async (_id, bytes: Uint8Array, name: string) => readReturnedFile(open, bytes, name),
  firstSheetRows: async (_id, bytes: Uint8Array, name: string) => firstSheetRows(open, bytes, name),
  /** A plan document read for import (a 500-page .docx is long work): no workbook needed. */
  readPlan: async (_id, input: { bytes: Uint8Array } | { text: string }, name: string) => readPlanWithPreview(input, name),
  /** A use-case of the engine; `generate` reports its progress as it goes. */
  engine: async (id, method: keyof Engine, args: unknown[]) => {
    if (!engine) throw new Error('no workbook is open');
    if (method === 'generate') return engine.generate(args[0] as Parameters<Engine['generate']>[0], (p) => post({ id, progress: p }));
    return (engine[method] as (...a: unknown[]) => Promise<unknown>)(...args);
  },
};

self.onmessage = async (e: MessageEvent<Call>) => {
  const { id, op, args } = e.data;
  try {
    const fn = OPS[op];
    if (!fn) throw new Error(`unknown operation ${op}`);
    const result = await fn(id, ...(args as never[]));
    post({ id, result });
  } catch (err) {
    post({ id, error: toWire(err) });
  }
};
