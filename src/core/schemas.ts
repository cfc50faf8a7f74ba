// Domain types, derived from zod schemas so the same definitions validate input at the edges.
import { z } from 'zod';

// No code generation: the pane's Content-Security-Policy forbids eval, and zod would probe for it.
z.config({ jitless: true });

export const RecurrenceSchema = z.enum(['monthly', 'quarterly', 'semiannual', 'annual', 'continuous', 'once']);
export type Recurrence = z.infer<typeof RecurrenceSchema>;

export const TimeParseSchema = z.object({
  input: z.string(),
  ok: z.boolean(),
  quarters: z.array(z.number().int().min(1).max(4)),
  months: z.array(z.number().int().min(1).max(12)),
  deadline: z.string().nullable(),
  recurrence: RecurrenceSchema.nullable(),
  years: z.array(z.number().int()),
  /** Lines of a multi-line cell that could not be read (extension of the contract). */
  unreadableLines: z.array(z.string()).optional(),
});
export type TimeParse = z.infer<typeof TimeParseSchema>;

export const AgencyGroupSchema = z.enum(['department', 'locality', 'press', 'party', 'mass_org', 'armed', 'central', 'other']);
export type AgencyGroup = z.infer<typeof AgencyGroupSchema>;

export const AgencySchema = z.object({
  name: z.string().min(1),
  short: z.string().optional(),
  aliases: z.array(z.string()).default([]),
  group: AgencyGroupSchema,
  successor: z.string().optional(),
  /** Other successors by function ("báo chí, xuất bản, thông tin đối ngoại → Sở VHTTDL"). */
  partialSuccessors: z.array(z.object({ name: z.string(), scope: z.string() })).optional(),
  validTo: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
  /** Date the agency was created (extension: "Hiệu lực từ" / valid_from). */
  validFrom: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
  source: z.string().optional(),
});
export type Agency = z.infer<typeof AgencySchema>;

export const MasterListSchema = z
  .object({ agencies: z.array(AgencySchema), origin: z.string() })
  .superRefine((m, ctx) => {
    const seen = new Map<string, number>();
    m.agencies.forEach((a, i) => {
      const k = a.name.trim().toLowerCase();
      if (seen.has(k)) ctx.addIssue({ code: 'custom', path: ['agencies', i, 'name'], message: `Tên cơ quan bị trùng: "${a.name}" (dòng ${seen.get(k)! + 2} và ${i + 2})` });
      else seen.set(k, i);
    });
    const names = new Set(m.agencies.map((a) => a.name.trim().toLowerCase()));
    m.agencies.forEach((a, i) => {
      if (a.successor && !names.has(a.successor.trim().toLowerCase()))
        ctx.addIssue({ code: 'custom', path: ['agencies', i, 'successor'], message: `Cơ quan kế thừa "${a.successor}" của "${a.name}" không có trong danh mục (dòng ${i + 2})` });
    });
  });
export type MasterList = z.infer<typeof MasterListSchema>;

export const CollectiveSchema = z.enum(['ministries', 'provinces', 'departments', 'localities', 'press', 'mass_orgs', 'enterprises', 'related', 'all', 'other']);
export type Collective = z.infer<typeof CollectiveSchema>;

export const MatchStatusSchema = z.enum(['exact', 'alias', 'abbreviation', 'fuzzy', 'collective', 'unknown']);
export type MatchStatus = z.infer<typeof MatchStatusSchema>;

export interface Mention {
  text: string;
  agency: string | null;
  collective: Collective | null;
  status: MatchStatus;
  confidence: number;
  current: string | null;
  suggestions: string[];
  /** An alias the cell teaches: "Sở Thông tin và Truyền thông (Sở TT-TT)". */
  learnedAlias?: string;
}

export type Field = 'stt' | 'task' | 'lead' | 'support' | 'time';
export const FIELDS: Field[] = ['stt', 'task', 'lead', 'support', 'time'];
export type OptionalField = 'product' | 'budget' | 'note' | 'q1' | 'q2' | 'q3' | 'q4';
export type ColumnRole = Field | OptionalField;

export interface TableModel {
  sheet: string;
  /** 1-based row of the (last) header row. */
  headerRow: number;
  headerRows: number;
  firstRow: number;
  lastRow: number;
  firstCol: number;
  lastCol: number;
  /** role → 1-based column number */
  columns: Partial<Record<ColumnRole, number>>;
}

export interface Task {
  id: string;
  parent: string | null;
  section: string | null;
  row: number;
  cells: Record<Field, string>;
  raw: { stt: string; title: string; lead: string; support: string; time: string };
  lead: Mention[];
  support: Mention[];
  time: TimeParse;
  quarters: number[];
  deadline: string | null;
  /** Sub-task index (1-based) when the row's bullets were split. */
  sub: number | null;
  /** STT inferred because the cell was blank. */
  sttInferred: boolean;
}

export const SeveritySchema = z.enum(['error', 'warning', 'info']);
export type Severity = z.infer<typeof SeveritySchema>;

export const FixSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('replace'), cell: z.string(), from: z.string(), to: z.string() }),
  z.object({ kind: z.literal('set'), cell: z.string(), value: z.string() }),
  z.object({ kind: z.literal('addAlias'), agency: z.string(), alias: z.string() }),
]);
export type Fix = z.infer<typeof FixSchema>;

export interface Issue {
  rule: string;
  severity: Severity;
  /** "Sheet!D12" */
  cell: string;
  message: string;
  suggestion?: string;
  fix?: Fix;
  /** "Add as alias": the user confirms that `alias` names `agency`. */
  alias?: { agency: string; alias: string };
  taskId?: string;
}

export const RuleSettingsSchema = z.record(z.string(), z.object({ enabled: z.boolean().default(true), severity: SeveritySchema.optional() }));
export type RuleSettings = z.infer<typeof RuleSettingsSchema>;

// ---- Sheet plans: every sheet to write, as data ----------------------------------------------

export type StyleName = 'title' | 'subtitle' | 'header' | 'section' | 'body' | 'bodyCenter' | 'muted' | 'input';

export type PlanCell = string | number | { formula: string; result?: number | string } | null;

export interface SheetPlan {
  name: string;
  kind: 'agency' | 'report';
  /** Agency full name for agency sheets. */
  agency?: string;
  rows: PlanCell[][];
  widths: number[];
  /** Row heights in points estimated from wrapped text (Excel autofits; files need them written). */
  heights: number[];
  styles: { range: string; style: StyleName }[];
  merges: string[];
  freezeRows: number;
  print: { landscape: boolean; paperSize: 9; fitToWidth: 1; titleRows?: string };
  validations: { range: string; list: string[] }[];
  colorScales: { range: string }[];
  /** Columns whose values users type and that survive regeneration, with the id column. */
  userColumns?: { idCol: number; partCol: number; cols: number[]; firstRow: number };
}

export interface CellWrite {
  sheet: string;
  /** top-left A1 address */
  address: string;
  values: string[][];
  style?: StyleName;
}
