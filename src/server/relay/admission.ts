/**
 * Who may open a relay connection, decided on the HTTP upgrade request before a WebSocket
 * exists: the token the served page was given (constant-time compare) and the page's Origin
 * (so another website in the same browser cannot use a local relay, even if it guessed the
 * port). Capacity is checked later, once a refusal can be told to the page in words.
 */
import type { IncomingMessage } from 'node:http';
import { RELAY_TOKEN_PARAM } from '../../shared/relay-protocol.ts';
import type { RelayConfig } from './config.ts';
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

export function admit(req: IncomingMessage, config: RelayConfig): Admission {
  const { params } = requestPath(req);
  if (!tokensEqual(params.get(RELAY_TOKEN_PARAM), config.token)) {
    return { ok: false, status: 401, message: 'relay: missing or wrong token' };
  }
  const origin = req.headers.origin;
  if (!originAllowed(origin, config)) {
    return {
      ok: false,
      status: 403,
      message: `relay: origin ${origin ?? '(none)'} is not allowed`,
    };
  }
  return { ok: true };
}
