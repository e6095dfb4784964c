/**
 * CPU: the Lua engine alone, on workloads of everyday scripts. Each runs under unpatched
 * fengari 0.1.5 (the `fengari-unpatched` alias), under the patched engine the runtime uses
 * (patches/fengari+0.1.5.patch: 64-bit integers, C-exact formatting) and under native lua5.3,
 * the limit. Target: the patch costs at most 10% on every item. The patched engine runs each
 * workload twice, as reference Lua 5.3 (`lua53`) and as the platform's Lua (`wippy`, the
 * dialect flag the patch reads: docs/engine.md "Wippy dialect"); target: wippy within 1.1× of
 * lua53. Best of a few alternating
 * runs, each in a fresh process, timed around the call of an already compiled chunk (lua5.3:
 * os.clock around it).
 *
 * `tsx bench/cpu.ts` runs it alone; `npm run bench` includes it.
 */
import { createRequire } from 'node:module';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { lua as runInRuntime } from '../src/runtime/run-for-test.ts';
import { ms, printResult, ratio } from './report.ts';
import type { Result } from './report.ts';

interface Workload {
  name: string;
  /** A chunk for plain Lua: the code that is timed. */
  code: string;
}

const MESSAGE =
  '{"type":"trade","id":1234567890123,"sym":"BTCUSD","px":101.25,"qty":3,"side":"buy","ts":1764601234567}';

const WORKLOADS: Workload[] = [
  {
    name: 'fib(27)',
    code: 'local function fib(n) if n < 2 then return n end return fib(n - 1) + fib(n - 2) end\nlocal r = fib(27)',
  },
  {
    name: 'integer loop × 10^7',
    code: 'local s = 0\nfor i = 1, 10000000 do s = s + i % 7 end',
  },
  {
    name: 'string.format × 100,000',
    code: 'for i = 1, 100000 do local s = string.format("%d %s %5.1f", i, "id", i / 7) end',
  },
  {
    name: 'string building × 100,000',
    code: 'local t = {}\nfor i = 1, 100000 do t[#t + 1] = "item" .. i .. ";" end\nlocal s = table.concat(t)',
  },
  {
    name: 'table inserts × 200,000',
    code: 'local t = {}\nfor i = 1, 200000 do table.insert(t, i) end\nlocal u = {}\nfor i = 1, 200000 do u[i] = t[i] end',
  },
];

const ROUNDS = 5;
const LUA53 = '/usr/bin/lua5.3';

const require = createRequire(import.meta.url);
/** [name, engine, dialect flag]: the flag sets `l_G.wippy` on the patched engine. */
const ENGINES: Array<[string, string, boolean]> = [
  ['unpatched', require.resolve('fengari-unpatched'), false],
  ['patched', require.resolve('fengari'), false],
  ['wippy', require.resolve('fengari'), true],
];

/**
 * One measurement in a fresh Node process (its own JIT state, so neither engine warms up or
 * disturbs the other): CPU milliseconds of one call of the compiled chunk. CPU time rather
 * than wall time, as the machine is shared.
 */
const CHILD = `
const { lua, lauxlib, lualib, to_luastring } = require(process.argv[1]);
const L = lauxlib.luaL_newstate();
if (process.argv[3] === 'wippy') L.l_G.wippy = true;
lualib.luaL_openlibs(L);
if (lauxlib.luaL_loadstring(L, to_luastring(process.argv[2])) !== lua.LUA_OK) throw new Error(lua.lua_tojsstring(L, -1));
const c0 = process.cpuUsage();
if (lua.lua_pcall(L, 0, 0, 0) !== lua.LUA_OK) throw new Error(lua.lua_tojsstring(L, -1));
const c = process.cpuUsage(c0);
process.stdout.write(String((c.user + c.system) / 1000));
`;

function timeFengari(enginePath: string, code: string, wippy: boolean): number {
  const dialect = wippy ? 'wippy' : 'lua53';
  const result = spawnSync(process.execPath, ['-e', CHILD, enginePath, code, dialect], {
    encoding: 'utf8',
    timeout: 300_000,
  });
  if (result.status !== 0) throw new Error(`fengari run failed: ${result.stderr}`);
  return Number(result.stdout);
}

/** Milliseconds of CPU lua5.3 spends in `code`, or null when lua5.3 is not installed. */
function timeNative(code: string): number | null {
  const script = `local t0 = os.clock()\n${code}\nio.write(os.clock() - t0)`;
  const result = spawnSync(LUA53, ['-'], { input: script, encoding: 'utf8', timeout: 120_000 });
  if (result.error || result.status !== 0) return null;
  return Number(result.stdout) * 1000;
}

function best(times: number[]): number {
  return Math.min(...times);
}

export async function benchCpu(report: (r: Result) => void): Promise<void> {
  for (const w of WORKLOADS) {
    const times: Record<string, number[]> = { unpatched: [], patched: [], wippy: [] };
    for (let round = 0; round < ROUNDS; round++)
      for (const [name, path, wippy] of ENGINES) times[name].push(timeFengari(path, w.code, wippy));
    const native = timeNative(w.code);
    const unpatched = best(times.unpatched);
    const patched = best(times.patched);
    const cost = patched / unpatched;
    report({
      bench: `CPU: ${w.name}`,
      measured:
        `unpatched ${ms(unpatched)}, patched ${ms(patched)} (${ratio(cost)})` +
        (native === null
          ? ', lua5.3 not installed'
          : `, lua5.3 ${ms(native)} (patched/lua5.3 ${ratio(patched / native)})`),
      target: 'patched ≤ 1.1× unpatched',
      met: cost <= 1.1,
    });
    const wippy = best(times.wippy);
    report({
      bench: `CPU: ${w.name}, wippy dialect`,
      measured: `lua53 ${ms(patched)}, wippy ${ms(wippy)} (${ratio(wippy / patched)})`,
      target: 'wippy ≤ 1.1× lua53',
      met: wippy / patched <= 1.1,
    });
  }
  await benchJsonDecode(report);
}

/**
 * json.decode exists only in the runtime (a playground module over JSON.parse), so it has no
 * unpatched or native column: the figure is the runtime's, for the record.
 */
async function benchJsonDecode(report: (r: Result) => void): Promise<void> {
  const code = `local msg = '${MESSAGE}'
local t0 = os.clock()
for i = 1, 100000 do local v = json.decode(msg) end
print(os.clock() - t0)`;
  const times: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const result = await runInRuntime(code, { stopAfterMs: 120_000 });
    if (result.end.status !== 'finished')
      throw new Error(`json bench: ${JSON.stringify(result.end)}`);
    times.push(Number(result.lines[0]) * 1000);
  }
  report({
    bench: `CPU: json.decode × 100,000 (${MESSAGE.length} B), runtime only`,
    measured: `patched ${ms(best(times))}`,
    target: '',
    met: null,
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await benchCpu(printResult);
