/**
 * The formatting half of Go's `fmt` package (`fmt/format.go`, the `fmt` struct): flags,
 * width and precision, and how integers, floats, strings, runes and booleans are written
 * under them. Text is a "byte string" (one char per byte, 0-255), as Lua strings are bytes;
 * widths and string precisions count UTF-8 runes, as Go does.
 */
import {
  canBackquote,
  encodeRune,
  goQuote,
  isPrintable,
  quoteRune,
  runeCount,
  runeLength,
} from './go-quote.ts';
import { lprintf } from './lprintf.ts';
import { goShortestG } from './number-text.ts';

export class GoFmtState {
  out = '';
  minus = false;
  plus = false;
  sharp = false;
  space = false;
  zero = false;
  /** `%+v` and `%#v` (set by the `v` verb from `+` and `#`). */
  plusV = false;
  sharpV = false;
  wid = 0;
  widPresent = false;
  prec = 0;
  precPresent = false;

  clearFlags(): void {
    this.minus = this.plus = this.sharp = this.space = this.zero = false;
    this.plusV = this.sharpV = false;
    this.wid = this.prec = 0;
    this.widPresent = this.precPresent = false;
  }

  /** `f.Flag(c)` as a Formatter sees it (`#` and `+` include their `v` forms). */
  flag(c: string): boolean {
    switch (c) {
      case '-':
        return this.minus;
      case '+':
        return this.plus || this.plusV;
      case '#':
        return this.sharp || this.sharpV;
      case ' ':
        return this.space;
      default:
        return this.zero;
    }
  }

  writePadding(n: number): void {
    if (n > 0) this.out += (this.zero && !this.minus ? '0' : ' ').repeat(n);
  }

  /** `f.pad`: pad to the width, counted in runes. */
  pad(s: string): void {
    if (!this.widPresent || this.wid === 0) {
      this.out += s;
      return;
    }
    const width = this.wid - runeCount(s);
    if (!this.minus) {
      this.writePadding(width);
      this.out += s;
    } else {
      this.out += s;
      this.writePadding(width);
    }
  }

  /** `fmtBoolean`. */
  fmtBoolean(v: boolean): void {
    this.pad(v ? 'true' : 'false');
  }

  /** `fmtInteger`: `value` is the int64 (number or bigint); negative values print a sign. */
  fmtInteger(value: number | bigint, base: number, verb: string, upper: boolean): void {
    const negative = value < 0;
    const magnitude = typeof value === 'bigint' ? (negative ? -value : value) : Math.abs(value);
    let digits = magnitude.toString(base);
    if (upper) digits = digits.toUpperCase();
    let prec = 0;
    if (this.precPresent) {
      prec = this.prec;
      if (prec === 0 && Number(value) === 0) {
        const oldZero = this.zero;
        this.zero = false;
        this.writePadding(this.wid);
        this.zero = oldZero;
        return;
      }
    } else if (this.zero && !this.minus && this.widPresent) {
      prec = this.wid;
      if (negative || this.plus || this.space) prec--;
    }
    if (digits.length < prec) digits = '0'.repeat(prec - digits.length) + digits;
    if (this.sharp) {
      if (base === 2) digits = '0b' + digits;
      else if (base === 8 && digits[0] !== '0') digits = '0' + digits;
      else if (base === 16) digits = (upper ? '0X' : '0x') + digits;
    }
    if (verb === 'O') digits = '0o' + digits;
    if (negative) digits = '-' + digits;
    else if (this.plus) digits = '+' + digits;
    else if (this.space) digits = ' ' + digits;
    const oldZero = this.zero;
    this.zero = false;
    this.pad(digits);
    this.zero = oldZero;
  }

  /** `fmtC`: the rune of the integer (U+FFFD beyond Unicode), UTF-8 encoded. */
  fmtC(value: number | bigint): void {
    const n = BigInt.asUintN(64, BigInt(value));
    const rune = n > 0x10ffffn || (n >= 0xd800n && n <= 0xdfffn) ? 0xfffd : Number(n);
    this.pad(encodeRune(rune));
  }

  /** `fmtQc`: the rune quoted as Go writes a rune literal. */
  fmtQc(value: number | bigint): void {
    const n = BigInt.asUintN(64, BigInt(value));
    const rune = n > 0x10ffffn || (n >= 0xd800n && n <= 0xdfffn) ? 0xfffd : Number(n);
    this.pad(`'${rune === 0x27 ? "\\'" : rune === 0x22 ? '"' : quoteRune(rune, this.plus)}'`);
  }

  /** `fmtUnicode`: `U+0041`, with `#` also the rune itself. */
  fmtUnicode(value: number | bigint): void {
    const n = BigInt.asUintN(64, BigInt(value));
    let digits = n.toString(16).toUpperCase();
    const prec = this.precPresent && this.prec > 4 ? this.prec : 4;
    if (digits.length < prec) digits = '0'.repeat(prec - digits.length) + digits;
    let s = 'U+' + digits;
    if (this.sharp && n <= 0x10ffffn && isPrintable(Number(n))) {
      s += ` '${encodeRune(Number(n))}'`;
    }
    const oldZero = this.zero;
    this.zero = false;
    this.pad(s);
    this.zero = oldZero;
  }

  /** `fmtFloat` with strconv's verb (`e E f g G`) and its default precision (-1: shortest). */
  fmtFloat(v: number, verb: string, defaultPrec: number): void {
    const prec = this.precPresent ? this.prec : defaultPrec;
    let num = strconvFloat(v, verb, prec);
    if (num[0] !== '-' && num[0] !== '+') num = '+' + num;
    if (this.space && num[0] === '+' && !this.plus) num = ' ' + num.slice(1);
    if (num[1] === 'I' || num[1] === 'N') {
      const oldZero = this.zero;
      this.zero = false;
      if (num[1] === 'N' && !this.space && !this.plus) num = num.slice(1);
      this.pad(num);
      this.zero = oldZero;
      return;
    }
    if (this.sharp && !num.includes('.')) {
      // `#`: always a decimal point (trailing zeros of %g are not restored: rarely used).
      const e = num.search(/[eE]/);
      num = e < 0 ? num + '.' : num.slice(0, e) + '.' + num.slice(e);
    }
    if (this.plus || num[0] !== '+') {
      if (this.zero && !this.minus && this.widPresent && this.wid > num.length) {
        this.out += num[0];
        this.writePadding(this.wid - num.length);
        this.out += num.slice(1);
        return;
      }
      this.pad(num);
      return;
    }
    this.pad(num.slice(1));
  }

  /** `truncateString`: at most `prec` runes. */
  truncate(s: string): string {
    if (!this.precPresent) return s;
    let runes = 0;
    for (let i = 0; i < s.length;) {
      if (runes === this.prec) return s.slice(0, i);
      i += runeLength(s, i);
      runes++;
    }
    return s;
  }

  /** `fmtS`. */
  fmtS(s: string): void {
    this.pad(this.truncate(s));
  }

  /** `fmtSbx`: hex of the bytes; `#` adds 0x, a space separates bytes. */
  fmtSx(s: string, upper: boolean): void {
    let length = s.length;
    if (this.precPresent && this.prec < length) length = this.prec;
    let width = 2 * length;
    if (width <= 0) {
      if (this.widPresent) this.writePadding(this.wid);
      return;
    }
    if (this.space) {
      if (this.sharp) width *= 2;
      width += length - 1;
    } else if (this.sharp) width += 2;
    if (this.widPresent && this.wid > width && !this.minus) this.writePadding(this.wid - width);
    const prefix = upper ? '0X' : '0x';
    let hex = this.sharp ? prefix : '';
    for (let i = 0; i < length; i++) {
      if (this.space && i > 0) hex += this.sharp ? ' ' + prefix : ' ';
      const byte = s.charCodeAt(i).toString(16).padStart(2, '0');
      hex += upper ? byte.toUpperCase() : byte;
    }
    this.out += hex;
    if (this.widPresent && this.wid > width && this.minus) this.writePadding(this.wid - width);
  }

  /** `fmtQ`: a Go double-quoted string (backquoted with `#` where possible). */
  fmtQ(s: string): void {
    s = this.truncate(s);
    if (this.sharp && canBackquote(s)) {
      this.pad('`' + s + '`');
      return;
    }
    this.pad(goQuote(s, this.plus));
  }
}

const specs = new Map<string, InstanceType<typeof lprintf.FormatSpec>>();

/** The engine's conversion spec for a precision and verb, made once. */
function specOf(prec: number, verb: string): InstanceType<typeof lprintf.FormatSpec> {
  const key = verb + prec;
  let spec = specs.get(key);
  if (spec === undefined) {
    spec = new lprintf.FormatSpec('', -1, prec, verb);
    specs.set(key, spec);
  }
  return spec;
}

/** strconv.AppendFloat for the verbs fmt uses; prec -1 is the shortest form. */
function strconvFloat(v: number, verb: string, prec: number): string {
  if (Number.isNaN(v)) return 'NaN';
  if (!Number.isFinite(v)) return v > 0 ? '+Inf' : '-Inf';
  const lower = verb.toLowerCase();
  const upper = verb !== lower;
  const negative = v < 0 || Object.is(v, -0);
  const ax = Math.abs(v);
  let body: string;
  if (prec < 0 && lower === 'g') body = goShortestG(ax);
  else if (prec < 0) body = shortestFixedOrExp(ax, lower);
  else body = lprintf.format_float(specOf(prec, lower), ax);
  if (upper) body = body.toUpperCase();
  return (negative ? '-' : '') + body;
}

/** %e and %f with the shortest precision (only reached through `%.` with `*` < 0). */
function shortestFixedOrExp(ax: number, verb: string): string {
  if (verb === 'e') {
    const [m, e] = ax.toExponential().split('e');
    const exp = Number(e);
    return `${m}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
  }
  return ax.toFixed(Math.min(100, Math.max(0, -Math.floor(Math.log10(ax || 1)) + 17)));
}
