/**
 * The `json` library: `encode(v)`, `decode(s)` and `null`. A table whose keys are exactly
 * 1..n encodes as an array, any other as an object (number keys become strings); an empty
 * table encodes as `{}`, since the messages scripts send are mostly objects.
 * JSON null decodes to `json.null`, so arrays keep their length and objects their keys.
 * Failures return `nil, err` with kind INVALID.
 */
import {
  decodeUtf8,
  lauxlib,
  lua,
  pushText,
  setFunctions,
  type LuaFunction,
  type LuaState,
} from '../lua/api.ts';
import { returnError, runtimeError } from './errors.ts';

/** The identity of `json.null`, a light userdata. */
const JSON_NULL = Object.freeze({ json: 'null' });
const MAX_DEPTH = 200;

class EncodeError extends Error {}

function isNull(L: LuaState, idx: number): boolean {
  return (
    lua.lua_type(L, idx) === lua.LUA_TLIGHTUSERDATA && lua.lua_touserdata(L, idx) === JSON_NULL
  );
}

function encodeNumber(n: number): string {
  if (!Number.isFinite(n))
    throw new EncodeError(`cannot encode ${n} (JSON has no NaN or infinity)`);
  return Number.isInteger(n) && Math.abs(n) < 2 ** 53 ? n.toFixed(0) : String(n);
}

function encodeValue(L: LuaState, idx: number, depth: number): string {
  switch (lua.lua_type(L, idx)) {
    case lua.LUA_TNIL:
      return 'null';
    case lua.LUA_TBOOLEAN:
      return lua.lua_toboolean(L, idx) ? 'true' : 'false';
    case lua.LUA_TNUMBER:
      return lua.lua_isinteger(L, idx)
        ? String(lua.lua_tointeger(L, idx))
        : encodeNumber(lua.lua_tonumber(L, idx));
    case lua.LUA_TSTRING:
      return JSON.stringify(decodeUtf8(lua.lua_tolstring(L, idx) as Uint8Array));
    case lua.LUA_TTABLE:
      return encodeTable(L, lua.lua_absindex(L, idx), depth);
    default:
      if (isNull(L, idx)) return 'null';
      throw new EncodeError(`cannot encode a ${decodeUtf8(typeNameOf(L, idx))}`);
  }
}

function typeNameOf(L: LuaState, idx: number): Uint8Array {
  return lua.lua_typename(L, lua.lua_type(L, idx)) as Uint8Array;
}

function encodeTable(L: LuaState, idx: number, depth: number): string {
  if (depth > MAX_DEPTH)
    throw new EncodeError('cannot encode: tables nested too deeply (a cycle?)');
  const keys: Array<string | number> = [];
  const values: string[] = [];
  let isSequence = true;
  lua.lua_pushnil(L);
  while (lua.lua_next(L, idx) !== 0) {
    const keyType = lua.lua_type(L, -2);
    let key: string | number;
    if (keyType === lua.LUA_TSTRING) {
      key = decodeUtf8(lua.lua_tolstring(L, -2) as Uint8Array);
      isSequence = false;
    } else if (keyType === lua.LUA_TNUMBER) {
      key = lua.lua_tonumber(L, -2);
      if (!Number.isInteger(key) || key < 1) isSequence = false;
    } else {
      const name = decodeUtf8(typeNameOf(L, -2));
      lua.lua_pop(L, 2);
      throw new EncodeError(`cannot encode a table key of type ${name}`);
    }
    try {
      values.push(encodeValue(L, -1, depth + 1));
    } catch (e) {
      lua.lua_pop(L, 2);
      throw e;
    }
    keys.push(key);
    lua.lua_pop(L, 1);
  }
  if (keys.length === 0) return '{}';
  if (isSequence) {
    const ordered = new Array<string>(keys.length);
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i] as number;
      if (k > keys.length) {
        isSequence = false;
        break;
      }
      ordered[k - 1] = values[i];
    }
    if (isSequence) return `[${ordered.join(',')}]`;
  }
  return `{${keys.map((k, i) => `${JSON.stringify(String(k))}:${values[i]}`).join(',')}}`;
}

function pushJson(L: LuaState, value: unknown): void {
  lauxlib.luaL_checkstack(L, 3, null);
  if (value === null) lua.lua_pushlightuserdata(L, JSON_NULL);
  else if (typeof value === 'boolean') lua.lua_pushboolean(L, value);
  else if (typeof value === 'number') {
    // Integers are 64-bit (docs/engine.md); JSON.parse has already rounded beyond 2^53.
    if (Number.isSafeInteger(value)) lua.lua_pushinteger(L, value);
    else lua.lua_pushnumber(L, value);
  } else if (typeof value === 'string') pushText(L, value);
  else if (Array.isArray(value)) {
    lua.lua_createtable(L, value.length, 0);
    value.forEach((item, i) => {
      pushJson(L, item);
      lua.lua_rawseti(L, -2, i + 1);
    });
  } else {
    const entries = Object.entries(value as Record<string, unknown>);
    lua.lua_createtable(L, 0, entries.length);
    for (const [k, v] of entries) {
      pushText(L, k);
      pushJson(L, v);
      lua.lua_rawset(L, -3);
    }
  }
}

const library: Record<string, LuaFunction> = {
  encode(L) {
    lua.lua_settop(L, 1);
    try {
      pushText(L, encodeValue(L, 1, 0));
      return 1;
    } catch (e) {
      if (!(e instanceof EncodeError)) throw e;
      return returnError(L, runtimeError('INVALID', `json.encode: ${e.message}`));
    }
  },
  decode(L) {
    if (lua.lua_type(L, 1) !== lua.LUA_TSTRING) {
      return returnError(L, runtimeError('INVALID', 'json.decode: expected a string'));
    }
    let value: unknown;
    try {
      value = JSON.parse(decodeUtf8(lua.lua_tolstring(L, 1) as Uint8Array));
    } catch (e) {
      return returnError(L, runtimeError('INVALID', `json.decode: ${(e as Error).message}`));
    }
    pushJson(L, value);
    return 1;
  },
};

export function openJson(L: LuaState): number {
  lua.lua_newtable(L);
  setFunctions(L, library);
  lua.lua_pushlightuserdata(L, JSON_NULL);
  lua.lua_setfield(L, -2, 'null');
  return 1;
}
