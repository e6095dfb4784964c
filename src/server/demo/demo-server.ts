/**
 * What every demo server is: a `ws` server in noServer mode that takes upgrades routed to it
 * by path (index.ts), and can be shut down. The demos run in the process that serves the page
 * and the relay, so they are bounded like the relay: a cap on connections per server, a
 * small largest message, and no sending into a socket whose client does not read.
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import type { ServerOptions } from 'ws';
import type WebSocket from 'ws';
import { rejectUpgrade } from '../http-reject.ts';

/** Open connections per demo server. */
export const MAX_DEMO_CONNECTIONS = 128;
/** Largest message a demo server takes. */
export const MAX_DEMO_MESSAGE_BYTES = 1024 * 1024;
/** Bytes waiting to go to a client past which a demo server stops sending to it. */
export const DEMO_HIGH_WATER = 1024 * 1024;
/** A client closed for not reading gets this long to take the close frame. */
const NOT_READING_GRACE_MS = 1_000;

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
    maxPayload: MAX_DEMO_MESSAGE_BYTES,
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
      if (wss.clients.size >= MAX_DEMO_CONNECTIONS) {
        rejectUpgrade(
          socket,
          503,
          `demo server: at its connection limit (${MAX_DEMO_CONNECTIONS})`,
        );
        return;
      }
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

/**
 * Send unless the client has stopped reading: past DEMO_HIGH_WATER bytes waiting, the client
 * is closed with 1008 instead, so a page that never reads cannot make the server buffer
 * without bound (a real service does the same). False when nothing was sent.
 */
export function sendJson(ws: WebSocket, value: unknown): boolean {
  if (ws.readyState !== ws.OPEN) return false;
  if (ws.bufferedAmount > DEMO_HIGH_WATER) {
    closeNotReading(ws);
    return false;
  }
  ws.send(JSON.stringify(value));
  return true;
}

export function closeNotReading(ws: WebSocket): void {
  ws.close(1008, 'demo server: the client is not reading');
  setTimeout(() => ws.terminate(), NOT_READING_GRACE_MS).unref();
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
