// A Fluent button in the pane's language that opens the browser's file picker (whose own button text
// is in the browser's language). One picker for every file the pane takes.
import { useRef } from 'react';
import { Button } from '@fluentui/react-components';

export function FileButton(props: { label: string; accept: string; testId: string; onFiles: (files: File[]) => void; primary?: boolean; disabled?: boolean; multiple?: boolean }) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <Button appearance={props.primary ? 'primary' : 'secondary'} disabled={props.disabled} onClick={() => input.current?.click()}>
        {props.label}
      </Button>
      <input
        ref={input}
        type="file"
        accept={props.accept}
        multiple={props.multiple}
        data-testid={props.testId}
        aria-label={props.label}
        tabIndex={-1}
        style={{ display: 'none' }}
        onChange={(e) => {
          const files = [...(e.target.files ?? [])];
          if (files.length) props.onFiles(files);
          e.target.value = '';
        }}
      />
    </>
  );
}
