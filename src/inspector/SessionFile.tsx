/**
 * Export the run's connections and frames, and its process messages (JSON or HAR,
 * docs/session-format.md), and import such a file back to look at it. Import is refused while
 * a run is going.
 */
import { HiddenFileInput } from '../app/HiddenFileInput.tsx';
import { useRef, useState } from 'react';
import type { RunStore } from '../app/run-store.ts';
import type { InspectedRun } from './run-history.ts';
import { sessionJsonChunks } from '../session/export-json.ts';
import { sessionHarChunks } from '../session/export-har.ts';
import {
  MAX_SESSION_FILE_BYTES,
  parseSessionFile,
  sessionRecords,
  SessionImportError,
} from '../session/import.ts';
import { blobOf, storeSource } from '../session/store-source.ts';

function download(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

function fileStamp(): string {
  return new Date().toISOString().replace(/[:.]/g, '-').slice(0, 19);
}

export function SessionFile({
  store,
  run,
  running,
}: {
  store: RunStore;
  /** The run shown (and exported): the current one or one the history keeps. */
  run: InspectedRun;
  running: boolean;
  /** The store's version: the run's records change in place. */
  version: number;
}) {
  const input = useRef<HTMLInputElement>(null);
  const [error, setError] = useState('');
  // A project run may exchange messages only: that is worth a file too.
  const empty = run.connections.size === 0 && run.messages.length === 0;

  const exportAs = (kind: 'json' | 'har') => {
    const source = storeSource(run);
    const chunks = kind === 'har' ? sessionHarChunks(source) : sessionJsonChunks(source);
    download(blobOf(chunks, 'application/json'), `session-${fileStamp()}.${kind}`);
  };

  const importFile = async (file: File) => {
    setError('');
    // Every failure of an import is an import error shown here, never an exception that
    // unmounts the page (audit 2, L2).
    try {
      if (file.size > MAX_SESSION_FILE_BYTES) {
        throw new SessionImportError(`the file is larger than ${MAX_SESSION_FILE_BYTES} bytes`);
      }
      store.showSession(sessionRecords(parseSessionFile(await file.text())), file.name);
    } catch (e) {
      const message =
        e instanceof SessionImportError ? e.message : `could not be read: ${String(e)}`;
      setError(`${file.name}: ${message}`);
    }
  };

  return (
    <div className="session-file">
      <button
        type="button"
        className="btn btn-ghost btn-small"
        disabled={empty}
        onClick={() => exportAs('json')}
        data-testid="inspector.export-json"
        title="Download every connection, frame and process message as JSON"
      >
        Export JSON
      </button>
      <button
        type="button"
        className="btn btn-ghost btn-small"
        disabled={empty}
        onClick={() => exportAs('har')}
        data-testid="inspector.export-har"
        title="Download as HAR (opens in browser devtools)"
      >
        HAR
      </button>
      <button
        type="button"
        className="btn btn-ghost btn-small"
        disabled={running}
        onClick={() => input.current?.click()}
        data-testid="inspector.import"
        title={running ? 'Stop the run to import a session' : 'Open a session (JSON or HAR)'}
      >
        Import…
      </button>
      <HiddenFileInput
        inputRef={input}
        accept=".json,.har,application/json"
        testId="inspector.import-file"
        onFiles={(files) => {
          const file = files?.[0];
          if (file) void importFile(file);
        }}
      />
      {error && (
        <p className="session-file-error" role="alert" data-testid="inspector.import-error">
          {error}
        </p>
      )}
    </div>
  );
}
