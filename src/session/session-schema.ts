/**
 * The schema check of an imported session (audit 2, L2): every field of a connection and of a
 * frame is checked for its type, every base64 payload for its encoding, and the objects the
 * inspector gets are rebuilt from the known fields only, so nothing of the wrong shape reaches
 * React (an object where a number was expected blanked the whole page). The first bad field is
 * named by its path (`connections[2].closeCode is not a number`). Linear in the file.
 */
import type {
  ConnectionInfo,
  ConnectionState,
  FrameKind,
  MessageKind,
} from '../shared/run-events.ts';
import type { SessionCaps, SessionFrame, SessionMessage } from '../shared/session-format.ts';

export class SessionImportError extends Error {}

type Raw = Record<string, unknown>;

const STATES: readonly ConnectionState[] = [
  'connecting',
  'open',
  'closing',
  'closed',
  'failed',
  'denied',
];
const TRANSPORTS: readonly ConnectionInfo['transport'][] = ['direct', 'relay', 'none'];
const KINDS: readonly FrameKind[] = ['text', 'binary', 'ping', 'pong', 'close'];
const MESSAGE_KINDS: readonly MessageKind[] = ['send', 'exit', 'link-down', 'cancel', 'terminate'];
/** Canonical padded base64, what `btoa` writes; linear (no two ways to match a character). */
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

export function isObject(value: unknown): value is Raw {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function bad(where: string, what: string): never {
  throw new SessionImportError(`${where} ${what}`);
}

function text(raw: Raw, key: string, where: string): string | undefined {
  const value = raw[key];
  if (value === undefined) return undefined;
  return typeof value === 'string' ? value : bad(`${where}.${key}`, 'is not a string');
}

function number(raw: Raw, key: string, where: string): number | undefined {
  const value = raw[key];
  if (value === undefined) return undefined;
  return typeof value === 'number' && Number.isFinite(value)
    ? value
    : bad(`${where}.${key}`, 'is not a number');
}

function oneOf<T extends string>(
  raw: Raw,
  key: string,
  where: string,
  allowed: readonly T[],
): T | undefined {
  const value = raw[key];
  if (value === undefined) return undefined;
  return (allowed as readonly unknown[]).includes(value)
    ? (value as T)
    : bad(`${where}.${key}`, `is none of ${allowed.join(', ')}`);
}

function headers(raw: Raw, key: string, where: string): Record<string, string> | undefined {
  const value = raw[key];
  if (value === undefined) return undefined;
  if (!isObject(value)) bad(`${where}.${key}`, 'is not an object of header names to values');
  // A map without a prototype: a header named __proto__ stays a header.
  const out = Object.create(null) as Record<string, string>;
  for (const [name, v] of Object.entries(value)) {
    out[name] =
      typeof v === 'string'
        ? v
        : bad(`${where}.${key}[${JSON.stringify(name)}]`, 'is not a string');
  }
  return out;
}

/** A connection's fields (everything but its frames), rebuilt; `id` and `url` are required. */
export function checkConnectionInfo(raw: unknown, where: string): ConnectionInfo {
  if (!isObject(raw)) bad(where, 'is not an object');
  const id = number(raw, 'id', where) ?? bad(`${where}.id`, 'is not a number');
  const url = text(raw, 'url', where) ?? bad(`${where}.url`, 'is not a string');
  const info: ConnectionInfo = {
    id,
    url,
    routedUrl: text(raw, 'routedUrl', where) ?? url,
    state: oneOf(raw, 'state', where, STATES) ?? 'closed',
    transport: oneOf(raw, 'transport', where, TRANSPORTS) ?? 'none',
    transportWhy: text(raw, 'transportWhy', where) ?? '',
    protocol: text(raw, 'protocol', where) ?? '',
    extensions: text(raw, 'extensions', where) ?? '',
  };
  const closeCode = number(raw, 'closeCode', where);
  if (closeCode !== undefined) info.closeCode = closeCode;
  const closeReason = text(raw, 'closeReason', where);
  if (closeReason !== undefined) info.closeReason = closeReason;
  const error = text(raw, 'error', where);
  if (error !== undefined) info.error = error;
  const requestHeaders = headers(raw, 'requestHeaders', where);
  if (requestHeaders) info.requestHeaders = requestHeaders;
  const responseHeaders = headers(raw, 'responseHeaders', where);
  if (responseHeaders) info.responseHeaders = responseHeaders;
  return info;
}

/** A frame of the playground's JSON, rebuilt; a base64 payload must decode. */
export function checkFrame(raw: unknown, where: string): SessionFrame {
  if (!isObject(raw)) bad(where, 'is not an object');
  const frame: SessionFrame = {
    direction:
      oneOf(raw, 'direction', where, ['in', 'out']) ?? bad(`${where}.direction`, 'is missing'),
    type: oneOf(raw, 'type', where, KINDS) ?? bad(`${where}.type`, 'is missing'),
    size: number(raw, 'size', where) ?? bad(`${where}.size`, 'is not a number'),
    time: number(raw, 'time', where) ?? bad(`${where}.time`, 'is not a number'),
  };
  const data = text(raw, 'data', where);
  if (data !== undefined) {
    const encoding =
      oneOf(raw, 'encoding', where, ['utf8', 'base64']) ?? bad(`${where}.encoding`, 'is missing');
    if (encoding === 'base64') checkBase64(data, `${where}.data`);
    frame.data = data;
    frame.encoding = encoding;
  }
  if (raw.truncated !== undefined) {
    if (typeof raw.truncated !== 'boolean') bad(`${where}.truncated`, 'is not true or false');
    if (raw.truncated) frame.truncated = true;
  }
  const code = number(raw, 'code', where);
  if (code !== undefined) frame.code = code;
  return frame;
}

/**
 * A process message (version 2 on), rebuilt; `kind`, `to` and `time` are required. Its texts
 * are taken as they are: import-messages.ts bounds their length.
 */
export function checkMessage(raw: unknown, where: string): SessionMessage {
  if (!isObject(raw)) bad(where, 'is not an object');
  const message: SessionMessage = {
    kind: oneOf(raw, 'kind', where, MESSAGE_KINDS) ?? bad(`${where}.kind`, 'is missing'),
    from: text(raw, 'from', where) ?? '',
    to: text(raw, 'to', where) ?? bad(`${where}.to`, 'is not a string'),
    topic: text(raw, 'topic', where) ?? '',
    preview: text(raw, 'preview', where) ?? '',
    time: number(raw, 'time', where) ?? bad(`${where}.time`, 'is not a number'),
  };
  const payload = text(raw, 'payload', where);
  if (payload !== undefined) message.payload = payload;
  if (raw.payloadCut !== undefined) {
    if (typeof raw.payloadCut !== 'boolean') bad(`${where}.payloadCut`, 'is not true or false');
    if (raw.payloadCut && payload !== undefined) message.payloadCut = true;
  }
  return message;
}

export function checkBase64(data: string, where: string): void {
  if (!BASE64.test(data)) bad(where, 'is not base64');
}

/** The caps a file says it was kept under; absent fields take `fallback`'s. */
export function checkCaps(raw: unknown, where: string, fallback: SessionCaps): SessionCaps {
  if (raw === undefined) return fallback;
  if (!isObject(raw)) bad(where, 'is not an object');
  return {
    frames: number(raw, 'frames', where) ?? fallback.frames,
    frameDataBytes: number(raw, 'frameDataBytes', where) ?? fallback.frameDataBytes,
    runDataBytes: number(raw, 'runDataBytes', where) ?? fallback.runDataBytes,
  };
}

export { number as optionalNumber, text as optionalText };
