/**
 * Test fixtures for the relay and its client: a relay on an ephemeral loopback port, an
 * upstream `ws` server that records what it saw, and a recorder for TransportEvents. Every
 * fixture registers its own cleanup; tests call `closeAll()` in afterEach.
 */
import { createServer } from 'node:http';
import type { IncomingMessage, Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { WebSocketServer, WebSocket as WsWebSocket } from 'ws';
import type { ServerOptions } from 'ws';
import type WebSocket from 'ws';
import { defaultRelayConfig } from './config.ts';
import type { RelayConfig } from './config.ts';
import { createRelay } from './relay-server.ts';
import type { Relay } from './relay-server.ts';
import type { OpenInfo, TransportEvents } from '../../runtime/transport/types.ts';
import type { WebSocketConstructor } from '../../runtime/transport/relay-socket.ts';
import { relayProtocols } from '../../shared/relay-protocol.ts';

const cleanups: (() => Promise<void> | void)[] = [];

export async function closeAll(): Promise<void> {
  const list = cleanups.splice(0).reverse();
  for (const fn of list) await fn();
}

/** ws's WebSocket, typed as the DOM constructor the relay client takes. */
export const NodeWebSocket = WsWebSocket as unknown as WebSocketConstructor;

export interface HttpFixture {
  server: Server;
  port: number;
  /** TCP connections accepted so far. */
  tcpConnections(): number;
  /** Destroy every socket at once, as if the process had died. */
  kill(): void;
}

export async function listenHttp(
  onUpgrade?: (req: IncomingMessage, socket: Socket, head: Buffer) => void,
): Promise<HttpFixture> {
  const server = createServer((_req, res) => res.writeHead(404).end());
  const sockets = new Set<Socket>();
  let accepted = 0;
  server.on('connection', (s) => {
    accepted++;
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  if (onUpgrade) server.on('upgrade', onUpgrade);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const kill = () => {
    for (const s of sockets) s.destroy();
    server.close();
  };
  cleanups.push(
    () =>
      new Promise<void>((resolve) => {
        kill();
        resolve();
      }),
  );
  return {
    server,
    port: (server.address() as AddressInfo).port,
    kill,
    tcpConnections: () => accepted,
  };
}

export interface RelayFixture extends HttpFixture {
  relay: Relay;
  config: RelayConfig;
  endpoint: { url: string; token: string };
  logs: string[];
}

export async function startRelay(overrides: Partial<RelayConfig> = {}): Promise<RelayFixture> {
  const config = { ...defaultRelayConfig('local', []), ...overrides };
  const logs: string[] = [];
  const relay = createRelay(config, { log: (m) => logs.push(m) });
  const http = await listenHttp((req, socket, head) => {
    if (!relay.handleUpgrade(req, socket, head)) socket.destroy();
  });
  cleanups.push(() => relay.close());
  return {
    ...http,
    relay,
    config,
    logs,
    endpoint: { url: `ws://127.0.0.1:${http.port}${config.path}`, token: config.token },
  };
}

export interface UpstreamFixture extends HttpFixture {
  wss: WebSocketServer;
  url: string;
  /** Every handshake request the upstream received (headers included). */
  requests: IncomingMessage[];
  /** Server-side sockets, in order of connection. */
  sockets: WebSocket[];
  nextSocket(): Promise<WebSocket>;
}

/** A `ws` server on 127.0.0.1:0. By default it accepts the first offered subprotocol. */
export async function startUpstream(
  options: Partial<ServerOptions> = {},
): Promise<UpstreamFixture> {
  const wss = new WebSocketServer({
    noServer: true,
    handleProtocols: (set) => set.values().next().value ?? false,
    ...options,
  });
  const requests: IncomingMessage[] = [];
  const sockets: WebSocket[] = [];
  const waiting: ((ws: WebSocket) => void)[] = [];
  wss.on('connection', (ws) => {
    ws.on('error', () => {});
    sockets.push(ws);
    waiting.shift()?.(ws);
  });
  const http = await listenHttp((req, socket, head) => {
    requests.push(req);
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
  });
  cleanups.push(() => {
    for (const ws of sockets) ws.terminate();
    wss.close();
  });
  let seen = 0;
  return {
    ...http,
    wss,
    url: `ws://127.0.0.1:${http.port}`,
    requests,
    sockets,
    nextSocket() {
      const index = seen++;
      if (sockets[index]) return Promise.resolve(sockets[index]);
      return new Promise((resolve) => waiting.push(resolve));
    },
  };
}

export interface Deferred<T> {
  promise: Promise<T>;
  resolve(value: T): void;
  settled: boolean;
}

export function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  const d: Deferred<T> = {
    promise,
    settled: false,
    resolve(value) {
      d.settled = true;
      resolve(value);
    },
  };
  return d;
}

export interface EventRecorder {
  events: TransportEvents;
  opened: Deferred<OpenInfo>;
  failed: Deferred<string>;
  closed: Deferred<{ code: number; reason: string }>;
  messages: { type: 'text' | 'binary'; data: Uint8Array }[];
  controls: { kind: 'ping' | 'pong'; data: Uint8Array }[];
  /** Every event name in order, to check nothing follows the end. */
  order: string[];
}

export function recordEvents(
  onMessage?: (type: 'text' | 'binary', data: Uint8Array) => void,
): EventRecorder {
  const rec: EventRecorder = {
    opened: deferred(),
    failed: deferred(),
    closed: deferred(),
    messages: [],
    controls: [],
    order: [],
    events: {
      onOpen(info) {
        rec.order.push('open');
        rec.opened.resolve(info);
      },
      onMessage(type, data) {
        rec.order.push('message');
        rec.messages.push({ type, data: new Uint8Array(data) });
        onMessage?.(type, data);
      },
      onControl(kind, data) {
        rec.controls.push({ kind, data: new Uint8Array(data) });
      },
      onFail(message) {
        rec.order.push('fail');
        rec.failed.resolve(message);
      },
      onClose(code, reason) {
        rec.order.push('close');
        rec.closed.resolve({ code, reason });
      },
    },
  };
  return rec;
}

export async function waitFor(
  predicate: () => boolean,
  timeoutMs = 5000,
  what = 'condition',
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

export const text = (s: string): Uint8Array => new TextEncoder().encode(s);
export const decode = (b: Uint8Array): string => new TextDecoder().decode(b);

/** What a raw client saw of its relay handshake: open, or refused with an HTTP status. */
export type HandshakeOutcome =
  | { open: true; socket: WsWebSocket; watch: ReturnType<typeof watchRelaySocket> }
  | { open: false; status: number };

/**
 * A raw `ws` client to the relay, with the token (offered as the page offers it, a
 * subprotocol; null: none), Origin and extra headers a test chooses.
 */
export function rawRelayClient(
  fixture: RelayFixture,
  options: { token?: string | null; origin?: string; headers?: Record<string, string> } = {},
): Promise<HandshakeOutcome> {
  const token = options.token === undefined ? fixture.endpoint.token : options.token;
  const protocols = token === null ? [] : relayProtocols(token);
  const socket = new WsWebSocket(fixture.endpoint.url, protocols, {
    ...(options.origin ? { origin: options.origin } : {}),
    ...(options.headers ? { headers: options.headers } : {}),
  });
  cleanups.push(() => socket.terminate());
  socket.on('error', () => {});
  // Watch from the start: the relay's first message can arrive in the same read as the 101.
  const watch = watchRelaySocket(socket);
  return new Promise((resolve) => {
    socket.on('open', () => resolve({ open: true, socket, watch }));
    socket.on('unexpected-response', (_req, res) => {
      resolve({ open: false, status: res.statusCode ?? 0 });
      res.resume();
      socket.terminate();
    });
  });
}

/** Messages a raw relay client receives, text as parsed JSON, plus how it closed. */
export function watchRelaySocket(socket: WsWebSocket) {
  const control: Record<string, unknown>[] = [];
  const binary: Buffer[] = [];
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    socket.on('close', (code, reason) => resolve({ code, reason: reason.toString() })),
  );
  socket.on('message', (data: Buffer, isBinary) => {
    if (isBinary) binary.push(data);
    else control.push(JSON.parse(data.toString()) as Record<string, unknown>);
  });
  return { control, binary, closed };
}
