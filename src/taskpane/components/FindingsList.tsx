import { useMemo, useState } from 'react';
import { Badge, Button, Input, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { Issue, Severity } from '../../core/schemas';
import type { Lang } from '../../core/messages';
import { render } from '../../app/view';
import type { FindingContext } from '../../app/usecases';
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
  task: { color: tokens.colorNeutralForeground2, wordBreak: 'break-word' },
  cell: {
    whiteSpace: 'pre-wrap',
    wordBreak: 'break-word',
    padding: '4px 6px',
    borderLeft: `3px solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground3,
    fontSize: tokens.fontSizeBase200,
  },
  mark: { backgroundColor: tokens.colorPaletteYellowBackground2, color: tokens.colorNeutralForeground1, fontWeight: tokens.fontWeightSemibold },
});

/** A long cell shows the lines that hold the words the finding is about (and "…" for the rest). */
export function shownLines(text: string, part?: string, most = 3): string {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  if (lines.length <= most) return lines.join('\n');
  const hit = part ? lines.map((l, i) => (l.includes(part) ? i : -1)).filter((i) => i >= 0) : [];
  const keep = hit.length ? hit.slice(0, most) : [0, 1, 2].slice(0, most);
  const out: string[] = [];
  let last = -1;
  for (const i of keep) {
    if (i > last + 1) out.push('…');
    out.push(lines[i]);
    last = i;
  }
  if (last < lines.length - 1) out.push('…');
  return out.join('\n');
}

/** The cell's text with the words the finding is about marked (each place they occur). */
function Marked({ text: full, part, className }: { text: string; part?: string; className: string }) {
  const text = shownLines(full, part);
  if (!part || !text.includes(part)) return <>{text}</>;
  const pieces = text.split(part);
  return (
    <>
      {pieces.map((p, k) => (
        <span key={k}>
          {p}
          {k < pieces.length - 1 && <mark className={className}>{part}</mark>}
        </span>
      ))}
    </>
  );
}

const ORDER: Severity[] = ['error', 'warning', 'info'];
const COLOR: Record<Severity, 'danger' | 'warning' | 'informative'> = { error: 'danger', warning: 'warning', info: 'informative' };

export interface FindingsListProps {
  issues: Issue[];
  t: Strings;
  /** The language findings are shown in (the strings' own by default). */
  lang?: Lang;
  /** The task and the cell's text of each finding, by the index of `issues` (from the use-cases). */
  contexts?: FindingContext[];
  busy: boolean;
  onSelect: (cell: string) => void;
  onFix: (issues: Issue[]) => void;
  onAddAlias: (issue: Issue) => void;
  /** Ignore a finding in this workbook. */
  onIgnore?: (issue: Issue) => void;
}

/** Findings grouped by severity with counts, a filter, and one click to the cell. */
export function FindingsList({ issues, t, lang: langProp, contexts, busy, onSelect, onFix, onAddAlias, onIgnore }: FindingsListProps) {
  const lang = langProp ?? t.lang;
  const s = useStyles();
  const [filter, setFilter] = useState('');
  const contextOf = useMemo(() => new Map(contexts ? issues.map((i, k) => [i, contexts[k]]) : []), [issues, contexts]);
  const shown = useMemo(() => {
    const f = filter.trim().toLowerCase();
    return f ? issues.filter((i) => render(i.text, i.message, lang).toLowerCase().includes(f) || i.message.toLowerCase().includes(f) || i.cell.toLowerCase().includes(f) || i.rule.includes(f)) : issues;
  }, [issues, filter, lang]);
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
        <Button appearance="primary" disabled={busy} onClick={() => onFix(fixable)} style={{ marginBottom: 8 }} data-testid="fix-all">
          {t.fixAll(fixable.length)}
        </Button>
      )}
      {ORDER.map((sev) => {
        const list = shown.filter((i) => i.severity === sev);
        if (!list.length) return null;
        return (
          <section key={sev} className={s.group} aria-labelledby={`sev-${sev}`}>
            <Text as="h3" id={`sev-${sev}`} weight="semibold" size={300} style={{ margin: 0 }}>
              {t.severity[sev]} ({list.length})
            </Text>
            {list.map((i, k) => {
              const addr = i.cell.slice(i.cell.lastIndexOf('!') + 1);
              const ctx = contextOf.get(i);
              const suggestion = i.suggestion ? render(i.suggestionText, i.suggestion, lang) : '';
              return (
                <div key={`${i.rule}-${i.cell}-${k}`} className={s.item} data-testid="finding" data-rule={i.rule}>
                  <div className={s.row}>
                    <Button size="small" onClick={() => onSelect(i.cell)} aria-label={t.goToCell(addr)}>
                      {addr}
                    </Button>
                    <Badge size="medium" appearance="outline" color={COLOR[sev]}>
                      {t.severity[sev]}
                    </Badge>
                  </div>
                  {ctx?.stt && (
                    <Text size={200} className={s.task} data-testid="finding-task">
                      {t.taskLabel(ctx.stt)}
                      {ctx.title ? ` · ${ctx.title}` : ''}
                    </Text>
                  )}
                  {ctx?.cellText && (
                    <div className={s.cell} data-testid="finding-cell">
                      <Marked text={ctx.cellText} part={i.part} className={s.mark} />
                    </div>
                  )}
                  <Text className={s.message} data-testid="finding-message">
                    {render(i.text, i.message, lang)}
                  </Text>
                  {(i.fix || i.alias || onIgnore) && (
                    <div className={s.row}>
                      {i.fix && (
                        <Button size="small" disabled={busy} onClick={() => onFix([i])} title={suggestion}>
                          {t.fix}
                          {suggestion ? `: ${suggestion}` : ''}
                        </Button>
                      )}
                      {i.alias && (
                        <Button size="small" disabled={busy} onClick={() => onAddAlias(i)}>
                          {t.addAlias}
                        </Button>
                      )}
                      {onIgnore && (
                        <Button size="small" appearance="subtle" disabled={busy} onClick={() => onIgnore(i)} aria-label={t.ignoreLabel(addr)}>
                          {t.ignore}
                        </Button>
                      )}
                    </div>
                  )}
                  {!i.fix && suggestion && (
                    <Text size={200} className={s.task}>
                      {t.whatToDo}: {suggestion}
                    </Text>
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
