/**
 * Go's `time.ParseDuration` (the platform reads `lifecycle` durations with it:
 * wippyai/runtime `api/supervisor/config.go` UnmarshalJSON): `300ms`, `1.5s`, `1m30s`, `-2h`.
 * Returns milliseconds, or null for text Go rejects. A bare `0` is valid; other unitless
 * numbers are not.
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

const PART = /^(\d+\.?\d*|\.\d+)(ns|us|µs|μs|ms|s|m|h)/;

export function parseGoDuration(text: string): number | null {
  let rest = text;
  let sign = 1;
  if (rest.startsWith('-') || rest.startsWith('+')) {
    if (rest[0] === '-') sign = -1;
    rest = rest.slice(1);
  }
  if (rest === '0') return 0;
  if (rest === '') return null;
  let total = 0;
  while (rest !== '') {
    const match = PART.exec(rest);
    if (!match) return null;
    total += Number(match[1]) * UNIT_MS[match[2]];
    rest = rest.slice(match[0].length);
  }
  return sign * total;
}
