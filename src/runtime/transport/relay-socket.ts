/**
 * How the relay client reaches the relay: a WebSocket constructor passed in (STYLE habit 7),
 * the browser's own in the worker, the `ws` package's in Node. The type is the DOM's, which
 * both satisfy at runtime; Node callers cast `ws`'s class to it.
 */
import { RELAY_TOKEN_PARAM } from '../../shared/relay-protocol.ts';
import type { RelayEndpoint } from '../../shared/worker-protocol.ts';

export type WebSocketConstructor = new (url: string, protocols?: string | string[]) => WebSocket;

/** The relay URL with the token in its query (a browser WebSocket cannot send headers). */
export function relaySocketUrl(endpoint: RelayEndpoint): string {
  const url = new URL(endpoint.url);
  url.searchParams.set(RELAY_TOKEN_PARAM, endpoint.token);
  return url.toString();
}

/** Open a socket to the relay, set up for binary frames as ArrayBuffers. */
export function openRelaySocket(
  endpoint: RelayEndpoint,
  WebSocketCtor: WebSocketConstructor,
): WebSocket {
  const socket = new WebSocketCtor(relaySocketUrl(endpoint));
  socket.binaryType = 'arraybuffer';
  return socket;
}

/** Close our end of a relay socket with 1000 (the only code besides 3000-4999 a browser may send). */
export function closeSocketQuietly(socket: WebSocket): void {
  try {
    if (socket.readyState === socket.CONNECTING || socket.readyState === socket.OPEN)
      socket.close(1000);
  } catch {
    // Already closing: nothing to do.
  }
}
