/**
 * `next`, `pairs` and `ipairs` under wippy (go-lua `baselib.go`, `table.go` `Next`).
 * go-lua's tables keep an array part (integer keys from 1) and iterate it first, in index
 * order; the other keys follow in an order fixed the first time the table is iterated:
 * string keys in Go's map order, which changes from run to run, then other keys; keys added
 * later come after. `pairs` ignores `__pairs` and `ipairs` ignores `__index` (raw reads).
 * The order of string keys is a trap (a script that works here may not there), so the first
 * iteration over a string key warns at the line.
 *
 * The engine's table (fengari `ltable.js`) keeps its entries in a Map by hash; this file reads
 * that Map to build the platform's order per table, kept in a WeakMap, and rebuilds it when a
 * traversal starts (keys kept in their order, new keys appended, string keys shuffled once).
 */
import { luaS_hashlongstr } from 'fengari/src/lstring.js';
import { pushobj2s, type TValue } from 'fengari/src/lobject.js';
import type { Table, TableEntry } from 'fengari/src/ltable.js';
import { lauxlib, lua, luaString, type LuaFunction, type LuaState } from '../../lua/api.ts';
import { warn } from '../../warnings.ts';

type Hash = string | number | bigint | object;

interface Order {
  /** Hashes of the keys in the platform's order: array part, then the others. */
  keys: Hash[];
  position: Map<Hash, number>;
  /** The table's size and last entry when the order was made: any key added or removed since
   * changes one of them (fengari appends every new entry at the end of its list). */
  size: number;
  last: TableEntry | undefined;
  /** Only positive integer keys, already in ascending order: the engine's own order. */
  engineOrder: boolean;
  /** The key `next` returned last (its payload) and its index: a loop's next call starts
   * there without hashing. */
  lastValue: unknown;
  lastIndex: number;
  /** The order warning was considered for this table. */
  warnChecked: boolean;
}

/**
 * `next` for a table whose keys are only positive integers in ascending insertion order: the
 * engine's own entry list is then the platform's order, so each step is one lookup.
 */
function arrayNext(L: LuaState): number {
  const self = argument(L, 1);
  if (self === undefined || (self.type & 0xf) !== TTABLE) {
    lauxlib.luaL_checktype(L, 1, lua.LUA_TTABLE);
  }
  const table = (self as TValue).value as Table;
  const key = argument(L, 2);
  let entry: TableEntry | undefined;
  if (key === undefined || key.type === TNIL) entry = table.f;
  else {
    const current = table.strong.get(hashOf(key) as number);
    if (current === undefined) return next(L);
    entry = current.n;
  }
  if (entry === undefined) {
    lua.lua_pushnil(L);
    return 1;
  }
  return pushEntry(L, entry) ? 2 : 0;
}

const orders = new WeakMap<Table, Order>();
/** The table a loop is iterating now, and its order: most `next` calls skip the WeakMap. */
let recentTable: Table | null = null;
let recentOrder: Order | undefined;
/** States whose script was already warned about the order of string keys. */
const warned = new WeakSet<object>();

const TNUMINT = 3 | (1 << 4);
const TNUMFLT = 3;
const TSTRING_MASK = 4;

/** The engine's hash of a key (ltable.js `table_hash`) for the types a script uses. */
function hashOf(key: TValue): Hash {
  if ((key.type & 0xf) === TSTRING_MASK) {
    return luaS_hashlongstr((key as unknown as { tsvalue(): object }).tsvalue());
  }
  if (key.type === TNUMFLT) {
    const v = key.value as number;
    if (Number.isInteger(v) && Math.abs(v) < 2 ** 53) return v;
  }
  return key.value as Hash;
}

/** The TValue of argument `idx` of the running JS function, or undefined where there is
 * none (lapi.js `index2addr`; read directly, as `next` runs once per loop step). */
function argument(L: LuaState, idx: number): TValue | undefined {
  const state = L as unknown as { stack: TValue[]; top: number; ci: { funcOff: number } };
  const at = state.ci.funcOff + idx;
  return at < state.top ? state.stack[at] : undefined;
}

const TTABLE = 5;
const TNIL = 0;

function isArrayKey(entry: TableEntry): boolean {
  return entry.key.type === TNUMINT && typeof entry.key.value === 'number' && entry.key.value > 0;
}

function shuffle<T>(items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [items[i], items[j]] = [items[j], items[i]];
  }
  return items;
}

/** The platform's order for `table` now: kept keys in place, new ones appended. */
function rebuild(table: Table): Order {
  const previous = orders.get(table);
  const ints: number[] = [];
  const fresh: Hash[] = [];
  const freshStrings: Hash[] = [];
  let sorted = true;
  let onlyInts = true;
  for (const [hash, entry] of table.strong) {
    if (isArrayKey(entry)) {
      const k = entry.key.value as number;
      if (ints.length > 0 && ints[ints.length - 1] > k) sorted = false;
      ints.push(k);
      continue;
    }
    onlyInts = false;
    if (!previous?.position.has(hash)) {
      if ((entry.key.type & 0xf) === TSTRING_MASK) freshStrings.push(hash);
      else fresh.push(hash);
    }
  }
  if (!sorted) ints.sort((a, b) => a - b);
  const kept = (previous?.keys ?? []).filter(
    (hash) => typeof hash !== 'number' || !Number.isInteger(hash) || hash <= 0,
  );
  const others = kept.filter((hash) => table.strong.has(hash as string));
  const keys: Hash[] = [...ints, ...others, ...shuffle(freshStrings), ...fresh];
  const position = new Map<Hash, number>();
  keys.forEach((hash, i) => position.set(hash, i));
  const order: Order = {
    keys,
    position,
    size: table.strong.size,
    last: table.l,
    engineOrder: onlyInts && sorted,
    lastValue: undefined,
    lastIndex: -1,
    warnChecked: false,
  };
  orders.set(table, order);
  recentTable = table;
  recentOrder = order;
  return order;
}

/** The platform's order for `table`, made again only when its keys changed. */
function orderOf(table: Table): Order {
  const order = orders.get(table);
  if (order && order.size === table.strong.size && order.last === table.l) {
    recentTable = table;
    recentOrder = order;
    return order;
  }
  return rebuild(table);
}

/** Push the first live key at or after `from` and its value; false at the end. */
function pushFrom(L: LuaState, table: Table, order: Order, from: number): boolean {
  for (let i = from; i < order.keys.length; i++) {
    const entry = table.strong.get(order.keys[i] as string);
    if (!entry) continue;
    order.lastValue = entry.key.value;
    order.lastIndex = i;
    if (!order.warnChecked && (entry.key.type & 0xf) === TSTRING_MASK) {
      order.warnChecked = true;
      if (warned.has(globalOf(L))) return pushEntry(L, entry);
      warned.add(globalOf(L));
      warn(
        L,
        'pairs: the platform visits string keys in an order that changes from run to run ' +
          '(the array part comes first, in order); sort the keys when the order matters',
      );
    }
    return pushEntry(L, entry);
  }
  return false;
}

/** go-lua's array part holds integer keys below 67,108,864 (`MaxArrayIndex`). */
const MAX_ARRAY_INDEX = 67_108_864;

function pushEntry(L: LuaState, entry: TableEntry): true {
  // A JS function always has LUA_MINSTACK (20) free slots: no lua_checkstack needed.
  // Keys of the array part come back as floats (`table.go` `Next`: `LNumber(index + 1)`).
  const k = entry.key.value;
  if (entry.key.type === TNUMINT && typeof k === 'number' && k > 0 && k < MAX_ARRAY_INDEX) {
    lua.lua_pushnumber(L, k);
  } else pushobj2s(L, entry.key);
  pushobj2s(L, entry.value);
  return true;
}

function globalOf(L: LuaState): object {
  return (L as unknown as { l_G: object }).l_G;
}

export function next(L: LuaState): number {
  const self = argument(L, 1);
  if (self === undefined || (self.type & 0xf) !== TTABLE) {
    lauxlib.luaL_checktype(L, 1, lua.LUA_TTABLE);
  }
  const table = (self as TValue).value as Table;
  const key = argument(L, 2);
  if (key === undefined || key.type === TNIL) {
    if (pushFrom(L, table, orderOf(table), 0)) return 2;
    lua.lua_pushnil(L);
    return 1;
  }
  let order = table === recentTable ? recentOrder : orders.get(table);
  // A loop asks for the key after the one it was given last: no hashing needed.
  if (order !== undefined && order.lastIndex >= 0 && key.value === order.lastValue) {
    if (pushFrom(L, table, order, order.lastIndex + 1)) return 2;
    lua.lua_pushnil(L);
    return 1;
  }
  const hash = hashOf(key);
  let at = order?.position.get(hash);
  // Fast path of the array part: the next index is usually the next key.
  if (typeof hash === 'number' && Number.isInteger(hash) && hash > 0) {
    const following = table.strong.get(hash + 1);
    if (following && order && order.keys[(at ?? -2) + 1] === hash + 1) {
      return pushEntry(L, following) ? 2 : 0;
    }
  }
  if (order === undefined || at === undefined) {
    order = rebuild(table);
    at = order.position.get(hash);
    if (at === undefined) lauxlib.luaL_error(L, luaString("invalid key to 'next'"));
  }
  if (pushFrom(L, table, order, (at as number) + 1)) return 2;
  lua.lua_pushnil(L);
  return 1;
}

function pairs(L: LuaState): number {
  lauxlib.luaL_checktype(L, 1, lua.LUA_TTABLE);
  // An array's order is the engine's own: one lookup per step, as Lua 5.3's pairs.
  const fast = orderOf(lua.lua_topointer(L, 1) as Table).engineOrder;
  lua.lua_pushcfunction(L, fast ? arrayNext : next);
  lua.lua_pushvalue(L, 1);
  lua.lua_pushnil(L);
  return 3;
}

function ipairsStep(L: LuaState): number {
  const i = Number(lauxlib.luaL_checkinteger(L, 2)) + 1;
  if (lua.lua_rawgeti(L, 1, i) === lua.LUA_TNIL) return 0;
  lua.lua_pushinteger(L, i);
  lua.lua_insert(L, -2);
  return 2;
}

function ipairs(L: LuaState): number {
  lauxlib.luaL_checktype(L, 1, lua.LUA_TTABLE);
  lua.lua_pushcfunction(L, ipairsStep);
  lua.lua_pushvalue(L, 1);
  lua.lua_pushinteger(L, 0);
  return 3;
}

export const iterationFunctions: Record<string, LuaFunction> = { ipairs, next, pairs };
