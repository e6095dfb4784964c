/**
 * The `retry` option of an executor, as the platform's retry interceptor applies it to every
 * function call (system/function/interceptor/retry/interceptor.go, registered by
 * boot/components/service/interceptor_retry.go; backoff from internal/backoff/calculator.go):
 *
 * `retry = { max_attempts, initial_delay, max_delay, backoff_factor, jitter, retry_kinds,
 * skip_kinds }`. Delays are milliseconds (a fraction dropped) or Go duration strings. With
 * `max_attempts` above 1, a failed call runs again while its error allows: never when it is
 * not retryable (`retryable() == false`); else by `skip_kinds`, then `retry_kinds`, else every
 * kind but Invalid, PermissionDenied and Internal (an error without a kind counts as Internal,
 * as the engine's toAPIError makes it). The waits grow from `initial_delay * backoff_factor`
 * (the interceptor's first interval is consumed by the first call), capped at `max_delay`,
 * each moved by up to ±`jitter` of itself. The last error is the call's.
 */
import { lua, type LuaState } from '../../lua/api.ts';
import { parseGoDuration } from '../../duration.ts';
import type { RuntimeError } from '../errors.ts';

export interface RetryPolicy {
  maxAttempts: number;
  initialDelayMs: number;
  maxDelayMs: number;
  backoffFactor: number;
  jitter: number;
  retryKinds: string[];
  skipKinds: string[];
}

/** parsePolicy's defaults. */
const DEFAULTS: RetryPolicy = {
  maxAttempts: 0,
  initialDelayMs: 100,
  maxDelayMs: 10_000,
  backoffFactor: 2,
  jitter: 0.1,
  retryKinds: [],
  skipKinds: [],
};

const NEVER_BY_DEFAULT = new Set(['Invalid', 'PermissionDenied', 'Internal']);

/** The number at `idx`, or undefined (Go's toFloat gives 0 for other types). */
function numberAt(L: LuaState, idx: number): number | undefined {
  return lua.lua_type(L, idx) === lua.LUA_TNUMBER ? lua.lua_tonumber(L, idx) : undefined;
}

/** toDuration: a number of ms (fraction dropped) or a duration string; 0 when neither. */
function durationAt(L: LuaState, idx: number): number {
  const n = numberAt(L, idx);
  if (n !== undefined) return Math.trunc(n);
  if (lua.lua_type(L, idx) !== lua.LUA_TSTRING) return 0;
  const parsed = parseGoDuration(lua.lua_tojsstring(L, idx));
  return parsed.ok ? parsed.ms : 0;
}

/** GetSlice: a string, or the strings of a list (other entries count as ""). */
function kindsAt(L: LuaState, idx: number): string[] {
  if (lua.lua_type(L, idx) === lua.LUA_TSTRING) return [lua.lua_tojsstring(L, idx)];
  if (lua.lua_type(L, idx) !== lua.LUA_TTABLE) return [];
  const kinds: string[] = [];
  const length = lua.lua_rawlen(L, idx);
  for (let i = 1; i <= length; i++) {
    lua.lua_rawgeti(L, idx, i);
    kinds.push(lua.lua_type(L, -1) === lua.LUA_TSTRING ? lua.lua_tojsstring(L, -1) : '');
    lua.lua_pop(L, 1);
  }
  return kinds;
}

/** The policy of the `retry` table at `idx` (absolute); undefined when it retries nothing. */
export function readRetryPolicy(L: LuaState, idx: number): RetryPolicy | undefined {
  if (lua.lua_type(L, idx) !== lua.LUA_TTABLE) return undefined;
  const policy = { ...DEFAULTS };
  lua.lua_pushnil(L);
  while (lua.lua_next(L, idx) !== 0) {
    const key = lua.lua_type(L, -2) === lua.LUA_TSTRING ? lua.lua_tojsstring(L, -2) : '';
    const value = lua.lua_gettop(L);
    if (key === 'max_attempts') policy.maxAttempts = Math.trunc(numberAt(L, value) ?? 0);
    else if (key === 'initial_delay' || key === 'max_delay') {
      const ms = durationAt(L, value);
      if (ms > 0) policy[key === 'initial_delay' ? 'initialDelayMs' : 'maxDelayMs'] = ms;
    } else if (key === 'backoff_factor') {
      const factor = numberAt(L, value) ?? 0;
      if (factor > 0) policy.backoffFactor = factor;
    } else if (key === 'jitter') policy.jitter = numberAt(L, value) ?? 0;
    else if (key === 'retry_kinds') policy.retryKinds = kindsAt(L, value);
    else if (key === 'skip_kinds') policy.skipKinds = kindsAt(L, value);
    lua.lua_pop(L, 1);
  }
  return policy.maxAttempts > 1 ? policy : undefined;
}

/** isRetryable: may a call that failed with `error` run again under `policy`? */
export function mayRetry(policy: RetryPolicy, error: RuntimeError): boolean {
  if (error.retryable === false) return false;
  const kind = error.kind || 'Internal';
  if (policy.skipKinds.includes(kind)) return false;
  if (policy.retryKinds.length > 0) return policy.retryKinds.includes(kind);
  return !NEVER_BY_DEFAULT.has(kind);
}

/**
 * The waits before each further attempt (backoff.Calculator, its first interval already
 * consumed): `next()` gives ms, or null once the attempts are spent or the wait is 0.
 */
export function retryWaits(policy: RetryPolicy, random = Math.random): { next(): number | null } {
  let attempt = 1;
  let base = policy.initialDelayMs;
  const factor = policy.backoffFactor > 0 ? policy.backoffFactor : 1;
  return {
    next() {
      if (attempt >= policy.maxAttempts) return null;
      attempt++;
      base = Math.min(base * factor, policy.maxDelayMs > 0 ? policy.maxDelayMs : Infinity);
      const range = base * policy.jitter;
      const wait = policy.jitter > 0 ? Math.max(0, base + random() * 2 * range - range) : base;
      return wait > 0 ? wait : null;
    },
  };
}
