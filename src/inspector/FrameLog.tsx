/**
 * The live frame log: one fixed-height row per frame (direction, type, size, time, preview),
 * virtualized, with a filter. The filtered view is updated incrementally (frame-view.ts).
 */
import { useMemo, useState } from 'react';
import type { FrameBuffer } from './frame-buffer.ts';
import { FrameView, NO_FILTER } from './frame-view.ts';
import type { FrameFilter } from './frame-view.ts';
import { VirtualList } from './VirtualList.tsx';
import { FrameDetail } from './FrameDetail.tsx';
import { binaryPreview } from './hex.ts';
import { formatBytes, formatRelative } from '../console/format-time.ts';
import type { ConnectionInfo, FrameRecord } from '../shared/run-events.ts';

export const FRAME_ROW_HEIGHT = 24;

export interface FrameLogProps {
  frames: FrameBuffer;
  version: number;
  startedAt: number;
  connections: ConnectionInfo[];
  connectionId: number | null;
  onConnectionChange(id: number | null): void;
}

interface FrameRowProps {
  frame: FrameRecord;
  startedAt: number;
  selected: boolean;
  onSelect(frame: FrameRecord): void;
}

function FrameRow({ frame, startedAt, selected, onSelect }: FrameRowProps) {
  const preview =
    frame.kind === 'binary' ? binaryPreview(frame.preview, frame.size) : frame.preview;
  return (
    <div
      className={`frame-row dir-${frame.direction} kind-${frame.kind}${selected ? ' is-selected' : ''}`}
      style={{ height: FRAME_ROW_HEIGHT }}
      data-testid="inspector.frame"
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

export function FrameLog({
  frames,
  version,
  startedAt,
  connections,
  connectionId,
  onConnectionChange,
}: FrameLogProps) {
  const [rest, setRest] = useState<Omit<FrameFilter, 'connectionId'>>(NO_FILTER);
  // The frame picked, with the buffer it came from: another run's log shows no detail of it.
  const [pickedIn, setPickedIn] = useState<{ frame: FrameRecord; frames: FrameBuffer } | null>(
    null,
  );
  const picked = pickedIn?.frames === frames ? pickedIn.frame : null;
  const setPicked = (frame: FrameRecord | null) => setPickedIn(frame ? { frame, frames } : null);
  const filter = useMemo(() => ({ ...rest, connectionId }), [rest, connectionId]);
  const view = useMemo(() => new FrameView(frames, filter), [frames, filter]);
  view.refresh();
  void version; // the view is refreshed on every store version (this render)

  return (
    <div className="frame-log">
      <div className="frame-filter" role="group" aria-label="Frame filter">
        <select
          aria-label="Connection"
          value={connectionId ?? ''}
          onChange={(e) =>
            onConnectionChange(e.target.value === '' ? null : Number(e.target.value))
          }
        >
          <option value="">All connections</option>
          {connections.map((c) => (
            <option key={c.id} value={c.id}>
              #{c.id} {c.url}
            </option>
          ))}
        </select>
        <select
          aria-label="Direction"
          value={rest.direction}
          onChange={(e) =>
            setRest({ ...rest, direction: e.target.value as FrameFilter['direction'] })
          }
        >
          <option value="all">↑↓ both</option>
          <option value="out">↑ sent</option>
          <option value="in">↓ received</option>
        </select>
        <select
          aria-label="Type"
          value={rest.kind}
          onChange={(e) => setRest({ ...rest, kind: e.target.value as FrameFilter['kind'] })}
        >
          <option value="all">all types</option>
          <option value="text">text</option>
          <option value="binary">binary</option>
          <option value="ping">ping</option>
          <option value="pong">pong</option>
          <option value="close">close</option>
        </select>
        <input
          type="search"
          placeholder="Filter text…"
          aria-label="Filter text"
          data-testid="inspector.filter"
          value={rest.text}
          onChange={(e) => setRest({ ...rest, text: e.target.value })}
        />
        <span className="frame-count" data-testid="inspector.frame-count">
          {view.length.toLocaleString('en-US')}
          {view.length !== frames.length && ` of ${frames.length.toLocaleString('en-US')}`} frames
        </span>
      </div>
      {frames.dropped > 0 && (
        <p className="frame-dropped">
          {frames.dropped.toLocaleString('en-US')} older frames dropped; keeping the last{' '}
          {frames.capacity.toLocaleString('en-US')}.
        </p>
      )}
      {view.length === 0 ? (
        <p className="empty-note">
          {frames.length === 0 ? 'No frames yet.' : 'No frame matches the filter.'}
        </p>
      ) : (
        <VirtualList
          className="frame-list"
          testId="inspector.frames"
          count={view.length}
          rowHeight={FRAME_ROW_HEIGHT}
          follow
          version={version}
          renderRow={(i, key) => {
            // A render may run against a buffer that moved on (it renders in slices).
            const frame = view.at(i);
            if (!frame) return null;
            return (
              <FrameRow
                key={key}
                frame={frame}
                startedAt={startedAt}
                selected={frame === picked}
                onSelect={(f) => setPicked(f === picked ? null : f)}
              />
            );
          }}
        />
      )}
      {picked && (
        <FrameDetail frame={picked} startedAt={startedAt} onClose={() => setPicked(null)} />
      )}
    </div>
  );
}
