/**
 * `json.decode` against `JSON.parse`: 100,000 decodes of ~100-byte messages, in the runtime
 * (Node, the same code as the worker), against JavaScript's own parser on the same texts.
 * The Lua figure is the loop with the decodes less the same loop without them, each timed in
 * the script by `os.clock()` (the process's CPU time in Node), best of ROUNDS, so neither the
 * loop nor the run's start-up is counted; timing whole runs instead swung 0.33-1.55x with the
 * start-up's own variation. Target: at least 0.3x the rate of JSON.parse (issue 13).
 * Alone: `npx tsx bench/json-decode.ts`.
 */
import { pathToFileURL } from 'node:url';
import { lua } from '../src/runtime/run-for-test.ts';
import { printResult } from './report.ts';
import type { Result } from './report.ts';

const DECODES = 100_000;
const ROUNDS = 3;
const TARGET_RATIO = 0.3;

/** 64 distinct trade messages of about 100 bytes (a string, floats, an integer, a boolean). */
function messages(): string[] {
  return Array.from({ length: 64 }, (_, i) =>
    JSON.stringify({
      type: 'trade',
      symbol: i % 2 ? 'BTC-USD' : 'ETH-USD',
      price: 43251.5 + i,
      size: Number((0.0125 * (i + 1)).toFixed(4)),
      side: i % 3 ? 'buy' : 'sell',
      id: 1_700_000 + i,
      live: true,
    }),
  );
}

function cpuSeconds(since: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1e6;
}

/** CPU seconds of the decodes alone, and of the same loop without them, best of ROUNDS each. */
async function luaSeconds(texts: string[]): Promise<{ loop: number; decode: number }> {
  const list = texts.map((t) => `[==[${t}]==]`).join(',\n');
  // The messages come from a function of their own: a 64-value table constructor gives its
  // function a 64-register frame, and fengari refills the whole frame after every call.
  const code = `
local function messages() return {${list}} end
local m = messages()
local n = #m
local function timed(decode)
  local started = os.clock()
  if decode then
    for i = 1, ${DECODES} do local v = json.decode(m[i % n + 1]) end
  else
    for i = 1, ${DECODES} do local v = m[i % n + 1] end
  end
  return os.clock() - started
end
local loop, decode = math.huge, math.huge
for _ = 1, ${ROUNDS} do
  loop = math.min(loop, timed(false))
  decode = math.min(decode, timed(true))
end
print(string.format("%.6f %.6f", loop, decode))`;
  const result = await lua(code, { stopAfterMs: 600_000 });
  if (result.end.status !== 'finished') throw new Error(`bench run failed: ${result.output}`);
  const [loop, decode] = result.output.trim().split(' ').map(Number) as [number, number];
  return { loop, decode };
}

function jsSeconds(texts: string[]): number {
  let sink = 0;
  const started = process.cpuUsage();
  for (let i = 1; i <= DECODES; i++)
    sink += (JSON.parse(texts[i % texts.length]) as { id: number }).id;
  const seconds = cpuSeconds(started);
  if (sink === 0) throw new Error('unreachable');
  return seconds;
}

export async function benchJsonDecode(report: (r: Result) => void): Promise<void> {
  const texts = messages();
  // Warm JavaScript up first: the figures are for code the JIT has compiled (the Lua rounds
  // warm themselves up, best of ROUNDS).
  jsSeconds(texts);
  const js = Math.min(jsSeconds(texts), jsSeconds(texts));
  const lua = await luaSeconds(texts);
  const luaDecode = Math.max(lua.decode - lua.loop, 1e-6);
  const ratio = js / luaDecode;
  const bytes = Math.round(texts.reduce((s, t) => s + t.length, 0) / texts.length);
  const rate = (seconds: number) =>
    `${Math.round(DECODES / seconds / 1000).toLocaleString('en-US')}k/s`;
  report({
    bench: `json.decode, ${DECODES.toLocaleString('en-US')} × ${bytes}-byte message`,
    measured: `${rate(luaDecode)} vs JSON.parse ${rate(js)}: ${ratio.toFixed(2)}x`,
    target: `≥ ${TARGET_RATIO}x JSON.parse`,
    met: ratio >= TARGET_RATIO,
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await benchJsonDecode(printResult);
}
