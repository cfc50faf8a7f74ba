// What the task pane shows of an analysis, computed once where the analysis is (in the pane's worker
// outside Excel): plain data a fraction of the analysis's size, so handing it to the page never holds
// it, and every count the steps show comes from one place. The values the pane needs from the core
// (message rendering, column letters, the rules' descriptions) reach it through here.
import { a1, colLetter } from '../core/address';
import { assignments } from '../core/generate';
import { planQuarters } from '../core/quarters';
import { RULE_INFO } from '../core/validate';
import { render } from '../core/messages';
import type { Issue, RuleSettings, TableModel } from '../core/schemas';
import { agencySummary, findingContext, taskIndex, type Analysis, type FindingContext } from './usecases';

export { colLetter as columnLetter, render, RULE_INFO };

export interface PaneView {
  table: TableModel;
  /** "A4:E30": the table's cells, header included. */
  tableRange: string;
  taskCount: number;
  planYear: number;
  planYearSource: Analysis['planYearSource'];
  issues: Issue[];
  /** What each finding's card shows besides its message (by the index of `issues`). */
  contexts: FindingContext[];
  ignored: number;
  master: { count: number; source: Analysis['masterSource'] };
  settings: RuleSettings;
  /** Names not in the master list (with suggestions), and names in it but not written officially. */
  names: ReturnType<typeof agencySummary>;
  /** Agencies given tasks by name (collectives not expanded). */
  agencyCount: number;
  /** The agencies a generation makes sheets for: with collectives expanded, and without. */
  agencyChoices: { expanded: string[]; named: string[] };
  /** Quarters found for each table row, and the rows whose time says no quarter. */
  quarterRows: [row: number, quarters: number[]][];
  unreadableRows: number[];
  /** Agency sheets generated earlier (registry). */
  agencySheets: { name: string; agency: string | null }[];
  /** The workbook's visible sheets, in tab order. */
  visibleSheets: string[];
}

export function paneView(a: Analysis): PaneView {
  const tb = a.table;
  const choices = (expandCollectives: boolean) => [
    ...assignments(a.tasks, a.idx, {
      expandCollectives,
      expandOnlyNamed: a.masterSource === 'builtin',
      planYear: a.planYear,
    }).keys(),
  ];
  const byRow = new Map<number, Set<number>>();
  for (const task of a.tasks) {
    const set = byRow.get(task.row) ?? new Set<number>();
    task.quarters.forEach((q) => set.add(q));
    byRow.set(task.row, set);
  }
  const index = taskIndex(a.tasks);
  return {
    table: tb,
    tableRange: `${a1(tb.headerRow - tb.headerRows + 1, tb.firstCol)}:${a1(tb.lastRow, tb.lastCol)}`,
    taskCount: a.tasks.length,
    planYear: a.planYear,
    planYearSource: a.planYearSource,
    issues: a.issues,
    contexts: a.issues.map((i) => findingContext(a, i, index)),
    ignored: a.ignored,
    master: { count: a.master.agencies.length, source: a.masterSource },
    settings: a.registry.settings,
    names: agencySummary(a),
    agencyCount: assignments(a.tasks, a.idx, {
      expandCollectives: false,
      expandOnlyNamed: true,
      planYear: a.planYear,
    }).size,
    agencyChoices: { expanded: choices(true), named: choices(false) },
    quarterRows: [...byRow].map(([row, qs]) => [row, [...qs].sort()]),
    unreadableRows: planQuarters(a.grid, a.table, a.tasks).unreadableRows,
    agencySheets: a.registry.sheets.filter((x) => x.kind === 'agency').map((x) => ({ name: x.name, agency: x.agency })),
    visibleSheets: a.snapshot.sheets.filter((x) => x.visibility === 'Visible').map((x) => x.name),
  };
}
