// A plan document as blocks (paragraphs, tables) → task rows. Tables that hold an assignment header
// (task + lead columns) are read row by row, each cell's paragraphs kept as the lines of one cell and
// merged cells shown where Word shows them; otherwise the paragraphs are read as prose (text.ts).
import { parseRange, rangeA1, type Rect } from '../address';
import type { MatchIndex } from '../agencies/match';
import { detectTable, gridCell, type Grid } from '../table';
import { importPlanText, planTitleOf, type ImportedTask, type ImportResult } from './text';

export interface DocCell {
  paragraphs: string[];
  /** Grid columns the cell spans (w:gridSpan). */
  span: number;
  /** Vertical merge (w:vMerge): the first cell of a merged run, or one continuing it. */
  vMerge: 'restart' | 'continue' | null;
}

export type DocBlock = { kind: 'para'; text: string } | { kind: 'table'; rows: { cells: DocCell[]; header: boolean }[] };

/** A Word table as a grid: cells at their grid columns, merges as rectangles, a cell's paragraphs as its lines. */
export function tableGrid(rows: { cells: DocCell[] }[], sheet = 'Bảng'): Grid {
  const values: string[][] = [];
  const merges: Rect[] = [];
  /** The open vertical merge of each grid column: its rectangle. */
  const open = new Map<number, Rect>();
  rows.forEach((row, i) => {
    const r = i + 1;
    const line: string[] = [];
    let c = 1;
    for (const cell of row.cells) {
      const text = cell.paragraphs.map((p) => p.replace(/\s+$/, '')).join('\n').replace(/^\n+|\n+$/g, '');
      if (cell.vMerge === 'continue' && open.has(c)) {
        const m = open.get(c) as Rect;
        m.r2 = r;
      } else {
        for (let k = 0; k < cell.span; k++) open.delete(c + k);
        line[c - 1] = text;
        if (cell.vMerge === 'restart') {
          const m = { r1: r, c1: c, r2: r, c2: c + cell.span - 1 };
          open.set(c, m);
          merges.push(m);
        } else if (cell.span > 1) merges.push({ r1: r, c1: c, r2: r, c2: c + cell.span - 1 });
      }
      c += cell.span;
    }
    for (let k = 0; k < line.length; k++) if (line[k] === undefined) line[k] = '';
    values.push(line);
  });
  // a vertical merge of one row is no merge
  const real = merges.filter((m) => m.r2 > m.r1 || m.c2 > m.c1).map((m) => parseRange(rangeA1(m.r1, m.c1, m.r2, m.c2)));
  return { sheet, values, top: 1, left: 1, merges: real, errors: [] };
}

function shown(g: Grid, r: number, c: number): string {
  for (const m of g.merges) if (r >= m.r1 && r <= m.r2 && c >= m.c1 && c <= m.c2) return gridCell(g, m.r1, m.c1);
  return gridCell(g, r, c);
}

const SECTION_STT = /^(?:[IVXLC]+|[A-ZĐ])[.)]?$/;

/** The assignment rows of one table; null when it is not an assignment table. */
function tableTasks(block: Extract<DocBlock, { kind: 'table' }>, k: number): { tasks: ImportedTask[] } | null {
  const g = tableGrid(block.rows, `Bảng ${k}`);
  const t = detectTable(g).table;
  if (!t || t.columns.task === undefined || t.columns.lead === undefined) return null;
  const col = (r: number, c: number | undefined) => (c === undefined ? '' : shown(g, r, c).trim());
  const header = (r: number) => g.values[r - 1].join('\u0001');
  const headerText = header(t.headerRow);
  const tasks: ImportedTask[] = [];
  const underMerge = new Map<(typeof g.merges)[number], ImportedTask[]>();
  let section = '';
  for (let r = t.firstRow; r <= t.lastRow; r++) {
    // a header row Word repeats on each page, or the row of column numbers under it
    if (header(r) === headerText || block.rows[r - 1]?.header) continue;
    if (g.values[r - 1].every((v) => /^\(?\d{1,2}\)?$|^$/.test(v.trim())) && g.values[r - 1].filter((v) => v.trim()).length >= 3) continue;
    const stt = col(r, t.columns.stt);
    const title = col(r, t.columns.task);
    const lead = col(r, t.columns.lead);
    const support = col(r, t.columns.support);
    const time = col(r, t.columns.time);
    // the lead merged over rows is shown on each of them; a merged task cell only on its first row
    const taskMerged = t.columns.task !== undefined && g.merges.some((m) => m.c1 <= (t.columns.task as number) && m.c2 >= (t.columns.task as number) && r > m.r1 && r <= m.r2);
    if (taskMerged) continue;
    // a heading merged across the row: one cell holds the task's and the lead's columns
    // (in either order: tables grouped by agency put "Đơn vị" before "Nhiệm vụ")
    const [lo, hi] = [t.columns.task, t.columns.lead].sort((a, b) => (a as number) - (b as number)) as [number, number];
    const across = g.merges.find((m) => m.r1 === r && m.c1 <= lo && m.c2 >= hi);
    if (across || (SECTION_STT.test(stt) && !lead)) {
      section = across ? gridCell(g, across.r1, across.c1) : [stt, title].filter(Boolean).join('. ');
      continue;
    }
    if (!title) continue;
    tasks.push({ stt, title, lead, support, time, section, source: `bảng ${k}, dòng ${r}` });
    // an STT merged down over several tasks (rows grouped by agency): they are its sub-tasks, 1.1, 1.2 …,
    // as the table reader numbers an STT merged in Excel
    const sm = t.columns.stt === undefined ? undefined : g.merges.find((m) => m.c1 <= (t.columns.stt as number) && m.c2 >= (t.columns.stt as number) && r >= m.r1 && r <= m.r2 && m.r2 > m.r1);
    if (sm && stt) (underMerge.get(sm) ?? underMerge.set(sm, []).get(sm)!).push(tasks[tasks.length - 1]);
  }
  for (const group of underMerge.values()) if (group.length > 1) group.forEach((task, i) => (task.stt = `${task.stt.replace(/[.)]$/, '')}.${i + 1}`));
  return { tasks };
}

/** Read the tasks of a document: its assignment tables when it has some, else its prose. */
export function importDocument(blocks: DocBlock[], idx: MatchIndex, year: number | null = null): ImportResult {
  const paras = blocks.filter((b): b is Extract<DocBlock, { kind: 'para' }> => b.kind === 'para');
  const plan = planTitleOf(paras.map((p, i) => ({ text: p.text.trim(), line: i + 1 })).filter((p) => p.text));
  const fromTables: ImportedTask[] = [];
  let titles: string[] | undefined;
  let k = 0;
  blocks.forEach((b, i) => {
    if (b.kind !== 'table') return;
    k++;
    const t = tableTasks(b, k);
    if (!t || !t.tasks.length) return;
    fromTables.push(...t.tasks);
    // the first assignment table's heading: the paragraphs right above it, as printed
    if (!titles) {
      const above: string[] = [];
      for (let j = i - 1; j >= 0 && above.length < 4; j--) {
        const p = blocks[j];
        if (p.kind !== 'para') break;
        if (p.text.trim()) above.unshift(p.text.trim());
      }
      titles = above;
    }
  });
  if (fromTables.length) return { tasks: fromTables, plan: { ...plan, year: year ?? plan.year }, empty: null, titles };
  // prose: one paragraph per block, blank lines between, and sources named by paragraph
  const lines: string[] = [];
  const lineToPara: number[] = [];
  paras.forEach((p, i) => {
    for (const l of p.text.split('\n')) {
      lines.push(l);
      lineToPara.push(i + 1);
    }
    lines.push('');
    lineToPara.push(i + 1);
  });
  const r = importPlanText(lines.join('\n'), idx, year);
  return {
    ...r,
    tasks: r.tasks.map((t) => {
      const m = /^paragraph (\d+)$/.exec(t.source);
      return m ? { ...t, source: `đoạn ${lineToPara[Number(m[1]) - 1] ?? m[1]}` } : t;
    }),
  };
}
