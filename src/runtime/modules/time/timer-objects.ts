/**
 * `time.timer` and `time.ticker` (yields.go:752-1041): objects whose `response()` (alias
 * `channel()`) is always the same channel. A timer delivers one Time and then its channel
 * closes; `stop()` tells whether it stopped the timer before it fired and closes the channel;
 * `reset(d)` re-arms a timer that has not fired (true) and does nothing otherwise (false). A
 * ticker delivers a Time each period into a 16-slot buffer and, like the platform, drops
 * ticks while the buffer is full; `stop()` closes its channel.
 */
import {
  argError,
  lauxlib,
  lua,
  luaString,
  pushText,
  raise,
  setFunctions,
  type LuaFunction,
  type LuaState,
} from '../../lua/api.ts';
import type { ChannelLibrary, LuaChannel } from '../channel.ts';
import { pushTime } from './time-object.ts';
import { delayMs, firedAt, timerDuration } from './timer-clock.ts';
import type { Timers } from './timers.ts';

const TIMER_TYPE = 'time.Timer';
const TICKER_TYPE = 'time.Ticker';
/** The platform's ticker buffer (yields.go:998). */
const TICKER_BUFFER = 16;

interface TimerState {
  channel: LuaChannel;
  cancel: (() => void) | null;
}

/** Leaves the new object on the stack, its channel kept as its user value. */
function newObject(
  L: LuaState,
  type: string,
  channels: ChannelLibrary,
  capacity: number,
): TimerState {
  const box = lua.lua_newuserdata(L, 0);
  lauxlib.luaL_setmetatable(L, luaString(type));
  const state: TimerState = { channel: channels.create(L, capacity), cancel: null };
  lua.lua_setuservalue(L, -2);
  box.timer = state;
  return state;
}

function check(L: LuaState, type: string, what: string): TimerState {
  const box = lauxlib.luaL_testudata(L, 1, luaString(type));
  if (!box) argError(L, 1, `${what} expected`);
  return box.timer as TimerState;
}

const response =
  (type: string, what: string): LuaFunction =>
  (L) => {
    check(L, type, what);
    lua.lua_getuservalue(L, 1);
    return 1;
  };

export function timerLibrary(channels: ChannelLibrary, timers: Timers) {
  /** A channel the script closed takes nothing more. */
  const pushFired = (state: TimerState) => {
    if (state.channel.core.closed) return;
    state.channel.core.push({ kind: 'pushed', push: (L) => pushTime(L, firedAt(timers.clock)) });
  };

  const armTimer = (state: TimerState, ns: bigint) => {
    state.cancel = timers.start(delayMs(ns), () => {
      state.cancel = null;
      pushFired(state);
      state.channel.core.close();
    });
  };

  const armTicker = (state: TimerState, ns: bigint) => {
    const period = delayMs(ns);
    const start = timers.clock.now();
    let ticks = 0;
    const next = () => {
      ticks++;
      // Fixed schedule (start + k * period); ticks missed while the page was busy are skipped.
      const late = Math.floor((timers.clock.now() - start) / period);
      if (late >= ticks) ticks = late + 1;
      const wait = Math.max(0, start + ticks * period - timers.clock.now());
      state.cancel = timers.start(wait, () => {
        if (state.channel.core.length < TICKER_BUFFER) pushFired(state);
        next();
      });
    };
    next();
  };

  const timerMethods: Record<string, LuaFunction> = {
    channel: response(TIMER_TYPE, 'Timer'),
    response: response(TIMER_TYPE, 'Timer'),
    reset(L) {
      const state = check(L, TIMER_TYPE, 'Timer');
      const d = timerDuration(L, 2, 'timer:reset');
      if (!d.ok) raise(L, `timer:reset: ${d.error}`);
      if (d.ns <= 0n) raise(L, 'timer:reset: duration must be > 0');
      const active = state.cancel !== null;
      if (active) {
        state.cancel?.();
        armTimer(state, d.ns);
      }
      lua.lua_pushboolean(L, active);
      return 1;
    },
    stop(L) {
      const state = check(L, TIMER_TYPE, 'Timer');
      const active = state.cancel !== null;
      state.cancel?.();
      state.cancel = null;
      state.channel.core.close();
      lua.lua_pushboolean(L, active);
      return 1;
    },
  };

  const tickerMethods: Record<string, LuaFunction> = {
    channel: response(TICKER_TYPE, 'Ticker'),
    response: response(TICKER_TYPE, 'Ticker'),
    stop(L) {
      const state = check(L, TICKER_TYPE, 'Ticker');
      state.cancel?.();
      state.cancel = null;
      state.channel.core.close();
      lua.lua_pushboolean(L, true);
      return 1;
    },
  };

  return {
    /** A one-shot timer on the stack; `ns` > 0. */
    newTimer(L: LuaState, ns: bigint): LuaChannel {
      const state = newObject(L, TIMER_TYPE, channels, 1);
      armTimer(state, ns);
      return state.channel;
    },
    newTicker(L: LuaState, ns: bigint): void {
      armTicker(newObject(L, TICKER_TYPE, channels, TICKER_BUFFER), ns);
    },
    register(L: LuaState): void {
      for (const [type, methods] of [
        [TIMER_TYPE, timerMethods],
        [TICKER_TYPE, tickerMethods],
      ] as const) {
        lauxlib.luaL_newmetatable(L, luaString(type));
        lua.lua_newtable(L);
        setFunctions(L, methods);
        lua.lua_setfield(L, -2, luaString('__index'));
        pushText(L, type);
        lua.lua_setfield(L, -2, luaString('__metatable'));
        lua.lua_pop(L, 1);
      }
    },
  };
}
