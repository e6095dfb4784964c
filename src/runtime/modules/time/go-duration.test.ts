/** Go's `Duration.String` and `time.ParseDuration`, against Go's own tests (time_test.go). */
import { describe, expect, it } from 'vitest';
import {
  durationIn,
  formatGoDuration,
  HOUR,
  MAX_INT64,
  MICROSECOND,
  MILLISECOND,
  MIN_INT64,
  MINUTE,
  parseGoDuration,
  SECOND,
} from './go-duration.ts';

describe('formatGoDuration (Go durationTests)', () => {
  it.each([
    [0n, '0s'],
    [1n, '1ns'],
    [1100n, '1.1µs'],
    [2200n * MICROSECOND, '2.2ms'],
    [3300n * MILLISECOND, '3.3s'],
    [4n * MINUTE + 5n * SECOND, '4m5s'],
    [4n * MINUTE + 5001n * MILLISECOND, '4m5.001s'],
    [5n * HOUR + 6n * MINUTE + 7001n * MILLISECOND, '5h6m7.001s'],
    [8n * MINUTE + 1n, '8m0.000000001s'],
    [90n * MINUTE, '1h30m0s'],
    [MAX_INT64, '2562047h47m16.854775807s'],
    [MIN_INT64, '-2562047h47m16.854775808s'],
    [-1500n * MILLISECOND, '-1.5s'],
  ])('%d ns is %s', (ns, text) => expect(formatGoDuration(ns)).toBe(text));
});

describe('parseGoDuration (Go parseDurationTests)', () => {
  it.each([
    ['0', 0n],
    ['5s', 5n * SECOND],
    ['1478s', 1478n * SECOND],
    ['-5s', -5n * SECOND],
    ['+5s', 5n * SECOND],
    ['-0', 0n],
    ['5.6s', 5n * SECOND + 600n * MILLISECOND],
    ['5.s', 5n * SECOND],
    ['.5s', 500n * MILLISECOND],
    ['1.004s', 1004n * MILLISECOND],
    ['100.00100s', 100n * SECOND + MILLISECOND],
    ['10ns', 10n],
    ['11us', 11n * MICROSECOND],
    ['12µs', 12n * MICROSECOND],
    ['12μs', 12n * MICROSECOND],
    ['13ms', 13n * MILLISECOND],
    ['16h', 16n * HOUR],
    ['3h30m', 3n * HOUR + 30n * MINUTE],
    ['10.5s4m', 4n * MINUTE + 10n * SECOND + 500n * MILLISECOND],
    ['-2m3.4s', -(2n * MINUTE + 3n * SECOND + 400n * MILLISECOND)],
    [
      '1h2m3s4ms5us6ns',
      HOUR + 2n * MINUTE + 3n * SECOND + 4n * MILLISECOND + 5n * MICROSECOND + 6n,
    ],
    ['39h9m14.425s', 39n * HOUR + 9n * MINUTE + 14n * SECOND + 425n * MILLISECOND],
    ['52763797000ns', 52763797000n],
    ['0.3333333333333333333h', 20n * MINUTE],
    ['9007199254740993ns', (1n << 53n) + 1n],
    ['9223372036854775807ns', MAX_INT64],
    ['9223372036854775.807us', MAX_INT64],
    ['-9223372036854775808ns', MIN_INT64],
    ['0.100000000000000000000h', 6n * MINUTE],
    ['0.830103483285477580700h', 49n * MINUTE + 48n * SECOND + 372539827n],
  ])('reads %s', (text, ns) => expect(parseGoDuration(text)).toEqual({ ok: true, ns }));

  it.each([
    ['', 'time: invalid duration ""'],
    ['3', 'time: missing unit in duration "3"'],
    ['-', 'time: invalid duration "-"'],
    ['s', 'time: invalid duration "s"'],
    ['.', 'time: invalid duration "."'],
    ['-.', 'time: invalid duration "-."'],
    ['.s', 'time: invalid duration ".s"'],
    ['+.s', 'time: invalid duration "+.s"'],
    ['1d', 'time: unknown unit "d" in duration "1d"'],
    ['1µ', 'time: unknown unit "\\xc2\\xb5" in duration "1\\xc2\\xb5"'],
    ['9223372036854775808ns', 'time: invalid duration "9223372036854775808ns"'],
    ['9223372036854775.808us', 'time: invalid duration "9223372036854775.808us"'],
    ['3000000h', 'time: invalid duration "3000000h"'],
    ['5 s', 'time: unknown unit " s" in duration "5 s"'],
  ])('rejects %j with %s', (text, error) =>
    expect(parseGoDuration(text)).toEqual({ ok: false, error }),
  );
});

describe('durationIn (Go Seconds/Minutes/Hours)', () => {
  it('adds the whole units and the fractional remainder', () => {
    expect(durationIn(HOUR + 30n * MINUTE + 45n * SECOND + 500n * MILLISECOND, HOUR)).toBeCloseTo(
      1.5126388888,
      9,
    );
    expect(durationIn(5445500n * MILLISECOND, SECOND)).toBe(5445.5);
    expect(durationIn(-90n * SECOND, MINUTE)).toBe(-1.5);
  });
});
