/**
 * Lua values crossing from one process's state to another's, as the platform copies them at
 * send time (runtime/lua/engine/payload/export.go `copyValue`/`deepCopyTable`):
 *
 * - tables are deep-copied, their metatables too; a table reached twice (a cycle, a shared
 *   subtable) is copied once and stays shared in the copy;
 * - strings keep their exact bytes, integers stay integers (int64 beyond 2^53 included, as the
 *   engine's BigInt), floats stay floats, booleans and nil as they are;
 * - error objects (the `errors` module's) survive as error objects;
 * - every other userdata (channels, Time, Message...) becomes nil. Functions become nil too:
 *   the platform shares them between states (Go closures), which separate fengari states
 *   cannot, so each loss is reported through `onLoss` for the caller to warn about.
 *
 * A `Copied` is plain JS data that belongs to no state: the node queues it, any state can push
 * it (`pushCopied`), and pushing it twice gives two independent values. Copying is bounded
 * (`COPY_LIMITS`): beyond, `copyOut` throws a `CopyLimitError` naming the bound.
 */
import { decodeUtf8, encodeUtf8, lua, type LuaState } from '../runtime/lua/api.ts';
import { pushExactInteger } from '../runtime/lua/integers.ts';
import { pushError, toError, type RuntimeError } from '../runtime/modules/errors.ts';
import { decodedObjects } from '../runtime/modules/json-decode.ts';
import type { Copied } from './types.ts';

export type { Copied };

/** Playground bounds on one copied value (the platform has none: a copy may use any memory). */
export const COPY_LIMITS = {
  /** Nesting of tables inside tables (a deeper value is almost always a runaway structure). */
  maxDepth: 1000,
  /** Estimated size: string bytes plus 16 bytes per value; the websocket frame default. */
  maxBytes: 16 * 1024 * 1024,
};

/** A value too big or too deep to copy; `message` is what a script should read. */
export class CopyLimitError extends Error {}

/** A float, boxed so that 1.0 stays a float when integers are plain numbers. */
class CopiedFloat {
  constructor(readonly value: number) {}
}

class CopiedTable {
  /** Keys and values, alternating, in the source's `next` order. */
  readonly entries: Node[] = [];
  metatable: CopiedTable | null = null;
  /** Reached more than once while copying: the push must keep it one table. */
  shared = false;
  /** A json.decode'd empty object, which json.encode writes `{}` (json-decode.ts). */
  emptyObject = false;
}

class CopiedError {
  constructor(readonly error: RuntimeError) {}
}

/** A JS value that travels with copies (a security actor in a context) and is nil to Lua. */
class CopiedHost {
  constructor(readonly value: unknown) {}
}

/** Integers are numbers (|v| <= 2^53) or bigints; strings are their bytes. */
type Node =
  | null
  | boolean
  | number
  | bigint
  | Uint8Array
  | CopiedFloat
  | CopiedTable
  | CopiedError
  | CopiedHost;

const asCopied = (node: Node): Copied => node as unknown as Copied;
const asNode = (value: Copied): Node => value as unknown as Node;

const VALUE_COST = 16;

interface CopyState {
  L: LuaState;
  visited: Map<object, CopiedTable>;
  bytes: number;
  /** Keys from the root to the value being copied, to name where a loss happened. */
  path: Node[];
  onLoss: (what: string) => void;
}

/**
 * Copy the value at `idx` of `L` out of the state. `onLoss` is called once per value that
 * cannot cross (it becomes nil, or its table entry is dropped when it was a key), with its
 * type and where it was: "function at .handler", "channel.Channel at [2]".
 */
export function copyOut(L: LuaState, idx: number, onLoss: (what: string) => void): Copied {
  const state: CopyState = { L, visited: new Map(), bytes: 0, path: [], onLoss };
  // Room to look at the value (a thread that just failed may have none left).
  lua.lua_checkstack(L, 4);
  return asCopied(withStackKept(L, () => copyValue(state, lua.lua_absindex(L, idx), 0)));
}

/** A copy cut short by a limit leaves the stack as it found it. */
function withStackKept<T>(L: LuaState, copy: () => T): T {
  const top = lua.lua_gettop(L);
  try {
    return copy();
  } catch (e) {
    lua.lua_settop(L, top);
    throw e;
  }
}

/** Copy the stack values `first..last` (a call's arguments), each as `copyOut` does. */
export function copyValues(
  L: LuaState,
  first: number,
  last: number,
  onLoss: (what: string) => void,
): Copied[] {
  const state: CopyState = { L, visited: new Map(), bytes: 0, path: [], onLoss };
  const values: Copied[] = [];
  lua.lua_checkstack(L, 4);
  for (let i = first; i <= last; i++) {
    // Separate values of one call share nothing on the platform either (one export each).
    state.visited = new Map();
    values.push(asCopied(withStackKept(L, () => copyValue(state, lua.lua_absindex(L, i), 0))));
  }
  return values;
}

function charge(state: CopyState, bytes: number): void {
  state.bytes += bytes;
  if (state.bytes > COPY_LIMITS.maxBytes)
    throw new CopyLimitError(
      `playground limit: a value sent to another process may hold at most ${COPY_LIMITS.maxBytes / (1024 * 1024)} MiB`,
    );
}

function copyValue(state: CopyState, abs: number, depth: number): Node {
  const { L } = state;
  charge(state, VALUE_COST);
  switch (lua.lua_type(L, abs)) {
    case lua.LUA_TNIL:
    case lua.LUA_TNONE:
      return null;
    case lua.LUA_TBOOLEAN:
      return lua.lua_toboolean(L, abs) as boolean;
    case lua.LUA_TNUMBER:
      return lua.lua_isinteger(L, abs)
        ? (lua.lua_tointeger(L, abs) as number | bigint)
        : new CopiedFloat(lua.lua_tonumber(L, abs) as number);
    case lua.LUA_TSTRING: {
      // Lua strings are immutable, so the copy may share the source's bytes.
      const bytes = lua.lua_tolstring(L, abs) as Uint8Array;
      charge(state, bytes.length);
      return bytes;
    }
    case lua.LUA_TTABLE:
      return copyTable(state, abs, depth);
    case lua.LUA_TUSERDATA: {
      const error = toError(L, abs);
      if (error) return new CopiedError(structuredClone(error));
      lost(state, userdataName(L, abs));
      return null;
    }
    default:
      lost(state, decodeUtf8(lua.lua_typename(L, lua.lua_type(L, abs)) as Uint8Array));
      return null;
  }
}

function copyTable(state: CopyState, abs: number, depth: number): CopiedTable {
  const { L } = state;
  const source = lua.lua_topointer(L, abs) as object;
  const seen = state.visited.get(source);
  if (seen) {
    seen.shared = true;
    return seen;
  }
  if (depth >= COPY_LIMITS.maxDepth)
    throw new CopyLimitError(
      `playground limit: a value sent to another process may nest tables at most ${COPY_LIMITS.maxDepth} deep`,
    );
  const table = new CopiedTable();
  state.visited.set(source, table);
  if (decodedObjects.has(source)) table.emptyObject = true;
  lua.lua_checkstack(L, 3);

  if (lua.lua_getmetatable(L, abs)) {
    if (lua.lua_type(L, -1) === lua.LUA_TTABLE)
      table.metatable = copyTable(state, lua.lua_gettop(L), depth + 1);
    lua.lua_pop(L, 1);
  }

  lua.lua_pushnil(L);
  while (lua.lua_next(L, abs) !== 0) {
    const top = lua.lua_gettop(L);
    const key = copyValue(state, top - 1, depth + 1);
    if (key === null) {
      // The key was lost (a function, a channel): Lua has no nil keys, so the entry goes.
      lua.lua_pop(L, 1);
      continue;
    }
    state.path.push(key);
    const value = copyValue(state, top, depth + 1);
    state.path.pop();
    if (value !== null) table.entries.push(key, value);
    lua.lua_pop(L, 1);
  }
  return table;
}

/** A userdata's type as its metatable names it (`__name`), e.g. "channel.Channel". */
function userdataName(L: LuaState, abs: number): string {
  if (!lua.lua_getmetatable(L, abs)) return 'userdata';
  lua.lua_getfield(L, -1, encodeUtf8('__name'));
  const name = lua.lua_type(L, -1) === lua.LUA_TSTRING ? decodeUtf8(lua.lua_tolstring(L, -1)) : '';
  lua.lua_pop(L, 2);
  return name || 'userdata';
}

function lost(state: CopyState, typeName: string): void {
  const where = state.path.map(pathStep).join('');
  state.onLoss(where ? `${typeName} at ${where}` : typeName);
}

function pathStep(key: Node): string {
  if (key instanceof Uint8Array) {
    const text = decodeUtf8(key);
    return /^[A-Za-z_][A-Za-z0-9_]*$/.test(text) ? `.${text}` : `[${JSON.stringify(text)}]`;
  }
  return `[${previewNode(key, 40, new Set())}]`;
}

/** Push a copy of `value` onto `L`'s stack (one new Lua value, tables fresh each time). */
export function pushCopied(L: LuaState, value: Copied): void {
  const node = asNode(value);
  if (!(node instanceof CopiedTable) || !hasSharedTables(node, new Set())) {
    pushNode(L, node, null);
    return;
  }
  // Shared tables are kept in a scratch table beside the result until the push is done.
  lua.lua_newtable(L);
  const scratch = lua.lua_gettop(L);
  pushNode(L, node, { scratch, slots: new Map() });
  lua.lua_remove(L, scratch);
}

interface SharedTables {
  /** Stack index of the scratch table holding each shared table by slot number. */
  scratch: number;
  slots: Map<CopiedTable, number>;
}

function hasSharedTables(table: CopiedTable, seen: Set<CopiedTable>): boolean {
  if (table.shared) return true;
  if (seen.has(table)) return false;
  seen.add(table);
  if (table.metatable && hasSharedTables(table.metatable, seen)) return true;
  for (const node of table.entries)
    if (node instanceof CopiedTable && hasSharedTables(node, seen)) return true;
  return false;
}

function pushNode(L: LuaState, node: Node, shared: SharedTables | null): void {
  lua.lua_checkstack(L, 3);
  if (node === null) lua.lua_pushnil(L);
  else if (typeof node === 'boolean') lua.lua_pushboolean(L, node);
  else if (typeof node === 'number' || typeof node === 'bigint') pushExactInteger(L, node);
  else if (node instanceof Uint8Array) lua.lua_pushlstring(L, node, node.length);
  else if (node instanceof CopiedFloat) lua.lua_pushnumber(L, node.value);
  else if (node instanceof CopiedError) pushError(L, structuredClone(node.error));
  else if (node instanceof CopiedHost) lua.lua_pushnil(L);
  else pushTable(L, node, shared);
}

function pushTable(L: LuaState, table: CopiedTable, shared: SharedTables | null): void {
  if (shared && table.shared) {
    const slot = shared.slots.get(table);
    if (slot !== undefined) {
      lua.lua_rawgeti(L, shared.scratch, slot);
      return;
    }
  }
  lua.lua_createtable(L, 0, table.entries.length / 2);
  const abs = lua.lua_gettop(L);
  if (shared && table.shared) {
    // Registered before its contents, so that a cycle back to it finds it.
    const slot = shared.slots.size + 1;
    shared.slots.set(table, slot);
    lua.lua_pushvalue(L, abs);
    lua.lua_rawseti(L, shared.scratch, slot);
  }
  const { entries } = table;
  for (let i = 0; i < entries.length; i += 2) {
    pushNode(L, entries[i], shared);
    pushNode(L, entries[i + 1], shared);
    lua.lua_rawset(L, abs);
  }
  if (table.metatable) {
    pushTable(L, table.metatable, shared);
    lua.lua_setmetatable(L, abs);
  }
  if (table.emptyObject) decodedObjects.add(lua.lua_topointer(L, abs) as object);
}

/**
 * A JS value as a Copied (a service's `input:` from YAML, the node's own event tables): null
 * and undefined are nil, integral numbers and bigints integers, other numbers floats, strings
 * their UTF-8 bytes, Uint8Arrays bytes, arrays 1..n tables, Maps and plain objects tables.
 * A Copied inside passes through as itself. Anything else (functions, symbols) is nil.
 */
export function copiedFromJs(value: unknown): Copied {
  return asCopied(fromJs(value, new Map()));
}

function fromJs(value: unknown, seen: Map<object, CopiedTable>): Node {
  if (value === null || value === undefined) return null;
  if (typeof value === 'boolean' || typeof value === 'bigint') return value;
  if (typeof value === 'number')
    return Number.isInteger(value) && Math.abs(value) <= 2 ** 53 ? value : new CopiedFloat(value);
  if (typeof value === 'string') return encodeUtf8(value);
  if (
    value instanceof Uint8Array ||
    value instanceof CopiedFloat ||
    value instanceof CopiedTable ||
    value instanceof CopiedError ||
    value instanceof CopiedHost
  )
    return value;
  if (typeof value !== 'object') return null;
  const known = seen.get(value);
  if (known) {
    known.shared = true;
    return known;
  }
  const table = new CopiedTable();
  seen.set(value, table);
  const add = (key: Node, item: unknown) => {
    const node = fromJs(item, seen);
    if (key !== null && node !== null) table.entries.push(key, node);
  };
  if (Array.isArray(value)) value.forEach((item, i) => add(i + 1, item));
  else if (value instanceof Map) for (const [k, v] of value) add(fromJs(k, seen), v);
  else for (const [k, v] of Object.entries(value)) add(encodeUtf8(k), v);
  return table;
}

/** Carry a JS value inside copies (contexts); Lua sees nil, `copiedHostValue` gives it back. */
export function copiedHost(value: unknown): Copied {
  return asCopied(new CopiedHost(value));
}

export function copiedHostValue(value: Copied): unknown {
  const node = asNode(value);
  return node instanceof CopiedHost ? node.value : undefined;
}

/**
 * What a value becomes on its way through Go's `any` and back (value.ToGoAny, then ctx's
 * toLuaValue or payload.GoToLua): a table with a positive integer key is a list 1..maxn (its
 * other keys dropped), any other a map with string keys; error objects become their message;
 * with `integersAsFloats` (ctx's toLuaValue: `lua.LNumber(int64)`) integers become floats.
 */
export function copiedThroughGo(value: Copied, options: { integersAsFloats: boolean }): Copied {
  return asCopied(throughGo(asNode(value), options.integersAsFloats, new Map()));
}

function throughGo(node: Node, toFloat: boolean, seen: Map<CopiedTable, CopiedTable>): Node {
  if ((typeof node === 'number' || typeof node === 'bigint') && toFloat)
    return new CopiedFloat(Number(node));
  if (node instanceof CopiedError) return encodeUtf8(node.error.message);
  if (node instanceof CopiedHost) return null;
  if (!(node instanceof CopiedTable)) return node;
  const known = seen.get(node);
  // Go recurses without end on a cycle; the playground cuts it instead.
  if (known) return null;
  const table = new CopiedTable();
  seen.set(node, table);
  let maxn = 0;
  const byIndex = new Map<number, Node>();
  for (let i = 0; i < node.entries.length; i += 2) {
    const key = node.entries[i];
    if (typeof key === 'number' && key >= 1) {
      maxn = Math.max(maxn, key);
      byIndex.set(key, node.entries[i + 1]);
    }
  }
  if (maxn > 0) {
    for (let k = 1; k <= maxn; k++) {
      const item = throughGo(byIndex.get(k) ?? null, toFloat, seen);
      if (item !== null) table.entries.push(k, item);
    }
  } else {
    for (let i = 0; i < node.entries.length; i += 2) {
      const item = throughGo(node.entries[i + 1], toFloat, seen);
      if (item !== null) table.entries.push(encodeUtf8(keyText(node.entries[i])), item);
    }
  }
  seen.delete(node);
  return table;
}

/** Go's `key.String()` of a table key. */
function keyText(key: Node): string {
  if (key instanceof Uint8Array) return decodeUtf8(key);
  if (key instanceof CopiedFloat) return floatText(key.value);
  return previewNode(key, 200, new Set());
}

/** The copied value's text if it is a string, else null (topics, names, reasons). */
export function copiedText(value: Copied): string | null {
  const node = asNode(value);
  return node instanceof Uint8Array ? decodeUtf8(node) : null;
}

/** The copied error object, if the value is one (a process's error exit, for the panel). */
export function copiedError(value: Copied): RuntimeError | null {
  const node = asNode(value);
  return node instanceof CopiedError ? node.error : null;
}

/**
 * A short Lua-like text of the value for the process panel and the timeline:
 * `{1, 2, name = "x"}`, cut at `max` characters with "…".
 */
export function copiedPreview(value: Copied, max: number): string {
  return previewNode(asNode(value), max, new Set());
}

function previewNode(node: Node, max: number, open: Set<CopiedTable>): string {
  const text = previewUncut(node, max, open);
  return text.length > max ? `${text.slice(0, Math.max(0, max - 1))}…` : text;
}

function previewUncut(node: Node, max: number, open: Set<CopiedTable>): string {
  if (node === null) return 'nil';
  if (typeof node === 'boolean' || typeof node === 'number' || typeof node === 'bigint')
    return String(node);
  if (node instanceof Uint8Array) return JSON.stringify(decodeUtf8(node));
  if (node instanceof CopiedFloat) return floatText(node.value);
  if (node instanceof CopiedError) return `error(${JSON.stringify(node.error.message)})`;
  if (node instanceof CopiedHost) return 'nil';
  if (open.has(node)) return '{…}';
  open.add(node);
  // The sequence 1..n first, as a constructor writes it, then the other keys in `next` order.
  const byIndex = new Map<number, Node>();
  for (let i = 0; i < node.entries.length; i += 2) {
    const key = node.entries[i];
    if (typeof key === 'number') byIndex.set(key, node.entries[i + 1]);
  }
  const parts: string[] = [];
  let length = 2;
  const add = (part: string) => {
    parts.push(part);
    length += part.length + 2;
  };
  let n = 0;
  for (; byIndex.has(n + 1) && length <= max; n++)
    add(previewUncut(byIndex.get(n + 1) ?? null, max, open));
  for (let i = 0; i < node.entries.length && length <= max; i += 2) {
    const key = node.entries[i];
    if (typeof key === 'number' && key >= 1 && key <= n) continue;
    const value = previewUncut(node.entries[i + 1], max, open);
    if (key instanceof Uint8Array && /^[A-Za-z_][A-Za-z0-9_]*$/.test(decodeUtf8(key)))
      add(`${decodeUtf8(key)} = ${value}`);
    else add(`[${previewUncut(key, max, open)}] = ${value}`);
  }
  open.delete(node);
  return `{${parts.join(', ')}}`;
}

/** Lua's `%.14g` with a ".0" on integral floats, as `tostring(1.0)` prints it. */
function floatText(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  const text = String(Number(x.toPrecision(14)));
  return Number.isInteger(x) && !/e/.test(text) ? `${text}.0` : text;
}

/** An error value made on the JS side (`process terminated`, a failed main's message). */
export function copiedErrorMessage(message: string): Copied {
  return asCopied(new CopiedError({ kind: '', message, retryable: false }));
}

/** Thrown inside copiedJson once the text is longer than asked: the rest is not written. */
const JSON_CUT = Symbol('cut');

/**
 * The value as JSON text, for the inspector's message detail (its JSON tree): a table 1..n is
 * an array, an empty table `[]` (json.encode's, `{}` for a decoded empty object), any other
 * table an object with its keys as text (as Go's `key.String()` names them); strings are their
 * text, integers and finite floats numbers, nan and ±inf strings, errors
 * `{"error": message}`, a table met again inside itself `"<cycle>"`. Cut at `max` characters
 * (`cut`: the text is then only the start, no longer JSON), and nothing past that is written.
 */
export function copiedJson(value: Copied, max: number): { text: string; cut: boolean } {
  const parts: string[] = [];
  let length = 0;
  const add = (part: string) => {
    parts.push(part);
    length += part.length;
    if (length > max) throw JSON_CUT;
  };
  try {
    jsonNode(asNode(value), add, max, new Set());
  } catch (e) {
    if (e !== JSON_CUT) throw e;
    return { text: parts.join('').slice(0, max), cut: true };
  }
  return { text: parts.join(''), cut: false };
}

function jsonNode(
  node: Node,
  add: (part: string) => void,
  max: number,
  open: Set<CopiedTable>,
): void {
  if (node === null || node instanceof CopiedHost) return add('null');
  if (typeof node === 'boolean' || typeof node === 'number' || typeof node === 'bigint')
    return add(String(node));
  // A string far longer than the budget is decoded only as far as the budget reaches.
  if (node instanceof Uint8Array)
    return add(
      JSON.stringify(decodeUtf8(node.length > max * 4 ? node.subarray(0, max * 4) : node)),
    );
  if (node instanceof CopiedFloat)
    return add(Number.isFinite(node.value) ? floatText(node.value) : `"${floatText(node.value)}"`);
  if (node instanceof CopiedError) return add(`{"error": ${JSON.stringify(node.error.message)}}`);
  if (open.has(node)) return add('"<cycle>"');
  open.add(node);
  const pairs = node.entries.length / 2;
  if (pairs === 0) add(node.emptyObject ? '{}' : '[]');
  else if (isSequence(node, pairs)) {
    const byIndex = new Map<number, Node>();
    for (let i = 0; i < node.entries.length; i += 2)
      byIndex.set(node.entries[i] as number, node.entries[i + 1]);
    add('[');
    for (let k = 1; k <= pairs; k++) {
      if (k > 1) add(', ');
      jsonNode(byIndex.get(k) ?? null, add, max, open);
    }
    add(']');
  } else {
    add('{');
    for (let i = 0; i < node.entries.length; i += 2) {
      if (i > 0) add(', ');
      add(`${JSON.stringify(keyText(node.entries[i]))}: `);
      jsonNode(node.entries[i + 1], add, max, open);
    }
    add('}');
  }
  open.delete(node);
}

/** Every key an integer 1..pairs: the table is a list. */
function isSequence(table: CopiedTable, pairs: number): boolean {
  for (let i = 0; i < table.entries.length; i += 2) {
    const key = table.entries[i];
    if (typeof key !== 'number' || !Number.isInteger(key) || key < 1 || key > pairs) return false;
  }
  return true;
}
