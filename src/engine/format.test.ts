/**
 * Boundary cases of every printf conversion of the engine (fengari/src/lprintf.js, added by
 * patches/fengari+0.1.5.patch), compared with Debian's lua5.3: a grid of flags, widths and
 * precisions over integers at ±2^31, ±2^53 and ±2^63 (BigInt beyond 2^53) and floats at the
 * edges of rounding (exact ties, subnormals, the largest double, inf, nan). lua5.3 formats the
 * whole grid in one process; values reach it bit-exact (integers as literals, floats as the
 * bytes of the double).
 */
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import {
  FormatSpec,
  char_code,
  format_float,
  format_integer,
  number2str,
} from 'fengari/src/lprintf.js';

type LuaInteger = number | bigint;

/** A Lua integer as the engine holds it: a number when safe, else a BigInt. */
function luaInteger(v: bigint): LuaInteger {
  return v >= BigInt(Number.MIN_SAFE_INTEGER) && v <= BigInt(Number.MAX_SAFE_INTEGER)
    ? Number(v)
    : v;
}

const INTEGERS: bigint[] = [
  0n,
  1n,
  -1n,
  7n,
  255n,
  -255n,
  4096n,
  2n ** 31n - 1n,
  2n ** 31n,
  -(2n ** 31n),
  -(2n ** 31n) - 1n,
  2n ** 53n - 1n,
  2n ** 53n,
  2n ** 53n + 1n,
  -(2n ** 53n) - 1n,
  2n ** 63n - 1n,
  -(2n ** 63n),
  -(2n ** 63n) + 1n,
];

function doubleFromHex(hex: string): number {
  const view = new DataView(new ArrayBuffer(8));
  view.setBigUint64(0, BigInt('0x' + hex));
  return view.getFloat64(0);
}

function hexOfDouble(x: number): string {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  return view.getBigUint64(0).toString(16).padStart(16, '0');
}

/** A small deterministic generator, so a failure is reproducible. */
function* randomDoubles(count: number, seed: number): Generator<number> {
  let state = BigInt(seed);
  for (let i = 0; i < count; i++) {
    state = (state * 6364136223846793005n + 1442695040888963407n) & 0xffffffffffffffffn;
    // Keep the exponent within ±2^70 or so: printable in full, and where ties happen.
    const bits =
      (state & 0x800fffffffffffffn) | (BigInt(950 + Number((state >> 52n) % 190n)) << 52n);
    yield doubleFromHex(bits.toString(16).padStart(16, '0'));
  }
}

const FLOATS: number[] = [
  0,
  -0,
  0.5,
  1.5,
  2.5,
  -2.5,
  3.5,
  0.125,
  0.375,
  9.5,
  99.5,
  0.05,
  0.1,
  1 / 3,
  2 / 3,
  1e-5,
  1e-4,
  123456.789,
  1234.5678,
  999999.5,
  0.000123456,
  1e15,
  1e16,
  1e21,
  1e22,
  2 ** 53,
  2 ** 63,
  123456789012345,
  1.7976931348623157e308,
  5e-324,
  2.2250738585072014e-308,
  1e-310,
  1e100,
  Infinity,
  -Infinity,
  doubleFromHex('7ff8000000000000'),
  doubleFromHex('fff8000000000000'),
  1.03125,
  1.09375,
  1.96875,
  -0.1,
  1e300,
];

const FLAGS = ['', '-', '+', ' ', '#', '0', '-+', '+0', ' #0'];
const WIDTHS = [-1, 1, 12];
const PRECISIONS = [-1, 0, 1, 3, 17];

interface Item {
  format: string;
  spec: FormatSpec;
  /** the Lua expression of the value */
  luaValue: string;
  ours: () => string;
}

function formatOf(flags: string, width: number, precision: number, conversion: string): string {
  return `%${flags}${width >= 0 ? width : ''}${precision >= 0 ? '.' + precision : ''}${conversion}`;
}

function luaIntegerLiteral(v: bigint): string {
  return v === -(2n ** 63n) ? 'math.mininteger' : `(${v.toString()})`;
}

function items(): Item[] {
  const out: Item[] = [];
  for (const flags of FLAGS)
    for (const width of WIDTHS)
      for (const precision of PRECISIONS) {
        for (const conversion of ['d', 'i', 'u', 'o', 'x', 'X']) {
          const spec = new FormatSpec(flags, width, precision, conversion);
          for (const v of INTEGERS)
            out.push({
              format: formatOf(flags, width, precision, conversion),
              spec,
              luaValue: luaIntegerLiteral(v),
              ours: () => format_integer(spec, luaInteger(v)),
            });
        }
        for (const conversion of ['e', 'E', 'f', 'g', 'G', 'a', 'A']) {
          const spec = new FormatSpec(flags, width, precision, conversion);
          for (const x of FLOATS)
            out.push({
              format: formatOf(flags, width, precision, conversion),
              spec,
              luaValue: `d"${hexOfDouble(x)}"`,
              ours: () => format_float(spec, x),
            });
        }
      }
  // The longest widths and precisions Lua accepts, on the widest values.
  for (const format of ['%.99f', '%99.99e', '%.99g', '%-99.40a', '%099.3f', '%.0f', '%.60g'])
    for (const x of [1.7976931348623157e308, 5e-324, 1 / 3, 2.5, -1e22]) {
      const m = /^%([-+ #0]*)(\d*)(?:\.(\d+))?(\w)$/.exec(format)!;
      const spec = new FormatSpec(m[1], m[2] ? Number(m[2]) : -1, m[3] ? Number(m[3]) : -1, m[4]);
      out.push({
        format,
        spec,
        luaValue: `d"${hexOfDouble(x)}"`,
        ours: () => format_float(spec, x),
      });
    }
  // Random doubles through the conversions where ties and carries hide.
  const random = [...randomDoubles(400, 20261201)];
  for (const format of ['%.14g', '%.17g', '%.3e', '%.10f', '%.0f', '%.1f', '%g', '%a', '%.2a'])
    for (const x of random) {
      const m = /^%(\d*)(?:\.(\d+))?(\w)$/.exec(format)!;
      const spec = new FormatSpec('', m[1] ? Number(m[1]) : -1, m[2] ? Number(m[2]) : -1, m[3]);
      out.push({
        format,
        spec,
        luaValue: `d"${hexOfDouble(x)}"`,
        ours: () => format_float(spec, x),
      });
    }
  return out;
}

/** lua5.3's string.format of every item, one line each. */
function lua53Outputs(list: Item[]): string[] {
  const lines = [
    'local function d(h) return (string.unpack(">d", (h:gsub("..", function(x) return string.char(tonumber(x, 16)) end)))) end',
    'local function out(s) io.write((s:gsub("\\n", "\\\\n")), "\\n") end',
  ];
  for (const item of list)
    lines.push(`out(string.format(${JSON.stringify(item.format)}, ${item.luaValue}))`);
  return execFileSync('/usr/bin/lua5.3', ['-'], { input: lines.join('\n'), maxBuffer: 64 << 20 })
    .toString('latin1')
    .split('\n')
    .slice(0, list.length);
}

describe('printf conversions against lua5.3', () => {
  const list = items();
  const expected = lua53Outputs(list);

  it('formats every item of the grid as lua5.3 does', () => {
    const mismatches: string[] = [];
    list.forEach((item, i) => {
      const ours = item.ours();
      if (ours !== expected[i])
        mismatches.push(
          `${item.format} of ${item.luaValue}: lua5.3 "${expected[i]}", ours "${ours}"`,
        );
    });
    expect(list.length).toBeGreaterThan(20_000);
    expect(mismatches.slice(0, 30)).toEqual([]);
  });

  it('prints floats as tostring does (%.14g)', () => {
    const values = [...FLOATS, ...randomDoubles(300, 7)];
    const script = [
      'local function d(h) return (string.unpack(">d", (h:gsub("..", function(x) return string.char(tonumber(x, 16)) end)))) end',
      ...values.map((x) => `print(string.format("%.14g", d"${hexOfDouble(x)}"))`),
    ].join('\n');
    const lua = execFileSync('/usr/bin/lua5.3', ['-'], { input: script }).toString().split('\n');
    expect(values.map((x) => number2str(x))).toEqual(lua.slice(0, values.length));
  });

  it('takes the low byte of an integer for %c, BigInt too', () => {
    expect([65, 256 + 65, -191, 0].map(char_code)).toEqual([65, 65, 65, 0]);
    expect(char_code(2n ** 63n - 1n)).toBe(255);
    expect(char_code(-(2n ** 63n) + 65n)).toBe(65);
  });

  it('formats BigInt and number integers alike', () => {
    const spec = new FormatSpec('', -1, -1, 'x');
    expect(format_integer(spec, -1)).toBe(format_integer(spec, -1n));
    expect(format_integer(new FormatSpec('+', 25, -1, 'd'), 2n ** 63n - 1n)).toBe(
      '     +9223372036854775807',
    );
  });
});
