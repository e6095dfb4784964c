/**
 * JSON text to Lua values, as the platform decodes it (wippyai/runtime
 * `runtime/lua/modules/json/decode_v2.go`): null is nil, an integer literal is a Lua integer
 * (exact, through `pushExactInteger`), a literal with `.`, `e` or `E` a float, nesting deeper
 * than 128 an error, and the text after the first value is not read (Go's streaming decoder).
 *
 * One pass over the string's bytes builds the Lua values directly (bench/json-decode.ts: the
 * C-style API alone costs more than the 0.3x-of-JSON.parse budget), through
 * src/runtime/lua/direct-values.ts: tables without a push and a `lua_rawset` per member;
 * strings from their bytes, with no UTF-8 round trip; object keys as the same Lua string
 * objects each time (fengari hashes a new key's bytes on every use), found by their position
 * in the text first. Integers go through `pushExactInteger`, so the engine decides what an
 * integer is.
 *
 * Not reentrant: nothing here calls back into Lua, so module-level state is safe. One file
 * for one parser: its parts share that state (the text and the position in it).
 */
import { lua, isValidUtf8, type LuaState } from '../lua/api.ts';
import {
  addMember,
  FALSE,
  integerValue,
  luaH_new,
  luaS_bless,
  luaS_hashlongstr,
  pushValue,
  T_FLOAT,
  T_INTEGER,
  T_STRING,
  T_TABLE,
  tableAt,
  TRUE,
  TValue,
} from '../lua/direct-values.ts';

/** decode_v2.go:17 `maxNestingDepth`. */
export const MAX_DECODE_DEPTH = 128;

export class JsonSyntaxError extends Error {}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const MINUS = 0x2d;
const DOT = 0x2e;
const ZERO = 0x30;
const NINE = 0x39;

const EMPTY = new Uint8Array(0);
let text: Uint8Array = EMPTY;
let pos = 0;
/** Arrays with a null inside get a `__len` that counts it, as the platform's `#` does. */
let holeyArrayMeta: object | null = null;

/**
 * Keys seen before, as Lua string objects (their hash computed once), found by a hash of
 * their bytes taken while scanning them: one slot per hash, the bytes compared on a hit.
 */
interface CachedKey {
  bytes: Uint8Array;
  ts: object;
  /** fengari's table hash of the string (ltable.js table_hash). */
  hash: string;
}
const keyCache = new Map<number, CachedKey>();
const KEY_CACHE_LIMIT = 4096;
const MAX_CACHED_KEY = 32;

/**
 * Decode `bytes` and leave the value on the stack. Returns whether text follows the value
 * (the platform ignores it). Throws JsonSyntaxError for malformed text or excessive depth.
 */
export function pushJson(
  L: LuaState,
  bytes: Uint8Array,
  holeyArrayMetatable: number,
): { trailing: boolean } {
  text = bytes;
  pos = 0;
  keySlot = 0;
  holeyArrayMeta = tableAt(L, holeyArrayMetatable);
  try {
    skipSpace();
    const result = value(L, 0);
    if (result) pushValue(L, result);
    else lua.lua_pushnil(L);
    skipSpace();
    return { trailing: pos < text.length };
  } finally {
    text = EMPTY;
  }
}

/**
 * Decoded JSON objects with no member (`{}`, or only null members): encoded again they are
 * `{}`, as the platform's decoder gives them a string-key map that its encoder takes for an
 * object (json.go:269-275). Only these: a WeakSet entry per object would cost a tenth of
 * the decoding time.
 */
export const decodedObjects = new WeakSet<object>();

function fail(what: string): never {
  if (pos >= text.length) throw new JsonSyntaxError('unexpected end of JSON input');
  const c = text[pos];
  const shown = c >= 0x20 && c < 0x7f ? `'${String.fromCharCode(c)}'` : `byte 0x${c.toString(16)}`;
  throw new JsonSyntaxError(`invalid character ${shown} ${what} (at byte ${pos})`);
}

function skipSpace(): void {
  let c = text[pos];
  while (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) c = text[++pos];
}

/** The value at `pos`: a fengari value, or null for JSON null. */
function value(L: LuaState, depth: number): TValue | null {
  if (depth > MAX_DECODE_DEPTH) throw new JsonSyntaxError('json: maximum nesting depth exceeded');
  const c = text[pos];
  if (c === QUOTE) return new TValue(T_STRING, luaS_bless(L, stringBytes()));
  if (c === 0x7b) return object(L, depth);
  if (c === 0x5b) return array(L, depth);
  if (c === MINUS || (c >= ZERO && c <= NINE)) return number(L);
  if (c === 0x74) return literal('true', TRUE);
  if (c === 0x66) return literal('false', FALSE);
  if (c === 0x6e) return literal('null', null);
  return fail('looking for beginning of value');
}

function literal(word: string, result: TValue | null): TValue | null {
  for (let i = 0; i < word.length; i++, pos++)
    if (text[pos] !== word.charCodeAt(i)) fail(`in literal ${word}`);
  return result;
}

function object(L: LuaState, depth: number): TValue {
  pos++;
  const table = luaH_new(L);
  skipSpace();
  if (text[pos] === 0x7d) {
    pos++;
    decodedObjects.add(table);
    return new TValue(T_TABLE, table);
  }
  for (;;) {
    if (text[pos] !== QUOTE) fail('looking for beginning of object key string');
    const key = objectKey(L);
    skipSpace();
    if (text[pos] !== COLON) fail('after object key');
    pos++;
    skipSpace();
    const member = value(L, depth + 1);
    // A null member: the platform keeps no value for it either. A name given twice is an
    // error, as in Go's jsontext (AllowDuplicateNames is off by default).
    if (member && !addMember(table, key.hash, new TValue(T_STRING, key.ts), member))
      throw new JsonSyntaxError(`duplicate object member name at byte ${pos}`);
    skipSpace();
    const c = text[pos++];
    if (c === 0x7d) {
      if (table.strong.size === 0) decodedObjects.add(table);
      return new TValue(T_TABLE, table);
    }
    if (c !== COMMA) {
      pos--;
      fail('after object key:value pair');
    }
    skipSpace();
  }
}

function array(L: LuaState, depth: number): TValue {
  pos++;
  const table = luaH_new(L);
  skipSpace();
  if (text[pos] === 0x5d) {
    pos++;
    return new TValue(T_TABLE, table);
  }
  let index = 0;
  let firstHole = 0;
  let lastItem = 0;
  for (;;) {
    const item = value(L, depth + 1);
    index++;
    if (item) {
      addMember(table, index, new TValue(T_INTEGER, index), item);
      lastItem = index;
    } else if (firstHole === 0) firstHole = index;
    skipSpace();
    const c = text[pos++];
    if (c === 0x5d) break;
    if (c !== COMMA) {
      pos--;
      fail('after array element');
    }
    skipSpace();
  }
  // A null before the last value leaves a hole that `#` would not see past.
  if (firstHole > 0 && firstHole < lastItem) table.metatable = holeyArrayMeta;
  return new TValue(T_TABLE, table);
}

/**
 * The key met at the same place (the n-th key of the text) last time: messages of one shape
 * repeat their keys in order, so a byte comparison usually finds the key without hashing.
 */
const predictedKeys: Array<CachedKey | undefined> = [];
const PREDICTED_SLOTS = 256;
let keySlot = 0;

/** An object key, the same Lua string object as last time for a key seen before. */
function objectKey(L: LuaState): CachedKey {
  const start = pos + 1;
  const slot = keySlot++;
  const guess = slot < PREDICTED_SLOTS ? predictedKeys[slot] : undefined;
  if (guess !== undefined) {
    const bytes = guess.bytes;
    const n = bytes.length;
    // A cached key has no quote or backslash, so equal bytes and a quote after are that key.
    if (text[start + n] === QUOTE && sameBytes(bytes, start, n)) {
      pos = start + n + 1;
      return guess;
    }
  }
  const found = lookUpKey(L, start);
  if (slot < PREDICTED_SLOTS && found.bytes !== EMPTY) predictedKeys[slot] = found;
  return found;
}

function lookUpKey(L: LuaState, start: number): CachedKey {
  let end = start;
  let hash = 0;
  for (let c = text[end]; c !== QUOTE; c = text[++end]) {
    if (
      c === BACKSLASH ||
      c < 0x20 ||
      c >= 0x80 ||
      c === undefined ||
      end - start > MAX_CACHED_KEY
    ) {
      const ts = luaS_bless(L, stringBytes());
      return { bytes: EMPTY, ts, hash: luaS_hashlongstr(ts) };
    }
    hash = (Math.imul(hash, 31) + c) | 0;
  }
  const length = end - start;
  hash = (Math.imul(hash, 31) + length) | 0;
  let cached = keyCache.get(hash);
  if (!cached || !sameBytes(cached.bytes, start, length)) {
    if (keyCache.size >= KEY_CACHE_LIMIT) keyCache.clear();
    const bytes = text.slice(start, end);
    const ts = luaS_bless(L, bytes);
    cached = { bytes, ts, hash: luaS_hashlongstr(ts) };
    keyCache.set(hash, cached);
  }
  pos = end + 1;
  return cached;
}

function sameBytes(bytes: Uint8Array, start: number, length: number): boolean {
  if (bytes.length !== length) return false;
  for (let i = 0; i < length; i++) if (bytes[i] !== text[start + i]) return false;
  return true;
}

/** The bytes of the string at `pos` (a copy), unescaped; `pos` moves past its closing quote. */
function stringBytes(): Uint8Array {
  const start = pos + 1;
  let end = start;
  let high = false;
  for (;;) {
    const c = text[end];
    if (c === QUOTE) break;
    if (c === BACKSLASH) return escapedString(start);
    if (c === undefined) {
      pos = end;
      fail('in string literal');
    }
    if (c < 0x20) {
      pos = end;
      fail('in string literal');
    }
    if (c >= 0x80) high = true;
    end++;
  }
  const bytes = text.slice(start, end);
  if (high && !isValidUtf8(bytes)) {
    pos = start;
    throw new JsonSyntaxError(`invalid UTF-8 within string (at byte ${start})`);
  }
  pos = end + 1;
  return bytes;
}

const decoder = new TextDecoder('utf-8', { fatal: true });
const asciiDecoder = new TextDecoder();
/** Beyond int64 either way: 20 digits without a leading zero are at least 10^19. */
const BEYOND_INT64 = 2n ** 64n;
const encoder = new TextEncoder();
const SIMPLE_ESCAPES: Record<number, string> = {
  0x22: '"',
  0x5c: '\\',
  0x2f: '/',
  0x62: '\b',
  0x66: '\f',
  0x6e: '\n',
  0x72: '\r',
  0x74: '\t',
};

/** The slow path: a string with escapes, decoded through a JavaScript string. */
function escapedString(start: number): Uint8Array {
  let out = '';
  let run = start;
  pos = start;
  for (;;) {
    const c = text[pos];
    if (c === undefined || c < 0x20) fail('in string literal');
    if (c === QUOTE) break;
    if (c !== BACKSLASH) {
      pos++;
      continue;
    }
    out += utf8(run, pos);
    const e = text[pos + 1];
    if (e === 0x75) {
      const hex = String.fromCharCode(...text.subarray(pos + 2, pos + 6));
      if (!/^[0-9a-fA-F]{4}$/.test(hex)) {
        pos += 2;
        fail('in \\u hexadecimal character escape');
      }
      out += String.fromCharCode(parseInt(hex, 16));
      pos += 6;
    } else if (e !== undefined && SIMPLE_ESCAPES[e] !== undefined) {
      out += SIMPLE_ESCAPES[e];
      pos += 2;
    } else {
      pos++;
      fail('in string escape code');
    }
    run = pos;
  }
  out += utf8(run, pos);
  pos++;
  // A lone surrogate from a \u escape becomes U+FFFD, as Go's decoder makes it.
  return encoder.encode(out);
}

function utf8(from: number, to: number): string {
  try {
    return decoder.decode(text.subarray(from, to));
  } catch {
    pos = from;
    throw new JsonSyntaxError(`invalid UTF-8 within string (at byte ${from})`);
  }
}

/** Exact powers of ten as doubles (10^22 is the last one a double holds exactly). */
const POWERS_OF_TEN = Array.from({ length: 23 }, (_, i) => 10 ** i);

/**
 * A number literal. Its digits are read once: an integer of up to 15 digits is exact as a
 * double, and so is a float whose digits (up to 15) and power of ten (up to 22) are (Clinger's
 * fast path: one correctly rounded multiplication or division); anything else is read by
 * JavaScript's own parser, and a longer integer through BigInt.
 */
function number(L: LuaState): TValue {
  const start = pos;
  const negative = text[pos] === MINUS;
  if (negative) pos++;
  let mantissa = 0;
  let digitCount = 0;
  let c = text[pos];
  if (c === ZERO) {
    pos++;
    digitCount = 1;
  } else if (c >= ZERO && c <= NINE) {
    for (; c >= ZERO && c <= NINE; c = text[++pos]) {
      mantissa = mantissa * 10 + (c - ZERO);
      digitCount++;
    }
  } else fail('in numeric literal');
  c = text[pos];
  if (c !== DOT && c !== 0x65 && c !== 0x45) {
    if (digitCount <= 15) return integerValue(L, negative ? -mantissa : mantissa);
    // Longer: exact through BigInt, and a literal of 20 digits or more saturates at once
    // (no quadratic BigInt parse of a huge literal).
    if (digitCount >= 20) return integerValue(L, negative ? -BEYOND_INT64 : BEYOND_INT64);
    return integerValue(L, BigInt(latin1(start, pos)));
  }
  let scale = 0;
  if (c === DOT) {
    c = text[++pos];
    if (!(c >= ZERO && c <= NINE)) fail('after decimal point in numeric literal');
    for (; c >= ZERO && c <= NINE; c = text[++pos]) {
      mantissa = mantissa * 10 + (c - ZERO);
      digitCount++;
      scale--;
    }
  }
  let exponent = 0;
  if (c === 0x65 || c === 0x45) {
    c = text[++pos];
    let expNegative = false;
    if (c === 0x2b || c === MINUS) {
      expNegative = c === MINUS;
      c = text[++pos];
    }
    if (!(c >= ZERO && c <= NINE)) fail('in exponent of numeric literal');
    for (; c >= ZERO && c <= NINE; c = text[++pos])
      exponent = Math.min(exponent * 10 + (c - ZERO), 1e6);
    if (expNegative) exponent = -exponent;
  }
  const power = scale + exponent;
  let n: number;
  if (digitCount <= 15 && power >= -22 && power <= 22)
    n = power < 0 ? mantissa / POWERS_OF_TEN[-power] : mantissa * POWERS_OF_TEN[power];
  else n = Number(latin1(start, pos));
  return new TValue(T_FLOAT, negative ? -n : n);
}

/** The ASCII text of a number literal (TextDecoder: no argument-count limit on long ones). */
function latin1(from: number, to: number): string {
  return asciiDecoder.decode(text.subarray(from, to));
}
