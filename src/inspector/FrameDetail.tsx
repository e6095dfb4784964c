/** The frame picked in the log, in full: what the one-line row had to cut. */
import type { FrameRecord } from '../shared/run-events.ts';
import { binaryDetail } from './hex.ts';
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
  const body = frame.kind === 'binary' ? binaryDetail(frame.preview, frame.size) : frame.preview;
  const cut = frame.kind === 'text' && new TextEncoder().encode(frame.preview).length < frame.size;
  return (
    <section
      className="frame-detail"
      aria-label="Frame detail"
      data-testid="inspector.frame-detail"
    >
      <header>
        <span className={`frame-dir dir-${frame.direction}`}>
          {frame.direction === 'out' ? '↑ sent' : '↓ received'}
        </span>
        <span className={`frame-kind kind-badge-${frame.kind}`}>{frame.kind}</span>
        <span>connection #{frame.connectionId}</span>
        <span>{formatBytes(frame.size)}</span>
        <span>
          {formatClock(frame.time)} ({formatRelative(frame.time, startedAt)})
        </span>
        <button
          type="button"
          className="icon-btn"
          onClick={onClose}
          aria-label="Close frame detail"
        >
          ✕
        </button>
      </header>
      <pre className={`frame-detail-body${frame.kind === 'binary' ? ' is-dump' : ''}`}>
        {body === '' ? '(empty)' : body}
      </pre>
      {cut && (
        <p className="hint">
          The inspector keeps the first bytes of each message; the script received all of it.
        </p>
      )}
    </section>
  );
}
