// The use-cases the pane calls, over one workbook, as one object. Two implementations: on the page's own
// thread over a port (Excel, and the tests), and in a Web Worker (the pane outside Excel), where reading,
// checking, generating and writing the file never hold the page. Every result is plain data, so it
// crosses to the page by structured clone; a generation's sheet plans stay where they were written.
import type { RuleSettings, Issue } from '../core/schemas';
import type { WorkbookPort, WriteProgress } from '../port/workbook';
import type { ImportResult } from '../core/import/text';
import { addAliases, analyze, applyFixes, cellWindow, fillQuarters, generate, ignoreFindings, insertMasterSheet, peekSheet, restoreIgnored, saveRuleSettings, type Analysis, type AnalyzeOptions, type GenerateResult, type QuarterResult, type SheetPeek } from './usecases';
import { paneView, type PaneView } from './view';
import { collect, planDistribution, type Outgoing, type ReturnedFile, type CollectedFile } from './distribute';
import { writeImported } from './import';

export interface GenerateOptions {
  only?: string[];
  expandCollectives: boolean;
  force: boolean;
}

export interface Engine {
  /** Read and check the workbook; the analysis stays with the engine, the pane gets what it shows. */
  analyze(opts: AnalyzeOptions): Promise<PaneView>;
  /** The cells around one (outside Excel, "go to cell" shows them). */
  cellWindow(cellRef: string): Promise<ReturnType<typeof cellWindow>>;
  peek(sheet?: string | null): Promise<SheetPeek>;
  applyFixes(issues: Issue[]): Promise<{ cells: number }>;
  ignore(issues: Issue[]): Promise<number>;
  restoreIgnored(): Promise<void>;
  addAliases(aliases: { agency: string; alias: string }[]): Promise<void>;
  insertMaster(): Promise<void>;
  saveSettings(settings: RuleSettings): Promise<void>;
  fillQuarters(force: boolean): Promise<QuarterResult>;
  generate(opts: GenerateOptions, progress?: (p: WriteProgress) => void): Promise<GenerateResult>;
  planDistribution(only?: string[]): Promise<Outgoing[]>;
  collect(returned: ReturnedFile[]): Promise<{ files: CollectedFile[]; written: number }>;
  writeImported(r: ImportResult): Promise<{ sheet: string; headerRow: number }>;
}

/** What of a generation the pane shows: everything but the sheet plans (megabytes for a big table). */
export function slimGeneration(r: GenerateResult): GenerateResult {
  return { ...r, generation: { ...r.generation, sheets: [], byAgency: new Map() } };
}

/**
 * The use-cases over a port, keeping the latest analysis: each action runs on what the last `analyze`
 * read (as the pane shows it), and the pane analyses again after a change.
 */
export function localEngine(port: WorkbookPort): Engine {
  let current: Analysis | null = null;
  const a = (): Analysis => {
    if (!current) throw new Error('analyze first');
    return current;
  };
  return {
    analyze: async (opts) => paneView((current = await analyze(port, opts))),
    cellWindow: async (cellRef) => cellWindow(a(), cellRef),
    peek: (sheet) => peekSheet(port, sheet),
    applyFixes: async (issues) => ({ cells: (await applyFixes(port, a(), issues)).cells }),
    ignore: (issues) => ignoreFindings(port, a(), issues),
    restoreIgnored: () => restoreIgnored(port, a()),
    addAliases: async (aliases) => void (await addAliases(port, a(), aliases)),
    insertMaster: () => insertMasterSheet(port, a()),
    saveSettings: async (settings) => void (await saveRuleSettings(port, a(), settings)),
    fillQuarters: (force) => fillQuarters(port, a(), force),
    generate: async (opts, progress) => slimGeneration(await generate(port, a(), { ...opts, progress })),
    planDistribution: (only) => planDistribution(port, a(), only),
    collect: (returned) => collect(port, a(), returned),
    writeImported: (r) => writeImported(port, r),
  };
}
