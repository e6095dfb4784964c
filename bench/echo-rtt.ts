/**
 * Echo round trip over 2,000 sequential small messages. The server times each round trip on
 * its own clock (send → the client's echo arrives), so raw JavaScript, Lua direct and Lua
 * through the relay are measured by one instrument; the client only echoes. Lua direct and
 * Lua relay alternate for ROUNDS rounds and each keeps the round with the median p50: on two
 * shared cores one round of each differs by more than the relay costs (0.8-1.4× seen).
 *
 * The target is measured in a browser as a user has it (quiet-browser.ts: no DevTools
 * events); the same rounds under Playwright are printed beside it, since every other browser
 * figure is taken that way.
 */
import type { BenchBrowser } from './browser.ts';
import { codeUrl, runInPage, runRawWorker } from './browser.ts';
import { startQuietBrowser } from './quiet-browser.ts';
import { openQuietPlayground, quietRawWorker, quietRunLua } from './quiet-playground.ts';
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

/** One browser's way of running the raw echo and a Lua script, on a direct or a relay page. */
interface Instrument {
  raw(url: string): Promise<unknown>;
  lua(transport: 'direct' | 'relay', url: string): Promise<unknown>;
  close(): Promise<void>;
}

async function playwrightInstrument(bb: BenchBrowser): Promise<Instrument> {
  const direct = await bb.newPage('direct');
  await direct.page.goto(bb.playground.url);
  const relay = await bb.newPage('relay');
  const pages = { direct: direct.page, relay: relay.page };
  return {
    raw: (url) => runRawWorker(direct.page, RAW_ECHO, url),
    lua: (transport, url) => runInPage(pages[transport], codeUrl(bb.playground, luaEcho(url))),
    async close() {
      await direct.context.close();
      await relay.context.close();
    },
  };
}

async function quietInstrument(bb: BenchBrowser): Promise<Instrument> {
  const quiet = await startQuietBrowser();
  const open = (transport: string) =>
    openQuietPlayground(quiet, bb.playground.url, { transport, demoHosts: true });
  const pages = { direct: await open('direct'), relay: await open('relay') };
  return {
    raw: (url) => quietRawWorker(pages.direct, RAW_ECHO, url),
    lua: (transport, url) => quietRunLua(pages[transport], codeUrl(bb.playground, luaEcho(url))),
    close: () => quiet.close(),
  };
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

const median = (list: Percentiles[]) =>
  [...list].sort((a, b) => a.p50 - b.p50)[Math.floor(list.length / 2)]!;

async function echoRounds(servers: BenchServers, name: string, instrument: Instrument) {
  const raw = await measure(servers, `${name}-raw`, instrument.raw);
  const rounds = { direct: [] as Percentiles[], relay: [] as Percentiles[] };
  for (let round = 0; round < ROUNDS; round++) {
    for (const transport of ['direct', 'relay'] as const) {
      rounds[transport].push(
        await measure(servers, `${name}-${transport}-${round}`, (url) =>
          instrument.lua(transport, url),
        ),
      );
    }
  }
  await instrument.close();
  const direct = median(rounds.direct);
  const relay = median(rounds.relay);
  return {
    ratio: relay.p50 / direct.p50,
    measured: `raw ${show(raw)}; Lua direct ${show(direct)}; Lua relay ${show(relay)} (relay/direct p50 ${ratio(relay.p50 / direct.p50)})`,
  };
}

export async function benchEchoRoundTrip(
  servers: BenchServers,
  bb: BenchBrowser,
  report: (r: Result) => void,
): Promise<void> {
  const quiet = await echoRounds(servers, 'quiet', await quietInstrument(bb));
  report({
    bench: `Echo round trip × ${ROUND_TRIPS}, Chromium without DevTools events (median of ${ROUNDS} rounds)`,
    measured: quiet.measured,
    target: 'relay p50 ≤ 1.3× direct',
    met: quiet.ratio <= 1.3,
  });
  const instrumented = await echoRounds(servers, 'playwright', await playwrightInstrument(bb));
  report({
    bench: `Echo round trip × ${ROUND_TRIPS}, Chromium under Playwright (median of ${ROUNDS} rounds)`,
    measured: instrumented.measured,
    target: '',
    met: null,
  });
}
