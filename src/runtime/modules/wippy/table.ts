/**
 * The table library under wippy (go-lua `tablelib.go` and `table.go`): `concat insert remove
 * sort unpack getn maxn create freeze isfrozen`, no `pack` or `move`. `insert` accepts any
 * position (beyond the end or below 1 it stores the value without shifting) and ignores
 * extra arguments; `remove` past the end returns nil and at a position below 1 removes the
 * last element; `concat` clamps its range and converts numbers with go-lua's number text;
 * `sort` sorts with Go's unstable sort and never raises "invalid order function". Lengths are
 * the engine's border (`LTable.Len`); the traps warn at the line.
 */
import {
  encodeUtf8,
  lauxlib,
  lua,
  raise,
  setFunctions,
  typeName,
  type LuaFunction,
  type LuaState,
} from '../../lua/api.ts';
import { isImmutable, markImmutable } from '../../lua/immutable.ts';
import { warn } from '../../warnings.ts';
import { toError } from '../errors.ts';
import { tableLength, unpack } from './base.ts';
import { numberText } from './number-text.ts';

const checkTable = (L: LuaState) => lauxlib.luaL_checktype(L, 1, lua.LUA_TTABLE);
const checkInt = (L: LuaState, i: number) => Math.trunc(lauxlib.luaL_checknumber(L, i));

function insert(L: LuaState): number {
  checkTable(L);
  const n = lua.lua_gettop(L);
  if (n === 1) raise(L, 'wrong number of arguments');
  if (isImmutable(L, 1)) raise(L, 'attempt to insert into Immutable table');
  const length = tableLength(L, 1);
  if (n === 2) {
    if (lua.lua_isnil(L, 2)) return 0;
    lua.lua_pushvalue(L, 2);
    lua.lua_rawseti(L, 1, length + 1);
    return 0;
  }
  const pos = checkInt(L, 2);
  lauxlib.luaL_checkany(L, 3);
  if (n > 3) {
    warn(
      L,
      `table.insert: the platform ignores the ${n - 3} extra argument(s); insert one value per call`,
    );
  }
  if (pos < 1 || pos > length + 1) {
    warn(
      L,
      `table.insert: position ${pos} is outside 1..#t+1 (${length + 1}); the platform stores ` +
        `t[${pos}] without shifting where Lua 5.3 raises; write t[${pos}] = v if that is meant`,
    );
  }
  if (pos > length || pos <= 0) {
    lua.lua_pushvalue(L, 3);
    lua.lua_rawseti(L, 1, pos);
    return 0;
  }
  for (let i = length; i >= pos; i--) {
    lua.lua_rawgeti(L, 1, i);
    lua.lua_rawseti(L, 1, i + 1);
  }
  lua.lua_pushvalue(L, 3);
  lua.lua_rawseti(L, 1, pos);
  return 0;
}

function remove(L: LuaState): number {
  checkTable(L);
  if (isImmutable(L, 1)) raise(L, 'attempt to remove from Immutable table');
  const length = tableLength(L, 1);
  const pos = lua.lua_gettop(L) === 1 ? -1 : checkInt(L, 2);
  if (length === 0 || pos - 1 >= length) {
    lua.lua_pushnil(L);
    return 1;
  }
  if (pos <= 0 && lua.lua_gettop(L) > 1) {
    warn(
      L,
      `table.remove: position ${pos} removes the last element on the platform; write table.remove(t)`,
    );
  }
  const at = pos <= 0 ? length : pos;
  lua.lua_rawgeti(L, 1, at);
  for (let i = at; i < length; i++) {
    lua.lua_rawgeti(L, 1, i + 1);
    lua.lua_rawseti(L, 1, i);
  }
  lua.lua_pushnil(L);
  lua.lua_rawseti(L, 1, length);
  return 1;
}

function concat(L: LuaState): number {
  checkTable(L);
  const length = tableLength(L, 1);
  const sep = lua.lua_isnoneornil(L, 2)
    ? new Uint8Array(0)
    : (lauxlib.luaL_checklstring(L, 2) as Uint8Array);
  let i = lua.lua_isnoneornil(L, 3) ? 1 : checkInt(L, 3);
  let j = lua.lua_isnoneornil(L, 4) ? length : checkInt(L, 4);
  const empty = () => {
    lua.lua_pushliteral(L, '');
    return 1;
  };
  if (lua.lua_gettop(L) === 3 && (i > length || i < 1)) return empty();
  i = Math.max(Math.min(i, length), 1);
  j = Math.min(j, length);
  if (i > j) return empty();
  const parts: Uint8Array[] = [];
  let size = 0;
  for (let k = i; k <= j; k++) {
    const t = lua.lua_rawgeti(L, 1, k);
    let part: Uint8Array | null = null;
    if (t === lua.LUA_TSTRING) part = lua.lua_tolstring(L, -1) as Uint8Array;
    else if (t === lua.LUA_TNUMBER) part = encodeUtf8(numberText(L, -1));
    else if (t === lua.LUA_TUSERDATA) {
      const error = toError(L, -1);
      if (error) part = encodeUtf8(error.message);
    }
    if (part === null) {
      raise(L, `invalid value (${typeName(L, -1)}) at index ${k} in table for concat`);
    }
    lua.lua_pop(L, 1);
    parts.push(part);
    size += part.length;
    if (k !== j) {
      parts.push(sep);
      size += sep.length;
    }
  }
  const out = new Uint8Array(size);
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  lua.lua_pushlstring(L, out, size);
  return 1;
}

/** `a < b` for the values at t[i] and t[j], by the comparator or by Lua's `<`. */
function lessThan(L: LuaState, comparator: boolean, i: number, j: number): boolean {
  if (comparator) lua.lua_pushvalue(L, 2);
  lua.lua_rawgeti(L, 1, i);
  lua.lua_rawgeti(L, 1, j);
  if (comparator) {
    lua.lua_call(L, 2, 1);
    const result = lua.lua_toboolean(L, -1) as boolean;
    lua.lua_pop(L, 1);
    return result;
  }
  const result = lua.lua_compare(L, -2, -1, lua.LUA_OPLT) as boolean;
  lua.lua_pop(L, 2);
  return result;
}

function swap(L: LuaState, i: number, j: number): void {
  lua.lua_rawgeti(L, 1, i);
  lua.lua_rawgeti(L, 1, j);
  lua.lua_rawseti(L, 1, i);
  lua.lua_rawseti(L, 1, j);
}

/**
 * Go's `sort.Sort`: insertion sort up to 12 elements (stable there, as on the platform),
 * beyond that an unstable sort (a heapsort here; Go's pdqsort orders equal elements
 * differently, and neither ever raises on an inconsistent comparator).
 */
function sort(L: LuaState): number {
  checkTable(L);
  if (isImmutable(L, 1)) raise(L, 'attempt to sort Immutable table');
  const comparator = lua.lua_gettop(L) !== 1;
  if (comparator) lauxlib.luaL_checktype(L, 2, lua.LUA_TFUNCTION);
  lua.lua_settop(L, comparator ? 2 : 1);
  const n = tableLength(L, 1);
  const less = (i: number, j: number) => lessThan(L, comparator, i, j);
  if (n <= 12) {
    for (let i = 2; i <= n; i++) {
      for (let j = i; j > 1 && less(j, j - 1); j--) swap(L, j, j - 1);
    }
    return 0;
  }
  const siftDown = (root: number, end: number) => {
    for (;;) {
      let child = 2 * root;
      if (child > end) return;
      if (child + 1 <= end && less(child, child + 1)) child++;
      if (!less(root, child)) return;
      swap(L, root, child);
      root = child;
    }
  };
  for (let i = Math.floor(n / 2); i >= 1; i--) siftDown(i, n);
  for (let end = n; end > 1; end--) {
    swap(L, 1, end);
    siftDown(1, end - 1);
  }
  return 0;
}

const functions: Record<string, LuaFunction> = {
  concat,
  create(L) {
    const arrayCap = checkInt(L, 1);
    const hashCap = checkInt(L, 2);
    lua.lua_createtable(
      L,
      Math.max(0, Math.min(arrayCap, 1 << 20)),
      Math.max(0, Math.min(hashCap, 1 << 20)),
    );
    return 1;
  },
  freeze(L) {
    checkTable(L);
    markImmutable(L, 1);
    lua.lua_settop(L, 1);
    return 1;
  },
  getn(L) {
    checkTable(L);
    lua.lua_pushnumber(L, tableLength(L, 1));
    return 1;
  },
  insert,
  isfrozen(L) {
    checkTable(L);
    lua.lua_pushboolean(L, isImmutable(L, 1));
    return 1;
  },
  maxn(L) {
    checkTable(L);
    lua.lua_pushnumber(L, tableLength(L, 1));
    return 1;
  },
  remove,
  sort,
  unpack,
};

/** Push the platform's table library. */
export function pushTable(L: LuaState): void {
  lua.lua_newtable(L);
  setFunctions(L, functions);
}
