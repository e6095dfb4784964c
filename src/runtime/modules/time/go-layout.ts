/**
 * Go's layout strings (`time.Format`): the reference time `Mon Jan 2 15:04:05 MST 2006`
 * written the way the output should look. `nextStdChunk` is Go's tokenizer, element for
 * element (format.go), so that every quirk carries over: "Jan" but not "Janet", `_2` and
 * `__2`, `.000` and `,999` fractions, `Z07:00` printing "Z" for UTC, and text that is not an
 * element echoed verbatim.
 */
import type { WallClock } from './instant.ts';

export enum Std {
  None = 0,
  LongMonth, // "January"
  Month, // "Jan"
  NumMonth, // "1"
  ZeroMonth, // "01"
  LongWeekDay, // "Monday"
  WeekDay, // "Mon"
  Day, // "2"
  UnderDay, // "_2"
  ZeroDay, // "02"
  UnderYearDay, // "__2"
  ZeroYearDay, // "002"
  Hour, // "15"
  Hour12, // "3"
  ZeroHour12, // "03"
  Minute, // "4"
  ZeroMinute, // "04"
  Second, // "5"
  ZeroSecond, // "05"
  LongYear, // "2006"
  Year, // "06"
  PM, // "PM"
  pm, // "pm"
  TZ, // "MST"
  ISO8601TZ, // "Z0700"
  ISO8601SecondsTZ, // "Z070000"
  ISO8601ShortTZ, // "Z07"
  ISO8601ColonTZ, // "Z07:00"
  ISO8601ColonSecondsTZ, // "Z07:00:00"
  NumTZ, // "-0700"
  NumSecondsTz, // "-070000"
  NumShortTZ, // "-07"
  NumColonTZ, // "-07:00"
  NumColonSecondsTZ, // "-07:00:00"
  FracSecond0, // ".0", ".00", ... trailing zeros kept
  FracSecond9, // ".9", ".99", ... trailing zeros dropped
}

export interface Chunk {
  prefix: string;
  std: Std;
  /** Digits of a fractional second, and its separator. */
  digits: number;
  separator: '.' | ',';
  /** The element as written in the layout. */
  text: string;
  suffix: string;
}

const STD_0X = [
  Std.ZeroMonth,
  Std.ZeroDay,
  Std.ZeroHour12,
  Std.ZeroMinute,
  Std.ZeroSecond,
  Std.Year,
];

const startsWithLowerCase = (s: string) => s.length > 0 && s[0] >= 'a' && s[0] <= 'z';
const isDigitAt = (s: string, i: number) => i < s.length && s[i] >= '0' && s[i] <= '9';

/** The first element of `layout`: the text before it, the element, the text after. */
export function nextStdChunk(layout: string): Chunk {
  const at = (i: number, std: Std, len: number, prefixEnd = i): Chunk => ({
    prefix: layout.slice(0, prefixEnd),
    std,
    digits: 0,
    separator: '.',
    text: layout.slice(prefixEnd, i + len),
    suffix: layout.slice(i + len),
  });
  const has = (i: number, s: string) => layout.startsWith(s, i);
  for (let i = 0; i < layout.length; i++) {
    switch (layout[i]) {
      case 'J':
        if (has(i, 'Jan')) {
          if (has(i, 'January')) return at(i, Std.LongMonth, 7);
          if (!startsWithLowerCase(layout.slice(i + 3))) return at(i, Std.Month, 3);
        }
        break;
      case 'M':
        if (has(i, 'Mon')) {
          if (has(i, 'Monday')) return at(i, Std.LongWeekDay, 6);
          if (!startsWithLowerCase(layout.slice(i + 3))) return at(i, Std.WeekDay, 3);
        }
        if (has(i, 'MST')) return at(i, Std.TZ, 3);
        break;
      case '0':
        if (i + 1 < layout.length && layout[i + 1] >= '1' && layout[i + 1] <= '6') {
          return at(i, STD_0X[layout.charCodeAt(i + 1) - 49], 2);
        }
        if (has(i, '002')) return at(i, Std.ZeroYearDay, 3);
        break;
      case '1':
        if (has(i, '15')) return at(i, Std.Hour, 2);
        return at(i, Std.NumMonth, 1);
      case '2':
        if (has(i, '2006')) return at(i, Std.LongYear, 4);
        return at(i, Std.Day, 1);
      case '_':
        if (has(i, '_2')) {
          // "_2006" is a literal underscore, then the year.
          if (has(i + 1, '2006')) return at(i + 1, Std.LongYear, 4);
          return at(i, Std.UnderDay, 2);
        }
        if (has(i, '__2')) return at(i, Std.UnderYearDay, 3);
        break;
      case '3':
        return at(i, Std.Hour12, 1);
      case '4':
        return at(i, Std.Minute, 1);
      case '5':
        return at(i, Std.Second, 1);
      case 'P':
        if (has(i, 'PM')) return at(i, Std.PM, 2);
        break;
      case 'p':
        if (has(i, 'pm')) return at(i, Std.pm, 2);
        break;
      case '-':
        if (has(i, '-070000')) return at(i, Std.NumSecondsTz, 7);
        if (has(i, '-07:00:00')) return at(i, Std.NumColonSecondsTZ, 9);
        if (has(i, '-0700')) return at(i, Std.NumTZ, 5);
        if (has(i, '-07:00')) return at(i, Std.NumColonTZ, 6);
        if (has(i, '-07')) return at(i, Std.NumShortTZ, 3);
        break;
      case 'Z':
        if (has(i, 'Z070000')) return at(i, Std.ISO8601SecondsTZ, 7);
        if (has(i, 'Z07:00:00')) return at(i, Std.ISO8601ColonSecondsTZ, 9);
        if (has(i, 'Z0700')) return at(i, Std.ISO8601TZ, 5);
        if (has(i, 'Z07:00')) return at(i, Std.ISO8601ColonTZ, 6);
        if (has(i, 'Z07')) return at(i, Std.ISO8601ShortTZ, 3);
        break;
      case '.':
      case ',':
        if (i + 1 < layout.length && (layout[i + 1] === '0' || layout[i + 1] === '9')) {
          const ch = layout[i + 1];
          let j = i + 1;
          while (j < layout.length && layout[j] === ch) j++;
          // Only a run of digits that ends here is a fractional second.
          if (!isDigitAt(layout, j)) {
            const chunk = at(i, ch === '9' ? Std.FracSecond9 : Std.FracSecond0, j - i);
            return { ...chunk, digits: j - (i + 1), separator: layout[i] as '.' | ',' };
          }
        }
        break;
    }
  }
  return { prefix: layout, std: Std.None, digits: 0, separator: '.', text: '', suffix: '' };
}

export const LONG_DAY_NAMES = [
  'Sunday',
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
];
export const LONG_MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** Go's `appendInt`: a sign, then the digits zero-padded to `width`. */
export function padInt(x: number, width: number): string {
  const digits = String(Math.abs(x)).padStart(width, '0');
  return x < 0 ? `-${digits}` : digits;
}

/** Go's `appendNano`. */
function fraction(nsec: number, chunk: Chunk): string {
  const trim = chunk.std === Std.FracSecond9;
  if (trim && (chunk.digits === 0 || nsec === 0)) return '';
  let digits = padInt(nsec, 9);
  if (chunk.digits < 9) digits = digits.slice(0, chunk.digits);
  if (trim) digits = digits.replace(/0+$/, '');
  return digits === '' ? '' : chunk.separator + digits;
}

const Z_FORMS = new Set([
  Std.ISO8601TZ,
  Std.ISO8601ColonTZ,
  Std.ISO8601SecondsTZ,
  Std.ISO8601ShortTZ,
  Std.ISO8601ColonSecondsTZ,
]);
const COLON_FORMS = new Set([
  Std.ISO8601ColonTZ,
  Std.NumColonTZ,
  Std.ISO8601ColonSecondsTZ,
  Std.NumColonSecondsTZ,
]);
const SECONDS_FORMS = new Set([
  Std.ISO8601SecondsTZ,
  Std.NumSecondsTz,
  Std.NumColonSecondsTZ,
  Std.ISO8601ColonSecondsTZ,
]);

function numericZone(std: Std, offset: number): string {
  if (offset === 0 && Z_FORMS.has(std)) return 'Z';
  let zone = Math.trunc(offset / 60);
  const abs = Math.abs(offset);
  let out = zone < 0 ? '-' : '+';
  zone = Math.abs(zone);
  out += padInt(Math.trunc(zone / 60), 2);
  if (COLON_FORMS.has(std)) out += ':';
  if (std !== Std.NumShortTZ && std !== Std.ISO8601ShortTZ) out += padInt(zone % 60, 2);
  if (SECONDS_FORMS.has(std)) {
    if (std === Std.NumColonSecondsTZ || std === Std.ISO8601ColonSecondsTZ) out += ':';
    out += padInt(abs % 60, 2);
  }
  return out;
}

/** Go's `t.Format(layout)` over the wall clock of a time. */
export function formatLayout(w: WallClock, layout: string): string {
  let out = '';
  while (layout !== '') {
    const chunk = nextStdChunk(layout);
    out += chunk.prefix;
    if (chunk.std === Std.None) break;
    layout = chunk.suffix;
    out += element(w, chunk);
  }
  return out;
}

function element(w: WallClock, chunk: Chunk): string {
  const hour12 = w.hour % 12 === 0 ? 12 : w.hour % 12;
  switch (chunk.std) {
    case Std.Year:
      return padInt(Math.abs(w.year) % 100, 2);
    case Std.LongYear:
      return padInt(w.year, 4);
    case Std.Month:
      return LONG_MONTH_NAMES[w.month - 1].slice(0, 3);
    case Std.LongMonth:
      return LONG_MONTH_NAMES[w.month - 1];
    case Std.NumMonth:
      return String(w.month);
    case Std.ZeroMonth:
      return padInt(w.month, 2);
    case Std.WeekDay:
      return LONG_DAY_NAMES[w.weekday].slice(0, 3);
    case Std.LongWeekDay:
      return LONG_DAY_NAMES[w.weekday];
    case Std.Day:
      return String(w.day);
    case Std.UnderDay:
      return (w.day < 10 ? ' ' : '') + String(w.day);
    case Std.ZeroDay:
      return padInt(w.day, 2);
    case Std.UnderYearDay:
      return String(w.yday).padStart(3, ' ');
    case Std.ZeroYearDay:
      return padInt(w.yday, 3);
    case Std.Hour:
      return padInt(w.hour, 2);
    case Std.Hour12:
      return String(hour12);
    case Std.ZeroHour12:
      return padInt(hour12, 2);
    case Std.Minute:
      return String(w.minute);
    case Std.ZeroMinute:
      return padInt(w.minute, 2);
    case Std.Second:
      return String(w.second);
    case Std.ZeroSecond:
      return padInt(w.second, 2);
    case Std.PM:
      return w.hour >= 12 ? 'PM' : 'AM';
    case Std.pm:
      return w.hour >= 12 ? 'pm' : 'am';
    case Std.TZ:
      if (w.zoneName !== '') return w.zoneName;
      // No zone name known: Go prints the -0700 form.
      return numericZone(Std.NumTZ, w.offset);
    case Std.FracSecond0:
    case Std.FracSecond9:
      return fraction(w.nsec, chunk);
    default:
      return numericZone(chunk.std, w.offset);
  }
}
