/**
 * Module tables are read-only to scripts (spec: "The module's tables are read-only"). The
 * table on top of the stack is replaced by an empty proxy whose metatable reads through to
 * it, refuses writes, and keeps `pairs` working through `__pairs`. Under the wippy dialect
 * the table is marked immutable instead (src/runtime/lua/immutable.ts).
 */
import { lua, luaString, raise, type LuaState } from './api.ts';
import { isWippy } from './dialect.ts';
import { markImmutable } from './immutable.ts';

export function makeReadOnly(L: LuaState, name: string): void {
  // The platform's module tables are immutable tables (go-lua `LTable.Immutable`), and its
  // `pairs` ignores `__pairs`, so under wippy the table itself is marked, not proxied.
  if (isWippy(L)) {
    markImmutable(L, -1);
    return;
  }
  const original = lua.lua_gettop(L);
  lua.lua_newtable(L); // the proxy
  lua.lua_newtable(L); // its metatable
  lua.lua_pushvalue(L, original);
  lua.lua_setfield(L, -2, luaString('__index'));
  lua.lua_pushcfunction(L, (L1: LuaState) =>
    raise(L1, `${name} is read-only: cannot assign to field '${lua.lua_tojsstring(L1, 2) ?? '?'}'`),
  );
  lua.lua_setfield(L, -2, luaString('__newindex'));
  lua.lua_pushvalue(L, original);
  lua.lua_pushcclosure(L, pairsOfUpvalue, 1);
  lua.lua_setfield(L, -2, luaString('__pairs'));
  lua.lua_pushboolean(L, false);
  lua.lua_setfield(L, -2, luaString('__metatable'));
  lua.lua_setmetatable(L, -2);
  lua.lua_replace(L, original);
}

/** `__pairs`: iterate the real table with `next`. */
function pairsOfUpvalue(L: LuaState): number {
  lua.lua_getglobal(L, luaString('next'));
  lua.lua_pushvalue(L, lua.lua_upvalueindex(1));
  lua.lua_pushnil(L);
  return 3;
}
