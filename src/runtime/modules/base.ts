/**
 * The standard libraries a script gets, trimmed for a sandbox that runs in a page: no file
 * or process access (io, os.exit/getenv/execute, dofile, loadfile), `require` limited to the
 * runtime's own modules, and `debug` reduced to `traceback`, because `debug.sethook` would
 * switch off the time slicing that keeps Stop working. `print` and `io.write` go to the host.
 */
import { lualib, luaconf } from 'fengari';
import {
  lauxlib,
  lua,
  checkText,
  luaString,
  setFunctions,
  toDisplayString,
  type LuaFunction,
  type LuaState,
} from '../lua/api.ts';

const STANDARD: Array<[string, LuaFunction]> = [
  ['_G', lualib.luaopen_base],
  ['package', lualib.luaopen_package],
  ['table', lualib.luaopen_table],
  ['string', lualib.luaopen_string],
  ['math', lualib.luaopen_math],
  ['utf8', lualib.luaopen_utf8],
  ['os', lualib.luaopen_os],
];

const REMOVED: Record<string, string[]> = {
  _G: ['dofile', 'loadfile'],
  os: ['exit', 'execute', 'getenv', 'remove', 'rename', 'tmpname', 'setlocale'],
  package: ['loadlib', 'searchpath'],
};

function removeFields(L: LuaState, table: string, names: string[]): void {
  lua.lua_getglobal(L, luaString(table));
  for (const name of names) {
    lua.lua_pushnil(L);
    lua.lua_setfield(L, -2, luaString(name));
  }
  lua.lua_pop(L, 1);
}

/**
 * A number as io.write writes it: C's "%d" or "%.14g", so a float shows no ".0" (unlike
 * tostring): `io.write(3.0)` writes `3`, as in lua5.3.
 */
function writtenNumber(L: LuaState, idx: number): string {
  if (lua.lua_isinteger(L, idx)) return String(lua.lua_tointeger(L, idx));
  return luaconf.lua_number2str(lua.lua_tonumber(L, idx)) as string;
}

/** Open the trimmed standard libraries; `write` receives printed text. */
export function openBase(L: LuaState, write: (text: string, newline: boolean) => void): void {
  for (const [name, open] of STANDARD) {
    lauxlib.luaL_requiref(L, luaString(name), open, 1);
    lua.lua_pop(L, 1);
  }
  for (const [table, names] of Object.entries(REMOVED)) removeFields(L, table, names);

  // require: package.loaded and package.preload only; nothing is searched on disk or network.
  lua.lua_getglobal(L, luaString('package'));
  lua.lua_getfield(L, -1, luaString('searchers'));
  for (let i = lua.lua_rawlen(L, -1); i > 1; i--) {
    lua.lua_pushnil(L);
    lua.lua_rawseti(L, -2, i);
  }
  lua.lua_pop(L, 1);
  for (const field of ['path', 'cpath']) {
    lua.lua_pushliteral(L, '');
    lua.lua_setfield(L, -2, luaString(field));
  }
  lua.lua_pop(L, 1);

  const print: LuaFunction = (L1) => {
    const n = lua.lua_gettop(L1);
    const parts: string[] = [];
    for (let i = 1; i <= n; i++) parts.push(toDisplayString(L1, i));
    write(parts.join('\t'), true);
    return 0;
  };
  lua.lua_pushcfunction(L, print);
  lua.lua_setglobal(L, luaString('print'));

  lua.lua_newtable(L);
  setFunctions(L, {
    write(L1) {
      const n = lua.lua_gettop(L1);
      const parts: string[] = [];
      for (let i = 1; i <= n; i++) {
        const t = lua.lua_type(L1, i);
        if (t === lua.LUA_TNUMBER) parts.push(writtenNumber(L1, i));
        else parts.push(checkText(L1, i));
      }
      write(parts.join(''), false);
      return 0;
    },
  });
  lua.lua_setglobal(L, luaString('io'));

  lauxlib.luaL_requiref(L, luaString('debug'), lualib.luaopen_debug, 0);
  lua.lua_newtable(L);
  lua.lua_getfield(L, -2, luaString('traceback'));
  lua.lua_setfield(L, -2, luaString('traceback'));
  lua.lua_setglobal(L, luaString('debug'));
  lua.lua_pop(L, 1);
  lua.lua_getfield(L, lua.LUA_REGISTRYINDEX, luaString('_LOADED'));
  lua.lua_getglobal(L, luaString('debug'));
  lua.lua_setfield(L, -2, luaString('debug'));
  lua.lua_pop(L, 1);
}
