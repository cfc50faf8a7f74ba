// Domain types, derived from zod schemas so the same definitions validate input at the edges.
import { z } from 'zod';
import { TextSchema } from './messages';

// No code generation: the pane's Content-Security-Policy forbids eval, and zod would probe for it.
z.config({ jitless: true });

export const RecurrenceSchema = z.enum(['monthly', 'quarterly', 'semiannual', 'annual', 'continuous', 'once']);
export type Recurrence = z.infer<typeof RecurrenceSchema>;

export const TimeSpanSchema = z.object({
  kind: z.enum(['period', 'date', 'recurrence', 'onward']),
  text: z.string(),
  /** Code-unit offsets into the input (NFC) when the piece is found there verbatim. */
  start: z.number().int().optional(),
  end: z.number().int().optional(),
});
export type TimeSpan = z.infer<typeof TimeSpanSchema>;

export const TimeParseSchema = z.object({
  input: z.string(),
  ok: z.boolean(),
  quarters: z.array(z.number().int().min(1).max(4)),
  months: z.array(z.number().int().min(1).max(12)),
  deadline: z.string().nullable(),
  recurrence: RecurrenceSchema.nullable(),
  years: z.array(z.number().int()),
  /** What each piece of the schedule was read from (extension of the contract). */
  spans: z.array(TimeSpanSchema),
  /** Text beside the schedule that says something else ("theo lộ trình của Đề án"). */
  unread: z.array(z.string()),
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

export const MentionSchema = z.object({
  text: z.string(),
  agency: z.string().nullable(),
  collective: CollectiveSchema.nullable(),
  status: MatchStatusSchema,
  confidence: z.number().min(0).max(1),
  current: z.string().nullable(),
  suggestions: z.array(z.string()),
  /** An alias the cell teaches: "Sở Thông tin và Truyền thông (Sở TT-TT)". */
  learnedAlias: z.string().optional(),
  /** Span of `text` in the cell (NFC), end exclusive (extension of the contract). */
  start: z.number().int().optional(),
  end: z.number().int().optional(),
});
export type Mention = z.infer<typeof MentionSchema>;

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

const FieldCells = z.object({ stt: z.string(), task: z.string(), lead: z.string(), support: z.string(), time: z.string() });

/** One task (or sub-task) of the table, with the cells it came from. */
export const TaskSchema = z.object({
  id: z.string(),
  parent: z.string().nullable(),
  section: z.string().nullable(),
  row: z.number().int().positive(),
  cells: FieldCells,
  raw: z.object({ stt: z.string(), title: z.string(), lead: z.string(), support: z.string(), time: z.string() }),
  lead: z.array(MentionSchema),
  support: z.array(MentionSchema),
  time: TimeParseSchema,
  quarters: z.array(z.number().int().min(1).max(4)),
  deadline: z.string().nullable(),
  /** Sub-task index (1-based) when the row's bullets were split. */
  sub: z.number().int().nullable(),
  /** STT inferred because the cell was blank. */
  sttInferred: z.boolean(),
});
export type Task = z.infer<typeof TaskSchema>;
/** The contract's name for a task read from a row. */
export type TaskRow = Task;

export const SeveritySchema = z.enum(['error', 'warning', 'info']);
export type Severity = z.infer<typeof SeveritySchema>;

export const FixSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('replace'), cell: z.string(), from: z.string(), to: z.string() }),
  z.object({ kind: z.literal('set'), cell: z.string(), value: z.string() }),
  z.object({ kind: z.literal('addAlias'), agency: z.string(), alias: z.string() }),
]);
export type Fix = z.infer<typeof FixSchema>;

export const IssueSchema = z.object({
  rule: z.string(),
  severity: SeveritySchema,
  /** "Sheet!D12" */
  cell: z.string(),
  message: z.string(),
  /** The message by id and data (src/core/messages.ts), for the pane's languages. */
  text: TextSchema.optional(),
  suggestion: z.string().optional(),
  suggestionText: TextSchema.optional(),
  /** The words of the cell the finding is about (a name, an unread phrase), to show them marked. */
  part: z.string().optional(),
  fix: FixSchema.optional(),
  /** "Add as alias": the user confirms that `alias` names `agency`. */
  alias: z.object({ agency: z.string(), alias: z.string() }).optional(),
  taskId: z.string().optional(),
});
export type Issue = z.infer<typeof IssueSchema>;

export const RuleSettingsSchema = z.record(z.string(), z.object({ enabled: z.boolean().default(true), severity: SeveritySchema.optional() }));
export type RuleSettings = z.infer<typeof RuleSettingsSchema>;

// ---- Sheet plans: every sheet to write, as data ----------------------------------------------

export const StyleNameSchema = z.enum(['title', 'subtitle', 'header', 'section', 'body', 'bodyCenter', 'muted', 'input', 'date', 'inputDate']);
export type StyleName = z.infer<typeof StyleNameSchema>;

export const PlanCellSchema = z.union([
  z.string(),
  z.number(),
  z.object({ formula: z.string(), result: z.union([z.number(), z.string()]).optional() }),
  /** A hyperlink: a URL, or "#Sheet!A1" inside the workbook, shown as `text`. */
  z.object({ link: z.string(), text: z.string() }),
  z.null(),
]);
export type PlanCell = z.infer<typeof PlanCellSchema>;

export const ChartPlanSchema = z.object({
  type: z.literal('barStacked'),
  title: z.string(),
  /** The sheet holding the data. */
  sheet: z.string(),
  /** One column of category names, e.g. "B5:B20". */
  categories: z.string(),
  categoryCache: z.array(z.string()),
  series: z.array(z.object({ name: z.string(), values: z.string(), cache: z.array(z.number()), color: z.string() })),
  from: z.string(),
  to: z.string(),
});
export type ChartPlan = z.infer<typeof ChartPlanSchema>;

export const SheetPlanSchema = z.object({
  name: z.string().min(1).max(31),
  kind: z.enum(['agency', 'report', 'archive', 'tasks', 'overdue', 'chart']),
  /** Agency full name for agency sheets. */
  agency: z.string().optional(),
  rows: z.array(z.array(PlanCellSchema)),
  widths: z.array(z.number()),
  /** Row heights in points estimated from wrapped text (Excel autofits; files need them written). */
  heights: z.array(z.number()),
  styles: z.array(z.object({ range: z.string(), style: StyleNameSchema })),
  merges: z.array(z.string()),
  freezeRows: z.number().int(),
  /** A4 landscape, fit to one page wide; header rows repeated; footer with page numbers ("&P/&N"). */
  print: z.object({ landscape: z.boolean(), paperSize: z.literal(9), fitToWidth: z.literal(1), fitToHeight: z.literal(1).optional(), titleRows: z.string().optional(), footer: z.string().optional() }),
  validations: z.array(z.object({ range: z.string(), list: z.array(z.string()) })),
  /** Load shading: from white to a neutral blue — load is information, not a fault. */
  colorScales: z.array(z.object({ range: z.string(), from: z.string(), to: z.string() })),
  /** Rows filled when a formula holds (relative to the range's first row): past due, due within a week. */
  highlights: z.array(z.object({ range: z.string(), formula: z.string(), fill: z.string() })).optional(),
  /**
   * Native charts over cells of a sheet (live: the chart follows its cells), placed over the cells from
   * `from` to `to`. The caches are what the cells hold when written, for readers that do not recalculate.
   */
  charts: z.array(ChartPlanSchema).optional(),
});
export type SheetPlan = z.infer<typeof SheetPlanSchema>;

export interface CellWrite {
  sheet: string;
  /** top-left A1 address */
  address: string;
  /** Text, or a number (a date's serial, with style "inputDate"). */
  values: (string | number)[][];
  style?: StyleName;
}
