/**
 * The relay transport: every feature the browser's WebSocket lacks (handshake headers, ping,
 * compression modes, read_limit, backpressure, any close code), by asking the project's relay
 * (src/server/relay/) to hold the real upstream connection. One relay socket per connection.
 *
 * Usage (the worker, or Node with `ws`):
 *   const transport = createRelayTransport(endpoint, WebSocket);
 *   const probe = () => probeRelay(endpoint, WebSocket, 2000);
 */
import { DEFAULT_WINDOW } from '../../shared/relay-protocol.ts';
import type { RelayEndpoint } from '../../shared/worker-protocol.ts';
import type { Transport } from './types.ts';
import { RelayConnection } from './relay-connection.ts';
import { openRelaySocket } from './relay-socket.ts';
import type { WebSocketConstructor } from './relay-socket.ts';

export { probeRelay } from './relay-probe.ts';
export type { ProbeResult } from './relay-probe.ts';
export type { WebSocketConstructor } from './relay-socket.ts';

export interface RelayTransportOptions {
  /**
   * [window=1 MiB] Flow-control window in bytes: how much the relay may send ahead of what
   * this side has handed on. Bigger: more throughput on a slow link; smaller: less memory.
   */
  window?: number;
}

export function createRelayTransport(
  endpoint: RelayEndpoint,
  WebSocketCtor: WebSocketConstructor,
  options: RelayTransportOptions = {},
): Transport {
  const window = options.window ?? DEFAULT_WINDOW;
  return {
    kind: 'relay',
    features: { headers: true, ping: true, compression: true, readLimit: true, backpressure: true },
    connect(request, events) {
      let socket: WebSocket;
      try {
        socket = openRelaySocket(endpoint, WebSocketCtor);
      } catch (err) {
        // Reported asynchronously, like every other failure, so the caller's state is set up.
        queueMicrotask(() =>
          events.onFail(`cannot open the relay socket: ${(err as Error).message}`),
        );
        return {
          send() {},
          bufferedAmount: () => 0,
          ping() {},
          close() {},
          drop() {},
          pause() {},
          resume() {},
        };
      }
      return new RelayConnection(socket, request, events, window);
    },
  };
}
