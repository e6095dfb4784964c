/**
 * Echo: every message comes back as it went, text as text and binary as binary. Accepts any
 * offered subprotocol (the first) and permessage-deflate, so option examples work against it.
 */
import type WebSocket from 'ws';
import { DEMO_HIGH_WATER, chooseFirst, demoWebSocketServer } from './demo-server.ts';
import type { DemoServer } from './demo-server.ts';

export function createEchoServer(): DemoServer {
  return demoWebSocketServer(
    { handleProtocols: chooseFirst, perMessageDeflate: true },
    function echoOnConnection(ws: WebSocket) {
      // Backpressure as in the relay: a client that sends but does not read its echoes is
      // not read either until they drain (TCP then pushes back on it).
      let reading = true;
      const echoOnWritten = (): void => {
        if (!reading && ws.bufferedAmount < DEMO_HIGH_WATER / 4) {
          reading = true;
          ws.resume();
        }
      };
      ws.on('message', function echoOnMessage(data: Buffer, isBinary: boolean) {
        ws.send(data, { binary: isBinary }, echoOnWritten);
        if (reading && ws.bufferedAmount > DEMO_HIGH_WATER) {
          reading = false;
          ws.pause();
        }
      });
    },
  );
}
