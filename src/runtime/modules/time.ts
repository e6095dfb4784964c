/**
 * The `time` library: `after(d)` (a channel that receives the time once, after d),
 * `sleep(d)` and `now()`. Durations are milliseconds or Go duration strings; times are
 * milliseconds since the epoch. Timers belong to the run and are cleared when it ends.
 */
import { argError, lua, setFunctions, type LuaFunction, type LuaState } from '../lua/api.ts';
import { toDurationMs } from '../duration.ts';
import { toLuaValue } from '../lua/values.ts';
import type { Scheduler } from '../scheduler.ts';
import type { ChannelLibrary } from './channel.ts';

export interface Clock {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** Timers of one run, so that ending the run clears every one of them. */
export class Timers {
  private readonly pending = new Set<unknown>();
  constructor(
    readonly clock: Clock,
    /** After any timer has fired and run its callback. */
    private readonly fired: () => void = () => {},
  ) {}

  /** Timers started and not yet fired or cancelled. */
  get size(): number {
    return this.pending.size;
  }

  start(ms: number, callback: () => void): () => void {
    const handle = this.clock.setTimeout(() => {
      this.pending.delete(handle);
      callback();
      this.fired();
    }, ms);
    this.pending.add(handle);
    return () => {
      this.clock.clearTimeout(handle);
      this.pending.delete(handle);
    };
  }

  clearAll(): void {
    for (const handle of this.pending) this.clock.clearTimeout(handle);
    this.pending.clear();
  }
}

function checkDuration(L: LuaState, arg: number): number {
  const d = toDurationMs(toLuaValue(L, arg), 'duration');
  if (!d.ok) argError(L, arg, d.error);
  return d.ms;
}

export function openTime(
  scheduler: Scheduler,
  channels: ChannelLibrary,
  timers: Timers,
): LuaFunction {
  const library: Record<string, LuaFunction> = {
    after(L) {
      const ms = checkDuration(L, 1);
      const channel = channels.create(L, 1);
      timers.start(ms, () => channel.core.push({ kind: 'number', value: timers.clock.now() }));
      return 1;
    },
    now(L) {
      lua.lua_pushnumber(L, timers.clock.now());
      return 1;
    },
    sleep(L) {
      const ms = checkDuration(L, 1);
      const task = scheduler.current;
      scheduler.assertCanBlock(L);
      let done = false;
      timers.start(ms, () => {
        done = true;
        scheduler.wake(task);
      });
      const wait = (L1: LuaState): number => (done ? 0 : scheduler.suspend(L1, wait));
      return wait(L);
    },
  };
  return (L) => {
    lua.lua_newtable(L);
    setFunctions(L, library);
    return 1;
  };
}
