/**
 * The Executor of `funcs.new()` (funcs/module.go): an immutable description of how to call —
 * context values, actor, scope, options (call-options.ts: timeout and retry are applied). Every
 * `with_*` returns a new Executor; the one it was called on is unchanged.
 */
import { checkText, lauxlib, lua, type LuaState } from '../../lua/api.ts';
import { userdataType } from '../../lua/userdata.ts';
import { warn } from '../../warnings.ts';
import { copyOut } from '../../../process/payload-copy.ts';
import type { Copied } from '../../../process/types.ts';
import { checkActorArg, checkScopeArg } from '../security.ts';
import { NO_CALL_OPTIONS, readCallOptions, type CallOptions } from './call-options.ts';

export interface Executor {
  /** Context values set by with_context, and the actor/scope entries (security.ts keys). */
  readonly values: ReadonlyMap<string, Copied>;
  /** with_options: the table as given (a later with_options replaces it, as there). */
  readonly options: Copied | undefined;
  /** What the options change about a call. */
  readonly callOptions: CallOptions;
}

export const executorType = userdataType<Executor>('funcs.Executor', 'Executor expected');

export const EMPTY_EXECUTOR: Executor = {
  values: new Map(),
  options: undefined,
  callOptions: NO_CALL_OPTIONS,
};

/** `with_context(t)`: string keys only (ForEach over LString keys), merged over the old. */
export function withContext(L: LuaState, executor: Executor): Executor {
  lauxlib.luaL_checktype(L, 2, lua.LUA_TTABLE);
  const values = new Map(executor.values);
  lua.lua_pushnil(L);
  while (lua.lua_next(L, 2) !== 0) {
    if (lua.lua_type(L, -2) === lua.LUA_TSTRING) {
      const key = checkText(L, -2);
      values.set(
        key,
        copyOut(L, -1, (what) =>
          warn(L, `with_context: ${what} in the value of '${key}' cannot cross and becomes nil`),
        ),
      );
    }
    lua.lua_pop(L, 1);
  }
  return { ...executor, values };
}

export function withActor(L: LuaState, executor: Executor): Executor {
  const [key, actor] = checkActorArg(L, 2);
  return { ...executor, values: new Map(executor.values).set(key, actor) };
}

export function withScope(L: LuaState, executor: Executor): Executor {
  const [key, scope] = checkScopeArg(L, 2);
  return { ...executor, values: new Map(executor.values).set(key, scope) };
}

export function withOptions(L: LuaState, executor: Executor): Executor {
  lauxlib.luaL_checktype(L, 2, lua.LUA_TTABLE);
  const callOptions = readCallOptions(L, 2);
  return { ...executor, options: copyOut(L, 2, () => {}), callOptions };
}
