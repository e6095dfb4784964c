/**
 * What `exec:with_options{...}` changes about a call. The platform's funcs module hands the
 * table to its function dispatcher as Task.Options (module.go executorWithOptions), where the
 * retry interceptor reads `retry` (retry.ts). Its docs (lua/core/funcs.md) also promise
 * `timeout` — milliseconds, `{timeout = 5000}` — as a time limit on the call, though no
 * dispatcher of the runtime reads it; the playground applies it to the whole call, retries
 * included: a number of milliseconds or a Go duration string ("1.5s"); 0 means none. Other
 * keys (`priority`, `network`…) are kept and ignored, with a warning.
 *
 * A function entry's declared options (`meta.options` in its YAML) apply to every call of it:
 * the platform registers them with the function and merges the call's over them, key by key
 * (system/function/functions.go Call: `bag.Merge(runtimeBag)`, the call's keys winning), so a
 * call's `retry` replaces a declared `retry` whole and leaves a declared `timeout` in force.
 */
import { lua, type LuaState } from '../../lua/api.ts';
import { toDurationMs } from '../../duration.ts';
import { warn } from '../../warnings.ts';
import { runtimeError, type RuntimeError } from '../errors.ts';
import { readRetryPolicy, type RetryPolicy } from './retry.ts';

export interface CallOptions {
  /** The call's time limit in ms; undefined for none. */
  timeoutMs: number | undefined;
  /** How a failed call runs again; undefined for never. */
  retry: RetryPolicy | undefined;
  /** The keys the table had: only those replace declared ones (mergeCallOptions). */
  given: ReadonlySet<AppliedKey>;
}

type AppliedKey = 'timeout' | 'retry';

export const NO_CALL_OPTIONS: CallOptions = {
  timeoutMs: undefined,
  retry: undefined,
  given: new Set(),
};

/**
 * Read the options table at `idx` (already checked to be a table). `source` names it in
 * warnings: `with_options`, or the entry whose `meta.options` it is.
 */
export function readCallOptions(L: LuaState, idx: number, source = 'with_options'): CallOptions {
  const at = lua.lua_absindex(L, idx);
  let timeoutMs: number | undefined;
  let retry: RetryPolicy | undefined;
  const given = new Set<AppliedKey>();
  const ignored: string[] = [];
  lua.lua_pushnil(L);
  while (lua.lua_next(L, at) !== 0) {
    const key = lua.lua_type(L, -2) === lua.LUA_TSTRING ? lua.lua_tojsstring(L, -2) : null;
    if (key === 'timeout') timeoutMs = readTimeout(L, -1, source);
    else if (key === 'retry') retry = readRetryPolicy(L, lua.lua_gettop(L));
    else if (key !== null) ignored.push(key);
    if (key === 'timeout' || key === 'retry') given.add(key);
    lua.lua_pop(L, 1);
  }
  if (ignored.length > 0)
    warn(
      L,
      `${source}: ${ignored.sort().join(', ')} ${ignored.length === 1 ? 'is' : 'are'} kept but not applied in the playground (only timeout and retry are)`,
    );
  return { timeoutMs, retry, given };
}

/** An entry's declared options with a call's over them, key by key (functions.go Call). */
export function mergeCallOptions(declared: CallOptions, call: CallOptions): CallOptions {
  return {
    timeoutMs: call.given.has('timeout') ? call.timeoutMs : declared.timeoutMs,
    retry: call.given.has('retry') ? call.retry : declared.retry,
    given: new Set([...declared.given, ...call.given]),
  };
}

function readTimeout(L: LuaState, idx: number, source: string): number | undefined {
  const type = lua.lua_type(L, idx);
  const value =
    type === lua.LUA_TNUMBER
      ? lua.lua_tonumber(L, idx)
      : type === lua.LUA_TSTRING
        ? lua.lua_tojsstring(L, idx)
        : undefined;
  const parsed = toDurationMs(value, 'timeout');
  if (!parsed.ok) {
    warn(L, `${source}: ${parsed.error}; the call has no timeout`);
    return undefined;
  }
  return parsed.ms > 0 ? parsed.ms : undefined;
}

/**
 * A call that outlived its timeout: kind Timeout and retryable, as the platform's own
 * deadline errors are (eventbus await, raft, hub), with Go's text for a passed deadline.
 */
export function callTimeoutError(): RuntimeError {
  return runtimeError('TIMEOUT', 'context deadline exceeded', true);
}
