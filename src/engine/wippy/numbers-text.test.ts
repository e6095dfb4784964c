/**
 * Number to text under the `wippy` dialect: go-lua `value.go` `LNumber.String` (an integral
 * float prints as an integer; otherwise Go's strconv.FormatFloat(x, 'g', -1, 64)), as
 * /work/shared/reference/platform-lua.md §1 rows "number→text" and §3.4 read it. The same
 * text comes out of tostring, `..`, table.concat and print. Under `lua53` nothing changes.
 */
import { describe, expect, it } from 'vitest';
import { linesOf } from './run-wippy.ts';

/** [Lua expression, what go-lua prints]. */
const GO_TEXT: Array<[string, string]> = [
  // §1 `print(10/2)`, `print(3.0)`: an integral float prints as an integer
  ['10/2', '5'],
  ['3.0', '3'],
  ['-7.0', '-7'],
  // §1 `print(1/3)`, `print(0.1+0.2)`, `print(math.pi)`: shortest round-trip digits
  ['1/3', '0.3333333333333333'],
  ['2/3', '0.6666666666666666'],
  ['0.1+0.2', '0.30000000000000004'],
  ['math.pi', '3.141592653589793'],
  ['-1.5', '-1.5'],
  ['100.25', '100.25'],
  // §1 `print(1e15)`, `print(1e18)`: integral floats inside int64 print every digit
  ['1e15', '1000000000000000'],
  ['1e18', '1000000000000000000'],
  ['2^53', '9007199254740992'],
  ['-2^63', '-9223372036854775808'],
  // §1 `print(2^63)`, `1e19`: integral but outside int64, so Go's exponent form
  ['2^63', '9.223372036854776e+18'],
  ['1e19', '1e+19'],
  // §1 `print(1234567.5)`: exponent form from a decimal exponent of 6 up
  ['123456.5', '123456.5'],
  ['999999.5', '999999.5'],
  ['1234567.5', '1.2345675e+06'],
  ['1000000.5', '1.0000005e+06'],
  ['123456789.125', '1.23456789125e+08'],
  // §1 `print(1e100)`, `print(0.00001)`: two exponent digits at least; below 1e-4 too
  ['1e100', '1e+100'],
  ['1e-5', '1e-05'],
  ['0.0001', '0.0001'],
  ['0.00012345', '0.00012345'],
  ['1.5e-7', '1.5e-07'],
  ['5e-324', '5e-324'],
  ['1.7976931348623157e308', '1.7976931348623157e+308'],
  ['-2.5e-10', '-2.5e-10'],
];

describe('number to text under wippy (LNumber.String)', () => {
  it('prints floats as Go does, integral ones as integers', async () => {
    const code = GO_TEXT.map(([expr]) => `print(tostring(${expr}))`).join('\n');
    expect(await linesOf(code)).toEqual(GO_TEXT.map(([, text]) => text));
  });

  it('prints infinities and NaN in Go words (§1 `local z=0 print(1/z, -1/z, z/z)`)', async () => {
    const lines = await linesOf(
      'local z = 0\nprint(tostring(1/z))\nprint(tostring(-1/z))\nprint(tostring(z/z))',
    );
    expect(lines).toEqual(['+Inf', '-Inf', 'NaN']);
  });

  it('prints -0.0 as 0 (§1 `print(-0.0)`)', async () => {
    expect(await linesOf('local z = 0.0\nprint(tostring(-z))')).toEqual(['0']);
  });

  it('uses the same text for .., table.concat and print (§3.4)', async () => {
    const lines = await linesOf(
      'print(2.5 .. "|" .. 10/2)\nprint(table.concat({1, 2.5, 3.0}, ","))\nprint(10/4)\nprint(1e300*10)',
    );
    expect(lines).toEqual(['2.5|5', '1,2.5,3', '2.5', '1e+301']);
  });

  it('keeps integers as decimal integers', async () => {
    expect(await linesOf('print(math.maxinteger)\nprint(math.mininteger)\nprint(0)')).toEqual([
      '9223372036854775807',
      '-9223372036854775808',
      '0',
    ]);
  });

  it('reads back every printed float exactly, in the layout Go picks', async () => {
    // Random doubles over the whole exponent range: the text must read back as the same
    // number, use the exponent form exactly when the decimal exponent is < -4 or >= 6,
    // and never end in ".0".
    const code = `
      local seed = 12345
      local function rand() seed = (seed * 1103515245 + 12345) % 2147483648 return seed / 2147483648 end
      local scale = {}
      for k = -20, 20 do scale[k] = 10.0 ^ k end
      for i = 1, 3000 do
        local x = (rand() - 0.5) * scale[(seed % 41) - 20]
        local s = tostring(x)
        assert(s + 0 == x, s)
        assert(not s:find("%.0$") and not s:find("%.0e"), s)
        local m = s:match("e([+-]%d+)$")
        local a = x < 0 and -x or x
        if m then assert(a < 1e-4 or a >= 1e6, s) assert(#m >= 3, s)
        elseif x % 1 ~= 0 then assert(a >= 1e-4 and a < 1e6, s) end
      end
      print("ok")`;
    expect(await linesOf(code)).toEqual(['ok']);
  });

  it('leaves lua53 as reference Lua 5.3 prints it', async () => {
    const lines = await linesOf('print(10/2)\nprint(1/3)\nprint(1e15)\nprint(2^63)', 'lua53');
    expect(lines).toEqual(['5.0', '0.33333333333333', '1e+15', '9.2233720368548e+18']);
  });
});
