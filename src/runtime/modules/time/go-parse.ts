/**
 * Go's `time.ParseInLocation(layout, value, loc)`, element for element (format.go `parse`):
 * the same acceptance rules, defaults (a missing year is 0, a missing day is 1), range checks
 * and error messages ("parsing time "x" as "2006-01-02": cannot parse "x" as "2006"").
 * Zone handling as Go: an offset that the location uses at that instant selects the location,
 * another offset makes a fixed zone; an abbreviation is looked up in the location, and an
 * unknown one becomes a zone of that name at offset 0 (Go's documented behaviour).
 */
import { daysIn, isLeap, daysFromCivil } from './civil.ts';
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

class Bad extends Error {}
const bad = new Bad();

const isDigit = (s: string, i: number) => i < s.length && s[i] >= '0' && s[i] <= '9';
const commaOrPeriod = (c: string | undefined) => c === '.' || c === ',';

/** Go's case-insensitive table lookup: index and rest, or `bad`. */
function lookup(table: string[], value: string): [number, string] {
  for (let i = 0; i < table.length; i++) {
    const v = table[i];
    if (value.length >= v.length && value.slice(0, v.length).toLowerCase() === v.toLowerCase()) {
      return [i, value.slice(v.length)];
    }
  }
  throw bad;
}

/** One or two digits (`fixed`: exactly two). */
function getnum(s: string, fixed: boolean): [number, string] {
  if (!isDigit(s, 0)) throw bad;
  if (!isDigit(s, 1)) {
    if (fixed) throw bad;
    return [s.charCodeAt(0) - 48, s.slice(1)];
  }
  return [(s.charCodeAt(0) - 48) * 10 + (s.charCodeAt(1) - 48), s.slice(2)];
}

function getnum3(s: string, fixed: boolean): [number, string] {
  let n = 0;
  let i = 0;
  for (; i < 3 && isDigit(s, i); i++) n = n * 10 + (s.charCodeAt(i) - 48);
  if (i === 0 || (fixed && i !== 3)) throw bad;
  return [n, s.slice(i)];
}

/** Go's `atoi`: an optional sign and digits, nothing else. */
function atoi(s: string): number {
  const m = /^([+-]?)(\d+)$/.exec(s);
  if (!m) throw bad;
  const n = Number(m[2]);
  return m[1] === '-' ? -n : n;
}

/** Go's `skip`: the literal prefix, with runs of spaces matching runs of spaces. */
function skip(value: string, prefix: string): string {
  while (prefix.length > 0) {
    if (prefix[0] === ' ') {
      if (value.length > 0 && value[0] !== ' ') throw bad;
      prefix = prefix.replace(/^ +/, '');
      value = value.replace(/^ +/, '');
      continue;
    }
    if (value.length === 0 || value[0] !== prefix[0]) throw bad;
    prefix = prefix.slice(1);
    value = value.slice(1);
  }
  return value;
}

/**
 * Go's `parseNanoseconds`: `value` starts with the separator; `nbytes` includes it. A sign
 * after the separator reads as a negative number, which the caller reports as out of range.
 */
function parseNanoseconds(value: string, nbytes: number): number {
  if (!commaOrPeriod(value[0])) throw bad;
  if (nbytes > 10) nbytes = 10;
  const ns = atoi(value.slice(1, nbytes));
  return ns * 10 ** (10 - nbytes);
}

function leadingDigits(s: string): number {
  let i = 0;
  while (isDigit(s, i)) i++;
  return i;
}

/** Go's `parseSignedOffset`: "+03", "-4"; 0 when it is not one (range -23..+23). */
function parseSignedOffset(value: string): number {
  if (value[0] !== '-' && value[0] !== '+') return 0;
  const n = leadingDigits(value.slice(1));
  if (n === 0 || Number(value.slice(1, 1 + n)) > 23) return 0;
  return 1 + n;
}

/** Go's `parseTimeZone`: the length of a zone abbreviation at the start, or 0. */
export function parseTimeZone(value: string): number {
  if (value.length < 3) return 0;
  if (value.startsWith('ChST') || value.startsWith('MeST')) return 4;
  if (value.startsWith('GMT'))
    return value.length === 3 ? 3 : 3 + parseSignedOffset(value.slice(3));
  if (value[0] === '+' || value[0] === '-') return parseSignedOffset(value);
  let upper = 0;
  while (upper < 6 && upper < value.length && value[upper] >= 'A' && value[upper] <= 'Z') upper++;
  switch (upper) {
    case 3:
      return 3;
    case 4:
      return value[3] === 'T' || value.startsWith('WITA') ? 4 : 0;
    case 5:
      return value[4] === 'T' ? 5 : 0;
    default:
      return 0;
  }
}

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

/** A numeric zone offset in one of Go's forms; returns offset, rest and any range error. */
function parseOffset(std: Std, value: string, rangeErr: string): [number, string, string] {
  let sign: string;
  let hh: string;
  let mm = '00';
  let ss = '00';
  if (std === Std.ISO8601ColonTZ || std === Std.NumColonTZ) {
    if (value.length < 6 || value[3] !== ':') throw bad;
    [sign, hh, mm, value] = [value[0], value.slice(1, 3), value.slice(4, 6), value.slice(6)];
  } else if (std === Std.NumShortTZ || std === Std.ISO8601ShortTZ) {
    if (value.length < 3) throw bad;
    [sign, hh, value] = [value[0], value.slice(1, 3), value.slice(3)];
  } else if (std === Std.ISO8601ColonSecondsTZ || std === Std.NumColonSecondsTZ) {
    if (value.length < 9 || value[3] !== ':' || value[6] !== ':') throw bad;
    [sign, hh, mm, ss, value] = [
      value[0],
      value.slice(1, 3),
      value.slice(4, 6),
      value.slice(7, 9),
      value.slice(9),
    ];
  } else if (std === Std.ISO8601SecondsTZ || std === Std.NumSecondsTz) {
    if (value.length < 7) throw bad;
    [sign, hh, mm, ss, value] = [
      value[0],
      value.slice(1, 3),
      value.slice(3, 5),
      value.slice(5, 7),
      value.slice(7),
    ];
  } else {
    if (value.length < 5) throw bad;
    [sign, hh, mm, value] = [value[0], value.slice(1, 3), value.slice(3, 5), value.slice(5)];
  }
  const [h] = getnum(hh, true);
  const [m] = getnum(mm, true);
  const [s] = getnum(ss, true);
  if (h > 24) rangeErr = 'time zone offset hour';
  if (m > 60) rangeErr = 'time zone offset minute';
  if (s > 60) rangeErr = 'time zone offset second';
  let offset = (h * 60 + m) * 60 + s;
  if (sign === '-') offset = -offset;
  else if (sign !== '+') throw bad;
  return [offset, value, rangeErr];
}

/** Go's `Location.lookupName`: first a zone of that name in effect then, else any of them. */
function lookupName(loc: Location, name: string, unixSec: number): number | null {
  const zones = loc.zonesAround(unixSec).filter((zone) => zone.name === name);
  for (const zone of zones) {
    const then = loc.lookup(unixSec - zone.offset);
    if (then.name === name) return then.offset;
  }
  return zones.length > 0 ? zones[0].offset : null;
}
