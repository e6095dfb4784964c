/** Timestamps of console lines and frames: wall clock with milliseconds, and run-relative. */

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** "14:03:07.042" in local time. */
export function formatClock(ms: number): string {
  const d = new Date(ms);
  return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}.${pad(d.getMilliseconds(), 3)}`;
}

/** "+1.250s" relative to the run's start; "+0.000s" for anything before it. */
export function formatRelative(ms: number, start: number): string {
  return `+${(Math.max(0, ms - start) / 1000).toFixed(3)}s`;
}

/** "512 B", "1.5 KiB", "3.2 MiB". */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${(n / 1024 / 1024).toFixed(1)} MiB`;
}
