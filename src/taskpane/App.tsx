import { useEffect, useState } from 'react';
import {
  Button,
  FluentProvider,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Select,
  Spinner,
  Tab,
  TabList,
  Text,
  webDarkTheme,
  webLightTheme,
} from '@fluentui/react-components';
import { ImportPanel } from './components/ImportPanel';
import { ManualMapping } from './components/ManualMapping';
import { STRINGS, type Lang } from './i18n';
import { useSession, type PlanReader, type Session } from './useSession';
import { FileLine, FilePicker } from './components/FileChoice';
import { TableStep } from './steps/TableStep';
import { CheckStep } from './steps/CheckStep';
import { AgenciesStep } from './steps/AgenciesStep';
import { QuartersStep } from './steps/QuartersStep';
import { DownloadPanel, GenerateStep } from './steps/GenerateStep';
import { usePaneStyles } from './steps/styles';


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
  /** Reads a plan document for import off the page (the pane's worker); on the page when absent. */
  readPlan?: PlanReader;
}

export function App(props: AppProps) {
  const [lang, setLang] = useState<Lang>(props.lang);
  const t = STRINGS[lang];
  const state = useSession(props.session, props.readPlan);
  const [step, setStep] = useState<Step>('table');
  const s = usePaneStyles();
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
          {state.notice?.kind === 'imported' && (
            <MessageBar intent="success">
              <MessageBarBody data-testid="imported">{t.imported(state.notice.sheet, state.notice.tasks)}</MessageBarBody>
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
                  <Text size={200} data-testid="progress-stage">
                    {t.stage[state.busy] ?? t.busy} {t.progress(state.progress.done, state.progress.total, state.progress.label)}
                  </Text>
                  <ProgressBar value={state.progress.done / Math.max(1, state.progress.total)} aria-label={t.stage[state.busy] ?? t.busy} />
                </>
              ) : (
                <Spinner size="tiny" label={t.stage[state.busy] ?? t.busy} />
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












