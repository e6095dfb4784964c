/**
 * How the relay client reaches the relay: a WebSocket constructor passed in (STYLE habit 7),
 * the browser's own in the worker, the `ws` package's in Node. The type is the DOM's, which
 * both satisfy at runtime; Node callers cast `ws`'s class to it.
 */
import { relayProtocols } from '../../shared/relay-protocol.ts';
import type { RelayEndpoint } from '../../shared/worker-protocol.ts';

export type WebSocketConstructor = new (url: string, protocols?: string | string[]) => WebSocket;

/**
 * Open a socket to the relay, set up for binary frames as ArrayBuffers. The token goes as a
 * subprotocol, not in the URL, so it stays out of logs (src/shared/relay-protocol.ts).
 */
export function openRelaySocket(
  endpoint: RelayEndpoint,
  WebSocketCtor: WebSocketConstructor,
): WebSocket {
  const socket = new WebSocketCtor(endpoint.url, relayProtocols(endpoint.token));
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
