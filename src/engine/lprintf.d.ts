/** The C printf of the patched engine (patches/fengari+0.1.5.patch adds src/lprintf.js). */
declare module 'fengari/src/lprintf.js' {
  /** A Lua integer: a number when safe, else a BigInt. */
  type LuaInteger = number | bigint;
  export class FormatSpec {
    /** flags: any of "-+ #0"; width and precision: -1 when absent; conversion: "d", "g", ... */
    constructor(flags: string, width: number, precision: number, conversion: string);
  }
  export function format_integer(spec: FormatSpec, v: LuaInteger): string;
  export function format_float(spec: FormatSpec, x: number): string;
  /** "%.14g", as tostring uses it (without Lua's ".0"). */
  export function number2str(x: number): string;
  export function char_code(v: LuaInteger): number;
}
