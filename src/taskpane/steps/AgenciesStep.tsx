import { Button, Text } from '@fluentui/react-components';
import { usePaneStyles } from './styles';
import type { StepProps } from './types';
import { FileButton } from '../components/FileButton';

export function AgenciesStep({ t, state }: StepProps) {
  const s = usePaneStyles();
  const a = state.analysis!;
  const names = a.names;
  return (
    <>
      <Text>
        {t.masterUsing}: <b>{t.masterSource[a.master.source]}</b> ({a.master.count})
      </Text>
      <Text>{t.agencyCount(a.agencyCount)}</Text>
      {a.master.source === 'builtin' && (
        <Button onClick={() => void state.actions.insertMaster()} disabled={!!state.busy}>
          {t.insertMaster}
        </Button>
      )}
      <FileButton label={t.loadMaster} accept=".csv,.xlsx" testId="master-input" onFiles={async ([f]) => void state.actions.loadMaster(f.name, await f.arrayBuffer())} />
      <Text as="h3" weight="semibold" size={300}>
        {t.unmatched}
      </Text>
      {names.unknown.length === 0 ? (
        <Text data-testid="names-summary">{names.notOfficial ? t.allInListButNotOfficial(names.notOfficial) : t.allMatched}</Text>
      ) : (
        <div className={s.list} data-testid="names-summary">
          {names.unknown.map((u) => (
            <Text key={u.name}>
              “{u.name}” {u.suggestions.length ? `— ${t.suggestions}: ${u.suggestions.join('; ')}` : ''}
            </Text>
          ))}
          {names.notOfficial > 0 && <Text size={200}>{t.alsoNotOfficial(names.notOfficial)}</Text>}
        </div>
      )}
    </>
  );
}
