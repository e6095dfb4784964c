/**
 * Operator errors under the `wippy` dialect, in gopher-lua's words as wippyai/go-lua raises
 * them (`vm.go` objectArith, stringConcat, lessThan, OP_LEN, OP_UNM, OP_IDIV, OP_BAND…;
 * `state.go` getField/setField, pushCallFrame), with the position `chunk:line:` of the Lua
 * line. Each case cites its row of /work/shared/reference/platform-lua.md §1 ("errors").
 */
import { describe, expect, it } from 'vitest';
import { errorOf, linesOf } from './run-wippy.ts';

/** [row, script, the error it ends with]. */
const ERRORS: Array<[string, string, string]> = [
  ['`foo()` (undefined)', 'foo()', 'main.lua:1: attempt to call a non-function object'],
  [
    'calling a table without __call',
    'local t = {}\nt()',
    'main.lua:2: attempt to call a non-function object',
  ],
  [
    '`local t=nil; t.x`',
    'local t = nil\nlocal v = t.x',
    "main.lua:2: attempt to index a non-table object(nil) with key 'x'",
  ],
  [
    '`local n=5; n:rep(2)`',
    'local n = 5\nn:rep(2)',
    "main.lua:2: attempt to index a non-table object(number) with key 'rep'",
  ],
  [
    'assigning into nil',
    'local t\nt.name = 1',
    "main.lua:2: attempt to index a non-table object(nil) with key 'name'",
  ],
  [
    'a number key is written as Go writes it',
    'local t\nlocal v = t[2.5]',
    "main.lua:2: attempt to index a non-table object(nil) with key '2.5'",
  ],
  [
    '`x + 1` with `x` nil',
    'local x\nlocal y = x + 1',
    'main.lua:2: cannot perform add operation between nil and number',
  ],
  [
    '`"abc" * 2`',
    'local s = "abc"\nlocal y = s * 2',
    'main.lua:2: cannot perform mul operation between string and number',
  ],
  [
    'sub',
    'local t = {}\nlocal y = 1 - t',
    'main.lua:2: cannot perform sub operation between number and table',
  ],
  [
    'div',
    'local b = true\nlocal y = b / 2',
    'main.lua:2: cannot perform div operation between boolean and number',
  ],
  [
    'mod',
    'local x\nlocal y = 5 % x',
    'main.lua:2: cannot perform mod operation between number and nil',
  ],
  [
    'pow',
    'local x\nlocal y = x ^ 2',
    'main.lua:2: cannot perform pow operation between nil and number',
  ],
  [
    'a numeric string counts as a number',
    'local x\nlocal y = "10" + x',
    'main.lua:2: cannot perform add operation between number and nil',
  ],
  [
    '`"a" .. nil`',
    'local x\nlocal s = "a" .. x',
    'main.lua:2: cannot perform concat operation between string and nil',
  ],
  [
    'concat of a table',
    'local s = {} .. "a"',
    'main.lua:1: cannot perform concat operation between table and string',
  ],
  ['`1 < nil`', 'local x\nlocal b = 1 < x', 'main.lua:2: attempt to compare number with nil'],
  ['two tables compare', 'local b = {} < {}', 'main.lua:1: attempt to compare table with table'],
  ['`#nil`', 'local x\nlocal n = #x', 'main.lua:2: __len undefined'],
  ['`-nil`', 'local x\nlocal n = -x', 'main.lua:2: __unm undefined'],
  ['`-"abc"`', 'local s = "abc"\nlocal n = -s', 'main.lua:2: __unm undefined'],
  [
    'bitwise on a string: `"3" | 0`',
    'local s = "3"\nlocal n = s | 0',
    'main.lua:2: attempt to perform bitwise operation on a string value',
  ],
  [
    'bitwise on nil',
    'local x\nlocal n = ~x',
    'main.lua:2: attempt to perform bitwise operation on a nil value',
  ],
  [
    '`//` on a string',
    'local s = "7"\nlocal n = s // 2',
    'main.lua:2: attempt to perform arithmetic on a string value',
  ],
  [
    '`local a,b=1,0 a//b`',
    'local a, b = 1, 0\nlocal n = a // b',
    'main.lua:2: attempt to divide by zero',
  ],
  [
    'a `for` limit that is no number (vm.go OP_FORLOOP)',
    'for i = 1, nil do end',
    'main.lua:1: for statement limit must be a number',
  ],
  [
    'a `for` start given as a string (vm.go OP_FORPREP)',
    'for i = "1", 2 do end',
    'main.lua:1: for statement init must be a number',
  ],
  [
    'a `for` step that is no number',
    'for i = 1, 2, {} do end',
    'main.lua:1: for statement step must be a number',
  ],
];

describe('operator errors under wippy', () => {
  for (const [row, code, message] of ERRORS)
    it(`raises go-lua's words: ${row}`, async () => {
      expect(await errorOf(code)).toBe(message);
    });

  it('leaves pcall(nil) in Lua words, as go-lua does (`pcall(nil)` row)', async () => {
    const lines = await linesOf('local ok, e = pcall(nil)\nprint(e)');
    expect(lines).toEqual(['attempt to call a nil value']);
  });

  it('still calls metamethods before raising', async () => {
    const code = `
      local mt = { __add = function() return "added" end, __concat = function() return "joined" end,
        __unm = function() return "negated" end, __len = function() return 42 end,
        __lt = function() return true end, __index = function(_, k) return k end }
      local v = setmetatable({}, mt)
      print(v + 1) print(1 + v) print(v .. "x") print(-v) print(#v) print(tostring(v < v)) print(v.key)`;
    expect(await linesOf(code)).toEqual([
      'added',
      'added',
      'joined',
      'negated',
      '42',
      'true',
      'key',
    ]);
  });

  it('calls __lt, __le and __eq only when both operands share them (vm.go objectRational)', async () => {
    const code = `
      local lt = function(a, b) return a.v < b.v end
      local A = { __lt = lt, __le = function(a, b) return a.v <= b.v end, __eq = function() return true end }
      local B = { __lt = lt }
      local a1, a2, b1 = setmetatable({ v = 1 }, A), setmetatable({ v = 2 }, A), setmetatable({ v = 3 }, B)
      print(tostring(a1 < a2)) print(tostring(a1 == a2)) print(tostring(a1 < b1)) print(tostring(a1 <= b1))
      print(tostring(a1 == b1)) print(select(2, pcall(function() return a1 < {} end)))`;
    expect(await linesOf(code)).toEqual([
      'true',
      'true',
      'true',
      'true',
      'false',
      'main.lua:7: attempt to compare table with table',
    ]);
  });

  it('runs float loops and prints their values as Go does (§1 misc `for i = 1, 2, 0.5`)', async () => {
    expect(await linesOf('for i = 1, 2, 0.5 do print(i) end')).toEqual(['1', '1.5', '2']);
  });

  it('keeps Lua 5.3 words under lua53', async () => {
    expect(await errorOf('local x\nlocal y = x + 1', 'lua53')).toBe(
      "main.lua:2: attempt to perform arithmetic on a nil value (local 'x')",
    );
    expect(await errorOf('foo()', 'lua53')).toBe(
      "main.lua:1: attempt to call a nil value (global 'foo')",
    );
  });
});
