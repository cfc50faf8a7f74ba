import { useMemo, useState } from 'react';
import { Badge, Button, Input, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { Issue, Severity } from '../../core/schemas';
import type { Strings } from '../i18n';

const useStyles = makeStyles({
  group: { display: 'flex', flexDirection: 'column', gap: '6px', marginBottom: '12px' },
  item: {
    display: 'flex',
    flexDirection: 'column',
    gap: '4px',
    padding: '8px',
    borderRadius: tokens.borderRadiusMedium,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  row: { display: 'flex', gap: '6px', flexWrap: 'wrap', alignItems: 'center' },
  counts: { display: 'flex', gap: '6px', flexWrap: 'wrap', marginBottom: '8px' },
  message: { wordBreak: 'break-word' },
});

const ORDER: Severity[] = ['error', 'warning', 'info'];
const COLOR: Record<Severity, 'danger' | 'warning' | 'informative'> = { error: 'danger', warning: 'warning', info: 'informative' };

export interface FindingsListProps {
  issues: Issue[];
  t: Strings;
  busy: boolean;
  onSelect: (cell: string) => void;
  onFix: (issues: Issue[]) => void;
  onAddAlias: (issue: Issue) => void;
}

/** Findings grouped by severity with counts, a filter, and one click to the cell. */
export function FindingsList({ issues, t, busy, onSelect, onFix, onAddAlias }: FindingsListProps) {
  const s = useStyles();
  const [filter, setFilter] = useState('');
  const shown = useMemo(() => {
    const f = filter.trim().toLowerCase();
    return f ? issues.filter((i) => i.message.toLowerCase().includes(f) || i.cell.toLowerCase().includes(f) || i.rule.includes(f)) : issues;
  }, [issues, filter]);
  const fixable = shown.filter((i) => i.fix);
  if (issues.length === 0) return <Text role="status">{t.noFindings}</Text>;
  return (
    <div>
      <div className={s.counts} role="status" aria-label={t.findings}>
        {ORDER.map((sev) => (
          <Badge key={sev} color={COLOR[sev]} appearance="tint" data-testid={`count-${sev}`}>
            {t.severityCount(sev, issues.filter((i) => i.severity === sev).length)}
          </Badge>
        ))}
      </div>
      <Input aria-label={t.filter} placeholder={t.filter} value={filter} onChange={(_, d) => setFilter(d.value)} style={{ width: '100%', marginBottom: 8 }} />
      {fixable.length > 1 && (
        <Button size="small" disabled={busy} onClick={() => onFix(fixable)} style={{ marginBottom: 8 }}>
          {t.fixAll(fixable.length)}
        </Button>
      )}
      {ORDER.map((sev) => {
        const list = shown.filter((i) => i.severity === sev);
        if (!list.length) return null;
        return (
          <section key={sev} className={s.group} aria-label={t.severity[sev]}>
            <Text weight="semibold">
              {t.severity[sev]} ({list.length})
            </Text>
            {list.map((i, k) => {
              const addr = i.cell.slice(i.cell.lastIndexOf('!') + 1);
              return (
                <div key={`${i.rule}-${i.cell}-${k}`} className={s.item} data-testid="finding" data-rule={i.rule}>
                  <div className={s.row}>
                    <Button size="small" appearance="transparent" onClick={() => onSelect(i.cell)} aria-label={t.goToCell(addr)}>
                      {addr}
                    </Button>
                    <Badge size="small" appearance="outline" color={COLOR[sev]}>
                      {t.severity[sev]}
                    </Badge>
                  </div>
                  <Text className={s.message}>{i.message}</Text>
                  {(i.fix || i.alias) && (
                    <div className={s.row}>
                      {i.fix && (
                        <Button size="small" appearance="primary" disabled={busy} onClick={() => onFix([i])} title={i.suggestion}>
                          {t.fix}
                          {i.suggestion ? `: ${i.suggestion}` : ''}
                        </Button>
                      )}
                      {i.alias && (
                        <Button size="small" disabled={busy} onClick={() => onAddAlias(i)}>
                          {t.addAlias}
                        </Button>
                      )}
                    </div>
                  )}
                </div>
              );
            })}
          </section>
        );
      })}
    </div>
  );
}
