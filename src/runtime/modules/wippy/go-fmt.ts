/**
 * Go's `fmt.Sprintf` (`fmt/print.go` `doPrintf`, `printArg`, `handleMethods`) over Lua values
 * as wippyai/go-lua hands them to it: `string.format` is `fmt.Sprintf(format, args...)` with
 * the raw LValues (`stringlib.go` `strFormat`). What each Lua type does under a verb follows
 * from its Go type (`value.go`): `LString` and `LNumber` are `fmt.Formatter`s that re-format
 * their Go value with the same flags (`defaultFormat`); `LInteger`, `LBool`, `*LNilType`,
 * tables and functions are only `Stringer`s, which Go uses for `%v %s %x %X %q` alone; every
 * other verb sees the underlying int64/bool/pointer, and a verb that does not fit prints
 * Go's `%!f(lua.LInteger=3)`. Pure: text in and out as byte strings (one char per byte).
 */
import { GoFmtState, encodeRune, runeLength } from './go-fmt-state.ts';

/** A Lua value as the Go value go-lua passes to Sprintf. */
export type GoArg =
  | { kind: 'string'; bytes: string }
  | { kind: 'float'; value: number }
  | { kind: 'int'; value: number | bigint }
  | { kind: 'bool'; value: boolean }
  | { kind: 'nil' }
  /** Pointer types with a `String()`: tables, functions, userdata, threads, error values. */
  | { kind: 'ref'; goType: string; text: string; id: string };

/** What a script probably did not mean; format.ts turns each into a warning. */
export type FormatTrap =
  | { kind: 'bad-verb'; verb: string; output: string }
  | { kind: 'hex-of-integer'; verb: string; output: string }
  | { kind: 'missing'; verb: string }
  | { kind: 'truncated-float'; verb: string; value: number };

export interface FormatResult {
  text: string;
  traps: FormatTrap[];
}

const GO_TYPE: Record<Exclude<GoArg['kind'], 'ref'>, string> = {
  string: 'lua.LString',
  float: 'lua.LNumber',
  int: 'lua.LInteger',
  bool: 'lua.LBool',
  nil: '*lua.LNilType',
};

function goTypeOf(arg: GoArg): string {
  return arg.kind === 'ref' ? arg.goType : GO_TYPE[arg.kind];
}

const INT64_MIN = -(2n ** 63n);

/** Go's `int64(f)` on amd64: truncation; NaN and out-of-range values give MinInt64. */
function int64Of(x: number): number | bigint {
  if (!Number.isFinite(x) || x >= 2 ** 63 || x < -(2 ** 63)) return INT64_MIN;
  const t = Math.trunc(x);
  return Number.isSafeInteger(t) ? t : BigInt(t);
}

function isIntegerValue(x: number): boolean {
  return Number.isInteger(x) && x >= -(2 ** 63) && x < 2 ** 63;
}

/** go-lua `LNumber.String()`. */
function floatText(x: number): string {
  if (isIntegerValue(x)) return String(int64Of(x) === 0 ? 0 : int64Of(x));
  return shortest(x);
}

function shortest(x: number): string {
  const p = new GoFmtState();
  p.fmtFloat(x, 'g', -1);
  return p.out;
}

/** go-lua `parseNumber`: Go `ParseInt(s, 0, 64)`, else `ParseFloat`; null when neither. */
export function goParseNumber(text: string): number | null {
  const s = text.replace(/^[ \t\n]+|[ \t\n]+$/g, '');
  const asInt = goParseInt(s, 0);
  if (asInt !== null) return Number(asInt);
  return goParseFloat(s);
}

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

class Printer extends GoFmtState {
  traps: FormatTrap[] = [];
  /** Inside badVerb: methods are not called (Go's `p.erroring`). */
  erroring = false;

  badVerb(verb: string, goType: string, value: () => void): void {
    this.erroring = true;
    this.out += `%!${verb}(${goType}=`;
    value();
    this.out += ')';
    this.erroring = false;
  }

  /** `printArg(arg, verb)`. */
  printArg(arg: GoArg, verb: string): void {
    if (verb === 'T') {
      this.fmtS(goTypeOf(arg));
      return;
    }
    if (verb === 'p') {
      if (arg.kind === 'ref') this.pad(this.sharp ? arg.id : '0x' + arg.id);
      else if (arg.kind === 'nil') this.pad(this.sharp ? 'c000010000' : '0xc000010000');
      else this.badVerb(verb, goTypeOf(arg), () => this.printPlain(arg, 'v'));
      return;
    }
    switch (arg.kind) {
      case 'string':
        this.formatString(arg.bytes, verb);
        return;
      case 'float':
        this.formatFloat(arg.value, verb);
        return;
      default:
        if (!this.erroring && isStringerVerb(verb) && !this.sharpV) {
          const start = this.out.length;
          this.fmtString(this.stringOf(arg), verb);
          if (arg.kind === 'int' && (verb === 'x' || verb === 'X')) {
            this.traps.push({ kind: 'hex-of-integer', verb, output: this.out.slice(start) });
          }
          return;
        }
        this.printPlain(arg, verb);
    }
  }

  stringOf(arg: GoArg): string {
    switch (arg.kind) {
      case 'int':
        return String(arg.value);
      case 'bool':
        return arg.value ? 'true' : 'false';
      case 'nil':
        return 'nil';
      case 'ref':
        return arg.text;
      default:
        return '';
    }
  }

  /** `printValue` of the underlying Go value: no methods. */
  printPlain(arg: GoArg, verb: string): void {
    switch (arg.kind) {
      case 'int':
        this.fmtIntegerVerb(arg.value, verb, 'lua.LInteger');
        return;
      case 'bool':
        if (verb === 't' || verb === 'v') this.fmtBoolean(arg.value);
        else this.badVerb(verb, 'lua.LBool', () => this.fmtBoolean(arg.value));
        return;
      case 'nil':
        this.out += '&{}';
        return;
      case 'string':
        this.fmtS(arg.bytes);
        return;
      case 'float':
        this.fmtFloat(arg.value, 'g', -1);
        return;
      case 'ref':
        // Go prints the struct behind the pointer (addresses and all); the playground
        // cannot reproduce that and names the value instead (docs/platform-differences.md).
        this.out += `%!${verb}(${arg.goType}=${arg.text})`;
    }
  }

  /** print.go `fmtInteger` for a plain int64 (`goType` names it in a bad-verb message). */
  fmtIntegerVerb(value: number | bigint, verb: string, goType: string): void {
    switch (verb) {
      case 'v':
      case 'd':
        this.fmtInteger(value, 10, verb, false);
        return;
      case 'b':
        this.fmtInteger(value, 2, verb, false);
        return;
      case 'o':
      case 'O':
        this.fmtInteger(value, 8, verb, false);
        return;
      case 'x':
        this.fmtInteger(value, 16, verb, false);
        return;
      case 'X':
        this.fmtInteger(value, 16, verb, true);
        return;
      case 'c':
        this.fmtC(value);
        return;
      case 'q':
        this.fmtQc(value);
        return;
      case 'U':
        this.fmtUnicode(value);
        return;
      default: {
        const start = this.out.length;
        this.badVerb(verb, goType, () => this.fmtInteger(value, 10, 'v', false));
        if (goType === 'lua.LInteger') {
          this.traps.push({ kind: 'bad-verb', verb, output: this.out.slice(start) });
        }
      }
    }
  }

  /** print.go `fmtString` for a plain Go string. */
  fmtString(s: string, verb: string): void {
    switch (verb) {
      case 'v':
        if (this.sharpV) this.fmtQ(s);
        else this.fmtS(s);
        return;
      case 's':
        this.fmtS(s);
        return;
      case 'x':
        this.fmtSx(s, false);
        return;
      case 'X':
        this.fmtSx(s, true);
        return;
      case 'q':
        this.fmtQ(s);
        return;
      default:
        this.badVerb(verb, 'string', () => this.fmtS(s));
    }
  }

  /** print.go `fmtFloat` for a plain float64. */
  fmtFloatVerb(x: number, verb: string): void {
    switch (verb) {
      case 'v':
        this.fmtFloat(x, 'g', -1);
        return;
      case 'b':
      case 'g':
      case 'G':
      case 'x':
      case 'X':
        this.fmtFloat(x, verb, -1);
        return;
      case 'f':
      case 'e':
      case 'E':
        this.fmtFloat(x, verb, 6);
        return;
      case 'F':
        this.fmtFloat(x, 'f', 6);
        return;
      default:
        this.badVerb(verb, 'float64', () => this.fmtFloat(x, 'g', -1));
    }
  }

  /** `LString.Format`. */
  formatString(s: string, verb: string): void {
    if (verb === 'd' || verb === 'i') {
      const n = goParseNumber(s);
      if (n !== null) this.formatFloat(n, 'd');
      else this.fmtS(s);
      return;
    }
    this.fmtString(s, verb);
  }

  /** `LNumber.Format`. */
  formatFloat(x: number, verb: string): void {
    switch (verb) {
      case 'q':
      case 's':
        this.fmtString(floatText(x), verb);
        return;
      case 'b':
      case 'c':
      case 'd':
      case 'o':
      case 'x':
      case 'X':
      case 'U':
      case 'i':
        if (!Number.isInteger(x)) this.traps.push({ kind: 'truncated-float', verb, value: x });
        this.fmtIntegerVerb(int64Of(x), verb === 'i' ? 'd' : verb, 'int64');
        return;
      case 'e':
      case 'E':
      case 'f':
      case 'F':
      case 'g':
      case 'G':
        this.fmtFloatVerb(x, verb);
        return;
      default:
        if (isIntegerValue(x)) this.fmtIntegerVerb(int64Of(x), verb, 'int64');
        else this.fmtFloatVerb(x, verb);
    }
  }
}

function isStringerVerb(verb: string): boolean {
  return verb === 'v' || verb === 's' || verb === 'x' || verb === 'X' || verb === 'q';
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** `parsenum`: [value, present, next index]; more than 1e6 is no number at all. */
function parseNum(s: string, start: number): [number, boolean, number] {
  let num = 0;
  let i = start;
  for (; i < s.length && isDigit(s.charCodeAt(i)); i++) {
    if (num > 1e6) return [0, false, s.length];
    num = num * 10 + (s.charCodeAt(i) - 48);
  }
  return [num, i > start, i];
}

/** `intFromArg`: a `*` width or precision from an LInteger argument (any other type fails). */
function intFromArg(args: GoArg[], argNum: number): [number, boolean, number] {
  if (argNum >= args.length) return [0, false, argNum];
  const arg = args[argNum];
  if (arg.kind !== 'int') return [0, false, argNum + 1];
  const n = Number(arg.value);
  if (n > 1e6 || n < -1e6) return [0, false, argNum + 1];
  return [n, true, argNum + 1];
}

/** Go's `fmt.Sprintf(format, args...)`. */
export function goSprintf(format: string, args: GoArg[]): FormatResult {
  const p = new Printer();
  const end = format.length;
  let argNum = 0;
  let afterIndex: boolean;
  let reordered = false;
  let goodArgNum: boolean;

  /** `argNumber`: an explicit `[n]` index. */
  const argNumber = (i: number): number => {
    if (i >= end || format[i] !== '[') return i;
    reordered = true;
    const close = format.indexOf(']', i);
    if (close < 0) {
      goodArgNum = false;
      afterIndex = false;
      return i + 1;
    }
    const [n, ok, next] = parseNum(format, i + 1);
    if (!ok || next !== close) {
      goodArgNum = false;
      afterIndex = false;
      return close + 1;
    }
    // Go keeps `afterIndex` for a well-formed index even when it is out of range.
    afterIndex = true;
    if (n - 1 >= 0 && n - 1 < args.length) argNum = n - 1;
    else goodArgNum = false;
    return close + 1;
  };

  for (let i = 0; i < end;) {
    goodArgNum = true;
    const literalEnd = format.indexOf('%', i);
    if (literalEnd < 0) {
      p.out += format.slice(i);
      break;
    }
    p.out += format.slice(i, literalEnd);
    i = literalEnd + 1;
    p.clearFlags();
    afterIndex = false;
    flags: for (; i < end; i++) {
      switch (format[i]) {
        case '#':
          p.sharp = true;
          break;
        case '0':
          p.zero = !p.minus;
          break;
        case '+':
          p.plus = true;
          break;
        case '-':
          p.minus = true;
          p.zero = false;
          break;
        case ' ':
          p.space = true;
          break;
        default:
          break flags;
      }
    }
    i = argNumber(i);
    if (i < end && format[i] === '*') {
      i++;
      [p.wid, p.widPresent, argNum] = intFromArg(args, argNum);
      if (!p.widPresent) p.out += '%!(BADWIDTH)';
      if (p.wid < 0) {
        p.wid = -p.wid;
        p.minus = true;
        p.zero = false;
      }
      afterIndex = false;
    } else {
      [p.wid, p.widPresent, i] = parseNum(format, i);
      if (afterIndex && p.widPresent) goodArgNum = false;
    }
    if (i + 1 < end && format[i] === '.') {
      i++;
      if (afterIndex) goodArgNum = false;
      i = argNumber(i);
      if (i < end && format[i] === '*') {
        i++;
        [p.prec, p.precPresent, argNum] = intFromArg(args, argNum);
        if (p.prec < 0) {
          p.prec = 0;
          p.precPresent = false;
        }
        if (!p.precPresent) p.out += '%!(BADPREC)';
        afterIndex = false;
      } else {
        [p.prec, p.precPresent, i] = parseNum(format, i);
        if (!p.precPresent) {
          p.prec = 0;
          p.precPresent = true;
        }
      }
    }
    if (!afterIndex) i = argNumber(i);
    if (i >= end) {
      p.out += '%!(NOVERB)';
      break;
    }
    const size = runeLength(format, i);
    const verb = format.slice(i, i + size);
    i += size;
    if (verb === '%') {
      p.out += '%';
    } else if (!goodArgNum) {
      p.out += `%!${verb}(BADINDEX)`;
    } else if (argNum >= args.length) {
      p.out += `%!${verb}(MISSING)`;
      p.traps.push({ kind: 'missing', verb });
    } else {
      if (verb === 'v') {
        p.sharpV = p.sharp;
        p.sharp = false;
        p.plusV = p.plus;
        p.plus = false;
      }
      p.printArg(args[argNum], verb);
      argNum++;
    }
  }

  if (!reordered && argNum < args.length) {
    p.clearFlags();
    p.out += '%!(EXTRA ';
    args.slice(argNum).forEach((arg, k) => {
      if (k > 0) p.out += ', ';
      p.out += goTypeOf(arg) + '=';
      p.printArg(arg, 'v');
    });
    p.out += ')';
  }
  return { text: p.out, traps: p.traps };
}

export { encodeRune };
