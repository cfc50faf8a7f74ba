// The pane's state and actions. Components get them through props; only use-cases touch the workbook.
import { useCallback, useMemo, useRef, useState } from 'react';
import { UserError, type GenerateResult, type QuarterResult, type SheetPeek } from '../app/usecases';
import type { PaneView } from '../app/view';
import { localEngine, type Engine } from '../app/engine';
import { friendlyError, type FriendlyError } from '../app/errors';
import type { ColumnRole, Issue, MasterList, RuleSettings } from '../core/schemas';
import type { WorkbookPort, WriteProgress } from '../port/workbook';
import { readPlanWithPreview, type ImportPreview } from '../app/import';
import type { ImportResult } from '../core/import/text';
import type { Registry } from '../core/registry';
import { fileNameOf, zipOf, type CollectedFile, type ReturnedFile } from '../app/distribute';
import { masterFromFile } from '../app/files';

export interface Session {
  port: WorkbookPort;
  /** The use-cases over this workbook: in a Web Worker outside Excel; on the page over `port` otherwise. */
  engine?: Engine;
  mode: 'office' | 'standalone';
  fileName?: string;
  /** Standalone: the workbook's bytes after the changes made in the pane. */
  save?: () => Promise<Uint8Array>;
  /** Files for the agencies and back (the .xlsx adapter does the bytes; in Excel, over the open workbook's file). */
  files?: {
    /** Each agency's workbook: its sheet part as it is, and the plan's marker. */
    sheetWorkbooks(list: { sheet: string; registry: Registry }[]): Promise<Uint8Array[]>;
    readReturned(bytes: Uint8Array, name: string): Promise<ReturnedFile>;
    /** The cells of a workbook file's first sheet (a master list chosen as a file). */
    firstSheetRows(bytes: Uint8Array, name: string): Promise<string[][]>;
    /** Excel (ExcelApi 1.8): the bytes open as a new workbook window. */
    openAsNewWorkbook?(bytes: Uint8Array): Promise<void>;
  };
}

/** What the pane says after an action went well: one kind per action, with its data. */
export type Notice =
  | { kind: 'fixed'; cells: number }
  | { kind: 'ignored'; count: number }
  | { kind: 'restored' }
  | { kind: 'alias'; alias: string; agency: string }
  | { kind: 'settings' }
  | { kind: 'selected'; cell: string }
  | { kind: 'imported'; sheet: string; tasks: number }
  | { kind: 'distributed'; files: number }
  | { kind: 'opened'; sheet: string };

export interface AnalyzeInputs {
  /** The table's sheet when the pane knows it (the sheet an import just wrote); else the active one. */
  sheet?: string | null;
  year: number | null;
  columns?: Partial<Record<ColumnRole, number>>;
  /** The header row chosen by hand. */
  headerRow?: number;
  master: MasterList | null;
}

/** Hand bytes to the browser as a download. */
function saveAs(bytes: Uint8Array, name: string, type: string): void {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(new Blob([bytes as BlobPart], { type }));
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10000);
}

/** The session's use-cases (made once per session). */
function engineOf(s: Session): Engine {
  return (s.engine ??= localEngine(s.port));
}

/** Let the browser paint between steps so the pane never freezes. */
const breathe = () => new Promise<void>((r) => setTimeout(r, 0));

/** Reads a plan document for import; outside the page where it can (the pane's worker). */
export type PlanReader = (input: { bytes: Uint8Array } | { text: string }, name: string) => Promise<{ result: ImportResult; preview: ImportPreview }>;

const readOnPage: PlanReader = async (input, name) => readPlanWithPreview(input, name);

export function useSession(initial: Session | null, readPlanWith: PlanReader = readOnPage) {
  const [session, setSession] = useState<Session | null>(initial);
  const [analysis, setAnalysis] = useState<PaneView | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<FriendlyError | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [progress, setProgress] = useState<WriteProgress | null>(null);
  const [quarters, setQuarters] = useState<QuarterResult | null>(null);
  const [generated, setGenerated] = useState<GenerateResult | null>(null);
  /** A document read for import, waiting for the officer's confirmation. */
  const [collected, setCollected] = useState<CollectedFile[] | null>(null);
  /** The sheet's first rows when its table is not recognised: the officer chooses it by hand. */
  const [peek, setPeek] = useState<SheetPeek | null>(null);
  const [importing, setImporting] = useState<{ name: string; result: ImportResult; preview: ImportPreview } | null>(null);
  const inputs = useRef<AnalyzeInputs>({ year: null, master: null });

  const guard = useCallback(async <T,>(label: string, fn: () => Promise<T>): Promise<T | undefined> => {
    setBusy(label);
    setError(null);
    setNotice(null);
    try {
      await breathe();
      return await fn();
    } catch (e) {
      setError(friendlyError(e));
      return undefined;
    } finally {
      setBusy(null);
      setProgress(null);
    }
  }, []);

  const reanalyze = useCallback(
    async (s: Session | null = session) => {
      if (!s) return null;
      try {
        const a = await engineOf(s).analyze({ sheet: inputs.current.sheet, year: inputs.current.year, columns: inputs.current.columns, headerRow: inputs.current.headerRow, master: inputs.current.master });
        setAnalysis(a);
        setPeek(null);
        return a;
      } catch (e) {
        // a table the reader does not recognise: the first rows, to choose the header row and columns by hand
        if (e instanceof UserError && e.key === 'table.not_found') {
          setAnalysis(null);
          setPeek(await engineOf(s).peek(inputs.current.sheet));
        }
        throw e;
      }
    },
    [session],
  );

  const actions = useMemo(
    () => ({
      /** Open a session; opening it may fail (a corrupt or protected file): the message shows, nothing else changes. */
      open: (s: Session | (() => Promise<Session>)) =>
        guard('reading', async () => {
          if (typeof s === 'function') s = await s();
          setSession(s);
          setQuarters(null);
          setGenerated(null);
          setImporting(null);
          inputs.current = { year: null, master: null };
          await reanalyze(s);
        }),
      /** Another sheet's first rows, for choosing its table by hand. */
      peekAt: (sheet: string) =>
        guard('reading', async () => {
          if (!session) return;
          setPeek(await engineOf(session).peek(sheet));
        }),
      refresh: (next?: Partial<AnalyzeInputs>) =>
        guard('reading', async () => {
          inputs.current = { ...inputs.current, ...(next ?? {}) };
          await reanalyze();
        }),
      select: (cellRef: string) =>
        guard('select', async () => {
          const i = cellRef.lastIndexOf('!');
          await session?.port.select(cellRef.slice(0, i), cellRef.slice(i + 1));
          setNotice({ kind: 'selected', cell: cellRef });
        }),
      fix: (issues: Issue[]) =>
        guard('fix', async () => {
          if (!session || !analysis) return;
          const r = await engineOf(session).applyFixes(issues);
          await reanalyze();
          setNotice({ kind: 'fixed', cells: r.cells });
        }),
      /** Leave findings out of this workbook's check (its registry keeps them). */
      ignore: (issues: Issue[]) =>
        guard('settings', async () => {
          if (!session || !analysis) return;
          const n = await engineOf(session).ignore(issues);
          await reanalyze();
          setNotice({ kind: 'ignored', count: n });
        }),
      restoreIgnored: () =>
        guard('settings', async () => {
          if (!session || !analysis) return;
          await engineOf(session).restoreIgnored();
          await reanalyze();
          setNotice({ kind: 'restored' });
        }),
      addAlias: (issue: Issue) =>
        guard('alias', async () => {
          if (!session || !analysis || !issue.alias) return;
          await engineOf(session).addAliases([issue.alias]);
          inputs.current = { ...inputs.current, master: null };
          await reanalyze();
          setNotice({ kind: 'alias', alias: issue.alias.alias, agency: issue.alias.agency });
        }),
      insertMaster: () =>
        guard('master', async () => {
          if (!session || !analysis) return;
          await engineOf(session).insertMaster();
          inputs.current = { ...inputs.current, master: null };
          await reanalyze();
        }),
      loadMaster: (name: string, data: ArrayBuffer) =>
        guard('master', async () => {
          const master = await masterFromFile(name, data, session?.files?.firstSheetRows);
          if (!master) return;
          inputs.current = { ...inputs.current, master };
          await reanalyze();
        }),
      saveSettings: (settings: RuleSettings) =>
        guard('settings', async () => {
          if (!session || !analysis) return;
          await engineOf(session).saveSettings(settings);
          await reanalyze();
          setNotice({ kind: 'settings' });
        }),
      fillQuarters: (force: boolean) =>
        guard('quarters', async () => {
          if (!session || !analysis) return;
          const r = await engineOf(session).fillQuarters(force);
          setQuarters(r);
          if (r.written) await reanalyze();
        }),
      generate: (opts: { only?: string[]; expandCollectives: boolean; force: boolean }) =>
        guard('generate', async () => {
          if (!session || !analysis) return;
          const r = await engineOf(session).generate(opts, (p) => setProgress(p));
          setGenerated(r);
          if (r.written) await reanalyze();
        }),
      download: () =>
        guard('download', async () => {
          if (!session?.save) return;
          const bytes = await session.save();
          saveAs(bytes, (session.fileName ?? 'phan-cong.xlsx').replace(/\.xlsx$/i, '') + '-phan-cong.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
        }),
      /** Read a plan document (.docx, .txt) or pasted text; nothing is written until confirmImport. */
      readPlan: (input: { file: File } | { text: string }) =>
        guard('import', async () => {
          const name = 'file' in input ? input.file.name : 'văn bản dán vào';
          const r = await readPlanWith('file' in input ? { bytes: new Uint8Array(await input.file.arrayBuffer()) } : { text: input.text }, name);
          setImporting({ name, ...r });
        }),
      /** Write the read tasks as a new sheet (of the open workbook, or of a new one) and continue with it. */
      confirmImport: (newWorkbook?: (name: string) => Promise<Session>) =>
        guard('import', async () => {
          if (!importing) return;
          const s = session ?? (newWorkbook ? await newWorkbook(importing.name.replace(/\.(docx|txt)$/i, '') + '.xlsx') : null);
          if (!s) return;
          const w = await engineOf(s).writeImported(importing.result);
          inputs.current = { year: null, master: null, sheet: w.sheet };
          setSession(s);
          setQuarters(null);
          setGenerated(null);
          setImporting(null);
          await reanalyze(s);
          setNotice({ kind: 'imported', sheet: w.sheet, tasks: importing.result.tasks.length });
        }),
      cancelImport: () => setImporting(null),
      /** One .zip holding each agency's workbook (its sheet and the plan's marker). */
      distribute: () =>
        guard('distribute', async () => {
          if (!session?.files || !analysis) return;
          const out = await engineOf(session).planDistribution();
          const bytes = await session.files.sheetWorkbooks(out);
          const files = out.map((o, i) => ({ name: fileNameOf(o.sheet), bytes: bytes[i] }));
          saveAs(zipOf(files), (session.fileName ?? 'phan-cong.xlsx').replace(/\.xlsx$/i, '') + '-gui-co-quan.zip', 'application/zip');
          setNotice({ kind: 'distributed', files: files.length });
        }),
      /** Excel: one agency's workbook opened as a new workbook, to save or send from Excel. */
      openAgencyWorkbook: (sheet: string) =>
        guard('distribute', async () => {
          if (!session?.files?.openAsNewWorkbook || !analysis) return;
          const [o] = await engineOf(session).planDistribution([sheet]);
          const [bytes] = await session.files.sheetWorkbooks([o]);
          await session.files.openAsNewWorkbook(bytes);
          setNotice({ kind: 'opened', sheet: o.sheet });
        }),
      /** Merge the files the agencies sent back into this workbook, by task. */
      collect: (files: File[]) =>
        guard('collect', async () => {
          if (!session?.files || !analysis) return;
          const returned: ReturnedFile[] = [];
          for (const f of files) {
            // a file that cannot be opened is refused on its own; the others are still merged
            const bytes = new Uint8Array(await f.arrayBuffer());
            returned.push(await session.files.readReturned(bytes, f.name).catch((e: unknown) => ({ file: f.name, registry: null, grid: null, unreadable: e instanceof Error ? e.message : String(e) })));
          }
          const r = await engineOf(session).collect(returned);
          setCollected(r.files);
          if (r.written) await reanalyze();
        }),
      /** The cells around one, outside Excel (read-only). */
      cellWindow: (cellRef: string) => (session ? engineOf(session).cellWindow(cellRef) : Promise.reject(new Error('no workbook'))),
      dismissError: () => setError(null),
    }),
    [guard, reanalyze, session, analysis, importing, readPlanWith],
  );

  return { session, analysis, peek, busy, error, notice, progress, quarters, generated, importing, collected, actions };
}

export type SessionState = ReturnType<typeof useSession>;
export type Actions = SessionState['actions'];
