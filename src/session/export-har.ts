/**
 * A session as HAR 1.2, one entry per connection with its frames in Chrome's
 * `_webSocketMessages` convention (DevTools' "Save all as HAR"): `type` "send"/"receive",
 * `time` in seconds since the epoch, `opcode` (1 text, 2 binary, 8 close, 9 ping, 10 pong)
 * and `data` (text, or base64 for other opcodes). What HAR has no field for travels in
 * `_luaPlayground`, so an import gets the connection back whole. The run's process messages,
 * which are no HTTP traffic, travel in the log's custom `_messages` (HAR 1.2 allows custom
 * fields whose names start with an underscore), as in the JSON.
 */
import type { ConnectionInfo, FrameKind, FrameRecord } from '../shared/run-events.ts';
import { SESSION_VERSION } from '../shared/session-format.ts';
import { toBase64 } from './payload.ts';
import { framesByConnection, type SessionSource } from './session-source.ts';
import { sessionMessage } from './export-json.ts';

export const OPCODES: Record<FrameKind, number> = {
  text: 1,
  binary: 2,
  close: 8,
  ping: 9,
  pong: 10,
};

export interface HarWebSocketMessage {
  type: 'send' | 'receive';
  time: number;
  opcode: number;
  data: string;
  _size?: number;
  _truncated?: boolean;
  _code?: number;
}

const textDecoder = new TextDecoder();

export function* sessionHarChunks(source: SessionSource, now = new Date()): Generator<string> {
  const log = {
    version: '1.2',
    creator: { name: 'Lua WebSocket Playground', version: String(SESSION_VERSION) },
    pages: [],
    _luaPlayground: {
      exportedAt: now.toISOString(),
      startedAt: source.startedAt,
      caps: source.caps,
      framesDropped: source.framesDropped,
      messagesDropped: source.messagesDropped,
    },
  };
  yield '{"log":' + JSON.stringify(log).slice(0, -1) + ',"entries":[';
  const byId = framesByConnection(source);
  let firstEntry = true;
  for (const connection of source.connections) {
    const frames = byId.get(connection.id) ?? [];
    const entry = harEntry(connection, frames[0]?.time ?? source.startedAt);
    yield (
      (firstEntry ? '\n' : ',\n') + JSON.stringify(entry).slice(0, -1) + ',"_webSocketMessages":['
    );
    firstEntry = false;
    let firstFrame = true;
    for (const frame of frames) {
      yield (firstFrame ? '\n' : ',\n') + JSON.stringify(harMessage(frame));
      firstFrame = false;
    }
    yield ']}';
  }
  yield '\n],"_messages":[';
  let firstMessage = true;
  for (const message of source.messages()) {
    yield (firstMessage ? '\n' : ',\n') + JSON.stringify(sessionMessage(message));
    firstMessage = false;
  }
  yield '\n]}}\n';
}

function harEntry(connection: ConnectionInfo, started: number) {
  const opened = connection.state !== 'failed' && connection.state !== 'denied';
  return {
    startedDateTime: new Date(started || Date.now()).toISOString(),
    time: 0,
    request: {
      method: 'GET',
      url: connection.routedUrl || connection.url,
      httpVersion: 'HTTP/1.1',
      cookies: [],
      headers: headerList(connection.requestHeaders),
      queryString: [],
      headersSize: -1,
      bodySize: 0,
    },
    response: {
      status: opened ? 101 : 0,
      statusText: opened ? 'Switching Protocols' : (connection.error ?? ''),
      httpVersion: 'HTTP/1.1',
      cookies: [],
      headers: headerList(connection.responseHeaders),
      content: { size: 0, mimeType: 'x-unknown' },
      redirectURL: '',
      headersSize: -1,
      bodySize: 0,
    },
    cache: {},
    timings: { send: 0, wait: 0, receive: 0 },
    _resourceType: 'websocket',
    _luaPlayground: connection,
  };
}

export function harMessage(frame: FrameRecord): HarWebSocketMessage {
  const asText = frame.kind === 'text' || frame.kind === 'close';
  const bytes = frame.data ?? new Uint8Array(0);
  const message: HarWebSocketMessage = {
    type: frame.direction === 'out' ? 'send' : 'receive',
    time: frame.time / 1000,
    opcode: OPCODES[frame.kind],
    data: asText ? textDecoder.decode(bytes) : toBase64(bytes),
    _size: frame.size,
  };
  if (!frame.data && frame.size > 0) message._truncated = true;
  if (frame.truncated) message._truncated = true;
  if (frame.closeCode !== undefined) message._code = frame.closeCode;
  return message;
}

function headerList(headers: Record<string, string> | undefined) {
  return Object.entries(headers ?? {}).map(([name, value]) => ({ name, value }));
}
