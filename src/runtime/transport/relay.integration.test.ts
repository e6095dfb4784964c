/**
 * The relay client against a real relay and a real `ws` upstream, all on 127.0.0.1.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket as WsWebSocket } from 'ws';
import type WebSocket from 'ws';
import { createRelayTransport, probeRelay } from './relay.ts';
import type { ConnectRequest } from './types.ts';
import type { RelayConnection } from './relay-connection.ts';
import {
  NodeWebSocket,
  closeAll,
  decode,
  recordEvents,
  startRelay,
  startUpstream,
  text,
  waitFor,
} from '../../server/relay/testing.ts';
import type { RelayFixture, UpstreamFixture } from '../../server/relay/testing.ts';
import { PENDING_HIGH } from '../../server/relay/page-sender.ts';
import type { WebSocketConstructor } from './relay-socket.ts';
import {
  OP,
  closePayload,
  closeRawFrameServers,
  frame,
  startRawFrameServer,
} from '../../test-support/raw-frame-server.ts';

afterEach(async () => {
  await closeRawFrameServers();
  await closeAll();
});

function request(url: string, extra: Partial<ConnectRequest> = {}): ConnectRequest {
  return {
    url,
    headers: {},
    protocols: [],
    dialTimeoutMs: 5000,
    compression: 0,
    compressionThreshold: 0,
    readLimit: 32 * 1024 * 1024,
    ...extra,
  };
}

async function setup(): Promise<{ relay: RelayFixture; upstream: UpstreamFixture }> {
  return { relay: await startRelay(), upstream: await startUpstream() };
}

async function open(
  relay: RelayFixture,
  upstream: UpstreamFixture,
  extra: Partial<ConnectRequest> = {},
  path = '/ws',
) {
  const transport = createRelayTransport(relay.endpoint, NodeWebSocket);
  const rec = recordEvents();
  const conn = transport.connect(request(upstream.url + path, extra), rec.events);
  const info = await rec.opened.promise;
  const server = await upstream.nextSocket();
  return { conn, rec, info, server };
}

function serverClosed(server: WebSocket): Promise<{ code: number; reason: string }> {
  return new Promise((resolve) =>
    server.on('close', (code, reason) => resolve({ code, reason: reason.toString() })),
  );
}

describe('relay transport: handshake', () => {
  it('sends custom headers and the offered subprotocols, and reports the chosen one', async () => {
    const { relay, upstream } = await setup();
    const { info } = await open(relay, upstream, {
      headers: { Authorization: 'Bearer abc', 'X-Trace': 't-1' },
      protocols: ['graphql-ws', 'chat'],
    });
    const seen = upstream.requests[0]!;
    expect(seen.headers.authorization).toBe('Bearer abc');
    expect(seen.headers['x-trace']).toBe('t-1');
    expect(seen.headers['sec-websocket-protocol']).toBe('graphql-ws,chat');
    expect(seen.url).toBe('/ws');
    expect(info.protocol).toBe('graphql-ws');
  });

  it("reports the upstream's handshake response headers as the server spelled them", async () => {
    const { relay, upstream } = await setup();
    upstream.wss.on('headers', (headers) => headers.push('X-Served-By: upstream-1'));
    const { info } = await open(relay, upstream);
    expect(info.headers?.['X-Served-By']).toBe('upstream-1');
    expect(info.headers?.['Sec-WebSocket-Accept']).toMatch(/^[A-Za-z0-9+/]{27}=$/);
  });

  it.each([
    [0, null],
    [1, ['client_max_window_bits']],
    [2, ['client_max_window_bits', 'client_no_context_takeover', 'server_no_context_takeover']],
  ] as const)(
    'offers compression mode %i to the upstream with parameters %j',
    async (mode, params) => {
      const relay = await startRelay();
      const upstream = await startUpstream({ perMessageDeflate: true });
      const { info, server, rec } = await open(relay, upstream, { compression: mode });
      const offer = upstream.requests[0]!.headers['sec-websocket-extensions'];
      if (params === null) {
        expect(offer).toBeUndefined();
        expect(info.extensions).toBe('');
      } else {
        const [name, ...rest] = offer!.split(/;\s*/);
        expect(name).toBe('permessage-deflate');
        expect(rest.sort()).toEqual([...params]);
        expect(info.extensions).toMatch(/^permessage-deflate/);
        expect(info.extensions.includes('server_no_context_takeover')).toBe(mode === 2);
        // Compressed messages still arrive intact.
        server.send('z'.repeat(5000));
        await waitFor(() => rec.messages.length === 1);
        expect(decode(rec.messages[0]!.data)).toBe('z'.repeat(5000));
      }
    },
  );

  it('reports a refused dial in plain words', async () => {
    const relay = await startRelay();
    const upstream = await startUpstream();
    const port = upstream.port;
    upstream.kill();
    const rec = recordEvents();
    createRelayTransport(relay.endpoint, NodeWebSocket).connect(
      request(`ws://127.0.0.1:${port}/`),
      rec.events,
    );
    expect(await rec.failed.promise).toBe(`dial tcp 127.0.0.1:${port}: connection refused`);
  });

  it('reports a rejected handshake with its status', async () => {
    const relay = await startRelay();
    const upstream = await startUpstream({
      verifyClient: (_info, cb) => cb(false, 401, 'Unauthorized'),
    });
    const rec = recordEvents();
    createRelayTransport(relay.endpoint, NodeWebSocket).connect(request(upstream.url), rec.events);
    expect(await rec.failed.promise).toBe('handshake rejected: 401 Unauthorized');
  });
});

describe('relay transport: data', () => {
  it('carries text and binary both ways with every byte value intact', async () => {
    const { relay, upstream } = await setup();
    const { conn, rec, server } = await open(relay, upstream);
    const received: { data: Buffer; isBinary: boolean }[] = [];
    server.on('message', (data: Buffer, isBinary) => {
      received.push({ data, isBinary });
      server.send(data, { binary: isBinary });
    });
    const all = new Uint8Array(256).map((_, i) => i);
    conn.send(text('héllo'), false);
    conn.send(all, true);
    await waitFor(() => rec.messages.length === 2);
    expect(received.map((r) => r.isBinary)).toEqual([false, true]);
    expect(rec.messages[0]).toEqual({ type: 'text', data: text('héllo') });
    expect(rec.messages[1]!.type).toBe('binary');
    expect([...rec.messages[1]!.data]).toEqual([...all]);
  });

  it('sends a ping upstream and shows the pong and the upstream ping to the inspector', async () => {
    const { relay, upstream } = await setup();
    const { conn, rec, server } = await open(relay, upstream);
    const pinged = new Promise<void>((resolve) => server.on('ping', () => resolve()));
    conn.ping();
    await pinged;
    server.ping(Buffer.from('hb'));
    await waitFor(() => rec.controls.length === 2);
    expect(rec.controls.map((c) => c.kind)).toEqual(['pong', 'ping']);
    expect(decode(rec.controls[1]!.data)).toBe('hb');
    expect(rec.messages).toEqual([]);
  });

  it('closes with 1009 when a message exceeds read_limit', async () => {
    const { relay, upstream } = await setup();
    const { rec, server } = await open(relay, upstream, { readLimit: 1000 });
    server.send(Buffer.alloc(999));
    server.send(Buffer.alloc(1001));
    const closed = await rec.closed.promise;
    expect(closed.code).toBe(1009);
    expect(rec.messages).toHaveLength(1);
  });

  it('packs messages into batches when the page falls behind, and unpacks them in order', async () => {
    const relay = await startRelay();
    const upstream = await startUpstream();
    let frames = 0;
    class CountingWebSocket extends WsWebSocket {
      constructor(url: string, protocols?: string[]) {
        super(url, protocols);
        this.on('message', () => frames++);
      }
    }
    const rec = recordEvents();
    createRelayTransport(
      relay.endpoint,
      CountingWebSocket as unknown as WebSocketConstructor,
    ).connect(request(upstream.url), rec.events);
    await rec.opened.promise;
    const server = await upstream.nextSocket();
    const count = 5000;
    for (let i = 0; i < count; i++) server.send(`m${i}`);
    await waitFor(() => rec.messages.length === count, 10_000, 'all messages');
    expect(rec.messages.every((m, i) => decode(m.data) === `m${i}`)).toBe(true);
    expect(frames).toBeLessThan(count / 2);
  });
});

describe('relay transport: backpressure', () => {
  it('stops the upstream while paused, keeps relay memory bounded, and loses nothing', async () => {
    const { relay, upstream } = await setup();
    const transport = createRelayTransport(relay.endpoint, NodeWebSocket, { window: 64 * 1024 });
    const rec = recordEvents();
    const conn = transport.connect(request(upstream.url), rec.events) as RelayConnection;
    await rec.opened.promise;
    const server = await upstream.nextSocket();
    conn.pause();

    const payload = 'x'.repeat(1000);
    const total = 20_000; // ~20 MB, far more than any buffer on the way
    let sent = 0;
    let maxServerBuffered = 0;
    await new Promise<void>((resolve) => {
      const pump = () => {
        while (sent < total && server.bufferedAmount < 4 * 1024 * 1024)
          server.send(`${sent++}:${payload}`);
        maxServerBuffered = Math.max(maxServerBuffered, server.bufferedAmount);
        if (sent < total && server.bufferedAmount >= 4 * 1024 * 1024) {
          resolve(); // the upstream can no longer write: backpressure reached it
          return;
        }
        if (sent < total) setImmediate(pump);
        else resolve();
      };
      pump();
    });
    await new Promise((r) => setTimeout(r, 200));
    expect(sent).toBeLessThan(total);
    expect(rec.messages).toHaveLength(0);
    // The page holds at most one window; the relay at most its high-water mark plus one read.
    expect(conn.queuedMessages).toBeLessThanOrEqual(Math.ceil((64 * 1024) / 1032) + 1);
    expect(relay.relay.stats().maxPendingCost).toBeLessThan(PENDING_HIGH + 512 * 1024);

    conn.resume();
    const finish = new Promise<void>((resolve) => {
      const pump = () => {
        while (sent < total && server.bufferedAmount < 1024 * 1024)
          server.send(`${sent++}:${payload}`);
        if (sent < total) setTimeout(pump, 1);
        else resolve();
      };
      pump();
    });
    await finish;
    await waitFor(() => rec.messages.length === total, 20_000, 'every message');
    expect(rec.messages.every((m, i) => decode(m.data).startsWith(`${i}:`))).toBe(true);
    expect(relay.relay.stats().maxPendingCost).toBeLessThan(PENDING_HIGH + 512 * 1024);
  });

  it('stops reading the page while the upstream is slow, and delivers everything in order', async () => {
    const { relay, upstream } = await setup();
    const { conn, server } = await open(relay, upstream);
    const received: string[] = [];
    server.on('message', (d: Buffer) => received.push(d.toString()));
    (server as unknown as { _socket: { pause(): void } })._socket.pause(); // a server that reads slowly
    const payload = 'y'.repeat(1000);
    const total = 30_000; // ~30 MB: more than the kernel buffers on the way can hide
    for (let i = 0; i < total; i++) conn.send(text(`${i}:${payload}`), false);
    await new Promise((r) => setTimeout(r, 300));
    // The relay holds about its high-water mark; the rest waits on the page side.
    expect(relay.relay.stats().bufferedBytes).toBeLessThan(4 * 1024 * 1024);
    expect(conn.bufferedAmount()).toBeGreaterThan(4 * 1024 * 1024);
    (server as unknown as { _socket: { resume(): void } })._socket.resume();
    await waitFor(() => received.length === total, 20_000, 'every message upstream');
    expect(received.every((m, i) => m.startsWith(`${i}:`))).toBe(true);
  });

  it('reports the end only after every queued message was delivered', async () => {
    const { relay, upstream } = await setup();
    const { conn, rec, server } = await open(relay, upstream);
    conn.pause();
    for (let i = 0; i < 10; i++) server.send(`m${i}`);
    server.close(4001, 'done');
    await new Promise((r) => setTimeout(r, 100));
    expect(rec.closed.settled).toBe(false);
    conn.resume();
    expect(await rec.closed.promise).toEqual({ code: 4001, reason: 'done' });
    expect(rec.messages.map((m) => decode(m.data))).toEqual(
      Array.from({ length: 10 }, (_, i) => `m${i}`),
    );
    expect(rec.order.at(-1)).toBe('close');
  });
});

/** An upstream that sends `bytes` as they are once a client has connected. */
async function rawUpstream(bytes: Buffer): Promise<string> {
  const server = await startRawFrameServer();
  void server.nextPeer().then((peer) => peer.send(bytes));
  return server.url;
}

describe('relay transport: closing', () => {
  it('reports an unregistered upstream close code (2000) exactly as it arrived', async () => {
    const relay = await startRelay();
    const url = await rawUpstream(frame({ opcode: OP.CLOSE, payload: closePayload(2000) }));
    const rec = recordEvents();
    createRelayTransport(relay.endpoint, NodeWebSocket).connect(request(url), rec.events);
    await rec.opened.promise;
    expect((await rec.closed.promise).code).toBe(2000);
  });

  it.each([
    [1000, 'Done'],
    [1011, 'Processing failed'],
    [1002, ''],
    [4000, 'custom'],
  ])('passes the page close code %i and reason upstream', async (code, reason) => {
    const { relay, upstream } = await setup();
    const { conn, rec, server } = await open(relay, upstream);
    const upstreamSaw = serverClosed(server);
    conn.close(code, reason);
    expect(await upstreamSaw).toEqual({ code, reason });
    expect(await rec.closed.promise).toEqual({ code, reason });
  });

  it('drops the upstream without a close frame when the page asks (the upstream sees 1006)', async () => {
    const { relay, upstream } = await setup();
    const { conn, rec, server } = await open(relay, upstream);
    const upstreamSaw = serverClosed(server);
    conn.drop();
    expect(await upstreamSaw).toEqual({ code: 1006, reason: '' });
    expect((await rec.closed.promise).code).toBe(1006);
  });

  it.each([
    [1008, 'policy'],
    [1011, 'oops'],
    [4000, ''],
    [4999, 'last'],
    [3000, 'x'],
  ])('reports the upstream close code %i exactly as it arrived', async (code, reason) => {
    const { relay, upstream } = await setup();
    const { rec, server } = await open(relay, upstream);
    server.close(code, reason);
    expect(await rec.closed.promise).toEqual({ code, reason });
  });

  it('reports 1005 when the upstream close frame has no code', async () => {
    const { relay, upstream } = await setup();
    const { rec, server } = await open(relay, upstream);
    server.close();
    expect(await rec.closed.promise).toEqual({ code: 1005, reason: '' });
  });

  it('reports 1006 when the upstream drops its TCP connection', async () => {
    const { relay, upstream } = await setup();
    const { rec, server } = await open(relay, upstream);
    server.send('last words');
    await waitFor(() => rec.messages.length === 1);
    (server as unknown as { _socket: { destroy(): void } })._socket.destroy();
    expect(await rec.closed.promise).toEqual({ code: 1006, reason: '' });
  });

  it('reports 1006 when the relay dies', async () => {
    const { relay, upstream } = await setup();
    const { rec } = await open(relay, upstream);
    relay.kill();
    expect(await rec.closed.promise).toEqual({ code: 1006, reason: '' });
  });

  it('closes the upstream with 1001 when the page socket goes away', async () => {
    const { relay, upstream } = await setup();
    const transport = createRelayTransport(relay.endpoint, NodeWebSocket);
    const rec = recordEvents();
    let socket!: WsWebSocket;
    class Grab extends WsWebSocket {
      constructor(url: string, protocols?: string[]) {
        super(url, protocols);
        socket = this; // eslint-disable-line @typescript-eslint/no-this-alias
      }
    }
    void transport;
    createRelayTransport(relay.endpoint, Grab as unknown as WebSocketConstructor).connect(
      request(upstream.url),
      rec.events,
    );
    await rec.opened.promise;
    const server = await upstream.nextSocket();
    const upstreamSaw = serverClosed(server);
    socket.terminate();
    expect((await upstreamSaw).code).toBe(1001);
  });
});

describe('probeRelay', () => {
  it('finds a running relay', async () => {
    const relay = await startRelay();
    expect(await probeRelay(relay.endpoint, NodeWebSocket, 2000)).toEqual({ ok: true });
  });

  it('says no for a wrong token or nothing listening', async () => {
    const relay = await startRelay();
    const wrong = await probeRelay({ ...relay.endpoint, token: 'nope' }, NodeWebSocket, 2000);
    expect(wrong.ok).toBe(false);
    const port = relay.port;
    relay.kill();
    const none = await probeRelay(
      { url: `ws://127.0.0.1:${port}/relay`, token: 't' },
      NodeWebSocket,
      2000,
    );
    expect(none).toMatchObject({ ok: false });
  });
});
