/**
 * The terminal `io` module and the `logger` shim in a real Lua state with the runtime's
 * scheduler (assertions in Lua); io.readline parks its task until a line is pushed.
 */
import { lualib } from 'fengari';
import { describe, expect, it } from 'vitest';
import { lauxlib, lua, luaString, type LuaFunction, type LuaState } from '../lua/api.ts';
import { createDefer } from '../defer.ts';
import { Scheduler } from '../scheduler.ts';
import { openErrors } from './errors.ts';
import { openLogger } from './logger.ts';
import { openTerminalIo } from './terminal-io.ts';
import { TerminalInput } from './terminal-input.ts';

interface Harness {
  L: LuaState;
  scheduler: Scheduler;
  /** Runs `code` as a task; resolves with null when it ends, else its error. */
  run(code: string): Promise<string | null>;
}

function harness(modules: (scheduler: Scheduler) => Record<string, LuaFunction>): Harness {
  const L = lauxlib.luaL_newstate();
  lualib.luaL_openlibs(L);
  let settle: (error: string | null) => void = () => {};
  const scheduler = new Scheduler(
    L,
    createDefer(),
    () => Date.now(),
    (_task, end) => {
      settle(end.ok ? null : String(lua.lua_tojsstring(end.thread, -1)));
    },
  );
  const all: Record<string, LuaFunction> = { errors: openErrors, ...modules(scheduler) };
  for (const [name, open] of Object.entries(all)) {
    // Replaces the standard io: requiref opens nothing already in package.loaded.
    lua.lua_getfield(L, lua.LUA_REGISTRYINDEX, luaString('_LOADED'));
    lua.lua_pushnil(L);
    lua.lua_setfield(L, -2, luaString(name));
    lua.lua_pop(L, 1);
    lauxlib.luaL_requiref(L, luaString(name), open, 1);
    lua.lua_pop(L, 1);
  }
  return {
    L,
    scheduler,
    run: (code) =>
      new Promise((resolve) => {
        settle = resolve;
        if (lauxlib.luaL_loadstring(L, luaString(code)) !== lua.LUA_OK)
          return resolve(String(lua.lua_tojsstring(L, -1)));
        scheduler.spawn(L, 0);
      }),
  };
}

describe('io on a terminal host', () => {
  it('prints with tabs and a newline, writes without, gives the args', async () => {
    const written: string[] = [];
    const { run } = harness(() => ({
      io: openTerminalIo({
        write: (text, newline, stream) => written.push(`${stream}:${text}${newline ? '\\n' : ''}`),
        readline: () => 0,
        args: ['one', 'two'],
      }),
    }));
    const error = await run(`
      assert(io.print("a", 1, 2.5, nil, true) == true)
      assert(io.write("x", 3, "y") == true)
      assert(io.eprint("oops", {} ~= nil) == true)
      assert(io.flush() == true)
      local args = io.args()
      assert(#args == 2 and args[1] == "one" and args[2] == "two")
      local ok, err = io.raw(true)
      assert(ok == nil and err:kind() == errors.UNAVAILABLE)
      assert(tostring(err):find("raw terminal control unavailable", 1, true))
    `);
    expect(error).toBeNull();
    expect(written).toEqual([
      'stdout:a\t1\t2.5\tnil\ttrue\\n',
      'stdout:x3y',
      'stderr:oops\ttrue\\n',
    ]);
  });

  it('parks readline until a line comes, strips \\r, then nil and an error at the end', async () => {
    const reported: string[] = [];
    const input = new TerminalInput((readers) =>
      reported.push(readers.map((r) => r.entryId).join(',')),
    );
    const lines: string[] = [];
    const { run } = harness((scheduler) => {
      const reader = { scheduler, pid: '{app:terminal|0x00001}', entryId: 'app:main' };
      return {
        io: openTerminalIo({
          write: (text) => lines.push(text),
          readline: (L) => input.readline(L, reader),
          read: (L, size) => input.read(L, reader, size),
        }),
      };
    });
    const ended = run(`
      local got = {}
      while true do
        local line, err = io.readline()
        if line == nil then
          assert(tostring(err):find("EOF", 1, true), tostring(err))
          break
        end
        io.print("got " .. line)
      end
      io.print("done")
    `);
    // The task is parked: nothing has been printed before any input.
    await new Promise((resolve) => setImmediate(resolve));
    expect(lines).toEqual([]);
    // The parked read is reported (the page offers its input line and names the reader).
    expect(reported).toEqual(['app:main']);
    input.push('first\r');
    // The line woke the reader; it is reported again once it parks for the next line.
    expect(reported).toEqual(['app:main', '']);
    input.push('');
    await new Promise((resolve) => setImmediate(resolve));
    expect(lines).toEqual(['got first', 'got ']);
    input.push('last');
    input.push(null);
    expect(await ended).toBeNull();
    expect(lines).toEqual(['got first', 'got ', 'got last', 'done']);
  });

  it('reads up to n characters with io.read', async () => {
    const input = new TerminalInput();
    input.push('hello');
    input.push(null);
    const { run } = harness((scheduler) => {
      const reader = { scheduler, pid: '{app:terminal|0x00001}', entryId: 'app:main' };
      return {
        io: openTerminalIo({
          write: () => {},
          readline: (L) => input.readline(L, reader),
          read: (L, size) => input.read(L, reader, size),
        }),
      };
    });
    expect(
      await run(`
        assert(io.read(2) == "he")
        assert(io.read() == "llo\\n")
        local v, err = io.read(4)
        assert(v == nil and tostring(err):find("EOF", 1, true))
      `),
    ).toBeNull();
  });

  it('answers nil, "no terminal context" off a terminal host', async () => {
    const { run } = harness(() => ({ io: openTerminalIo(null) }));
    expect(
      await run(`
        for _, name in ipairs({"print", "write", "eprint", "readline", "read", "flush", "raw"}) do
          local ok, err = io[name]("x")
          assert(ok == nil and err:kind() == errors.UNAVAILABLE, name)
          assert(err:message() == "no terminal context", name)
        end
        assert(#io.args() == 0)
      `),
    ).toBeNull();
  });
});

describe('logger', () => {
  it('prints level, name, message and fields, with children from with and named', async () => {
    const lines: string[] = [];
    const { run } = harness(() => ({
      logger: openLogger((line, level) => lines.push(`${level}|${line}`), { pid: '{app|0x1}' }),
    }));
    const error = await run(`
      logger:info("started", {port = 8080, ratio = 0.5, ok = true, [1] = "ignored"})
      logger:debug("plain")
      local api = logger:with({component = "api"}):named("http")
      api:warn("slow", {ms = 1200, tags = {"a", "b"}})
      api:named("auth"):error("failed", {error = errors.new("timeout")})
      assert(logger ~= api and tostring(api) == "logger.Logger http")
      local ok, err = pcall(logger.named, logger, "")
      assert(not ok and tostring(err):find("name cannot be empty", 1, true))
      local ok2, err2 = pcall(logger.info, {}, "x")
      assert(not ok2 and tostring(err2):find("expected logger.Logger", 1, true), tostring(err2))
    `);
    expect(error).toBeNull();
    expect(lines).toEqual([
      'info|INFO started {"pid":"{app|0x1}","ok":true,"port":8080,"ratio":0.5}',
      'debug|DEBUG plain {"pid":"{app|0x1}"}',
      'warn|WARN http: slow {"pid":"{app|0x1}","component":"api","ms":1200,"tags":["a","b"]}',
      'error|ERROR http.auth: failed {"pid":"{app|0x1}","component":"api","error":"timeout"}',
    ]);
  });
});
