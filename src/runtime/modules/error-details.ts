/**
 * The `details` of an error object: copied out of the script's table when the error is made
 * and rebuilt as a fresh table by every `err:details()`, as the platform does
 * (wippyai/go-lua `errorslib.go`, `luaToGoValue` / `goToLuaValue`). A nested table whose keys
 * are exactly 1..n becomes an array; any other keeps its string keys only.
 */
import { lua, pushText, decodeUtf8, toDisplayString, type LuaState } from '../lua/api.ts';
import { warn } from '../warnings.ts';

/** An integer kept apart from a float, so `details.id` stays an integer. */
export interface DetailInteger {
  integer: number | bigint;
}

export type Detail = boolean | string | number | DetailInteger | Detail[] | DetailMap;
export type DetailMap = Map<string, Detail>;

/** Deeper than this is a cycle: the platform would recurse without end. */
const MAX_DEPTH = 100;

/** The top-level details table at `idx`: string keys only (the platform's `ForEach`). */
export function copyDetails(L: LuaState, idx: number): DetailMap {
  const details: DetailMap = new Map();
  const abs = lua.lua_absindex(L, idx);
  lua.lua_pushnil(L);
  while (lua.lua_next(L, abs) !== 0) {
    if (lua.lua_type(L, -2) === lua.LUA_TSTRING)
      details.set(decodeUtf8(lua.lua_tolstring(L, -2) as Uint8Array), copyValue(L, -1, 1));
    else warn(L, 'errors.new: a details key that is not a string is ignored');
    lua.lua_pop(L, 1);
  }
  return details;
}

function copyValue(L: LuaState, idx: number, depth: number): Detail {
  switch (lua.lua_type(L, idx)) {
    case lua.LUA_TBOOLEAN:
      return lua.lua_toboolean(L, idx) as boolean;
    case lua.LUA_TSTRING:
      return decodeUtf8(lua.lua_tolstring(L, idx) as Uint8Array);
    case lua.LUA_TNUMBER:
      return lua.lua_isinteger(L, idx)
        ? { integer: lua.lua_tointeger(L, idx) as number | bigint }
        : (lua.lua_tonumber(L, idx) as number);
    case lua.LUA_TTABLE:
      if (depth < MAX_DEPTH) return copyTable(L, lua.lua_absindex(L, idx), depth);
      warn(L, 'errors.new: details nested too deeply (a cycle?) are cut off as a string');
      return displayString(L, idx);
    default:
      // The platform keeps the value's String(): "function: 0x...".
      return displayString(L, idx);
  }
}

/** The value's `tostring` (an error object gives its message, as the platform's String()). */
function displayString(L: LuaState, idx: number): string {
  return toDisplayString(L, idx);
}

function copyTable(L: LuaState, abs: number, depth: number): Detail {
  let count = 0;
  let sequence = true;
  lua.lua_pushnil(L);
  while (lua.lua_next(L, abs) !== 0) {
    count++;
    // Table keys that are integral floats are integers already (Lua 5.3 normalises them).
    if (!lua.lua_isinteger(L, -2) || (lua.lua_tointeger(L, -2) as number) < 1) sequence = false;
    lua.lua_pop(L, 1);
  }
  if (sequence && count > 0) {
    const items: Detail[] = [];
    for (let i = 1; i <= count; i++) {
      if (lua.lua_rawgeti(L, abs, i) === lua.LUA_TNIL) {
        lua.lua_pop(L, 1);
        return copyMap(L, abs, depth);
      }
      items.push(copyValue(L, -1, depth + 1));
      lua.lua_pop(L, 1);
    }
    return items;
  }
  return copyMap(L, abs, depth);
}

function copyMap(L: LuaState, abs: number, depth: number): DetailMap {
  const map: DetailMap = new Map();
  lua.lua_pushnil(L);
  while (lua.lua_next(L, abs) !== 0) {
    if (lua.lua_type(L, -2) === lua.LUA_TSTRING)
      map.set(decodeUtf8(lua.lua_tolstring(L, -2) as Uint8Array), copyValue(L, -1, depth + 1));
    lua.lua_pop(L, 1);
  }
  return map;
}

/** Push a fresh Lua value for `detail`. */
export function pushDetail(L: LuaState, detail: Detail): void {
  lua.lua_checkstack(L, 4);
  if (typeof detail === 'boolean') lua.lua_pushboolean(L, detail);
  else if (typeof detail === 'string') pushText(L, detail);
  else if (typeof detail === 'number') lua.lua_pushnumber(L, detail);
  else if (Array.isArray(detail)) {
    lua.lua_createtable(L, detail.length, 0);
    detail.forEach((item, i) => {
      pushDetail(L, item);
      lua.lua_rawseti(L, -2, i + 1);
    });
  } else if (detail instanceof Map) {
    lua.lua_createtable(L, 0, detail.size);
    for (const [key, value] of detail) {
      pushText(L, key);
      pushDetail(L, value);
      lua.lua_rawset(L, -3);
    }
  } else lua.lua_pushinteger(L, detail.integer);
}
