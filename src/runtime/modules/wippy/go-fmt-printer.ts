/**
 * The printing half of Go's `fmt` (`fmt/print.go` `printArg`, `handleMethods`,
 * `printValue`, `badVerb`) for the Go types go-lua hands to Sprintf (`value.go`): `LString`
 * and `LNumber` are Formatters (`defaultFormat` re-formats their Go value with the same
 * flags), `LInteger`, `LBool`, `*LNilType`, tables and functions only Stringers (used for
 * `%v %s %x %X %q`), anything else prints Go's `%!verb(type=value)`.
 */
import { GoFmtState } from './go-fmt-state.ts';
import { platformParseNumber } from '../../lua/platform-numbers.ts';

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

export function goTypeOf(arg: GoArg): string {
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

export class Printer extends GoFmtState {
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
      const n = platformParseNumber(s);
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
