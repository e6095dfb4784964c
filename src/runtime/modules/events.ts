/**
 * The `events` module of a process (runtime/lua/modules/events/, spec.md): the node's event
 * bus (src/process/event-bus.ts), not a process's own `process.events()` channel.
 *
 * - `events.subscribe(system [, kind])` → Subscription, nil | nil, err (Invalid `system
 *   pattern is required`). The subscription's `:channel()` (the same channel each time) receives tables `{system, kind, path, data}`; `:close()` → true, and stops the
 *   deliveries (a second close is true too).
 * - `events.send(system, kind, path [, data])` → true, nil | nil, err (Invalid `system is
 *   required`, `kind is required`, `path is required`). `data` is copied at the send and
 *   arrives as Go's round trip makes it (value.ToGoAny: a table with a positive integer key a
 *   list, any other a string-keyed map).
 *
 * A subscription is a topic of the process's mailbox (`events@N`), as on the platform: events
 * arrive through the process's queue, in order with its messages, from the system (sender
 * ""); the process idles while subscribed; the subscription ends with the process.
 */
import {
  checkText,
  lua,
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
  copiedFromJs,
  copiedThroughGo,
  copyOut,
} from '../../process/payload-copy.ts';
import type { Copied, ProcessSelf } from '../../process/types.ts';
import type { LuaChannel } from './channel.ts';
import { returnError, runtimeError } from './errors.ts';

/** Subscription topics, `events@N` as events/module.go names them. */
let subscriptionCounter = 0;

interface Subscription {
  channel: LuaChannel;
  close: () => void;
  closed: boolean;
}

const subscriptionType = userdataType<Subscription>('events.Subscription', 'subscription expected');

function invalid(L: LuaState, message: string): number {
  return returnError(L, runtimeError('INVALID', message));
}

export function openEvents(self: ProcessSelf): LuaFunction {
  const subscribe: LuaFunction = (L) => {
    const system = checkText(L, 1);
    if (system === '') return invalid(L, 'system pattern is required');
    const kind = lua.lua_isnoneornil(L, 2) ? undefined : checkText(L, 2);
    // As events/module.go: a topic of the process's own, fed through its queue like a message
    // from the system (sender ""), so events keep their order with messages and a process
    // that waits on one idles rather than deadlocks.
    const topic = `events@${++subscriptionCounter}`;
    const channel = self.listen(L, topic, false);
    const subscription: Subscription = { channel, closed: false, close: () => {} };
    const unsubscribe = self.node.events.subscribe(system, kind, (event) => {
      const sent = self.node.send('', self.pid, topic, [copiedFromJs({ ...event })]);
      // The process has ended: so has its subscription.
      if (!sent.ok && sent.error.kind === 'NOT_FOUND') subscription.close();
    });
    subscription.close = () => {
      if (subscription.closed) return;
      subscription.closed = true;
      unsubscribe();
      self.unlisten(channel);
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
