/**
 * The `channel` library: Go-style channels between the tasks of a run, and the receive side
 * of every WebSocket connection. `ch:receive()` returns at once while the buffer has items
 * (the hot path: no suspension per message); otherwise it parks the task until an item or a
 * close arrives. As the platform's (wippyai/runtime `runtime/lua/engine/bindings.go`,
 * `channel.go`): `select` takes the first ready case in table order, `close` returns nothing
 * and closing twice does nothing, `channel.new` takes any size (negative is 0), and what the
 * platform ignores (a non-case in `select`, a second close) is ignored with a warning.
 */
import {
  lauxlib,
  lua,
  luaString,
  pushReceivedBytes,
  pushText,
  raise,
  setFunctions,
  toDisplayString,
  typeName,
  type LuaFunction,
  type LuaState,
} from '../lua/api.ts';
import { userdataType } from '../lua/userdata.ts';
import { Channel } from '../channel-core.ts';
import type { Scheduler, Task } from '../scheduler.ts';
import { warn } from '../warnings.ts';

/** A received WebSocket message: materialised as a Lua table only when received. */
export interface SocketMessage {
  kind: 'message';
  type: 'text' | 'binary';
  data: Uint8Array;
}

/** A Lua value held in the registry while it sits in a channel. */
interface LuaRef {
  kind: 'ref';
  ref: number;
}

/** A value made on the JS side (the Time a timer fired at), pushed when it is received. */
export interface PushedValue {
  kind: 'pushed';
  push(L: LuaState): void;
}

export type ChannelItem = SocketMessage | LuaRef | PushedValue;

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

interface ChannelCase {
  channel: LuaChannel;
  op: 'receive' | 'send';
}

/** Checked with Lua's own message: "channel.Channel expected, got number". */
const channelType = userdataType<LuaChannel>('channel.Channel');
/** Never checked: select ignores what is not a case, with a warning. */
const caseType = userdataType<ChannelCase>('channel.Case');

const K_CHANNEL = luaString('channel');
const K_VALUE = luaString('value');
const K_OK = luaString('ok');
const K_DEFAULT = luaString('default');

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
  /** Registry references of the strings every message table uses (set by `open`). */
  const interned = { type: 0, data: 0, text: 0, binary: 0 };

  const create: ChannelLibrary['create'] = (L, capacity, options = {}) => {
    const channel: LuaChannel = {
      core: new Channel<ChannelItem>(capacity, wake, options.onTake),
      receiveOnly: options.receiveOnly ?? false,
    };
    channelType.push(L, channel);
    return channel;
  };

  const check = channelType.check;

  const pushItem = (L: LuaState, item: ChannelItem) => {
    switch (item.kind) {
      case 'message':
        // The hot path: keys and type names come from the registry as existing strings,
        // because fengari hashes a new string's bytes every time it is used as a key.
        lua.lua_createtable(L, 0, 2);
        lua.lua_rawgeti(L, lua.LUA_REGISTRYINDEX, interned.type);
        lua.lua_rawgeti(
          L,
          lua.LUA_REGISTRYINDEX,
          item.type === 'text' ? interned.text : interned.binary,
        );
        lua.lua_rawset(L, -3);
        lua.lua_rawgeti(L, lua.LUA_REGISTRYINDEX, interned.data);
        pushReceivedBytes(L, item.data);
        lua.lua_rawset(L, -3);
        return;
      case 'ref':
        lua.lua_rawgeti(L, lua.LUA_REGISTRYINDEX, item.ref);
        lauxlib.luaL_unref(L, lua.LUA_REGISTRYINDEX, item.ref);
        return;
      case 'pushed':
        item.push(L);
        return;
    }
  };

  /** Pushes `value, ok` for a channel that can receive. */
  const takeInto = (L: LuaState, channel: LuaChannel) => {
    const item = channel.core.take();
    if (item === undefined) {
      lua.lua_pushnil(L);
      lua.lua_pushboolean(L, false);
    } else {
      pushItem(L, item);
      lua.lua_pushboolean(L, true);
    }
  };

  const refValue = (L: LuaState, idx: number): LuaRef => {
    lua.lua_pushvalue(L, idx);
    return { kind: 'ref', ref: lauxlib.luaL_ref(L, lua.LUA_REGISTRYINDEX) };
  };

  const receive = (L: LuaState, channel: LuaChannel): number => {
    if (channel.core.canReceive()) {
      takeInto(L, channel);
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
      channel.core.push(refValue(L, valueIdx));
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

  /**
   * A case's user value keeps what select must push back: the channel's userdata (the same
   * Lua value as the script's), and for a send case the value, as `{channel, value}`.
   */
  const newCase = (L: LuaState, op: ChannelCase['op']): number => {
    caseType.push(L, { channel: check(L, 1), op });
    if (op === 'send') {
      lua.lua_createtable(L, 2, 0);
      lua.lua_pushvalue(L, 1);
      lua.lua_rawseti(L, -2, 1);
      lua.lua_pushvalue(L, 2);
      lua.lua_rawseti(L, -2, 2);
    } else {
      lua.lua_pushvalue(L, 1);
    }
    lua.lua_setuservalue(L, -2);
    return 1;
  };

  /** Push the channel userdata of case `index` (0-based) of the cases table at stack index 1. */
  const pushCaseChannel = (L: LuaState, index: number, op: ChannelCase['op']) => {
    lua.lua_rawgeti(L, 1, index + 1);
    lua.lua_getuservalue(L, -1);
    if (op === 'send') {
      lua.lua_rawgeti(L, -1, 1);
      lua.lua_replace(L, -2);
    }
    lua.lua_replace(L, -2);
  };

  /**
   * The cases of `channel.select(cases [, default])`, in the platform's order (bindings.go:
   * 73-90, the table's `ForEach`): the array part first, then the other fields. A `default`
   * field that is `true` (or a second argument `true`) makes the select non-blocking; any
   * other value is not a case and is ignored, with a warning. The cases are copied into a
   * fresh array that replaces argument 1, so that a resumed select finds them by index.
   */
  const readCases = (L: LuaState): { cases: ChannelCase[]; hasDefault: boolean } => {
    lauxlib.luaL_checktype(L, 1, lua.LUA_TTABLE);
    let hasDefault = false;
    if (!lua.lua_isnoneornil(L, 2)) {
      lauxlib.luaL_checktype(L, 2, lua.LUA_TBOOLEAN);
      hasDefault = lua.lua_toboolean(L, 2) as boolean;
    }
    lua.lua_settop(L, 1);
    const cases: ChannelCase[] = [];
    lua.lua_newtable(L);
    const take = (where: string) => {
      const c = caseType.to(L, -1);
      if (c) {
        cases.push(c);
        lua.lua_rawseti(L, 2, cases.length);
      } else {
        warn(
          L,
          `channel.select: ${where} is not a channel case and is ignored (use ch:case_receive() or ch:case_send(v))`,
        );
        lua.lua_pop(L, 1);
      }
    };
    const n = lua.lua_rawlen(L, 1);
    for (let i = 1; i <= n; i++) {
      lua.lua_rawgeti(L, 1, i);
      take(`entry ${i}`);
    }
    lua.lua_pushnil(L);
    while (lua.lua_next(L, 1) !== 0) {
      const isIndex =
        lua.lua_isinteger(L, -2) &&
        (lua.lua_tointeger(L, -2) as number) >= 1 &&
        (lua.lua_tointeger(L, -2) as number) <= n;
      if (isIndex) lua.lua_pop(L, 1);
      else if (lua.lua_type(L, -2) === lua.LUA_TSTRING && toDisplayString(L, -2) === 'default') {
        if (lua.lua_type(L, -1) === lua.LUA_TBOOLEAN)
          hasDefault ||= lua.lua_toboolean(L, -1) as boolean;
        else
          warn(
            L,
            `channel.select: default = ${typeName(L, -1)} is ignored (only default = true counts)`,
          );
        lua.lua_pop(L, 1);
      } else take(`field ${toDisplayString(L, -2)}`);
    }
    lua.lua_replace(L, 1);
    return { cases, hasDefault };
  };

  const selectResult = (L: LuaState, index: number, op: ChannelCase['op'], fill: () => void) => {
    lua.lua_createtable(L, 0, 3);
    pushCaseChannel(L, index, op);
    lua.lua_setfield(L, -2, K_CHANNEL);
    fill();
  };

  /**
   * The first ready case in order wins (bindings.go:92-121). A send case on a closed channel
   * is never ready: the platform's select drops its "send on closed channel" and waits on.
   */
  const select = (L: LuaState, cases: ChannelCase[], hasDefault: boolean): number => {
    for (let index = 0; index < cases.length; index++) {
      const c = cases[index];
      if (c.op === 'receive' && c.channel.core.canReceive()) {
        selectResult(L, index, c.op, () => {
          takeInto(L, c.channel);
          lua.lua_setfield(L, -3, K_OK);
          lua.lua_setfield(L, -2, K_VALUE);
        });
        return 1;
      }
      if (c.op === 'send' && c.channel.core.canSend()) {
        pushSendValue(L, index);
        c.channel.core.push(refValue(L, -1));
        lua.lua_pop(L, 1);
        selectResult(L, index, c.op, () => {
          pushSendValue(L, index);
          lua.lua_setfield(L, -2, K_VALUE);
          lua.lua_pushboolean(L, true);
          lua.lua_setfield(L, -2, K_OK);
        });
        return 1;
      }
    }
    if (hasDefault) {
      lua.lua_createtable(L, 0, 2);
      lua.lua_pushboolean(L, true);
      lua.lua_setfield(L, -2, K_DEFAULT);
      lua.lua_pushboolean(L, true);
      lua.lua_setfield(L, -2, K_OK);
      return 1;
    }
    for (const c of cases)
      if (c.op === 'send' && c.channel.core.closed)
        warn(
          L,
          'channel.select: a send case on a closed channel is never chosen (the platform waits on)',
        );
    const task = scheduler.current;
    scheduler.assertCanBlock(L);
    for (const c of cases)
      if (c.op === 'receive') c.channel.core.waitToReceive(task);
      else c.channel.core.senders.add(task);
    return scheduler.suspend(L, (L1) => {
      for (const c of cases) {
        c.channel.core.receivers.delete(task);
        c.channel.core.senders.delete(task);
      }
      return select(L1, cases, hasDefault);
    });
  };

  /** Push the value of send case `index` (0-based) of the cases array at stack index 1. */
  const pushSendValue = (L: LuaState, index: number) => {
    lua.lua_rawgeti(L, 1, index + 1);
    lua.lua_getuservalue(L, -1);
    lua.lua_rawgeti(L, -1, 2);
    lua.lua_replace(L, -3);
    lua.lua_pop(L, 1);
  };

  const methods: Record<string, LuaFunction> = {
    case_receive: (L) => newCase(L, 'receive'),
    case_send: (L) => {
      lua.lua_settop(L, 2);
      return newCase(L, 'send');
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
    select(L) {
      const { cases, hasDefault } = readCases(L);
      return select(L, cases, hasDefault);
    },
  };

  const open: LuaFunction = (L) => {
    for (const name of ['type', 'data', 'text', 'binary'] as const) {
      lua.lua_pushstring(L, luaString(name));
      interned[name] = lauxlib.luaL_ref(L, lua.LUA_REGISTRYINDEX);
    }
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
    caseType.register(L);

    lua.lua_newtable(L);
    setFunctions(L, library);
    return 1;
  };

  return { open, create };
}
