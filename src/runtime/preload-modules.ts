/**
 * Modules a run can `require` from source (a project's imports): each becomes a
 * `package.preload` loader that reads the source as the run's dialect reads it (loadChunk),
 * so a library's declared types come with it (`mylib.Config:is(v)`).
 */
import { lauxlib, lua, luaString, type LuaState } from './lua/api.ts';
import { loadChunk } from './load-chunk.ts';
import type { Dialect } from '../shared/dialect.ts';

export interface SourceModule {
  /** The name `require` takes. */
  name: string;
  /** The chunk name errors and tracebacks show (`lib_with_types.lua`). */
  chunkName: string;
  source: string;
}

export function preloadModules(L: LuaState, modules: SourceModule[], dialect: Dialect): void {
  pushPreloadTable(L);
  for (const module of modules) {
    lua.lua_pushcfunction(L, (L1: LuaState) => {
      if (loadChunk(L1, module.source, module.chunkName, dialect) !== lua.LUA_OK) lua.lua_error(L1);
      lua.lua_pushstring(L1, luaString(module.name));
      lua.lua_call(L1, 1, 1);
      return 1;
    });
    lua.lua_setfield(L, -2, luaString(module.name));
  }
  lua.lua_pop(L, 1);
}

/**
 * The registry's preload table, which `require` reads (Lua 5.3's searcher_preload), not the
 * global `package.preload`: the platform's `package` has no preload field (branch `lib`).
 */
function pushPreloadTable(L: LuaState): void {
  lauxlib.luaL_getsubtable(L, lua.LUA_REGISTRYINDEX, lauxlib.LUA_PRELOAD_TABLE);
}

/** Native modules `require` opens on first use (no global is preset, as on the platform). */
export function preloadNativeModules(
  L: LuaState,
  modules: Record<string, (L: LuaState) => number>,
): void {
  pushPreloadTable(L);
  for (const [name, open] of Object.entries(modules)) {
    lua.lua_pushcfunction(L, open);
    lua.lua_setfield(L, -2, luaString(name));
  }
  lua.lua_pop(L, 1);
}
