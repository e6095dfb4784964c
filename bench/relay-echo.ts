/**
 * What the relay itself adds to an echo round trip, without the Lua runtime in the way:
 * the same raw JavaScript echo in a worker of the page (in a Chromium without DevTools events,
 * quiet-browser.ts), once straight to the server and once speaking the relay protocol by hand
 * through the playground's relay; and the same in Node
 * (a `ws` client direct, through a bare forwarder (bare-forwarder.ts, the floor of any relay),
 * and the relay client of src/runtime/transport). Direct and relay
 * alternate for ROUNDS rounds and the median of each side's p50 is kept: on a shared machine
 * one round of each can differ by more than the relay costs.
 */
import { WebSocket } from 'ws';
import { startBareForwarder } from './bare-forwarder.ts';
import type { BenchBrowser } from './browser.ts';
import { startQuietBrowser } from './quiet-browser.ts';
import { openQuietPlayground, quietRawWorker } from './quiet-playground.ts';
import type { BenchServers } from './servers.ts';
import { ms, ratio } from './report.ts';
import type { Result } from './report.ts';
import { relayProtocols } from '../src/shared/relay-protocol.ts';
import { createRelayTransport } from '../src/runtime/transport/relay.ts';
import type { WebSocketConstructor } from '../src/runtime/transport/relay-socket.ts';

const ROUND_TRIPS = 2_000;
const ROUNDS = 3;

const RAW_DIRECT = `
  const socket = new WebSocket(e.data);
  socket.onopen = () => socket.send('go');
  socket.onmessage = (m) => socket.send(m.data);
  socket.onclose = () => postMessage('echoed');
`;

/** The relay protocol by hand: connect, then echo every text record (kind 0x01) as it came. */
const RAW_RELAY = `
  const [relayUrl, protocols, target] = e.data;
  const socket = new WebSocket(relayUrl, protocols);
  socket.binaryType = 'arraybuffer';
  socket.onopen = () => socket.send(JSON.stringify({ type: 'connect', version: 1, url: target, headers: {}, protocols: [] }));
  socket.onmessage = (m) => {
    if (typeof m.data !== 'string') return socket.send(m.data);
    const message = JSON.parse(m.data);
    if (message.type === 'opened') socket.send(new Uint8Array([1, 103, 111]));
    else if (message.type !== 'close') return;
    else postMessage('echoed');
  };
  socket.onclose = () => postMessage('echoed');
`;

const median = (values: number[]): number =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

async function p50(servers: BenchServers, tag: string): Promise<number> {
  return median(await servers.roundTrips(tag)) / 1000;
}

function nodeDirect(url: string): Promise<void> {
  const ws = new WebSocket(url);
  return new Promise((resolve) => {
    ws.on('open', () => ws.send('go'));
    ws.on('message', (data, isBinary) => ws.send(data, { binary: isBinary }));
    ws.on('close', () => resolve());
  });
}

function nodeRelay(bb: BenchBrowser, url: string): Promise<void> {
  const transport = createRelayTransport(
    { url: `ws://127.0.0.1:${bb.playground.port}/relay`, token: bb.playground.token },
    WebSocket as unknown as WebSocketConstructor,
  );
  return new Promise((resolve) => {
    const connection = transport.connect(
      {
        url,
        headers: {},
        protocols: [],
        dialTimeoutMs: 0,
        compression: 0,
        compressionThreshold: 0,
        readLimit: 0,
      },
      {
        onOpen: () => connection.send(new TextEncoder().encode('go'), false),
        onMessage: (type, data) => connection.send(data, type === 'binary'),
        onFail: () => resolve(),
        onClose: () => resolve(),
      },
    );
  });
}

export async function benchRelayEcho(
  servers: BenchServers,
  bb: BenchBrowser,
  report: (r: Result) => void,
): Promise<void> {
  const quiet = await startQuietBrowser();
  const page = await openQuietPlayground(quiet, bb.playground.url, { transport: 'direct' });
  const relayUrl = `${bb.playground.url.replace(/^http/, 'ws')}relay`;
  const side = { browserDirect: [] as number[], browserRelay: [] as number[] };
  const bare = await startBareForwarder();
  const node = { direct: [] as number[], bare: [] as number[], relay: [] as number[] };
  for (let round = 0; round < ROUNDS; round++) {
    const tag = (name: string) => `${name}-${round}`;
    await quietRawWorker(page, RAW_DIRECT, servers.pingPongUrl(ROUND_TRIPS, tag('bd')));
    await quietRawWorker(page, RAW_RELAY, [
      relayUrl,
      relayProtocols(bb.playground.token),
      servers.pingPongUrl(ROUND_TRIPS, tag('br')),
    ]);
    await nodeDirect(servers.pingPongUrl(ROUND_TRIPS, tag('nd')));
    await nodeDirect(bare.url(servers.pingPongUrl(ROUND_TRIPS, tag('nb'))));
    await nodeRelay(bb, servers.pingPongUrl(ROUND_TRIPS, tag('nr')));
    side.browserDirect.push(await p50(servers, tag('bd')));
    side.browserRelay.push(await p50(servers, tag('br')));
    node.direct.push(await p50(servers, tag('nd')));
    node.bare.push(await p50(servers, tag('nb')));
    node.relay.push(await p50(servers, tag('nr')));
  }
  await quiet.close();
  const b = { direct: median(side.browserDirect), relay: median(side.browserRelay) };
  bare.close();
  const n = { direct: median(node.direct), bare: median(node.bare), relay: median(node.relay) };
  report({
    bench: `Relay's own cost per echo round trip × ${ROUND_TRIPS}, median of ${ROUNDS} rounds`,
    measured:
      `Chromium raw JS (no DevTools events): direct p50 ${ms(b.direct)}, through the relay ${ms(b.relay)} (+${ms(b.relay - b.direct)}, ${ratio(b.relay / b.direct)}); ` +
      `Node: direct ${ms(n.direct)}, bare ws forwarder ${ms(n.bare)}, relay ${ms(n.relay)} (relay / forwarder ${ratio(n.relay / n.bare)})`,
    target: '',
    met: null,
  });
}
