/**
 * Who may open a relay connection, decided on the HTTP upgrade request before a WebSocket
 * exists: the token the served page was given (constant-time compare) and the page's Origin
 * (so another website in the same browser cannot use a local relay, even if it guessed the
 * port). Capacity is checked next, in relay-server.ts, also before anything is counted.
 *
 * The token is taken only as a subprotocol. A token in the query string is refused (400) even
 * when it is right: a URL lands in access logs and proxies' records, and a relay that took it
 * would invite clients to keep sending it there (audit item I3).
 */
import type { IncomingMessage } from 'node:http';
import {
  RELAY_SUBPROTOCOL,
  RELAY_TOKEN_PARAM,
  RELAY_TOKEN_PROTOCOL_PREFIX,
} from '../../shared/relay-protocol.ts';
import type { RelayConfig } from './config.ts';
import { logValue } from './log-text.ts';
import { tokensEqual } from './token.ts';

export type Admission = { ok: true } | { ok: false; status: number; message: string };

export function requestPath(req: IncomingMessage): { pathname: string; params: URLSearchParams } {
  try {
    const url = new URL(req.url ?? '/', 'http://relay.invalid');
    return { pathname: url.pathname, params: url.searchParams };
  } catch {
    return { pathname: '', params: new URLSearchParams() };
  }
}

export function originAllowed(origin: string | undefined, config: RelayConfig): boolean {
  if (origin === undefined) return config.allowMissingOrigin;
  if (config.allowedOrigins === '*') return true;
  return config.allowedOrigins.includes(origin.toLowerCase().replace(/\/$/, ''));
}

/** The token a page offered as a subprotocol (`lua-relay-token.<base64url>`), or null. */
export function offeredToken(req: IncomingMessage): string | null {
  const header = req.headers['sec-websocket-protocol'];
  if (typeof header !== 'string') return null;
  for (const entry of header.split(',')) {
    const p = entry.trim();
    if (p.startsWith(RELAY_TOKEN_PROTOCOL_PREFIX))
      return Buffer.from(p.slice(RELAY_TOKEN_PROTOCOL_PREFIX.length), 'base64url').toString();
  }
  return null;
}

export function admit(req: IncomingMessage, config: RelayConfig): Admission {
  if (requestPath(req).params.has(RELAY_TOKEN_PARAM)) {
    return {
      ok: false,
      status: 400,
      message:
        `relay: a token in the URL (?${RELAY_TOKEN_PARAM}=) is not accepted, it would end up in logs; ` +
        `offer it as the WebSocket subprotocol "${RELAY_TOKEN_PROTOCOL_PREFIX}<base64url of the token>" ` +
        `next to "${RELAY_SUBPROTOCOL}" (Sec-WebSocket-Protocol), as the playground's page does`,
    };
  }
  if (!tokensEqual(offeredToken(req), config.token)) {
    return { ok: false, status: 401, message: 'relay: missing or wrong token' };
  }
  const origin = req.headers.origin;
  if (!originAllowed(origin, config)) {
    return {
      ok: false,
      status: 403,
      message: `relay: origin ${origin === undefined ? '(none)' : logValue(origin)} is not allowed`,
    };
  }
  return { ok: true };
}
