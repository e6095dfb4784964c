/**
 * Audit 2, I1-I3 in the runtime: binary chunks are refused by `load`, collectgarbage("count")
 * answers, and a run that grows past its memory bound is stopped with an error naming it.
 * Assertions in Lua where they can be (STYLE habit 11).
 */
import { describe, expect, it } from 'vitest';
import { lua, luaAsserts } from './run-for-test.ts';
import { estimateLuaMemory } from './lua/memory-walk.ts';
import { lauxlib, lua as api, luaString } from './lua/api.ts';

describe('load reads text chunks only (audit 2, I1)', () => {
  it('refuses a binary chunk, in any mode, with a message; text chunks load as before', async () => {
    await luaAsserts(`
      local dumped = string.dump(function() return 7 end)
      local f, err = load(dumped, "bin", "b")
      assert(f == nil and err:find("binary chunks are not loaded here"), err)
      f, err = load(dumped)
      assert(f == nil and err:find("attempt to load a binary chunk"), err)
      assert(load("return 1 + 1")() == 2)
      assert(load("return x", "env", "t", { x = 5 })() == 5)
      assert(load("return y", "noenv")() == nil)
    `);
  });

  it("refuses the audit's crafted bytecode (CALL r200 killed the worker), and the run ends normally", async () => {
    // audit2/bytecode.lua's method: patch the LOADK of a dumped function into other opcodes.
    const r = await lua(`
      local base = string.dump(function() local x = 7 return x end)
      local at = assert(base:find("\\3\\0\\0\\0\\1\\0\\0\\0", 1, true))
      local function le32(n) return string.char(n & 255, (n >> 8) & 255, (n >> 16) & 255, (n >> 24) & 255) end
      local function patch(word) return base:sub(1, at + 3) .. le32(word) .. base:sub(at + 8) end
      for _, word in ipairs({ 36 | (200 << 6) | (1 << 23) | (1 << 14), 0 | (250 << 23), 63 }) do
        for _, mode in ipairs({ "b", "bt", nil }) do
          local f, err = load(patch(word), "crafted", mode)
          print(f == nil, err)
        end
      end
      print("still alive")
    `);
    expect(r.end.status).toBe('finished');
    expect(r.lines.at(-1)).toBe('still alive');
    expect(r.lines.slice(0, -1).every((line) => line.startsWith('true\t'))).toBe(true);
  });
});

describe('collectgarbage (audit 2, I2)', () => {
  it('answers "count" with the memory the run holds, growing with what the script keeps', async () => {
    await luaAsserts(`
      local before = collectgarbage("count")
      assert(math.type(before) == "float" and before > 0, tostring(before))
      local keep = {}
      for i = 1, 20000 do keep[i] = ("x"):rep(100) .. i end
      local after = collectgarbage("count")
      assert(after > before + 1000, before .. " -> " .. after)
      assert(collectgarbage() == 0 and collectgarbage("collect") == 0)
      assert(collectgarbage("isrunning") == true)
    `);
  });
});

describe('the memory bound (audit 2, I3)', () => {
  it('stops a run that keeps growing, with an error that names the bound', async () => {
    const r = await lua(
      `local keep = {}
       while true do keep[#keep + 1] = ("x"):rep(4096) .. #keep end`,
      { memoryLimitBytes: 8 * 1024 * 1024 },
    );
    expect(r.end.status).toBe('error');
    if (r.end.status !== 'error') return;
    expect(r.end.failure.message).toContain('memory limit: the script holds more than 8 MiB');
  });

  it('cannot be caught by pcall', async () => {
    const r = await lua(
      `local keep = {}
       for _ = 1, 100 do
         pcall(function() while true do keep[#keep + 1] = {} end end)
       end
       print("escaped the bound")`,
      { memoryLimitBytes: 4 * 1024 * 1024 },
    );
    expect(r.output).not.toContain('escaped the bound');
    expect(r.end.status).toBe('error');
  });

  it('lets a run under its bound finish', async () => {
    const r = await lua('local t = {} for i = 1, 1000 do t[i] = i end print(#t)', {
      memoryLimitBytes: 8 * 1024 * 1024,
    });
    expect(r.end.status).toBe('finished');
    expect(r.lines).toEqual(['1000']);
  });
});

describe('estimateLuaMemory', () => {
  it('counts a string once however many tables hold it, and stops walking past stopAbove', () => {
    const L = lauxlib.luaL_newstate();
    const base = estimateLuaMemory(L, []);
    api.lua_pushstring(L, luaString('y'.repeat(100_000)));
    api.lua_setglobal(L, luaString('big'));
    // The registry holds the globals; a fresh state has none, so set them up first.
    const withString = estimateLuaMemory(L, []);
    expect(withString - base).toBeGreaterThanOrEqual(100_000);
    api.lua_getglobal(L, luaString('big'));
    api.lua_setglobal(L, luaString('again'));
    expect(estimateLuaMemory(L, []) - withString).toBeLessThan(1000);
    expect(estimateLuaMemory(L, [], 10)).toBeGreaterThan(10);
  });
});

describe('time slices after an error caught by pcall (engine patch: lua_pcallk kept allowhook)', () => {
  it('Stop still ends a loop that follows a caught error', async () => {
    // Before the patch the caught error switched the count hook off for good: no slice ended,
    // Stop never got a turn, and the CLI could not be interrupted.
    const r = await lua('print(pcall(error, "x"))\nwhile true do end', { stopAfterMs: 500 });
    expect(r.end.status).toBe('stopped');
    expect(r.lines).toEqual(['false\tx']);
  });

  it('other tasks still get their turn after a caught error', async () => {
    await luaAsserts(`
      local ticks = 0
      coroutine.spawn(function() while true do ticks = ticks + 1 time.sleep("1ms") end end)
      pcall(error, "x")
      local start = os.clock()
      while ticks < 3 do assert(os.clock() - start < 10, "the other task never ran") end
    `);
  });
});
