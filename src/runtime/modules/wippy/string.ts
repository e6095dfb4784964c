/**
 * The string library under wippy (go-lua `stringlib.go`): `format` is Go's fmt (format.ts);
 * `rep` has no separator; `char` wraps each code to a byte (`uint8(...)`); `byte` returns
 * floats; `gfind` is the 5.0 name of `gmatch`; `dump` is refused. The rest (patterns, `sub`,
 * `find`, `pack`, …) stays the engine's. Every function takes an error value where it takes a
 * string, as its message (go-lua `LVCanConvToString` counts `*Error`, so `CheckString` reads
 * its `String()`): `string.find(err, "not found")` works, as the runtime's own tests rely on.
 * Changed in place: the table is also the strings' `__index`.
 */
import { lauxlib, lua, luaString, raise, type LuaFunction, type LuaState } from '../../lua/api.ts';
import { warn } from '../../warnings.ts';
import { format } from './format.ts';
import { toError } from '../errors.ts';

function rep(L: LuaState): number {
  const s = lauxlib.luaL_checklstring(L, 1) as Uint8Array;
  const n = Number(lauxlib.luaL_checkinteger(L, 2));
  if (lua.lua_gettop(L) >= 3 && !lua.lua_isnil(L, 3)) {
    warn(L, 'string.rep: the platform ignores the separator; use table.concat of copies instead');
  }
  if (n <= 0 || s.length === 0) {
    lua.lua_pushliteral(L, '');
    return 1;
  }
  if (s.length * n > 0x7fffffff) raise(L, 'resulting string too large');
  const out = new Uint8Array(s.length * n);
  for (let i = 0; i < n; i++) out.set(s, i * s.length);
  lua.lua_pushlstring(L, out, out.length);
  return 1;
}

function char(L: LuaState): number {
  const n = lua.lua_gettop(L);
  const out = new Uint8Array(n);
  for (let i = 1; i <= n; i++) {
    const code = lauxlib.luaL_checkinteger(L, i);
    out[i - 1] = Number(BigInt.asUintN(8, BigInt(code)));
  }
  lua.lua_pushlstring(L, out, n);
  return 1;
}

function dump(L: LuaState): number {
  return raise(L, 'GopherLua does not support the string.dump');
}

/** The engine's `string.byte`, with its results as floats (go-lua pushes `LNumber`). */
function floatResults(original: LuaFunction): LuaFunction {
  return (L) => {
    const n = lua.lua_gettop(L);
    lua.lua_pushcfunction(L, original);
    lua.lua_insert(L, 1);
    lua.lua_call(L, n, lua.LUA_MULTRET);
    const results = lua.lua_gettop(L);
    for (let i = 1; i <= results; i++) {
      lua.lua_pushnumber(L, lua.lua_tonumber(L, i));
      lua.lua_replace(L, i);
    }
    return results;
  };
}

/** Error-value arguments become their message before `original` sees them. */
function errorsAsStrings(original: LuaFunction): LuaFunction {
  return (L) => {
    const n = lua.lua_gettop(L);
    for (let i = 1; i <= n; i++) {
      if (lua.lua_type(L, i) !== lua.LUA_TUSERDATA) continue;
      const error = toError(L, i);
      if (!error) continue;
      lua.lua_pushstring(L, luaString(error.message));
      lua.lua_replace(L, i);
    }
    return original(L);
  };
}

export function patchString(L: LuaState): void {
  if (lua.lua_getglobal(L, luaString('string')) !== lua.LUA_TTABLE) {
    lua.lua_pop(L, 1);
    return;
  }
  lua.lua_getfield(L, -1, luaString('byte'));
  const byte = floatResults(lua.lua_tocfunction(L, -1) as LuaFunction);
  lua.lua_pop(L, 1);
  lua.lua_getfield(L, -1, luaString('gmatch'));
  lua.lua_setfield(L, -2, luaString('gfind'));
  const replaced: Record<string, LuaFunction> = { format, rep, char, dump, byte };
  for (const [name, fn] of Object.entries(replaced)) {
    lua.lua_pushcfunction(L, fn);
    lua.lua_setfield(L, -2, luaString(name));
  }
  lua.lua_pushnil(L);
  while (lua.lua_next(L, -2) !== 0) {
    const original = lua.lua_tocfunction(L, -1) as LuaFunction | null;
    lua.lua_pop(L, 1);
    if (!original) continue;
    lua.lua_pushvalue(L, -1);
    lua.lua_pushcfunction(L, errorsAsStrings(original));
    lua.lua_rawset(L, -4);
  }
  lua.lua_pop(L, 1);
}
