/**
 * What the scheduling functions share: reading a timer's duration the platform's way, the
 * warnings for what it accepts silently, and the Time values timers deliver.
 */
import { warn } from '../../warnings.ts';
import type { LuaState } from '../../lua/api.ts';
import { returnError, runtimeError } from '../errors.ts';
import { durationArg, type DurationArg } from './duration-object.ts';
import { formatGoDuration, MILLISECOND } from './go-duration.ts';
import { makeTime, type GoTime } from './instant.ts';
import type { Clock } from './timers.ts';
import { LOCAL } from './zones.ts';

/** `nil, err` with kind INVALID, not retryable (the platform's `invalidError`). */
export function returnInvalid(L: LuaState, message: string): number {
  return returnError(L, runtimeError('INVALID', message));
}

/**
 * Numbers are nanoseconds on the platform, which takes them without a word; the playground
 * says so where that is most likely a mistake: a fraction (dropped), NaN or infinity (Go's
 * conversion yields the smallest int64), or a wait below the browser's 1 ms timer resolution
 * (`time.sleep(100)` waits 100 ns there, not 100 ms).
 */
export function warnAboutNumber(L: LuaState, fn: string, d: DurationArg): void {
  if (!d.ok || d.number === undefined) return;
  const n = d.number;
  if (!Number.isFinite(n)) {
    warn(
      L,
      `${fn}(${n}): not a duration; it is read as ${formatGoDuration(d.ns)} (as on the platform)`,
    );
  } else if (!Number.isInteger(n)) {
    warn(
      L,
      `${fn}(${n}): numbers are nanoseconds and the fraction is dropped (as on the platform); ` +
        `write a string such as "1.5s", or 1.5 * time.SECOND`,
    );
  } else if (d.ns > 0n && d.ns < MILLISECOND) {
    warn(
      L,
      `${fn}(${n}) waits ${formatGoDuration(d.ns)}: numbers are nanoseconds (as on the platform), ` +
        `below the browser's 1ms timer resolution; for milliseconds write "${n}ms" or ${n} * time.MILLISECOND`,
    );
  }
}

/** The duration argument of sleep/after/timer/ticker/reset, warned about where it should be. */
export function timerDuration(L: LuaState, idx: number, fn: string): DurationArg {
  const d = durationArg(L, idx);
  warnAboutNumber(L, fn, d);
  return d;
}

/** Nanoseconds to a setTimeout delay: never early (Go's timers fire at or after). */
export function delayMs(ns: bigint): number {
  return ns <= 0n ? 0 : Math.ceil(Number(ns) / 1e6);
}

/** The Time a timer fired at, as the platform builds it: `time.Unix(0, nsec)`, local, no `m=`. */
export function firedAt(clock: Clock): GoTime {
  return makeTime(0n, msToNs(clock.now()), LOCAL);
}

/** Milliseconds (maybe fractional) to exact nanoseconds, without float rounding past 2^53. */
export function msToNs(ms: number): bigint {
  const whole = Math.floor(ms);
  return BigInt(whole) * 1_000_000n + BigInt(Math.round((ms - whole) * 1e6));
}
