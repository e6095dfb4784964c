/**
 * The `events` module of a process (runtime/lua/modules/events/, spec.md): the node's event
 * bus (src/process/event-bus.ts), not a process's own `process.events()` channel.
 *
 * - `events.subscribe(system [, kind])` → Subscription, nil | nil, err (Invalid `system
 *   pattern is required`). The subscription's `:channel()` (the same channel each time,
 *   buffer 64) receives tables `{system, kind, path, data}`; `:close()` → true, and stops the
 *   deliveries (a second close is true too).
 * - `events.send(system, kind, path [, data])` → true, nil | nil, err (Invalid `system is
 *   required`, `kind is required`, `path is required`). `data` is copied at the send and
 *   arrives as Go's round trip makes it (value.ToGoAny: a table with a positive integer key a
 *   list, any other a string-keyed map).
 *
 * An open subscription keeps its process waiting rather than deadlocked, as the platform's
 * process subscription does; it ends with the process.
 */
import {
  checkText,
  lua,
  luaString,
  pushText,
  raise,
  setFunctions,
  type LuaFunction,
  type LuaState,
} from '../lua/api.ts';
import { userdataType } from '../lua/userdata.ts';
import { warn } from '../warnings.ts';
import {
  CopyLimitError,
  copiedThroughGo,
  copyOut,
  pushCopied,
} from '../../process/payload-copy.ts';
import type { BusEvent, Copied, ProcessSelf } from '../../process/types.ts';
import type { LuaChannel } from './channel.ts';
import { returnError, runtimeError } from './errors.ts';

/** dispatcher-side channel size (events/module.go: engine.NewChannel(64)). */
const SUBSCRIPTION_BUFFER = 64;

interface Subscription {
  channel: LuaChannel;
  close: () => void;
  closed: boolean;
}

const subscriptionType = userdataType<Subscription>('events.Subscription', 'subscription expected');

function pushBusEvent(L: LuaState, event: BusEvent): void {
  lua.lua_createtable(L, 0, 4);
  for (const field of ['system', 'kind', 'path'] as const) {
    pushText(L, event[field]);
    lua.lua_setfield(L, -2, luaString(field));
  }
  if (event.data !== null) {
    pushCopied(L, event.data);
    lua.lua_setfield(L, -2, luaString('data'));
  }
}

function invalid(L: LuaState, message: string): number {
  return returnError(L, runtimeError('INVALID', message));
}

export function openEvents(self: ProcessSelf): LuaFunction {
  const subscribe: LuaFunction = (L) => {
    const system = checkText(L, 1);
    if (system === '') return invalid(L, 'system pattern is required');
    const kind = lua.lua_isnoneornil(L, 2) ? undefined : checkText(L, 2);
    const channel = self.channels.create(L, SUBSCRIPTION_BUFFER);
    const release = self.hold();
    const subscription: Subscription = { channel, closed: false, close: () => {} };
    const unsubscribe = self.node.events.subscribe(system, kind, (event) => {
      // The process has ended: its state is gone, and so is the subscription.
      if (self.scheduler.isStopped) return subscription.close();
      // Past the buffer the item still waits in order, as in the process's queue.
      channel.core.push({ kind: 'pushed', push: (L1) => pushBusEvent(L1, event) });
    });
    subscription.close = () => {
      if (subscription.closed) return;
      subscription.closed = true;
      unsubscribe();
      release();
      channel.core.close();
    };
    subscriptionType.push(L, subscription);
    lua.lua_insert(L, -2);
    lua.lua_setuservalue(L, -2);
    lua.lua_pushnil(L);
    return 2;
  };

  const send: LuaFunction = (L) => {
    const system = checkText(L, 1);
    if (system === '') return invalid(L, 'system is required');
    const kind = checkText(L, 2);
    if (kind === '') return invalid(L, 'kind is required');
    const path = checkText(L, 3);
    if (path === '') return invalid(L, 'path is required');
    let data: Copied = null;
    if (!lua.lua_isnoneornil(L, 4)) {
      try {
        data = copyOut(L, 4, (what) =>
          warn(L, `events.send: ${what} in data cannot cross and arrives as nil`),
        );
      } catch (e) {
        if (e instanceof CopyLimitError) raise(L, e.message);
        throw e;
      }
      data = copiedThroughGo(data, { integersAsFloats: false });
    }
    self.node.events.send({ system, kind, path, data });
    lua.lua_pushboolean(L, true);
    lua.lua_pushnil(L);
    return 2;
  };

  const methods: Record<string, LuaFunction> = {
    channel(L) {
      subscriptionType.check(L, 1);
      lua.lua_getuservalue(L, 1);
      return 1;
    },
    close(L) {
      subscriptionType.check(L, 1).close();
      lua.lua_pushboolean(L, true);
      return 1;
    },
  };

  return (L) => {
    subscriptionType.register(L, {
      methods,
      metamethods: {
        __tostring(L1) {
          pushText(L1, 'events.Subscription{}');
          return 1;
        },
      },
    });
    lua.lua_newtable(L);
    setFunctions(L, { send, subscribe });
    return 1;
  };
}
