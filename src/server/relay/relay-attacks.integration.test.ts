/**
 * The findings of the relay's security audit (issue 12, ../shared/reference/security-audit),
 * each reproduced on 127.0.0.1 against a relay in this process, bounded in count and time.
 * Each test failed on the code the audit looked at (commit adaf0d5).
 */
import type { IncomingMessage } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket as WsWebSocket } from 'ws';
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
import { parseHostPattern } from './hosts.ts';
import type { HostPattern } from './hosts.ts';
import { PENDING_HIGH } from './page-sender.ts';
import { OP } from '../../test-support/raw-frame-server.ts';
import { collectGarbage } from '../../test-support/gc.ts';
import { closeRawFrameServers, startRawFrameServer } from '../../test-support/raw-frame-server.ts';
import { FRAME_PING, RELAY_PROTOCOL_VERSION } from '../../shared/relay-protocol.ts';
import { createRelayTransport } from '../../runtime/transport/relay.ts';

afterEach(async () => {
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

/** Collect twice, a little apart, so that freed buffers are really gone from the count. */
async function settleGarbage(): Promise<void> {
  for (let i = 0; i < 2; i++) {
    collectGarbage();
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Buffers and typed arrays of this process: where a relay's queued messages live. */
const externalBytes = (): number => process.memoryUsage().arrayBuffers;

/** Sample `measure` every 10 ms while `work` runs; returns the largest value seen. */
async function peakDuring(measure: () => number, work: () => Promise<void>): Promise<number> {
  let peak = measure();
  const timer = setInterval(() => (peak = Math.max(peak, measure())), 10);
  try {
    await work();
  } finally {
    clearInterval(timer);
  }
  return Math.max(peak, measure());
}

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
    expect(relay.relay.stats().maxPendingCost).toBeLessThanOrEqual(queueLimit(MiB));
    expect(relay.relay.stats().peakBufferedBytes).toBeLessThanOrEqual(sessions * perSession);
    // What the process really holds: the bound, plus room for the sockets' own buffers.
    expect(held).toBeLessThan(sessions * perSession + 8 * MiB);
    expect(await echoThrough(relay, victimUpstream.url)).toBe('still here');

    const frames = await pages[0]!.readToEnd();
    const texts = frames.filter((f) => f.opcode === OP.TEXT).map((f) => f.payload.toString());
    expect(texts.at(-1)).toMatch(/"type":"close","code":1008,"reason":"relay buffer limit/);
  });

  it('refuses new sessions while the memory budget is used up, and takes them again after', async () => {
    // 600 KB messages to pages that never read: the window lets two into the kernel's
    // buffers, the relay holds the third (600 KB) per session; two such sessions leave less
    // than one message (1 MiB) of a 2 MiB budget.
    const relay = await hostedRelay({ maxMemoryBytes: 2 * MiB });
    const big = await hostileUpstream({ mode: 'big', count: 40, size: 600_000 });
    const victimUpstream = await echoUpstream();
    const first = pageThatDoesNotRead(relay.port, relay.endpoint.token, connect(big.url));
    pageThatDoesNotRead(relay.port, relay.endpoint.token, connect(big.url));
    await waitFor(() => relay.relay.stats().bufferedBytes > MiB, 8000, 'the budget to fill up');
    expect(relay.relay.stats().peakBufferedBytes).toBeLessThanOrEqual(2 * MiB);
    const refused = await rawRelayClient(relay);
    if (!refused.open) throw new Error('expected the refusal in words');
    await waitFor(() => refused.watch.control.length > 0);
    expect(refused.watch.control[0]).toMatchObject({
      type: 'failed',
      message: expect.stringMatching(/at its memory limit/),
    });
    await first.readToEnd(2000); // reads, then hangs up: its share comes back
    await waitFor(() => relay.relay.stats().bufferedBytes < MiB, 8000, 'memory back');
    expect(await echoThrough(relay, victimUpstream.url)).toBe('still here');
  });
});

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
    for (let burst = 0; burst < 3; burst++) {
      squat(relay.port, relay.endpoint.token, 60);
      await new Promise((r) => setTimeout(r, 200));
      expect(relay.relay.stats().connections).toBeLessThanOrEqual(4);
    }
    // A second client, from another address (127.0.0.2 is loopback on Linux).
    const victim = new WsWebSocket(
      `ws://127.0.0.1:${relay.port}/relay?token=${relay.endpoint.token}`,
      { localAddress: '127.0.0.2' },
    );
    victim.on('error', () => {});
    const watch = watchRelaySocket(victim);
    await new Promise((resolve) => victim.once('open', resolve));
    victim.send(JSON.stringify({ type: 'probe', version: RELAY_PROTOCOL_VERSION }));
    await waitFor(() => watch.control.length > 0, 5000, 'the probe answer');
    expect(watch.control[0]).toEqual({ type: 'probe', version: RELAY_PROTOCOL_VERSION });
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
    expect(relay.logs.some((l) => l.includes(JSON.stringify(forged)))).toBe(true);
    expect(relay.logs.filter((l) => ['\n', '\r', '\u001b'].some((c) => l.includes(c)))).toEqual([]);
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
  it('holds for uncompressed messages to a page that does not read', async () => {
    const relay = await hostedRelay();
    const big = await hostileUpstream({ mode: 'big', count: 40, size: 1_000_000 });
    pageThatDoesNotRead(relay.port, relay.endpoint.token, connect(big.url));
    await waitFor(() => big.connections() === 1);
    await new Promise((r) => setTimeout(r, 1000));
    expect(relay.relay.stats().maxPendingCost).toBeLessThanOrEqual(queueLimit(MiB));
    expect(relay.relay.stats().peakBufferedBytes).toBeLessThanOrEqual(queueLimit(MiB) + MiB);
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

describe('M5 and I4: every spelling of this machine', () => {
  it.each(['ws://0.0.0.0:PORT/', 'ws://0:PORT/', 'ws://[::ffff:0.0.0.0]:PORT/', 'ws://[::]:PORT/'])(
    'RELAY_DENY_HOSTS=loopback refuses %s without connecting',
    async (template) => {
      const upstream = await startUpstream();
      const relay = await startRelay({
        hosts: { mode: 'local', allow: patterns('*'), deny: patterns('loopback') },
      });
      const outcome = await rawRelayClient(relay);
      if (!outcome.open) throw new Error('refused');
      outcome.socket.send(JSON.stringify(connect(template.replace('PORT', String(upstream.port)))));
      await waitFor(() => outcome.watch.control.length > 0);
      expect(outcome.watch.control[0]).toMatchObject({
        type: 'failed',
        message: expect.stringMatching(/denied by the relay \(pattern "loopback"\)/),
      });
      expect(upstream.tcpConnections()).toBe(0);
    },
  );
});

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
