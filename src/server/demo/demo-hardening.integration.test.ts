/**
 * Finding M2 of the security audit: the demo servers run in the process that serves the page
 * and the relay, so another website must not reach them, and no client may make them buffer
 * without bound. The Origin check is shown from a real browser (Debian's Chromium through
 * playwright-core) on a second origin; the caps with raw clients. Each test was run against the
 * demo servers as they were before the hardening (81ecd0f) and failed there: the other origin
 * got its echo, the extra operation ran, the extra room was joined, the server read and
 * buffered whatever a client that does not read sent it or asked for.
 */
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import { connect } from 'node:net';
import type { AddressInfo, Socket } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { chromium } from 'playwright-core';
import type { Browser } from 'playwright-core';
import { WebSocket } from 'ws';
import { chromiumLaunchOptions } from '../../../e2e/chromium.ts';
import { mountPlayground, upgradeOrNotFound } from '../playground-mount.ts';
import type { PlaygroundMount } from '../playground-mount.ts';
import { defaultRelayConfig } from '../relay/config.ts';
import { OP, frame } from '../../test-support/raw-frame-server.ts';
import { MAX_SUBSCRIPTIONS } from './graphql.ts';
import { MAX_ROOMS_PER_CLIENT } from './chat.ts';
import { MAX_DEMO_CONNECTIONS } from './demo-server.ts';
import { collectGarbage } from '../../test-support/gc.ts';

const MiB = 1024 * 1024;
const servers: Server[] = [];
const sockets = new Set<Socket>();
let mount: PlaygroundMount;
let playgroundPort: number;

async function listen(server: Server): Promise<number> {
  servers.push(server);
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

const PAGE = '<!doctype html><title>page</title><p>page</p>';

/** A playground-like server: the real mount (relay + demos), a page at /. */
async function startPlaygroundServer(): Promise<void> {
  const server = createServer((_req, res) =>
    res.writeHead(200, { 'Content-Type': 'text/html' }).end(PAGE),
  );
  const port = await listen(server);
  const config = defaultRelayConfig('local', [`http://127.0.0.1:${port}`]);
  mount = mountPlayground({ relay: config });
  server.on('upgrade', upgradeOrNotFound(mount));
  playgroundPort = port;
}

afterEach(async () => {
  for (const s of sockets) s.destroy();
  mount?.close();
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

describe('demo servers from a browser', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await chromium.launch({ ...chromiumLaunchOptions, headless: true });
  }, 30_000);
  afterAll(async () => {
    await browser?.close();
  });

  /** In a page at `pageUrl`: open the echo demo, send "hi", report the echo or the close. */
  async function echoFrom(pageUrl: string): Promise<string> {
    const page = await browser.newPage();
    try {
      await page.goto(pageUrl);
      // A string, so that the browser's WebSocket is meant, not this module's import of ws.
      const url = `ws://127.0.0.1:${playgroundPort}/demo/echo`;
      return await page.evaluate<string>(`new Promise((resolve) => {
        const ws = new WebSocket(${JSON.stringify(url)});
        ws.onopen = () => ws.send('hi');
        ws.onmessage = (e) => resolve('echo ' + String(e.data));
        ws.onclose = (e) => resolve('closed ' + e.code);
        setTimeout(() => resolve('timeout'), 5000);
      })`);
    } finally {
      await page.close();
    }
  }

  it('lets the serving origin in and refuses a page on another origin', async () => {
    await startPlaygroundServer();
    const other = await listen(
      createServer((_req, res) => res.writeHead(200, { 'Content-Type': 'text/html' }).end(PAGE)),
    );
    expect(await echoFrom(`http://127.0.0.1:${playgroundPort}/`)).toBe('echo hi');
    const before = mount.demos!.stats().echo.connections;
    // Another website in the same browser: no token needed, no click, only its own origin.
    expect(await echoFrom(`http://127.0.0.1:${other}/`)).toBe('closed 1006');
    expect(mount.demos!.stats().echo.connections).toBe(before);
  }, 30_000);
});

describe('demo server caps', () => {
  function client(path: string, protocols: string[] = []): Promise<WebSocket> {
    const ws = new WebSocket(`ws://127.0.0.1:${playgroundPort}${path}`, protocols, {
      headers: { Authorization: 'Bearer t' },
    });
    ws.on('error', () => {});
    return new Promise((resolve, reject) => {
      ws.on('open', () => resolve(ws));
      ws.on('unexpected-response', (_q, res) => reject(new Error(`status ${res.statusCode}`)));
    });
  }
  const replies = (ws: WebSocket): Record<string, unknown>[] => {
    const got: Record<string, unknown>[] = [];
    ws.on('message', (d: Buffer) => got.push(JSON.parse(d.toString()) as Record<string, unknown>));
    return got;
  };
  const until = async (ok: () => boolean, what: string): Promise<void> => {
    const deadline = Date.now() + 5000;
    while (!ok()) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  };

  it('caps the operations one GraphQL socket may run', async () => {
    await startPlaygroundServer();
    const ws = await client('/demo/api/graphql?events=10000&interval=1', ['graphql-transport-ws']);
    const got = replies(ws);
    ws.send(JSON.stringify({ type: 'connection_init' }));
    for (let i = 0; i <= MAX_SUBSCRIPTIONS; i++)
      ws.send(
        JSON.stringify({
          id: `s${i}`,
          type: 'subscribe',
          payload: { query: 'subscription { t }' },
        }),
      );
    // The operation past the cap gets its answer: an error, or (uncapped) its first result.
    const last = `s${MAX_SUBSCRIPTIONS}`;
    await until(() => got.some((m) => m.id === last), 'an answer to the last operation');
    expect(got.find((m) => m.id === last)).toMatchObject({
      id: last,
      payload: [{ message: expect.stringMatching(/too many operations/) }],
    });
    ws.terminate();
  });

  it('caps the rooms one chat client may join', async () => {
    await startPlaygroundServer();
    const ws = await client('/demo/chat');
    const got = replies(ws);
    for (let i = 0; i <= MAX_ROOMS_PER_CLIENT; i++)
      ws.send(JSON.stringify({ type: 'join', room: `room-${i}` }));
    // The join past the cap gets its answer: an error, or (uncapped) "joined".
    const last = `room-${MAX_ROOMS_PER_CLIENT}`;
    await until(
      () => got.some((m) => m.type === 'error' || (m.type === 'joined' && m.room === last)),
      'an answer to the last join',
    );
    expect(got.filter((m) => m.type === 'joined')).toHaveLength(MAX_ROOMS_PER_CLIENT);
    expect(got.find((m) => m.type === 'error')?.message).toMatch(/rooms already/);
    ws.terminate();
  });

  it('stops reading an echo client that does not read its echoes', async () => {
    await startPlaygroundServer();
    const socket = connect({ port: playgroundPort, host: '127.0.0.1' });
    sockets.add(socket);
    socket.on('error', () => {});
    socket.write(
      `GET /demo/echo HTTP/1.1\r\nHost: 127.0.0.1:${playgroundPort}\r\nUpgrade: websocket\r\n` +
        'Connection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n',
    );
    socket.pause(); // reads nothing, ever
    const message = frame({
      opcode: OP.BINARY,
      payload: Buffer.alloc(64 * 1024, 1),
      mask: new Uint8Array([1, 2, 3, 4]),
    });
    const before = process.memoryUsage().arrayBuffers;
    // 40 MB of messages, sent as fast as the server takes them.
    for (let i = 0; i < 640 && socket.writableLength < 16 * MiB; i++) {
      socket.write(message);
      if (i % 32 === 0) await new Promise((r) => setTimeout(r, 5));
    }
    await new Promise((r) => setTimeout(r, 500));
    // The server pushed back: what it did not read waits on the client's side.
    expect(socket.writableLength).toBeGreaterThan(4 * MiB);
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(32 * MiB);
  });

  /** A raw WebSocket client that upgrades to `path`, sends `messages`, then never reads. */
  function clientThatDoesNotRead(path: string, protocol: string, messages: string[]): Socket {
    const socket = connect({ port: playgroundPort, host: '127.0.0.1' });
    sockets.add(socket);
    socket.on('error', () => {});
    socket.write(
      `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1:${playgroundPort}\r\nUpgrade: websocket\r\n` +
        `Connection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Protocol: ${protocol}\r\n` +
        'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n',
    );
    for (const m of messages)
      socket.write(frame({ opcode: OP.TEXT, payload: m, mask: new Uint8Array([1, 2, 3, 4]) }));
    socket.pause();
    return socket;
  }

  it('does not buffer subscription results for a client that does not read', async () => {
    // The audit's flood from one socket: results every millisecond, ~1 KB each (the field
    // name comes back in every result), to a client that never reads. Uncapped and unchecked,
    // the server queued ~30 MB a second (as strings: on the heap, not in Buffers); floored at
    // 50 ms and with sends stopped past 1 MiB waiting, it holds next to nothing.
    await startPlaygroundServer();
    const field = `f${'x'.repeat(1000)}`;
    const subscribes = Array.from({ length: 40 }, (_, i) =>
      JSON.stringify({
        id: `s${i}`,
        type: 'subscribe',
        payload: { query: `subscription { ${field} }` },
      }),
    );
    const settle = async (): Promise<void> => {
      for (let i = 0; i < 2; i++) {
        collectGarbage();
        await new Promise((r) => setTimeout(r, 50));
      }
    };
    const live = (): number => process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
    await settle();
    const before = live();
    clientThatDoesNotRead('/demo/api/graphql?events=10000&interval=1', 'graphql-transport-ws', [
      JSON.stringify({ type: 'connection_init' }),
      ...subscribes,
    ]);
    await new Promise((r) => setTimeout(r, 1500));
    await settle();
    expect(live() - before).toBeLessThan(16 * MiB);
  });

  it('closes a GraphQL client that does not read, instead of queueing for it', async () => {
    // At the floor's own pace (50 ms), legal on both sides of the fix: 40 operations whose
    // results are ~12 KB each are ~10 MB a second, which the server queued for as long as
    // the client stayed (only the kernel's few MiB aside); now it stops past 1 MiB waiting
    // and closes the client with 1008.
    await startPlaygroundServer();
    const field = `f${'x'.repeat(12_000)}`;
    const live = (): number => process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
    const settle = async (): Promise<void> => {
      for (let i = 0; i < 2; i++) {
        collectGarbage();
        await new Promise((r) => setTimeout(r, 50));
      }
    };
    await settle();
    const before = live();
    const socket = clientThatDoesNotRead(
      '/demo/api/graphql?events=10000&interval=50',
      'graphql-transport-ws',
      [
        JSON.stringify({ type: 'connection_init' }),
        ...Array.from({ length: 40 }, (_, i) =>
          JSON.stringify({
            id: `s${i}`,
            type: 'subscribe',
            payload: { query: `subscription { ${field} }` },
          }),
        ),
      ],
    );
    await new Promise((r) => setTimeout(r, 2000));
    await settle();
    expect(live() - before).toBeLessThan(6 * MiB);
    // The server has hung up on it (its close frame, 1008, had a second to get through to a
    // client that does not read, then the socket was cut): what is left drains, then ends.
    let ended = false;
    socket.on('close', () => (ended = true));
    socket.on('data', () => {});
    socket.resume();
    await until(() => ended, 'the server to hang up');
  });

  it('caps the connections one demo server takes', async () => {
    await startPlaygroundServer();
    const open: WebSocket[] = [];
    for (let i = 0; i < MAX_DEMO_CONNECTIONS; i++) open.push(await client('/demo/echo'));
    await expect(client('/demo/echo')).rejects.toThrow(/status 503/);
    for (const ws of open) ws.terminate();
  });
});
