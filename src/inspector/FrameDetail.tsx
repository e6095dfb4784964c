/**
 * The frame picked in the log, in full: what the one-line row had to cut. A JSON text frame
 * is pretty-printed and foldable (JsonView) with a Raw toggle; Copy takes what is shown.
 */
import { useMemo, useState } from 'react';
import type { FrameRecord } from '../shared/run-events.ts';
import { binaryDetail, hexDump } from './hex.ts';
import { parseJsonTree, prettyJson } from './json-tree.ts';
import { JsonView } from './JsonView.tsx';
import { DetailActions } from './DetailActions.tsx';
import { formatBytes, formatClock, formatRelative } from '../console/format-time.ts';

export function FrameDetail({
  frame,
  startedAt,
  onClose,
}: {
  frame: FrameRecord;
  startedAt: number;
  onClose(): void;
}) {
  const [raw, setRaw] = useState(false);
  const { kept, body, cut, json } = useMemo(() => shownBody(frame), [frame]);
  const pretty = json !== null && !raw;

  return (
    <section
      className="frame-detail"
      aria-label="Frame detail"
      data-testid="inspector.frame-detail"
    >
      <header>
        <span className={`frame-dir dir-${frame.direction}`}>
          {frame.direction === 'out' ? '↑ sent' : '↓ received'}
          {frame.composed && ' from the composer'}
        </span>
        <span className={`frame-kind kind-badge-${frame.kind}`}>{frame.kind}</span>
        <span>connection #{frame.connectionId}</span>
        <span>{formatBytes(frame.size)}</span>
        <span>
          {formatClock(frame.time)} ({formatRelative(frame.time, startedAt)})
        </span>
        {frame.rttMs !== undefined && (
          <span data-testid="inspector.frame-rtt">round trip {frame.rttMs} ms</span>
        )}
        <DetailActions
          what="frame"
          hasJson={json !== null}
          raw={raw}
          setRaw={setRaw}
          rawTitles={['Show the JSON pretty-printed', 'Show the text as received']}
          shownText={() => (pretty ? prettyJson(json.root) : body)}
          onClose={onClose}
        />
      </header>
      {pretty ? (
        <JsonView root={json.root} nodes={json.nodes} />
      ) : (
        <pre
          className={`frame-detail-body${frame.kind === 'binary' ? ' is-dump' : ''}`}
          data-testid="inspector.frame-body"
        >
          {body === '' ? '(empty)' : body}
        </pre>
      )}
      {cut && (
        <p className="hint">
          {kept
            ? `Showing the first ${formatBytes(kept.shown)}; Export JSON has ${frame.truncated ? 'the first ' + formatBytes(frame.data!.length) : 'all of it'}.`
            : 'The inspector keeps the first bytes of each message; the script received all of it.'}
        </p>
      )}
    </section>
  );
}

/** The body the detail shows, whether it is cut, and its JSON tree when it is whole JSON. */
function shownBody(frame: FrameRecord) {
  const kept = frame.data ? keptBody(frame, frame.data) : undefined;
  const body =
    kept?.body ??
    (frame.kind === 'binary' ? binaryDetail(frame.preview, frame.size) : frame.preview);
  const cut = kept
    ? kept.shown < frame.size
    : frame.kind === 'text' && new TextEncoder().encode(frame.preview).length < frame.size;
  const json = frame.kind === 'text' && !cut ? parseJsonTree(body) : null;
  return { kept, body, cut, json };
}

/** What the detail shows of a kept payload: a screenful, not a megabyte of DOM. */
const DETAIL_TEXT_BYTES = 64 * 1024;
const DETAIL_BINARY_BYTES = 4096;

function keptBody(frame: FrameRecord, data: Uint8Array): { body: string; shown: number } {
  if (frame.kind === 'binary' || frame.kind === 'ping' || frame.kind === 'pong') {
    const shown = data.subarray(0, DETAIL_BINARY_BYTES);
    return { body: shown.length ? hexDump(shown) : '', shown: shown.length };
  }
  if (frame.kind === 'close') return { body: frame.preview, shown: frame.size };
  const shown = data.subarray(0, DETAIL_TEXT_BYTES);
  return { body: new TextDecoder().decode(shown), shown: shown.length };
}
