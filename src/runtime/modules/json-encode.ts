/**
 * Lua values to JSON text, by the platform's rules (wippyai/runtime
 * `runtime/lua/modules/json/json.go`, `MarshalJSON` and `marshalTableDirect`):
 * - a table whose keys are all positive integers is an array and must have no gaps
 *   (`errSparseArray`); any other key makes an object, and both kinds at once is an error
 *   (`errInvalidKeys`); an empty table is `[]`, an empty decoded JSON object `{}`;
 * - object keys: strings as they are, other numbers and booleans as text, others skipped;
 * - NaN and infinities are `null`; a float with an integral value is written as an integer;
 * - functions, threads and other userdata are `null`, an error object is its message;
 * - a table inside itself is an error (`errNested`), and so is nesting deeper than 128.
 * What the platform turns into `null` or skips without a word also produces a warning here.
 */
import { lua, luaString, toDisplayString, type LuaState } from '../lua/api.ts';
import { warn } from '../warnings.ts';
import { errorString, toError } from './errors.ts';
import { decodedObjects } from './json-decode.ts';

/** json.go:28 `DefaultMaxDepth`. */
export const MAX_ENCODE_DEPTH = 128;

export class EncodeError extends Error {}

/** The messages of json.go:21-26. */
const NESTED = 'cannot encode recursively nested tables to JSON';
const SPARSE = 'cannot encode sparse array: non-contiguous numeric keys found';
const MIXED = 'cannot encode mixed-key table: table has both numeric and non-numeric keys';
const TOO_DEEP = 'exceeded maximum nesting depth for JSON encoding';

const HEX = '0123456789abcdef';

/** The value at `idx` as JSON text (top level: Go's `json.Marshal` of the value). */
export function encodeJson(L: LuaState, idx: number): string {
  const state: EncodeState = { L, visiting: new Set(), warned: new Set() };
  const abs = lua.lua_absindex(L, idx);
  switch (lua.lua_type(L, abs)) {
    case lua.LUA_TNUMBER:
      return lua.lua_isinteger(L, abs)
        ? String(lua.lua_tointeger(L, abs))
        : topLevelFloat(lua.lua_tonumber(L, abs) as number);
    case lua.LUA_TSTRING:
      // json.Marshal of a string escapes HTML characters too.
      return goString(lua.lua_tolstring(L, abs) as Uint8Array, false);
    default:
      return encodeValue(state, abs, 0);
  }
}

interface EncodeState {
  L: LuaState;
  /** Tables on the current path (json.go `visited`). */
  visiting: Set<unknown>;
  /** Each kind of warning once per encode. */
  warned: Set<string>;
}

function warnOnce(state: EncodeState, message: string): void {
  if (state.warned.has(message)) return;
  state.warned.add(message);
  warn(state.L, message);
}

/** A value nested in a table (or a non-number, non-string at the top). */
function encodeValue(state: EncodeState, idx: number, depth: number): string {
  const { L } = state;
  switch (lua.lua_type(L, idx)) {
    case lua.LUA_TNIL:
      return 'null';
    case lua.LUA_TBOOLEAN:
      return lua.lua_toboolean(L, idx) ? 'true' : 'false';
    case lua.LUA_TNUMBER:
      if (lua.lua_isinteger(L, idx)) return String(lua.lua_tointeger(L, idx));
      return nestedFloat(state, idx, lua.lua_tonumber(L, idx) as number);
    case lua.LUA_TSTRING:
      return goString(lua.lua_tolstring(L, idx) as Uint8Array, true);
    case lua.LUA_TTABLE:
      return encodeTable(state, lua.lua_absindex(L, idx), depth);
    default: {
      const error = toError(L, idx);
      if (error) return goString(luaString(errorString(error)), false);
      const name = lua.lua_typename(L, lua.lua_type(L, idx));
      warnOnce(state, `json.encode: a ${new TextDecoder().decode(name)} is encoded as null`);
      return 'null';
    }
  }
}

/** Top level: Go's json.Marshal(float64), the same text as JavaScript's own. */
function topLevelFloat(n: number): string {
  if (!Number.isFinite(n)) return 'null';
  return Object.is(n, -0) ? '-0' : String(n);
}

/** Nested: integral values as integers, others without an exponent (json.go:471-484). */
function nestedFloat(state: EncodeState, idx: number, n: number): string {
  if (!Number.isFinite(n)) {
    const shown = toDisplayString(state.L, idx);
    warnOnce(state, `json.encode: ${shown} is encoded as null (JSON has no NaN or infinity)`);
    return 'null';
  }
  if (Number.isInteger(n) && Math.abs(n) < 2 ** 63) return BigInt(n).toString();
  return plainDecimal(n);
}

/** Go's FormatFloat(f, 'f', -1, 64): the shortest digits that read back, no exponent. */
export function plainDecimal(n: number): string {
  const s = String(n);
  const e = s.indexOf('e');
  if (e < 0) return s;
  const sign = s.startsWith('-') ? '-' : '';
  const mantissa = s.slice(sign.length, e).replace('.', '');
  const exponent = Number(s.slice(e + 1));
  const point = (s.slice(sign.length, e).indexOf('.') + 1 || e - sign.length + 1) - 1 + exponent;
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${mantissa}`;
  if (point >= mantissa.length) return `${sign}${mantissa}${'0'.repeat(point - mantissa.length)}`;
  return `${sign}${mantissa.slice(0, point)}.${mantissa.slice(point)}`;
}

/**
 * A string as Go writes it: plain printable ASCII as it is where the platform takes its fast
 * path (`fast`: strings and keys inside tables); otherwise json.Marshal's escaping, HTML
 * characters and U+2028/U+2029 included, invalid UTF-8 as U+FFFD.
 */
export function goString(bytes: Uint8Array, fast: boolean): string {
  let simple = true;
  for (let i = 0; i < bytes.length; i++) {
    const c = bytes[i];
    if (c < 0x20 || c >= 0x80 || c === 0x22 || c === 0x5c) {
      simple = false;
      break;
    }
  }
  if (simple && fast) return `"${asciiDecoder.decode(bytes)}"`;
  let out = '"';
  for (const ch of goRunes(bytes)) {
    if (ch === null) {
      // An invalid byte: Go writes the escape, not the character (encoding/json).
      out += '\\ufffd';
      continue;
    }
    const c = ch.codePointAt(0) as number;
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\b') out += '\\b';
    else if (ch === '\f') out += '\\f';
    else if (c < 0x20 || ch === '<' || ch === '>' || ch === '&' || c === 0x2028 || c === 0x2029)
      out += `\\u${HEX[(c >> 12) & 15]}${HEX[(c >> 8) & 15]}${HEX[(c >> 4) & 15]}${HEX[c & 15]}`;
    else out += ch;
  }
  return `${out}"`;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });
const asciiDecoder = new TextDecoder();

/**
 * The characters of `bytes` as Go's utf8.DecodeRune reads them: null for each byte that
 * does not start a valid sequence (an overlong form, a surrogate, a cut-off sequence...).
 */
function* goRunes(bytes: Uint8Array): Generator<string | null> {
  let i = 0;
  while (i < bytes.length) {
    const c = bytes[i];
    const length =
      c < 0x80
        ? 1
        : c >= 0xc2 && c < 0xe0
          ? 2
          : c >= 0xe0 && c < 0xf0
            ? 3
            : c >= 0xf0 && c < 0xf5
              ? 4
              : 0;
    let text: string | null = null;
    if (length === 1) text = String.fromCharCode(c);
    else if (length > 0 && i + length <= bytes.length) {
      try {
        text = strictUtf8.decode(bytes.subarray(i, i + length));
      } catch {
        text = null;
      }
    }
    if (text === null) {
      yield null;
      i++;
    } else {
      yield text;
      i += length;
    }
  }
}

/** How json.go's scan counts a key: a positive integer is an index, anything else a name. */
function isIndexKey(L: LuaState): boolean {
  if (lua.lua_type(L, -2) !== lua.LUA_TNUMBER) return false;
  const n = lua.lua_tonumber(L, -2) as number;
  return Number.isInteger(n) && n > 0;
}

/** An object key as text, or null for a key the platform skips (a table, a function...). */
function keyText(L: LuaState): string | null {
  switch (lua.lua_type(L, -2)) {
    case lua.LUA_TSTRING:
      return goString(lua.lua_tolstring(L, -2) as Uint8Array, true);
    case lua.LUA_TNUMBER:
      return `"${plainDecimal(lua.lua_tonumber(L, -2) as number)}"`;
    case lua.LUA_TBOOLEAN:
      return lua.lua_toboolean(L, -2) ? '"true"' : '"false"';
    default:
      return null;
  }
}

/**
 * As json.go: first a scan that only looks at keys (so a mixed or sparse table fails before
 * any value is looked at), then the values, an array in index order.
 */
function encodeTable(state: EncodeState, idx: number, depth: number): string {
  const { L } = state;
  if (depth > MAX_ENCODE_DEPTH) throw new EncodeError(TOO_DEEP);
  const table = lua.lua_topointer(L, idx);
  if (state.visiting.has(table)) throw new EncodeError(NESTED);
  state.visiting.add(table);
  lua.lua_checkstack(L, 4);
  let maxIndex = 0;
  let indices = 0;
  let names = 0;
  lua.lua_pushnil(L);
  while (lua.lua_next(L, idx) !== 0) {
    if (isIndexKey(L)) {
      indices++;
      maxIndex = Math.max(maxIndex, lua.lua_tonumber(L, -2) as number);
    } else names++;
    lua.lua_pop(L, 1);
  }
  let text: string;
  if (indices > 0 && names > 0) throw new EncodeError(MIXED);
  if (names > 0) text = encodeObject(state, idx, depth);
  else if (indices === 0 && decodedObjects.has(table as object)) text = '{}';
  else if (indices !== maxIndex) throw new EncodeError(SPARSE);
  else {
    const items = new Array<string>(maxIndex);
    for (let i = 1; i <= maxIndex; i++) {
      lua.lua_rawgeti(L, idx, i);
      items[i - 1] = encodeValue(state, lua.lua_gettop(L), depth + 1);
      lua.lua_pop(L, 1);
    }
    text = `[${items.join(',')}]`;
  }
  state.visiting.delete(table);
  return text;
}

function encodeObject(state: EncodeState, idx: number, depth: number): string {
  const { L } = state;
  const members: string[] = [];
  lua.lua_pushnil(L);
  while (lua.lua_next(L, idx) !== 0) {
    const key = keyText(L);
    if (key === null)
      warnOnce(
        state,
        'json.encode: a table key that is not a string, number or boolean is skipped',
      );
    else members.push(`${key}:${encodeValue(state, lua.lua_gettop(L), depth + 1)}`);
    lua.lua_pop(L, 1);
  }
  return `{${members.join(',')}}`;
}
