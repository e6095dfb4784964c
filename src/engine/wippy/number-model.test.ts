/**
 * The number model under the `wippy` dialect: wippyai/go-lua's `compile.go` constFold (literal
 * arithmetic folds to floats), `vm.go` arithmetic opcodes (`+ - *` integer for two integers,
 * `/ % ^` floats, `//` and bitwise operators on int64), `utils.go` parseNumber (strings in
 * arithmetic read as Go reads them) and `table.go` Len (`#t`). Each case cites its row of
 * /work/shared/reference/platform-lua.md (§1 "integer/float", "arithmetic", "bitwise",
 * "tables"; §3).
 */
import { describe, expect, it } from 'vitest';
import { lua } from '../../runtime/run-for-test.ts';
import { linesOf } from './run-wippy.ts';

/** [row, Lua expression, what it prints, its math.type]. */
const VALUES: Array<[string, string, string, string]> = [
  // §1 integer/float `math.type(1 + 2)`, `math.type(-5)`: constant folding makes floats
  ['`math.type(1 + 2)`', '1 + 2', '3', 'float'],
  ['`math.type(-5)`', '-5', '-5', 'float'],
  ['§3.1 `2 ^ 10` folds', '2 ^ 10', '1024', 'float'],
  ['§3.1 `1 << 4` folds', '1 << 4', '16', 'float'],
  ['§3.1 `7 // 2` folds with math.Floor', '7 // 2', '3', 'float'],
  ['`print(7 // 2.5)` (literals)', '7 // 2.5', '2', 'float'],
  ['`print(1 // 0)` (literals)', '1 // 0', '+Inf', 'float'],
  ['§3.1 `%` folds with luaModulo', '-7 % 3', '2', 'float'],
  ['§3.1 `%` by a literal zero', '5 % 0', 'NaN', 'float'],
  ['§3.1 a folded shift right is arithmetic', '-8 >> 1', '-4', 'float'],
  ['§3.1 a folded shift of 64 or more', '1 << 64', '0', 'float'],
  // §1 `local a=1 math.type(a+2)`: run time keeps integers for + - *
  ['`local a=1 math.type(a+2)`', 'a + 2', '3', 'integer'],
  ['§3.2 `-` of an integer', 'a - 3', '-2', 'integer'],
  ['§3.2 `*` of two integers', 'a * 3', '3', 'integer'],
  ['`math.maxinteger + 1` wraps', 'math.maxinteger + a', '-9223372036854775808', 'integer'],
  ['§3.2 an integer and a float give a float', 'a + 0.5', '1.5', 'float'],
  ['§3.2 `/` is always a float', 'six / 2', '3', 'float'],
  ['§3.2 `%` is always a float', 'six % 4', '2', 'float'],
  ['`local a,b=5,0 print(a % b)`', 'six % zero', 'NaN', 'float'],
  ['§3.2 `^` is always a float', 'six ^ 2', '36', 'float'],
  ['§3.2 unary minus of an integer (vm.go OP_UNM)', '-six', '-6', 'float'],
  // §1 arithmetic `local a,b=7,2.5 print(a//b)`: run-time `//` truncates both to int64
  ['`local a,b=7,2.5 print(a//b)`', 'seven // twoHalf', '3', 'integer'],
  ['`local a,b=-7.5,2 print(a//b)`', 'minusSevenHalf // two', '-4', 'integer'],
  // §1 bitwise `local x=3.5 print(x | 0)`: floats truncate
  ['`local x=3.5 print(x | 0)`', 'threeHalf | zero', '3', 'integer'],
  ['§3.2 a run-time shift right is arithmetic', 'minusEight >> 1', '-4', 'integer'],
  ['§3.2 a negative shift count shifts the other way', 'two << -1', '1', 'integer'],
  ['§3.2 `~` is not folded', '~5', '-6', 'integer'],
  // §1 arithmetic `"10" + 1`, `"3.5" * 2`: strings read as Go reads them, float results
  ['`"10" + 1`', '"10" + a', '11', 'float'],
  ['`"3.5" * 2`', '"3.5" * 2', '7', 'float'],
  ['`"010" + 0` (octal)', '"010" + 0', '8', 'float'],
  ['`"0b11" + 0`', '"0b11" + 0', '3', 'float'],
  ['`"1_000" + 0`', '"1_000" + 0', '1000', 'float'],
  ['`"inf" + 0`', '"inf" + 0', '+Inf', 'float'],
  ['a hexadecimal string', '"0x10" + 0', '16', 'float'],
  ['surrounding blanks are trimmed', '" 5\\t" + 0', '5', 'float'],
  ['unary minus of a numeric string', '-"2"', '-2', 'float'],
  // §1 integer/float `math.type(#s)`: `#` gives a float
  ['`math.type(#s)`', '#"hello"', '5', 'float'],
  ['`#` of a table', '#{1, 2, 3}', '3', 'float'],
];

describe('the number model under wippy', () => {
  it('computes what go-lua computes, with its integer/float result', async () => {
    const code = [
      'local a, zero, two, six, seven = 1, 0, 2, 6, 7',
      'local twoHalf, threeHalf, minusSevenHalf, minusEight = 2.5, 3.5, -7.5, 0 - 8',
      ...VALUES.map(
        ([, expr]) => `do local v = ${expr}; print(tostring(v)); print(math.type(v)) end`,
      ),
    ].join('\n');
    const expected = VALUES.flatMap(([, , text, type]) => [text, type]);
    expect(await linesOf(code)).toEqual(expected);
  });

  it('makes folded and computed -1 the same number when printed (§1 tables `t[-1]` row)', async () => {
    expect(await linesOf('local one = 1\nprint(tostring(-1))\nprint(tostring(0 - one))')).toEqual([
      '-1',
      '-1',
    ]);
  });

  it('counts #t as go-lua does: the last non-nil slot below 2^26 (§1 tables `t[1000]=1`)', async () => {
    const code = `
      local t = {} t[1000] = 1 print(#t)
      local u = {1, 2, 3} u[5] = 5 print(#u)
      u[5] = nil print(#u)
      local w = {1, nil, 3} print(#w)
      local big = {} big[67108864] = 1 print(#big)
      local seq = {} for i = 1, 10 do seq[#seq + 1] = i end print(#seq)
      seq[10] = nil seq[9] = nil print(#seq)
      seq[7.0] = nil print(#seq)
      local keys = { x = 1, y = 2 } keys[3] = 3 print(#keys)
      print(#json.decode('[10, 20, 30]'))`;
    expect(await linesOf(code)).toEqual(['1000', '5', '3', '3', '0', '10', '8', '8', '3', '3']);
  });

  it('counts a numeric for in floats unless start, limit and step are integers (vm.go OP_FORLOOP; §9 left it open)', async () => {
    const code = `local t = {1, 2}
      for i = 1, #t do print(math.type(i)) end
      for i = 1, 1 do print(math.type(i)) end
      for i = 1, 1.5 do print(math.type(i)) end
      for i = 2, 1, -1 do print(i) end`;
    expect(await linesOf(code)).toEqual(['float', 'float', 'integer', 'float', '2', '1']);
  });

  it('warns at the line where // or a bitwise operator truncates a fraction (a trap for Lua 5.3 code)', async () => {
    const result = await lua(
      'local a, b, x = 7, 2.5, 3.5\nlocal q = a // b\nlocal n = x | 0\nlocal ok = a // 2',
      {
        dialect: 'wippy',
      },
    );
    expect(result.end.status).toBe('finished');
    expect(result.warnings.map((w) => [w.line, w.text.includes('truncates')])).toEqual([
      [2, true],
      [3, true],
    ]);
    const strict = await lua('local a, b = 7, 2.5\nlocal q = a // b', {
      dialect: 'wippy',
      strict: true,
    });
    expect(strict.end.status).toBe('error');
  });

  it('keeps Lua 5.3 numbers under lua53', async () => {
    const code =
      'print(math.type(1 + 2))\nprint(math.type(-5))\nlocal a, b = 7, 2.5\nprint(a // b)\nprint(7 % 3)\nlocal t = {} t[1000] = 1 print(#t)';
    expect(await linesOf(code, 'lua53')).toEqual(['integer', 'integer', '2.0', '1', '0']);
  });
});
