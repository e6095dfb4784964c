/**
 * `npm run bench [-- name ...]`: every benchmark in one run (or the named ones: receive,
 * echo, large, ui, load, relay, embed, json, cpu, dialect, processes), each figure printed as it comes
 * (json: json.decode against JSON.parse; cpu: the Lua engine, patched against unpatched and
 * lua5.3; dialect: the typed dialect's parser against fengari's on plain Lua; processes: spawn,
 * memory, ping-pong and fan-out against the same work in one process). A
 * full run writes the table into
 * bench/RESULTS.md with the machine and the date. Figures, not pass/fail: nothing here
 * belongs in `npm test`. Builds the page first if dist/ is stale, like `npm start`.
 */
import { fileURLToPath } from 'node:url';
import { startBenchBrowser } from './browser.ts';
import type { BenchBrowser } from './browser.ts';
import { benchColdLoad } from './cold-load.ts';
import { benchCpu } from './cpu.ts';
import { benchDialectParse } from './dialect-parse.ts';
import { benchEchoRoundTrip } from './echo-rtt.ts';
import { benchEmbedWidgets } from './embed-widgets.ts';
import { benchJsonDecode } from './json-decode.ts';
import { benchProcesses } from './processes.ts';
import { benchLargeEcho } from './large-echo.ts';
import { collectGarbage } from '../src/test-support/gc.ts';
import { benchReceive } from './receive.ts';
import { benchRelayMemory } from './relay-memory.ts';
import { benchRelayEcho } from './relay-echo.ts';
import { benchUiFrames } from './ui-frames.ts';
import { describeMachine, printResult, renderResults, writeResults } from './report.ts';
import type { Result } from './report.ts';
import { startBenchServers } from './servers.ts';
import type { BenchServers } from './servers.ts';

type Bench = (
  servers: BenchServers,
  bb: BenchBrowser,
  report: (r: Result) => void,
) => Promise<void>;

const BENCHES: Record<string, Bench> = {
  receive: benchReceive,
  echo: benchEchoRoundTrip,
  large: benchLargeEcho,
  ui: benchUiFrames,
  load: (_servers, bb, report) => benchColdLoad(bb, report),
  relay: async (servers, bb, report) => {
    await benchRelayMemory(servers, bb, report);
    await benchRelayEcho(servers, bb, report);
  },
  embed: (_servers, bb, report) => benchEmbedWidgets(bb.browser, report),
  json: (_servers, _bb, report) => benchJsonDecode(report),
  cpu: (_servers, _bb, report) => benchCpu(report),
  dialect: (_servers, _bb, report) => benchDialectParse(report),
  processes: (_servers, _bb, report) => benchProcesses(report),
};

async function main(): Promise<void> {
  const names = process.argv.slice(2);
  const unknown = names.filter((n) => !(n in BENCHES));
  if (unknown.length > 0) {
    console.error(
      `unknown benchmark ${unknown.join(', ')}; choose from ${Object.keys(BENCHES).join(', ')}`,
    );
    process.exit(2);
  }
  const selected = names.length > 0 ? names : Object.keys(BENCHES);

  const servers = await startBenchServers();
  const bb = await startBenchBrowser();
  const results: Result[] = [];
  let completed = false;
  const report = (r: Result) => {
    results.push(r);
    printResult(r);
  };
  try {
    for (const name of selected) {
      // Each benchmark starts from a quiet machine: the previous one's sockets closed and its
      // garbage collected (a flood just before would otherwise weigh on the round trips).
      collectGarbage();
      await new Promise((resolve) => setTimeout(resolve, 2000));
      await BENCHES[name]!(servers, bb, report);
    }
    completed = true;
  } finally {
    const machine = describeMachine(bb.browser.version());
    await bb.close();
    servers.close();
    if (names.length === 0 && completed) {
      const file = fileURLToPath(new URL('./RESULTS.md', import.meta.url));
      await writeResults(file, renderResults(results, machine, new Date()));
      console.log(`\nwritten to ${file}`);
    }
  }
}

await main();
