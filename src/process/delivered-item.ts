/**
 * What a subscription's channel receives for a queued message: a Message userdata (the inbox,
 * `listen(topic, {message = true})`), the raw value (`listen(topic)`: nil, the one payload, or a
 * table of them, engine/process.go:1237-1252), or, on the events channel, the event's table
 * (api/topology/topology.go:182-200 through the Lua transcoder). Made in the receiving state only
 * when a task takes it.
 */
import { lua, luaString, pushText, type LuaState } from '../runtime/lua/api.ts';
import type { ChannelItem } from '../runtime/modules/channel-items.ts';
import { pushMessage } from '../runtime/modules/process/message.ts';
import { pushCopied } from './payload-copy.ts';
import type { ProcessEvent, QueuedMessage } from './mailbox.ts';
import type { Copied } from './types.ts';

export function deliveredItem(message: QueuedMessage, asMessage: boolean): ChannelItem {
  if (message.kind === 'event') return { kind: 'pushed', push: (L) => pushEvent(L, message.event) };
  if (asMessage) return { kind: 'pushed', push: (L) => pushMessage(L, message) };
  return { kind: 'pushed', push: (L) => pushRawPayloads(L, message.payloads) };
}

function pushRawPayloads(L: LuaState, payloads: Copied[]): void {
  if (payloads.length === 0) lua.lua_pushnil(L);
  else if (payloads.length === 1) pushCopied(L, payloads[0]);
  else {
    lua.lua_createtable(L, payloads.length, 0);
    payloads.forEach((payload, i) => {
      pushCopied(L, payload);
      lua.lua_rawseti(L, -2, i + 1);
    });
  }
}

function setText(L: LuaState, field: string, value: string): void {
  pushText(L, value);
  lua.lua_setfield(L, -2, luaString(field));
}

function pushEvent(L: LuaState, event: ProcessEvent): void {
  lua.lua_createtable(L, 0, 4);
  setText(L, 'kind', event.kind);
  setText(L, 'from', event.from);
  lua.lua_pushinteger(L, event.at);
  lua.lua_setfield(L, -2, luaString('at'));
  if (event.kind === 'pid.cancel') {
    setText(L, 'reason', event.reason);
    return;
  }
  lua.lua_createtable(L, 0, 2);
  pushCopied(L, event.value);
  lua.lua_setfield(L, -2, luaString('value'));
  pushCopied(L, event.error);
  lua.lua_setfield(L, -2, luaString('error'));
  lua.lua_setfield(L, -2, luaString('result'));
}
