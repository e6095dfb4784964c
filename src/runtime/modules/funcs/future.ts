/**
 * The Future of `funcs.async` (runtime/lua/modules/future/future.go, spec.md):
 *
 * - `f:response()` / `f:channel()`: the same channel on every call (buffer 1), which receives
 *   the result once: a Payload, or the call's error object;
 * - `f:is_complete()`, `f:is_canceled()`;
 * - `f:result()`: `payload, nil` once complete; `nil, nil` while pending; `nil, err` for an
 *   error, or a Canceled `canceled` once `cancel` was called;
 * - `f:error()`: `err, true` (the error wrapped as "async call failed", kind Internal, as
 *   futureError does) or `nil, false`;
 * - `f:cancel()`: marks the future canceled and asks the node to cancel the call (best effort:
 *   the callee gets a CANCEL); returns `true, nil`.
 *
 * The Payload the channel delivers and `result()` returns is one userdata, made once (kept in
 * the registry: the process's state ends with the process), so both give the same `data()`.
 */
import { lauxlib, lua, type LuaFunction, type LuaState } from '../../lua/api.ts';
import { userdataType } from '../../lua/userdata.ts';
import type { CallHandle, Copied, ProcessSelf } from '../../../process/types.ts';
import type { LuaChannel } from '../channel.ts';
import { errorString, pushError, runtimeError, type RuntimeError } from '../errors.ts';
import { pushPayload } from '../process/payload.ts';
import { pushOutcomeError, type CallOutcome } from './call-outcome.ts';

interface FutureState {
  channel: LuaChannel;
  completed: boolean;
  canceled: boolean;
  /** Set once complete. */
  value?: Copied;
  error?: RuntimeError;
  /** Registry reference of the result's Payload, once made. */
  payloadRef?: number;
  handle: CallHandle | null;
}

const futureType = userdataType<FutureState>('Future', 'Future expected');

/** The result's one Payload userdata (see the header), pushed onto `L`. */
function pushResultPayload(L: LuaState, future: FutureState): void {
  if (future.payloadRef === undefined) {
    pushPayload(L, future.value ?? null);
    lua.lua_pushvalue(L, -1);
    future.payloadRef = lauxlib.luaL_ref(L, lua.LUA_REGISTRYINDEX);
    return;
  }
  lua.lua_rawgeti(L, lua.LUA_REGISTRYINDEX, future.payloadRef);
}

export interface PendingFuture {
  /** Deliver the call's outcome (once; later calls do nothing). */
  complete(outcome: CallOutcome): void;
  /** The node's handle of the call, for cancel. */
  started(handle: CallHandle): void;
}

/**
 * Push a new Future (its channel made in `self`'s state and kept as its user value).
 * The caller starts the call and reports to the returned PendingFuture.
 */
export function pushFuture(L: LuaState, self: ProcessSelf): PendingFuture {
  const channel = self.channels.create(L, 1);
  const future: FutureState = { channel, completed: false, canceled: false, handle: null };
  futureType.push(L, future);
  lua.lua_insert(L, -2);
  lua.lua_setuservalue(L, -2);
  return {
    started(handle) {
      future.handle = handle;
    },
    complete(outcome) {
      if (future.completed) return;
      future.completed = true;
      if (outcome.ok) {
        future.value = outcome.exit.value;
        channel.core.push({ kind: 'pushed', push: (L1) => pushResultPayload(L1, future) });
      } else {
        const error = outcome.error;
        future.error = error;
        channel.core.push({ kind: 'pushed', push: (L1) => pushOutcomeError(L1, error) });
      }
    },
  };
}

const response: LuaFunction = (L) => {
  futureType.check(L, 1);
  lua.lua_getuservalue(L, 1);
  return 1;
};

const methods: Record<string, LuaFunction> = {
  cancel(L) {
    const future = futureType.check(L, 1);
    future.canceled = true;
    future.handle?.cancel();
    lua.lua_pushboolean(L, true);
    lua.lua_pushnil(L);
    return 2;
  },
  channel: response,
  error(L) {
    const future = futureType.check(L, 1);
    if (future.completed && future.error) {
      const cause = future.error;
      pushError(L, {
        kind: runtimeError('INTERNAL', '').kind,
        message: errorString(cause),
        retryable: false,
        details: cause.details,
        context: 'async call failed',
        wrapped: cause,
      });
      lua.lua_pushboolean(L, true);
      return 2;
    }
    lua.lua_pushnil(L);
    lua.lua_pushboolean(L, false);
    return 2;
  },
  is_canceled(L) {
    lua.lua_pushboolean(L, futureType.check(L, 1).canceled);
    return 1;
  },
  is_complete(L) {
    lua.lua_pushboolean(L, futureType.check(L, 1).completed);
    return 1;
  },
  response,
  result(L) {
    const future = futureType.check(L, 1);
    if (future.canceled) {
      lua.lua_pushnil(L);
      pushError(L, runtimeError('CANCELED', 'canceled'));
      return 2;
    }
    if (future.completed && future.error) {
      lua.lua_pushnil(L);
      pushOutcomeError(L, future.error);
      return 2;
    }
    if (future.completed) pushResultPayload(L, future);
    else lua.lua_pushnil(L);
    lua.lua_pushnil(L);
    return 2;
  },
};

/** Register the Future type in `L` (once per state, by the funcs module). */
export function registerFuture(L: LuaState): void {
  futureType.register(L, { methods });
}
