/**
 * string.format under wippy: Go's fmt.Sprintf over Lua values. Rows of platform-lua.md
 * "format"; the other expectations are Go's documented outputs (fmt package doc and
 * `fmt_test.go` cases), re-derived for go-lua's Lua types (value.go).
 */
import { describe, expect, it } from 'vitest';
import { goSprintf, type GoArg } from './go-fmt.ts';
import { goParseInt, goParseFloat } from './go-parse-number.ts';
import { printed, warnings } from './run-wippy.ts';

const int = (value: number | bigint): GoArg => ({ kind: 'int', value });
const float = (value: number): GoArg => ({ kind: 'float', value });
const str = (bytes: string): GoArg => ({ kind: 'string', bytes });
const sprintf = (format: string, ...args: GoArg[]) => goSprintf(format, args).text;

describe('Go fmt over go-lua values', () => {
  it.each([
    // rows of platform-lua.md "format"
    ['%.2f', [int(3)], '%!f(lua.LInteger=03)'],
    ['%.2f', [float(3)], '3.00'],
    ['%.1f', [int(3)], '%!f(lua.LInteger=3)'],
    ['%x', [int(255)], '323535'],
    ['%x', [float(255)], 'ff'],
    ['%x', [float(-1)], '-1'],
    ['%x', [int(-1)], '2d31'],
    ['%d', [float(3.7)], '3'],
    ['%i', [int(5)], '%!i(lua.LInteger=5)'],
    ['%e', [int(5)], '%!e(lua.LInteger=5)'],
    ['%g', [int(5)], '%!g(lua.LInteger=5)'],
    ['%g', [float(1 / 3)], '0.3333333333333333'],
    ['%q', [str('a\nb')], '"a\\nb"'],
    ['%q', [int(42)], '"42"'],
    ['%s', [float(2)], '2'],
    ['%d', [], '%!d(MISSING)'],
    ['%5d|%-5s|%c%03d', [int(42), str('ab'), int(65), int(7)], '   42|ab   |A007'],
  ])('%s of %j prints %s', (format, args, expected) => {
    expect(sprintf(format, ...(args as GoArg[]))).toBe(expected);
  });

  it('formats integers with Go flags: sign, space, zero padding, precision, bases', () => {
    expect(
      sprintf('%+d|% d|%05d|%-5d|%.3d|%8.3d', int(5), int(5), int(-42), int(7), int(7), int(-7)),
    ).toBe('+5| 5|-0042|7    |007|    -007');
    expect(
      sprintf('%b|%o|%O|%#o|%X|%#x', int(5), int(8), int(8), int(8), int(255), float(255)),
    ).toBe('101|10|0o10|010|323535|0xff');
    expect(sprintf('%.0d|%5.0d|', int(0), int(0))).toBe('|     |');
    expect(sprintf('%d', int(-(2n ** 63n)))).toBe('-9223372036854775808');
    expect(sprintf('%d', float(NaN))).toBe('-9223372036854775808');
  });

  it('formats floats as Go: shortest %g and %v, +Inf, NaN, sign and zero padding', () => {
    // %v of an integral LNumber goes through int64 (LNumber.Format's default branch)
    expect(
      sprintf('%v %g %v %v %v', float(1e6), float(1e6), float(123456.5), float(1e-5), float(0.1)),
    ).toBe('1000000 1e+06 123456.5 1e-05 0.1');
    expect(sprintf('%f|%.3e|%E|%G', float(1 / 3), float(123456), float(1.5), float(1e-7))).toBe(
      '0.333333|1.235e+05|1.500000E+00|1E-07',
    );
    expect(
      sprintf('%f|%5.1f|%v|%+f', float(Infinity), float(NaN), float(-Infinity), float(NaN)),
    ).toBe('+Inf|  NaN|-Inf|+NaN');
    expect(
      sprintf('%08.3f|%-8.2f|%+.1f|% .1f', float(-3.14159), float(2.5), float(2), float(2)),
    ).toBe('-003.142|2.50    |+2.0| 2.0');
    expect(sprintf('%.0f %.0f %.2f', float(2.5), float(3.5), float(0.125))).toBe('2 4 0.12');
    expect(sprintf('%.3g|%g|%g', float(1234.5678), float(100000), float(1e21))).toBe(
      '1.23e+03|100000|1e+21',
    );
  });

  it('formats strings: precision counts runes, width pads, %x hex-encodes, %q quotes', () => {
    const utf8 = (s: string) => String.fromCharCode(...new TextEncoder().encode(s));
    expect(sprintf('%.2s|%5s|%-5s|%05s', str('hello'), str('ab'), str('ab'), str('ab'))).toBe(
      'he|   ab|ab   |000ab',
    );
    expect(sprintf('%.1s|%3s', str(utf8('éa')), str(utf8('é')))).toBe(utf8('é|  é'));
    expect(sprintf('%x|%X|% x|%#x', str('hi'), str('hi'), str('hi'), str('hi'))).toBe(
      '6869|6869|68 69|0x6869',
    );
    expect(sprintf('%q', str('tab\t"q"\\ \x00\x7f' + utf8('é') + '\xff'))).toBe(
      '"tab\\t\\"q\\"\\\\ \\x00\\x7f' + utf8('é') + '\\xff"',
    );
    expect(sprintf('%+q|%#q', str(utf8('é')), str('a`b'))).toBe('"\\u00e9"|"a`b"');
    expect(sprintf('%#q', str('ab'))).toBe('`ab`');
  });

  it('parses strings under %d as go-lua does (LString.Format)', () => {
    expect(sprintf('%d|%d|%d|%d', str('10'), str('0x1F'), str(' 7\n'), str('1.9'))).toBe(
      '10|31|7|1',
    );
    expect(sprintf('%5d|%d', str('abc'), str('1e3'))).toBe('  abc|1000');
  });

  it('prints booleans, nil and tables through their String(), else Go bad verbs', () => {
    const table: GoArg = { kind: 'ref', goType: '*lua.LTable', text: 'table: 0x1c', id: '1c' };
    expect(
      sprintf(
        '%s %v %t %d',
        { kind: 'bool', value: true },
        { kind: 'bool', value: false },
        { kind: 'bool', value: true },
        { kind: 'bool', value: true },
      ),
    ).toBe('true false true %!d(lua.LBool=true)');
    expect(sprintf('%s|%d|%x', { kind: 'nil' }, { kind: 'nil' }, { kind: 'nil' })).toBe(
      'nil|&{}|6e696c',
    );
    expect(sprintf('%s|%v|%T|%T|%T', table, table, table, int(1), str('s'))).toBe(
      'table: 0x1c|table: 0x1c|*lua.LTable|lua.LInteger|lua.LString',
    );
    expect(sprintf('%c|%s', str('x'), int(7))).toBe('%!c(string=x)|7');
    expect(sprintf('%t|%t', int(1), float(1.5))).toBe('%!t(lua.LInteger=1)|%!t(float64=1.5)');
  });

  it('handles Go directives: %%, *, [n], missing verb, extra arguments, bad index', () => {
    expect(sprintf('100%%')).toBe('100%');
    expect(sprintf('%*d|%-*d|%.*f', int(5), int(1), int(3), int(2), int(2), float(3.14159))).toBe(
      '    1|2  |3.14',
    );
    expect(sprintf('%*d', float(5), int(1))).toBe('%!(BADWIDTH)1');
    expect(sprintf('%[2]d %[1]d', int(1), int(2))).toBe('2 1');
    expect(sprintf('%[3]d', int(1))).toBe('%!d(BADINDEX)');
    expect(sprintf('abc%')).toBe('abc%!(NOVERB)');
    expect(sprintf('%d', int(1), str('x'), float(2.5))).toBe(
      '1%!(EXTRA lua.LString=x, lua.LNumber=2.5)',
    );
    expect(sprintf('%z', int(1))).toBe('%!z(lua.LInteger=1)');
    expect(sprintf('%c|%U|%#U|%q', int(0x4e16), int(0x41), int(0x41), int(0x41))).toBe(
      '\xe4\xb8\x96|U+0041|U+0041 \'A\'|"65"',
    );
  });

  it('reports the traps it hits', () => {
    expect(
      goSprintf('%f %x %d %d', [int(3), int(255), float(1.5)]).traps.map((t) => t.kind),
    ).toEqual(['bad-verb', 'hex-of-integer', 'truncated-float', 'missing']);
  });
});

describe('Go number parsing (utils.go parseNumber, baselib tonumber)', () => {
  it('reads ParseInt with base 0 prefixes and underscores, and the int64 range', () => {
    expect(goParseInt('0x1F', 0)).toBe(31n);
    expect(goParseInt('010', 0)).toBe(8n);
    expect(goParseInt('0b11', 0)).toBe(3n);
    expect(goParseInt('1_000', 0)).toBe(1000n);
    expect(goParseInt('1_000', 10)).toBeNull();
    expect(goParseInt('9223372036854775807', 10)).toBe(2n ** 63n - 1n);
    expect(goParseInt('9223372036854775808', 10)).toBeNull();
    expect(goParseInt('-9223372036854775808', 10)).toBe(-(2n ** 63n));
    expect(goParseInt('ff', 16)).toBe(255n);
    expect(goParseInt('10', 100)).toBeNull();
  });

  it('reads ParseFloat: decimals, hex floats with p, inf and nan; overflow fails', () => {
    expect(goParseFloat('5.')).toBe(5);
    expect(goParseFloat('.5')).toBe(0.5);
    expect(goParseFloat('1.5e3')).toBe(1500);
    expect(goParseFloat('0x1.8p1')).toBe(3);
    expect(goParseFloat('inf')).toBe(Infinity);
    expect(goParseFloat('1.0e400')).toBeNull();
    expect(goParseFloat('1.2.3')).toBeNull();
  });
});

describe('string.format in a wippy run', () => {
  it('prints what the platform prints (rows format)', async () => {
    expect(
      await printed(`
        print(string.format("%.2f", 3))
        print(("%.1f"):format(1.5 + 1.5))
        local a, b = 1, 2
        print(("%.1f"):format(a + b))
        print(string.format("%x", 255), string.format("%x", 255.0))
        print(string.format("%d", 3.7), string.format("%s", 2.0), string.format("%q", "a\\nb"))
        print(string.format("%d"))
        print(string.format("%5.1f|%s|%d", 7 / 2, "id", 3))
      `),
    ).toEqual([
      '%!f(lua.LInteger=03)',
      '3.0',
      '%!f(lua.LInteger=3)',
      '323535 ff',
      '3 2 "a\\nb"',
      '%!d(MISSING)',
      '  3.5|id|3',
    ]);
  });

  it('warns at the line for each trap, naming what the platform prints', async () => {
    const found = await warnings(
      'local n = 3\nlocal s = string.format("%.2f", n)\nlocal h = ("%x"):format(255)\nlocal m = string.format("%d")',
    );
    expect(found).toEqual([
      '2: string.format: %f of an integer prints "%!f(lua.LInteger=03)" on the platform (Go\'s fmt has no %f for integers); make it a float (x + 0.0), or use %d',
      '3: string.format: %x of an integer hex-encodes its decimal text on the platform ("323535"); make it a float first: string.format("%x", n + 0.0)',
      '4: string.format: no argument for %d: the platform prints "%!d(MISSING)" where Lua 5.3 raises; pass one argument per verb',
    ]);
  });

  it('ignores __tostring, with a warning (row format %s of obj_with___tostring)', async () => {
    const [line] = await printed(
      'print(string.format("%s", setmetatable({}, {__tostring = function() return "T" end})))',
    );
    expect(line).toMatch(/^table: 0x[0-9a-f]+$/);
    expect(
      await warnings(
        'local s = string.format("%s", setmetatable({}, {__tostring = function() return "T" end}))',
      ),
    ).toHaveLength(1);
  });

  it('keeps the lua53 dialect untouched', async () => {
    const { lua } = await import('../../run-for-test.ts');
    const r = await lua('print(string.format("%.2f", 3), string.format("%x", 255))');
    expect(r.lines).toEqual(['3.00\tff']);
  });
});
