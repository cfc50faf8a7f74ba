import { useEffect, useState } from 'react';
import { Button, Field, Input, Select, Text } from '@fluentui/react-components';
import { columnLetter as colLetter } from '../../app/view';
import type { Field as Role, TableModel } from '../../core/schemas';
import type { Strings } from '../i18n';

const ROLES: Role[] = ['stt', 'task', 'lead', 'support', 'time'];

export interface MappingEditorProps {
  table: TableModel;
  planYear: number;
  yearFromTitle: boolean;
  t: Strings;
  busy: boolean;
  onApply: (columns: Partial<Record<Role, number>>, year: number) => void;
}

/** The detected column mapping and plan year, editable. */
export function MappingEditor({ table, planYear, yearFromTitle, t, busy, onApply }: MappingEditorProps) {
  const [cols, setCols] = useState<Partial<Record<Role, number>>>({});
  const [year, setYear] = useState(String(planYear));
  useEffect(() => {
    const c: Partial<Record<Role, number>> = {};
    for (const r of ROLES) if (table.columns[r]) c[r] = table.columns[r];
    setCols(c);
    setYear(String(planYear));
  }, [table, planYear]);
  const options: number[] = [];
  for (let c = 1; c <= Math.max(table.lastCol + 2, 6); c++) options.push(c);
  const yearOk = /^\d{4}$/.test(year);
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (yearOk) onApply(cols, Number(year));
      }}
      style={{ display: 'flex', flexDirection: 'column', gap: 8 }}
    >
      <Field label={t.planYear} hint={yearFromTitle ? t.planYearFromTitle : t.planYearAsk} validationState={yearOk ? 'none' : 'error'}>
        <Input value={year} inputMode="numeric" maxLength={4} onChange={(_, d) => setYear(d.value)} />
      </Field>
      <Text weight="semibold">{t.mapping}</Text>
      <Text size={200}>{t.mappingHelp}</Text>
      {ROLES.map((r) => (
        <Field key={r} label={t.roles[r]}>
          <Select
            value={cols[r] ? String(cols[r]) : ''}
            onChange={(_, d) => setCols((c) => ({ ...c, [r]: d.value ? Number(d.value) : undefined }))}
            data-testid={`map-${r}`}
          >
            <option value="">{t.noColumn}</option>
            {options.map((c) => (
              <option key={c} value={c}>
                {colLetter(c)}
              </option>
            ))}
          </Select>
        </Field>
      ))}
      <Button type="submit" appearance="primary" disabled={busy || !yearOk}>
        {t.apply}
      </Button>
    </form>
  );
}
