/**
 * The base functions under wippy whose behaviour go-lua changes (`baselib.go`): `tonumber`
 * (floats only; base 10 or `0x` unless a base is given; a `.` means Go's ParseFloat, so no
 * exponent without one), `select` (`'#'` a float), `unpack` (global, and `table.unpack`),
 * `assert` (the message gets the position), `setmetatable` (its own messages), `xpcall` (the
 * function gets no arguments) and the runtime's `require` (a global of that name).
 */
import {
  decodeUtf8,
  lauxlib,
  lua,
  luaString,
  raise,
  typeName,
  type LuaFunction,
  type LuaState,
} from '../../lua/api.ts';
import { toError } from '../errors.ts';
import { goParseFloat, goParseInt } from './go-parse-number.ts';
import { numberText } from './number-text.ts';

/** A table's length as go-lua's `LTable.Len` (the engine's border, see docs/engine.md). */
export function tableLength(L: LuaState, idx: number): number {
  return Number(lua.lua_rawlen(L, idx));
}

function tonumber(L: LuaState): number {
  lauxlib.luaL_checkany(L, 1);
  const noBase = lua.lua_isnoneornil(L, 2);
  let base = noBase ? 10 : Math.trunc(lauxlib.luaL_checknumber(L, 2));
  switch (lua.lua_type(L, 1)) {
    case lua.LUA_TNUMBER:
      lua.lua_pushnumber(L, lua.lua_tonumber(L, 1));
      return 1;
    case lua.LUA_TSTRING: {
      let text = decodeUtf8(lua.lua_tolstring(L, 1) as Uint8Array).replace(
        /^[ \n\t]+|[ \n\t]+$/g,
        '',
      );
      let value: number | null;
      if (text.includes('.')) value = goParseFloat(text);
      else {
        if (noBase && text.toLowerCase().startsWith('0x')) {
          base = 16;
          text = text.slice(2);
        }
        const n = goParseInt(text, base);
        value = n === null ? null : Number(n);
      }
      if (value === null) lua.lua_pushnil(L);
      else lua.lua_pushnumber(L, value);
      return 1;
    }
    default:
      lua.lua_pushnil(L);
      return 1;
  }
}

function select(L: LuaState): number {
  const n = lua.lua_gettop(L);
  const t = lua.lua_type(L, 1);
  if (t === lua.LUA_TSTRING) {
    const s = lua.lua_tojsstring(L, 1) as string;
    if (s !== '#') lauxlib.luaL_argerror(L, 1, luaString(`invalid string '${s}'`));
    lua.lua_pushnumber(L, n - 1);
    return 1;
  }
  if (t !== lua.LUA_TNUMBER) lauxlib.luaL_checknumber(L, 1);
  let idx = Math.trunc(lua.lua_tonumber(L, 1));
  if (idx < 0) idx = n + idx;
  else if (idx > n) idx = n;
  if (idx < 1) lauxlib.luaL_argerror(L, 1, luaString('index out of range'));
  return n - idx;
}

/** `unpack(t [, i [, j]])`: raw values t[i..j]. */
export function unpack(L: LuaState): number {
  lauxlib.luaL_checktype(L, 1, lua.LUA_TTABLE);
  const start = lua.lua_isnoneornil(L, 2) ? 1 : Math.trunc(lauxlib.luaL_checknumber(L, 2));
  const end = lua.lua_isnoneornil(L, 3)
    ? tableLength(L, 1)
    : Math.trunc(lauxlib.luaL_checknumber(L, 3));
  if (start > end) return 0;
  const count = end - start + 1;
  if (count >= 1_000_000 || !lua.lua_checkstack(L, count)) raise(L, 'too many results to unpack');
  for (let i = start; i <= end; i++) lua.lua_rawgeti(L, 1, i);
  return count;
}

function assert(L: LuaState): number {
  if (lua.lua_toboolean(L, 1)) return lua.lua_gettop(L);
  let message = 'assertion failed!';
  switch (lua.lua_type(L, 2)) {
    case lua.LUA_TNONE:
    case lua.LUA_TNIL:
      break;
    case lua.LUA_TSTRING:
      message = decodeUtf8(lua.lua_tolstring(L, 2) as Uint8Array);
      break;
    case lua.LUA_TNUMBER:
      message = numberText(L, 2);
      break;
    default: {
      const error = toError(L, 2);
      if (!error) lauxlib.luaL_argerror(L, 2, luaString(`string expected, got ${typeName(L, 2)}`));
      message = error?.message ?? '';
    }
  }
  return raise(L, message);
}

function setmetatable(L: LuaState): number {
  const t = lua.lua_type(L, 2);
  if (t !== lua.LUA_TNIL && t !== lua.LUA_TTABLE) {
    lauxlib.luaL_argerror(L, 2, luaString(`nil or table expected, got ${typeName(L, 2)}`));
  }
  if (lua.lua_isnoneornil(L, 1)) raise(L, 'cannot set metatable to a nil object.');
  if (lua.lua_getmetatable(L, 1)) {
    lua.lua_pushliteral(L, '__metatable');
    const protectedField = lua.lua_rawget(L, -2);
    lua.lua_pop(L, 2);
    if (protectedField !== lua.LUA_TNIL) raise(L, 'cannot change a protected metatable');
  }
  lauxlib.luaL_checktype(L, 1, lua.LUA_TTABLE);
  lua.lua_settop(L, 2);
  lua.lua_setmetatable(L, 1);
  return 1;
}

function require(L: LuaState): number {
  const name = lauxlib.luaL_checklstring(L, 1) as Uint8Array;
  if (lua.lua_getglobal(L, name) === lua.LUA_TNIL) {
    raiseAtLuaFrame(L, `module '${decodeUtf8(name)}' not found`);
  }
  return 1;
}

/**
 * go-lua's RaiseError: the message with the position of the nearest Lua frame, also when a
 * host function stands between (the project loader's `require` wrapper calls this one).
 */
function raiseAtLuaFrame(L: LuaState, message: string): never {
  const ar = new lua.lua_Debug();
  for (let level = 1; lua.lua_getstack(L, level, ar); level++) {
    lua.lua_getinfo(L, 'l', ar);
    if (ar.currentline <= 0) continue;
    lauxlib.luaL_where(L, level);
    lua.lua_pushstring(L, luaString(message));
    lua.lua_concat(L, 2);
    lua.lua_error(L);
  }
  raise(L, message);
}

/** The base functions to set as globals. */
export const baseFunctions: Record<string, LuaFunction> = {
  assert,
  require,
  select,
  setmetatable,
  tonumber,
  unpack,
};

/**
 * `xpcall(f, h, ...)` calls `f` with no arguments (`baseXPCall` `CallK(0, …)`): a Lua
 * wrapper over the engine's xpcall, so that a blocking call inside stays yieldable.
 */
export function wrapXpcall(L: LuaState): void {
  const code = 'local xpcall = xpcall; return function(f, h) return xpcall(f, h) end';
  if (lauxlib.luaL_loadstring(L, luaString(code)) !== lua.LUA_OK) throw new Error('xpcall');
  lua.lua_call(L, 0, 1);
  lua.lua_setglobal(L, luaString('xpcall'));
}
