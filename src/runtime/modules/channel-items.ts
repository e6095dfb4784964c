/**
 * What travels in a channel, and how each item reaches Lua when it is received: a WebSocket
 * message becomes its `{type, data}` table only then, a Lua value waits in the registry, a value
 * made on the JS side is pushed by its own function. Shared by `ch:receive`/`ch:send`
 * (channel.ts) and `channel.select` (channel-select.ts).
 */
import { lauxlib, lua, luaString, pushReceivedBytes, type LuaState } from '../lua/api.ts';
import type { Channel } from '../channel-core.ts';

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

export interface ChannelItems {
  /** Keep the strings every message table uses in the registry; once, when the library opens. */
  intern(L: LuaState): void;
  /** Pushes `value, ok` for a channel that can receive. */
  takeInto(L: LuaState, core: Channel<ChannelItem>): void;
  /** The value at `idx`, held in the registry until it is received. */
  refValue(L: LuaState, idx: number): LuaRef;
}

export function channelItems(): ChannelItems {
  /** Registry references of the strings every message table uses (set by `intern`). */
  const interned = { type: 0, data: 0, text: 0, binary: 0 };

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

  return {
    intern(L) {
      for (const name of ['type', 'data', 'text', 'binary'] as const) {
        lua.lua_pushstring(L, luaString(name));
        interned[name] = lauxlib.luaL_ref(L, lua.LUA_REGISTRYINDEX);
      }
    },
    takeInto(L, core) {
      const item = core.take();
      if (item === undefined) {
        lua.lua_pushnil(L);
        lua.lua_pushboolean(L, false);
      } else {
        pushItem(L, item);
        lua.lua_pushboolean(L, true);
      }
    },
    refValue(L, idx) {
      lua.lua_pushvalue(L, idx);
      return { kind: 'ref', ref: lauxlib.luaL_ref(L, lua.LUA_REGISTRYINDEX) };
    },
  };
}
