/**
 * Durations in websocket options, as their documented contract takes them: a plain number is
 * milliseconds; a string follows Go's `time.ParseDuration` ("300ms", "1.5h", "1h2m3.5s", units
 * ns us µs ms s m h, an optional sign). The `time` module reads numbers as nanoseconds, as the
 * platform does, with Go's exact parser (modules/time/go-duration.ts).
 */

const UNIT_MS: Record<string, number> = {
  ns: 1e-6,
  us: 1e-3,
  µs: 1e-3,
  μs: 1e-3,
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
};

export type DurationResult = { ok: true; ms: number } | { ok: false; error: string };

/** Parse a Go duration string into milliseconds. */
export function parseGoDuration(text: string): DurationResult {
  const bad = (why: string): DurationResult => ({
    ok: false,
    error: `invalid duration "${text}": ${why}`,
  });
  let rest = text;
  let sign = 1;
  if (rest.startsWith('-') || rest.startsWith('+')) {
    sign = rest.startsWith('-') ? -1 : 1;
    rest = rest.slice(1);
  }
  if (rest === '0') return { ok: true, ms: 0 };
  if (rest === '') return bad('empty');
  let total = 0;
  const part = /^(\d+\.?\d*|\.\d+)(ns|us|µs|μs|ms|s|m|h)/;
  while (rest.length > 0) {
    const match = part.exec(rest);
    if (!match) {
      return /^(\d+\.?\d*|\.\d+)/.test(rest)
        ? bad('missing unit (use ns, us, ms, s, m or h)')
        : bad('expected a number followed by a unit');
    }
    total += Number(match[1]) * UNIT_MS[match[2]];
    rest = rest.slice(match[0].length);
  }
  return { ok: true, ms: sign * total };
}

/** A duration option: a number of ms or a duration string; negative or NaN is an error. */
export function toDurationMs(value: unknown, name: string): DurationResult {
  let result: DurationResult;
  if (typeof value === 'number') result = { ok: true, ms: value };
  else if (typeof value === 'string') result = parseGoDuration(value.trim());
  else return { ok: false, error: `${name} must be a number of milliseconds or a duration string` };
  if (!result.ok) return { ok: false, error: `${name}: ${result.error}` };
  if (Number.isNaN(result.ms)) return { ok: false, error: `${name} must not be NaN` };
  if (result.ms < 0) return { ok: false, error: `${name} must not be negative` };
  if (!Number.isFinite(result.ms)) return { ok: false, error: `${name} must be finite` };
  return result;
}
