/**
 * Pushing an exact integer that came from outside Lua (a JSON integer literal) as a Lua
 * integer, whatever the engine's integer width: one helper, so that only this file knows it.
 *
 * With 64-bit integers in the engine (issue 9), `lua_pushinteger` takes a JS number when the
 * value is safe (|v| < 2^53) and a BigInt beyond. A value beyond the int64 range saturates to
 * the nearest end, as the platform's JSON decoder does (Go `jsontext.Token.Int`). On an engine
 * with 32-bit integers (fengari as published), a value beyond its range can only be a float
 * (of the saturated value, the nearest to what the platform gives).
 */
import { luaconf } from 'fengari';
import { lua, type LuaState } from './api.ts';

const INT64_MAX = 2n ** 63n - 1n;
const INT64_MIN = -(2n ** 63n);

/** The engine's integer range, read once from its configuration. */
const engineMax = BigInt(luaconf.LUA_MAXINTEGER as number | bigint);
const engineMin = BigInt(luaconf.LUA_MININTEGER as number | bigint);

/** Does the engine hold every int64 (the platform's integers)? */
export const ENGINE_HAS_INT64 = engineMax >= INT64_MAX;

/** Push `value` (an integer) as a Lua integer where the engine can hold it exactly. */
export function pushExactInteger(L: LuaState, value: number | bigint): void {
  if (typeof value === 'number') {
    if (value >= Number(engineMin) && value <= Number(engineMax)) lua.lua_pushinteger(L, value);
    else if (ENGINE_HAS_INT64) pushExactInteger(L, BigInt(value));
    else lua.lua_pushnumber(L, value);
    return;
  }
  const clamped = value > INT64_MAX ? INT64_MAX : value < INT64_MIN ? INT64_MIN : value;
  if (ENGINE_HAS_INT64) {
    const small = clamped >= -(2n ** 53n) && clamped <= 2n ** 53n;
    lua.lua_pushinteger(L, small ? Number(clamped) : clamped);
  } else if (clamped >= engineMin && clamped <= engineMax) lua.lua_pushinteger(L, Number(clamped));
  else lua.lua_pushnumber(L, Number(clamped));
}
