/**
 * Parsing the relay protocol's JSON control messages (src/shared/relay-protocol.ts): both sides
 * treat the other as untrusted, and a bad message gives an error string, never an exception.
 */
import { MAX_CONTROL_BYTES } from './relay-protocol.ts';
import type {
  ConnectMessage,
  CloseMessage,
  PageMessage,
  OpenedMessage,
  RelayMessage,
} from './relay-protocol.ts';

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

const bad = (error: string): { ok: false; error: string } => ({ ok: false, error });

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isUint(v: unknown, max = Number.MAX_SAFE_INTEGER): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= max;
}

function parseJson(text: string): Parsed<Record<string, unknown>> {
  if (text.length > MAX_CONTROL_BYTES)
    return bad(`control message longer than ${MAX_CONTROL_BYTES} bytes`);
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return bad('control message is not valid JSON');
  }
  if (!isRecord(raw) || typeof raw.type !== 'string') return bad('control message has no "type"');
  return { ok: true, value: raw };
}

function parseClose(raw: Record<string, unknown>): Parsed<CloseMessage> {
  if (raw.code !== undefined && !isUint(raw.code, 65535))
    return bad('close code must be an integer 0..65535');
  if (raw.reason !== undefined && typeof raw.reason !== 'string')
    return bad('close reason must be a string');
  if (raw.drop !== undefined && raw.drop !== true) return bad('close "drop" must be true');
  const message: CloseMessage = { type: 'close' };
  if (raw.code !== undefined) message.code = raw.code;
  if (raw.reason !== undefined) message.reason = raw.reason;
  if (raw.drop) message.drop = true;
  return { ok: true, value: message };
}

function parseStringMap(v: unknown): Record<string, string> | null {
  if (!isRecord(v)) return null;
  const out: Record<string, string> = {};
  for (const [k, value] of Object.entries(v)) {
    if (typeof value !== 'string') return null;
    out[k] = value;
  }
  return out;
}

function parseConnect(raw: Record<string, unknown>): Parsed<ConnectMessage> {
  if (!isUint(raw.version)) return bad('connect: "version" must be a non-negative integer');
  if (typeof raw.url !== 'string') return bad('connect: "url" must be a string');
  const headers = raw.headers === undefined ? {} : parseStringMap(raw.headers);
  if (!headers) return bad('connect: "headers" must map strings to strings');
  const protocols = raw.protocols === undefined ? [] : raw.protocols;
  if (!Array.isArray(protocols) || !protocols.every((p) => typeof p === 'string')) {
    return bad('connect: "protocols" must be an array of strings');
  }
  const compression = raw.compression ?? 0;
  if (compression !== 0 && compression !== 1 && compression !== 2)
    return bad('connect: "compression" must be 0, 1 or 2');
  const dialTimeoutMs = raw.dialTimeoutMs ?? 0;
  const compressionThreshold = raw.compressionThreshold ?? 0;
  const readLimit = raw.readLimit ?? 0;
  if (!isUint(dialTimeoutMs)) return bad('connect: "dialTimeoutMs" must be a non-negative integer');
  if (!isUint(compressionThreshold))
    return bad('connect: "compressionThreshold" must be a non-negative integer');
  if (!isUint(readLimit)) return bad('connect: "readLimit" must be a non-negative integer');
  if (raw.window !== undefined && !isUint(raw.window))
    return bad('connect: "window" must be a non-negative integer');
  const message: ConnectMessage = {
    type: 'connect',
    version: raw.version,
    url: raw.url,
    headers,
    protocols: protocols as string[],
    dialTimeoutMs,
    compression,
    compressionThreshold,
    readLimit,
  };
  if (raw.window !== undefined) message.window = raw.window;
  return { ok: true, value: message };
}

/** Parse a text frame from the page (on the relay). */
export function parsePageMessage(text: string): Parsed<PageMessage> {
  const json = parseJson(text);
  if (!json.ok) return json;
  const raw = json.value;
  switch (raw.type) {
    case 'connect':
      return parseConnect(raw);
    case 'probe':
      return isUint(raw.version)
        ? { ok: true, value: { type: 'probe', version: raw.version } }
        : bad('probe: bad "version"');
    case 'ack':
      return isUint(raw.bytes)
        ? { ok: true, value: { type: 'ack', bytes: raw.bytes } }
        : bad('ack: "bytes" must be a non-negative integer');
    case 'close':
      return parseClose(raw);
    default:
      return bad(`unknown control message type ${JSON.stringify(raw.type).slice(0, 40)}`);
  }
}

function parseOpened(raw: Record<string, unknown>): Parsed<OpenedMessage> {
  if (typeof raw.protocol !== 'string' || typeof raw.extensions !== 'string' || !isUint(raw.window))
    return bad('opened: bad fields');
  const opened: OpenedMessage = {
    type: 'opened',
    protocol: raw.protocol,
    extensions: raw.extensions,
    window: raw.window,
  };
  if (raw.headers !== undefined) {
    const headers = parseStringMap(raw.headers);
    if (!headers) return bad('opened: "headers" must map strings to strings');
    opened.headers = headers;
  }
  return { ok: true, value: opened };
}

/** Parse a text frame from the relay (on the page). */
export function parseRelayMessage(text: string): Parsed<RelayMessage> {
  const json = parseJson(text);
  if (!json.ok) return json;
  const raw = json.value;
  switch (raw.type) {
    case 'opened':
      return parseOpened(raw);
    case 'failed':
      return typeof raw.message === 'string'
        ? { ok: true, value: { type: 'failed', message: raw.message } }
        : bad('failed: "message" must be a string');
    case 'probe':
      return isUint(raw.version)
        ? { ok: true, value: { type: 'probe', version: raw.version } }
        : bad('probe: bad "version"');
    case 'close':
      return parseClose(raw);
    default:
      return bad(`unknown control message type ${JSON.stringify(raw.type).slice(0, 40)}`);
  }
}
