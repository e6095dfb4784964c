/**
 * `print` as the platform has it: the runtime replaces go-lua's print with its logging call
 * (wippyai/runtime `engine/core_modules.go` `printFunc`): the arguments joined by one space,
 * each converted by go-lua's `LVAsString` (`value.go`): strings as they are, numbers as
 * go-lua's number text, error values as their message, and everything else (nil, booleans,
 * tables, functions, userdata) as an empty string, without `__tostring`.
 * Dropping a value is a trap, so the playground warns at the line.
 */
import { decodeUtf8, lua, typeName, type LuaState } from '../../lua/api.ts';
import { warn } from '../../warnings.ts';
import { toError } from '../errors.ts';
import { numberText } from './number-text.ts';

/** go-lua's `LVAsString` of the value at `idx`; null where it gives '' for a non-text value. */
export function goAsString(L: LuaState, idx: number): string | null {
  switch (lua.lua_type(L, idx)) {
    case lua.LUA_TSTRING:
      return decodeUtf8(lua.lua_tolstring(L, idx) as Uint8Array);
    case lua.LUA_TNUMBER:
      return numberText(L, idx);
    case lua.LUA_TUSERDATA: {
      const error = toError(L, idx);
      return error ? error.message : null;
    }
    default:
      return null;
  }
}

export function makePrint(write: (text: string, newline: boolean) => void) {
  return function print(L: LuaState): number {
    const n = lua.lua_gettop(L);
    const parts: string[] = new Array<string>(n);
    let dropped: string | null = null;
    for (let i = 1; i <= n; i++) {
      const text = goAsString(L, i);
      if (text === null) dropped ??= typeName(L, i);
      parts[i - 1] = text ?? '';
    }
    if (dropped !== null) {
      warn(
        L,
        `print: the platform prints '' for a ${dropped} (only strings, numbers and errors ` +
          `print); use tostring(x)`,
      );
    }
    write(parts.join(' '), true);
    return 0;
  };
}
