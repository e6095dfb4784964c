/**
 * Real `ws` servers on 127.0.0.1 for integration tests: an ephemeral port, a record of every
 * handshake, and a close() that ends every connection so no test leaves a socket behind.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { WebSocketServer, type ServerOptions, type WebSocket } from 'ws';

export interface TestServer {
  url: string;
  port: number;
  wss: WebSocketServer;
  /** Handshake requests seen, in order. */
  handshakes: IncomingMessage[];
  sockets: WebSocket[];
  close(): Promise<void>;
}

export async function startWsServer(
  onConnection: (socket: WebSocket, request: IncomingMessage) => void = echo,
  options: Omit<ServerOptions, 'server' | 'port' | 'noServer'> = {},
): Promise<TestServer> {
  const http: Server = createServer();
  const wss = new WebSocketServer({ server: http, ...options });
  const handshakes: IncomingMessage[] = [];
  const sockets: WebSocket[] = [];
  const rawSockets = new Set<Socket>();
  http.on('connection', (s) => {
    rawSockets.add(s);
    s.on('close', () => rawSockets.delete(s));
  });
  wss.on('connection', (socket, request) => {
    handshakes.push(request);
    sockets.push(socket);
    socket.on('error', () => {});
    onConnection(socket, request);
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const port = (http.address() as AddressInfo).port;
  return {
    url: `ws://127.0.0.1:${port}`,
    port,
    wss,
    handshakes,
    sockets,
    close: async () => {
      for (const s of rawSockets) s.destroy();
      wss.close();
      await new Promise<void>((resolve) => http.close(() => resolve()));
    },
  };
}

export function echo(socket: WebSocket): void {
  socket.on('message', (data, isBinary) => socket.send(data, { binary: isBinary }));
}
