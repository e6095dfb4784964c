/**
 * The memory findings of the relay's security audit (H1, M1, L3; issue 12,
 * ../shared/reference/security-audit; the others are in
 * relay-attacks-access.integration.test.ts), each reproduced on 127.0.0.1 against a
 * relay in this process, bounded in count and time.
 * Every attack test here was run against the relay as it was before the hardening (81ecd0f,
 * options it did not have yet simply ignored) and failed there on its first assertion that
 * measures the attack: memory held, a second client refused, a forged log line, a dial that
 * should not have happened. The one exception is marked: "honest compressed traffic" checks
 * that the fix does not cut off honest peers, and passes on both.
 */
import { describe, expect, it } from 'vitest';
import { NodeWebSocket, rawRelayClient, recordEvents, startRelay, waitFor } from './testing.ts';
import { hostileUpstream, pageThatDoesNotRead } from './hostile-peers.ts';
import { defaultRelayConfig } from './config.ts';
import { PENDING_HIGH } from './page-sender.ts';
import { OP } from '../../test-support/raw-frame-server.ts';
import {
  externalBytes,
  heldSince,
  liveBytes,
  peakDuring,
  settleGarbage,
} from '../../test-support/memory-probe.ts';
import { FRAME_PING, RELAY_PROTOCOL_VERSION } from '../../shared/relay-protocol.ts';
import { createRelayTransport } from '../../runtime/transport/relay.ts';
import {
  MiB,
  closeAttackFixturesAfterEach,
  connect,
  echoThrough,
  echoUpstream,
  hostedRelay,
  patterns,
  queueLimit,
} from './attack-fixtures.ts';

closeAttackFixturesAfterEach();

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
    // The relay must cut every bomb at its bound (a fixed sleep measured a loaded machine
    // mid-attack). The pages are still connected (they never answer the close), so what was
    // written to them and not taken by the kernel is still held: live memory, not garbage.
    await waitFor(() => bomb.open() === 0, 10_000, 'the relay cut every bomb');
    await new Promise((r) => setTimeout(r, 200)); // an inflate in flight ends and is dropped
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

  // 1 KiB messages, and messages of 0 and 1 byte, whose cost to the relay is all overhead:
  // kept as objects, a queue of 1-byte records held 5x what it was charged.
  it.each([
    { what: '1 KiB', size: 1024, count: 20_000 },
    { what: '1-byte', size: 1, count: 200_000 },
    { what: 'empty', size: 0, count: 200_000 },
  ])(
    'holds no more than it is charged for when a page stops reading $what messages',
    async ({ size, count }) => {
      const relay = await startRelay();
      const flood = await hostileUpstream({ mode: 'big', count, size });
      const sessions = 4;
      await settleGarbage();
      const before = liveBytes();
      for (let i = 0; i < sessions; i++)
        pageThatDoesNotRead(relay.port, relay.endpoint.token, connect(flood.url));
      await waitFor(() => flood.connections() === sessions, 5000, 'the upstreams');
      await new Promise((r) => setTimeout(r, 1500));
      const perSession = (await heldSince(before)) / sessions;
      const charged = relay.relay.stats().bufferedBytes / sessions;
      // The pages really stopped reading: the queues passed the pause point.
      expect(relay.relay.stats().maxPendingCost).toBeGreaterThan(PENDING_HIGH);
      // Beyond what is charged: both sockets' read buffers (64 KiB reads, in flight or being
      // parsed) and the session's own objects (an idle one costs ~16 KiB, npm run bench).
      expect(perSession).toBeLessThan(charged + 320 * 1024);
    },
  );

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
