/**
 * The inspector's timeline: the run's frames and the messages between its processes in one
 * list by time (timeline-view.ts), one fixed-height row each, virtualized, with filters. The
 * Show menu picks frames and messages, frames only, messages only, or one connection's frames
 * (what picking a connection card does: messages are on no connection, so they are hidden
 * then, and the menu says so). A picked row opens its detail below; the arrow keys move the
 * pick through the list, Escape closes it.
 */
import { useMemo, useState, type KeyboardEvent } from 'react';
import { NO_FILTER, type FrameFilter } from './frame-view.ts';
import { TimelineView, type TimelineRow, type TimelineSource } from './timeline-view.ts';
import { VirtualList } from './VirtualList.tsx';
import { FrameDetail } from './FrameDetail.tsx';
import { MessageDetail } from './MessageDetail.tsx';
import { FrameRow, TIMELINE_ROW_HEIGHT, timelineRowId } from './FrameRow.tsx';
import { MessageRow } from './MessageRow.tsx';
import type { InspectedRun } from './run-history.ts';
import type { FrameRecord, MessageRecord } from '../shared/run-events.ts';

export interface TimelineProps {
  run: InspectedRun;
  version: number;
  /** Offer the messages' views even before the first message (a project run in progress). */
  processes: boolean;
  connectionId: number | null;
  onConnectionChange(id: number | null): void;
}

type Picked = { record: FrameRecord | MessageRecord; run: number; hint: number };

const count = (n: number, one: string) =>
  `${n.toLocaleString('en-US')} ${one}${n === 1 ? '' : 's'}`;

export function Timeline({
  run,
  version,
  processes,
  connectionId,
  onConnectionChange,
}: TimelineProps) {
  const { frames, messages } = run;
  const [rest, setRest] = useState<Omit<FrameFilter, 'connectionId'>>(NO_FILTER);
  const [chosen, setChosen] = useState<TimelineSource>('all');
  // The row picked, with the run it came from: another run's timeline shows no detail of it.
  const [pickedIn, setPickedIn] = useState<Picked | null>(null);
  const picked = pickedIn?.run === run.key ? pickedIn : null;

  const hasMessages = processes || messages.length > 0 || messages.dropped > 0;
  const source: TimelineSource = connectionId !== null || !hasMessages ? 'frames' : chosen;
  const filter = useMemo(() => ({ ...rest, connectionId }), [rest, connectionId]);
  const view = useMemo(
    () => new TimelineView(frames, messages, filter, source),
    [frames, messages, filter, source],
  );
  view.refresh();
  void version; // the view is refreshed on every store version (this render)

  const connections = [...run.connections.values()];
  const pick = (record: FrameRecord | MessageRecord | null, index: number) =>
    setPickedIn(record ? { record, run: run.key, hint: index } : null);
  const pickedIndex = picked ? indexOf(view, picked) : null;

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const last = view.length - 1;
    const from = pickedIndex ?? -1;
    const page = Math.max(1, Math.floor(e.currentTarget.clientHeight / TIMELINE_ROW_HEIGHT) - 1);
    const to =
      e.key === 'ArrowDown'
        ? Math.min(last, from + 1)
        : e.key === 'ArrowUp'
          ? from < 0
            ? last
            : Math.max(0, from - 1)
          : e.key === 'PageDown'
            ? Math.min(last, from + page)
            : e.key === 'PageUp'
              ? Math.max(0, from - page)
              : e.key === 'Home'
                ? 0
                : e.key === 'End'
                  ? last
                  : null;
    if (e.key === 'Escape' && picked) {
      e.preventDefault();
      pick(null, 0);
      return;
    }
    if (to === null || last < 0) return;
    e.preventDefault();
    const row = view.at(to);
    if (row) pick(recordOf(row), to);
  };

  return (
    <div className="frame-log">
      <div className="frame-filter" role="group" aria-label="Timeline filter">
        <select
          aria-label={hasMessages ? 'Show' : 'Connection'}
          title="What the timeline shows: frames and messages between processes, one of the two, or one connection’s frames"
          data-testid="inspector.timeline-show"
          value={connectionId !== null ? `#${connectionId}` : hasMessages ? chosen : 'all'}
          onChange={(e) => {
            const value = e.target.value;
            if (value.startsWith('#')) onConnectionChange(Number(value.slice(1)));
            else {
              onConnectionChange(null);
              setChosen(value as TimelineSource);
            }
          }}
        >
          {hasMessages ? (
            <>
              <option value="all">Frames + messages</option>
              <option value="frames">Frames only</option>
              <option value="messages">Messages only</option>
            </>
          ) : (
            <option value="all">All connections</option>
          )}
          {connections.length > 0 && (
            <optgroup label={hasMessages ? 'One connection’s frames' : 'One connection'}>
              {connections.map((c) => (
                <option key={c.id} value={`#${c.id}`}>
                  #{c.id} {c.url}
                </option>
              ))}
            </optgroup>
          )}
        </select>
        <select
          aria-label="Direction"
          title="Frames only"
          disabled={source === 'messages'}
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
          title="Frames only"
          disabled={source === 'messages'}
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
        {source !== 'messages' && (
          <span className="frame-count" data-testid="inspector.frame-count">
            {view.frameCount.toLocaleString('en-US')}
            {view.frameCount !== frames.length &&
              ` of ${frames.length.toLocaleString('en-US')}`}{' '}
            frames
          </span>
        )}
        {source !== 'frames' && (
          <span className="frame-count" data-testid="inspector.message-count">
            {view.messageCount === messages.length
              ? count(messages.length, 'message')
              : `${view.messageCount.toLocaleString('en-US')} of ${count(messages.length, 'message')}`}
          </span>
        )}
        {hasMessages && source === 'frames' && messages.length > 0 && (
          <span className="frame-count" data-testid="inspector.messages-hidden">
            {count(messages.length, 'message')} hidden
          </span>
        )}
      </div>
      {frames.dropped > 0 && source !== 'messages' && (
        <p className="frame-dropped">
          {frames.dropped.toLocaleString('en-US')} older frames dropped; keeping the last{' '}
          {frames.capacity.toLocaleString('en-US')}.
        </p>
      )}
      {messages.dropped > 0 && source !== 'frames' && (
        <p className="frame-dropped" data-testid="inspector.messages-dropped">
          {messages.dropped.toLocaleString('en-US')} older messages dropped; keeping the last{' '}
          {messages.capacity.toLocaleString('en-US')}.
        </p>
      )}
      {view.length === 0 ? (
        <p className="empty-note">{emptyNote(source, frames.length + messages.length)}</p>
      ) : (
        <VirtualList
          className="frame-list"
          testId="inspector.frames"
          count={view.length}
          rowHeight={TIMELINE_ROW_HEIGHT}
          follow
          version={version}
          keyboard={{
            label: 'Timeline: arrow keys pick a row',
            activeIndex: pickedIndex,
            activeId: pickedIndex !== null ? timelineRowId(pickedIndex) : undefined,
            onKeyDown,
          }}
          renderRow={(i, key) => {
            // A render may run against a buffer that moved on (it renders in slices).
            const row = view.at(i);
            if (!row) return null;
            const record = recordOf(row);
            const props = {
              index: i,
              startedAt: run.startedAt,
              selected: record === picked?.record,
              onSelect: (r: FrameRecord | MessageRecord) =>
                pick(r === picked?.record ? null : r, i),
            };
            return row.kind === 'frame' ? (
              <FrameRow key={key} {...props} record={row.frame} />
            ) : (
              <MessageRow key={key} {...props} record={row.message} />
            );
          }}
        />
      )}
      {picked &&
        ('connectionId' in picked.record ? (
          <FrameDetail
            frame={picked.record}
            startedAt={run.startedAt}
            onClose={() => pick(null, 0)}
          />
        ) : (
          <MessageDetail
            message={picked.record}
            startedAt={run.startedAt}
            onClose={() => pick(null, 0)}
          />
        ))}
    </div>
  );
}

const recordOf = (row: TimelineRow) => (row.kind === 'frame' ? row.frame : row.message);

/** Where the picked record is now: at its last place, near it, or found by a walk. */
function indexOf(view: TimelineView, picked: Picked): number | null {
  const at = (i: number) => {
    const row = view.at(i);
    return row !== undefined && recordOf(row) === picked.record;
  };
  for (let d = 0; d <= 2; d++) {
    if (at(picked.hint - d)) return picked.hint - d;
    if (at(picked.hint + d)) return picked.hint + d;
  }
  for (let i = view.length - 1; i >= 0; i--) if (at(i)) return i;
  return null;
}

function emptyNote(source: TimelineSource, held: number): string {
  if (held === 0)
    return source === 'frames'
      ? 'No frames yet.'
      : source === 'messages'
        ? 'No messages yet.'
        : 'No frames or messages yet.';
  return source === 'messages'
    ? 'No message matches the filter.'
    : source === 'frames'
      ? 'No frame matches the filter.'
      : 'Nothing matches the filter.';
}
