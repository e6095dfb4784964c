/**
 * The relay's defences, through real sockets on 127.0.0.1: token, Origin, host lists (checked
 * before any upstream connection), header rules, caps, timeouts.
 */
import type { IncomingMessage } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { closeAll, rawRelayClient, startRelay, startUpstream, waitFor } from './testing.ts';
import type { RelayFixture } from './testing.ts';
import { parseHostPattern } from './hosts.ts';
import type { HostPattern } from './hosts.ts';
import { RELAY_PROTOCOL_VERSION } from '../../shared/relay-protocol.ts';
import { connect } from './attack-fixtures.ts';

afterEach(closeAll);

const patterns = (...sources: string[]): HostPattern[] =>
  sources.map((s) => parseHostPattern(s) as HostPattern);

const connectMessage = (url: string, extra: Record<string, unknown> = {}): string =>
  JSON.stringify(connect(url, extra));

/** Open a relay socket, ask for `url`, and return the first control message and the close. */
async function ask(
  relay: RelayFixture,
  url: string,
  extra: Record<string, unknown> = {},
  origin?: string,
) {
  const outcome = await rawRelayClient(relay, origin ? { origin } : {});
  if (!outcome.open) throw new Error(`relay refused the handshake: ${outcome.status}`);
  const watch = outcome.watch;
  outcome.socket.send(connectMessage(url, extra));
  await waitFor(() => watch.control.length > 0, 5000, 'a reply');
  return { reply: watch.control[0]!, watch, socket: outcome.socket };
}

describe('relay admission', () => {
  it('refuses a handshake without a token with 401', async () => {
    const relay = await startRelay();
    expect(await rawRelayClient(relay, { token: null })).toEqual({ open: false, status: 401 });
  });

  it('refuses a wrong token with 401', async () => {
    const relay = await startRelay();
    expect(await rawRelayClient(relay, { token: relay.endpoint.token.slice(0, -1) + 'x' })).toEqual(
      { open: false, status: 401 },
    );
  });

  it('refuses an Origin that is not allowed with 403', async () => {
    const relay = await startRelay({ allowedOrigins: ['http://127.0.0.1:5173'] });
    expect(await rawRelayClient(relay, { origin: 'http://evil.example' })).toEqual({
      open: false,
      status: 403,
    });
    expect((await rawRelayClient(relay, { origin: 'http://127.0.0.1:5173' })).open).toBe(true);
  });

  it('accepts a missing Origin in local mode but not when an Origin is required', async () => {
    expect((await rawRelayClient(await startRelay())).open).toBe(true);
    const strict = await startRelay({
      allowMissingOrigin: false,
      allowedOrigins: ['http://a.test'],
    });
    expect(await rawRelayClient(strict)).toEqual({ open: false, status: 403 });
  });

  it('leaves other paths to the next handler', async () => {
    const relay = await startRelay();
    const req = { url: '/other?token=' + relay.endpoint.token, headers: {}, socket: {} } as never;
    expect(relay.relay.handleUpgrade(req, {} as never, Buffer.alloc(0))).toBe(false);
  });
});

describe('relay target checks', () => {
  it('refuses a denied target without any connection to it', async () => {
    const upstream = await startUpstream();
    const relay = await startRelay({
      hosts: { mode: 'local', allow: patterns('*'), deny: patterns('127.0.0.1') },
    });
    const { reply, watch } = await ask(relay, upstream.url);
    expect(reply.type).toBe('failed');
    expect(reply.message).toMatch(/denied by the relay/);
    expect((await watch.closed).code).toBe(1000);
    expect(upstream.tcpConnections()).toBe(0);
  });

  it('refuses a host outside the allow list', async () => {
    const upstream = await startUpstream();
    const relay = await startRelay({
      hosts: { mode: 'local', allow: patterns('*.example.com'), deny: [] },
    });
    const { reply } = await ask(relay, upstream.url);
    expect(reply.message).toMatch(/not in the relay's allowed hosts/);
    expect(upstream.tcpConnections()).toBe(0);
  });

  it('in hosted mode refuses loopback by address and by a name that resolves to it', async () => {
    const upstream = await startUpstream();
    const relay = await startRelay({ hosts: { mode: 'hosted', allow: patterns('*'), deny: [] } });
    const byAddress = await ask(relay, upstream.url);
    expect(byAddress.reply.message).toMatch(/non-public address/);
    const byName = await ask(relay, `ws://localhost:${upstream.port}/`);
    expect(byName.reply.type).toBe('failed');
    expect(byName.reply.message).toMatch(/non-public address/);
    expect(upstream.tcpConnections()).toBe(0);
  });

  it('in hosted mode dials a private address that the allow list names explicitly', async () => {
    const upstream = await startUpstream();
    const relay = await startRelay({
      hosts: { mode: 'hosted', allow: patterns('*', '127.0.0.1'), deny: [] },
    });
    const { reply } = await ask(relay, upstream.url);
    expect(reply.type).toBe('opened');
  });

  it('refuses schemes other than ws and wss', async () => {
    const relay = await startRelay();
    const { reply } = await ask(relay, 'http://127.0.0.1:1/');
    expect(reply).toMatchObject({
      type: 'failed',
      message: expect.stringMatching(/only ws:\/\/ and wss:\/\//),
    });
  });

  it.each([
    [{ Host: 'evil' }, /Host.*cannot be overridden/],
    [{ Connection: 'close' }, /cannot be overridden/],
    [{ Upgrade: 'h2c' }, /cannot be overridden/],
    [{ 'Sec-WebSocket-Key': 'x' }, /cannot be overridden/],
    [{ 'Content-Length': '5' }, /cannot be overridden/],
    [{ 'X-Ok': 'a\r\nInjected: 1' }, /CR, LF or NUL/],
    [{ 'Bad Name': 'x' }, /invalid header name/],
    [{ '': 'x' }, /invalid header name/],
  ])('refuses forbidden or malformed headers %j before dialing', async (headers, error) => {
    const upstream = await startUpstream();
    const relay = await startRelay();
    const { reply } = await ask(relay, upstream.url, { headers });
    expect(reply.type).toBe('failed');
    expect(reply.message).toMatch(error);
    expect(upstream.tcpConnections()).toBe(0);
  });

  it('refuses an unknown protocol version', async () => {
    const relay = await startRelay();
    const { reply } = await ask(relay, 'ws://127.0.0.1:1/', { version: 99 });
    expect(reply.message).toMatch(/unsupported relay protocol version 99/);
  });
});

describe('relay caps', () => {
  it('holds the per-client connection cap and frees a slot when a connection ends', async () => {
    const upstream = await startUpstream();
    const relay = await startRelay({ maxConnectionsPerClient: 3 });
    const open = [];
    for (let i = 0; i < 3; i++) open.push(await ask(relay, upstream.url));
    expect(open.every((o) => o.reply.type === 'opened')).toBe(true);
    const fourth = await rawRelayClient(relay);
    if (!fourth.open) throw new Error('expected an open socket');
    const watch = fourth.watch;
    await waitFor(() => watch.control.length > 0);
    expect(watch.control[0]).toMatchObject({
      type: 'failed',
      message: expect.stringMatching(/too many relay connections.*limit 3/),
    });
    expect((await watch.closed).code).toBe(1008);
    open[0]!.socket.close();
    await waitFor(() => relay.relay.stats().connections === 2);
    expect((await ask(relay, upstream.url)).reply.type).toBe('opened');
  });

  it('counts every address of one IPv6 /64 as one client (I9)', async () => {
    const relay = await startRelay({ maxConnectionsPerClient: 2 });
    // This machine has one IPv6 address (::1): the relay is shown the address a test names.
    relay.server.prependListener('upgrade', (req: IncomingMessage) => {
      const address = req.headers['x-test-remote-address'];
      if (typeof address === 'string')
        Object.defineProperty(req.socket, 'remoteAddress', { value: address, configurable: true });
    });
    const from = async (address: string) => {
      const outcome = await rawRelayClient(relay, {
        headers: { 'x-test-remote-address': address },
      });
      if (!outcome.open) throw new Error(`refused the handshake: ${outcome.status}`);
      outcome.socket.send(JSON.stringify({ type: 'probe', version: RELAY_PROTOCOL_VERSION }));
      await waitFor(() => outcome.watch.control.length > 0, 5000, 'the answer');
      return outcome.watch.control[0]!;
    };
    // Two connections that stay open (never say what they want) from one /64...
    for (const address of ['2001:db8:1:2::a', '2001:db8:1:2::b']) {
      const outcome = await rawRelayClient(relay, {
        headers: { 'x-test-remote-address': address },
      });
      expect(outcome.open).toBe(true);
    }
    await waitFor(() => relay.relay.stats().connections === 2);
    // ...use up its cap, whichever of its 2^64 addresses the third comes from...
    expect(await from('2001:db8:1:2:ffff:ffff:ffff:1')).toMatchObject({
      type: 'failed',
      message: expect.stringMatching(/too many relay connections from this client \(limit 2\)/),
    });
    // ...and not the next /64's.
    expect(await from('2001:db8:1:3::a')).toEqual({
      type: 'probe',
      version: RELAY_PROTOCOL_VERSION,
    });
  });

  it('caps the message size in both directions', async () => {
    const upstream = await startUpstream();
    const relay = await startRelay({ maxMessageBytes: 1024 });
    const { socket, watch } = await ask(relay, upstream.url, { readLimit: 0 });
    const server = await upstream.nextSocket();
    server.send(Buffer.alloc(2000));
    await waitFor(() => watch.control.length > 1);
    expect(watch.control[1]).toMatchObject({ type: 'close', code: 1009 });
    expect(watch.binary).toHaveLength(0);

    const second = await ask(relay, upstream.url);
    const closed = second.watch.closed;
    second.socket.send(Buffer.alloc(2000, 2));
    expect((await closed).code).toBe(1009);
    void socket;
  });

  it('closes both sides with 1001 after the idle timeout', async () => {
    const upstream = await startUpstream();
    const relay = await startRelay({ idleTimeoutMs: 150 });
    const { watch } = await ask(relay, upstream.url);
    const server = await upstream.nextSocket();
    const upstreamClosed = new Promise<number>((resolve) =>
      server.on('close', (code) => resolve(code)),
    );
    await waitFor(() => watch.control.length > 1, 2000, 'idle close');
    expect(watch.control[1]).toMatchObject({
      type: 'close',
      code: 1001,
      reason: expect.stringMatching(/idle/),
    });
    expect(await upstreamClosed).toBe(1001);
  });

  it('closes a page socket that never says what it wants', async () => {
    const relay = await startRelay({ helloTimeoutMs: 100 });
    const outcome = await rawRelayClient(relay);
    if (!outcome.open) throw new Error('expected an open socket');
    expect((await outcome.watch.closed).code).toBe(1008);
  });
});
