/**
 * Echo: every message comes back as it went, text as text and binary as binary. Accepts any
 * offered subprotocol (the first) and permessage-deflate, so option examples work against it.
 */
import type WebSocket from 'ws';
import { chooseFirst, demoWebSocketServer } from './demo-server.ts';
import type { DemoServer } from './demo-server.ts';

export function createEchoServer(): DemoServer {
  return demoWebSocketServer(
    { handleProtocols: chooseFirst, perMessageDeflate: true },
    function echoOnConnection(ws: WebSocket) {
      ws.on('message', function echoOnMessage(data: Buffer, isBinary: boolean) {
        ws.send(data, { binary: isBinary });
      });
    },
  );
}
