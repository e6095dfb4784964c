/**
 * Turning a page's connect request into an upstream `ws` client, after every check: URL
 * scheme, host lists, headers, subprotocols. Also the plain-words messages for dial failures
 * ("dial tcp 127.0.0.1:9: connection refused", "handshake rejected: 401 Unauthorized"), in
 * the style the Lua module documents.
 */
import WebSocket from 'ws';
import type { ClientOptions } from 'ws';
import type { LookupFunction } from 'node:net';
import type { ConnectMessage } from '../../shared/relay-protocol.ts';
import type { RelayConfig } from './config.ts';
import { validateSubprotocols, validateUpstreamHeaders } from './headers.ts';
import { TargetDenied, checkTargetName, guardedLookup } from './target-check.ts';
import type { DeniedAddress } from './denied-names.ts';

/** ws hands unknown options on to http.request / net.connect, `lookup` included. */
type UpstreamOptions = ClientOptions & { lookup: LookupFunction };

export type DialPlan =
  | { ok: true; url: URL; options: UpstreamOptions; protocols: string[]; readLimit: number }
  /** `target`: refused by the host lists (a hosted relay tells the page less about those). */
  | { ok: false; error: string; target?: URL };

/** Validate the request and work out the ws client options; nothing touches the network. */
export function planDial(
  request: ConnectMessage,
  config: RelayConfig,
  /** What the names in the deny list resolve to (denied-names.ts). */
  deniedNames: readonly DeniedAddress[] = [],
): DialPlan {
  let url: URL;
  try {
    url = new URL(request.url);
  } catch {
    return { ok: false, error: `invalid URL "${request.url.slice(0, 200)}"` };
  }
  if (url.protocol !== 'ws:' && url.protocol !== 'wss:') {
    return {
      ok: false,
      error: `unsupported URL scheme "${url.protocol.slice(0, -1)}": only ws:// and wss:// are allowed`,
    };
  }
  if (url.hash) return { ok: false, error: 'a WebSocket URL must not have a fragment' };
  const port = Number(url.port || (url.protocol === 'wss:' ? 443 : 80));
  const verdict = checkTargetName(config.hosts, url.hostname, port, deniedNames);
  if (!verdict.ok)
    return { ok: false, error: `relay refused ${url.host}: ${verdict.error}`, target: url };
  const headerProblem = validateUpstreamHeaders(request.headers);
  if (headerProblem) return { ok: false, error: headerProblem };
  const protocolProblem = validateSubprotocols(request.protocols);
  if (protocolProblem) return { ok: false, error: protocolProblem };

  // 0 means "the maximum" in the Lua API; the relay's own cap always applies.
  const readLimit = Math.min(request.readLimit || config.maxMessageBytes, config.maxMessageBytes);
  const dialTimeout = Math.min(
    request.dialTimeoutMs || config.maxDialTimeoutMs,
    config.maxDialTimeoutMs,
  );
  const options: UpstreamOptions = {
    headers: request.headers,
    handshakeTimeout: dialTimeout,
    maxPayload: readLimit,
    perMessageDeflate: deflateOptions(request),
    followRedirects: false, // a redirect could lead past the host checks
    lookup: guardedLookup(config.hosts, verdict.nameAllowed, port, deniedNames),
    // Certificates are verified (Node's default); a hosted relay must not be talked out of it.
    rejectUnauthorized: true,
  };
  return { ok: true, url, options, protocols: request.protocols, readLimit };
}

/** RFC 7692: mode 1 keeps the sliding window between messages, mode 2 resets it per message. */
function deflateOptions(request: ConnectMessage): ClientOptions['perMessageDeflate'] {
  if (request.compression === 0) return false;
  const perMessage = request.compression === 2;
  return {
    clientNoContextTakeover: perMessage,
    serverNoContextTakeover: perMessage,
    threshold: request.compressionThreshold,
  };
}

export function createUpstream(plan: Extract<DialPlan, { ok: true }>): WebSocket {
  return new WebSocket(plan.url, plan.protocols, plan.options);
}

interface NodeError extends Error {
  code?: string;
  address?: string;
  port?: number;
  hostname?: string;
}

/** A dial error in plain words, naming the address like Go's net package does. */
export function describeDialError(err: unknown, url: URL): string {
  if (err instanceof TargetDenied) return `relay refused ${url.host}: ${err.message}`;
  const e = err as NodeError;
  const where = e.address
    ? `${e.address.includes(':') ? `[${e.address}]` : e.address}:${e.port ?? ''}`
    : url.host;
  switch (e.code) {
    case 'ECONNREFUSED':
      return `dial tcp ${where}: connection refused`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `dial tcp: lookup ${e.hostname ?? url.hostname}: no such host`;
    case 'ETIMEDOUT':
      return `dial tcp ${where}: i/o timeout`;
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return `dial tcp ${where}: no route to host`;
    case 'ECONNRESET':
      return `dial tcp ${where}: connection reset by peer`;
  }
  const message = e?.message ?? String(err);
  if (message === 'Opening handshake has timed out') return `dial ${url.host}: handshake timed out`;
  if (
    e.code?.startsWith('ERR_TLS') ||
    e.code?.includes('CERT') ||
    /certificate|ssl|tls/i.test(message)
  ) {
    return `tls: ${message}`;
  }
  return `dial ${url.host}: ${message}`;
}

/**
 * What a page is told when a dial fails, in a relay that keeps details to its log (hosted
 * mode): one message for every cause, so the relay is no port scanner ("connection refused"
 * vs "i/o timeout" vs "handshake rejected") and no DNS oracle ("x resolves to 10.0.0.7").
 */
export function genericDialError(url: URL): string {
  return `relay could not connect to ${url.host} (refused or unreachable; the relay's log has the cause)`;
}
