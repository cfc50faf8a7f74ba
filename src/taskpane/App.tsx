import { useEffect, useMemo, useState } from 'react';
import {
  Button,
  Checkbox,
  FluentProvider,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Field,
  Select,
  Spinner,
  Tab,
  TabList,
  Text,
  makeStyles,
  tokens,
  webDarkTheme,
  webLightTheme,
} from '@fluentui/react-components';
import { a1 } from '../core/address';
import { assignments } from '../core/generate';
import { generationNotes } from '../app/usecases';
import { planQuarters } from '../core/quarters';
import { FindingsList } from './components/FindingsList';
import { MappingEditor } from './components/MappingEditor';
import { ImportPanel } from './components/ImportPanel';
import { FileButton } from './components/FileButton';
import { RuleSettingsPanel } from './components/RuleSettings';
import { RULE_INFO } from '../core/validate';
import { STRINGS, type Lang, type Strings } from './i18n';
import { useSession, type Session, type SessionState } from './useSession';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', minHeight: '100vh', backgroundColor: tokens.colorNeutralBackground2, color: tokens.colorNeutralForeground1 },
  header: { display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: '8px', padding: '8px 12px', backgroundColor: tokens.colorBrandBackground, color: tokens.colorNeutralForegroundOnBrand },
  body: { padding: '12px', display: 'flex', flexDirection: 'column', gap: '12px' },
  tabs: { flexWrap: 'wrap', paddingLeft: '4px', rowGap: '2px' },
  drop: { border: `2px dashed ${tokens.colorNeutralStroke1}`, borderRadius: tokens.borderRadiusLarge, padding: '16px', display: 'flex', flexDirection: 'column', gap: '8px', alignItems: 'flex-start' },
  list: { display: 'flex', flexDirection: 'column', gap: '4px', maxHeight: '240px', overflowY: 'auto' },
  preview: { borderCollapse: 'collapse', width: '100%', fontSize: tokens.fontSizeBase200, '& td, & th': { border: `1px solid ${tokens.colorNeutralStroke2}`, padding: '2px 4px', textAlign: 'center' } },
});

type Step = 'table' | 'check' | 'agencies' | 'quarters' | 'generate';
const STEPS: Step[] = ['table', 'check', 'agencies', 'quarters', 'generate'];

export interface AppProps {
  session: Session | null;
  lang: Lang;
  dark: boolean;
  unsupported: string[];
  /** Standalone mode: turn a picked file into a session. */
  openFile?: (file: File) => Promise<Session>;
  /** Standalone mode: a new, empty workbook for an imported table when no file is open. */
  newWorkbook?: (name: string) => Promise<Session>;
}

export function App(props: AppProps) {
  const [lang, setLang] = useState<Lang>(props.lang);
  const t = STRINGS[lang];
  const state = useSession(props.session);
  const [step, setStep] = useState<Step>('table');
  const s = useStyles();
  const { open } = state.actions;
  const initial = props.session;
  useEffect(() => {
    if (initial) void open(initial);
    // open the workbook once, when the pane starts
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return (
    <FluentProvider theme={props.dark ? webDarkTheme : webLightTheme} lang={lang}>
      <div className={s.root}>
        <header className={s.header}>
          <Text as="h1" weight="semibold" size={400}>
            {t.appTitle}
          </Text>
          <Select aria-label={t.language} size="small" value={lang} onChange={(_, d) => setLang(d.value as Lang)} style={{ width: 76 }}>
            <option value="vi">VI</option>
            <option value="en">EN</option>
          </Select>
        </header>
        {props.unsupported.length > 0 && (
          <MessageBar intent="info">
            <MessageBarBody>{t.unsupported(props.unsupported.map((f) => t[f as 'featureValidation']).join(', '))}</MessageBarBody>
          </MessageBar>
        )}
        {props.openFile && <FilePicker t={t} state={state} openFile={props.openFile} />}
        {(!state.analysis || step === 'table') && (props.newWorkbook || state.session) && <ImportPanel t={t} state={state} newWorkbook={props.newWorkbook} />}
        {state.notice?.startsWith('imported:') && (
          <MessageBar intent="success" style={{ margin: '0 12px' }}>
            <MessageBarBody data-testid="imported">{t.imported(state.notice.slice(9).split('|')[0], Number(state.notice.split('|')[1]))}</MessageBarBody>
          </MessageBar>
        )}
        {state.error && (
          <MessageBar intent="error" role="alert">
            <MessageBarBody>
              <MessageBarTitle>{state.error.title}</MessageBarTitle>
              {state.error.detail}
            </MessageBarBody>
            <MessageBarActions>
              <Button size="small" onClick={state.actions.dismissError}>
                {t.close}
              </Button>
            </MessageBarActions>
          </MessageBar>
        )}
        {state.busy && (
          <div style={{ padding: '0 12px' }} aria-live="polite">
            {state.progress ? (
              <>
                <Text size={200}>
                  {t.generating} {state.progress.done}/{state.progress.total}
                </Text>
                <ProgressBar value={state.progress.done / Math.max(1, state.progress.total)} />
              </>
            ) : (
              <Spinner size="tiny" label={t.busy} />
            )}
          </div>
        )}
        {state.analysis && (
          <>
            <TabList className={s.tabs} selectedValue={step} onTabSelect={(_, d) => setStep(d.value as Step)} aria-label={t.stepsLabel} size="small">
              {STEPS.map((x) => (
                <Tab key={x} value={x} data-testid={`step-${x}`}>
                  {t.steps[x]}
                </Tab>
              ))}
            </TabList>
            <main className={s.body}>
              {step === 'table' && <TableStep t={t} state={state} />}
              {step === 'check' && <CheckStep t={t} state={state} />}
              {step === 'agencies' && <AgenciesStep t={t} state={state} />}
              {step === 'quarters' && <QuartersStep t={t} state={state} />}
              {step === 'generate' && <GenerateStep t={t} state={state} />}
              {state.session?.save && (
                <Button appearance="primary" onClick={state.actions.download} data-testid="download">
                  {t.download}
                </Button>
              )}
            </main>
          </>
        )}
      </div>
    </FluentProvider>
  );
}

interface StepProps {
  t: Strings;
  state: SessionState;
}

function FilePicker({ t, state, openFile }: StepProps & { openFile: (f: File) => Promise<Session> }) {
  const s = useStyles();
  const [over, setOver] = useState(false);
  const pick = async (f: File | undefined) => {
    if (f) await state.actions.open(() => openFile(f));
  };
  return (
    <div
      className={s.drop}
      style={{ margin: 12, background: over ? tokens.colorNeutralBackground1Hover : undefined }}
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        void pick(e.dataTransfer.files[0]);
      }}
    >
      <Text>{t.standaloneIntro}</Text>
      <FileButton label={t.openFile} accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" testId="file-input" onFiles={([f]) => void pick(f)} primary />
      <Text size={200}>{t.dropHere}</Text>
      {state.session?.fileName && (
        <Text size={200} weight="semibold">
          {t.fileLabel}: {state.session.fileName}
        </Text>
      )}
    </div>
  );
}

function TableStep({ t, state }: StepProps) {
  const a = state.analysis!;
  const tb = a.table;
  const range = `${a1(tb.headerRow - tb.headerRows + 1, tb.firstCol)}:${a1(tb.lastRow, tb.lastCol)}`;
  return (
    <>
      <Text data-testid="table-summary">{t.tableFound(tb.sheet, range, a.tasks.length)}</Text>
      <MappingEditor table={tb} planYear={a.planYear} yearFromTitle={a.planYearSource === 'title'} t={t} busy={!!state.busy} onApply={(columns, year) => void state.actions.refresh({ columns, year })} />
      <Button onClick={() => void state.actions.refresh()}>{t.readTable}</Button>
    </>
  );
}

function CheckStep({ t, state }: StepProps) {
  const n = state.notice;
  return (
    <>
      {n?.startsWith('fixed:') && (
        <MessageBar intent="success">
          <MessageBarBody>{t.fixed(Number(n.slice(6)))}</MessageBarBody>
        </MessageBar>
      )}
      {n?.startsWith('alias:') && (
        <MessageBar intent="success">
          <MessageBarBody>{t.aliasAdded(...(n.slice(6).split('|') as [string, string]))}</MessageBarBody>
        </MessageBar>
      )}
      <FindingsList
        issues={state.analysis!.issues}
        t={t}
        busy={!!state.busy}
        onSelect={(c) => void state.actions.select(c)}
        onFix={(i) => void state.actions.fix(i)}
        onAddAlias={(i) => void state.actions.addAlias(i)}
      />
      {n === 'settings' && (
        <MessageBar intent="success">
          <MessageBarBody>{t.settingsSaved}</MessageBarBody>
        </MessageBar>
      )}
      <RuleSettingsPanel rules={RULE_INFO} settings={state.analysis!.registry.settings} t={t} busy={!!state.busy} onSave={(x) => void state.actions.saveSettings(x)} />
    </>
  );
}

function AgenciesStep({ t, state }: StepProps) {
  const s = useStyles();
  const a = state.analysis!;
  const unmatched = useMemo(() => {
    const m = new Map<string, string[]>();
    for (const task of a.tasks) for (const x of [...task.lead, ...task.support]) if (x.status === 'unknown') m.set(x.text, x.suggestions);
    return [...m.entries()];
  }, [a]);
  const count = useMemo(() => assignments(a.tasks, a.idx, { expandCollectives: false, expandOnlyNamed: true, planYear: a.planYear }).size, [a]);
  return (
    <>
      <Text>
        {t.masterUsing}: <b>{t.masterSource[a.masterSource]}</b> ({a.master.agencies.length})
      </Text>
      <Text>{t.agencyCount(count)}</Text>
      {a.masterSource === 'builtin' && (
        <Button onClick={() => void state.actions.insertMaster()} disabled={!!state.busy}>
          {t.insertMaster}
        </Button>
      )}
      <FileButton label={t.loadMaster} accept=".csv,.xlsx" testId="master-input" onFiles={async ([f]) => void state.actions.loadMaster(f.name, await f.arrayBuffer())} />
      <Text weight="semibold">{t.unmatched}</Text>
      {unmatched.length === 0 ? (
        <Text>{t.allMatched}</Text>
      ) : (
        <div className={s.list}>
          {unmatched.map(([name, sug]) => (
            <Text key={name}>
              “{name}” {sug.length ? `— ${t.suggestions}: ${sug.join('; ')}` : ''}
            </Text>
          ))}
        </div>
      )}
    </>
  );
}

function QuartersStep({ t, state }: StepProps) {
  const s = useStyles();
  const a = state.analysis!;
  const plan = useMemo(() => planQuarters(a.grid, a.table, a.tasks), [a]);
  const rows = useMemo(() => {
    const byRow = new Map<number, Set<number>>();
    for (const task of a.tasks) {
      const set = byRow.get(task.row) ?? new Set<number>();
      task.quarters.forEach((q) => set.add(q));
      byRow.set(task.row, set);
    }
    return [...byRow.entries()];
  }, [a]);
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
                <td key={x}>{qs.has(x) ? 'x' : ''}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {plan.unreadableRows.length > 0 && <Text size={200}>{t.unreadableRows(plan.unreadableRows.join(', '))}</Text>}
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

/** Excel: one agency's workbook as a new workbook window. */
function OpenAsNew({ t, state }: StepProps) {
  const sheets = state.analysis?.registry.sheets.filter((x) => x.kind === 'agency') ?? [];
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

/** Send each agency its file (.zip), take back what they return. */
function SendPanel({ t, state }: StepProps) {
  const n = state.notice;
  return (
    <section aria-labelledby="send-title" style={{ display: 'flex', flexDirection: 'column', gap: 8 }}>
      <Text as="h2" id="send-title" weight="semibold">
        {t.sendTitle}
      </Text>
      <Text size={200}>{t.sendHelp}</Text>
      <Button disabled={!!state.busy} onClick={() => void state.actions.distribute()} data-testid="send-zip">
        {t.sendZip}
      </Button>
      {n?.startsWith('distributed:') && (
        <MessageBar intent="success">
          <MessageBarBody>{t.distributed(Number(n.slice(12)))}</MessageBarBody>
        </MessageBar>
      )}
      {state.session?.files?.openAsNewWorkbook && <OpenAsNew t={t} state={state} />}
      {n?.startsWith('opened:') && (
        <MessageBar intent="success">
          <MessageBarBody>{t.opened(n.slice(7))}</MessageBarBody>
        </MessageBar>
      )}
      <FileButton label={t.collectPick} accept=".xlsx" testId="collect-files" multiple disabled={!!state.busy} onFiles={(files) => void state.actions.collect(files)} />
      {state.collected && (
        <MessageBar intent={state.collected.some((f) => f.refused || f.conflicts.length) ? 'warning' : 'success'} data-testid="collected">
          <MessageBarBody>
            {state.collected.map((f) => (
              <div key={f.file}>
                <Text size={200}>{f.refused ?? t.collectedFile(f.file, f.agency ?? '', f.updated, f.conflicts.length)}</Text>
                {f.conflicts.map((c) => (
                  <div key={c.task + c.column}>
                    <Text size={200}>{t.collectedConflict(c.task, c.column, c.out, c.returned)}</Text>
                  </div>
                ))}
                {f.notMerged.map((n) => (
                  <div key={n}>
                    <Text size={200}>{t.notMerged(n)}</Text>
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

function GenerateStep({ t, state }: StepProps) {
  const s = useStyles();
  const a = state.analysis!;
  const [expand, setExpand] = useState(true);
  const all = useMemo(() => [...assignments(a.tasks, a.idx, { expandCollectives: expand, expandOnlyNamed: a.masterSource === 'builtin', planYear: a.planYear }).keys()], [a, expand]);
  const [excluded, setExcluded] = useState<Set<string>>(new Set());
  const g = state.generated;
  const chosen = all.filter((x) => !excluded.has(x));
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
      <Button
        appearance="primary"
        disabled={!!state.busy || chosen.length === 0}
        data-testid="generate"
        onClick={() => void state.actions.generate({ only: excluded.size ? chosen : undefined, expandCollectives: expand, force: false })}
      >
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
              {generationNotes(g).map((line) => (
                <Text key={line} size={200}>
                  {line}
                </Text>
              ))}
            </div>
          </MessageBarBody>
        </MessageBar>
      )}
      {state.session?.files && (a.registry.sheets.some((x) => x.kind === 'agency') || g?.written) && <SendPanel t={t} state={state} />}
      {g && g.quarters.conflicts.length > 0 && (
        <MessageBar intent="warning">
          <MessageBarBody>{t.conflicts(g.quarters.conflicts.join(', '))}</MessageBarBody>
          <MessageBarActions>
            <Button size="small" onClick={() => void state.actions.generate({ only: excluded.size ? chosen : undefined, expandCollectives: expand, force: true })}>
              {t.overwrite}
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
    </>
  );
}
