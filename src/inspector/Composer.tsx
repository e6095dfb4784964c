/**
 * Send a message by hand on a connection the running script holds open (issue 20): text,
 * validated JSON, or binary as hex or base64. The worker sends it on the connection's
 * transport and records it like the script's own frames, marked as from the composer.
 */
import { useState } from 'react';
import type { Composer as SendComposed } from '../app/run-store.ts';
import type { ConnectionInfo } from '../shared/run-events.ts';
import { COMPOSER_FORMATS, composerPayload, type ComposerFormat } from './composer-input.ts';

export function Composer({
  connections,
  send,
}: {
  /** The current run's connections; the open ones are offered. */
  connections: ConnectionInfo[];
  send: SendComposed | null;
}) {
  const open = connections.filter((c) => c.state === 'open');
  const [picked, setPicked] = useState<number | null>(null);
  const [format, setFormat] = useState<ComposerFormat>('text');
  const [text, setText] = useState('');
  const [note, setNote] = useState<{ error: boolean; text: string } | null>(null);
  const target = open.find((c) => c.id === picked) ?? open[0];

  const submit = async () => {
    if (!target || !send) return;
    const payload = composerPayload(format, text);
    if (!payload.ok) {
      setNote({ error: true, text: payload.error });
      return;
    }
    const refused = await send({ connectionId: target.id, kind: payload.kind, data: payload.data });
    setNote(
      refused
        ? { error: true, text: refused }
        : { error: false, text: `Sent ${payload.data.length} B to #${target.id}` },
    );
  };

  return (
    <form
      className="composer"
      aria-label="Composer"
      data-testid="inspector.composer"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <div className="composer-row">
        <select
          aria-label="Send to connection"
          value={target?.id ?? ''}
          disabled={open.length === 0}
          onChange={(e) => setPicked(Number(e.target.value))}
          data-testid="inspector.composer-connection"
        >
          {open.length === 0 && <option value="">no open connection</option>}
          {open.map((c) => (
            <option key={c.id} value={c.id}>
              #{c.id} {c.url}
            </option>
          ))}
        </select>
        <select
          aria-label="Message format"
          value={format}
          onChange={(e) => {
            setFormat(e.target.value as ComposerFormat);
            setNote(null);
          }}
          data-testid="inspector.composer-format"
        >
          {COMPOSER_FORMATS.map((f) => (
            <option key={f.value} value={f.value}>
              {f.label}
            </option>
          ))}
        </select>
        <button
          type="submit"
          className="btn btn-small"
          disabled={!target || !send}
          data-testid="inspector.composer-send"
          title="Send (Ctrl+Enter in the message box)"
        >
          Send
        </button>
      </div>
      <textarea
        aria-label="Message"
        rows={2}
        spellCheck={false}
        placeholder={
          open.length === 0
            ? 'Run a script that keeps a connection open to send it messages from here'
            : PLACEHOLDERS[format]
        }
        value={text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            // Here Ctrl+Enter sends the message; it must not also run the script.
            e.preventDefault();
            e.stopPropagation();
            void submit();
          }
        }}
        data-testid="inspector.composer-text"
      />
      {note && (
        <p
          className={`composer-note${note.error ? ' is-error' : ''}`}
          role={note.error ? 'alert' : 'status'}
          data-testid="inspector.composer-note"
        >
          {note.text}
        </p>
      )}
    </form>
  );
}

const PLACEHOLDERS: Record<ComposerFormat, string> = {
  text: 'A text message',
  json: '{"type": "ping"}',
  hex: '01 02 ff',
  base64: 'AQL/',
};
