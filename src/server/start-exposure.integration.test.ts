/**
 * Findings M4 and I8 of the security audit: npm start on an address other than the loopback
 * names (here 127.0.0.2, which is loopback to Linux but not to the Host check) and on ::1.
 * And the review's residue of M4: this machine's other interface addresses.
 */
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { createServer } from 'node:net';
import type { AddressInfo, Server } from 'node:net';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { startPlayground } from './start.ts';
import type { Playground } from './start.ts';
import { closeAll, startUpstream } from './relay/testing.ts';
import { RELAY_PROTOCOL_VERSION, relayProtocols } from '../shared/relay-protocol.ts';

let root: string;
let pg: Playground | undefined;
const ORIGIN = 'http://playground.test:8080';

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'pg-exposed-'));
  await mkdir(join(root, 'dist'), { recursive: true });
  await writeFile(
    join(root, 'dist', 'index.html'),
    '<html><head><!--playground-config--></head></html>',
  );
});

const listeners: Server[] = [];

afterEach(async () => {
  for (const l of listeners.splice(0)) await new Promise((r) => l.close(r));
  await pg?.close();
  pg = undefined;
  await closeAll();
  await rm(root, { recursive: true, force: true });
});

const start = (host: string, env: Record<string, string>) =>
  startPlayground({ host, port: 0, root, build: 'never', env, log: () => {} });

function get(host: string, hostHeader: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host, port: pg!.port, path: '/', headers: { Host: hostHeader } },
      (res) => {
        let body = '';
        res.on('data', (c) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

/** Open the relay as a page at `origin` would (or a client without Origin), connect to `url`. */
function relayConnect(host: string, origin: string | undefined, url: string): Promise<string> {
  const ws = new WebSocket(`ws://${host}:${pg!.port}/relay`, relayProtocols(pg!.token), {
    ...(origin ? { origin } : {}),
  });
  return new Promise((resolve) => {
    ws.on('error', () => {});
    ws.on('unexpected-response', (_q, res) => resolve(`HTTP ${res.statusCode}`));
    ws.on('open', () =>
      ws.send(
        JSON.stringify({
          type: 'connect',
          version: RELAY_PROTOCOL_VERSION,
          url,
          headers: {},
          protocols: [],
        }),
      ),
    );
    ws.on('message', (d: Buffer) => {
      resolve(JSON.parse(d.toString()).type === 'opened' ? 'opened' : d.toString());
      ws.terminate();
    });
  });
}

describe('npm start on a non-loopback HOST', () => {
  it('refuses to start without explicit origins', async () => {
    await expect(start('127.0.0.2', {})).rejects.toThrow(/HOST=127.0.0.2 .*RELAY_ALLOWED_ORIGINS/);
    await expect(start('127.0.0.2', { RELAY_ALLOWED_ORIGINS: '*' })).rejects.toThrow(
      /not accepted/,
    );
  });

  it('answers only the allowed Host names, and keeps the relay out of this machine', async () => {
    const upstream = await startUpstream();
    pg = await start('127.0.0.2', { RELAY_ALLOWED_ORIGINS: ORIGIN });
    expect((await get('127.0.0.2', `127.0.0.2:${pg.port}`)).status).toBe(403);
    expect((await get('127.0.0.2', 'rebind.attacker.example:8080')).status).toBe(403);
    const allowed = await get('127.0.0.2', 'playground.test:8080');
    expect(allowed.status).toBe(200);
    expect(allowed.body).toContain(pg.token);
    // A client on the network without Origin, or with one not allowed: refused.
    expect(await relayConnect('127.0.0.2', undefined, upstream.url)).toBe('HTTP 403');
    expect(await relayConnect('127.0.0.2', 'http://192.168.1.50:8080', upstream.url)).toBe(
      'HTTP 403',
    );
    // The allowed page itself cannot reach this machine's loopback through the relay.
    const reply = await relayConnect('127.0.0.2', ORIGIN, upstream.url);
    expect(reply).toMatch(/address of the relay's own machine/);
    expect(upstream.tcpConnections()).toBe(0);
  });

  it('reaches a loopback target the allow list names by address', async () => {
    const upstream = await startUpstream();
    pg = await start('127.0.0.2', {
      RELAY_ALLOWED_ORIGINS: ORIGIN,
      RELAY_ALLOW_HOSTS: `*,127.0.0.1:${upstream.port}`,
    });
    expect(await relayConnect('127.0.0.2', ORIGIN, upstream.url)).toBe('opened');
  });
});

describe('npm start on loopback', () => {
  it('lets a page served as http://[::1]:PORT use the relay (I8)', async () => {
    const upstream = await startUpstream();
    pg = await start('127.0.0.1', {});
    expect(await relayConnect('127.0.0.1', `http://[::1]:${pg.port}`, upstream.url)).toBe('opened');
  });
});

/**
 * This machine's interface addresses other than loopback and link-local (those ranges have
 * their own tests): 192.0.2.2 and fd00::2 here, a LAN address or a docker bridge elsewhere.
 */
const interfaceAddresses = Object.values(networkInterfaces())
  .flatMap((infos) => infos ?? [])
  .filter((i) => !i.internal && !/^(fe80:|169\.254\.)/i.test(i.address))
  .map((i) => i.address);

/**
 * A TCP listener on exactly `address` (what a service on 0.0.0.0 answers there) that counts
 * the connections it gets and ends each at once; it lives for one test.
 */
async function countingListener(address: string) {
  let accepted = 0;
  const server = createServer((socket) => {
    accepted++;
    socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, address, resolve));
  listeners.push(server);
  const port = (server.address() as AddressInfo).port;
  const host = address.includes(':') ? `[${address}]` : address;
  return { url: `ws://${host}:${port}/`, port, accepted: () => accepted };
}

describe("npm start on a non-loopback HOST, towards this machine's other addresses", () => {
  if (interfaceAddresses.length === 0) {
    it.skip('(skipped: this machine has no non-loopback interface address) refuses them', () => {});
  }

  it.each(interfaceAddresses)(
    'refuses %s, an address of its own interfaces, without connecting',
    async (address) => {
      const service = await countingListener(address);
      pg = await start('127.0.0.2', { RELAY_ALLOWED_ORIGINS: ORIGIN });
      const reply = await relayConnect('127.0.0.2', ORIGIN, service.url);
      expect(service.accepted()).toBe(0);
      expect(reply).toMatch(/address of the relay's own machine/);
    },
  );

  it.each(interfaceAddresses)('dials %s once RELAY_ALLOW_HOSTS names it', async (address) => {
    const service = await countingListener(address);
    pg = await start('127.0.0.2', {
      RELAY_ALLOWED_ORIGINS: ORIGIN,
      RELAY_ALLOW_HOSTS: `*,${address.includes(':') ? `[${address}]` : address}:${service.port}`,
    });
    await relayConnect('127.0.0.2', ORIGIN, service.url); // the listener hangs up: a failed dial
    expect(service.accepted()).toBe(1);
  });
});
