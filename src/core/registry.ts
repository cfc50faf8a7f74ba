// The registry of what Phân công generated in a workbook, kept in a very-hidden sheet so a
// re-run replaces only its own sheets and keeps the user's settings.
import { z } from 'zod';
import { RuleSettingsSchema } from './schemas';

export const REGISTRY_SHEET = 'PhanCong_Registry';
const CHUNK = 30000;

export const RegistrySchema = z.object({
  version: z.literal(1),
  sheets: z.array(
    z.object({
      name: z.string(),
      kind: z.enum(['agency', 'report', 'archive', 'tasks', 'overdue', 'chart']),
      agency: z.string().nullable(),
      /** The rows and columns written: a cell beyond them is a person's (absent in registries of earlier versions). */
      size: z.object({ rows: z.number().int(), cols: z.number().int() }).optional(),
      /** The sheet as written holds what a person typed (carried over): it must be read again, whatever else is known of it. */
      typed: z.boolean().optional(),
      /**
       * Set by an adapter that can tell later whether the sheet is still exactly as it wrote it (the .xlsx
       * adapter: "crc32:<hex>:<bytes>" of the part). A sheet still so, holding nothing typed, needs no reading.
       */
      fingerprint: z.string().optional(),
    }),
  ),
  quarterColumns: z.object({ sheet: z.string(), cols: z.array(z.number()) }).nullable().default(null),
  settings: RuleSettingsSchema.default({}),
  /** Findings the user chose to ignore in this workbook (findingKey): left out of the check while they read the same. */
  ignored: z.array(z.string()).optional(),
  /** In a workbook sent to one agency: which plan and agency it is for, and what its sheet held when sent. */
  distribution: z
    .object({
      plan: z.string(),
      fingerprint: z.string(),
      agency: z.string(),
      sheet: z.string(),
      sent: z.string(),
      /** role|task id → Tình trạng, Kết quả thực hiện, Ghi chú as sent */
      base: z.record(z.string(), z.array(z.string())),
    })
    .nullable()
    .default(null),
});
export type Registry = z.infer<typeof RegistrySchema>;

export function emptyRegistry(): Registry {
  return { version: 1, sheets: [], quarterColumns: null, settings: {}, distribution: null };
}

/** Registry → column A cells (JSON in chunks under Excel's 32,767-character cell limit). */
export function registryToRows(r: Registry): string[][] {
  const json = JSON.stringify(r);
  const rows: string[][] = [];
  for (let i = 0; i < json.length; i += CHUNK) rows.push([json.slice(i, i + CHUNK)]);
  return rows;
}

/** Column A cells → registry; a damaged registry is treated as empty (nothing is ours). */
export function registryFromRows(rows: string[][]): Registry {
  try {
    const parsed = RegistrySchema.safeParse(JSON.parse(rows.map((r) => r[0] ?? '').join('')));
    return parsed.success ? parsed.data : emptyRegistry();
  } catch {
    return emptyRegistry();
  }
}
