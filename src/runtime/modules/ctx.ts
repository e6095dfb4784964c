/**
 * The `ctx` module (runtime/lua/modules/ctx/module.go): the context values a process or a
 * function call was started with (`process.with_context`, `funcs.new():with_context`,
 * inherited by whatever it starts).
 *
 * - `ctx.get(key)` → value, nil | nil, err: Invalid `empty key`, NotFound `key not found: KEY`;
 *   a key that is not a string raises (l.CheckString).
 * - `ctx.all()` → a table of every value, nil.
 *
 * Values come back as the platform's round trip through Go makes them (ToGoAny, then
 * toLuaValue): integers as floats (`lua.LNumber(int64)`), tables as lists or string-keyed
 * maps. The security actor and scope travel in the same map under reserved keys, which these
 * functions do not show (security.ts).
 */
import {
  checkText,
  lua,
  pushText,
  setFunctions,
  type LuaFunction,
  type LuaState,
} from '../lua/api.ts';
import { copiedThroughGo, pushCopied } from '../../process/payload-copy.ts';
import type { Copied, ProcessSelf } from '../../process/types.ts';
import { returnError, runtimeError } from './errors.ts';
import { isReservedContextKey } from './security.ts';

function pushContextValue(L: LuaState, value: Copied): void {
  pushCopied(L, copiedThroughGo(value, { integersAsFloats: true }));
}

export function openCtx(self: ProcessSelf): LuaFunction {
  const library: Record<string, LuaFunction> = {
    all(L) {
      lua.lua_newtable(L);
      for (const [key, value] of self.context) {
        if (isReservedContextKey(key)) continue;
        pushText(L, key);
        pushContextValue(L, value);
        lua.lua_rawset(L, -3);
      }
      lua.lua_pushnil(L);
      return 2;
    },
    get(L) {
      const key = checkText(L, 1);
      if (key === '') return returnError(L, runtimeError('INVALID', 'empty key'));
      const value = isReservedContextKey(key) ? undefined : self.context.get(key);
      if (value === undefined)
        return returnError(L, runtimeError('NOT_FOUND', `key not found: ${key}`));
      pushContextValue(L, value);
      lua.lua_pushnil(L);
      return 2;
    },
  };
  return (L) => {
    lua.lua_newtable(L);
    setFunctions(L, library);
    return 1;
  };
}
