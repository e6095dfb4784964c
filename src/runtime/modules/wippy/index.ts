/**
 * The platform's libraries over the engine, for a state whose dialect is `wippy`: what
 * wippyai/runtime opens (go-lua's base, table, math, string, coroutine, errors, the runtime's
 * `os` and restricted `package`, its own `print`), each library in its own file here. Opened
 * after the reference libraries and the runtime's modules, replacing and removing what the
 * platform does differently; a `lua53` state never comes here.
 */
import { lauxlib, lua, luaString, pushText, setFunctions, type LuaState } from '../../lua/api.ts';
import { markImmutable } from '../../lua/immutable.ts';
import { baseFunctions, wrapXpcall } from './base.ts';
import { pushMath } from './math.ts';
import { pushOs } from './os.ts';
import { iterationFunctions } from './pairs.ts';
import { makePrint } from './print.ts';
import { patchString } from './string.ts';
import { pushTable } from './table.ts';
import { tostring } from './tostring.ts';

/** What the platform's base library lacks (go-lua `baselib.go` "minimal sandbox set"). */
const ABSENT_GLOBALS = [
  'load',
  'loadstring',
  'dofile',
  'loadfile',
  'collectgarbage',
  'rawlen',
  'io',
  'debug',
  'utf8',
  'bit32',
];

/** The library tables wippyai/runtime marks immutable (`cached_libs.go`, `loadlib.go`). */
const IMMUTABLE_LIBRARIES = ['table', 'math', 'coroutine', 'string', 'errors', 'os', 'package'];

/** go-lua `config.go` `Version`, and `PackageName + " " + PackageVersion`. */
const VERSION = 'Lua 5.3 - Wippy Modification';
const GOPHER_LUA_VERSION = 'GopherLua 0.2 Wippy Edition';

/** Set the table on top of the stack as global `name` and in `package.loaded`; pops it. */
function setLibrary(L: LuaState, name: string): void {
  lauxlib.luaL_getsubtable(L, lua.LUA_REGISTRYINDEX, luaString('_LOADED'));
  lua.lua_pushvalue(L, -2);
  lua.lua_setfield(L, -2, luaString(name));
  lua.lua_pop(L, 1);
  lua.lua_setglobal(L, luaString(name));
}

function removeFields(L: LuaState, table: string, names: string[]): void {
  if (lua.lua_getglobal(L, luaString(table)) === lua.LUA_TTABLE) {
    for (const name of names) {
      lua.lua_pushnil(L);
      lua.lua_setfield(L, -2, luaString(name));
    }
  }
  lua.lua_pop(L, 1);
}

/** The runtime's restricted `package` (`loadlib.go`): no loaded, preload or searchers. */
function pushPackage(L: LuaState): void {
  lua.lua_newtable(L);
  setFunctions(L, {
    loadlib(L1) {
      const name = lua.lua_tojsstring(L1, 1) ?? '';
      lauxlib.luaL_checklstring(L1, 1);
      pushText(L1, `cannot load module '${name}': loadlib disabled`);
      return 1;
    },
    seeall(L1) {
      lauxlib.luaL_checktype(L1, 1, lua.LUA_TTABLE);
      if (!lua.lua_getmetatable(L1, 1)) {
        lua.lua_newtable(L1);
        lua.lua_pushvalue(L1, -1);
        lua.lua_setmetatable(L1, 1);
      }
      lua.lua_pushglobaltable(L1);
      lua.lua_setfield(L1, -2, luaString('__index'));
      return 0;
    },
  });
  for (const field of ['path', 'cpath']) {
    lua.lua_pushliteral(L, '');
    lua.lua_setfield(L, -2, luaString(field));
  }
}

function markLibrariesImmutable(L: LuaState): void {
  for (const name of IMMUTABLE_LIBRARIES) {
    if (lua.lua_getglobal(L, luaString(name)) === lua.LUA_TTABLE) markImmutable(L, -1);
    lua.lua_pop(L, 1);
  }
}

/** Turn the opened state into the platform's; `write` receives printed lines. */
export function openWippy(L: LuaState, write: (text: string, newline: boolean) => void): void {
  lua.lua_pushglobaltable(L);
  setFunctions(L, { ...baseFunctions, ...iterationFunctions, print: makePrint(write), tostring });
  lua.lua_pop(L, 1);
  wrapXpcall(L);
  for (const [name, value] of [
    ['_VERSION', VERSION],
    ['_GOPHER_LUA_VERSION', GOPHER_LUA_VERSION],
  ]) {
    pushText(L, value);
    lua.lua_setglobal(L, luaString(name));
  }
  patchString(L);
  pushMath(L);
  setLibrary(L, 'math');
  pushTable(L);
  setLibrary(L, 'table');
  pushOs(L);
  setLibrary(L, 'os');
  pushPackage(L);
  setLibrary(L, 'package');
  removeFields(L, 'coroutine', ['isyieldable', 'close']);
  for (const name of ABSENT_GLOBALS) {
    lua.lua_pushnil(L);
    lua.lua_setglobal(L, luaString(name));
  }
  markLibrariesImmutable(L);
}
