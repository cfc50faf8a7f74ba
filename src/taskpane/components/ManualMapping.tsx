// When the table's header is not recognised: choose the sheet, the header row and each column (by the
// text of its header), one role per column, with the first tasks the choice reads shown as you go.
import { useMemo, useState } from 'react';
import { Button, Field, MessageBar, MessageBarBody, Select, Text } from '@fluentui/react-components';
import { previewMapping, type SheetPeek } from '../../app/usecases';
import type { ColumnRole } from '../../core/schemas';
import type { Strings } from '../i18n';

const ROLES = ['stt', 'task', 'lead', 'support', 'time'] as const;
type Role = (typeof ROLES)[number];

export interface ManualMappingProps {
  peek: SheetPeek;
  t: Strings;
  busy: boolean;
  onSheet: (sheet: string) => void;
  onRead: (choice: { sheet: string; headerRow: number; columns: Partial<Record<ColumnRole, number>> }) => void;
}

export function ManualMapping({ peek, t, busy, onSheet, onRead }: ManualMappingProps) {
  const [headerRow, setHeaderRow] = useState(peek.rows[0]?.row ?? 1);
  const [cols, setCols] = useState<Partial<Record<Role, number>>>({});
  const header = peek.rows.find((r) => r.row === headerRow)?.cells ?? [];
  const preview = useMemo(() => previewMapping(peek, headerRow, cols), [peek, headerRow, cols]);
  // one role per column: giving a column to a role takes it from any other
  const choose = (role: Role, col: number | undefined) =>
    setCols((c) => {
      const next: Partial<Record<Role, number>> = {};
      for (const r of ROLES) if (r !== role && c[r] !== undefined && c[r] !== col) next[r] = c[r];
      if (col) next[role] = col;
      return next;
    });
  return (
    <section aria-labelledby="manual-title" style={{ display: 'flex', flexDirection: 'column', gap: 8 }} data-testid="manual-mapping">
      <Text as="h2" id="manual-title" weight="semibold" size={400}>
        {t.manualTitle}
      </Text>
      <Text size={200}>{t.manualHelp}</Text>
      <Field label={t.manualSheet}>
        <Select value={peek.sheet} onChange={(_, d) => onSheet(d.value)} data-testid="manual-sheet">
          {peek.sheets.map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t.manualHeaderRow}>
        <Select value={String(headerRow)} onChange={(_, d) => setHeaderRow(Number(d.value))} data-testid="manual-header">
          {peek.rows.map((r) => (
            <option key={r.row} value={r.row}>
              {`${r.row}: ${r.cells.filter(Boolean).join(' | ').slice(0, 60)}`}
            </option>
          ))}
        </Select>
      </Field>
      {ROLES.map((role) => (
        <Field key={role} label={t.roles[role]}>
          <Select value={cols[role] ? String(cols[role]) : ''} onChange={(_, d) => choose(role, d.value ? Number(d.value) : undefined)} data-testid={`manual-${role}`}>
            <option value="">{t.noColumn}</option>
            {peek.cols.map((letter, i) => (
              <option key={letter} value={i + 1}>
                {header[i] ? `${letter} — ${header[i].slice(0, 40)}` : letter}
              </option>
            ))}
          </Select>
        </Field>
      ))}
      <div aria-live="polite" data-testid="manual-preview">
        {'problem' in preview ? (
          <MessageBar intent="info">
            <MessageBarBody>{t.mappingProblem(preview)}</MessageBarBody>
          </MessageBar>
        ) : (
          <>
            <Text size={200} weight="semibold">
              {t.manualPreview(preview.total)}
            </Text>
            <ul style={{ margin: 0, paddingLeft: 18 }}>
              {preview.tasks.map((x) => (
                <li key={x.id}>
                  <Text size={200}>
                    {x.id}. {x.title} — {x.lead}
                  </Text>
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
      <Button appearance="primary" disabled={busy || 'problem' in preview} onClick={() => onRead({ sheet: peek.sheet, headerRow, columns: cols })} data-testid="manual-read">
        {t.manualRead}
      </Button>
    </section>
  );
}
