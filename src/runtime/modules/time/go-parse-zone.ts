/**
 * The zone elements of Go's `time.Parse` (format.go): numeric offsets in their five forms,
 * abbreviations ("MST", "GMT+3", "ChST"), and Go's `Location.lookupName`.
 */
import { bad, getnum, leadingDigits } from './go-parse-scan.ts';
import { Std } from './go-layout.ts';
import type { Location } from './zones.ts';

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

/** A numeric zone offset in one of Go's forms; returns offset, rest and any range error. */
export function parseOffset(std: Std, value: string, rangeErr: string): [number, string, string] {
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
export function lookupName(loc: Location, name: string, unixSec: number): number | null {
  const zones = loc.zonesAround(unixSec).filter((zone) => zone.name === name);
  for (const zone of zones) {
    const then = loc.lookup(unixSec - zone.offset);
    if (then.name === name) return then.offset;
  }
  return zones.length > 0 ? zones[0].offset : null;
}
