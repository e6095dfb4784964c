/**
 * The scanners of Go's `time.Parse` (format.go): digits, names, literal text and fractions.
 * Each returns what it read and the rest of the value, or throws `bad` where Go returns errBad.
 */
/** Go's `errBad`: the element does not match; the caller reports which one. */
export class Bad extends Error {}
export const bad = new Bad();

export const isDigit = (s: string, i: number) => i < s.length && s[i] >= '0' && s[i] <= '9';
export const commaOrPeriod = (c: string | undefined) => c === '.' || c === ',';

/** Go's case-insensitive table lookup: index and rest, or `bad`. */
export function lookup(table: string[], value: string): [number, string] {
  for (let i = 0; i < table.length; i++) {
    const v = table[i];
    if (value.length >= v.length && value.slice(0, v.length).toLowerCase() === v.toLowerCase()) {
      return [i, value.slice(v.length)];
    }
  }
  throw bad;
}

/** One or two digits (`fixed`: exactly two). */
export function getnum(s: string, fixed: boolean): [number, string] {
  if (!isDigit(s, 0)) throw bad;
  if (!isDigit(s, 1)) {
    if (fixed) throw bad;
    return [s.charCodeAt(0) - 48, s.slice(1)];
  }
  return [(s.charCodeAt(0) - 48) * 10 + (s.charCodeAt(1) - 48), s.slice(2)];
}

export function getnum3(s: string, fixed: boolean): [number, string] {
  let n = 0;
  let i = 0;
  for (; i < 3 && isDigit(s, i); i++) n = n * 10 + (s.charCodeAt(i) - 48);
  if (i === 0 || (fixed && i !== 3)) throw bad;
  return [n, s.slice(i)];
}

/** Go's `atoi`: an optional sign and digits, nothing else. */
export function atoi(s: string): number {
  const m = /^([+-]?)(\d+)$/.exec(s);
  if (!m) throw bad;
  const n = Number(m[2]);
  return m[1] === '-' ? -n : n;
}

/** Go's `skip`: the literal prefix, with runs of spaces matching runs of spaces. */
export function skip(value: string, prefix: string): string {
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
export function parseNanoseconds(value: string, nbytes: number): number {
  if (!commaOrPeriod(value[0])) throw bad;
  if (nbytes > 10) nbytes = 10;
  const ns = atoi(value.slice(1, nbytes));
  return ns * 10 ** (10 - nbytes);
}

export function leadingDigits(s: string): number {
  let i = 0;
  while (isDigit(s, i)) i++;
  return i;
}
