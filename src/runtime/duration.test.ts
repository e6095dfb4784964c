import { describe, expect, it } from 'vitest';
import { parseGoDuration, toDurationMs } from './duration.ts';

describe('parseGoDuration', () => {
  it.each([
    ['5s', 5000],
    ['1m30s', 90_000],
    ['250ms', 250],
    ['1h2m3.5s', 3_723_500],
    ['1.5h', 5_400_000],
    ['100us', 0.1],
    ['100µs', 0.1],
    ['2000ns', 0.002],
    ['0', 0],
    ['-1s', -1000],
    ['.5s', 500],
  ])('reads %s as %d ms', (text, ms) => {
    const result = parseGoDuration(text);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.ms).toBeCloseTo(ms, 9);
  });

  it.each(['', '5', 's', '5x', '1m30', '5 s', 'abc', '--1s'])('rejects %j', (text) => {
    expect(parseGoDuration(text).ok).toBe(false);
  });
});

describe('toDurationMs', () => {
  it('takes a plain number as milliseconds', () => {
    expect(toDurationMs(1500, 'dial_timeout')).toEqual({ ok: true, ms: 1500 });
  });

  it('names the option in every error', () => {
    for (const bad of [-1, Number.NaN, '-5s', 'soon', true]) {
      const result = toDurationMs(bad, 'read_timeout');
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error).toContain('read_timeout');
    }
  });
});
