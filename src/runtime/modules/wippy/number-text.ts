/**
 * Numbers as text the way wippyai/go-lua writes them (`value.go` `LInteger.String`,
 * `LNumber.String`), for tostring, print, `..` of library results and table.concat:
 * an integer in decimal; a float that survives a round trip through int64 (`IsIntegerValue`)
 * as that integer, so `3.0` is `3`, `1e15` is `1000000000000000` and `-0.0` is `0`; any other
 * float in Go's shortest form (`strconv.FormatFloat(x, 'g', -1, 64)`): plain between 1e-4 and
 * 1e6, else `1.2345675e+06`, `1e-05`; `+Inf`, `-Inf`, `NaN`.
 */
import { lua, type LuaState } from '../../lua/api.ts';
import { platformNumberText } from '../../lua/platform-numbers.ts';

/** Go's `%e`-style exponent: a sign and at least two digits. */
function goExponent(exp: number): string {
  const digits = String(Math.abs(exp)).padStart(2, '0');
  return (exp < 0 ? 'e-' : 'e+') + digits;
}

/** `strconv.FormatFloat(x, 'g', -1, 64)`: the shortest digits that read back as x. */
export function goShortestG(x: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (x === Infinity) return '+Inf';
  if (x === -Infinity) return '-Inf';
  if (x === 0) return Object.is(x, -0) ? '-0' : '0';
  const [mantissa, exponent] = x.toExponential().split('e');
  const exp = Number(exponent);
  // Go uses the exponent form when exp < -4 or exp >= the shortest form's precision, 6.
  if (exp < -4 || exp >= 6) return mantissa + goExponent(exp);
  // In that range JavaScript's own shortest form is plain decimal, as Go's.
  return String(x);
}

/** The text of a float, as `LNumber.String`: the engine's own rule, so `..` and print agree. */
export const goFloatText = platformNumberText;

/** The text of the number at `idx` (an integer or a float). */
export function numberText(L: LuaState, idx: number): string {
  if (lua.lua_isinteger(L, idx)) return String(lua.lua_tointeger(L, idx));
  return goFloatText(lua.lua_tonumber(L, idx));
}
