/**
 * `channel.select` and the cases it takes (`ch:case_receive()`, `ch:case_send(v)`), as the
 * platform's (wippyai/runtime `runtime/lua/engine/bindings.go`): the first ready case in table
 * order wins, a `default` makes it non-blocking, anything else in the table is ignored with a
 * warning, and otherwise the task waits on every channel of its cases at once.
 */
import {
  lauxlib,
  lua,
  luaString,
  toDisplayString,
  typeName,
  type LuaFunction,
  type LuaState,
} from '../lua/api.ts';
import { userdataType } from '../lua/userdata.ts';
import type { Channel } from '../channel-core.ts';
import type { Scheduler } from '../scheduler.ts';
import { warn } from '../warnings.ts';
import type { ChannelItem, ChannelItems } from './channel-items.ts';

interface ChannelCase {
  core: Channel<ChannelItem>;
  op: 'receive' | 'send';
}

/** Never checked: select ignores what is not a case, with a warning. */
const caseType = userdataType<ChannelCase>('channel.Case');

const K_CHANNEL = luaString('channel');
const K_VALUE = luaString('value');
const K_OK = luaString('ok');
const K_DEFAULT = luaString('default');

export interface ChannelSelect {
  /**
   * `ch:case_receive()` / `ch:case_send(v)` for the channel whose userdata is at index 1 (the
   * value to send at index 2): leaves the case on the stack.
   */
  newCase(L: LuaState, core: Channel<ChannelItem>, op: ChannelCase['op']): number;
  select: LuaFunction;
  /** Create the case metatable; once, when the library opens. */
  register(L: LuaState): void;
}

export function channelSelect(scheduler: Scheduler, items: ChannelItems): ChannelSelect {
  /**
   * A case's user value keeps what select must push back: the channel's userdata (the same
   * Lua value as the script's), and for a send case the value, as `{channel, value}`.
   */
  const newCase: ChannelSelect['newCase'] = (L, core, op) => {
    caseType.push(L, { core, op });
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

  /** Push the value of send case `index` (0-based) of the cases array at stack index 1. */
  const pushSendValue = (L: LuaState, index: number) => {
    lua.lua_rawgeti(L, 1, index + 1);
    lua.lua_getuservalue(L, -1);
    lua.lua_rawgeti(L, -1, 2);
    lua.lua_replace(L, -3);
    lua.lua_pop(L, 1);
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
      if (c.op === 'receive' && c.core.canReceive()) {
        selectResult(L, index, c.op, () => {
          items.takeInto(L, c.core);
          lua.lua_setfield(L, -3, K_OK);
          lua.lua_setfield(L, -2, K_VALUE);
        });
        return 1;
      }
      if (c.op === 'send' && c.core.canSend()) {
        pushSendValue(L, index);
        c.core.push(items.refValue(L, -1));
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
      if (c.op === 'send' && c.core.closed)
        warn(
          L,
          'channel.select: a send case on a closed channel is never chosen (the platform waits on)',
        );
    const task = scheduler.current;
    scheduler.assertCanBlock(L);
    for (const c of cases)
      if (c.op === 'receive') c.core.waitToReceive(task);
      else c.core.senders.add(task);
    return scheduler.suspend(L, (L1) => {
      for (const c of cases) {
        c.core.receivers.delete(task);
        c.core.senders.delete(task);
      }
      return select(L1, cases, hasDefault);
    });
  };

  return {
    newCase,
    select(L) {
      const { cases, hasDefault } = readCases(L);
      return select(L, cases, hasDefault);
    },
    register(L) {
      caseType.register(L);
    },
  };
}
