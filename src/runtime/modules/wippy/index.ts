/**
 * The platform's libraries over the engine, for a state whose dialect is `wippy`: what
 * wippyai/runtime opens (go-lua's base, table, math, string, coroutine, errors, the runtime's
 * `os` and restricted `package`, its own `print`), each library in its own file here. Opened
 * after the reference libraries and the runtime's modules, replacing and removing what the
 * platform does differently; a `lua53` state never comes here.
 */
import { lua, luaString, setFunctions, type LuaFunction, type LuaState } from '../../lua/api.ts';
import { markImmutable } from '../../lua/immutable.ts';
import { makePrint } from './print.ts';
import { patchString } from './string.ts';
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

function setGlobals(L: LuaState, functions: Record<string, LuaFunction>): void {
  lua.lua_pushglobaltable(L);
  setFunctions(L, functions);
  lua.lua_pop(L, 1);
}

function removeGlobals(L: LuaState, names: string[]): void {
  for (const name of names) {
    lua.lua_pushnil(L);
    lua.lua_setglobal(L, luaString(name));
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
  setGlobals(L, { print: makePrint(write), tostring });
  patchString(L);
  removeGlobals(L, ABSENT_GLOBALS);
  markLibrariesImmutable(L);
}
