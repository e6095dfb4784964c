/**
 * UTF-8 over byte strings and Go's quoting (`strconv.Quote`, `QuoteToASCII`, `IsPrint`,
 * `CanBackquote`), for `%q`, `%c`, `%U` and the rune counts of widths and precisions.
 */

/** Bytes of the UTF-8 sequence starting at `i` of a byte string (1 for an invalid byte). */
export function runeLength(s: string, i: number): number {
  const b = s.charCodeAt(i);
  if (b < 0x80) return 1;
  const n = b >= 0xf0 && b < 0xf8 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
  if (n === 1 || i + n > s.length) return 1;
  for (let k = 1; k < n; k++) if ((s.charCodeAt(i + k) & 0xc0) !== 0x80) return 1;
  return n;
}

export function runeCount(s: string): number {
  let count = 0;
  for (let i = 0; i < s.length; i += runeLength(s, i)) count++;
  return count;
}

/** A code point as UTF-8, in a byte string. */
export function encodeRune(rune: number): string {
  const bytes = new TextEncoder().encode(String.fromCodePoint(rune));
  return String.fromCharCode(...bytes);
}

const PRINTABLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S}]$/u;

/** Go's `strconv.IsPrint`: letters, marks, numbers, punctuation, symbols and ASCII space. */
export function isPrintable(rune: number): boolean {
  if (rune < 0x80) return rune >= 0x20 && rune < 0x7f;
  return PRINTABLE.test(String.fromCodePoint(rune));
}

function hex(n: number, width: number): string {
  return n.toString(16).padStart(width, '0');
}

/** One rune as strconv quotes it (without the quotes); `ascii` escapes everything non-ASCII. */
export function quoteRune(rune: number, ascii: boolean): string {
  switch (rune) {
    case 0x07:
      return '\\a';
    case 0x08:
      return '\\b';
    case 0x0c:
      return '\\f';
    case 0x0a:
      return '\\n';
    case 0x0d:
      return '\\r';
    case 0x09:
      return '\\t';
    case 0x0b:
      return '\\v';
    case 0x5c:
      return '\\\\';
  }
  if (rune < 0x80 ? isPrintable(rune) : !ascii && isPrintable(rune)) return encodeRune(rune);
  if (rune < 0x20 || rune === 0x7f) return `\\x${hex(rune, 2)}`;
  if (rune < 0x10000) return `\\u${hex(rune, 4)}`;
  return `\\U${hex(rune, 8)}`;
}

/** strconv.Quote (QuoteToASCII with `ascii`) of a byte string; invalid bytes as \xHH. */
export function goQuote(s: string, ascii = false): string {
  let out = '"';
  for (let i = 0; i < s.length;) {
    const n = runeLength(s, i);
    const b = s.charCodeAt(i);
    if (n === 1 && b >= 0x80) {
      out += `\\x${hex(b, 2)}`;
      i++;
      continue;
    }
    const rune = n === 1 ? b : decodeRune(s, i, n);
    out += rune === 0x22 ? '\\"' : quoteRune(rune, ascii);
    i += n;
  }
  return out + '"';
}

function decodeRune(s: string, i: number, n: number): number {
  let rune = s.charCodeAt(i) & (0xff >> (n + 1));
  for (let k = 1; k < n; k++) rune = (rune << 6) | (s.charCodeAt(i + k) & 0x3f);
  return rune;
}

export function canBackquote(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const b = s.charCodeAt(i);
    if ((b < 0x20 && b !== 0x09) || b === 0x60 || b === 0x7f) return false;
  }
  return !s.includes('\uFFFD');
}
