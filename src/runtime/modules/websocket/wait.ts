/**
 * Park the calling task until `done()` holds, re-checking every time it is woken or `pollMs`
 * passes. The poll timer is cancelled once the wait is over: left to run, it would keep the
 * connection alive (and wake the task for nothing) long after, e.g. seconds after every close.
 */
import type { LuaState } from '../../lua/api.ts';
import type { Scheduler } from '../../scheduler.ts';
import type { Timers } from '../time.ts';

export function waitUntil(
  deps: { scheduler: Scheduler; timers: Timers },
  L: LuaState,
  done: () => boolean,
  then: (L: LuaState) => number,
  pollMs?: number,
): number {
  if (done()) return then(L);
  const { scheduler, timers } = deps;
  const task = scheduler.current;
  let cancelPoll: (() => void) | undefined;
  const park = (L1: LuaState): number => {
    if (pollMs !== undefined && !cancelPoll) {
      cancelPoll = timers.start(pollMs, () => {
        cancelPoll = undefined;
        scheduler.wake(task);
      });
    }
    return scheduler.suspend(L1, (L2) => {
      if (!done()) return park(L2);
      cancelPoll?.();
      return then(L2);
    });
  };
  return park(L);
}
