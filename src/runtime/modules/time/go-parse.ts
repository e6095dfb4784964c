/**
 * Go's `time.ParseInLocation(layout, value, loc)`, element for element (format.go `parse`):
 * the same acceptance rules, defaults (a missing year is 0, a missing day is 1), range checks
 * and error messages ("parsing time "x" as "2006-01-02": cannot parse "x" as "2006"").
 * Zone handling as Go: an offset that the location uses at that instant selects the location,
 * another offset makes a fixed zone; an abbreviation is looked up in the location, and an
 * unknown one becomes a zone of that name at offset 0 (Go's documented behaviour).
 */
import { daysIn, isLeap, daysFromCivil } from './civil.ts';
import {
  atoi,
  Bad,
  bad,
  commaOrPeriod,
  getnum,
  getnum3,
  isDigit,
  leadingDigits,
  lookup,
  parseNanoseconds,
  skip,
} from './go-parse-scan.ts';
import { lookupName, parseOffset, parseTimeZone } from './go-parse-zone.ts';
import { goQuote } from './go-quote.ts';
import { nextStdChunk, Std, LONG_DAY_NAMES, LONG_MONTH_NAMES } from './go-layout.ts';
import { goDate, type GoTime } from './instant.ts';
import { fixedZone, UTC, type Location } from './zones.ts';

export type ParsedTime =
  | {
      ok: true;
      time: GoTime;
      /** An abbreviation the location does not know, read at a made-up offset (Go's rule). */
      unknownZone?: string;
    }
  | { ok: false; error: string };

const SHORT_DAY_NAMES = LONG_DAY_NAMES.map((n) => n.slice(0, 3));
const SHORT_MONTH_NAMES = LONG_MONTH_NAMES.map((n) => n.slice(0, 3));

export function parseLayout(layout: string, value: string, loc: Location): ParsedTime {
  const fullLayout = layout;
  const fullValue = value;
  const fail = (message: string): ParsedTime => ({
    ok: false,
    error: `parsing time ${goQuote(fullValue)}${message}`,
  });
  const cannot = (layoutElem: string, valueElem: string): ParsedTime => ({
    ok: false,
    error:
      `parsing time ${goQuote(fullValue)} as ${goQuote(fullLayout)}: ` +
      `cannot parse ${goQuote(valueElem)} as ${goQuote(layoutElem)}`,
  });

  let rangeErr = '';
  let amSet = false;
  let pmSet = false;
  let year = 0;
  let month = -1;
  let day = -1;
  let yday = -1;
  let hour = 0;
  let min = 0;
  let sec = 0;
  let nsec = 0;
  let z: Location | null = null;
  let zoneOffset = -1;
  let zoneName = '';

  for (;;) {
    const chunk = nextStdChunk(layout);
    try {
      value = skip(value, chunk.prefix);
    } catch {
      return cannot(chunk.prefix, value);
    }
    if (chunk.std === Std.None) {
      if (value.length !== 0) return fail(`: extra text: ${goQuote(value)}`);
      break;
    }
    layout = chunk.suffix;
    const hold = value;
    try {
      switch (chunk.std) {
        case Std.Year: {
          if (value.length < 2) throw bad;
          const p = value.slice(0, 2);
          value = value.slice(2);
          year = atoi(p);
          year += year >= 69 ? 1900 : 2000;
          break;
        }
        case Std.LongYear:
          if (value.length < 4 || !isDigit(value, 0)) throw bad;
          year = atoi(value.slice(0, 4));
          value = value.slice(4);
          break;
        case Std.Month:
          [month, value] = lookup(SHORT_MONTH_NAMES, value);
          month++;
          break;
        case Std.LongMonth:
          [month, value] = lookup(LONG_MONTH_NAMES, value);
          month++;
          break;
        case Std.NumMonth:
        case Std.ZeroMonth:
          [month, value] = getnum(value, chunk.std === Std.ZeroMonth);
          if (month <= 0 || month > 12) rangeErr = 'month';
          break;
        case Std.WeekDay:
          [, value] = lookup(SHORT_DAY_NAMES, value);
          break;
        case Std.LongWeekDay:
          [, value] = lookup(LONG_DAY_NAMES, value);
          break;
        case Std.Day:
        case Std.UnderDay:
        case Std.ZeroDay:
          if (chunk.std === Std.UnderDay && value[0] === ' ') value = value.slice(1);
          [day, value] = getnum(value, chunk.std === Std.ZeroDay);
          break;
        case Std.UnderYearDay:
        case Std.ZeroYearDay:
          for (let i = 0; i < 2; i++) {
            if (chunk.std === Std.UnderYearDay && value[0] === ' ') value = value.slice(1);
          }
          [yday, value] = getnum3(value, chunk.std === Std.ZeroYearDay);
          break;
        case Std.Hour:
          [hour, value] = getnum(value, false);
          if (hour < 0 || hour >= 24) rangeErr = 'hour';
          break;
        case Std.Hour12:
        case Std.ZeroHour12:
          [hour, value] = getnum(value, chunk.std === Std.ZeroHour12);
          if (hour < 0 || hour > 12) rangeErr = 'hour';
          break;
        case Std.Minute:
        case Std.ZeroMinute:
          [min, value] = getnum(value, chunk.std === Std.ZeroMinute);
          if (min < 0 || min >= 60) rangeErr = 'minute';
          break;
        case Std.Second:
        case Std.ZeroSecond: {
          [sec, value] = getnum(value, chunk.std === Std.ZeroSecond);
          if (sec < 0 || sec >= 60) {
            rangeErr = 'second';
            break;
          }
          // A fractional second in the value that the layout does not announce.
          if (value.length >= 2 && commaOrPeriod(value[0]) && isDigit(value, 1)) {
            const next = nextStdChunk(layout).std;
            if (next === Std.FracSecond0 || next === Std.FracSecond9) break;
            const n = 1 + leadingDigits(value.slice(1));
            nsec = parseNanoseconds(value, n);
            if (nsec < 0) rangeErr = 'fractional second';
            value = value.slice(n);
          }
          break;
        }
        case Std.PM:
        case Std.pm: {
          if (value.length < 2) throw bad;
          const p = value.slice(0, 2);
          value = value.slice(2);
          const [PM, AM] = chunk.std === Std.PM ? ['PM', 'AM'] : ['pm', 'am'];
          if (p === PM) pmSet = true;
          else if (p === AM) amSet = true;
          else throw bad;
          break;
        }
        case Std.ISO8601TZ:
        case Std.ISO8601ShortTZ:
        case Std.ISO8601ColonTZ:
        case Std.ISO8601SecondsTZ:
        case Std.ISO8601ColonSecondsTZ:
          if (value[0] === 'Z') {
            value = value.slice(1);
            z = UTC;
            break;
          }
          [zoneOffset, value, rangeErr] = parseOffset(chunk.std, value, rangeErr);
          break;
        case Std.NumTZ:
        case Std.NumShortTZ:
        case Std.NumColonTZ:
        case Std.NumSecondsTz:
        case Std.NumColonSecondsTZ:
          [zoneOffset, value, rangeErr] = parseOffset(chunk.std, value, rangeErr);
          break;
        case Std.TZ: {
          if (value.startsWith('UTC')) {
            z = UTC;
            value = value.slice(3);
            break;
          }
          const n = parseTimeZone(value);
          if (n === 0) throw bad;
          zoneName = value.slice(0, n);
          value = value.slice(n);
          break;
        }
        case Std.FracSecond0: {
          const ndigit = 1 + chunk.digits;
          if (value.length < ndigit) throw bad;
          nsec = parseNanoseconds(value, ndigit);
          if (nsec < 0) rangeErr = 'fractional second';
          value = value.slice(ndigit);
          break;
        }
        case Std.FracSecond9: {
          if (value.length < 2 || !commaOrPeriod(value[0]) || !isDigit(value, 1)) break;
          const n = 1 + leadingDigits(value.slice(1));
          nsec = parseNanoseconds(value, n);
          value = value.slice(n);
          break;
        }
      }
    } catch (e) {
      if (!(e instanceof Bad)) throw e;
      if (rangeErr) return fail(`: ${rangeErr} out of range`);
      return cannot(chunk.text, hold);
    }
    if (rangeErr) return fail(`: ${rangeErr} out of range`);
  }
  if (pmSet && hour < 12) hour += 12;
  else if (amSet && hour === 12) hour = 0;

  if (yday >= 0) {
    let d = 0;
    let m = 0;
    if (isLeap(year)) {
      if (yday === 31 + 29) {
        m = 2;
        d = 29;
      } else if (yday > 31 + 29) {
        yday--;
      }
    }
    if (yday < 1 || yday > 365) return fail(': day-of-year out of range');
    if (m === 0) {
      // Within a common year: the month whose days-before is below yday.
      const before = (mm: number) => daysFromCivil(2001, mm, 1) - daysFromCivil(2001, 1, 1);
      m = Math.floor((yday - 1) / 31) + 1;
      if (m < 12 && before(m + 1) < yday) m++;
      d = yday - before(m);
    }
    if (month >= 0 && month !== m) return fail(': day-of-year does not match month');
    month = m;
    if (day >= 0 && day !== d) return fail(': day-of-year does not match day');
    day = d;
  } else {
    if (month < 0) month = 1;
    if (day < 0) day = 1;
  }
  if (day < 1 || day > daysIn(month, year)) return fail(': day out of range');

  if (z) return { ok: true, time: goDate(year, month, day, hour, min, sec, nsec, z) };

  if (zoneOffset !== -1) {
    const utc = goDate(year, month, day, hour, min, sec, nsec, UTC);
    const sec0 = utc.sec - zoneOffset;
    const local = loc.lookup(sec0);
    if (local.offset === zoneOffset && (zoneName === '' || local.name === zoneName)) {
      return { ok: true, time: { ...utc, sec: sec0, loc } };
    }
    return { ok: true, time: { ...utc, sec: sec0, loc: fixedZone(zoneName, zoneOffset) } };
  }

  if (zoneName !== '') {
    const utc = goDate(year, month, day, hour, min, sec, nsec, UTC);
    const offset = lookupName(loc, zoneName, utc.sec);
    if (offset !== null) return { ok: true, time: { ...utc, sec: utc.sec - offset, loc } };
    let fake = 0;
    if (zoneName.length > 3 && zoneName.startsWith('GMT')) fake = atoi(zoneName.slice(3)) * 3600;
    return { ok: true, time: { ...utc, loc: fixedZone(zoneName, fake) }, unknownZone: zoneName };
  }
  return { ok: true, time: goDate(year, month, day, hour, min, sec, nsec, loc) };
}
