/**
 * Go's `time.Duration`: an int64 count of nanoseconds, kept as a bigint so that every value
 * (up to about 292 years) stays exact. `parseGoDuration` is Go's `time.ParseDuration` with its
 * error messages; `formatGoDuration` is `Duration.String()` ("1h30m0s", "1.5µs").
 */
import { goQuote } from './go-quote.ts';

export const NANOSECOND = 1n;
export const MICROSECOND = 1000n;
export const MILLISECOND = 1_000_000n;
export const SECOND = 1_000_000_000n;
export const MINUTE = 60n * SECOND;
export const HOUR = 60n * MINUTE;

export const MAX_INT64 = (1n << 63n) - 1n;
export const MIN_INT64 = -(1n << 63n);

const UNITS: Record<string, bigint> = {
  ns: NANOSECOND,
  us: MICROSECOND,
  µs: MICROSECOND, // U+00B5 micro sign
  μs: MICROSECOND, // U+03BC Greek mu
  ms: MILLISECOND,
  s: SECOND,
  m: MINUTE,
  h: HOUR,
};

export type ParsedDuration = { ok: true; ns: bigint } | { ok: false; error: string };

const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';

/** Go's `leadingInt`: the leading digits, or null on overflow past 2^63. */
function leadingInt(s: string): { x: bigint; rest: string } | null {
  let i = 0;
  let x = 0n;
  for (; i < s.length && isDigit(s[i]); i++) {
    if (x > (1n << 63n) / 10n) return null;
    x = x * 10n + BigInt(s.charCodeAt(i) - 48);
    if (x > 1n << 63n) return null;
  }
  return { x, rest: s.slice(i) };
}

/** Go's `leadingFraction`: digits after the point; past int64 it stops adding precision. */
function leadingFraction(s: string): { f: bigint; scale: number; rest: string } {
  let i = 0;
  let f = 0n;
  let scale = 1;
  let overflow = false;
  for (; i < s.length && isDigit(s[i]); i++) {
    if (overflow) continue;
    if (f > MAX_INT64 / 10n) {
      overflow = true;
      continue;
    }
    const y = f * 10n + BigInt(s.charCodeAt(i) - 48);
    if (y > 1n << 63n) {
      overflow = true;
      continue;
    }
    f = y;
    scale *= 10;
  }
  return { f, scale, rest: s.slice(i) };
}

export function parseGoDuration(text: string): ParsedDuration {
  const invalid = (): ParsedDuration => ({
    ok: false,
    error: `time: invalid duration ${goQuote(text)}`,
  });
  let s = text;
  let neg = false;
  if (s !== '' && (s[0] === '-' || s[0] === '+')) {
    neg = s[0] === '-';
    s = s.slice(1);
  }
  if (s === '0') return { ok: true, ns: 0n };
  if (s === '') return invalid();
  let total = 0n;
  while (s !== '') {
    if (!(s[0] === '.' || isDigit(s[0]))) return invalid();
    const before = s.length;
    const int = leadingInt(s);
    if (!int) return invalid();
    let v = int.x;
    s = int.rest;
    const pre = before !== s.length;
    let post = false;
    let f = 0n;
    let scale = 1;
    if (s !== '' && s[0] === '.') {
      s = s.slice(1);
      const at = s.length;
      ({ f, scale, rest: s } = leadingFraction(s));
      post = at !== s.length;
    }
    if (!pre && !post) return invalid();
    let i = 0;
    while (i < s.length && s[i] !== '.' && !isDigit(s[i])) i++;
    if (i === 0) return { ok: false, error: `time: missing unit in duration ${goQuote(text)}` };
    const unitName = s.slice(0, i);
    s = s.slice(i);
    const unit = UNITS[unitName];
    if (unit === undefined) {
      return {
        ok: false,
        error: `time: unknown unit ${goQuote(unitName)} in duration ${goQuote(text)}`,
      };
    }
    if (v > (1n << 63n) / unit) return invalid();
    v *= unit;
    if (f > 0n) {
      // As Go: float64 arithmetic, nanosecond-accurate for fractions of the largest unit.
      v += BigInt(Math.trunc(Number(f) * (Number(unit) / scale)));
      if (v > 1n << 63n) return invalid();
    }
    total += v;
    if (total > 1n << 63n) return invalid();
  }
  if (neg) return { ok: true, ns: -total };
  if (total > MAX_INT64) return invalid();
  return { ok: true, ns: total };
}

/** Go's `fmtFrac`: v / 10^prec with trailing zeros (and a bare point) left out. */
function fracDigits(v: bigint, prec: number): { text: string; rest: bigint } {
  let text = '';
  let print = false;
  for (let i = 0; i < prec; i++) {
    const digit = v % 10n;
    print = print || digit !== 0n;
    if (print) text = digit.toString() + text;
    v /= 10n;
  }
  return { text: print ? `.${text}` : '', rest: v };
}

/** Go's `Duration.String()`. */
export function formatGoDuration(d: bigint): string {
  const neg = d < 0n;
  let u = neg ? -d : d;
  let out: string;
  if (u < SECOND) {
    if (u === 0n) return '0s';
    let prec: number;
    let unit: string;
    if (u < MICROSECOND) [prec, unit] = [0, 'ns'];
    else if (u < MILLISECOND) [prec, unit] = [3, 'µs'];
    else [prec, unit] = [6, 'ms'];
    const frac = fracDigits(u, prec);
    out = `${frac.rest}${frac.text}${unit}`;
  } else {
    const frac = fracDigits(u, 9);
    u = frac.rest;
    out = `${u % 60n}${frac.text}s`;
    u /= 60n;
    if (u > 0n) {
      out = `${u % 60n}m${out}`;
      u /= 60n;
      if (u > 0n) out = `${u}h${out}`;
    }
  }
  return neg ? `-${out}` : out;
}

/** Go's `Duration.Seconds()` / `Minutes()` / `Hours()`: whole units plus the float remainder. */
export function durationIn(d: bigint, unit: bigint): number {
  return Number(d / unit) + Number(d % unit) / Number(unit);
}

/** Clamp to int64, as Go's `Time.Sub` saturates. */
export function saturate(d: bigint): bigint {
  return d > MAX_INT64 ? MAX_INT64 : d < MIN_INT64 ? MIN_INT64 : d;
}
