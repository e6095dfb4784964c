/**
 * Is a relay there, and does it speak our protocol version? Used by transport mode `auto`
 * (src/runtime/transport/choose.ts) before the first connection of a run. A probe is one
 * short-lived relay connection whose first message is `probe` instead of `connect`.
 */
import { RELAY_PROTOCOL_VERSION } from '../../shared/relay-protocol.ts';
import { parseRelayMessage } from '../../shared/relay-messages.ts';
import type { RelayEndpoint } from '../../shared/worker-protocol.ts';
import { closeSocketQuietly, openRelaySocket } from './relay-socket.ts';
import type { WebSocketConstructor } from './relay-socket.ts';

export type ProbeResult = { ok: true } | { ok: false; reason: string };

export function probeRelay(
  endpoint: RelayEndpoint,
  WebSocketCtor: WebSocketConstructor,
  timeoutMs = 2000,
): Promise<ProbeResult> {
  return new Promise((resolve) => {
    let settled = false;
    let socket: WebSocket;
    const settle = (result: ProbeResult): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      closeSocketQuietly(socket);
      resolve(result);
    };
    const timer = setTimeout(
      () => settle({ ok: false, reason: `no answer from ${endpoint.url} within ${timeoutMs} ms` }),
      timeoutMs,
    );
    try {
      socket = openRelaySocket(endpoint, WebSocketCtor);
    } catch (err) {
      // new WebSocket throws synchronously on a malformed URL.
      settled = true;
      clearTimeout(timer);
      resolve({ ok: false, reason: `bad relay URL ${endpoint.url}: ${(err as Error).message}` });
      return;
    }
    socket.onopen = function probeOnOpen() {
      socket.send(JSON.stringify({ type: 'probe', version: RELAY_PROTOCOL_VERSION }));
    };
    socket.onmessage = function probeOnMessage(event: MessageEvent) {
      const parsed = typeof event.data === 'string' ? parseRelayMessage(event.data) : null;
      if (parsed?.ok && parsed.value.type === 'probe') {
        const version = parsed.value.version;
        settle(
          version === RELAY_PROTOCOL_VERSION
            ? { ok: true }
            : {
                ok: false,
                reason: `the relay speaks protocol version ${version}, this page speaks ${RELAY_PROTOCOL_VERSION}`,
              },
        );
      } else settle({ ok: false, reason: `${endpoint.url} did not answer like a relay` });
    };
    socket.onclose = function probeOnClose(event: CloseEvent) {
      // The browser does not say why a handshake failed (wrong token, Origin, nothing there).
      settle({
        ok: false,
        reason: `cannot reach the relay at ${endpoint.url} (closed with ${event.code})`,
      });
    };
    socket.onerror = function probeOnError() {
      // 'close' follows with the code.
    };
  });
}
