/**
 * The options of `websocket.connect(url, options)`, read as the platform reads them
 * (wippyai/runtime `runtime/lua/modules/websocket/module.go:165-249`): leniently. A wrong type,
 * an out-of-range number or an unknown key is ignored and the default stays; unlike the
 * platform, every such case is also reported as a warning (lenient, never silent). Pure: takes
 * copied Lua values, returns the filled-in options and the warnings.
 *
 * Where the documented contract and the platform's code disagree, the contract wins
 * (docs/platform-differences.md): numbers are milliseconds, integers included (module.go:36
 * misses LInteger), and `write_timeout` is applied.
 */
import { parseGoDuration } from './duration.ts';
import { LuaTable, describeValue, type LuaValue } from './lua/values.ts';

export interface ConnectOptions {
  headers: Record<string, string>;
  protocols: string[];
  /** 0 = no overall deadline (the platform sets one only when > 0, dispatcher.go:154). */
  dialTimeoutMs: number;
  readTimeoutMs: number;
  writeTimeoutMs: number;
  compression: 0 | 1 | 2;
  compressionThreshold: number;
  readLimit: number;
  channelCapacity: number;
  /** Options the script set and that took effect (the transport check needs to know). */
  explicit: Set<string>;
}

export interface ParsedOptions {
  options: ConnectOptions;
  /** One line per ignored or replaced value, for `warn`. */
  warnings: string[];
}

const MiB = 1024 * 1024;
export const MAX_READ_LIMIT = 128 * MiB;
export const MAX_COMPRESSION_THRESHOLD = 100 * MiB;
/** dispatcher.go:21 `DefaultReadLimit`; also what 0 means (dispatcher.go:172-176). */
export const DEFAULT_READ_LIMIT = 16 * MiB;

export const DEFAULT_OPTIONS: Omit<ConnectOptions, 'explicit'> = {
  headers: {},
  protocols: [],
  dialTimeoutMs: 0,
  readTimeoutMs: 0,
  writeTimeoutMs: 0,
  compression: 0,
  compressionThreshold: 0,
  readLimit: DEFAULT_READ_LIMIT,
  // The receive channel's size, as documented ("Receive channel buffer"), and 32 as the
  // platform's Lua channel (yields.go:91); here the socket pauses while it is full (B17).
  channelCapacity: 32,
};

/**
 * Headers the handshake owns: net/http ignores Host, Content-Length, Transfer-Encoding and
 * Trailer from a header map, and coder/websocket overwrites Connection, Upgrade and the
 * Sec-WebSocket-* headers (its dial.go handshakeRequest). Ignored here too, with a warning.
 */
const HANDSHAKE_HEADERS = new Set([
  'host',
  'content-length',
  'transfer-encoding',
  'trailer',
  'connection',
  'upgrade',
]);
/** Hop-by-hop headers: the platform sends them; no browser lets a page set them, nor the relay. */
const HOP_BY_HOP_HEADERS = new Set(['te', 'keep-alive', 'proxy-connection']);

const COMPRESSION_NAMES: Record<string, 0 | 1 | 2> = {
  disabled: 0,
  context_takeover: 1,
  no_context_takeover: 2,
};

type Reader = (value: LuaValue, into: ConnectOptions, warn: (message: string) => void) => boolean;

/** A value as the script would write it (numbers as Lua prints them). */
function show(v: LuaValue): string {
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v === 'number' && !Number.isFinite(v)) {
    return Number.isNaN(v) ? 'nan' : v > 0 ? 'inf' : '-inf';
  }
  return v instanceof LuaTable ? 'table' : String(v);
}
const ignored = (name: string, v: LuaValue, why: string) =>
  `websocket.connect: option ${name} = ${v instanceof LuaTable ? 'table' : show(v)} ignored (${why}); the default stays, as on the platform`;

/** module.go:45-51 `safeInt`: in range, then truncated toward zero. */
function readInteger(
  name: string,
  v: LuaValue,
  min: number,
  max: number,
  warn: (m: string) => void,
): number | undefined {
  if (typeof v !== 'number') {
    warn(ignored(name, v, `a number is expected, got ${describeValue(v)}`));
    return undefined;
  }
  if (!(v >= min && v <= max)) {
    warn(ignored(name, v, `out of range ${min}..${max}`));
    return undefined;
  }
  const n = Math.trunc(v);
  if (n !== v)
    warn(`websocket.connect: option ${name} = ${v} is truncated to ${n}, as on the platform`);
  return n;
}

/** module.go:28-41 `parseDuration`: a number of ms or a Go duration string. */
function readDuration(name: string, v: LuaValue, warn: (m: string) => void): number | undefined {
  let ms: number;
  if (typeof v === 'string') {
    const parsed = parseGoDuration(v);
    if (!parsed.ok) {
      warn(ignored(name, v, `not a Go duration such as "5s" or "250ms"`));
      return undefined;
    }
    ms = parsed.ms;
  } else if (typeof v === 'number') {
    if (!Number.isFinite(v)) {
      warn(ignored(name, v, 'not a finite number of milliseconds'));
      return undefined;
    }
    // time.Duration(v) * time.Millisecond: whole milliseconds.
    ms = Math.trunc(v);
    if (ms !== v)
      warn(`websocket.connect: option ${name} = ${v} is truncated to ${ms} ms, as on the platform`);
  } else {
    warn(
      ignored(name, v, `a number of ms or a duration string is expected, got ${describeValue(v)}`),
    );
    return undefined;
  }
  if (ms < 0) {
    warn(
      `websocket.connect: option ${name} = ${show(v)} is negative, which means no timeout, as on the platform`,
    );
    return 0;
  }
  return ms;
}

function readHeaders(v: LuaValue, o: ConnectOptions, warn: (m: string) => void): boolean {
  if (!(v instanceof LuaTable)) {
    warn(ignored('headers', v, `a table is expected, got ${describeValue(v)}`));
    return false;
  }
  for (const [name, value] of v.entries) {
    if (typeof name !== 'string' || typeof value !== 'string') {
      warn(
        `websocket.connect: header [${show(name as LuaValue)}] = ${value instanceof LuaTable ? 'table' : show(value)} skipped (names and values must be strings), as on the platform`,
      );
      continue;
    }
    const lower = name.toLowerCase();
    if (HOP_BY_HOP_HEADERS.has(lower)) {
      warn(
        `websocket.connect: header "${name}" ignored: browsers and the relay do not let a script set hop-by-hop headers (the platform sends it)`,
      );
      continue;
    }
    if (HANDSHAKE_HEADERS.has(lower) || lower.startsWith('sec-websocket-')) {
      warn(
        `websocket.connect: header "${name}" ignored: the WebSocket handshake sets it, as on the platform`,
      );
      continue;
    }
    // http.Header.Set (dispatcher.go:131-136): names are case-insensitive, one value each.
    const same = Object.keys(o.headers).find((k) => k.toLowerCase() === lower);
    if (same !== undefined) {
      warn(
        `websocket.connect: header "${name}" given twice (as "${same}" too): one value is kept, as on the platform`,
      );
      delete o.headers[same];
    }
    o.headers[name] = value;
  }
  return true;
}

function readProtocols(v: LuaValue, o: ConnectOptions, warn: (m: string) => void): boolean {
  if (!(v instanceof LuaTable)) {
    warn(ignored('protocols', v, `a table is expected, got ${describeValue(v)}`));
    return false;
  }
  // module.go:179-185: every string value, whatever its key, in go-lua's ForEach order (the
  // sequence 1..n first, then the other keys).
  for (const p of sequenceFirst(v)) {
    if (typeof p === 'string') o.protocols.push(p);
    else
      warn(
        `websocket.connect: protocol ${p instanceof LuaTable ? 'table' : show(p)} skipped (not a string), as on the platform`,
      );
  }
  return true;
}

/** The values of `t`: t[1], t[2], … while present, then the rest in table order. */
function sequenceFirst(t: LuaTable): LuaValue[] {
  const byIndex = new Map<number, LuaValue>();
  for (const [k, v] of t.entries) if (typeof k === 'number') byIndex.set(k, v);
  const values: LuaValue[] = [];
  const taken = new Set<number>();
  for (let i = 1; byIndex.has(i); i++) {
    values.push(byIndex.get(i)!);
    taken.add(i);
  }
  for (const [k, v] of t.entries) if (!(typeof k === 'number' && taken.has(k))) values.push(v);
  return values;
}

function readCompression(v: LuaValue, o: ConnectOptions, warn: (m: string) => void): boolean {
  if (typeof v === 'string') {
    const mode = COMPRESSION_NAMES[v];
    if (mode === undefined) {
      warn(
        ignored('compression', v, 'use "disabled", "context_takeover" or "no_context_takeover"'),
      );
      return false;
    }
    o.compression = mode;
    return true;
  }
  const n = readInteger('compression', v, 0, 2, warn);
  if (n === undefined) return false;
  o.compression = n as 0 | 1 | 2;
  return true;
}

const READERS: Record<string, Reader> = {
  headers: readHeaders,
  protocols: readProtocols,
  dial_timeout: (v, o, w) =>
    set(readDuration('dial_timeout', v, w), (ms) => (o.dialTimeoutMs = ms)),
  read_timeout: (v, o, w) =>
    set(readDuration('read_timeout', v, w), (ms) => (o.readTimeoutMs = ms)),
  write_timeout: (v, o, w) =>
    set(readDuration('write_timeout', v, w), (ms) => (o.writeTimeoutMs = ms)),
  compression: readCompression,
  compression_threshold: (v, o, w) =>
    set(
      readInteger('compression_threshold', v, 0, MAX_COMPRESSION_THRESHOLD, w),
      (n) => (o.compressionThreshold = n),
    ),
  read_limit: (v, o, w) =>
    set(readInteger('read_limit', v, 0, MAX_READ_LIMIT, w), (n) => {
      o.readLimit = n || DEFAULT_READ_LIMIT;
    }),
  channel_capacity: (v, o, w) =>
    set(readInteger('channel_capacity', v, 1, 10_000, w), (n) => (o.channelCapacity = n)),
};

function set(value: number | undefined, apply: (n: number) => void): boolean {
  if (value === undefined) return false;
  apply(value);
  return true;
}

export const OPTION_NAMES = Object.keys(READERS);

/** Read the options table (null = all defaults); never fails. */
export function parseConnectOptions(table: LuaTable | null): ParsedOptions {
  const options: ConnectOptions = {
    ...DEFAULT_OPTIONS,
    headers: {},
    protocols: [],
    explicit: new Set(),
  };
  const warnings: string[] = [];
  const warn = (message: string) => warnings.push(message);
  for (const [key, value] of table?.entries ?? []) {
    const reader = typeof key === 'string' ? READERS[key] : undefined;
    if (!reader) {
      warn(
        `websocket.connect: unknown option ${show(key as LuaValue)} ignored, as on the platform (known: ${OPTION_NAMES.join(', ')})`,
      );
      continue;
    }
    if (reader(value, options, warn)) options.explicit.add(key as string);
  }
  return { options, warnings };
}
