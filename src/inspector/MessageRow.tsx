/**
 * One message between processes in the timeline, marked apart from the frames (an envelope
 * where a frame has its arrow, its own tint): kind, time, sender → target, topic and a
 * preview of the payloads. Lifecycle events (EXIT, LINK_DOWN, CANCEL, terminate) come from
 * the system or the ending process.
 */
import type { MessageRecord } from '../shared/run-events.ts';
import { formatRelative } from '../console/format-time.ts';
import { shortPid } from '../console/short-pid.ts';
import { TIMELINE_ROW_HEIGHT, timelineRowId, type RowProps } from './FrameRow.tsx';

export const MESSAGE_KIND_LABEL: Record<MessageRecord['kind'], string> = {
  send: 'send',
  exit: 'EXIT',
  'link-down': 'LINK_DOWN',
  cancel: 'CANCEL',
  terminate: 'terminate',
};

/** A pid in a row, short (`0x00004`); the system (""), for lifecycle events, by name. */
export const who = (pid: string) => (pid ? shortPid(pid) : 'system');

export function MessageRow({
  record: message,
  startedAt,
  selected,
  index,
  onSelect,
}: RowProps<MessageRecord>) {
  return (
    <div
      className={`frame-row msg-row msg-${message.kind}${selected ? ' is-selected' : ''}`}
      style={{ height: TIMELINE_ROW_HEIGHT }}
      data-testid="inspector.message"
      data-kind={message.kind}
      role="option"
      aria-selected={selected}
      id={timelineRowId(index)}
      onClick={() => onSelect(message)}
      title={`message ${message.from || 'system'} → ${message.to}\n${message.topic}\n${message.preview}`}
    >
      <span className="frame-dir msg-icon" aria-label="process message">
        ✉
      </span>
      <span className="msg-kind">{MESSAGE_KIND_LABEL[message.kind]}</span>
      <span className="frame-time">{formatRelative(message.time, startedAt)}</span>
      <span className="frame-preview">
        <span className="msg-route">
          {who(message.from)} → {who(message.to)}
        </span>{' '}
        {message.topic && <span className="msg-topic">{message.topic}</span>} {message.preview}
      </span>
    </div>
  );
}
