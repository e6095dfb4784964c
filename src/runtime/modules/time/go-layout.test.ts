/**
 * Go's layout rules, checked against the examples and tests of Go's own `time` package
 * (src/time/format_test.go: formatTests, parseTests, parseErrorTests, ...), which the
 * platform's `t:format` and `time.parse` run unchanged.
 */
import { describe, expect, it } from 'vitest';
import { formatLayout, nextStdChunk, Std } from './go-layout.ts';
import { parseLayout } from './go-parse.ts';
import { parseTimeZone } from './go-parse-zone.ts';
import { goDate, inLocation, makeTime, wallClock, type GoTime } from './instant.ts';
import { fixedZone, loadLocation, UTC, type Location } from './zones.ts';

const ANSIC = 'Mon Jan _2 15:04:05 2006';
const UNIX_DATE = 'Mon Jan _2 15:04:05 MST 2006';
const RUBY_DATE = 'Mon Jan 02 15:04:05 -0700 2006';
const RFC3339 = '2006-01-02T15:04:05Z07:00';
const STAMP_NANO = 'Jan _2 15:04:05.000000000';

function location(name: string): Location {
  const result = loadLocation(name);
  if (!result.ok) throw new Error(result.error);
  return result.location;
}
const PACIFIC = location('America/Los_Angeles');
const format = (t: GoTime, layout: string) => formatLayout(wallClock(t), layout);

function parse(layout: string, value: string, loc: Location = UTC): GoTime {
  const result = parseLayout(layout, value, loc);
  if (!result.ok) throw new Error(result.error);
  return result.time;
}
function parseError(layout: string, value: string): string {
  const result = parseLayout(layout, value, UTC);
  if (result.ok) throw new Error(`parsed ${value} as ${layout}`);
  return result.error;
}

describe('nextStdChunk (Go TestNextStdChunk)', () => {
  const marked = [
    '(2006)-(01)-(02)T(15):(04):(05)(Z07:00)',
    '(2006)-(01)-(02) (002) (15):(04):(05)',
    '(2006)-(01) (002) (15):(04):(05)',
    '(2006)-(002) (15):(04):(05)',
    '(2006)(002)(01) (15):(04):(05)',
    '(2006)(002)(04) (15):(04):(05)',
  ];
  it.each(marked)('splits %s', (expected) => {
    let out = '';
    for (let s = expected.replace(/[()]/g, ''); s !== '';) {
      const chunk = nextStdChunk(s);
      out += chunk.prefix + (chunk.std === Std.None ? '' : `(${chunk.text})`);
      s = chunk.suffix;
    }
    expect(out).toBe(expected);
  });
});

describe('format (Go TestFormat: Unix(0, 1233810057012345600) in Pacific time)', () => {
  const t = inLocation(makeTime(0n, 1233810057012345600n, UTC), PACIFIC);
  it.each([
    [ANSIC, 'Wed Feb  4 21:00:57 2009'],
    [UNIX_DATE, 'Wed Feb  4 21:00:57 PST 2009'],
    [RUBY_DATE, 'Wed Feb 04 21:00:57 -0800 2009'],
    ['02 Jan 06 15:04 MST', '04 Feb 09 21:00 PST'],
    ['Monday, 02-Jan-06 15:04:05 MST', 'Wednesday, 04-Feb-09 21:00:57 PST'],
    ['Mon, 02 Jan 2006 15:04:05 MST', 'Wed, 04 Feb 2009 21:00:57 PST'],
    ['Mon, 02 Jan 2006 15:04:05 -0700', 'Wed, 04 Feb 2009 21:00:57 -0800'],
    [RFC3339, '2009-02-04T21:00:57-08:00'],
    ['2006-01-02T15:04:05.999999999Z07:00', '2009-02-04T21:00:57.0123456-08:00'],
    ['3:04PM', '9:00PM'],
    ['3pm', '9pm'],
    ['3PM', '9PM'],
    ['06 01 02', '09 02 04'],
    ['Hi Janet, the Month is January', 'Hi Janet, the Month is February'],
    ['Jan _2 15:04:05', 'Feb  4 21:00:57'],
    ['Jan _2 15:04:05.000', 'Feb  4 21:00:57.012'],
    ['Jan _2 15:04:05.000000', 'Feb  4 21:00:57.012345'],
    [STAMP_NANO, 'Feb  4 21:00:57.012345600'],
    ['Jan  2 002 __2 2', 'Feb  4 035  35 4'],
    ['15:04:05,000', '21:00:57,012'],
  ])('%s -> %s', (layout, expected) => expect(format(t, layout)).toBe(expected));

  it('formats RFC3339 in UTC and fixed zones (Go TestRFC3339Conversion)', () => {
    expect(format(goDate(2008, 9, 17, 20, 4, 26, 0, UTC), RFC3339)).toBe('2008-09-17T20:04:26Z');
    const est = fixedZone('EST', -18000);
    expect(format(goDate(1994, 9, 17, 20, 4, 26, 0, est), RFC3339)).toBe(
      '1994-09-17T20:04:26-05:00',
    );
    const oto = fixedZone('OTO', 15600);
    expect(format(goDate(2000, 12, 26, 1, 15, 6, 0, oto), RFC3339)).toBe(
      '2000-12-26T01:15:06+04:20',
    );
  });

  it('prints single digits (Go TestFormatSingleDigits), noon as 12PM, midnight as 12AM', () => {
    expect(format(goDate(2001, 2, 3, 4, 5, 6, 700000000, UTC), '3:4:5')).toBe('4:5:6');
    expect(format(goDate(0, 1, 1, 12, 0, 0, 0, UTC), '03:04PM')).toBe('12:00PM');
    expect(format(goDate(0, 1, 1, 0, 0, 0, 0, UTC), '3:04PM')).toBe('12:00AM');
  });

  it.each([-100001, -10000, -999, -1, 0, 1, 99, 999, 9999, 10000, 100001])(
    'pads year %d to four digits after the sign (Go TestFormatShortYear)',
    (y) => {
      const want = `${y < 0 ? '-' : ''}${String(Math.abs(y)).padStart(4, '0')}.01.01`;
      expect(format(goDate(y, 1, 1, 0, 0, 0, 0, UTC), '2006.01.02')).toBe(want);
    },
  );

  it('prints offsets with seconds (Go TestFormatSecondsInTimeZone)', () => {
    const lmt = fixedZone('LMT', -(34 * 60 + 8));
    const d = goDate(1871, 1, 1, 5, 33, 2, 0, lmt);
    expect(format(d, '2006-01-02T15:04:05-070000')).toBe('1871-01-01T05:33:02-003408');
    expect(format(d, '2006-01-02T15:04:05-07:00:00')).toBe('1871-01-01T05:33:02-00:34:08');
  });

  it('prints the numeric offset for MST when a zone has no name (Go TestMissingZone)', () => {
    const t2 = parse(RUBY_DATE, 'Thu Feb 02 16:10:03 -0500 2006');
    expect(format(t2, UNIX_DATE)).toBe('Thu Feb  2 16:10:03 -0500 2006');
  });
});

describe('parse (Go TestParse: every value is Thu Feb 4 21:00:57 PST 2010)', () => {
  it.each([
    [ANSIC, 'Thu Feb  4 21:00:57 2010', false, 0],
    [UNIX_DATE, 'Thu Feb  4 21:00:57 PST 2010', true, 0],
    [RUBY_DATE, 'Thu Feb 04 21:00:57 -0800 2010', true, 0],
    ['Monday, 02-Jan-06 15:04:05 MST', 'Thursday, 04-Feb-10 21:00:57 PST', true, 0],
    ['Mon, 02 Jan 2006 15:04:05 MST', 'Thu, 04 Feb 2010 21:00:57 PST', true, 0],
    ['Mon, 02 Jan 2006 15:04:05 MST', 'Thu, 04 Feb 2010 22:00:57 PDT', true, 0],
    [RFC3339, '2010-02-04T21:00:57-08:00', true, 0],
    ['2006-01-02 15:04:05-07', '2010-02-04 21:00:57-08', true, 0],
    [ANSIC, 'Thu Feb  4 21:00:57.0 2010', false, 1],
    [UNIX_DATE, 'Thu Feb  4 21:00:57.01 PST 2010', true, 2],
    [RUBY_DATE, 'Thu Feb 04 21:00:57.012 -0800 2010', true, 3],
    [RFC3339, '2010-02-04T21:00:57.012345678-08:00', true, 9],
    [ANSIC, 'Thu      Feb     4     21:00:57     2010', false, 0],
    [ANSIC, 'THU FEB 4 21:00:57 2010', false, 0],
    ['Mon Jan _2 15:04:05,000 2006', 'Thu Feb  4 21:00:57.012 2010', false, 3],
    ['2006.01.02.15.04.05.00', '2010.02.04.21.00.57.01', false, 2],
    [UNIX_DATE, 'Fri Feb  5 05:00:57 GMT-8 2010', true, 0],
    ['2006-01-02 15:04:05.9999 -0700 MST', '2010-02-04 21:00:57 -0800 PST', true, 0],
    ['2006-01-02 15:04:05,999999999 -0700 MST', '2010-02-04 21:00:57.0123 -0800 PST', true, 4],
    ['Jan _2 15:04:05.999', 'Feb  4 21:00:57.012345678', false, 9],
    ['2006-01-02 002 15:04:05', '2010-02-04 035 21:00:57', false, 0],
    ['2006-002 15:04:05', '2010-035 21:00:57', false, 0],
    ['200600201 15:04:05', '201003502 21:00:57', false, 0],
  ])('%s reads %s', (layout, value, hasTZ, fracDigits) => {
    const t = parse(layout, value, PACIFIC);
    const w = wallClock(t);
    const hasYear = layout.includes('06');
    if (hasYear) expect(w.year).toBe(2010);
    expect([w.month, w.day, w.hour, w.minute, w.second]).toEqual([2, 4, 21, 0, 57]);
    const nanos = Number('012345678'.slice(0, fracDigits).padEnd(9, '0'));
    expect(w.nsec).toBe(nanos);
    if (hasTZ) expect(w.offset).toBe(-28800);
  });

  it('reports Go errors word for word (Go TestParseErrors)', () => {
    expect(parseError(ANSIC, 'Thu Feb  4 21:00:60 2010')).toContain('second out of range');
    expect(parseError(ANSIC, 'Thu Feb  4 21:61:57 2010')).toContain('minute out of range');
    expect(parseError(ANSIC, 'Thu Feb  4 24:00:60 2010')).toContain('hour out of range');
    expect(parseError('Mon Jan _2 15:04:05.000 2006', 'Thu Feb  4 23:00:59.-123 2010')).toContain(
      'fractional second out of range',
    );
    expect(parseError(STAMP_NANO, 'Dec  7 11:22:01.000000')).toContain(
      'cannot parse ".000000" as ".000000000"',
    );
    expect(parseError(STAMP_NANO, 'Dec  7 11:22:01.0000000000')).toContain('extra text: "0"');
    expect(parseError(RFC3339, '2006-01-02T15:04:05Z07:00')).toBe(
      'parsing time "2006-01-02T15:04:05Z07:00": extra text: "07:00"',
    );
    expect(parseError(RFC3339, '2006-01-02T15:04_abc')).toBe(
      'parsing time "2006-01-02T15:04_abc" as "2006-01-02T15:04:05Z07:00": cannot parse "_abc" as ":"',
    );
    expect(parseError(RFC3339, '2006-01-02T15:04:05_abc')).toBe(
      'parsing time "2006-01-02T15:04:05_abc" as "2006-01-02T15:04:05Z07:00": cannot parse "_abc" as "Z07:00"',
    );
    expect(parseError('_2 Jan 06 15:04 MST', '4 --- 00 00:00 GMT')).toContain('cannot parse');
    expect(parseError('Jan _2 002 2006', 'Feb  4 034 2006')).toContain(
      'day-of-year does not match day',
    );
    expect(parseError('Jan _2 002 2006', 'Feb  4 004 2006')).toContain(
      'day-of-year does not match month',
    );
    expect(parseError('2006-01-02', 'nope')).toBe(
      'parsing time "nope" as "2006-01-02": cannot parse "nope" as "2006"',
    );
    expect(parseError('01 MST', '0 MST')).toContain('cannot parse "0 MST" as "01"');
  });

  it.each([
    ['Thu Jan 31 21:00:57 2010', true],
    ['Thu Jan 32 21:00:57 2010', false],
    ['Thu Feb 29 21:00:57 2012', true],
    ['Thu Feb 29 21:00:57 2010', false],
    ['Thu Apr 31 21:00:57 2010', false],
    ['Thu Dec 00 21:00:57 2010', false],
  ])('checks the day of the month: %s (Go TestParseDayOutOfRange)', (value, ok) => {
    const result = parseLayout(ANSIC, value, UTC);
    expect(result.ok).toBe(ok);
    if (!result.ok) expect(result.error).toContain('day out of range');
  });

  it('reads every day of the year 2020 (Go TestParseYday) and months in range', () => {
    for (let i = 1; i <= 365; i++) {
      const w = wallClock(parse('2006-002', `2020-${String(i).padStart(3, '0')}`));
      expect([w.year, w.yday]).toEqual([2020, i]);
    }
    expect(parseError('01-02', '13-01')).toContain('month out of range');
    expect(parseError('01-02', '00-01')).toContain('month out of range');
  });

  it('takes offsets with minutes and seconds, and _2006 as a literal underscore', () => {
    expect(wallClock(parse(RUBY_DATE, 'Mon Jan 02 15:04:05 +0123 2006')).offset).toBe(83 * 60);
    const t = parse('2006-01-02T15:04:05-07:00:00', '1871-01-01T05:33:02-00:34:08');
    expect(wallClock(t).offset).toBe(-(34 * 60 + 8));
    expect(wallClock(parse('2006-01-02T15:04:05Z07', '1871-01-01T05:33:02-02')).offset).toBe(-7200);
    const w = wallClock(parse('15:04_20060102', '14:38_20150618'));
    expect([w.year, w.month, w.day, w.hour, w.minute]).toEqual([2015, 6, 18, 14, 38]);
  });

  it('defaults what the layout leaves out: year 0, January 1, the given location', () => {
    const w = wallClock(parse('3:04pm', '3:04pm'));
    expect([w.year, w.month, w.day, w.hour, w.minute]).toEqual([0, 1, 1, 15, 4]);
    expect(parse('2006-01-02 15:04', '2024-12-29 14:30', PACIFIC).loc).toBe(PACIFIC);
  });

  it('makes an unknown abbreviation a zone of offset 0, as Go documents', () => {
    const t = parse('2006-01-02 15:04:05 MST', '2024-12-29 14:30:00 EST', UTC);
    expect(wallClock(t)).toMatchObject({ hour: 14, offset: 0, zoneName: 'EST' });
    const ny = location('America/New_York');
    const inNy = parse('2006-01-02 15:04:05 MST', '2024-12-29 14:30:00 EST', ny);
    expect(wallClock(inNy)).toMatchObject({ hour: 14, offset: -18000, zoneName: 'EST' });
  });

  it.each([
    ['GMT hi there', 3],
    ['GMT+12 hi there', 6],
    ['GMT+', 3],
    ['GMT+3a', 5],
    ['GMT-51 hi there', 3],
    ['ChST hi there', 4],
    ['MSDx', 3],
    ['MSDY', 0],
    ['ESAST hi', 5],
    ['ESASTT hi', 0],
    ['WITA hi', 4],
    ['+03 hi', 3],
    ['-24', 0],
    ['+23', 3],
  ])('finds a zone abbreviation in %j (Go TestParseTimeZone)', (value, length) => {
    expect(parseTimeZone(value)).toBe(length);
  });
});
