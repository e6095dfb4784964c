/**
 * Relay configuration: every field with its default, filled in once (STYLE habit 9), and the
 * RELAY_* environment variables that set them, parsed with an error naming the variable.
 * docs/relay.md documents the same table for operators.
 */
import { generateToken } from './token.ts';
import { parseHostPattern } from './hosts.ts';
import type { HostPattern } from './hosts.ts';
import type { HostRules } from './target-check.ts';
import { RELAY_PATH } from '../../shared/relay-protocol.ts';

const MiB = 1024 * 1024;

export type RelayMode = 'local' | 'hosted';

export interface RelayConfig {
  /** [mode='local'] 'hosted' refuses non-public target addresses and requires an Origin. */
  mode: RelayMode;
  /** The per-start secret the served page offers as a subprotocol; random unless RELAY_TOKEN. */
  token: string;
  /** Origins whose pages may use the relay, e.g. "http://127.0.0.1:5173"; '*' = any. */
  allowedOrigins: string[] | '*';
  /**
   * [allowMissingOrigin = mode === 'local'] Accept a request without an Origin header. Browsers
   * always send one, so a missing Origin means a non-browser client, which could send any
   * Origin it likes anyway; the token still applies.
   */
  allowMissingOrigin: boolean;
  /** Which targets may be dialed; see hosts.ts for the pattern syntax. */
  hosts: HostRules;
  /** [64 local, 16 hosted] Open relay connections per client (address; IPv6: its /64). */
  maxConnectionsPerClient: number;
  /** [1024 local, 256 hosted] Open relay connections in all. */
  maxTotalConnections: number;
  /** [128 MiB local, 1 MiB hosted] Largest message in either direction. */
  maxMessageBytes: number;
  /**
   * [1 GiB local, 256 MiB hosted] Bytes all sessions together may hold for peers that have not
   * taken them yet (memory-budget.ts); a session that would pass it is closed with 1008, and
   * new sessions are refused while it is used up.
   */
  maxMemoryBytes: number;
  /**
   * [true local, false hosted] Tell the page why a target was refused or a dial failed. Off,
   * the page gets one generic message and the cause goes to the relay's log only.
   */
  detailedErrors: boolean;
  /** [30 min local, 5 min hosted] Close a connection with no message either way for this long; 0 = never. */
  idleTimeoutMs: number;
  /** [30 s] Upper bound on connect + handshake; a page asking for more (or 0) gets this. */
  maxDialTimeoutMs: number;
  /** [10 s] Time a page has to send its first message after the relay accepted its socket. */
  helloTimeoutMs: number;
  /** ['/relay'] Path the relay answers on. */
  path: string;
}

/** The defaults for a mode, given the origins of the page that is served alongside. */
export function defaultRelayConfig(mode: RelayMode, servingOrigins: string[] = []): RelayConfig {
  const hosted = mode === 'hosted';
  return {
    mode,
    token: generateToken(),
    allowedOrigins: servingOrigins,
    allowMissingOrigin: !hosted,
    hosts: { mode, allow: [parseHostPattern('*') as HostPattern], deny: [] },
    maxConnectionsPerClient: hosted ? 16 : 64,
    maxTotalConnections: hosted ? 256 : 1024,
    maxMessageBytes: hosted ? 1 * MiB : 128 * MiB,
    maxMemoryBytes: hosted ? 256 * MiB : 1024 * MiB,
    detailedErrors: !hosted,
    idleTimeoutMs: hosted ? 5 * 60_000 : 30 * 60_000,
    maxDialTimeoutMs: 30_000,
    helloTimeoutMs: 10_000,
    path: RELAY_PATH,
  };
}

/** All problems of an environment at once, one per line. */
export class RelayConfigError extends Error {
  override name = 'RelayConfigError';
  constructor(readonly problems: string[]) {
    super(`invalid relay configuration:\n  ${problems.join('\n  ')}`);
  }
}

type Env = Record<string, string | undefined>;

function readInt(
  env: Env,
  name: string,
  min: number,
  max: number,
  problems: string[],
): number | undefined {
  const text = env[name]?.trim();
  if (text === undefined || text === '') return undefined;
  const value = Number(text);
  if (!/^\d+$/.test(text) || value < min || value > max) {
    problems.push(`${name} must be an integer between ${min} and ${max}, got "${text}"`);
    return undefined;
  }
  return value;
}

function readBool(env: Env, name: string, problems: string[]): boolean | undefined {
  const text = env[name]?.trim().toLowerCase();
  if (text === undefined || text === '') return undefined;
  if (['1', 'true', 'yes', 'on'].includes(text)) return true;
  if (['0', 'false', 'no', 'off'].includes(text)) return false;
  problems.push(`${name} must be true or false (1/0), got "${env[name]}"`);
  return undefined;
}

function list(text: string | undefined): string[] | undefined {
  if (text === undefined || text.trim() === '') return undefined;
  return text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

function readPatterns(env: Env, name: string, problems: string[]): HostPattern[] | undefined {
  const entries = list(env[name]);
  if (!entries) return undefined;
  const patterns: HostPattern[] = [];
  for (const entry of entries) {
    const p = parseHostPattern(entry);
    if (typeof p === 'string') problems.push(`${name}: ${p}`);
    else patterns.push(p);
  }
  return patterns;
}

/** "http://localhost:5173" as an origin, or null when it is not one (no path, query, …). */
export function normalizeOrigin(text: string): string | null {
  try {
    const url = new URL(text);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    if (url.pathname !== '/' || url.search || url.hash || url.username || url.password) return null;
    return url.origin;
  } catch {
    return null;
  }
}

function readOrigins(env: Env, problems: string[]): string[] | '*' | undefined {
  const entries = list(env.RELAY_ALLOWED_ORIGINS);
  if (!entries) return undefined;
  if (entries.length === 1 && entries[0] === '*') return '*';
  const origins: string[] = [];
  for (const entry of entries) {
    const origin = normalizeOrigin(entry);
    if (origin) origins.push(origin);
    else
      problems.push(
        `RELAY_ALLOWED_ORIGINS: "${entry}" is not an origin like http://localhost:5173`,
      );
  }
  return origins;
}

/**
 * Read the RELAY_* variables over the defaults of their mode. Throws RelayConfigError listing
 * every problem. `servingOrigins` are the origins allowed when RELAY_ALLOWED_ORIGINS is unset.
 */
export function parseRelayEnv(env: Env, servingOrigins: string[] = []): RelayConfig {
  const problems: string[] = [];
  const modeText = env.RELAY_MODE?.trim().toLowerCase() || 'local';
  if (modeText !== 'local' && modeText !== 'hosted')
    problems.push(`RELAY_MODE must be "local" or "hosted", got "${env.RELAY_MODE}"`);
  const mode: RelayMode = modeText === 'hosted' ? 'hosted' : 'local';
  const config = defaultRelayConfig(mode, servingOrigins);

  const token = env.RELAY_TOKEN?.trim();
  if (token !== undefined && token !== '') {
    if (token.length < 16 || !/^[\x21-\x7e]+$/.test(token)) {
      problems.push('RELAY_TOKEN must be at least 16 printable ASCII characters without spaces');
    } else config.token = token;
  }
  config.allowedOrigins = readOrigins(env, problems) ?? config.allowedOrigins;
  const requireOrigin = readBool(env, 'RELAY_REQUIRE_ORIGIN', problems);
  if (requireOrigin !== undefined) config.allowMissingOrigin = !requireOrigin;
  config.hosts.allow = readPatterns(env, 'RELAY_ALLOW_HOSTS', problems) ?? config.hosts.allow;
  config.hosts.deny = readPatterns(env, 'RELAY_DENY_HOSTS', problems) ?? config.hosts.deny;
  config.maxConnectionsPerClient =
    readInt(env, 'RELAY_MAX_CONNECTIONS', 1, 100_000, problems) ?? config.maxConnectionsPerClient;
  config.maxTotalConnections =
    readInt(env, 'RELAY_MAX_TOTAL_CONNECTIONS', 1, 1_000_000, problems) ??
    config.maxTotalConnections;
  config.maxMessageBytes =
    readInt(env, 'RELAY_MAX_MESSAGE_BYTES', 1024, 1024 * MiB, problems) ?? config.maxMessageBytes;
  config.maxMemoryBytes =
    readInt(env, 'RELAY_MAX_MEMORY_BYTES', MiB, 1024 * 1024 * MiB, problems) ??
    config.maxMemoryBytes;
  config.detailedErrors = readBool(env, 'RELAY_DETAILED_ERRORS', problems) ?? config.detailedErrors;
  config.idleTimeoutMs =
    readInt(env, 'RELAY_IDLE_TIMEOUT_MS', 0, 7 * 24 * 3_600_000, problems) ?? config.idleTimeoutMs;
  config.maxDialTimeoutMs =
    readInt(env, 'RELAY_DIAL_TIMEOUT_MS', 100, 600_000, problems) ?? config.maxDialTimeoutMs;
  const path = env.RELAY_PATH?.trim();
  if (path) {
    if (!/^\/[A-Za-z0-9._~\-/]*$/.test(path))
      problems.push(`RELAY_PATH must be a path like /relay, got "${path}"`);
    else config.path = path;
  }
  if (mode === 'hosted' && config.allowedOrigins !== '*' && config.allowedOrigins.length === 0) {
    problems.push(
      'RELAY_ALLOWED_ORIGINS is required in hosted mode (the origins of the pages that use the relay)',
    );
  }
  if (mode === 'hosted' && !list(env.RELAY_ALLOW_HOSTS)) {
    // An open proxy to the whole internet is a choice to make on purpose ("*"), not a default.
    problems.push(
      'RELAY_ALLOW_HOSTS is required in hosted mode (the hosts its pages may reach, e.g. echo.example.org:443; "*" for any public host)',
    );
  }
  if (problems.length) throw new RelayConfigError(problems);
  return config;
}

/** Where a standalone relay listens (RELAY_HOST, RELAY_PORT). */
export function parseListenEnv(
  env: Env,
  defaults: { host: string; port: number },
): { host: string; port: number } {
  const problems: string[] = [];
  const port = readInt(env, 'RELAY_PORT', 0, 65535, problems) ?? defaults.port;
  const host = env.RELAY_HOST?.trim() || defaults.host;
  if (problems.length) throw new RelayConfigError(problems);
  return { host, port };
}
