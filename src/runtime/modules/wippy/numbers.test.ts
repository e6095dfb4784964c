/** Numbers and tonumber under wippy; rows of platform-lua.md "integer/float", "tonumber". */
import { describe, expect, it } from 'vitest';
import { printed } from './run-wippy.ts';

describe('numbers (wippy)', () => {
  it('tonumber returns floats: base 10 or 0x, no exponent without a dot (rows tonumber)', async () => {
    expect(
      await printed(`
        print(tostring(tonumber("1e3")), tostring(tonumber("0x1p4")), tostring(tonumber("-0x10")))
        print(tonumber("5."), tostring(tonumber("10", 100)), tonumber(" 42\\n"), tonumber("1.5e3"))
        print(math.type(tonumber("5")), math.type(tonumber(7)), tonumber("0x10"), tonumber("ff", 16))
        print(tostring(tonumber("1_000")), tostring(tonumber({})), tonumber("z", 36), tonumber("-12"))
      `),
    ).toEqual(['nil nil nil', '5 nil 42 1500', 'float float 16 255', 'nil nil 35 -12']);
  });

  it('select("#"), string.byte and os.time() are floats (row math.type(#s) …)', async () => {
    expect(
      await printed(
        'print(math.type(select("#")), math.type(string.byte("a")), math.type(os.time()), select("#", 1, nil, 3))',
      ),
    ).toEqual(['float float float 3']);
  });

  it('select keeps Lua 5.3 counting and go-lua errors', async () => {
    expect(
      await printed(`
        print(select(2, "a", "b", "c"))
        print(select(-1, "a", "b", "c"))
        print(select(2.7, "a", "b"))
        print(tostring(pcall(select, 0)), select(2, pcall(select, 0)))
        print(select(2, pcall(select, "x")))
      `),
    ).toEqual([
      'b c',
      'c',
      'b',
      "false bad argument #1 to 'select' (index out of range)",
      "bad argument #1 to 'select' (invalid string 'x')",
    ]);
  });
});
