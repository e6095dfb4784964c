/**
 * The messages between a project run's processes, in the inspector beside its frames: one
 * row per send and per lifecycle event (EXIT, LINK_DOWN, CANCEL, terminate), sender → target,
 * topic and a preview of the payloads, virtualized like the frame log, with a text filter.
 */
import { useMemo, useState } from 'react';
import type { MessageRecord } from '../shared/run-events.ts';
import { VirtualList } from './VirtualList.tsx';
import { formatRelative } from '../console/format-time.ts';
import { shortPid } from '../console/short-pid.ts';

export const MESSAGE_ROW_HEIGHT = 24;

const KIND_LABEL: Record<MessageRecord['kind'], string> = {
  send: 'send',
  exit: 'EXIT',
  'link-down': 'LINK_DOWN',
  cancel: 'CANCEL',
  terminate: 'terminate',
};

/** A pid in a row, short (`0x00004`); the system (""), for lifecycle events, by name. */
const who = (pid: string) => (pid ? shortPid(pid) : 'system');

function MessageRow({ message, startedAt }: { message: MessageRecord; startedAt: number }) {
  return (
    <div
      className={`msg-row msg-${message.kind}`}
      style={{ height: MESSAGE_ROW_HEIGHT }}
      data-testid="inspector.message"
      data-kind={message.kind}
      title={`${message.from || 'system'} → ${message.to}\n${message.topic}\n${message.preview}`}
    >
      <span className="msg-kind">{KIND_LABEL[message.kind]}</span>
      <span className="msg-route mono">
        {who(message.from)} → {who(message.to)}
      </span>
      <span className="msg-topic mono">{message.topic}</span>
      <span className="frame-time">{formatRelative(message.time, startedAt)}</span>
      <span className="frame-preview">{message.preview}</span>
    </div>
  );
}

export function MessageLog({
  messages,
  dropped,
  version,
  startedAt,
}: {
  messages: readonly MessageRecord[];
  dropped: number;
  version: number;
  startedAt: number;
}) {
  const [text, setText] = useState('');
  const shown = useMemo(() => {
    const needle = text.trim().toLowerCase();
    if (!needle) return messages;
    return messages.filter((m) =>
      `${m.kind} ${m.from} ${m.to} ${m.topic} ${m.preview}`.toLowerCase().includes(needle),
    );
    // `version`: the array grows in place between renders.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [messages, text, version, messages.length]);
  return (
    <div className="frame-log">
      <div className="frame-filter" role="group" aria-label="Message filter">
        <input
          type="search"
          placeholder="Filter messages…"
          aria-label="Filter messages"
          data-testid="inspector.message-filter"
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
        <span className="frame-count" data-testid="inspector.message-count">
          {shown.length.toLocaleString('en-US')}
          {shown.length !== messages.length &&
            ` of ${messages.length.toLocaleString('en-US')}`}{' '}
          messages
          {dropped > 0 && ` · ${dropped.toLocaleString('en-US')} older dropped`}
        </span>
      </div>
      {shown.length === 0 ? (
        <p className="empty-note">
          {messages.length === 0 ? 'No messages yet.' : 'No message matches the filter.'}
        </p>
      ) : (
        <VirtualList
          className="frame-list"
          testId="inspector.messages"
          count={shown.length}
          rowHeight={MESSAGE_ROW_HEIGHT}
          follow
          version={version}
          renderRow={(i, key) => {
            const message = shown[i];
            return message ? (
              <MessageRow key={key} message={message} startedAt={startedAt} />
            ) : null;
          }}
        />
      )}
    </div>
  );
}
