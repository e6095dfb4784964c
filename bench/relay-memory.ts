/**
 * `npm run bench -- relay`: what a relay session costs the playground process (its own
 * process, see playground-process.ts), measured after a full collection there:
 *
 *   - idle: IDLE_SESSIONS sessions open to the echo server, nothing moving;
 *   - busy: BUSY_SESSIONS sessions whose upstream floods 1 KiB messages at a page that stops
 *     reading after its first message: the worst a peer can make a session hold, which the
 *     relay's bounds (docs/relay.md, "Memory bounds") must cap.
 */
import { WebSocket } from 'ws';
import type { BenchBrowser } from './browser.ts';
import type { BenchServers } from './servers.ts';
import type { Result } from './report.ts';
import { relayProtocols } from '../src/shared/relay-protocol.ts';

const IDLE_SESSIONS = 200;
const BUSY_SESSIONS = 16;
const KiB = 1024;

let opened = 0;

/**
 * A relay session from this process; resolves once the upstream is open. Sessions come from
 * four loopback addresses in turn, since one client address may hold only 64.
 */
function openSession(bb: BenchBrowser, url: string, firstMessage?: string): Promise<WebSocket> {
  const relayUrl = `ws://127.0.0.1:${bb.playground.port}/relay`;
  const ws = new WebSocket(relayUrl, relayProtocols(bb.playground.token), {
    origin: `http://127.0.0.1:${bb.playground.port}`,
    localAddress: `127.0.0.${1 + (opened++ % 4)}`,
  });
  ws.on('error', () => {});
  return new Promise((resolve, reject) => {
    ws.on('open', () =>
      ws.send(JSON.stringify({ type: 'connect', version: 1, url, headers: {}, protocols: [] })),
    );
    ws.once('message', (data: Buffer) => {
      const reply = JSON.parse(data.toString()) as { type: string; message?: string };
      if (reply.type !== 'opened') return reject(new Error(`relay: ${reply.message}`));
      if (firstMessage !== undefined) ws.send(Buffer.from([0x01, ...Buffer.from(firstMessage)]));
      resolve(ws);
    });
  });
}

const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function perSession(
  bb: BenchBrowser,
  count: number,
  open: () => Promise<WebSocket>,
): Promise<{ heap: number; external: number; held: number }> {
  await settle(500);
  const before = await bb.playground.memory();
  const sockets: WebSocket[] = [];
  for (let i = 0; i < count; i++) sockets.push(await open());
  await settle(2000);
  const after = await bb.playground.memory();
  for (const ws of sockets) ws.terminate();
  return {
    heap: (after.heapUsed - before.heapUsed) / count,
    external: (after.external - before.external) / count,
    held: after.relay.bufferedBytes / count,
  };
}

export async function benchRelayMemory(
  servers: BenchServers,
  bb: BenchBrowser,
  report: (r: Result) => void,
): Promise<void> {
  const idle = await perSession(bb, IDLE_SESSIONS, () => openSession(bb, servers.echoUrl));
  const busy = await perSession(bb, BUSY_SESSIONS, async () => {
    const ws = await openSession(bb, servers.floodUrl(100_000, 1024), 'go');
    ws.pause(); // reads nothing more: everything queues at the relay, up to its bound
    return ws;
  });
  const kib = (n: number) => `${(n / KiB).toFixed(1)} KiB`;
  report({
    bench: `Relay memory per session (${IDLE_SESSIONS} idle, ${BUSY_SESSIONS} busy)`,
    measured:
      `idle ${kib(idle.heap + idle.external)} (heap ${kib(idle.heap)}); busy, a page not reading ` +
      `a flood of 1 KiB messages: ${kib(busy.heap + busy.external)} (heap ${kib(busy.heap)}, ` +
      `buffers ${kib(busy.external)}), ${kib(busy.held)} of it held for the page (budget)`,
    // The queue's pause point, what ws had read when it paused, one batch frame being written.
    target: 'held ≤ 256 KiB + 64 KiB + 256 KiB',
    met: busy.held <= 576 * KiB,
  });
}
