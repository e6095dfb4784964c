/** One frame in the timeline: direction, connection, type, size, time and a preview. */
import { binaryPreview } from './hex.ts';
import { formatBytes, formatRelative } from '../console/format-time.ts';
import type { FrameRecord } from '../shared/run-events.ts';

export const TIMELINE_ROW_HEIGHT = 24;

export interface RowProps<T> {
  record: T;
  startedAt: number;
  selected: boolean;
  /** The row's place in the list, for its id (the list's active row). */
  index: number;
  onSelect(record: T): void;
}

/** The id of row `index`, which the list names as its active row (aria-activedescendant). */
export const timelineRowId = (index: number) => `timeline-row-${index}`;

export function FrameRow({
  record: frame,
  startedAt,
  selected,
  index,
  onSelect,
}: RowProps<FrameRecord>) {
  const preview =
    frame.kind === 'binary' ? binaryPreview(frame.preview, frame.size) : frame.preview;
  return (
    <div
      className={`frame-row dir-${frame.direction} kind-${frame.kind}${selected ? ' is-selected' : ''}`}
      style={{ height: TIMELINE_ROW_HEIGHT }}
      data-testid="inspector.frame"
      role="option"
      aria-selected={selected}
      id={timelineRowId(index)}
      onClick={() => onSelect(frame)}
    >
      <span className="frame-dir" title={frame.direction === 'out' ? 'sent' : 'received'}>
        {frame.direction === 'out' ? '↑' : '↓'}
      </span>
      <span className="frame-conn">#{frame.connectionId}</span>
      <span className={`frame-kind kind-badge-${frame.kind}`}>{frame.kind}</span>
      <span className="frame-size">{formatBytes(frame.size)}</span>
      <span className="frame-time">{formatRelative(frame.time, startedAt)}</span>
      <span className="frame-preview" title={preview}>
        {frame.composed && (
          <span className="frame-composed" title="sent from the composer">
            ✎
          </span>
        )}
        {frame.rttMs !== undefined && (
          <span className="frame-rtt" data-testid="inspector.frame-rtt">
            rtt {frame.rttMs} ms
          </span>
        )}
        {preview}
      </span>
    </div>
  );
}
