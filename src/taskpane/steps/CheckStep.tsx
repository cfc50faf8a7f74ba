import { useEffect, useState } from 'react';
import { Button, MessageBar, MessageBarActions, MessageBarBody, Text, tokens } from '@fluentui/react-components';
import { usePaneStyles } from './styles';
import type { StepProps } from './types';
import type { Issue } from '../../core/schemas';
import { RULE_INFO } from '../../app/view';
import type { cellWindow } from '../../app/usecases';
import { FindingsList } from '../components/FindingsList';
import { RuleSettingsPanel } from '../components/RuleSettings';

export function CheckStep({ t, state }: StepProps) {
  const n = state.notice;
  const a = state.analysis!;
  const [preview, setPreview] = useState<string | null>(null);
  const [confirmAlias, setConfirmAlias] = useState<Issue | null>(null);
  return (
    <>
      {n?.kind === 'fixed' && (
        <MessageBar intent="success">
          <MessageBarBody>{t.fixed(n.cells)}</MessageBarBody>
        </MessageBar>
      )}
      {n?.kind === 'alias' && (
        <MessageBar intent="success">
          <MessageBarBody>{t.aliasAdded(n.alias, n.agency)}</MessageBarBody>
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
          <MessageBarBody>{t.aliasConfirm(confirmAlias.alias.alias, confirmAlias.alias.agency, a.master.count)}</MessageBarBody>
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
        contexts={a.contexts}
        busy={!!state.busy}
        onSelect={(c) => {
          // outside Excel there is no sheet to move to: the cells around it are shown instead
          if (state.session?.mode === 'standalone') setPreview(c);
          else void state.actions.select(c);
        }}
        onFix={(i) => void state.actions.fix(i)}
        // a master sheet is added to the workbook only after the user agrees to it
        onAddAlias={(i) => (a.master.source === 'sheet' ? void state.actions.addAlias(i) : setConfirmAlias(i))}
        onIgnore={(i) => void state.actions.ignore([i])}
      />
      {n?.kind === 'settings' && (
        <MessageBar intent="success">
          <MessageBarBody>{t.settingsSaved}</MessageBarBody>
        </MessageBar>
      )}
      <RuleSettingsPanel rules={RULE_INFO} settings={a.settings} t={t} busy={!!state.busy} onSave={(x) => void state.actions.saveSettings(x)} />
    </>
  );
}

/** Outside Excel, "go to cell" shows the cell among its neighbours, read-only. */
function CellPreview({ t, state, cell, onClose }: StepProps & { cell: string; onClose: () => void }) {
  const s = usePaneStyles();
  const [w, setW] = useState<ReturnType<typeof cellWindow> | null>(null);
  const { cellWindow: windowOf } = state.actions;
  useEffect(() => {
    let live = true;
    // a cell the engine cannot show (the workbook changed meanwhile) leaves the preview empty
    windowOf(cell).then(
      (x) => live && setW(x),
      () => live && setW(null),
    );
    return () => {
      live = false;
    };
  }, [cell, windowOf]);
  const addr = cell.slice(cell.lastIndexOf('!') + 1);
  return (
    <section aria-labelledby="cell-preview-title" data-testid="cell-preview" style={{ display: 'flex', flexDirection: 'column', gap: 4 }}>
      <Text as="h3" id="cell-preview-title" size={200} weight="semibold">
        {t.cellPreview(addr)}
      </Text>
      {w && (
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
                    <td
                      key={j}
                      style={
                        i === w.at.row && j === w.at.col
                          ? {
                              outline: `2px solid ${tokens.colorBrandStroke1}`,
                              fontWeight: 600,
                            }
                          : undefined
                      }
                      data-testid={i === w.at.row && j === w.at.col ? 'preview-cell' : undefined}
                    >
                      <div
                        style={{
                          maxHeight: 64,
                          overflow: 'hidden',
                          textAlign: 'left',
                          whiteSpace: 'pre-wrap',
                          minWidth: 60,
                        }}
                      >
                        {v}
                      </div>
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Button size="small" onClick={onClose} style={{ alignSelf: 'flex-start' }}>
        {t.close}
      </Button>
    </section>
  );
}
