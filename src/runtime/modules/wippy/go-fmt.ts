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
import { runeLength } from './go-quote.ts';
import { Printer, goTypeOf, type FormatResult, type GoArg } from './go-fmt-printer.ts';

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

export type { FormatResult, FormatTrap, GoArg } from './go-fmt-printer.ts';
