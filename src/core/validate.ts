// Validation rules. Each rule is a small named unit producing findings with a cell, a Vietnamese
// message and, when possible, a fix. Findings are sorted by cell, so the output is deterministic.
import { say, sayFix } from './messages';
import { cellRef, parseRange } from './address';
import { compareCodeUnits, wordsKey } from './text';
import type { MatchIndex } from './agencies/match';
import type { Issue, RuleSettings, Severity, TableModel, Task } from './schemas';

export interface RuleContext {
  tasks: Task[];
  table: TableModel;
  idx: MatchIndex;
  planYear: number;
}

export interface Rule {
  id: string;
  severity: Severity;
  title: string;
  run(ctx: RuleContext): Issue[];
}

const SEV_VI: Record<Severity, string> = { error: 'lỗi', warning: 'cảnh báo', info: 'lưu ý' };
export function severityVi(s: Severity): string {
  return SEV_VI[s];
}

function ref(ctx: RuleContext, addr: string): string {
  return cellRef(ctx.table.sheet, addr);
}

/** One finding per (rule, cell, text) even when sub-tasks share a cell. */
function dedupe(issues: Issue[]): Issue[] {
  const seen = new Set<string>();
  return issues.filter((i) => {
    const k = `${i.rule}|${i.cell}|${i.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** "So Tai chinh": Vietnamese written without any diacritics. */
function withoutMarks(text: string): boolean {
  return text === text.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, (c) => (c === 'đ' ? 'd' : 'D')) && /\p{L}/u.test(text);
}

/** The cells that hold agency mentions. */
const FIELDS = ['lead', 'support'] as const;

function topLevel(tasks: Task[]): Task[] {
  const seen = new Set<string>();
  const out: Task[] = [];
  for (const t of tasks) {
    const top = t.id.split('.')[0];
    if (!seen.has(top)) {
      seen.add(top);
      out.push(t);
    }
  }
  return out;
}

export const RULES: Rule[] = [
  {
    id: 'structure.stt.gap',
    severity: 'warning',
    title: 'STT nhảy cóc',
    run(ctx) {
      const out: Issue[] = [];
      let prev: number | null = null;
      for (const t of topLevel(ctx.tasks)) {
        const top = t.id.split('.')[0];
        if (!/^\d+$/.test(top)) continue;
        const n = Number(top);
        if (prev !== null && n > prev + 1 && !t.sttInferred)
          out.push({
            rule: this.id,
            severity: this.severity,
            cell: ref(ctx, t.cells.stt),
            ...say('stt.gap', { stt: t.raw.stt, cell: t.cells.stt, prev, missing: `${prev + 1}${n > prev + 2 ? `–${n - 1}` : ''}` }),
            ...sayFix('fix.renumber', { value: String(prev + 1).padStart(t.raw.stt.length, '0') }),
            fix: { kind: 'set', cell: ref(ctx, t.cells.stt), value: String(prev + 1).padStart(t.raw.stt.length, '0') },
            taskId: t.id,
          });
        prev = n;
      }
      return out;
    },
  },
  {
    id: 'task.empty',
    severity: 'error',
    title: 'Thiếu tên nhiệm vụ',
    run(ctx) {
      return ctx.tasks
        .filter((t) => !t.raw.title.trim())
        .map((t) => ({ rule: this.id, severity: this.severity, cell: ref(ctx, t.cells.task), ...say('task.empty', { cell: t.cells.task, row: t.row }), taskId: t.id }));
    },
  },
  {
    id: 'lead.missing',
    severity: 'error',
    title: 'Thiếu cơ quan chủ trì',
    run(ctx) {
      return ctx.tasks
        .filter((t) => t.lead.length === 0)
        .map((t) => ({ rule: this.id, severity: this.severity, cell: ref(ctx, t.cells.lead), ...say('lead.missing', { task: t.id, cell: t.cells.lead }), taskId: t.id }));
    },
  },
  {
    id: 'lead.multiple',
    severity: 'warning',
    title: 'Nhiều cơ quan chủ trì',
    run(ctx) {
      return ctx.tasks
        .filter((t) => t.lead.length > 1)
        .map((t) => ({
          rule: this.id,
          severity: this.severity,
          cell: ref(ctx, t.cells.lead),
          ...say('lead.many', { cell: t.cells.lead, n: t.lead.length, names: t.lead.map((m) => m.text).join('; ') }),
          taskId: t.id,
        }));
    },
  },
  {
    id: 'agency.unknown',
    severity: 'error',
    title: 'Cơ quan không có trong danh mục',
    run(ctx) {
      const out: Issue[] = [];
      for (const t of ctx.tasks)
        for (const f of FIELDS)
          for (const m of t[f]) {
            const addr = t.cells[f];
            if (m.status !== 'unknown') continue;
            const best = m.suggestions[0];
            out.push({
              rule: this.id,
              severity: this.severity,
              cell: ref(ctx, addr),
              ...(best ? say('agency.unknown.near', { name: m.text, cell: addr, best }) : say('agency.unknown', { name: m.text, cell: addr })),
              ...(best ? sayFix('fix.replaceOrAlias', { best, name: m.text }) : sayFix('fix.addToList', { name: m.text })),
              part: m.text,
              ...(best ? { fix: { kind: 'replace' as const, cell: ref(ctx, addr), from: m.text, to: best }, alias: { agency: best, alias: m.text } } : {}),
              taskId: t.id,
            });
          }
      return out;
    },
  },
  {
    id: 'agency.fuzzy',
    severity: 'warning',
    title: 'Tên cơ quan viết chưa đúng',
    run(ctx) {
      const out: Issue[] = [];
      for (const t of ctx.tasks)
        for (const f of FIELDS)
          for (const m of t[f]) {
            const addr = t.cells[f];
            if (m.status !== 'fuzzy' || !m.agency) continue;
            out.push({
              rule: this.id,
              severity: this.severity,
              cell: ref(ctx, addr),
              ...say(withoutMarks(m.text) ? 'agency.fuzzy.unmarked' : 'agency.fuzzy', { name: m.text, cell: addr, agency: m.agency }),
              ...sayFix('fix.replace', { to: m.agency }),
              part: m.text,
              fix: { kind: 'replace', cell: ref(ctx, addr), from: m.text, to: m.agency },
              alias: { agency: m.agency, alias: m.text },
              taskId: t.id,
            });
          }
      return out;
    },
  },
  {
    id: 'agency.abbreviation',
    severity: 'info',
    title: 'Tên viết tắt',
    run(ctx) {
      const out: Issue[] = [];
      for (const t of ctx.tasks)
        for (const f of FIELDS)
          for (const m of t[f]) {
            const addr = t.cells[f];
            if (m.status !== 'abbreviation' || !m.agency) continue;
            out.push({
              rule: this.id,
              severity: this.severity,
              cell: ref(ctx, addr),
              ...say('agency.abbreviation', { name: m.text, cell: addr, agency: m.agency }),
              ...sayFix('fix.replace', { to: m.agency }),
              part: m.text,
              fix: { kind: 'replace', cell: ref(ctx, addr), from: m.text, to: m.agency },
              taskId: t.id,
            });
          }
      return out;
    },
  },
  {
    id: 'agency.superseded',
    severity: 'error',
    title: 'Cơ quan đã sáp nhập, đổi tên',
    run(ctx) {
      const out: Issue[] = [];
      for (const t of ctx.tasks)
        for (const f of FIELDS)
          for (const m of t[f]) {
            const addr = t.cells[f];
            if (!m.agency || !m.current) continue;
            const a = ctx.idx.byName.get(m.agency);
            const validTo = a?.validTo;
            const endYear = validTo ? Number(validTo.slice(0, 4)) : null;
            if (endYear !== null && ctx.planYear < endYear) continue; // the agency existed throughout the plan year
            const severity: Severity = endYear === null || ctx.planYear > endYear ? 'error' : 'warning';
            const partial = a?.partialSuccessors?.map((p) => `${p.scope} chuyển sang '${p.name}'`).join('; ') ?? '';
            const partialEn = a?.partialSuccessors?.map((p) => `${p.scope} → '${p.name}'`).join('; ') ?? '';
            out.push({
              rule: this.id,
              severity,
              cell: ref(ctx, addr),
              ...say(validTo ? 'agency.ended' : 'agency.replaced', { agency: m.agency, cell: addr, date: validTo ? validTo.split('-').reverse().join('/') : '', current: m.current, partial, partialEn }),
              ...sayFix('fix.replace', { to: m.current }),
              part: m.text,
              fix: { kind: 'replace', cell: ref(ctx, addr), from: m.text, to: m.current },
              taskId: t.id,
            });
          }
      return out;
    },
  },
  {
    id: 'agency.lead_also_support',
    severity: 'warning',
    title: 'Vừa chủ trì vừa phối hợp',
    run(ctx) {
      const out: Issue[] = [];
      for (const t of ctx.tasks) {
        const leads = new Set(t.lead.map((m) => m.agency).filter(Boolean));
        for (const m of t.support)
          if (m.agency && leads.has(m.agency))
            out.push({
              rule: this.id,
              severity: this.severity,
              cell: ref(ctx, t.cells.support),
              ...say('agency.leadAndSupport', { agency: m.agency, lead: t.cells.lead, support: t.cells.support, task: t.id }),
              ...sayFix('fix.removeSupport', { name: m.text }),
              part: m.text,
              fix: { kind: 'replace', cell: ref(ctx, t.cells.support), from: m.text, to: '' },
              taskId: t.id,
            });
      }
      return out;
    },
  },
  {
    id: 'support.collective',
    severity: 'info',
    title: 'Phối hợp ghi chung chung',
    run(ctx) {
      const out: Issue[] = [];
      for (const t of ctx.tasks) {
        // "Sở X và các đơn vị liên quan" is normal practice; a cell naming nobody is worth a note
        if (!t.support.length || t.support.some((m) => m.agency || (m.collective && !['related', 'other'].includes(m.collective)))) continue;
        for (const m of t.support)
            out.push({
              rule: this.id,
              severity: this.severity,
              cell: ref(ctx, t.cells.support),
              ...say('support.collective', { cell: t.cells.support, name: m.text }),
              ...sayFix('fix.nameSupport'),
              part: m.text,
              taskId: t.id,
            });
      }
      return out;
    },
  },
  {
    id: 'time.missing',
    severity: 'warning',
    title: 'Thiếu thời gian thực hiện',
    run(ctx) {
      if (!ctx.table.columns.time) return [];
      return ctx.tasks
        .filter((t) => !t.raw.time.trim())
        .map((t) => ({ rule: this.id, severity: this.severity, cell: ref(ctx, t.cells.time), ...say('time.missing', { task: t.id, cell: t.cells.time }), taskId: t.id }));
    },
  },
  {
    id: 'time.unreadable',
    severity: 'warning',
    title: 'Không hiểu thời gian',
    run(ctx) {
      return ctx.tasks
        .filter((t) => t.raw.time.trim() && (!t.time.ok || (t.time.unreadableLines?.length ?? 0) > 0))
        .map((t) => ({
          rule: this.id,
          severity: this.severity,
          cell: ref(ctx, t.cells.time),
          ...say('time.unreadable', { text: (t.time.unreadableLines ?? [t.raw.time]).join('; '), cell: t.cells.time, task: t.id }),
          ...sayFix('fix.writeTime'),
          part: (t.time.unreadableLines ?? [t.raw.time])[0],
          taskId: t.id,
        }));
    },
  },
  {
    id: 'time.partial',
    severity: 'info',
    title: 'Thời gian có phần không phải lịch',
    run(ctx) {
      return ctx.tasks
        .filter((t) => t.time.ok && t.time.unread.length > 0)
        .map((t) => ({
          rule: this.id,
          severity: this.severity,
          cell: ref(ctx, t.cells.time),
          ...say('time.partial', { cell: t.cells.time, task: t.id, read: t.time.spans.map((s) => s.text).join('; '), unread: t.time.unread.join('; ') }),
          ...sayFix('fix.checkQuarters'),
          part: t.time.unread[0],
          taskId: t.id,
        }));
    },
  },
  {
    id: 'time.outside_plan_year',
    severity: 'warning',
    title: 'Thời gian ngoài năm kế hoạch',
    run(ctx) {
      return ctx.tasks
        .filter((t) => t.time.ok && t.time.quarters.length === 0 && !t.time.years.includes(ctx.planYear))
        .map((t) => ({
          rule: this.id,
          severity: this.severity,
          cell: ref(ctx, t.cells.time),
          ...say('time.outsideYear', { text: t.raw.time, cell: t.cells.time, year: ctx.planYear, years: t.time.years.join(', ') }),
          taskId: t.id,
        }));
    },
  },
  {
    id: 'task.duplicate',
    severity: 'warning',
    title: 'Nhiệm vụ trùng lặp',
    run(ctx) {
      const out: Issue[] = [];
      const seen = new Map<string, Task>();
      for (const t of ctx.tasks) {
        // titles are already normalized: case and punctuation are all that can differ
        const k = wordsKey(t.raw.title);
        if (k.length < 8) continue;
        const first = seen.get(k);
        if (first)
          out.push({ rule: this.id, severity: this.severity, cell: ref(ctx, t.cells.task), ...say('task.duplicate', { task: t.id, cell: t.cells.task, first: first.id, firstCell: first.cells.task }), taskId: t.id });
        else seen.set(k, t);
      }
      return out;
    },
  },
];

/** Every rule the user can switch off or re-grade: the rule units above and the rules applied while reading the table (src/core/table.ts). */
export interface RuleInfo {
  id: string;
  title: string;
  severity: Severity;
}
export const RULE_INFO: RuleInfo[] = [
  ...RULES.map((r) => ({ id: r.id, title: r.title, severity: r.severity })),
  { id: 'structure.stt.duplicate', title: 'STT trùng nhau', severity: 'error' },
  { id: 'structure.stt.missing', title: 'Thiếu STT', severity: 'warning' },
  { id: 'cell.error', title: 'Ô chứa lỗi công thức', severity: 'error' },
  { id: 'subtasks.misaligned', title: 'Dòng cơ quan, thời gian không khớp gạch đầu dòng nhiệm vụ', severity: 'warning' },
];
export const RULE_IDS = RULE_INFO.map((r) => r.id);

function cellOrder(cell: string): [string, number, number] {
  const i = cell.lastIndexOf('!');
  const sheet = cell.slice(0, i);
  try {
    const r = parseRange(cell.slice(i + 1));
    return [sheet, r.r1, r.c1];
  } catch {
    return [sheet, 0, 0];
  }
}

export function sortIssues(issues: Issue[]): Issue[] {
  const keyed = issues.map((i) => ({ i, k: cellOrder(i.cell) }));
  keyed.sort((x, y) => compareCodeUnits(x.k[0], y.k[0]) || x.k[1] - y.k[1] || x.k[2] - y.k[2] || compareCodeUnits(x.i.rule, y.i.rule) || compareCodeUnits(x.i.message, y.i.message));
  return keyed.map((x) => x.i);
}

/** Run every enabled rule; `readIssues` are the findings made while reading the table. */
export function validate(ctx: RuleContext, readIssues: Issue[], settings: RuleSettings = {}): Issue[] {
  const all: Issue[] = [...readIssues];
  // one by one, not push(...findings): a big table has tens of thousands, too many arguments for a worker's stack
  for (const r of RULES) for (const f of r.run(ctx)) all.push(f);
  const out: Issue[] = [];
  for (const i of dedupe(all)) {
    const s = settings[i.rule];
    if (s && s.enabled === false) continue;
    out.push(s?.severity ? { ...i, severity: s.severity } : i);
  }
  return sortIssues(out);
}

export function countBySeverity(issues: Issue[]): Record<Severity, number> {
  const c: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const i of issues) c[i.severity]++;
  return c;
}

/**
 * A finding's identity for "ignore in this workbook": its rule, its cell and what it says (its data). A
 * finding that reads otherwise — the cell changed — is a new finding and shows again.
 */
export function findingKey(i: Issue): string {
  return `${i.rule}|${i.cell}|${i.text ? JSON.stringify(i.text.params) : i.message}`;
}
