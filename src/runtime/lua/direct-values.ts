/**
 * Building Lua values without the C-style API's push and pop per value, for decoders that make
 * many of them (modules/json-decode.ts): fengari's `TValue`s and tables made directly, with
 * ltable.js's own `luaH_new` and the entry layout of its `add`. Integers still come from
 * `lua_pushinteger` (through `pushExactInteger`), so the engine decides what an integer is.
 * `assertTableInternals` checks, once per state, that a table built here reads back through
 * the public API: a fengari whose internals changed fails loudly in the tests, not quietly.
 */
import { lua, type LuaState } from './api.ts';
import { pushExactInteger } from './integers.ts';
import { luaS_bless, luaS_hashlongstr } from 'fengari/src/lstring.js';
import { pushobj2s, TValue } from 'fengari/src/lobject.js';
import { luaH_new, type Table } from 'fengari/src/ltable.js';

export { TValue, luaH_new, luaS_bless, luaS_hashlongstr, type Table };

/** fengari's type tags (defs.js) of the values built here. */
export const T_BOOLEAN = 1;
export const T_FLOAT = 3;
export const T_TABLE = 5;
export const T_STRING = 4 | (1 << 4);
export const T_INTEGER = 3 | (1 << 4);
export const TRUE = new TValue(T_BOOLEAN, true);
export const FALSE = new TValue(T_BOOLEAN, false);

/**
 * Add a member to a table being built, as ltable.js `add` does: the entry joins the table's
 * map and its `next` order. False when the key is there already.
 */
export function addMember(t: Table, hash: string | number, key: TValue, value: TValue): boolean {
  if (t.strong.has(hash)) return false;
  const entry = { key, value, p: t.l, n: undefined };
  if (!t.f) t.f = entry;
  if (t.l) t.l.n = entry;
  t.strong.set(hash, entry);
  t.l = entry;
  return true;
}

/** fengari's table object of the table at stack index `idx` (what lua_topointer gives). */
export function tableAt(L: LuaState, idx: number): object {
  return lua.lua_topointer(L, idx) as object;
}

/**
 * The fengari internals used here behave as this file expects (see the header): a table
 * built by `set` reads back through the public API, by key, by index, with `#` and `next`.
 */
export function assertTableInternals(L: LuaState): void {
  const t = luaH_new(L);
  const ts = luaS_bless(L, new Uint8Array([0x6b]));
  addMember(t, luaS_hashlongstr(ts), new TValue(T_STRING, ts), TRUE);
  addMember(t, 1, new TValue(T_INTEGER, 1), new TValue(T_FLOAT, 2.5));
  lua.lua_checkstack(L, 4);
  pushobj2s(L, new TValue(T_TABLE, t));
  const okField = lua.lua_getfield(L, -1, new Uint8Array([0x6b])) === lua.LUA_TBOOLEAN;
  const okIndex = lua.lua_rawgeti(L, -2, 1) === lua.LUA_TNUMBER && lua.lua_tonumber(L, -1) === 2.5;
  const okLength = lua.lua_rawlen(L, -3) === 1;
  lua.lua_pop(L, 2);
  lua.lua_pushnil(L);
  let count = 0;
  while (lua.lua_next(L, -2) !== 0) {
    count++;
    lua.lua_pop(L, 1);
  }
  lua.lua_pop(L, 1);
  if (!okField || !okIndex || !okLength || count !== 2)
    throw new Error('fengari table internals changed: see src/runtime/lua/direct-values.ts');
}

/** An integer as the engine makes it: pushed through the one helper, then taken off again. */
export function integerValue(L: LuaState, v: number | bigint): TValue {
  lua.lua_checkstack(L, 1);
  pushExactInteger(L, v);
  const tv = (L as unknown as { stack: TValue[]; top: number }).stack[
    (L as unknown as { top: number }).top - 1
  ];
  lua.lua_pop(L, 1);
  return tv;
}

/** Push `tv` (a value built here) onto the stack. */
export function pushValue(L: LuaState, tv: TValue): void {
  lua.lua_checkstack(L, 1);
  pushobj2s(L, tv);
}
