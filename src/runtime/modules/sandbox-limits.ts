/**
 * Two base functions made safe for a page (audit 2, I1 and I2), applied where the dialect
 * has them (the platform has neither `load` nor `collectgarbage`; lua53 has both):
 *
 * - `load` reads text chunks only. fengari does not verify bytecode: a crafted binary chunk
 *   ends a run with an error `pcall` cannot catch, or trips an assertion that kills the worker.
 *   A mode without "t" is refused with a message saying so; string.dump stays (its result is
 *   only a string).
 * - `collectgarbage` no longer raises fengari's "lua_gc not implemented": "count" gives the
 *   run's memory in KiB as the memory guard measures it (memory-guard.ts); the collector is
 *   JavaScript's, so the other options only give Lua 5.3's usual answers.
 */
import { lauxlib, lua, luaString, type LuaFunction, type LuaState } from '../lua/api.ts';

const GC_OPTIONS = [
  'stop',
  'restart',
  'collect',
  'count',
  'step',
  'setpause',
  'setstepmul',
  'isrunning',
];

function textOnlyLoad(L: LuaState): number {
  const mode = lauxlib.luaL_optstring(L, 3, luaString('bt'));
  // A text chunk in mode "b" gets Lua's own refusal from the original below (it is no binary).
  const chunk = lua.lua_type(L, 1) === lua.LUA_TSTRING ? lua.lua_tolstring(L, 1) : null;
  const isText = chunk !== null && chunk[0] !== 27; /* ESC starts a binary chunk */
  if (isText) return callOriginal(L);
  if (!mode.includes(116 /* 't' */)) {
    lua.lua_pushnil(L);
    lua.lua_pushliteral(L, 'binary chunks are not loaded here (mode must include "t")');
    return 2;
  }
  // Keep an absent env absent: load(s, name, mode, nil) would set _ENV to nil.
  if (lua.lua_gettop(L) < 3) lua.lua_settop(L, 3);
  lua.lua_pushliteral(L, 't');
  lua.lua_replace(L, 3);
  return callOriginal(L);
}

/** The original `load` (upvalue 1) with this call's arguments. */
function callOriginal(L: LuaState): number {
  lua.lua_pushvalue(L, lua.lua_upvalueindex(1));
  lua.lua_insert(L, 1);
  lua.lua_call(L, lua.lua_gettop(L) - 1, lua.LUA_MULTRET);
  return lua.lua_gettop(L);
}

export function limitBase(L: LuaState, measure: (L: LuaState) => number): void {
  lua.lua_getglobal(L, luaString('load'));
  if (lua.lua_isfunction(L, -1)) {
    lua.lua_pushcclosure(L, textOnlyLoad, 1);
    lua.lua_setglobal(L, luaString('load'));
  } else {
    lua.lua_pop(L, 1);
  }

  lua.lua_getglobal(L, luaString('collectgarbage'));
  const present = lua.lua_isfunction(L, -1);
  lua.lua_pop(L, 1);
  if (!present) return;
  const collectgarbage: LuaFunction = (L1) => {
    const option =
      GC_OPTIONS[
        lauxlib.luaL_checkoption(
          L1,
          1,
          luaString('collect'),
          GC_OPTIONS.map((o) => luaString(o)),
        )
      ];
    lauxlib.luaL_optinteger(L1, 2, 0);
    switch (option) {
      case 'count':
        lua.lua_pushnumber(L1, measure(L1) / 1024);
        return 1;
      case 'step':
      case 'isrunning':
        lua.lua_pushboolean(L1, true);
        return 1;
      case 'setpause':
        lua.lua_pushinteger(L1, 200);
        return 1;
      case 'setstepmul':
        lua.lua_pushinteger(L1, 100);
        return 1;
      default:
        lua.lua_pushinteger(L1, 0);
        return 1;
    }
  };
  lua.lua_pushcfunction(L, collectgarbage);
  lua.lua_setglobal(L, luaString('collectgarbage'));
}
