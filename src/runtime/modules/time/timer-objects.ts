/**
 * `time.timer` and `time.ticker` (yields.go:752-1041): objects whose `response()` (alias
 * `channel()`) is always the same channel. A timer delivers one Time and then its channel
 * closes; `stop()` tells whether it stopped the timer before it fired and closes the channel;
 * `reset(d)` re-arms a timer that has not fired (true) and does nothing otherwise (false). A
 * ticker delivers a Time each period into a 16-slot buffer and, like the platform, drops
 * ticks while the buffer is full; `stop()` closes its channel.
 */
import { lua, raise, type LuaFunction, type LuaState } from '../../lua/api.ts';
import { userdataType, type UserdataType } from '../../lua/userdata.ts';
import type { ChannelLibrary, LuaChannel } from '../channel.ts';
import { pushTime } from './time-object.ts';
import { delayMs, firedAt, timerDuration } from './timer-clock.ts';
import type { Timers } from './timers.ts';

/** The platform's ticker buffer (yields.go:998). */
const TICKER_BUFFER = 16;

interface TimerState {
  channel: LuaChannel;
  cancel: (() => void) | null;
}

const timer = userdataType<TimerState>('time.Timer', 'Timer expected');
const ticker = userdataType<TimerState>('time.Ticker', 'Ticker expected');

/** Leaves the new object on the stack, its channel kept as its user value. */
function newObject(
  L: LuaState,
  type: UserdataType<TimerState>,
  channels: ChannelLibrary,
  capacity: number,
): TimerState {
  // The object's userdata is made before its channel's, as it always was: fengari numbers
  // tables and userdata in the order they are made, and `tostring` shows it ("time.Timer: 0x69").
  const state = { cancel: null } as TimerState;
  type.push(L, state);
  state.channel = channels.create(L, capacity);
  lua.lua_setuservalue(L, -2);
  return state;
}

const response =
  (type: UserdataType<TimerState>): LuaFunction =>
  (L) => {
    type.check(L, 1);
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
    channel: response(timer),
    response: response(timer),
    reset(L) {
      const state = timer.check(L, 1);
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
      const state = timer.check(L, 1);
      const active = state.cancel !== null;
      state.cancel?.();
      state.cancel = null;
      state.channel.core.close();
      lua.lua_pushboolean(L, active);
      return 1;
    },
  };

  const tickerMethods: Record<string, LuaFunction> = {
    channel: response(ticker),
    response: response(ticker),
    stop(L) {
      const state = ticker.check(L, 1);
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
      const state = newObject(L, timer, channels, 1);
      armTimer(state, ns);
      return state.channel;
    },
    newTicker(L: LuaState, ns: bigint): void {
      armTicker(newObject(L, ticker, channels, TICKER_BUFFER), ns);
    },
    register(L: LuaState): void {
      timer.register(L, { methods: timerMethods });
      ticker.register(L, { methods: tickerMethods });
    },
  };
}
