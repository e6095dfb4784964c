/**
 * Echo round trip over 2,000 sequential small messages. The server times each round trip on
 * its own clock (send → the client's echo arrives), so raw JavaScript, Lua direct and Lua
 * through the relay are measured by one instrument; the client only echoes. Lua direct and
 * Lua relay alternate for ROUNDS rounds and each keeps the round with the median p50: on two
 * shared cores one round of each differs by more than the relay costs (0.8-1.4× seen).
 */
import type { BenchBrowser } from './browser.ts';
import { codeUrl, runInPage, runRawWorker } from './browser.ts';
import type { BenchServers } from './servers.ts';
import { ms, ratio } from './report.ts';
import type { Result } from './report.ts';

const ROUND_TRIPS = 2_000;
const ROUNDS = 3;

const luaEcho = (url: string) => `
local client = assert(websocket.connect("${url}"))
local inbox = client:channel()
client:send("go")
while true do
  local message, ok = inbox:receive()
  if not ok then break end
  client:send(message.data)
end
print("echoed")
`;

const RAW_ECHO = `
  const socket = new WebSocket(e.data);
  socket.onopen = () => socket.send('go');
  socket.onmessage = (m) => socket.send(m.data);
  socket.onclose = () => postMessage('echoed');
`;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

interface Percentiles {
  p50: number;
  p99: number;
}

async function measure(
  servers: BenchServers,
  tag: string,
  echo: (url: string) => Promise<unknown>,
): Promise<Percentiles> {
  await echo(servers.pingPongUrl(ROUND_TRIPS, tag));
  const samples = (await servers.roundTrips(tag)).sort((a, b) => a - b);
  if (samples.length !== ROUND_TRIPS)
    throw new Error(`${tag}: ${samples.length} of ${ROUND_TRIPS} round trips`);
  return { p50: percentile(samples, 50) / 1000, p99: percentile(samples, 99) / 1000 };
}

const show = (p: Percentiles) => `p50 ${ms(p.p50)} / p99 ${ms(p.p99)}`;

export async function benchEchoRoundTrip(
  servers: BenchServers,
  bb: BenchBrowser,
  report: (r: Result) => void,
): Promise<void> {
  const direct = await bb.newPage('direct');
  await direct.page.goto(bb.playground.url);
  const raw = await measure(servers, 'raw', (url) => runRawWorker(direct.page, RAW_ECHO, url));
  const relayed = await bb.newPage('relay');
  const rounds = { direct: [] as Percentiles[], relay: [] as Percentiles[] };
  for (let round = 0; round < ROUNDS; round++) {
    rounds.direct.push(
      await measure(servers, `lua-direct-${round}`, (url) =>
        runInPage(direct.page, codeUrl(bb.playground, luaEcho(url))),
      ),
    );
    rounds.relay.push(
      await measure(servers, `lua-relay-${round}`, (url) =>
        runInPage(relayed.page, codeUrl(bb.playground, luaEcho(url))),
      ),
    );
  }
  await direct.context.close();
  await relayed.context.close();
  const median = (list: Percentiles[]) =>
    [...list].sort((a, b) => a.p50 - b.p50)[Math.floor(list.length / 2)]!;
  const luaDirect = median(rounds.direct);
  const luaRelay = median(rounds.relay);

  const relayOverDirect = luaRelay.p50 / luaDirect.p50;
  report({
    bench: `Echo round trip × ${ROUND_TRIPS}, Chromium (median of ${ROUNDS} rounds)`,
    measured: `raw ${show(raw)}; Lua direct ${show(luaDirect)}; Lua relay ${show(luaRelay)} (relay/direct p50 ${ratio(relayOverDirect)})`,
    target: 'relay p50 ≤ 1.3× direct',
    met: relayOverDirect <= 1.3,
  });
}
