/**
 * Numbers as the platform's Lua (wippyai/go-lua) writes, reads and counts them, for the
 * libraries of the `wippy` dialect: the same rules the engine patch applies to `tostring`,
 * `..`, string arithmetic and `#` (docs/engine.md, "Wippy dialect").
 */
import { goNumberString, goParseNumber } from 'fengari/src/lgonum.js';
import { luaH_getn_wippy, type Table } from 'fengari/src/ltable.js';
import { lua, type LuaState } from './api.ts';

/** go-lua `LNumber.String` of a float: `3` for 3.0, `0.1`, `1e+100`, `+Inf`, `NaN`. */
export function platformNumberText(x: number): string {
  return goNumberString(x);
}

/**
 * go-lua `parseNumber`, as arithmetic on strings reads them: Go's ParseInt(s, 0, 64) (`0x`,
 * `0o`, `0b`, leading `0` octal, `_`), else ParseFloat (`inf`, `nan`); a float, or null.
 */
export function platformParseNumber(text: string): number | null {
  const n = goParseNumber(text);
  return n === false ? null : n;
}

/**
 * go-lua's `#t` without `__len` (table.go Len): the last non-nil slot of the array part,
 * where every integer key from 1 to 67108863 lives (`t[1000] = 1` on `{}` gives 1000).
 */
export function platformTableLength(L: LuaState, index: number): number {
  if (lua.lua_type(L, index) !== lua.LUA_TTABLE) throw new TypeError('table expected');
  return luaH_getn_wippy(lua.lua_topointer(L, index) as Table);
}
