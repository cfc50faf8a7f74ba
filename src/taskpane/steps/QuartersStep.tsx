import { Button, MessageBar, MessageBarActions, MessageBarBody, Text } from '@fluentui/react-components';
import { usePaneStyles } from './styles';
import type { StepProps } from './types';

export function QuartersStep({ t, state }: StepProps) {
  const s = usePaneStyles();
  const a = state.analysis!;
  const rows = a.quarterRows;
  const q = state.quarters;
  return (
    <>
      <Text>{t.quartersHelp}</Text>
      <Text weight="semibold">{t.quartersPreview}</Text>
      <table className={s.preview} data-testid="quarters-preview">
        <thead>
          <tr>
            <th>#</th>
            {['I', 'II', 'III', 'IV'].map((x) => (
              <th key={x}>{x}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map(([row, qs]) => (
            <tr key={row}>
              <td>{row}</td>
              {[1, 2, 3, 4].map((x) => (
                <td key={x}>{qs.includes(x) ? 'x' : ''}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {a.unreadableRows.length > 0 && <Text size={200}>{t.unreadableRows(a.unreadableRows.join(', '))}</Text>}
      {q?.written && (
        <MessageBar intent="success">
          <MessageBarBody>{t.quartersDone(q.plan.changedCells)}</MessageBarBody>
        </MessageBar>
      )}
      {q && q.plan.conflicts.length > 0 && (
        <MessageBar intent="warning">
          <MessageBarBody>{t.conflicts(q.plan.conflicts.join(', '))}</MessageBarBody>
          <MessageBarActions>
            <Button size="small" onClick={() => void state.actions.fillQuarters(true)}>
              {t.overwrite}
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      <Button appearance="primary" disabled={!!state.busy} onClick={() => void state.actions.fillQuarters(false)} data-testid="fill-quarters">
        {t.fillQuarters}
      </Button>
    </>
  );
}
