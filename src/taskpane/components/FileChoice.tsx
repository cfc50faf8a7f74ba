import { useState } from 'react';
import { Text, tokens } from '@fluentui/react-components';
import { usePaneStyles } from '../steps/styles';
import type { StepProps } from '../steps/types';
import type { Session } from '../useSession';
import { FileButton } from './FileButton';

/** The file in use, on one line, and a way to change it (outside Excel). */
export function FileLine({ t, state, openFile }: StepProps & { openFile: (f: File) => Promise<Session> }) {
  return (
    <div
      style={{
        display: 'flex',
        alignItems: 'center',
        gap: 8,
        flexWrap: 'wrap',
      }}
      data-testid="file-line"
    >
      <Text size={200} style={{ wordBreak: 'break-all', flex: '1 1 150px' }}>
        {t.fileLabel}: <b>{state.session?.fileName}</b>
      </Text>
      <FileButton
        label={t.changeFile}
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        testId="file-input"
        onFiles={([f]) => void state.actions.open(() => openFile(f))}
        disabled={!!state.busy}
      />
    </div>
  );
}

export function FilePicker({ t, state, openFile }: StepProps & { openFile: (f: File) => Promise<Session> }) {
  const s = usePaneStyles();
  const [over, setOver] = useState(false);
  const pick = async (f: File | undefined) => {
    if (f) await state.actions.open(() => openFile(f));
  };
  return (
    <div
      className={s.drop}
      style={{
        background: over ? tokens.colorNeutralBackground1Hover : undefined,
      }}
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
