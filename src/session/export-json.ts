/**
 * A session as JSON (src/shared/session-format.ts), produced piece by piece: a frame (and a
 * process message) at a time, so a large session streams to a file (the CLI) or a Blob (the page) without a second
 * copy of the whole text in memory.
 */
import type { ConnectionInfo, FrameRecord, MessageRecord } from '../shared/run-events.ts';
import {
  SESSION_FORMAT,
  SESSION_VERSION,
  type Session,
  type SessionFrame,
  type SessionMessage,
} from '../shared/session-format.ts';
import { encodePayload } from './payload.ts';
import { framesByConnection, type SessionSource } from './session-source.ts';

export function* sessionJsonChunks(source: SessionSource, now = new Date()): Generator<string> {
  const header: Omit<Session, 'connections' | 'messages'> = {
    format: SESSION_FORMAT,
    version: SESSION_VERSION,
    exportedAt: now.toISOString(),
    startedAt: source.startedAt,
    caps: source.caps,
    framesDropped: source.framesDropped,
    messagesDropped: source.messagesDropped,
  };
  yield JSON.stringify(header).slice(0, -1) + ',"connections":[';
  const byId = framesByConnection(source);
  let firstConnection = true;
  for (const connection of source.connections) {
    yield (firstConnection ? '\n' : ',\n') + openObject(connection) + ',"frames":[';
    firstConnection = false;
    let firstFrame = true;
    for (const frame of byId.get(connection.id) ?? []) {
      yield (firstFrame ? '\n' : ',\n') + JSON.stringify(sessionFrame(frame));
      firstFrame = false;
    }
    yield ']}';
  }
  yield '\n],"messages":[';
  let firstMessage = true;
  for (const message of source.messages()) {
    yield (firstMessage ? '\n' : ',\n') + JSON.stringify(sessionMessage(message));
    firstMessage = false;
  }
  yield '\n]}\n';
}

/** The record's known fields only, in a fixed order. */
export function sessionMessage(message: MessageRecord): SessionMessage {
  const out: SessionMessage = {
    kind: message.kind,
    from: message.from,
    to: message.to,
    topic: message.topic,
    preview: message.preview,
    time: message.time,
  };
  if (message.payload !== undefined) out.payload = message.payload;
  if (message.payloadCut) out.payloadCut = true;
  return out;
}

/** The whole session as one object (the SDK's `end` event, tests). */
export function sessionObject(source: SessionSource, now = new Date()): Session {
  return JSON.parse([...sessionJsonChunks(source, now)].join('')) as Session;
}

export function sessionFrame(frame: FrameRecord): SessionFrame {
  const out: SessionFrame = {
    direction: frame.direction,
    type: frame.kind,
    size: frame.size,
    time: frame.time,
  };
  if (frame.data) {
    const asText = frame.kind === 'text' || frame.kind === 'close';
    Object.assign(out, encodePayload(frame.data, asText));
    if (frame.truncated) out.truncated = true;
  }
  if (frame.closeCode !== undefined) out.code = frame.closeCode;
  if (frame.composed) out.composed = true;
  return out;
}

/** `{"a":1}` without its closing brace, so fields can follow. */
function openObject(connection: ConnectionInfo): string {
  return JSON.stringify(connection).slice(0, -1);
}
