/**
 * The `channel` library: Go-style channels between the tasks of a run, and the receive side
 * of every WebSocket connection. `ch:receive()` returns at once while the buffer has items
 * (the hot path: no suspension per message); otherwise it parks the task until an item or a
 * close arrives. As the platform's (wippyai/runtime `runtime/lua/engine/bindings.go`,
 * `channel.go`): `select` takes the first ready case in table order, `close` returns nothing
 * and closing twice does nothing, `channel.new` takes any size (negative is 0), and what the
 * platform ignores (a non-case in `select`, a second close) is ignored with a warning.
 * `select` and its cases are in channel-select.ts, the items a channel carries in
 * channel-items.ts.
 */
import {
  lauxlib,
  lua,
  pushText,
  raise,
  setFunctions,
  toDisplayString,
  type LuaFunction,
  type LuaState,
} from '../lua/api.ts';
import { userdataType } from '../lua/userdata.ts';
import { Channel } from '../channel-core.ts';
import type { Scheduler, Task } from '../scheduler.ts';
import { warn } from '../warnings.ts';
import { channelItems, type ChannelItem } from './channel-items.ts';
import { channelSelect } from './channel-select.ts';

/**
 * A channel's state, held by the userdata that stands for it in Lua. Nothing on the JS side
 * refers back to that userdata (fengari has neither weak tables nor __gc, so a registry
 * reference would keep every channel of a run alive until the run ends): whoever must hand the
 * same channel back to Lua keeps its userdata as a user value (a case, a websocket client).
 */
export interface LuaChannel {
  core: Channel<ChannelItem>;
  /**
   * A connection's channel. Scripts may send into it or close it, as on the platform; closing
   * it ends the delivery of messages (a warning says the connection itself stays open).
   */
  receiveOnly: boolean;
}

/** Checked with Lua's own message: "channel.Channel expected, got number". */
export const channelType = userdataType<LuaChannel>('channel.Channel');

export interface ChannelLibrary {
  open: LuaFunction;
  /** Create a channel and leave its userdata on L's stack. */
  create(
    L: LuaState,
    capacity: number,
    options?: { receiveOnly?: boolean; onTake?: () => void },
  ): LuaChannel;
}

export function channelLibrary(scheduler: Scheduler): ChannelLibrary {
  const wake = (task: Task) => scheduler.wake(task);
  const items = channelItems();
  const cases = channelSelect(scheduler, items);

  const create: ChannelLibrary['create'] = (L, capacity, options = {}) => {
    const channel: LuaChannel = {
      core: new Channel<ChannelItem>(capacity, wake, options.onTake),
      receiveOnly: options.receiveOnly ?? false,
    };
    channelType.push(L, channel);
    return channel;
  };

  const check = channelType.check;

  const receive = (L: LuaState, channel: LuaChannel): number => {
    if (channel.core.canReceive()) {
      items.takeInto(L, channel.core);
      return 2;
    }
    const task = scheduler.current;
    scheduler.assertCanBlock(L);
    channel.core.waitToReceive(task);
    return scheduler.suspend(L, (L1) => {
      channel.core.receivers.delete(task);
      return receive(L1, channel);
    });
  };

  const send = (L: LuaState, channel: LuaChannel, valueIdx: number): number => {
    if (channel.core.closed) raise(L, 'send on closed channel');
    if (channel.core.canSend()) {
      channel.core.push(items.refValue(L, valueIdx));
      lua.lua_pushboolean(L, true);
      return 1;
    }
    const task = scheduler.current;
    scheduler.assertCanBlock(L);
    channel.core.senders.add(task);
    return scheduler.suspend(L, (L1) => {
      channel.core.senders.delete(task);
      return send(L1, channel, valueIdx);
    });
  };

  const methods: Record<string, LuaFunction> = {
    case_receive: (L) => cases.newCase(L, check(L, 1).core, 'receive'),
    case_send: (L) => {
      lua.lua_settop(L, 2);
      return cases.newCase(L, check(L, 1).core, 'send');
    },
    /** Returns nothing; a second close is a no-op (bindings.go:228-240). */
    close(L) {
      const channel = check(L, 1);
      if (channel.core.closed) warn(L, 'ch:close(): the channel is closed already (ignored)');
      else if (channel.receiveOnly)
        warn(
          L,
          "ch:close() on a connection's channel: no more messages arrive on it, but the connection stays open (use client:close())",
        );
      channel.core.close();
      return 0;
    },
    receive: (L) => receive(L, check(L, 1)),
    /** A missing value sends nil, as on the platform. */
    send(L) {
      lua.lua_settop(L, 2);
      return send(L, check(L, 1), 2);
    },
  };

  const library: Record<string, LuaFunction> = {
    /** channel.new([size]): Go's `l.OptInt(1, 0)`, truncated; negative is 0 (channel.go:120). */
    new(L) {
      let capacity = 0;
      if (!lua.lua_isnoneornil(L, 1)) {
        lauxlib.luaL_checktype(L, 1, lua.LUA_TNUMBER);
        const n = lua.lua_tonumber(L, 1) as number;
        capacity = Number.isFinite(n) ? Math.trunc(n) : 0;
        if (capacity !== n)
          warn(
            L,
            `channel.new(${toDisplayString(L, 1)}): the size is taken as ${Math.max(capacity, 0)}`,
          );
        else if (capacity < 0) warn(L, `channel.new(${capacity}): a negative size is taken as 0`);
      }
      create(L, Math.max(capacity, 0));
      return 1;
    },
    select: cases.select,
  };

  const open: LuaFunction = (L) => {
    items.intern(L);
    channelType.register(L, {
      methods,
      metamethods: {
        __tostring(L1) {
          const c = check(L1, 1).core;
          pushText(L1, `channel(${c.length}/${c.capacity}${c.closed ? ', closed' : ''})`);
          return 1;
        },
      },
    });
    cases.register(L);

    lua.lua_newtable(L);
    setFunctions(L, library);
    return 1;
  };

  return { open, create };
}
