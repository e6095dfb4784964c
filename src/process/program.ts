/**
 * What a process runs, loaded into its state as its main task. A lone script is its own main
 * chunk (with an embed's prelude and a project's source modules, as before processes). An
 * entry is run as the platform runs one (process_factory.go): its `imports:` loaded first,
 * each bound as a global under its alias ("eager load into _G"), then its chunk, whose returned
 * table (or, failing that, the global of that name) gives the `method` called with the spawn
 * or call arguments.
 */
import {
  encodeUtf8,
  lauxlib,
  lua,
  luaString,
  toDisplayString,
  type LuaState,
} from '../runtime/lua/api.ts';
import { loadChunk } from '../runtime/load-chunk.ts';
import { preloadModules, type SourceModule } from '../runtime/preload-modules.ts';
import type { ParseResult } from '../dialect/ast.ts';
import type { LuaFailure } from '../shared/run-events.ts';
import { PRELUDE_CHUNK_NAME } from '../embed/prelude.ts';
import { pushCopied } from './payload-copy.ts';
import type { RunConfig } from './run-config.ts';
import type { Copied } from './types.ts';
import type { LuaProcess } from './lua-process.ts';
import { lineOf } from './exit.ts';

export interface LibrarySource {
  /** The global (and require name) it is bound under. */
  alias: string;
  chunkName: string;
  source: string;
}

export type Program =
  | {
      kind: 'script';
      chunkName: string;
      code: string;
      prelude?: string;
      modules?: SourceModule[];
      parsed?: ParseResult;
    }
  | {
      kind: 'entry';
      chunkName: string;
      source: string;
      method: string;
      imports: LibrarySource[];
    };

/** Start the main task; returns the failure when the program cannot even load. */
export function startProgram(
  self: LuaProcess,
  program: Program,
  args: Copied[],
  config: RunConfig,
): LuaFailure | null {
  const L = self.L;
  if (program.kind === 'script') {
    if (program.modules) preloadModules(L, program.modules, config.dialect);
    const { status, nargs } = loadScript(L, program, config);
    if (status !== lua.LUA_OK) return loadFailure(L, program.chunkName);
    // A script's arguments are its `...` (none, unless `process.upgrade` gave some).
    for (const arg of args) pushCopied(L, arg);
    self.scheduler.spawn(L, nargs + args.length);
    return null;
  }
  for (const library of program.imports) {
    if (loadChunk(L, library.source, library.chunkName, config.dialect) !== lua.LUA_OK)
      return loadFailure(L, library.chunkName, `failed to load dependency ${library.alias}: `);
    if (lua.lua_pcall(L, 0, 1, 0) !== lua.LUA_OK)
      return loadFailure(L, library.chunkName, `failed to load dependency ${library.alias}: `);
    lua.lua_pushvalue(L, -1);
    lua.lua_setglobal(L, luaString(library.alias));
    lauxlib.luaL_getsubtable(L, lua.LUA_REGISTRYINDEX, lauxlib.LUA_LOADED_TABLE);
    lua.lua_insert(L, -2);
    lua.lua_setfield(L, -2, luaString(library.alias));
    lua.lua_pop(L, 1);
  }
  loadDriver(L);
  if (loadChunk(L, program.source, program.chunkName, config.dialect) !== lua.LUA_OK)
    return loadFailure(L, program.chunkName);
  lua.lua_pushstring(L, luaString(program.method));
  for (const arg of args) pushCopied(L, arg);
  self.scheduler.spawn(L, 2 + args.length);
  return null;
}

/** Calls the entry's method with the arguments; a tail call, so tracebacks show no driver. */
const DRIVER = `local chunk, method = ...
local module = chunk()
local fn = type(module) == "table" and module[method] or nil
if fn == nil then fn = _G[method] end
if type(fn) ~= "function" then error("method '" .. method .. "' not found in the entry", 0) end
return fn(select(3, ...))`;

function loadDriver(L: LuaState): void {
  const bytes = encodeUtf8(DRIVER);
  lauxlib.luaL_loadbuffer(L, bytes, bytes.length, luaString('=entry'));
}

/**
 * The main task's function: the script's chunk, or, with a prelude, a Lua function that runs
 * the prelude and then tail-calls the script (Lua to Lua, so both may block on the scheduler,
 * and the script's traceback shows no extra frame).
 */
function loadScript(
  L: LuaState,
  program: Extract<Program, { kind: 'script' }>,
  config: RunConfig,
): { status: number; nargs: number } {
  const status = loadChunk(L, program.code, program.chunkName, config.dialect, program.parsed);
  if (status !== lua.LUA_OK || !program.prelude?.trim()) return { status, nargs: 0 };
  const preludeStatus = loadChunk(L, program.prelude, PRELUDE_CHUNK_NAME, config.dialect);
  if (preludeStatus !== lua.LUA_OK) return { status: preludeStatus, nargs: 0 };
  const runner = encodeUtf8('local main, prelude = ... prelude() return main(select(3, ...))');
  lauxlib.luaL_loadbuffer(L, runner, runner.length, luaString('=run'));
  lua.lua_insert(L, -3); // runner, main, prelude
  return { status: lua.LUA_OK, nargs: 2 };
}

function loadFailure(L: LuaState, chunkName: string, prefix = ''): LuaFailure {
  const message = prefix + toDisplayString(L, -1);
  lua.lua_pop(L, 1);
  return { message, traceback: '', line: lineOf(message, chunkName) };
}
