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
import { agencySummary, cellWindow, findingContext, generationNotes } from '../app/usecases';
import type { Issue } from '../core/schemas';
import { render } from '../core/messages';
import { planQuarters } from '../core/quarters';
import { FindingsList } from './components/FindingsList';
import { MappingEditor } from './components/MappingEditor';
import { ImportPanel } from './components/ImportPanel';
import { ManualMapping } from './components/ManualMapping';
import { FileButton } from './components/FileButton';
import { RuleSettingsPanel } from './components/RuleSettings';
import { RULE_INFO } from '../core/validate';
import { STRINGS, type Lang, type Strings } from './i18n';
import { useSession, type Session, type SessionState } from './useSession';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', minHeight: '100vh', backgroundColor: tokens.colorNeutralBackground2, color: tokens.colorNeutralForeground1 },
  header: { display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: '8px', padding: '8px 12px', backgroundColor: tokens.colorBrandBackground, color: tokens.colorNeutralForegroundOnBrand },
  main: { display: 'flex', flexDirection: 'column', gap: '12px', padding: '12px' },
  body: { display: 'flex', flexDirection: 'column', gap: '12px' },
  // one line of steps, scrolled sideways when the pane is narrow (never one step alone on a second line)
  tabs: { flexWrap: 'nowrap', overflowX: 'auto', paddingBottom: '2px', '& button': { flexShrink: 0 } },
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
  /** Standalone mode: stop opening a file (the only long work that is safe to stop: nothing has changed yet). */
  cancelOpening?: () => void;
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
  const at = STEPS.indexOf(step);
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
        <main className={s.main}>
          {props.unsupported.length > 0 && (
            <MessageBar intent="info">
              <MessageBarBody>{t.unsupported(props.unsupported.map((f) => t[f as 'featureValidation']).join(', '))}</MessageBarBody>
            </MessageBar>
          )}
          {props.openFile && (state.session?.fileName && state.analysis ? <FileLine t={t} state={state} openFile={props.openFile} /> : <FilePicker t={t} state={state} openFile={props.openFile} />)}
          {!state.analysis && state.peek && (
            <ManualMapping
              peek={state.peek}
              t={t}
              busy={!!state.busy}
              onSheet={(sheet) => void state.actions.peekAt(sheet)}
              onRead={(c) => void state.actions.refresh({ sheet: c.sheet, headerRow: c.headerRow, columns: c.columns })}
            />
          )}
          {(!state.analysis || step === 'table') && (props.newWorkbook || state.session) && <ImportPanel t={t} state={state} newWorkbook={props.newWorkbook} />}
          {state.notice?.startsWith('imported:') && (
            <MessageBar intent="success">
              <MessageBarBody data-testid="imported">{t.imported(state.notice.slice(9).split('|')[0], Number(state.notice.split('|')[1]))}</MessageBarBody>
            </MessageBar>
          )}
          {state.error && (
            <MessageBar intent="error" role="alert">
              <MessageBarBody>
                <MessageBarTitle>{lang === 'vi' ? state.error.title : state.error.en.title}</MessageBarTitle>
                {lang === 'vi' ? state.error.detail : state.error.en.detail}
              </MessageBarBody>
              <MessageBarActions>
                <Button size="small" onClick={state.actions.dismissError}>
                  {t.close}
                </Button>
              </MessageBarActions>
            </MessageBar>
          )}
          {state.busy && (
            <div aria-live="polite">
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
              {state.busy === 'reading' && !state.analysis && props.cancelOpening && (
                <Button size="small" onClick={props.cancelOpening} data-testid="cancel-opening" style={{ marginTop: 4 }}>
                  {t.cancel}
                </Button>
              )}
            </div>
          )}
          {state.analysis && (
            <>
              <nav aria-label={t.stepsLabel}>
                <TabList className={s.tabs} selectedValue={step} onTabSelect={(_, d) => setStep(d.value as Step)} size="small">
                  {STEPS.map((x, i) => (
                    <Tab key={x} value={x} data-testid={`step-${x}`}>
                      {i + 1}. {t.steps[x]}
                    </Tab>
                  ))}
                </TabList>
              </nav>
              <section className={s.body} aria-labelledby="step-title">
                <Text as="h2" id="step-title" weight="semibold" size={400}>
                  {at + 1}. {t.stepTitles[step]}
                </Text>
                {step === 'table' && <TableStep t={t} state={state} />}
                {step === 'check' && <CheckStep t={t} state={state} />}
                {step === 'agencies' && <AgenciesStep t={t} state={state} />}
                {step === 'quarters' && <QuartersStep t={t} state={state} />}
                {step === 'generate' && <GenerateStep t={t} state={state} />}
                {step === 'generate' && state.session?.save && <DownloadPanel t={t} state={state} />}
                {at < STEPS.length - 1 && (
                  <Button onClick={() => setStep(STEPS[at + 1])} data-testid="next-step" style={{ alignSelf: 'flex-end' }}>
                    {t.next(t.steps[STEPS[at + 1]])}
                  </Button>
                )}
              </section>
            </>
          )}
        </main>
      </div>
    </FluentProvider>
  );
}

/** The file in use, on one line, and a way to change it (outside Excel). */
function FileLine({ t, state, openFile }: StepProps & { openFile: (f: File) => Promise<Session> }) {
  return (
    <div style={{ display: 'flex', alignItems: 'center', gap: 8, flexWrap: 'wrap' }} data-testid="file-line">
      <Text size={200} style={{ wordBreak: 'break-all', flex: '1 1 150px' }}>
        {t.fileLabel}: <b>{state.session?.fileName}</b>
      </Text>
      <FileButton label={t.changeFile} accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" testId="file-input" onFiles={([f]) => void state.actions.open(() => openFile(f))} disabled={!!state.busy} />
    </div>
  );
}

/** The last step's end: what the downloaded workbook holds, then the download. */
function DownloadPanel({ t, state }: StepProps) {
  const sheets = state.analysis!.snapshot.sheets.filter((x) => x.visibility === 'Visible').map((x) => x.name);
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
      style={{ background: over ? tokens.colorNeutralBackground1Hover : undefined }}
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
  const a = state.analysis!;
  const [preview, setPreview] = useState<string | null>(null);
  const [confirmAlias, setConfirmAlias] = useState<Issue | null>(null);
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
      {a.ignored > 0 && (
        <MessageBar intent="info" data-testid="ignored">
          <MessageBarBody>{t.ignoredCount(a.ignored)}</MessageBarBody>
          <MessageBarActions>
            <Button size="small" onClick={() => void state.actions.restoreIgnored()}>
              {t.restoreIgnored}
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {confirmAlias?.alias && (
        <MessageBar intent="warning" data-testid="alias-confirm">
          <MessageBarBody>{t.aliasConfirm(confirmAlias.alias.alias, confirmAlias.alias.agency, a.master.agencies.length)}</MessageBarBody>
          <MessageBarActions>
            <Button
              size="small"
              appearance="primary"
              onClick={() => {
                const i = confirmAlias;
                setConfirmAlias(null);
                void state.actions.addAlias(i);
              }}
            >
              {t.aliasConfirmYes}
            </Button>
            <Button size="small" onClick={() => setConfirmAlias(null)}>
              {t.cancel}
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {preview && <CellPreview t={t} state={state} cell={preview} onClose={() => setPreview(null)} />}
      <FindingsList
        issues={a.issues}
        t={t}
        contextOf={(i) => findingContext(a, i)}
        busy={!!state.busy}
        onSelect={(c) => {
          // outside Excel there is no sheet to move to: the cells around it are shown instead
          if (state.session?.mode === 'standalone') setPreview(c);
          else void state.actions.select(c);
        }}
        onFix={(i) => void state.actions.fix(i)}
        // a master sheet is added to the workbook only after the user agrees to it
        onAddAlias={(i) => (a.masterSource === 'sheet' ? void state.actions.addAlias(i) : setConfirmAlias(i))}
        onIgnore={(i) => void state.actions.ignore([i])}
      />
      {n === 'settings' && (
        <MessageBar intent="success">
          <MessageBarBody>{t.settingsSaved}</MessageBarBody>
        </MessageBar>
      )}
      <RuleSettingsPanel rules={RULE_INFO} settings={a.registry.settings} t={t} busy={!!state.busy} onSave={(x) => void state.actions.saveSettings(x)} />
    </>
  );
}

/** Outside Excel, "go to cell" shows the cell among its neighbours, read-only. */
function CellPreview({ t, state, cell, onClose }: StepProps & { cell: string; onClose: () => void }) {
  const s = useStyles();
  const w = cellWindow(state.analysis!, cell);
  const addr = cell.slice(cell.lastIndexOf('!') + 1);
  return (
    <section aria-labelledby="cell-preview-title" data-testid="cell-preview" style={{ display: 'flex', flexDirection: 'column', gap: 4 }}>
      <Text as="h3" id="cell-preview-title" size={200} weight="semibold">
        {t.cellPreview(addr)}
      </Text>
      <div style={{ overflowX: 'auto' }}>
        <table className={s.preview}>
          <thead>
            <tr>
              <th scope="col" aria-label="#" />
              {w.cols.map((c) => (
                <th key={c} scope="col">
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {w.rows.map((r, i) => (
              <tr key={r.row}>
                <th scope="row">{r.row}</th>
                {r.cells.map((v, j) => (
                  <td key={j} style={i === w.at.row && j === w.at.col ? { outline: `2px solid ${tokens.colorBrandStroke1}`, fontWeight: 600 } : undefined} data-testid={i === w.at.row && j === w.at.col ? 'preview-cell' : undefined}>
                    <div style={{ maxHeight: 64, overflow: 'hidden', textAlign: 'left', whiteSpace: 'pre-wrap', minWidth: 60 }}>{v}</div>
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Button size="small" onClick={onClose} style={{ alignSelf: 'flex-start' }}>
        {t.close}
      </Button>
    </section>
  );
}

function AgenciesStep({ t, state }: StepProps) {
  const s = useStyles();
  const a = state.analysis!;
  const names = useMemo(() => agencySummary(a), [a]);
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
      <Text as="h3" id="send-title" weight="semibold">
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
              {generationNotes(g, t.lang).map((line) => (
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
