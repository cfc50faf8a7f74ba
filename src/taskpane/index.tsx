// Task pane entry: inside Excel it works on the open workbook through Office.js; opened in a
// plain browser (office.js absent or host null) it works on an .xlsx file the user picks.
import { createRoot } from 'react-dom/client';
import { checkWorkbookBytes, corruptWorkbook, firstSheetRows, readReturnedFile } from '../app/files';
import { readPlanWithPreview } from '../app/import';
import { WorkerClient, workerSession } from './worker/client';
import { App } from './App';
import type { Lang } from './i18n';
import type { PlanReader, Session } from './useSession';

interface Env {
  session: Session | null;
  lang: Lang;
  dark: boolean;
  unsupported: string[];
  standalone: boolean;
}

async function officeHost(): Promise<{ host: string | null } | null> {
  if (typeof Office === 'undefined' || typeof Office.onReady !== 'function') return null;
  try {
    // Office.onReady never resolves in some plain browsers: give it a moment
    return await Promise.race([Office.onReady().then((i) => ({ host: i.host ? String(i.host) : null })), new Promise<null>((r) => setTimeout(() => r(null), 3000))]);
  } catch {
    return null;
  }
}

function isDark(color: string | undefined): boolean {
  const m = color?.match(/^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i);
  if (!m) return false;
  const [r, g, b] = m.slice(1).map((x) => parseInt(x, 16));
  return 0.299 * r + 0.587 * g + 0.114 * b < 128;
}

async function environment(): Promise<Env> {
  const params = new URLSearchParams(location.search);
  const forced = params.get('lang');
  const info = await officeHost();
  if (info?.host === 'Excel' && typeof Excel !== 'undefined') {
    const { officeWorkbook } = await import('../adapters/office');
    const req = Office.context.requirements;
    const unsupported: string[] = [];
    if (!req.isSetSupported('ExcelApi', '1.8')) unsupported.push('featureValidation');
    if (!req.isSetSupported('ExcelApi', '1.9')) unsupported.push('featurePrint');
    if (!req.isSetSupported('ExcelApi', '1.13')) unsupported.push('featureMerges');
    const display = Office.context.displayLanguage ?? 'vi-VN';
    return {
      session: { port: officeWorkbook(), mode: 'office', files: officeFiles() },
      lang: (forced as Lang) ?? (display.toLowerCase().startsWith('vi') ? 'vi' : 'en'),
      dark: isDark(Office.context.officeTheme?.bodyBackgroundColor),
      unsupported,
      standalone: false,
    };
  }
  return {
    session: null,
    lang: forced === 'en' ? 'en' : 'vi',
    dark: params.get('theme') === 'dark' || (params.get('theme') !== 'light' && !!window.matchMedia?.('(prefers-color-scheme: dark)').matches),
    unsupported: [],
    standalone: true,
  };
}

/** The pane's worker (outside Excel), made on first use; none where the browser has no workers. */
let client: WorkerClient | null | undefined;
function workerClient(): WorkerClient | null {
  if (client === undefined) {
    try {
      client = typeof Worker === 'undefined' ? null : new WorkerClient(new Worker(new URL('./worker/worker.ts', import.meta.url)));
    } catch {
      client = null;
    }
  }
  return client;
}

/** Stop opening a file (safe: nothing of the workbook has changed yet); the next file gets a new worker. */
function cancelOpening(): void {
  if (!client) return;
  client.cancel();
  client = undefined;
}

/** A file chosen outside Excel: checked for what it is, then loaded (in the worker); a bad one gets a message, never a blank pane. */
async function openFile(file: File): Promise<Session> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  checkWorkbookBytes(bytes, file.name);
  const c = workerClient();
  if (c) {
    await c.call('load', [bytes, file.name]);
    return workerSession(c, file.name);
  }
  const { XlsxWorkbook } = await import(/* webpackChunkName: "xlsx" */ '../adapters/xlsx');
  const wb = await XlsxWorkbook.load(bytes).catch(() => {
    throw corruptWorkbook(file.name);
  });
  return { port: wb, mode: 'standalone', fileName: file.name, save: () => wb.save(), files: filesOf(wb, XlsxWorkbook) };
}

/** Files for the agencies and back, through the .xlsx adapter. */
function filesOf(wb: import('../adapters/xlsx').XlsxWorkbook, X: typeof import('../adapters/xlsx').XlsxWorkbook): NonNullable<Session['files']> {
  return {
    sheetWorkbooks: (list) => Promise.all(list.map((o) => wb.sheetWorkbook(o.sheet, o.registry))),
    readReturned: (bytes, name) => readReturnedFile((b) => X.load(b), bytes, name),
    firstSheetRows: (bytes, name) => firstSheetRows((b) => X.load(b), bytes, name),
  };
}

/**
 * In Excel: each agency's workbook is cut from the open workbook's own file as Excel hands it over
 * (read once for the whole list), and opens as a new workbook where Excel can (ExcelApi 1.8).
 */
function officeFiles(): NonNullable<Session['files']> {
  const load = async () => {
    const { XlsxWorkbook } = await import(/* webpackChunkName: "xlsx" */ '../adapters/xlsx');
    return XlsxWorkbook;
  };
  return {
    sheetWorkbooks: async (list) => {
      const [X, { documentBytes }] = await Promise.all([load(), import(/* webpackChunkName: "xlsx" */ '../adapters/officeFile')]);
      const wb = await X.load(await documentBytes(Office.context.document as never));
      return Promise.all(list.map((o) => wb.sheetWorkbook(o.sheet, o.registry)));
    },
    readReturned: async (bytes, name) => {
      const X = await load();
      return readReturnedFile((b) => X.load(b), bytes, name);
    },
    firstSheetRows: async (bytes, name) => {
      const X = await load();
      return firstSheetRows((b) => X.load(b), bytes, name);
    },
    openAsNewWorkbook: Office.context.requirements.isSetSupported('ExcelApi', '1.8')
      ? async (bytes) => {
          const { base64Of } = await import(/* webpackChunkName: "xlsx" */ '../adapters/officeFile');
          await Excel.createWorkbook(base64Of(bytes));
        }
      : undefined,
  };
}

/** A new workbook for a table imported from a document when no workbook is open (outside Excel). */
async function newWorkbook(name: string): Promise<Session> {
  const c = workerClient();
  if (c) {
    await c.call('empty');
    return workerSession(c, name);
  }
  const { XlsxWorkbook } = await import(/* webpackChunkName: "xlsx" */ '../adapters/xlsx');
  const wb = XlsxWorkbook.empty();
  return { port: wb, mode: 'standalone', fileName: name, save: () => wb.save(), files: filesOf(wb, XlsxWorkbook) };
}

/** A plan document read for import in the worker (a long .docx never holds the page); on the page without workers. */
const readPlanOffPage: PlanReader = async (input, name) => {
  const c = workerClient();
  return c ? c.call('readPlan', [input, name]) : readPlanWithPreview(input, name);
};

void environment().then((env) => {
  const root = createRoot(document.getElementById('root')!);
  root.render(<App session={env.session} lang={env.lang} dark={env.dark} unsupported={env.unsupported} openFile={env.standalone ? openFile : undefined} newWorkbook={env.standalone ? newWorkbook : undefined} cancelOpening={env.standalone ? cancelOpening : undefined} readPlan={readPlanOffPage} />);
});
