/**
 * The direct transport in a browser: the page's own WebSocket. It cannot send custom headers
 * or ping frames, choose compression, cap message size, pause reading, or send close codes
 * other than 1000 and 3000-4999; those fail with an error that names the relay.
 */
import {
  TransportUnsupported,
  type ConnectRequest,
  type Transport,
  type TransportConnection,
  type TransportEvents,
} from './types.ts';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

function connect(
  WebSocketImpl: typeof WebSocket,
  request: ConnectRequest,
  events: TransportEvents,
): TransportConnection {
  const socket = new WebSocketImpl(request.url, request.protocols);
  socket.binaryType = 'arraybuffer';
  let opened = false;

  socket.onopen = function socketOnOpen() {
    opened = true;
    events.onOpen({ protocol: socket.protocol, extensions: socket.extensions });
  };
  socket.onmessage = function socketOnMessage(event: MessageEvent) {
    if (typeof event.data === 'string') events.onMessage('text', encoder.encode(event.data));
    else events.onMessage('binary', new Uint8Array(event.data as ArrayBuffer));
  };
  socket.onclose = function socketOnClose(event: CloseEvent) {
    if (opened) events.onClose(event.code, event.reason);
    // The browser hides the cause of a failed handshake from scripts on purpose.
    else
      events.onFail(
        `dial ${request.url}: connection failed (the browser does not say why; the relay transport reports the exact cause)`,
      );
  };

  return {
    send: (data, binary) => socket.send(binary ? data : decoder.decode(data)),
    bufferedAmount: () => socket.bufferedAmount,
    ping() {
      throw new TransportUnsupported(
        "the relay is needed for ping: the browser's own WebSocket cannot send ping frames (transport is direct)",
      );
    },
    close(code, reason) {
      if (code === undefined) return socket.close();
      if (code !== 1000 && (code < 3000 || code > 4999)) {
        throw new TransportUnsupported(
          `the relay is needed for close code ${code}: the browser's own WebSocket may only send 1000 or 3000-4999 (transport is direct)`,
        );
      }
      socket.close(code, reason);
    },
    // The browser cannot end a connection without a close frame: the nearest is one without a code.
    drop: () => socket.close(),
    // The browser reads as fast as it can; the channel holds what arrives (nothing is dropped).
    pause: () => {},
    resume: () => {},
  };
}

export function createBrowserTransport(WebSocketImpl: typeof WebSocket = WebSocket): Transport {
  return {
    kind: 'direct',
    features: {
      headers: false,
      ping: false,
      compression: false,
      readLimit: false,
      backpressure: false,
    },
    connect: (request, events) => connect(WebSocketImpl, request, events),
  };
}
