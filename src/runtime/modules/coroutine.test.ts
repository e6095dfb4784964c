/**
 * The runtime layer around Lua's coroutines (issue 9) and `coroutine.spawn` (row A21).
 * The main chunk runs as a scheduler task, yet what a script sees there is plain Lua 5.3:
 * the same scripts print the same lines under Debian's /usr/bin/lua5.3. `coroutine.spawn` is
 * the platform's: wippyai/go-lua `coroutinelib.go` coSpawn and wippyai/runtime
 * `runtime/lua/engine/process.go` (handleSpawnRequest, vmStep, killAllThreads).
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lua } from '../run-for-test.ts';

const LUA53 = '/usr/bin/lua5.3';

/** What Debian's Lua 5.3 prints for `code`, thread addresses masked. */
function reference(code: string): string[] {
  const out = execFileSync(LUA53, ['-'], { input: code, encoding: 'utf8', timeout: 10_000 });
  return out
    .replace(/thread: 0x[0-9a-f]+/g, 'thread')
    .trimEnd()
    .split('\n');
}

async function ours(code: string): Promise<string[]> {
  const r = await lua(code);
  if (r.end.status !== 'finished')
    throw new Error(r.end.status === 'error' ? r.end.failure.message : r.end.status);
  return r.output.replace(/thread: 0x[0-9a-f]+/g, 'thread').split('\n');
}

const SAME_AS_LUA = [
  [
    'the main chunk is the main thread: not yieldable, running() says so',
    `print(coroutine.isyieldable(), coroutine.running())
     print(coroutine.status((coroutine.running())))`,
  ],
  [
    'a top-level coroutine.yield() raises as in Lua',
    `print(pcall(coroutine.yield, 1))
     print(select(2, pcall(coroutine.yield)) == "attempt to yield from outside a coroutine")`,
  ],
  [
    'inside a coroutine: yieldable, not the main thread, yields to its resume',
    `local co = coroutine.create(function(a)
       print(coroutine.isyieldable(), select(2, coroutine.running()))
       local b = coroutine.yield(a * 2)
       return b + 1
     end)
     print(coroutine.resume(co, 21))
     print(coroutine.resume(co, 1))
     print(coroutine.status(co), coroutine.resume(co))`,
  ],
  [
    'coroutine.wrap, and isyieldable inside a pcall inside a coroutine',
    `local gen = coroutine.wrap(function() for i = 1, 3 do coroutine.yield(i) end end)
     print(gen(), gen(), gen())
     print(coroutine.wrap(function() return pcall(coroutine.isyieldable) end)())`,
  ],
  [
    'io.write writes floats with %.14g and no ".0" (liolib.c g_write)',
    `io.write(3.0, " ", 3, " ", 0.5, " ", -2.0, " ", 100.0, " ", 2^31, "\\n")`,
  ],
] as const;

describe.skipIf(!existsSync(LUA53))(
  'what a script sees at the top level (issue 9), as lua5.3',
  () => {
    for (const [name, code] of SAME_AS_LUA) {
      it(name, async () => {
        expect(await ours(code)).toEqual(reference(code));
      });
    }
  },
);

describe('blocking calls at the top level still park the main chunk (issue 9)', () => {
  it('lets other tasks run while the main chunk waits, without being yieldable itself', async () => {
    expect(
      await ours(`
        local ch = channel.new()
        coroutine.spawn(function() ch:send("from a task") end)
        print(coroutine.isyieldable(), ch:receive())
      `),
    ).toEqual(['false\tfrom a task\ttrue']);
  });
});

describe('coroutine.spawn (A21)', () => {
  it('returns the new thread and runs it before the spawner goes on (process.go:1366-1388)', async () => {
    expect(
      await ours(`
        local t = coroutine.spawn(function()
          print("task", coroutine.isyieldable(), select(2, coroutine.running()))
        end)
        print("spawner", type(t), coroutine.status(t))
      `),
    ).toEqual(['task\ttrue\tfalse', 'spawner\tthread\tdead']);
  });

  it('passes no arguments, ignoring extra ones with a warning (coroutinelib.go coSpawn)', async () => {
    const r = await lua(`coroutine.spawn(function(...) print(select("#", ...)) end, 1, 2)`);
    expect(r.lines).toEqual([
      '[warn] coroutine.spawn: 2 arguments after the function are ignored (the platform passes none; use a closure)',
      '0',
    ]);
  });

  it('refuses to resume a spawned task by hand: the scheduler runs it', async () => {
    expect(
      await ours(`
        local t = coroutine.spawn(function() channel.new():receive() end)
        print(coroutine.resume(t))
      `),
    ).toEqual(['false\tcannot resume a task: the scheduler runs it (coroutine.spawn)']);
  });

  it('ends every task when the main chunk returns (process.go:1300-1317, killAllThreads)', async () => {
    const r = await lua(`
      coroutine.spawn(function() time.sleep("50ms") print("never") end)
      print("main returns")
    `);
    expect(r.end).toEqual({ status: 'finished' });
    expect(r.lines).toEqual(['main returns']);
  });

  it('a coroutine.yield() in a task gives the other tasks a turn', async () => {
    const order = await ours(`
      local log = {}
      coroutine.spawn(function() log[#log + 1] = "a1" coroutine.yield() log[#log + 1] = "a2" end)
      log[#log + 1] = "main"
      time.sleep("10ms")
      print(table.concat(log, " "))
    `);
    expect(order).toEqual(['a1 main a2']);
    expect(
      await ours(`
        coroutine.spawn(function() for i = 1, 2 do print("a", i) coroutine.yield() end end)
        coroutine.spawn(function() for i = 1, 2 do print("b", i) coroutine.yield() end end)
        time.sleep("20ms")
      `),
      // a runs first (spawned), yields; the main chunk goes on and spawns b, which runs after
      // a's second turn: a's yield let the main chunk in between.
    ).toEqual(['a\t1', 'a\t2', 'b\t1', 'b\t2']);
  });
});
