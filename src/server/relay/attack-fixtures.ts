/**
 * What the attack tests (relay-attacks-*.integration.test.ts) share: connect messages, a
 * hosted relay on loopback, an echo upstream and a page that checks the relay still serves.
 */
import { afterEach } from 'vitest';
import { closeAll, rawRelayClient, startRelay, startUpstream, waitFor } from './testing.ts';
import type { RelayFixture } from './testing.ts';
import { closeHostilePeers } from './hostile-peers.ts';
import { parseHostPattern } from './hosts.ts';
import type { HostPattern } from './hosts.ts';
import { PENDING_HIGH } from './page-sender.ts';
import { closeRawFrameServers } from '../../test-support/raw-frame-server.ts';
import { RELAY_PROTOCOL_VERSION } from '../../shared/relay-protocol.ts';

/** Run after each test, before the shared fixtures close. */
export const extraCleanups: (() => Promise<void>)[] = [];

/** Every test file of the attacks calls this once. */
export function closeAttackFixturesAfterEach(): void {
  afterEach(async () => {
    for (const fn of extraCleanups.splice(0)) await fn();
    await closeHostilePeers();
    await closeRawFrameServers();
    await closeAll();
  });
}

export const MiB = 1024 * 1024;
/** The documented queue bound towards one page: the pause point plus max(4 MiB, read_limit). */
export const queueLimit = (readLimit: number): number =>
  PENDING_HIGH + Math.max(readLimit, 4 * MiB) + 32;
export const patterns = (...sources: string[]): HostPattern[] =>
  sources.map((s) => parseHostPattern(s) as HostPattern);
export const connect = (url: string, extra: Record<string, unknown> = {}) => ({
  type: 'connect',
  version: RELAY_PROTOCOL_VERSION,
  url,
  headers: {},
  protocols: [],
  ...extra,
});

/** A page that opens `url` through the relay and gets an echo back: the relay still serves. */
export async function echoThrough(relay: RelayFixture, url: string) {
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

export async function echoUpstream() {
  const upstream = await startUpstream();
  upstream.wss.on('connection', (ws) =>
    ws.on('message', (d, isBinary) => ws.send(d, { binary: isBinary })),
  );
  return upstream;
}

export function hostedRelay(overrides: Parameters<typeof startRelay>[0] = {}) {
  return startRelay({
    mode: 'hosted',
    hosts: { mode: 'hosted', allow: patterns('127.0.0.1'), deny: [] },
    maxMessageBytes: MiB,
    ...overrides,
  });
}
