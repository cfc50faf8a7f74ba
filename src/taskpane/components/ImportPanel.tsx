// "Nhập từ văn bản": pick a .docx/.txt or paste text, see what was found, confirm; the sheet is written
// by the import use-case (src/app/import.ts) and the pane continues with it.
import { useState } from 'react';
import { FileButton } from './FileButton';
import { Button, Field, MessageBar, MessageBarBody, Text, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import type { Strings } from '../i18n';
import type { Session, SessionState } from '../useSession';

const useStyles = makeStyles({
  box: { margin: '0 12px 12px', padding: '12px', display: 'flex', flexDirection: 'column', gap: '8px', borderRadius: tokens.borderRadiusLarge, backgroundColor: tokens.colorNeutralBackground1, border: `1px solid ${tokens.colorNeutralStroke2}` },
  row: { display: 'flex', gap: '8px', flexWrap: 'wrap' },
  table: { borderCollapse: 'collapse', width: '100%', fontSize: tokens.fontSizeBase200, '& td, & th': { border: `1px solid ${tokens.colorNeutralStroke2}`, padding: '2px 4px', textAlign: 'left', verticalAlign: 'top' } },
});

const LEADS_SHOWN = 6;

export function ImportPanel({ t, state, newWorkbook }: { t: Strings; state: SessionState; newWorkbook?: (name: string) => Promise<Session> }) {
  const s = useStyles();
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const im = state.importing;
  const busy = !!state.busy;
  if (!open && !im)
    return (
      <div style={{ margin: '0 12px 12px' }}>
        <Button onClick={() => setOpen(true)} data-testid="import-open">
          {t.importEntry}
        </Button>
      </div>
    );
  return (
    <section className={s.box} aria-labelledby="import-title">
      <Text as="h2" id="import-title" weight="semibold">
        {t.importEntry}
      </Text>
      {!im && (
        <>
          <Text size={200}>{t.importIntro}</Text>
          <div className={s.row}>
            <FileButton
              label={t.importPick}
              accept=".docx,.txt,application/vnd.openxmlformats-officedocument.wordprocessingml.document,text/plain"
              testId="import-file"
              primary
              disabled={busy}
              onFiles={([f]) => void state.actions.readPlan({ file: f })}
            />
          </div>
          <Field label={t.importPasteLabel}>
            <Textarea value={text} onChange={(_, d) => setText(d.value)} rows={4} resize="vertical" data-testid="import-text" />
          </Field>
          <div className={s.row}>
            <Button disabled={busy || !text.trim()} onClick={() => void state.actions.readPlan({ text })}>
              {t.importRead}
            </Button>
            <Button appearance="subtle" onClick={() => setOpen(false)}>
              {t.cancel}
            </Button>
          </div>
        </>
      )}
      {im && (
        <>
          <MessageBar intent="success">
            <MessageBarBody data-testid="import-found">
              {im.name}: {t.importFound(im.preview.tasks, im.preview.byLead.length)}
            </MessageBarBody>
          </MessageBar>
          <ul style={{ margin: 0, paddingLeft: '18px' }}>
            {im.preview.byLead.slice(0, LEADS_SHOWN).map((l) => (
              <li key={l.lead}>
                <Text size={200}>
                  {l.lead}: {l.count}
                </Text>
              </li>
            ))}
            {im.preview.byLead.length > LEADS_SHOWN && (
              <li>
                <Text size={200}>{t.importMoreLeads(im.preview.byLead.length - LEADS_SHOWN)}</Text>
              </li>
            )}
          </ul>
          <table className={s.table}>
            <caption style={{ textAlign: 'left' }}>
              <Text size={200} weight="semibold">
                {t.importFirstRows}
              </Text>
            </caption>
            <thead>
              <tr>
                <th scope="col">{t.roles.stt}</th>
                <th scope="col">{t.roles.task}</th>
                <th scope="col">{t.roles.lead}</th>
              </tr>
            </thead>
            <tbody>
              {im.preview.first.map((r, i) => (
                <tr key={i}>
                  <td>{r.stt}</td>
                  <td>{r.title.length > 90 ? r.title.slice(0, 90) + '…' : r.title}</td>
                  <td>{r.lead}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className={s.row}>
            <Button appearance="primary" disabled={busy} onClick={() => void state.actions.confirmImport(newWorkbook).then(() => setOpen(false))} data-testid="import-confirm">
              {t.importConfirm(im.preview.tasks)}
            </Button>
            <Button
              appearance="subtle"
              onClick={() => {
                state.actions.cancelImport();
                setOpen(false);
              }}
            >
              {t.cancel}
            </Button>
          </div>
        </>
      )}
    </section>
  );
}
