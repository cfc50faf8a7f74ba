import { useState } from 'react';
import { Button, Checkbox, Field, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, Select, Text } from '@fluentui/react-components';
import { usePaneStyles } from './styles';
import type { StepProps } from './types';
import { generationNotes } from '../../app/usecases';
import { render } from '../../app/view';
import { FileButton } from '../components/FileButton';

export function GenerateStep({ t, state }: StepProps) {
  const s = usePaneStyles();
  const a = state.analysis!;
  const [expand, setExpand] = useState(true);
  const all = expand ? a.agencyChoices.expanded : a.agencyChoices.named;
  const [excluded, setExcluded] = useState<Set<string>>(new Set());
  const g = state.generated;
  const chosen = all.filter((x) => !excluded.has(x));
  /** Generate for the chosen agencies; `force`: over quarter cells a person typed. */
  const run = (force: boolean) => void state.actions.generate({ only: excluded.size ? chosen : undefined, expandCollectives: expand, force });
  return (
    <>
      <Text>{t.generateHelp}</Text>
      <Checkbox checked={expand} onChange={(_, d) => setExpand(!!d.checked)} label={t.expandCollectives} />
      <Text weight="semibold">
        {t.chooseAgencies} ({chosen.length}/{all.length})
      </Text>
      <Checkbox checked={excluded.size === 0 ? true : chosen.length === 0 ? false : 'mixed'} onChange={(_, d) => setExcluded(d.checked ? new Set() : new Set(all))} label={t.selectAll} />
      <div className={s.list}>
        {all.map((name) => (
          <Checkbox
            key={name}
            label={name}
            checked={!excluded.has(name)}
            onChange={(_, d) =>
              setExcluded((e) => {
                const n = new Set(e);
                if (d.checked) n.delete(name);
                else n.add(name);
                return n;
              })
            }
          />
        ))}
      </div>
      <Button appearance="primary" disabled={!!state.busy || chosen.length === 0} data-testid="generate" onClick={() => run(false)}>
        {t.generate}
      </Button>
      {g?.written && (
        <MessageBar intent="success" data-testid="generated">
          <MessageBarBody>
            <MessageBarTitle>{t.generated(g.sheetsWritten.length)}</MessageBarTitle>
            <div className={s.list}>
              {g.sheetsWritten.map((name) => (
                <Button key={name} size="small" appearance="transparent" onClick={() => void state.actions.select(`${name}!A1`)}>
                  {t.openSheet} “{name}”
                </Button>
              ))}
              {generationNotes(g, t.lang).map((line) => (
                <Text key={line} size={200}>
                  {line}
                </Text>
              ))}
            </div>
          </MessageBarBody>
        </MessageBar>
      )}
      {state.session?.files && (a.agencySheets.length > 0 || g?.written) && <SendPanel t={t} state={state} />}
      {g && g.quarters.conflicts.length > 0 && (
        <MessageBar intent="warning">
          <MessageBarBody>{t.conflicts(g.quarters.conflicts.join(', '))}</MessageBarBody>
          <MessageBarActions>
            <Button size="small" onClick={() => run(true)}>
              {t.overwrite}
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
    </>
  );
}

/** Send each agency its file (.zip), take back what they return. */
function SendPanel({ t, state }: StepProps) {
  const n = state.notice;
  return (
    <section aria-labelledby="send-title" style={{ display: 'flex', flexDirection: 'column', gap: 8 }}>
      <Text as="h3" id="send-title" weight="semibold">
        {t.sendTitle}
      </Text>
      <Text size={200}>{t.sendHelp}</Text>
      <Button disabled={!!state.busy} onClick={() => void state.actions.distribute()} data-testid="send-zip">
        {t.sendZip}
      </Button>
      {n?.kind === 'distributed' && (
        <MessageBar intent="success">
          <MessageBarBody>{t.distributed(n.files)}</MessageBarBody>
        </MessageBar>
      )}
      {state.session?.files?.openAsNewWorkbook && <OpenAsNew t={t} state={state} />}
      {n?.kind === 'opened' && (
        <MessageBar intent="success">
          <MessageBarBody>{t.opened(n.sheet)}</MessageBarBody>
        </MessageBar>
      )}
      <FileButton label={t.collectPick} accept=".xlsx" testId="collect-files" multiple disabled={!!state.busy} onFiles={(files) => void state.actions.collect(files)} />
      {state.collected && (
        <MessageBar intent={state.collected.some((f) => f.refused || f.conflicts.length) ? 'warning' : 'success'} data-testid="collected">
          <MessageBarBody>
            {state.collected.map((f) => (
              <div key={f.file}>
                <Text size={200}>{f.refused ? render(f.texts?.refused, f.refused, t.lang) : t.collectedFile(f.file, f.agency ?? '', f.updated, f.conflicts.length)}</Text>
                {f.conflicts.map((c) => (
                  <div key={c.task + c.column}>
                    <Text size={200}>{t.collectedConflict(c.task, c.column, c.out, c.returned)}</Text>
                  </div>
                ))}
                {f.notMerged.map((n, k) => (
                  <div key={n}>
                    <Text size={200}>{t.notMerged(render(f.texts?.notMerged[k], n, t.lang))}</Text>
                  </div>
                ))}
              </div>
            ))}
          </MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}

/** Excel: one agency's workbook as a new workbook window. */
function OpenAsNew({ t, state }: StepProps) {
  const sheets = state.analysis?.agencySheets ?? [];
  const [sheet, setSheet] = useState(sheets[0]?.name ?? '');
  if (!sheets.length) return null;
  return (
    <div style={{ display: 'flex', gap: 8, alignItems: 'end', flexWrap: 'wrap' }}>
      <Field label={t.openAgency} style={{ flex: '1 1 160px' }}>
        <Select value={sheet} onChange={(_, d) => setSheet(d.value)} data-testid="open-agency">
          {sheets.map((x) => (
            <option key={x.name} value={x.name}>
              {x.agency ?? x.name}
            </option>
          ))}
        </Select>
      </Field>
      <Button disabled={!!state.busy || !sheet} onClick={() => void state.actions.openAgencyWorkbook(sheet)} data-testid="open-new">
        {t.openNew}
      </Button>
    </div>
  );
}

/** The last step's end: what the downloaded workbook holds, then the download. */
export function DownloadPanel({ t, state }: StepProps) {
  const sheets = state.analysis!.visibleSheets;
  return (
    <section aria-labelledby="download-title" style={{ display: 'flex', flexDirection: 'column', gap: 8 }}>
      <Text as="h3" id="download-title" weight="semibold">
        {t.downloadTitle}
      </Text>
      <Text size={200} data-testid="download-summary">
        {t.downloadHolds(state.session?.fileName ?? '', sheets.length, sheets.slice(0, 6).join(', ') + (sheets.length > 6 ? ', …' : ''))}
      </Text>
      <Button appearance="primary" onClick={state.actions.download} data-testid="download">
        {t.download}
      </Button>
    </section>
  );
}
