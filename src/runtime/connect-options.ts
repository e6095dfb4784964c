/**
 * Validation of `websocket.connect(url, options)`: every option of the contract table with its
 * default and range (spec: websocket-module.md). Pure: takes copied Lua values, returns either
 * the filled-in options or the INVALID message naming the cause.
 */
import { toDurationMs } from './duration.ts';
import { LuaTable, describeValue, type LuaValue } from './lua/values.ts';

export interface ConnectOptions {
  headers: Record<string, string>;
  protocols: string[];
  dialTimeoutMs: number;
  readTimeoutMs: number;
  writeTimeoutMs: number;
  compression: 0 | 1 | 2;
  compressionThreshold: number;
  readLimit: number;
  channelCapacity: number;
  /** Options the script set explicitly (the transport check needs to know). */
  explicit: Set<string>;
}

const MiB = 1024 * 1024;
export const MAX_READ_LIMIT = 128 * MiB;
export const MAX_COMPRESSION_THRESHOLD = 100 * MiB;

export const DEFAULT_OPTIONS: Omit<ConnectOptions, 'explicit'> = {
  headers: {},
  protocols: [],
  dialTimeoutMs: 30_000,
  readTimeoutMs: 0,
  writeTimeoutMs: 0,
  compression: 0,
  compressionThreshold: 0,
  readLimit: 32 * MiB,
  channelCapacity: 100,
};

/** Headers the WebSocket protocol itself owns (RFC 6455 section 4.1); a script may not set them. */
const PROTOCOL_HEADERS = new Set(['host', 'connection', 'upgrade', 'content-length']);
/** RFC 7230 `token`: what a header name or a subprotocol may be made of. */
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

export type Validated<T> = { ok: true; value: T } | { ok: false; error: string };

const fail = (error: string): { ok: false; error: string } => ({ ok: false, error });

export function validateUrl(url: string): Validated<URL> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return fail(`invalid URL "${url}"`);
  }
  if (parsed.protocol !== 'ws:' && parsed.protocol !== 'wss:') {
    return fail(
      `unsupported URL scheme "${parsed.protocol.slice(0, -1)}": only ws:// and wss:// are allowed`,
    );
  }
  if (parsed.hash) return fail(`a WebSocket URL must not have a fragment: "${url}"`);
  return { ok: true, value: parsed };
}

export function validateHeaderName(name: string): string | null {
  if (!TOKEN.test(name)) return `invalid header name "${name}"`;
  const lower = name.toLowerCase();
  if (PROTOCOL_HEADERS.has(lower) || lower.startsWith('sec-websocket-')) {
    return `header "${name}" is set by the WebSocket protocol and cannot be overridden`;
  }
  return null;
}

export function validateHeaderValue(name: string, value: string): string | null {
  if (/[\r\n\0]/.test(value)) return `header "${name}" must not contain CR, LF or NUL`;
  return null;
}

function readHeaders(value: LuaValue): Validated<Record<string, string>> {
  if (!(value instanceof LuaTable))
    return fail(`headers must be a table, got ${describeValue(value)}`);
  const headers: Record<string, string> = {};
  for (const [k, v] of value.entries) {
    if (typeof k !== 'string') return fail(`header names must be strings, got ${describeValue(k)}`);
    if (typeof v !== 'string')
      return fail(`header "${k}" must be a string, got ${describeValue(v)}`);
    const problem = validateHeaderName(k) ?? validateHeaderValue(k, v);
    if (problem) return fail(problem);
    headers[k] = v;
  }
  return { ok: true, value: headers };
}

function readProtocols(value: LuaValue): Validated<string[]> {
  const list = value instanceof LuaTable ? value.asArray() : null;
  if (!list) return fail(`protocols must be an array of strings, got ${describeValue(value)}`);
  const protocols: string[] = [];
  for (const p of list) {
    if (typeof p !== 'string') return fail(`protocols must be strings, got ${describeValue(p)}`);
    if (!TOKEN.test(p))
      return fail(
        `invalid subprotocol "${p}": it must be a non-empty token without spaces or commas`,
      );
    if (protocols.includes(p)) return fail(`subprotocol "${p}" is offered twice`);
    protocols.push(p);
  }
  return { ok: true, value: protocols };
}

function readInteger(value: LuaValue, name: string, min: number, max: number): Validated<number> {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    return fail(`${name} must be between ${min} and ${max}`);
  }
  return { ok: true, value };
}

function readDuration(value: LuaValue, name: string): Validated<number> {
  const d = toDurationMs(value, name);
  return d.ok ? { ok: true, value: d.ms } : fail(d.error);
}

type OptionReader = (value: LuaValue, into: ConnectOptions) => string | null;

function assign<T>(result: Validated<T>, set: (v: T) => void): string | null {
  if (!result.ok) return result.error;
  set(result.value);
  return null;
}

const READERS: Record<string, OptionReader> = {
  headers: (v, o) => assign(readHeaders(v), (h) => (o.headers = h)),
  protocols: (v, o) => assign(readProtocols(v), (p) => (o.protocols = p)),
  dial_timeout: (v, o) => assign(readDuration(v, 'dial_timeout'), (ms) => (o.dialTimeoutMs = ms)),
  read_timeout: (v, o) => assign(readDuration(v, 'read_timeout'), (ms) => (o.readTimeoutMs = ms)),
  write_timeout: (v, o) =>
    assign(readDuration(v, 'write_timeout'), (ms) => (o.writeTimeoutMs = ms)),
  compression: (v, o) =>
    assign(readInteger(v, 'compression', 0, 2), (c) => (o.compression = c as 0 | 1 | 2)),
  compression_threshold: (v, o) =>
    assign(
      readInteger(v, 'compression_threshold', 0, MAX_COMPRESSION_THRESHOLD),
      (n) => (o.compressionThreshold = n),
    ),
  read_limit: (v, o) =>
    assign(
      readInteger(v, 'read_limit', 0, MAX_READ_LIMIT),
      (n) => (o.readLimit = n || MAX_READ_LIMIT),
    ),
  channel_capacity: (v, o) =>
    assign(readInteger(v, 'channel_capacity', 1, 10_000), (n) => (o.channelCapacity = n)),
};

export const OPTION_NAMES = Object.keys(READERS);

/** Fill in and check the options table (nil = all defaults). */
export function validateConnectOptions(options: LuaValue): Validated<ConnectOptions> {
  const result: ConnectOptions = {
    ...DEFAULT_OPTIONS,
    headers: {},
    protocols: [],
    explicit: new Set(),
  };
  if (options === null) return { ok: true, value: result };
  if (!(options instanceof LuaTable))
    return fail(`options must be a table, got ${describeValue(options)}`);
  for (const [key, value] of options.entries) {
    const reader = typeof key === 'string' ? READERS[key] : undefined;
    if (!reader) {
      return fail(
        `unknown option ${JSON.stringify(String(key))} (known: ${OPTION_NAMES.join(', ')})`,
      );
    }
    const problem = reader(value, result);
    if (problem) return fail(problem);
    result.explicit.add(key as string);
  }
  return { ok: true, value: result };
}

/** `client:close(code, reason)` arguments (RFC 6455 section 7.4). */
export function validateClose(
  code: number,
  reason: Uint8Array,
  reasonIsUtf8: boolean,
): string | null {
  if (
    !Number.isInteger(code) ||
    code < 1000 ||
    code > 4999 ||
    [1004, 1005, 1006, 1015].includes(code)
  ) {
    return `close code ${code} is not allowed: use 1000-4999 except 1004, 1005, 1006 and 1015`;
  }
  // RFC 6455 section 7.4.2 keeps 1016-2999 for the protocol itself: no WebSocket library puts
  // them on the wire (ws and browsers refuse), so like 1005 they never go out.
  if (code >= 1016 && code <= 2999) {
    return `close code ${code} cannot be sent: 1016-2999 are reserved by the protocol and WebSocket libraries refuse them; use 1000-1014 or 3000-4999`;
  }
  if (reason.length > 123) return `close reason is ${reason.length} bytes; at most 123 are allowed`;
  if (!reasonIsUtf8) return 'close reason must be valid UTF-8';
  return null;
}
