/**
 * Go's number parsing as go-lua's `tonumber` uses it: `strconv.ParseInt` in a given base (with
 * base 0's prefixes and underscores) and `strconv.ParseFloat`. go-lua's `parseNumber` (string
 * arithmetic, `%d` of a string, `math.tointeger`) is the engine's: platform-numbers.ts.
 */

const INT64_MIN = -(2n ** 63n);

/** Go `strconv.ParseInt(s, base, 64)`; null on any error (syntax or range). */
export function goParseInt(s: string, base: number): bigint | null {
  let rest = s;
  let negative = false;
  if (rest[0] === '+' || rest[0] === '-') {
    negative = rest[0] === '-';
    rest = rest.slice(1);
  }
  if (rest === '') return null;
  let underscores = false;
  if (base === 0) {
    base = 10;
    underscores = true;
    if (rest[0] === '0') {
      const prefix = rest.length >= 3 ? rest[1].toLowerCase() : '';
      base = prefix === 'b' ? 2 : prefix === 'o' ? 8 : prefix === 'x' ? 16 : 8;
      rest = rest.slice(prefix === 'b' || prefix === 'o' || prefix === 'x' ? 2 : 1);
      if (rest === '' && base !== 8) return null;
    }
  } else if (base < 2 || base > 36) return null;
  if (underscores && !goUnderscoresOk(s)) return null;
  let n = 0n;
  const big = BigInt(base);
  for (const c of rest) {
    if (c === '_' && underscores) continue;
    const d = parseInt(c, 36);
    if (Number.isNaN(d) || d >= base) return null;
    n = n * big + BigInt(d);
    if (n > 2n ** 63n) return null;
  }
  if (negative) n = -n;
  return n >= INT64_MIN && n < 2n ** 63n ? n : null;
}

/** Go's `underscoreOK`: underscores only between digits, or after a base prefix. */
function goUnderscoresOk(text: string): boolean {
  const s = text.replace(/^[+-]/, '');
  let saw = '^';
  let i = 0;
  let hex = false;
  if (s.length >= 2 && s[0] === '0' && /[bBoOxX]/.test(s[1])) {
    i = 2;
    saw = '0';
    hex = s[1] === 'x' || s[1] === 'X';
  }
  for (; i < s.length; i++) {
    if (/[0-9]/.test(s[i]) || (hex && /[a-fA-F]/.test(s[i]))) {
      saw = '0';
      continue;
    }
    if (s[i] === '_') {
      if (saw !== '0') return false;
      saw = '_';
      continue;
    }
    if (saw === '_') return false;
    saw = '!';
  }
  return saw !== '_';
}

/** Go `strconv.ParseFloat(s, 64)`; null on a syntax error or overflow. */
export function goParseFloat(s: string): number | null {
  if (/^[+-]?(inf|infinity)$/i.test(s)) return s[0] === '-' ? -Infinity : Infinity;
  if (/^[+-]?nan$/i.test(s)) return NaN;
  const hex = /^([+-]?)0[xX]([0-9a-fA-F]*)(?:\.([0-9a-fA-F]*))?[pP]([+-]?\d+)$/.exec(s);
  if (hex) {
    const [, sign, whole, frac = '', exp] = hex;
    if (whole === '' && frac === '') return null;
    const mantissa = parseInt(whole + frac || '0', 16);
    const value = mantissa * 2 ** (Number(exp) - 4 * frac.length);
    if (!Number.isFinite(value)) return null;
    return sign === '-' ? -value : value;
  }
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(s)) return null;
  const value = Number(s);
  return Number.isFinite(value) ? value : null;
}
