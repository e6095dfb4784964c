/**
 * Receive throughput: the flood server sends 200,000 text messages of 32 bytes; a Lua
 * `ch:receive()` loop counts them against a plain `onmessage` counter in the same place:
 * Node (the CLI, against a `ws` counter in a process of its own alike), the Chromium page
 * direct, and the page through the relay.
 * Rates run from the first message to the close, on both sides alike.
 */
import type { BenchBrowser } from './browser.ts';
import { codeUrl, readFigure, runInPage, runRawOnPage, runRawWorker } from './browser.ts';
import { runCli, runRawCounter } from './node-processes.ts';
import type { BenchServers } from './servers.ts';
import { count, ratio } from './report.ts';
import type { Result } from './report.ts';

const MESSAGES = 200_000;
const SIZE = 32;

const luaCounter = (url: string) => `
local client = assert(websocket.connect("${url}"))
local inbox = client:channel()
client:send("go")
local received, started = 0, time.now()
while true do
  local _, ok = inbox:receive()
  if not ok then break end
  if received == 0 then started = time.now() end
  received = received + 1
end
print("received", received)
print("elapsed", time.now():sub(started):seconds() * 1000)
`;

/** The raw counter, as a worker body (e.data is the URL); posts {received, elapsed}. */
const RAW_COUNTER = `
  const socket = new WebSocket(e.data);
  let received = 0, started = 0;
  socket.onopen = () => socket.send('go');
  socket.onmessage = () => { if (received++ === 0) started = performance.now(); };
  socket.onclose = () => postMessage({ received, elapsed: performance.now() - started });
`;

interface Count {
  received: number;
  elapsed: number;
}

const rate = ({ received, elapsed }: Count) => ((received - 1) / elapsed) * 1000;

function checkComplete(where: string, c: Count): Count {
  if (c.received !== MESSAGES) throw new Error(`${where}: ${c.received} of ${MESSAGES} arrived`);
  return c;
}

/** The counts a counter printed (the Lua script and raw-counter.ts print alike). */
const printedCount = (output: string): Count => ({
  received: readFigure(output, 'received'),
  elapsed: readFigure(output, 'elapsed'),
});

function compare(where: string, raw: Count, lua: Count, target: string, met: boolean): Result {
  return {
    bench: `Receive ${count(MESSAGES)} × ${SIZE} B, ${where}`,
    measured: `raw ${count(rate(raw))}/s, Lua ${count(rate(lua))}/s, Lua/raw ${ratio(rate(lua) / rate(raw))}`,
    target,
    met,
  };
}

export async function benchReceive(
  servers: BenchServers,
  bb: BenchBrowser,
  report: (r: Result) => void,
): Promise<void> {
  const url = () => servers.floodUrl(MESSAGES, SIZE);

  const nodeRaw = checkComplete('node raw', printedCount(await runRawCounter(url())));
  const nodeLua = checkComplete('node Lua', printedCount(await runCli(luaCounter(url()))));
  const nodeRatio = rate(nodeLua) / rate(nodeRaw);
  report(compare('Node (CLI)', nodeRaw, nodeLua, 'Lua/raw ≥ 0.5', nodeRatio >= 0.5));

  const { context, page } = await bb.newPage('direct');
  await page.goto(bb.playground.url);
  const mainThread = await runRawOnPage<Count>(page, RAW_COUNTER, url());
  const browserRaw = checkComplete(
    'browser raw',
    await runRawWorker<Count>(page, RAW_COUNTER, url()),
  );
  report({
    bench: 'Receive, Chromium raw onmessage: page thread vs worker',
    measured: `${count(rate(checkComplete('page raw', mainThread)))}/s vs ${count(rate(browserRaw))}/s`,
    target: '',
    met: null,
  });
  const direct = printedCount(await runInPage(page, codeUrl(bb.playground, luaCounter(url()))));
  await context.close();
  const directRatio = rate(checkComplete('browser Lua direct', direct)) / rate(browserRaw);
  report(compare('Chromium direct', browserRaw, direct, 'Lua/raw ≥ 0.5', directRatio >= 0.5));

  const relayed = await bb.newPage('relay');
  const viaRelay = printedCount(
    await runInPage(relayed.page, codeUrl(bb.playground, luaCounter(url()))),
  );
  await relayed.context.close();
  const relayRatio = rate(checkComplete('browser Lua relay', viaRelay)) / rate(browserRaw);
  report(compare('Chromium via relay', browserRaw, viaRelay, 'Lua/raw ≥ 2', relayRatio >= 2));
}
