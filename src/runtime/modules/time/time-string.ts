/**
 * Go's `Time.String()`: "2006-01-02 15:04:05.999999999 -0700 MST", then " m=±s.nnnnnnnnn"
 * when the time carries a monotonic reading (as `time.now()` does on the platform).
 */
import { formatLayout, padInt } from './go-layout.ts';
import { wallClock, type GoTime } from './instant.ts';

export function formatTimeString(t: GoTime): string {
  const s = formatLayout(wallClock(t), '2006-01-02 15:04:05.999999999 -0700 MST');
  if (t.mono === null) return s;
  const sign = t.mono < 0n ? '-' : '+';
  const m = t.mono < 0n ? -t.mono : t.mono;
  const nanos = Number(m % 1_000_000_000n);
  return `${s} m=${sign}${m / 1_000_000_000n}.${padInt(nanos, 9)}`;
}
