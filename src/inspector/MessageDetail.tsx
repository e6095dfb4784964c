/**
 * The message picked in the timeline, in full: kind, sender and target (whole pids), topic,
 * time, and its payload as the frame detail shows a JSON frame (JsonView, foldable, with Raw
 * and Copy). A payload the run's budget did not keep (src/shared/message-payload-bounds.ts)
 * shows its preview and says why.
 */
import { useMemo, useState } from 'react';
import type { MessageRecord } from '../shared/run-events.ts';
import { parseJsonTree, prettyJson } from './json-tree.ts';
import { JsonView } from './JsonView.tsx';
import { DetailActions } from './DetailActions.tsx';
import { formatClock, formatRelative } from '../console/format-time.ts';
import { MESSAGE_KIND_LABEL } from './MessageRow.tsx';
import { MESSAGE_PAYLOAD_CHARS, RUN_PAYLOAD_CHARS } from '../shared/message-payload-bounds.ts';

export function MessageDetail({
  message,
  startedAt,
  onClose,
}: {
  message: MessageRecord;
  startedAt: number;
  onClose(): void;
}) {
  const [raw, setRaw] = useState(false);
  const body = message.payload ?? message.preview;
  const json = useMemo(
    () => (message.payload && !message.payloadCut ? parseJsonTree(message.payload) : null),
    [message],
  );
  const pretty = json !== null && !raw;

  return (
    <section
      className="frame-detail"
      aria-label="Message detail"
      data-testid="inspector.message-detail"
    >
      <header>
        <span className="msg-icon" aria-hidden="true">
          ✉
        </span>
        <span className={`msg-${message.kind}`}>
          <span className="msg-kind">{MESSAGE_KIND_LABEL[message.kind]}</span>
        </span>
        <span className="mono" data-testid="inspector.message-route">
          {message.from || 'system'} → {message.to}
        </span>
        {message.topic && <span className="mono">topic {message.topic}</span>}
        <span>
          {formatClock(message.time)} ({formatRelative(message.time, startedAt)})
        </span>
        <DetailActions
          what="message"
          hasJson={json !== null}
          raw={raw}
          setRaw={setRaw}
          rawTitles={['Show the payload pretty-printed', 'Show the payload as one line']}
          shownText={() => (pretty ? prettyJson(json.root) : body)}
          onClose={onClose}
        />
      </header>
      {pretty ? (
        <JsonView root={json.root} nodes={json.nodes} />
      ) : (
        <pre className="frame-detail-body" data-testid="inspector.message-body">
          {body === '' ? '(no payload)' : body}
        </pre>
      )}
      {message.payloadCut && (
        <p className="hint">
          Showing the first {MESSAGE_PAYLOAD_CHARS.toLocaleString('en-US')} characters of the
          payload as JSON text.
        </p>
      )}
      {message.payload === undefined && body !== '' && (
        <p className="hint">
          A preview only: the run had already kept {RUN_PAYLOAD_CHARS.toLocaleString('en-US')}{' '}
          characters of message payloads.
        </p>
      )}
    </section>
  );
}
