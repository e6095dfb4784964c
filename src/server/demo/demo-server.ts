/**
 * What every demo server is: a `ws` server in noServer mode that takes upgrades routed to it
 * by path (index.ts), and can be shut down.
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import type { ServerOptions } from 'ws';
import type WebSocket from 'ws';

export interface DemoServer {
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void;
  /** Connections accepted since start (e2e specs prove a denied connect never arrived). */
  connections(): number;
  close(): void;
}

/** A noServer ws server that tracks its clients so close() can end them with 1001. */
export function demoWebSocketServer(
  options: Partial<ServerOptions>,
  onConnection: (ws: WebSocket, req: IncomingMessage) => void,
): DemoServer {
  const wss = new WebSocketServer({
    noServer: true,
    clientTracking: true,
    maxPayload: 16 * 1024 * 1024,
    ...options,
  });
  let accepted = 0;
  wss.on('connection', (ws: WebSocket, req: IncomingMessage) => {
    accepted++;
    ws.on('error', function demoSocketOnError() {
      // A client's malformed frame: ws closes it (1002/1007/1009); nothing to add.
    });
    onConnection(ws, req);
  });
  return {
    handleUpgrade(req, socket, head) {
      wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
    },
    connections: () => accepted,
    close() {
      for (const ws of wss.clients) ws.close(1001, 'server shutting down');
      wss.close();
    },
  };
}

/** The first subprotocol the client offered (RFC 6455 section 4.2.2: the server picks one). */
export function chooseFirst(protocols: Set<string>): string | false {
  return protocols.values().next().value ?? false;
}

/** Query parameter as a bounded integer, or the default. */
export function queryInt(
  req: IncomingMessage,
  name: string,
  fallback: number,
  min: number,
  max: number,
): number {
  const raw = new URL(req.url ?? '/', 'http://demo.invalid').searchParams.get(name);
  const n = raw === null ? NaN : Number(raw);
  return Number.isInteger(n) && n >= min && n <= max ? n : fallback;
}

export function sendJson(ws: WebSocket, value: unknown): void {
  if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(value));
}

/** Parse a client message as a JSON object, or null. */
export function parseObject(
  data: WebSocket.RawData,
  isBinary: boolean,
): Record<string, unknown> | null {
  if (isBinary) return null;
  try {
    const value: unknown = JSON.parse(data.toString());
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}
