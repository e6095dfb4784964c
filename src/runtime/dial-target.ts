/**
 * What the dial itself refuses, as the platform's dialer does: after both policy checks, as a
 * connection failure (kind Internal, retryable), never as an argument error.
 *
 * - The scheme: coder/websocket (dial.go `handshakeRequest`) takes ws and wss, and http and
 *   https as ws and wss; anything else fails with `unexpected url scheme`.
 * - Header names and values that Go's HTTP transport refuses to send.
 * - Subprotocols that are no RFC 7230 token, or repeated: the platform sends them, but the
 *   WebSocket clients of the browser and of Node refuse them (docs/platform-differences.md, B8).
 *
 * The fragment is dropped (it never goes on the wire, there or here).
 */
import type { ConnectOptions } from './connect-options.ts';

export type DialTarget = { ok: true; url: URL } | { ok: false; error: string };

/** RFC 7230 `token`: what a header name or a subprotocol may be made of. */
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

const WS_SCHEMES: Record<string, string> = {
  'ws:': 'ws:',
  'wss:': 'wss:',
  'http:': 'ws:',
  'https:': 'wss:',
};

function schemeOf(url: string): string {
  return /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(url)?.[1]?.toLowerCase() ?? '';
}

/** The URL to dial, or why the dial fails (the message after "failed to dial websocket: "). */
export function dialTarget(url: string, options: ConnectOptions): DialTarget {
  const scheme = schemeOf(url);
  if (!WS_SCHEMES[`${scheme}:`]) {
    return { ok: false, error: `failed to WebSocket dial: unexpected url scheme: "${scheme}"` };
  }
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { ok: false, error: `failed to WebSocket dial: failed to parse url "${url}"` };
  }
  if (!parsed.hostname) {
    return { ok: false, error: `failed to WebSocket dial: no host in URL "${url}"` };
  }
  parsed.protocol = WS_SCHEMES[parsed.protocol]!;
  parsed.hash = '';
  const problem = headerProblem(options.headers) ?? protocolProblem(options.protocols);
  return problem
    ? { ok: false, error: `failed to WebSocket dial: ${problem}` }
    : { ok: true, url: parsed };
}

function hasControl(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09) || c === 0x7f) return true;
  }
  return false;
}

function hasBeyondLatin1(value: string): boolean {
  for (let i = 0; i < value.length; i++) if (value.charCodeAt(i) > 0xff) return true;
  return false;
}

/** Go's net/http wording (transport.go): it refuses these when writing the request. */
function headerProblem(headers: Record<string, string>): string | null {
  for (const [name, value] of Object.entries(headers)) {
    if (!TOKEN.test(name)) return `net/http: invalid header field name "${name}"`;
    // httpguts.ValidHeaderFieldValue: no control characters but tab.
    if (hasControl(value)) return `net/http: invalid header field value for "${name}"`;
    // Go sends the UTF-8 bytes; Node's HTTP client (the relay's, and the CLI's) refuses them.
    if (hasBeyondLatin1(value))
      return `header "${name}" has characters outside Latin-1, which the playground's HTTP clients cannot send`;
  }
  return null;
}

function protocolProblem(protocols: string[]): string | null {
  const seen = new Set<string>();
  for (const p of protocols) {
    if (!TOKEN.test(p) || seen.has(p))
      return `subprotocol ${JSON.stringify(p)} is ${seen.has(p) ? 'offered twice' : 'not a token (no spaces, commas or empty names)'}: the playground's WebSocket clients refuse it`;
    seen.add(p);
  }
  return null;
}
