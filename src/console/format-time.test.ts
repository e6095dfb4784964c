import { describe, expect, it } from 'vitest';
import { formatBytes, formatClock, formatRelative } from './format-time.ts';

describe('formatting', () => {
  it('shows wall-clock time with milliseconds', () => {
    expect(formatClock(new Date(2026, 0, 2, 3, 4, 5, 6).getTime())).toBe('03:04:05.006');
  });

  it('shows time relative to the run start, never negative', () => {
    expect(formatRelative(2250, 1000)).toBe('+1.250s');
    expect(formatRelative(500, 1000)).toBe('+0.000s');
  });

  it('shows sizes in B, KiB, MiB', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(1536)).toBe('1.5 KiB');
    expect(formatBytes(5 * 1024 * 1024)).toBe('5.0 MiB');
  });
});
