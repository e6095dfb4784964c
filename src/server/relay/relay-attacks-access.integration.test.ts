/**
 * The access findings of the relay's security audit (H2, L1, L2, M5, I4, I3, L4; issue 12,
 * ../shared/reference/security-audit; the memory ones are in
 * relay-attacks-memory.integration.test.ts), each reproduced on 127.0.0.1 against a
 * relay in this process, bounded in count and time.
 * Every attack test here was run against the relay as it was before the hardening (81ecd0f,
 * options it did not have yet simply ignored) and failed there on its first assertion that
 * measures the attack: memory held, a second client refused, a forged log line, a dial that
 * should not have happened.
 */
import { createServer, request } from 'node:http';
import type { IncomingMessage } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import { WebSocketServer, WebSocket as WsWebSocket } from 'ws';
import {
  NodeWebSocket,
  rawRelayClient,
  startRelay,
  startUpstream,
  waitFor,
  watchRelaySocket,
} from './testing.ts';
import { squat } from './hostile-peers.ts';
import { startRawFrameServer } from '../../test-support/raw-frame-server.ts';
import { RELAY_PROTOCOL_VERSION, relayProtocols } from '../../shared/relay-protocol.ts';
import {
  MiB,
  closeAttackFixturesAfterEach,
  connect,
  extraCleanups,
  hostedRelay,
  patterns,
} from './attack-fixtures.ts';

closeAttackFixturesAfterEach();

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
