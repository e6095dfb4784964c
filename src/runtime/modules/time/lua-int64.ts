/**
 * 64-bit integers at the Lua boundary. The time module's values are Go int64s (nanoseconds
 * since 1970 exceed 2^53), kept as bigints and pushed through `pushInt64`: on an engine with
 * 64-bit integers (`math.maxinteger >= 2^53`) they arrive exact, as a JS number when safe and
 * a bigint beyond; on fengari's stock 32-bit integers, values past ±2^31 become floats, and
 * nanosecond quantities (constants, durations) are floats in any case, so that
 * `5 * time.SECOND` never wraps around.
 */
import { luaconf } from 'fengari';
import { lua, type LuaState } from '../../lua/api.ts';
import { MAX_INT64, MIN_INT64 } from './go-duration.ts';

let wide: boolean | undefined;

/**
 * Whether the engine's integers hold every int64 (the engine-int64 patch): luaconf's
 * `LUA_MAXINTEGER`, confirmed by a round trip of 2^53 + 1 through the engine itself.
 */
export function engineHasInt64(L: LuaState): boolean {
  if (wide === undefined) {
    const probe = 2n ** 53n + 1n;
    wide = Number(luaconf.LUA_MAXINTEGER) >= 2 ** 53;
    if (wide) {
      lua.lua_pushinteger(L, probe);
      wide = BigInt(lua.lua_tointeger(L, -1)) === probe;
      lua.lua_pop(L, 1);
    }
  }
  return wide;
}

const INT32_MAX = 2n ** 31n - 1n;

/** Push an int64: an integer where the engine holds it exactly, else a float. */
export function pushInt64(L: LuaState, value: bigint): void {
  if (engineHasInt64(L)) {
    const n = Number(value);
    lua.lua_pushinteger(L, Number.isSafeInteger(n) ? n : value);
  } else if (value <= INT32_MAX && value >= -INT32_MAX - 1n) {
    lua.lua_pushinteger(L, Number(value));
  } else {
    lua.lua_pushnumber(L, Number(value));
  }
}

/**
 * Push a count of nanoseconds meant for arithmetic: an integer on a 64-bit engine, else a
 * float (exact to 2^53 ns, about 104 days), which multiplies without wrapping.
 */
export function pushNanoseconds(L: LuaState, value: bigint): void {
  if (engineHasInt64(L)) pushInt64(L, value);
  else lua.lua_pushnumber(L, Number(value));
}

/** Go's float64 -> int64 conversion as amd64 does it: truncation; NaN and overflow give MinInt64. */
export function floatToInt64(x: number): bigint {
  if (Number.isNaN(x) || x >= 2 ** 63 || x < -(2 ** 63)) return MIN_INT64;
  return BigInt(Math.trunc(x));
}

/** The number at `idx` as Go reads it into an int64 (integers exact, floats truncated). */
export function toInt64(L: LuaState, idx: number): bigint {
  if (lua.lua_isinteger(L, idx)) {
    const v = BigInt(lua.lua_tointeger(L, idx));
    return v > MAX_INT64 ? MAX_INT64 : v;
  }
  return floatToInt64(lua.lua_tonumber(L, idx) as number);
}
