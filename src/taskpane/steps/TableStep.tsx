import { Button, Text } from '@fluentui/react-components';
import { MappingEditor } from '../components/MappingEditor';
import type { StepProps } from './types';

export function TableStep({ t, state }: StepProps) {
  const a = state.analysis!;
  const tb = a.table;
  return (
    <>
      <Text data-testid="table-summary">{t.tableFound(tb.sheet, a.tableRange, a.taskCount)}</Text>
      <MappingEditor
        table={tb}
        planYear={a.planYear}
        yearFromTitle={a.planYearSource === 'title'}
        t={t}
        busy={!!state.busy}
        onApply={(columns, year) => void state.actions.refresh({ columns, year })}
      />
      <Button onClick={() => void state.actions.refresh()}>{t.readTable}</Button>
    </>
  );
}
