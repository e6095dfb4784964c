/**
 * The findings of the relay's security audit (issue 12, ../shared/reference/security-audit),
 * each reproduced on 127.0.0.1 against a relay in this process, bounded in count and time.
 * Every attack test here was run against the relay as it was before the hardening (81ecd0f,
 * options it did not have yet simply ignored) and failed there on its first assertion that
 * measures the attack: memory held, a second client refused, a forged log line, a dial that
 * should not have happened. The one exception is marked: "honest compressed traffic" checks
 * that the fix does not cut off honest peers, and passes on both.
 */
import { createServer, request } from 'node:http';
import type { IncomingMessage } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocketServer, WebSocket as WsWebSocket } from 'ws';
import {
  NodeWebSocket,
  closeAll,
  rawRelayClient,
  recordEvents,
  startRelay,
  startUpstream,
  waitFor,
  watchRelaySocket,
} from './testing.ts';
import type { RelayFixture } from './testing.ts';
import { closeHostilePeers, hostileUpstream, pageThatDoesNotRead, squat } from './hostile-peers.ts';
import { defaultRelayConfig } from './config.ts';
import { parseHostPattern } from './hosts.ts';
import type { HostPattern } from './hosts.ts';
import { PENDING_HIGH } from './page-sender.ts';
import { OP } from '../../test-support/raw-frame-server.ts';
import { externalBytes, peakDuring, settleGarbage } from '../../test-support/memory-probe.ts';
import { closeRawFrameServers, startRawFrameServer } from '../../test-support/raw-frame-server.ts';
import { FRAME_PING, RELAY_PROTOCOL_VERSION, relayProtocols } from '../../shared/relay-protocol.ts';
import { createRelayTransport } from '../../runtime/transport/relay.ts';

const extraCleanups: (() => Promise<void>)[] = [];

afterEach(async () => {
  for (const fn of extraCleanups.splice(0)) await fn();
  await closeHostilePeers();
  await closeRawFrameServers();
  await closeAll();
});

const MiB = 1024 * 1024;
/** The documented queue bound towards one page: the pause point plus max(4 MiB, read_limit). */
const queueLimit = (readLimit: number): number => PENDING_HIGH + Math.max(readLimit, 4 * MiB) + 32;
const patterns = (...sources: string[]): HostPattern[] =>
  sources.map((s) => parseHostPattern(s) as HostPattern);
const connect = (url: string, extra: Record<string, unknown> = {}) => ({
  type: 'connect',
  version: RELAY_PROTOCOL_VERSION,
  url,
  headers: {},
  protocols: [],
  ...extra,
});

/** A page that opens `url` through the relay and gets an echo back: the relay still serves. */
async function echoThrough(relay: RelayFixture, url: string) {
  const outcome = await rawRelayClient(relay);
  if (!outcome.open) return `refused with ${outcome.status}`;
  outcome.socket.send(JSON.stringify(connect(url)));
  await waitFor(() => outcome.watch.control.length > 0, 5000, 'opened');
  if (outcome.watch.control[0]!.type !== 'opened') return JSON.stringify(outcome.watch.control[0]);
  outcome.socket.send(Buffer.from([0x01, ...Buffer.from('still here')]));
  await waitFor(() => outcome.watch.binary.length > 0, 5000, 'the echo');
  outcome.socket.close();
  return outcome.watch.binary[0]!.subarray(1).toString();
}

async function echoUpstream() {
  const upstream = await startUpstream();
  upstream.wss.on('connection', (ws) =>
    ws.on('message', (d, isBinary) => ws.send(d, { binary: isBinary })),
  );
  return upstream;
}

function hostedRelay(overrides: Parameters<typeof startRelay>[0] = {}) {
  return startRelay({
    mode: 'hosted',
    hosts: { mode: 'hosted', allow: patterns('127.0.0.1'), deny: [] },
    maxMessageBytes: MiB,
    ...overrides,
  });
}

describe('H1: a decompression bomb from the upstream', () => {
  it('closes the session with 1008 at its bound, keeps the relay small, and serves others', async () => {
    const relay = await hostedRelay();
    const victimUpstream = await echoUpstream();
    // 60 messages of ~1 KB on the wire, 1 MiB each inflated: 60 MiB per session unbounded.
    const bomb = await hostileUpstream({ mode: 'bomb', count: 60, size: MiB });
    const sessions = 4;
    await settleGarbage();
    const before = externalBytes();
    const pages = Array.from({ length: sessions }, () =>
      pageThatDoesNotRead(relay.port, relay.endpoint.token, connect(bomb.url, { compression: 2 })),
    );
    await waitFor(() => bomb.connections() === sessions, 5000, 'the bomb upstream dialed');
    // Long enough for ws to inflate whatever it read; the relay must have stopped by then. The
    // pages are still connected (they never answer the close), so what is queued for them is
    // still held: live memory, not garbage (what ws inflated after the cut is dropped at once).
    await new Promise((r) => setTimeout(r, 1500));
    await settleGarbage();
    const held = externalBytes() - before;
    const perSession = queueLimit(MiB) + MiB; // the queue plus the frame being written
    // What the process really holds: the bound, plus room for the sockets' own buffers.
    expect(held).toBeLessThan(sessions * perSession + 8 * MiB);
    expect(relay.relay.stats().maxPendingCost).toBeLessThanOrEqual(queueLimit(MiB));
    expect(relay.relay.stats().peakBufferedBytes).toBeLessThanOrEqual(sessions * perSession);
    expect(await echoThrough(relay, victimUpstream.url)).toBe('still here');

    const frames = await pages[0]!.readToEnd();
    const texts = frames.filter((f) => f.opcode === OP.TEXT).map((f) => f.payload.toString());
    expect(texts.at(-1)).toMatch(/"type":"close","code":1008,"reason":"relay buffer limit/);
  });

  it('holds no more than its memory budget for many sessions, refuses new ones while it is used up, and takes them again after', async () => {
    // 600 KB messages to pages that never read: the window lets two into the kernel's
    // buffers, the relay holds the third (600 KB) per session, plus what ws is receiving.
    // Six such sessions would hold ~11 MiB; two of them leave less than one message (1 MiB)
    // of a 2 MiB budget, so the relay refuses the rest.
    const budget = 2 * MiB;
    const relay = await hostedRelay({ maxMemoryBytes: budget });
    const big = await hostileUpstream({ mode: 'big', count: 40, size: 600_000 });
    const victimUpstream = await echoUpstream();
    await settleGarbage();
    const before = externalBytes();
    const pages = [];
    for (let i = 0; i < 6; i++) {
      pages.push(pageThatDoesNotRead(relay.port, relay.endpoint.token, connect(big.url)));
      await new Promise((r) => setTimeout(r, 100)); // one after the other, as the budget fills
    }
    await new Promise((r) => setTimeout(r, 1500));
    await settleGarbage();
    // What the process really holds: the budget, plus what ws is receiving for the sessions
    // that were let in (outside the budget, docs/relay.md) and the sockets' own buffers.
    expect(externalBytes() - before).toBeLessThan(budget + 2 * MiB);
    const refused = await rawRelayClient(relay);
    if (!refused.open) throw new Error('expected the refusal in words');
    refused.socket.send(JSON.stringify({ type: 'probe', version: RELAY_PROTOCOL_VERSION }));
    await waitFor(() => refused.watch.control.length > 0, 5000, 'the answer');
    expect(refused.watch.control[0]).toMatchObject({
      type: 'failed',
      message: expect.stringMatching(/at its memory limit/),
    });
    expect(relay.relay.stats().peakBufferedBytes).toBeLessThanOrEqual(budget);
    // The pages read, then hang up: their share comes back, and others get in again.
    await Promise.all(pages.map((page) => page.readToEnd(2000)));
    await waitFor(() => relay.relay.stats().bufferedBytes < MiB, 8000, 'memory back');
    expect(await echoThrough(relay, victimUpstream.url)).toBe('still here');
  });
});

// Not an attack: the fix must not cut off honest peers (this passes on the old code too).
describe('H1, the other side: honest compressed traffic', () => {
  it('reaches a page that pauses, with a small read_limit, whole', async () => {
    const relay = await startRelay();
    // 20,000 messages of 100 bytes, 7 bytes each on the wire, written at once: each socket
    // read inflates to far more than the read_limit past the pause point (2.6 MB in all).
    const total = 20_000;
    const upstream = await hostileUpstream({ mode: 'bomb', count: total, size: 100 });
    const rec = recordEvents();
    const transport = createRelayTransport(relay.endpoint, NodeWebSocket, { window: 64 * 1024 });
    const conn = transport.connect(
      {
        url: upstream.url,
        headers: {},
        protocols: [],
        dialTimeoutMs: 5000,
        compression: 2,
        compressionThreshold: 0,
        readLimit: 1024,
      },
      rec.events,
    );
    conn.pause();
    await rec.opened.promise;
    // The queue goes past the pause point by more than the read_limit, and the session lives.
    await waitFor(
      () => relay.relay.stats().maxPendingCost > PENDING_HIGH + 1024 * 64,
      10_000,
      'the queue past its pause point',
    );
    conn.resume();
    await waitFor(() => rec.messages.length === total, 15_000, 'every message');
    expect(rec.closed.settled).toBe(false);
    expect(relay.relay.stats().maxPendingCost).toBeLessThanOrEqual(queueLimit(1024));
  });
});

describe('H2: one address squatting on the connection cap', () => {
  it('never counts refused connections, so another client still gets in', async () => {
    const relay = await hostedRelay({ maxConnectionsPerClient: 4, maxTotalConnections: 40 });
    const heapBefore = process.memoryUsage().heapUsed;
    const counted: number[] = [];
    for (let burst = 0; burst < 3; burst++) {
      squat(relay.port, relay.endpoint.token, 60);
      await new Promise((r) => setTimeout(r, 200));
      counted.push(relay.relay.stats().connections);
    }
    // A second client, from another address (127.0.0.2 is loopback on Linux).
    const victim = new WsWebSocket(relay.endpoint.url, relayProtocols(relay.endpoint.token), {
      localAddress: '127.0.0.2',
    });
    victim.on('error', () => {});
    const watch = watchRelaySocket(victim);
    await new Promise((resolve) => victim.once('open', resolve));
    victim.send(JSON.stringify({ type: 'probe', version: RELAY_PROTOCOL_VERSION }));
    await waitFor(() => watch.control.length > 0, 5000, 'the probe answer');
    expect(watch.control[0]).toEqual({ type: 'probe', version: RELAY_PROTOCOL_VERSION });
    // The squatter holds its own four slots, never more: refusals are not counted.
    expect(Math.max(...counted)).toBeLessThanOrEqual(4);
    await waitFor(() => relay.relay.stats().refused > 100, 10_000, 'the squatters refused');
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(64 * MiB);
  });
});

describe('M1: pings from the page', () => {
  it('are held back like data when the upstream does not read', async () => {
    const relay = await startRelay();
    const upstream = await hostileUpstream({ mode: 'noread' });
    const outcome = await rawRelayClient(relay);
    if (!outcome.open) throw new Error('refused');
    outcome.socket.send(JSON.stringify(connect(upstream.url)));
    await waitFor(() => outcome.watch.control.length > 0);
    expect(outcome.watch.control[0]).toMatchObject({ type: 'opened' });
    const ping = Buffer.alloc(126, 0x70);
    ping[0] = FRAME_PING;
    let sent = 0;
    const peak = await peakDuring(
      () => relay.relay.stats().bufferedBytes,
      async () => {
        // 200,000 pings (25 MB): far past what the kernel's socket buffers take.
        while (sent < 200_000 && outcome.socket.bufferedAmount < 8 * MiB) {
          for (let i = 0; i < 2000; i++) outcome.socket.send(ping);
          sent += 2000;
          await new Promise((r) => setTimeout(r, 2));
        }
        await new Promise((r) => setTimeout(r, 200));
      },
    );
    // The relay stopped reading the page: the pings wait on the page's side, not the relay's.
    expect(outcome.socket.bufferedAmount).toBeGreaterThan(4 * MiB);
    expect(peak).toBeLessThan(2 * MiB);
  });
});

describe('L1: what an upstream says in its close reason', () => {
  it('cannot forge log lines or reach the terminal', async () => {
    const relay = await startRelay();
    const server = await startRawFrameServer();
    const outcome = await rawRelayClient(relay);
    if (!outcome.open) throw new Error('refused');
    outcome.socket.send(JSON.stringify(connect(server.url)));
    const peer = await server.nextPeer();
    const forged = 'x\nrelay: refused 6.6.6.6: forged line \u001b[31mRED\u001b[0m';
    peer.close(1000, forged);
    await peer.waitForClose();
    await outcome.watch.closed;
    await waitFor(() => relay.logs.some((l) => l.includes('closed 1000')));
    // No log line holds a line break or an escape: the forged line and the colour are gone...
    expect(relay.logs.filter((l) => ['\n', '\r', '\u001b'].some((c) => l.includes(c)))).toEqual([]);
    // ...and the reason is still there to read, quoted.
    expect(relay.logs.some((l) => l.includes(JSON.stringify(forged)))).toBe(true);
  });
});

describe('L2: a hosted relay towards the page', () => {
  it('says the same for every failed dial, and keeps the cause to its log', async () => {
    const relay = await startRelay({
      mode: 'hosted',
      detailedErrors: false,
      hosts: { mode: 'hosted', allow: patterns('*'), deny: [] },
    });
    const replies: string[] = [];
    for (const url of ['ws://127.0.0.1:9/', 'ws://localhost:9/', 'ws://10.0.0.7:80/']) {
      const outcome = await rawRelayClient(relay);
      if (!outcome.open) throw new Error('refused');
      outcome.socket.send(JSON.stringify(connect(url)));
      await waitFor(() => outcome.watch.control.length > 0);
      replies.push(String(outcome.watch.control[0]!.message));
    }
    for (const reply of replies) {
      expect(reply).toMatch(/^relay could not connect to [^ ]+ \(refused or unreachable/);
      expect(reply).not.toMatch(/resolves to|non-public|127\.0\.0\.1 \(|connection refused/);
    }
    expect(relay.logs.join('\n')).toMatch(/localhost resolves to (127\.0\.0\.1|::1)/);
  });
});

describe('L3: the bound per connection', () => {
  it('holds, with the hosted defaults, for the largest messages to pages that do not read', async () => {
    // The audit's setup: a hosted relay with its default limits, an upstream sending messages
    // as large as those limits let through, uncompressed, to pages that stop reading. With
    // 16 MiB messages each session held ~2.6 of them (~42 MiB); docs/relay.md now promises
    // 9.33 MiB per connection in the worst case with hosted defaults.
    const hosted = defaultRelayConfig('hosted');
    const relay = await startRelay({
      mode: 'hosted',
      hosts: { mode: 'hosted', allow: patterns('127.0.0.1'), deny: [] },
      maxMessageBytes: hosted.maxMessageBytes,
      maxMemoryBytes: hosted.maxMemoryBytes,
      maxTotalConnections: hosted.maxTotalConnections,
      maxConnectionsPerClient: hosted.maxConnectionsPerClient,
    });
    const largest = hosted.maxMessageBytes;
    const big = await hostileUpstream({ mode: 'big', count: 4, size: largest });
    const sessions = 2;
    await settleGarbage();
    const before = externalBytes();
    for (let i = 0; i < sessions; i++)
      pageThatDoesNotRead(relay.port, relay.endpoint.token, connect(big.url));
    await waitFor(() => big.connections() === sessions, 5000, 'the upstreams');
    await new Promise((r) => setTimeout(r, 1500));
    await settleGarbage();
    const documentedWorstCase = 9.33 * MiB; // per connection, hosted defaults (docs/relay.md)
    expect(externalBytes() - before).toBeLessThan(sessions * documentedWorstCase);
    expect(relay.relay.stats().maxPendingCost).toBeLessThanOrEqual(queueLimit(largest));
    expect(relay.relay.stats().peakBufferedBytes).toBeLessThanOrEqual(
      sessions * (queueLimit(largest) + largest),
    );
  });

  it('holds no more than it is charged for when a page stops reading small messages', async () => {
    const relay = await startRelay();
    const flood = await hostileUpstream({ mode: 'big', count: 20_000, size: 1024 });
    const sessions = 8;
    await settleGarbage();
    const before = externalBytes();
    for (let i = 0; i < sessions; i++)
      pageThatDoesNotRead(relay.port, relay.endpoint.token, connect(flood.url));
    await waitFor(() => flood.connections() === sessions, 5000, 'the upstreams');
    await new Promise((r) => setTimeout(r, 1500));
    await settleGarbage();
    const perSession = (externalBytes() - before) / sessions;
    const charged = relay.relay.stats().bufferedBytes / sessions;
    expect(charged).toBeGreaterThan(PENDING_HIGH); // the pages really stopped reading
    // Beyond what is charged: sockets' read buffers here (the pages' and the upstreams').
    expect(perSession).toBeLessThan(charged + 256 * 1024);
  });

  it('measures a control message in bytes, before decoding it', async () => {
    const relay = await startRelay();
    const outcome = await rawRelayClient(relay);
    if (!outcome.open) throw new Error('refused');
    // 30,000 characters, 90,000 bytes: under the limit in characters, over it in bytes.
    outcome.socket.send(
      JSON.stringify(connect('ws://127.0.0.1:9/', { headers: { 'X-Big': '€'.repeat(30_000) } })),
    );
    const end = await outcome.watch.closed;
    expect(end.code).toBe(1002);
    expect(end.reason).toMatch(/control message longer than 65536 bytes/);
  });
});

/** A ws server on `host` (port 0) that counts the TCP connections it accepts. */
async function upstreamOn(host: string): Promise<{ port: number; tcpConnections(): number }> {
  if (host === '127.0.0.1') return startUpstream();
  const server = createServer((_req, res) => res.writeHead(404).end());
  const wss = new WebSocketServer({ noServer: true });
  let accepted = 0;
  const sockets = new Set<Socket>();
  server.on('connection', (s: Socket) => {
    accepted++;
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  server.on('upgrade', (req, socket, head) =>
    wss.handleUpgrade(req, socket, head, (ws) => ws.on('error', () => {})),
  );
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  extraCleanups.push(async () => {
    for (const s of sockets) s.destroy();
    wss.close();
    await new Promise((r) => server.close(r));
  });
  return { port: (server.address() as AddressInfo).port, tcpConnections: () => accepted };
}

describe('M5: every spelling of this machine', () => {
  // [::] reaches ::1 as 0.0.0.0 reaches 127.0.0.1, so its upstream listens there.
  it.each([
    ['ws://0.0.0.0:PORT/', '127.0.0.1'],
    ['ws://0:PORT/', '127.0.0.1'],
    ['ws://[::ffff:0.0.0.0]:PORT/', '127.0.0.1'],
    ['ws://[::]:PORT/', '::1'],
  ])('RELAY_DENY_HOSTS=loopback refuses %s without connecting', async (template, listenOn) => {
    const upstream = await upstreamOn(listenOn);
    const relay = await startRelay({
      hosts: { mode: 'local', allow: patterns('*'), deny: patterns('loopback') },
    });
    const outcome = await rawRelayClient(relay);
    if (!outcome.open) throw new Error('refused');
    outcome.socket.send(JSON.stringify(connect(template.replace('PORT', String(upstream.port)))));
    await waitFor(() => outcome.watch.control.length > 0);
    expect(upstream.tcpConnections()).toBe(0);
    expect(outcome.watch.control[0]).toMatchObject({
      type: 'failed',
      message: expect.stringMatching(/denied by the relay \(pattern "loopback"\)/),
    });
  });
});

describe('I4: addresses a hosted relay took for public', () => {
  // IPv4-compatible (::127.0.0.1), SIIT, local-use NAT64, site-local, Teredo. Where such a
  // route exists they lead into this machine or its network; here they end in "no route to
  // host" after a dial, which is the point: a hosted relay must not dial them at all.
  it.each(['[::7f00:1]', '[::ffff:0:7f00:1]', '[64:ff9b:1::a00:1]', '[fec0::1]', '[2001::1]'])(
    'refuses ws://%s:9/ as non-public, without a dial',
    async (host) => {
      const relay = await startRelay({
        mode: 'hosted',
        detailedErrors: true,
        hosts: { mode: 'hosted', allow: patterns('*'), deny: [] },
      });
      const outcome = await rawRelayClient(relay);
      if (!outcome.open) throw new Error('refused');
      outcome.socket.send(JSON.stringify(connect(`ws://${host}:9/`, { dialTimeoutMs: 3000 })));
      await waitFor(() => outcome.watch.control.length > 0, 8000, 'the answer');
      expect(outcome.watch.control[0]).toMatchObject({
        type: 'failed',
        message: expect.stringMatching(
          /a non-public address, which this hosted relay does not dial/,
        ),
      });
    },
  );
});

/** The HTTP answer to an upgrade request for `path` (101 or a refusal), with its body. */
function upgradeReply(port: number, path: string, headers: Record<string, string>) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = request({
      port,
      host: '127.0.0.1',
      path,
      headers: {
        Connection: 'Upgrade',
        Upgrade: 'websocket',
        'Sec-WebSocket-Version': '13',
        'Sec-WebSocket-Key': 'dGhlIHNhbXBsZSBub25jZQ==',
        ...headers,
      },
    });
    req.on('upgrade', (res, socket) => {
      socket.destroy();
      resolve({ status: res.statusCode ?? 0, body: '' });
    });
    req.on('response', (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('I3: the token', () => {
  it('travels as a subprotocol, not in the URL, and the relay answers with its own', async () => {
    const relay = await startRelay();
    const seen: { url?: string; protocols?: string }[] = [];
    relay.server.prependListener('upgrade', (req: IncomingMessage) =>
      seen.push({ url: req.url, protocols: req.headers['sec-websocket-protocol'] }),
    );
    const { probeRelay } = await import('../../runtime/transport/relay.ts');
    expect(await probeRelay(relay.endpoint, NodeWebSocket, 2000)).toEqual({ ok: true });
    expect(seen).toHaveLength(1);
    expect(seen[0]!.url).toBe('/relay');
    expect(seen[0]!.url).not.toContain(relay.endpoint.token);
    expect(seen[0]!.protocols).toMatch(/^lua-relay, ?lua-relay-token\.[A-Za-z0-9_-]+$/);
  });
  it.each([
    ['alone', false],
    ['beside the right subprotocol', true],
  ])(
    'refuses the right token in the query string (%s) with a 400 that says where it goes',
    async (_name, withSubprotocol) => {
      const relay = await startRelay();
      const token = relay.endpoint.token;
      const reply = await upgradeReply(relay.port, `/relay?token=${encodeURIComponent(token)}`, {
        ...(withSubprotocol ? { 'Sec-WebSocket-Protocol': relayProtocols(token).join(', ') } : {}),
      });
      expect(reply.status).toBe(400);
      expect(reply.body).toMatch(/not accepted.*subprotocol "lua-relay-token\.<base64url/);
      expect(reply.body).not.toContain(token);
      expect(relay.logs.join('\n')).not.toContain(token);
    },
  );
});

describe('L4: a denied name', () => {
  it('denies the address it resolves to, whatever the URL calls it', async () => {
    const upstream = await startUpstream();
    const relay = await startRelay({
      hosts: { mode: 'local', allow: patterns('*'), deny: patterns('localhost') },
    });
    for (const url of [upstream.url, `ws://[::ffff:127.0.0.1]:${upstream.port}/`]) {
      const outcome = await rawRelayClient(relay);
      if (!outcome.open) throw new Error('refused');
      outcome.socket.send(JSON.stringify(connect(url)));
      await waitFor(() => outcome.watch.control.length > 0);
      expect(outcome.watch.control[0]).toMatchObject({
        type: 'failed',
        message: expect.stringMatching(/pattern "localhost" resolves to it/),
      });
    }
    expect(upstream.tcpConnections()).toBe(0);
  });
});
