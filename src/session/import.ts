/**
 * Reading a session file back: the playground's own JSON (any version up to SESSION_VERSION)
 * or a HAR with `_webSocketMessages` (ours, or one saved from Chrome's DevTools), with the
 * run's process messages when it has them (`messages`, a HAR's `_messages`). A file that is
 * neither, or is damaged, is refused with a message that says what is wrong.
 */
import type {
  ConnectionInfo,
  FrameKind,
  FrameRecord,
  MessageRecord,
} from '../shared/run-events.ts';
import {
  SESSION_FORMAT,
  SESSION_VERSION,
  type Session,
  type SessionConnection,
  type SessionFrame,
} from '../shared/session-format.ts';
import { framePreview } from '../runtime/frame-preview.ts';
import { SESSION_CAPS } from './frame-data.ts';
import { OPCODES, type HarWebSocketMessage } from './export-har.ts';
import { decodePayload } from './payload.ts';
import { checkMessages, droppedCount } from './import-messages.ts';
import {
  checkBase64,
  checkCaps,
  checkConnectionInfo,
  checkFrame,
  isObject,
  optionalNumber,
  optionalText,
  SessionImportError,
} from './session-schema.ts';

export { SessionImportError };

/** Largest session file read, in bytes (and characters of its text). */
export const MAX_SESSION_FILE_BYTES = 256 * 1024 * 1024;
const KIND_OF_OPCODE = new Map(
  Object.entries(OPCODES).map(([kind, op]) => [op, kind as FrameKind]),
);

export function parseSessionFile(text: string): Session {
  if (text.length > MAX_SESSION_FILE_BYTES) {
    throw new SessionImportError(`the file is larger than ${MAX_SESSION_FILE_BYTES} bytes`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    throw new SessionImportError(`not a JSON file: ${(e as Error).message}`);
  }
  if (isObject(parsed) && parsed.format === SESSION_FORMAT) return checkSession(parsed);
  if (isObject(parsed) && isObject(parsed.log) && Array.isArray(parsed.log.entries)) {
    return fromHar(parsed.log);
  }
  throw new SessionImportError('neither a playground session (JSON) nor a HAR file');
}

/** The records the inspector shows, with previews, from a parsed session. */
export function sessionRecords(session: Session): {
  startedAt: number;
  connections: ConnectionInfo[];
  frames: FrameRecord[];
  messages: MessageRecord[];
  messagesDropped: number;
} {
  const connections: ConnectionInfo[] = [];
  const frames: FrameRecord[] = [];
  for (const { frames: own, ...info } of session.connections) {
    connections.push(info);
    for (const frame of own) frames.push(frameRecord(info.id, frame));
  }
  frames.sort((a, b) => a.time - b.time);
  return {
    startedAt: session.startedAt,
    connections,
    frames,
    // Checked, bounded and in time order already (import-messages.ts).
    messages: session.messages,
    messagesDropped: session.messagesDropped,
  };
}

function frameRecord(connectionId: number, frame: SessionFrame): FrameRecord {
  const data =
    frame.data !== undefined ? decodePayload(frame.data, frame.encoding ?? 'utf8') : undefined;
  const record: FrameRecord = {
    connectionId,
    direction: frame.direction,
    kind: frame.type,
    size: frame.size,
    time: frame.time,
    preview:
      frame.type === 'close'
        ? `${frame.code ?? ''} ${data ? new TextDecoder().decode(data) : ''}`.trim()
        : data
          ? framePreview(frame.type, data)
          : '(payload not kept)',
  };
  if (data) record.data = data;
  if (frame.truncated) record.truncated = true;
  if (frame.code !== undefined) record.closeCode = frame.code;
  if (frame.composed === true) record.composed = true;
  return record;
}

function checkSession(raw: Record<string, unknown>): Session {
  const version = raw.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    throw new SessionImportError('the session has no valid "version"');
  }
  if (version > SESSION_VERSION) {
    throw new SessionImportError(
      `the session is of version ${version}, newer than this playground reads (${SESSION_VERSION})`,
    );
  }
  if (!Array.isArray(raw.connections)) throw new SessionImportError('"connections" is not a list');
  const connections = raw.connections.map((connection: unknown, i) => {
    const where = `connections[${i}]`;
    const info = checkConnectionInfo(connection, where);
    const frames = (connection as Record<string, unknown>).frames;
    if (!Array.isArray(frames)) throw new SessionImportError(`${where}.frames is not a list`);
    return {
      ...info,
      frames: frames.map((f: unknown, j) => checkFrame(f, `${where}.frames[${j}]`)),
    };
  });
  // Version 1 has none; the field is read whatever the version says.
  const messages = checkMessages(raw.messages, 'messages');
  return {
    format: SESSION_FORMAT,
    version,
    exportedAt: optionalText(raw, 'exportedAt', 'the session') ?? '',
    startedAt: optionalNumber(raw, 'startedAt', 'the session') ?? 0,
    caps: checkCaps(raw.caps, 'caps', SESSION_CAPS),
    framesDropped: optionalNumber(raw, 'framesDropped', 'the session') ?? 0,
    messagesDropped:
      droppedCount(optionalNumber(raw, 'messagesDropped', 'the session')) + messages.dropped,
    connections,
    messages: messages.messages,
  };
}

function fromHar(log: Record<string, unknown>): Session {
  const meta = isObject(log._luaPlayground) ? log._luaPlayground : {};
  const connections: SessionConnection[] = [];
  (log.entries as unknown[]).forEach((entry, i) => {
    if (!isObject(entry) || !Array.isArray(entry._webSocketMessages)) return;
    const info = isObject(entry._luaPlayground)
      ? checkConnectionInfo(
          { id: connections.length + 1, url: '', ...entry._luaPlayground },
          `entries[${i}]._luaPlayground`,
        )
      : harConnectionInfo(entry, connections.length + 1);
    const frames = entry._webSocketMessages.map((message, j) =>
      harFrame(message, `entries[${i}]._webSocketMessages[${j}]`),
    );
    connections.push({ ...info, frames });
  });
  // Ours also carries the run's process messages: a project run may have no connection.
  const messages = checkMessages(log._messages, 'log._messages');
  if (connections.length === 0 && messages.messages.length === 0) {
    throw new SessionImportError('the HAR file has no WebSocket entries (_webSocketMessages)');
  }
  return {
    format: SESSION_FORMAT,
    version: SESSION_VERSION,
    exportedAt: typeof meta.exportedAt === 'string' ? meta.exportedAt : '',
    startedAt: optionalNumber(meta, 'startedAt', 'log._luaPlayground') ?? 0,
    caps: checkCaps(meta.caps, 'log._luaPlayground.caps', SESSION_CAPS),
    framesDropped: optionalNumber(meta, 'framesDropped', 'log._luaPlayground') ?? 0,
    messagesDropped:
      droppedCount(optionalNumber(meta, 'messagesDropped', 'log._luaPlayground')) +
      messages.dropped,
    connections,
    messages: messages.messages,
  };
}

function harConnectionInfo(entry: Record<string, unknown>, id: number): ConnectionInfo {
  const request = isObject(entry.request) ? entry.request : {};
  const response = isObject(entry.response) ? entry.response : {};
  const url = typeof request.url === 'string' ? request.url : '';
  const responseHeaders = harHeaders(response.headers);
  return {
    id,
    url,
    routedUrl: url,
    state: 'closed',
    transport: 'none',
    transportWhy: 'imported from a HAR file',
    protocol: headerValue(responseHeaders, 'sec-websocket-protocol'),
    extensions: headerValue(responseHeaders, 'sec-websocket-extensions'),
    requestHeaders: harHeaders(request.headers),
    responseHeaders,
  };
}

function harFrame(raw: unknown, where: string): SessionFrame {
  if (!isObject(raw)) throw new SessionImportError(`${where} is not an object`);
  const message = raw as unknown as HarWebSocketMessage;
  const kind = KIND_OF_OPCODE.get(message.opcode);
  if (!kind) throw new SessionImportError(`${where}.opcode ${String(message.opcode)} is unknown`);
  if (message.type !== 'send' && message.type !== 'receive') {
    throw new SessionImportError(`${where}.type is neither "send" nor "receive"`);
  }
  if (!Number.isFinite(message.time) || typeof message.data !== 'string') {
    throw new SessionImportError(`${where} lacks a numeric time or a string data`);
  }
  const encoding = kind === 'text' || kind === 'close' ? 'utf8' : 'base64';
  if (encoding === 'base64') checkBase64(message.data, `${where}.data`);
  const bytes = decodePayload(message.data, encoding).length;
  const frame: SessionFrame = {
    direction: message.type === 'send' ? 'out' : 'in',
    type: kind,
    size: Number.isFinite(message._size) ? message._size! : bytes,
    time: Math.round(message.time * 1000 * 1000) / 1000,
  };
  const kept = !(message._truncated && bytes === 0);
  if (kept) Object.assign(frame, { data: message.data, encoding });
  if (message._truncated && kept) frame.truncated = true;
  if (Number.isFinite(message._code)) frame.code = message._code!;
  return frame;
}

function harHeaders(raw: unknown): Record<string, string> {
  const headers: Record<string, string> = {};
  if (!Array.isArray(raw)) return headers;
  for (const header of raw) {
    if (isObject(header) && typeof header.name === 'string' && typeof header.value === 'string') {
      headers[header.name] = header.value;
    }
  }
  return headers;
}

function headerValue(headers: Record<string, string>, name: string): string {
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() === name) return value;
  }
  return '';
}
