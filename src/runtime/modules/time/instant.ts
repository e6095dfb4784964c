/**
 * Go's `time.Time` as plain data: Unix seconds, nanoseconds (0-999999999), a location, and
 * optionally a monotonic clock reading (Go's `m=` in `String()`, used by `Sub`, `Before`,
 * `After` and `Equal` when both times have one). The operations follow Go's `time.go`.
 */
import { civilFromDays, daysFromCivil, weekdayOfDays, yearDay, SECONDS_PER_DAY } from './civil.ts';
import { saturate, SECOND } from './go-duration.ts';
import { UTC, type Location } from './zones.ts';

export interface GoTime {
  readonly sec: number;
  readonly nsec: number;
  readonly loc: Location;
  /** Monotonic reading in nanoseconds, or null (stripped, as by Go's `Round`, `In`, `UTC`). */
  readonly mono: bigint | null;
}

/** Seconds from 0001-01-01 (Go's zero time and its `Round`/`Truncate` origin) to 1970. */
export const ZERO_TIME_UNIX = -62_135_596_800;

const BILLION = 1_000_000_000;

export function makeTime(
  sec: bigint,
  nsec: bigint,
  loc: Location,
  mono: bigint | null = null,
): GoTime {
  // Go's Unix(): nsec outside [0, 1e9) carries into seconds.
  let s = sec + nsec / SECOND;
  let n = nsec % SECOND;
  if (n < 0n) {
    n += SECOND;
    s -= 1n;
  }
  return { sec: Number(s), nsec: Number(n), loc, mono };
}

export const ZERO_TIME: GoTime = { sec: ZERO_TIME_UNIX, nsec: 0, loc: UTC, mono: null };

/** The wall clock of `t` in its location. */
export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  nsec: number;
  weekday: number;
  yday: number;
  zoneName: string;
  offset: number;
}

export function wallClock(t: GoTime): WallClock {
  const zone = t.loc.lookup(t.sec);
  const local = t.sec + zone.offset;
  const days = Math.floor(local / SECONDS_PER_DAY);
  const secOfDay = local - days * SECONDS_PER_DAY;
  const date = civilFromDays(days);
  return {
    ...date,
    hour: Math.floor(secOfDay / 3600),
    minute: Math.floor((secOfDay % 3600) / 60),
    second: secOfDay % 60,
    nsec: t.nsec,
    weekday: weekdayOfDays(days),
    yday: yearDay(date),
    zoneName: zone.name,
    offset: zone.offset,
  };
}

/** Go's `time.Date`: every field may be out of range and normalises (Oct 32 is Nov 1). */
export function goDate(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
  nsec: number,
  loc: Location,
): GoTime {
  const m0 = month - 1;
  const y = year + Math.floor(m0 / 12);
  const m = m0 - Math.floor(m0 / 12) * 12 + 1;
  const carry = Math.floor(nsec / BILLION);
  const n = nsec - carry * BILLION;
  const wall =
    daysFromCivil(y, m, 1) * SECONDS_PER_DAY +
    (day - 1) * SECONDS_PER_DAY +
    hour * 3600 +
    minute * 60 +
    second +
    carry;
  // As Go: the offset in effect at the wall time read as UTC, unless the instant it gives
  // falls in another zone period (a DST transition), then the offset there.
  let offset = loc.lookup(wall).offset;
  if (offset !== 0) {
    const other = loc.lookup(wall - offset).offset;
    if (other !== offset) offset = other;
  }
  return { sec: wall - offset, nsec: n, loc, mono: null };
}

export function unixNano(t: GoTime): bigint {
  return BigInt(t.sec) * SECOND + BigInt(t.nsec);
}

/** Go's `t.Add(d)`: the monotonic reading moves along. */
export function addDuration(t: GoTime, d: bigint): GoTime {
  const moved = makeTime(BigInt(t.sec), BigInt(t.nsec) + d, t.loc);
  return { ...moved, mono: t.mono === null ? null : t.mono + d };
}

/** Go's `t.Sub(u)`, saturating at the int64 range. */
export function subTimes(t: GoTime, u: GoTime): bigint {
  if (t.mono !== null && u.mono !== null) return saturate(t.mono - u.mono);
  return saturate(unixNano(t) - unixNano(u));
}

/** Negative, zero or positive as `t` is before, equal to or after `u` (Go's rules). */
export function compareTimes(t: GoTime, u: GoTime): number {
  if (t.mono !== null && u.mono !== null) return t.mono < u.mono ? -1 : t.mono > u.mono ? 1 : 0;
  if (t.sec !== u.sec) return t.sec < u.sec ? -1 : 1;
  return t.nsec - u.nsec;
}

export function inLocation(t: GoTime, loc: Location): GoTime {
  return { sec: t.sec, nsec: t.nsec, loc, mono: null };
}

/** Go's `t.AddDate(years, months, days)`: through the wall clock, normalised by `Date`. */
export function addDate(t: GoTime, years: number, months: number, days: number): GoTime {
  const w = wallClock(t);
  return goDate(
    w.year + years,
    w.month + months,
    w.day + days,
    w.hour,
    w.minute,
    w.second,
    w.nsec,
    t.loc,
  );
}

/** The remainder of `t` since the zero time (year 1) modulo `d` (> 0), as Go's `div`. */
function remainder(t: GoTime, d: bigint): bigint {
  const sinceZero = BigInt(t.sec - ZERO_TIME_UNIX) * SECOND + BigInt(t.nsec);
  return ((sinceZero % d) + d) % d;
}

export function truncateTime(t: GoTime, d: bigint): GoTime {
  const stripped = { ...t, mono: null };
  if (d <= 0n) return stripped;
  return addDuration(stripped, -remainder(stripped, d));
}

/** Go's `t.Round(d)`: halfway values round up. */
export function roundTime(t: GoTime, d: bigint): GoTime {
  const stripped = { ...t, mono: null };
  if (d <= 0n) return stripped;
  const r = remainder(stripped, d);
  return addDuration(stripped, r + r < d ? -r : d - r);
}

export function isZeroTime(t: GoTime): boolean {
  return t.sec === ZERO_TIME_UNIX && t.nsec === 0;
}
