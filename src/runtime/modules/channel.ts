/**
 * The `channel` library: Go-style channels between the tasks of a run, and the receive side
 * of every WebSocket connection. `ch:receive()` returns at once while the buffer has items
 * (the hot path: no suspension per message); otherwise it parks the task until an item or a
 * close arrives.
 */
import {
  argError,
  lauxlib,
  lua,
  luaString,
  pushReceivedBytes,
  pushText,
  raise,
  setFunctions,
  type LuaFunction,
  type LuaState,
} from '../lua/api.ts';
import { Channel } from '../channel-core.ts';
import type { Scheduler, Task } from '../scheduler.ts';

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
  /** Receive-only (a connection's channel). */
  receiveOnly: boolean;
}

interface ChannelCase {
  channel: LuaChannel;
  op: 'receive' | 'send';
}

const CHANNEL_TYPE = 'channel.Channel';
const CASE_TYPE = 'channel.Case';
const MAX_CAPACITY = 1_000_000;

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
    const box = lua.lua_newuserdata(L, 0);
    lauxlib.luaL_setmetatable(L, luaString(CHANNEL_TYPE));
    const channel: LuaChannel = {
      core: new Channel<ChannelItem>(capacity, wake, options.onTake),
      receiveOnly: options.receiveOnly ?? false,
    };
    box.channel = channel;
    return channel;
  };

  const check = (L: LuaState, idx: number): LuaChannel =>
    lauxlib.luaL_checkudata(L, idx, luaString(CHANNEL_TYPE)).channel as LuaChannel;

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
    if (channel.receiveOnly) raise(L, "cannot send on a connection's channel: use client:send");
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
    const channel = check(L, 1);
    if (op === 'send' && channel.receiveOnly) raise(L, "cannot send on a connection's channel");
    const box = lua.lua_newuserdata(L, 0);
    box.channelCase = { channel, op } satisfies ChannelCase;
    lauxlib.luaL_setmetatable(L, luaString(CASE_TYPE));
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

  const readCases = (L: LuaState): { cases: ChannelCase[]; hasDefault: boolean } => {
    lauxlib.luaL_checktype(L, 1, lua.LUA_TTABLE);
    const cases: ChannelCase[] = [];
    const n = lua.lua_rawlen(L, 1);
    for (let i = 1; i <= n; i++) {
      lua.lua_rawgeti(L, 1, i);
      const box = lauxlib.luaL_testudata(L, -1, luaString(CASE_TYPE));
      if (!box)
        argError(
          L,
          1,
          `case ${i} is not a channel case (use ch:case_receive() or ch:case_send(v))`,
        );
      cases.push(box.channelCase as ChannelCase);
      lua.lua_pop(L, 1);
    }
    lua.lua_getfield(L, 1, K_DEFAULT);
    const hasDefault = lua.lua_toboolean(L, -1) as boolean;
    lua.lua_pop(L, 1);
    if (cases.length === 0 && !hasDefault) argError(L, 1, 'select needs at least one case');
    return { cases, hasDefault };
  };

  const selectResult = (L: LuaState, index: number, op: ChannelCase['op'], fill: () => void) => {
    lua.lua_createtable(L, 0, 3);
    pushCaseChannel(L, index, op);
    lua.lua_setfield(L, -2, K_CHANNEL);
    fill();
  };

  const select = (L: LuaState, cases: ChannelCase[], hasDefault: boolean): number => {
    // Fair choice: start the scan at a random case.
    const start = Math.floor(Math.random() * cases.length);
    for (let j = 0; j < cases.length; j++) {
      const index = (start + j) % cases.length;
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
        lua.lua_rawgeti(L, 1, index + 1);
        lua.lua_getuservalue(L, -1);
        lua.lua_rawgeti(L, -1, 2);
        c.channel.core.push(refValue(L, -1));
        lua.lua_pop(L, 3);
        selectResult(L, index, c.op, () => {
          lua.lua_pushboolean(L, true);
          lua.lua_setfield(L, -2, K_OK);
        });
        return 1;
      }
      if (c.op === 'send' && c.channel.core.closed) raise(L, 'send on closed channel');
    }
    if (hasDefault) {
      lua.lua_createtable(L, 0, 1);
      lua.lua_pushboolean(L, true);
      lua.lua_setfield(L, -2, K_DEFAULT);
      return 1;
    }
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

  const methods: Record<string, LuaFunction> = {
    case_receive: (L) => newCase(L, 'receive'),
    case_send: (L) => {
      lauxlib.luaL_checkany(L, 2);
      return newCase(L, 'send');
    },
    close(L) {
      const channel = check(L, 1);
      if (channel.receiveOnly) raise(L, "cannot close a connection's channel: use client:close");
      channel.core.close();
      lua.lua_pushboolean(L, true);
      return 1;
    },
    receive: (L) => receive(L, check(L, 1)),
    send(L) {
      lauxlib.luaL_checkany(L, 2);
      return send(L, check(L, 1), 2);
    },
  };

  const library: Record<string, LuaFunction> = {
    new(L) {
      const capacity = lauxlib.luaL_optinteger(L, 1, 0) as number;
      if (capacity < 0 || capacity > MAX_CAPACITY)
        argError(L, 1, `capacity must be between 0 and ${MAX_CAPACITY}`);
      create(L, capacity);
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
    lauxlib.luaL_newmetatable(L, luaString(CHANNEL_TYPE));
    lua.lua_newtable(L);
    setFunctions(L, methods);
    lua.lua_setfield(L, -2, luaString('__index'));
    lua.lua_pushcfunction(L, (L1: LuaState) => {
      const c = check(L1, 1).core;
      pushText(L1, `channel(${c.length}/${c.capacity}${c.closed ? ', closed' : ''})`);
      return 1;
    });
    lua.lua_setfield(L, -2, luaString('__tostring'));
    lua.lua_pushliteral(L, CHANNEL_TYPE);
    lua.lua_setfield(L, -2, luaString('__metatable'));
    lua.lua_pop(L, 1);

    lauxlib.luaL_newmetatable(L, luaString(CASE_TYPE));
    lua.lua_pushliteral(L, CASE_TYPE);
    lua.lua_setfield(L, -2, luaString('__metatable'));
    lua.lua_pop(L, 1);

    lua.lua_newtable(L);
    setFunctions(L, library);
    return 1;
  };

  return { open, create };
}
