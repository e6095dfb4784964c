/**
 * Lua's `coroutine` library, with `resume` and `wrap` taught to let scheduler suspensions
 * through: when a blocking call parks a thread inside a user coroutine, the user's
 * `coroutine.resume` must not return (the user's code never asked for that yield). Instead it
 * parks its own thread too, and when the scheduler resumes it, it resumes the inner coroutine
 * again, so the blocking call completes where it was made. Adds `coroutine.spawn`.
 *
 * The main chunk runs as a task (a thread of its own), yet scripts see Lua's main thread
 * there, as in plain Lua 5.3: `coroutine.running()` says it is the main one,
 * `coroutine.isyieldable()` is false and `coroutine.yield()` raises. Spawned tasks are
 * coroutines the scheduler runs: a `coroutine.yield()` there gives the other tasks a turn.
 *
 * Mirrors fengari's `lcorolib.js` (`auxresume`, `luaB_auxwrap`) otherwise.
 */
import {
  argError,
  lauxlib,
  lua,
  luaString,
  setFunctions,
  type LuaFunction,
  type LuaState,
} from '../lua/api.ts';
import type { Scheduler } from '../scheduler.ts';
import { warn } from '../warnings.ts';
import { lualib } from 'fengari';

export function openCoroutine(scheduler: Scheduler): LuaFunction {
  /** Resume `co` with `narg` values from the top of L; results or error message left on L. */
  const auxresume = (
    L: LuaState,
    co: LuaState,
    narg: number,
    onDone: (L: LuaState, r: number) => number,
  ): number => {
    if (!lua.lua_checkstack(co, narg)) {
      lua.lua_pushliteral(L, 'too many arguments to resume');
      return onDone(L, -1);
    }
    if (lua.lua_status(co) === lua.LUA_OK && lua.lua_gettop(co) === 0) {
      lua.lua_pushliteral(L, 'cannot resume dead coroutine');
      return onDone(L, -1);
    }
    if (scheduler.taskOf(co)) {
      lua.lua_pushliteral(L, 'cannot resume a task: the scheduler runs it (coroutine.spawn)');
      return onDone(L, -1);
    }
    scheduler.enterCoroutine(L, co);
    lua.lua_xmove(L, co, narg);
    const status = lua.lua_resume(co, L, narg);
    if (status === lua.LUA_YIELD && scheduler.takeParked(co)) {
      // A blocking call inside `co` is waiting: wait with it, then carry on resuming it.
      lua.lua_settop(co, 0);
      scheduler.markParked(L);
      return lua.lua_yieldk(L, 0, 0, (L1: LuaState) => auxresume(L1, co, 0, onDone));
    }
    if (status === lua.LUA_OK || status === lua.LUA_YIELD) {
      const nres = lua.lua_gettop(co);
      if (!lua.lua_checkstack(L, nres + 1)) {
        lua.lua_pop(co, nres);
        lua.lua_pushliteral(L, 'too many results to resume');
        return onDone(L, -1);
      }
      lua.lua_xmove(co, L, nres);
      return onDone(L, nres);
    }
    lua.lua_xmove(co, L, 1);
    return onDone(L, -1);
  };

  const resume: LuaFunction = (L) => {
    const co = lua.lua_tothread(L, 1);
    if (!co) argError(L, 1, 'thread expected');
    return auxresume(L, co, lua.lua_gettop(L) - 1, (L1, r) => {
      if (r < 0) {
        lua.lua_pushboolean(L1, false);
        lua.lua_insert(L1, -2);
        return 2;
      }
      lua.lua_pushboolean(L1, true);
      lua.lua_insert(L1, -(r + 1));
      return r + 1;
    });
  };

  const auxwrap: LuaFunction = (L) => {
    const co = lua.lua_tothread(L, lua.lua_upvalueindex(1));
    return auxresume(L, co, lua.lua_gettop(L), (L1, r) => {
      if (r < 0) {
        if (lua.lua_type(L1, -1) === lua.LUA_TSTRING) {
          lauxlib.luaL_where(L1, 1);
          lua.lua_insert(L1, -2);
          lua.lua_concat(L1, 2);
        }
        return lua.lua_error(L1);
      }
      return r;
    });
  };

  /**
   * The main chunk runs as the scheduler's first task, a thread the script never created; to
   * the script it is Lua's main thread, as in plain Lua: not yieldable, `running()` says main,
   * and `coroutine.yield` there is an error. Blocking calls park it through the scheduler
   * (`scheduler.suspend`), not through `coroutine.yield`, so they still work.
   */
  const isMainThread = (L: LuaState): boolean =>
    scheduler.current.id === 1 && scheduler.current.thread === L;

  const library: Record<string, LuaFunction> = {
    isyieldable(L) {
      lua.lua_pushboolean(L, !isMainThread(L) && lua.lua_isyieldable(L));
      return 1;
    },
    running(L) {
      lua.lua_pushthread(L);
      lua.lua_pushboolean(L, isMainThread(L));
      return 2;
    },
    yield(L) {
      if (isMainThread(L)) {
        // As lua_yieldk words it, without a position (the running function is this C one).
        lua.lua_pushliteral(L, 'attempt to yield from outside a coroutine');
        return lua.lua_error(L);
      }
      return lua.lua_yield(L, lua.lua_gettop(L));
    },
    resume,
    wrap(L) {
      lauxlib.luaL_checktype(L, 1, lua.LUA_TFUNCTION);
      const co = lua.lua_newthread(L);
      lua.lua_pushvalue(L, 1);
      lua.lua_xmove(L, co, 1);
      lua.lua_pushcclosure(L, auxwrap, 1);
      return 1;
    },
    /**
     * coroutine.spawn(fn) -> thread: fn runs as a concurrent task of this run, before the
     * spawner goes on, and with no arguments: the platform passes none (go-lua
     * `coroutinelib.go` coSpawn, runtime `process.go:1366-1388`).
     */
    spawn(L) {
      lauxlib.luaL_checktype(L, 1, lua.LUA_TFUNCTION);
      const extra = lua.lua_gettop(L) - 1;
      if (extra > 0)
        warn(
          L,
          `coroutine.spawn: ${extra} argument${extra > 1 ? 's' : ''} after the function ${extra > 1 ? 'are' : 'is'} ignored (the platform passes none; use a closure)`,
        );
      lua.lua_settop(L, 1);
      scheduler.spawn(L, 0, true);
      // The new thread is the one value left on the stack: it is what spawn returns.
      return scheduler.requeue(L, () => 1);
    },
  };

  return (L) => {
    // Start from fengari's own library and replace or add what we need.
    lauxlib.luaL_requiref(L, luaString('coroutine'), lualib.luaopen_coroutine, true);
    setFunctions(L, library);
    return 1;
  };
}
