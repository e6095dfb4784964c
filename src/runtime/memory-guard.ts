/**
 * The run's memory bound (audit 2, I3): a run whose Lua state holds more than
 * MAX_RUN_MEMORY_BYTES (estimated by lua/memory-walk.ts) is stopped with an error that names the
 * bound. The check runs at the end of a time slice (the scheduler's count hook, every 25 ms of
 * Lua at most), and no more often than MIN_CHECK_INTERVAL_MS nor than ten times the last walk's
 * duration, so walking costs at most about a tenth of the run's time. Between two checks a
 * script can allocate past the bound (a string doubled in one step, for instance); the bound
 * is where the run is stopped, not a ceiling on every byte.
 */
import type { LuaState } from './lua/api.ts';
import { estimateLuaMemory } from './lua/memory-walk.ts';

/** The most a run's Lua state may hold, by the walk's estimate. */
export const MAX_RUN_MEMORY_BYTES = 256 * 1024 * 1024;
const MIN_CHECK_INTERVAL_MS = 100;

export interface MemoryGuard {
  /** Bytes the run holds now (collectgarbage("count") reports it, in KiB). */
  measure(L: LuaState): number;
  /** At a slice's end: the error message when the run is over its bound, else null. */
  check(L: LuaState): string | null;
}

export function createMemoryGuard(
  threads: () => Iterable<LuaState>,
  now: () => number,
  limit = MAX_RUN_MEMORY_BYTES,
): MemoryGuard {
  let nextCheck = 0;
  return {
    measure: (L) => estimateLuaMemory(L, threads()),
    check(L) {
      const start = now();
      if (start < nextCheck) return null;
      const bytes = estimateLuaMemory(L, threads(), limit);
      const end = now();
      nextCheck = end + Math.max(MIN_CHECK_INTERVAL_MS, 10 * (end - start));
      if (bytes <= limit) return null;
      return `memory limit: the script holds more than ${limit / (1024 * 1024)} MiB (the run's bound, see docs/security.md) and was stopped`;
    },
  };
}
