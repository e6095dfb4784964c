/**
 * Malformed input from either side never crashes the relay: random bytes and twisted relay
 * messages from pages (10,000 of them over real sockets), garbage on raw TCP before and after
 * the upgrade, and an upstream that answers the handshake and then sends garbage. After all
 * that, the relay still serves a valid connection. Seeded, so a failure can be replayed.
 */
import { createServer, connect as tcpConnect } from 'node:net';
import type { AddressInfo, Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { closeAll, rawRelayClient, startRelay, startUpstream, waitFor } from './testing.ts';
import type { RelayFixture } from './testing.ts';
import { RELAY_PROTOCOL_VERSION, relayProtocols } from '../../shared/relay-protocol.ts';
import { acceptKey } from '../../test-support/raw-frame-server.ts';

afterEach(closeAll);

/** mulberry32: small, fast, reproducible. */
function rng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = seed;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const random = rng(0x5eed);
const int = (n: number) => Math.floor(random() * n);
const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)]!;
const bytes = (n: number) => Buffer.from(Array.from({ length: n }, () => int(256)));

const WEIRD: readonly unknown[] = [
  null,
  -1,
  1.5,
  1e308,
  'x',
  '',
  [],
  {},
  true,
  2 ** 53,
  -0,
  '\u0000',
  { a: [1] },
];

/** One message a confused or hostile page might send. */
function malformedPageMessage(target: string): { data: Buffer | string; binary: boolean } {
  switch (int(9)) {
    case 0:
      return { data: bytes(int(200)), binary: true };
    case 1:
      return { data: bytes(int(200)), binary: false }; // often invalid UTF-8 in a text frame
    case 2:
      return { data: bytes(int(60)).toString('latin1'), binary: false };
    case 3: {
      const type = pick(['connect', 'ack', 'close', 'probe', 'opened', 'nope', 7, null]);
      const message: Record<string, unknown> = { type };
      for (const key of [
        'version',
        'url',
        'headers',
        'protocols',
        'bytes',
        'code',
        'reason',
        'window',
        'compression',
        'readLimit',
      ]) {
        if (random() < 0.5) message[key] = pick(WEIRD);
      }
      return { data: JSON.stringify(message), binary: false };
    }
    case 4:
      return {
        data: JSON.stringify({
          type: 'connect',
          version: RELAY_PROTOCOL_VERSION,
          url: pick([
            target,
            'ws://',
            'ws://[::1',
            'file:///etc/passwd',
            'ws://127.0.0.1:0/',
            'x'.repeat(3000),
          ]),
          headers: pick([
            {},
            { 'X-A': 'b' },
            { Host: 'x' },
            { 'a\nb': 'c' },
            { ok: 'v\r\n' },
            [1, 2],
          ]),
          protocols: pick([[], ['a', 'a'], ['bad proto'], [''], 'x', [1]]),
          compression: pick([0, 1, 2, 3, -1]),
          readLimit: pick([0, 10, -5, 2 ** 40]),
          dialTimeoutMs: pick([0, 1, 1e9, -1]),
        }),
        binary: false,
      };
    case 5:
      return {
        data: JSON.stringify({ type: 'ack', bytes: pick([-1, 1e300, 0, 5, 'x', null]) }),
        binary: false,
      };
    case 6:
      return {
        data: JSON.stringify({
          type: 'close',
          code: pick([0, 999, 1005, 1006, 2000, 5000, 65535, 70000, 4000]),
          reason: pick(['', 'x'.repeat(500), 7]),
        }),
        binary: false,
      };
    case 7:
      return {
        data: Buffer.concat([
          Buffer.from([pick([0x00, 0x03, 0x09, 0x0a, 0x7f, 0xff])]),
          bytes(int(300)),
        ]),
        binary: true,
      };
    default:
      return {
        data: '{"type":"connect","version":1,"url":' + '['.repeat(int(2000)),
        binary: false,
      };
  }
}

async function fuzzPage(
  relay: RelayFixture,
  target: string,
  messages: number,
  openFirst: boolean,
): Promise<void> {
  const outcome = await rawRelayClient(relay);
  if (!outcome.open) throw new Error(`handshake refused: ${outcome.status}`);
  const { socket, watch } = outcome;
  if (openFirst) {
    socket.send(JSON.stringify({ type: 'connect', version: RELAY_PROTOCOL_VERSION, url: target }));
    await waitFor(() => watch.control.length > 0, 5000, 'opened');
  }
  for (let i = 0; i < messages && socket.readyState === socket.OPEN; i++) {
    const m = malformedPageMessage(target);
    socket.send(m.data, { binary: m.binary });
  }
  await Promise.race([watch.closed, new Promise((r) => setTimeout(r, 200))]);
  socket.terminate();
}

function rawTcp(port: number, payload: Buffer): Promise<void> {
  return new Promise((resolve) => {
    const s: Socket = tcpConnect(port, '127.0.0.1', () => s.end(payload));
    s.on('error', () => resolve());
    s.on('close', () => resolve());
    s.setTimeout(1000, () => s.destroy());
    s.resume();
  });
}

/**
 * An "upstream" that completes the WebSocket handshake by hand, then sends garbage: bytes
 * that are not frames, which the raw-frame server (it parses what it sends) would refuse.
 */
async function garbageUpstream(): Promise<{ url: string; close(): void }> {
  const server = createServer((socket) => {
    socket.on('error', () => {});
    let request = '';
    socket.on('data', function onHandshake(chunk) {
      request += chunk.toString('latin1');
      const key = /sec-websocket-key: *(.+)\r\n/i.exec(request)?.[1];
      if (!request.includes('\r\n\r\n') || !key) return;
      socket.off('data', onHandshake);
      socket.write(
        `HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${acceptKey(key.trim())}\r\n\r\n`,
      );
      socket.write(bytes(1 + int(100)));
      setTimeout(() => socket.destroy(), 20);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `ws://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    close: () => server.close(),
  };
}

describe('relay fuzzing', () => {
  it('survives 10,000 malformed page messages, raw garbage and a garbage upstream, then still relays', async () => {
    const relay = await startRelay({ maxConnectionsPerClient: 1000 });
    const upstream = await startUpstream();
    upstream.wss.on('connection', (ws) =>
      ws.on('message', (d, isBinary) => ws.send(d, { binary: isBinary })),
    );

    const connections = 100;
    const perConnection = 100; // 10,000 messages in all
    for (let batch = 0; batch < connections; batch += 10) {
      await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          fuzzPage(relay, upstream.url, perConnection, (batch + i) % 2 === 0),
        ),
      );
    }

    const upgrade = `GET /relay HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Protocol: ${relayProtocols(relay.endpoint.token).join(', ')}\r\n\r\n`;
    await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        rawTcp(
          relay.port,
          i % 2 ? bytes(1 + int(500)) : Buffer.concat([Buffer.from(upgrade), bytes(1 + int(500))]),
        ),
      ),
    );

    const garbage = await garbageUpstream();
    for (let i = 0; i < 10; i++) {
      const outcome = await rawRelayClient(relay);
      if (!outcome.open) throw new Error('handshake refused');
      outcome.socket.send(
        JSON.stringify({ type: 'connect', version: RELAY_PROTOCOL_VERSION, url: garbage.url }),
      );
      const end = await outcome.watch.closed;
      expect(end.code).toBe(1000);
      const last = outcome.watch.control.at(-1);
      expect(['failed', 'close']).toContain(last?.type);
    }
    garbage.close();

    // Still alive and still correct.
    const outcome = await rawRelayClient(relay);
    if (!outcome.open) throw new Error('handshake refused');
    outcome.socket.send(
      JSON.stringify({ type: 'connect', version: RELAY_PROTOCOL_VERSION, url: upstream.url }),
    );
    await waitFor(() => outcome.watch.control.length > 0);
    expect(outcome.watch.control[0]).toMatchObject({ type: 'opened' });
    outcome.socket.send(Buffer.from([0x01, ...Buffer.from('still here')]));
    await waitFor(() => outcome.watch.binary.length > 0);
    expect(outcome.watch.binary[0]!.subarray(1).toString()).toBe('still here');
    outcome.socket.close();
    await waitFor(
      () => relay.relay.stats().connections === 0,
      8000,
      'every fuzzed connection to end',
    );
  }, 30_000);
});
