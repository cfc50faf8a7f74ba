import { useEffect, useMemo, useState } from 'react';
import { Button, Checkbox, Select, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { RuleSettings, Severity } from '../../core/schemas';
import type { RuleInfo } from '../../core/validate';
import type { Strings } from '../i18n';

const useStyles = makeStyles({
  box: { display: 'flex', flexDirection: 'column', gap: '6px', borderTop: `1px solid ${tokens.colorNeutralStroke2}`, paddingTop: '8px' },
  rule: { display: 'flex', flexDirection: 'column', gap: '2px', padding: '4px 0', borderBottom: `1px solid ${tokens.colorNeutralStroke3}` },
  buttons: { display: 'flex', gap: '6px', flexWrap: 'wrap' },
});

export interface RuleSettingsPanelProps {
  rules: RuleInfo[];
  /** What the workbook holds now (its registry). */
  settings: RuleSettings;
  t: Strings;
  busy: boolean;
  onSave: (settings: RuleSettings) => void;
}

interface Choice {
  enabled: boolean;
  /** '' = the rule's own severity */
  severity: Severity | '';
}

function choicesOf(rules: RuleInfo[], settings: RuleSettings): Record<string, Choice> {
  const out: Record<string, Choice> = {};
  for (const r of rules) {
    const s = Object.prototype.hasOwnProperty.call(settings, r.id) ? settings[r.id] : undefined;
    out[r.id] = { enabled: s?.enabled !== false, severity: s?.severity ?? '' };
  }
  return out;
}

/**
 * Rules of the check: switch one off for this plan or change its severity. Saved in the workbook
 * (its registry), so the next check, in the pane or on the command line, obeys them.
 */
export function RuleSettingsPanel({ rules, settings, t, busy, onSave }: RuleSettingsPanelProps) {
  const s = useStyles();
  const [open, setOpen] = useState(false);
  const saved = useMemo(() => choicesOf(rules, settings), [rules, settings]);
  const [choices, setChoices] = useState(saved);
  useEffect(() => setChoices(saved), [saved]);
  const changed = rules.some((r) => choices[r.id].enabled !== saved[r.id].enabled || choices[r.id].severity !== saved[r.id].severity);
  const off = rules.filter((r) => !saved[r.id].enabled).length;
  const set = (id: string, c: Partial<Choice>) => setChoices((prev) => ({ ...prev, [id]: { ...prev[id], ...c } }));
  const save = () => {
    // every rule gets an entry, so a rule put back to its default overrides what was saved before
    const out: RuleSettings = {};
    for (const r of rules) {
      const c = choices[r.id];
      out[r.id] = c.severity ? { enabled: c.enabled, severity: c.severity } : { enabled: c.enabled };
    }
    onSave(out);
  };
  return (
    <section className={s.box} aria-label={t.ruleSettings}>
      <Button appearance="subtle" size="small" aria-expanded={open} onClick={() => setOpen(!open)} data-testid="rules-toggle">
        {open ? '▾' : '▸'} {t.ruleSettings}
        {off > 0 ? ` (${t.rulesOff(off)})` : ''}
      </Button>
      {open && (
        <>
          <Text size={200}>{t.ruleSettingsHelp}</Text>
          {rules.map((r) => (
            <div key={r.id} className={s.rule} data-testid={`rule-${r.id}`}>
              <Checkbox checked={choices[r.id].enabled} label={r.title} onChange={(_, d) => set(r.id, { enabled: !!d.checked })} />
              <Select
                size="small"
                aria-label={t.ruleSeverity(r.title)}
                value={choices[r.id].severity}
                disabled={!choices[r.id].enabled}
                onChange={(_, d) => set(r.id, { severity: d.value as Severity | '' })}
                style={{ marginLeft: 28, maxWidth: 220 }}
              >
                <option value="">{t.defaultSeverity(t.severityOne[r.severity])}</option>
                <option value="error">{t.severityOne.error}</option>
                <option value="warning">{t.severityOne.warning}</option>
                <option value="info">{t.severityOne.info}</option>
              </Select>
            </div>
          ))}
          <div className={s.buttons}>
            <Button appearance="primary" size="small" disabled={busy || !changed} onClick={save}>
              {t.saveSettings}
            </Button>
            <Button size="small" disabled={busy} onClick={() => setChoices(choicesOf(rules, {}))}>
              {t.resetSettings}
            </Button>
          </div>
        </>
      )}
    </section>
  );
}
