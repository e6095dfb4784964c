/**
 * Modules a run can `require` beyond its libraries: a project's imports read from source (each
 * read as the run's dialect reads it, through loadChunk, so a library's declared types come with
 * it: `mylib.Config:is(v)`) and native modules opened on first use (`base64`, `uuid`). Both sit
 * in a registry table that a wrapper around the state's `require` consults first, then falls
 * back to the `require` it found: fengari's (package.preload) or the platform's (branch `lib`:
 * globals by name), which must therefore be in place before these are installed. The loaded
 * value is kept in `package.loaded` (the registry's `_LOADED`), so each loads once.
 */
import { checkText, lauxlib, lua, luaString, type LuaState } from './lua/api.ts';
import { loadChunk } from './load-chunk.ts';
import type { Dialect } from '../shared/dialect.ts';

export interface SourceModule {
  /** The name `require` takes. */
  name: string;
  /** The chunk name errors and tracebacks show (`lib_with_types.lua`). */
  chunkName: string;
  source: string;
}

const LOADERS = luaString('playground.module-loaders');
const FALLBACK_REQUIRE = luaString('playground.fallback-require');

export function preloadModules(L: LuaState, modules: SourceModule[], dialect: Dialect): void {
  const loaders: Record<string, (L: LuaState) => number> = {};
  for (const module of modules) {
    loaders[module.name] = (L1: LuaState) => {
      if (loadChunk(L1, module.source, module.chunkName, dialect) !== lua.LUA_OK) lua.lua_error(L1);
      lua.lua_pushstring(L1, luaString(module.name));
      lua.lua_call(L1, 1, 1);
      return 1;
    };
  }
  preloadNativeModules(L, loaders);
}

/** Native modules `require` opens on first use (no global is preset, as on the platform). */
export function preloadNativeModules(
  L: LuaState,
  modules: Record<string, (L: LuaState) => number>,
): void {
  installRequire(L);
  lauxlib.luaL_getsubtable(L, lua.LUA_REGISTRYINDEX, LOADERS);
  for (const [name, open] of Object.entries(modules)) {
    lua.lua_pushcfunction(L, open);
    lua.lua_setfield(L, -2, luaString(name));
  }
  lua.lua_pop(L, 1);
}

/** Wraps the global `require` once per state. */
function installRequire(L: LuaState): void {
  if (lua.lua_getfield(L, lua.LUA_REGISTRYINDEX, FALLBACK_REQUIRE) !== lua.LUA_TNIL) {
    lua.lua_pop(L, 1);
    return;
  }
  lua.lua_pop(L, 1);
  lua.lua_getglobal(L, luaString('require'));
  lua.lua_setfield(L, lua.LUA_REGISTRYINDEX, FALLBACK_REQUIRE);
  lua.lua_pushcfunction(L, requireWithModules);
  lua.lua_setglobal(L, luaString('require'));
}

function requireWithModules(L: LuaState): number {
  const name = checkText(L, 1);
  lua.lua_settop(L, 1);
  lauxlib.luaL_getsubtable(L, lua.LUA_REGISTRYINDEX, lauxlib.LUA_LOADED_TABLE);
  if (lua.lua_getfield(L, 2, luaString(name)) !== lua.LUA_TNIL) return 1;
  lua.lua_pop(L, 1);
  lua.lua_getfield(L, lua.LUA_REGISTRYINDEX, LOADERS);
  if (lua.lua_istable(L, -1) && lua.lua_getfield(L, -1, luaString(name)) === lua.LUA_TFUNCTION) {
    lua.lua_pushvalue(L, 1);
    lua.lua_call(L, 1, 1);
    if (lua.lua_isnil(L, -1)) {
      lua.lua_pop(L, 1);
      lua.lua_pushboolean(L, true);
    }
    lua.lua_pushvalue(L, -1);
    lua.lua_setfield(L, 2, luaString(name));
    return 1;
  }
  lua.lua_settop(L, 1);
  lua.lua_getfield(L, lua.LUA_REGISTRYINDEX, FALLBACK_REQUIRE);
  lua.lua_insert(L, 1);
  lua.lua_call(L, 1, lua.LUA_MULTRET);
  return lua.lua_gettop(L);
}
