/** print and tostring under wippy; rows of platform-lua.md "print", "number→text", "types". */
import { describe, expect, it } from 'vitest';
import { printed, warnings } from './run-wippy.ts';
import { goFloatText } from './number-text.ts';

describe('print (wippy)', () => {
  it('joins arguments with one space (row print | print("a", 1))', async () => {
    expect(await printed('print("a", 1)')).toEqual(['a 1']);
  });

  it('prints nil, booleans and tables as empty strings (rows print(nil) / print(1, nil, 2))', async () => {
    expect(await printed('print(nil) print(true) print({}) print(1, nil, 2)')).toEqual([
      '',
      '',
      '',
      '1  2',
    ]);
  });

  it('prints pcall results without the boolean (row print(pcall(f)))', async () => {
    expect(await printed('print(pcall(function() return "x" end))')).toEqual([' x']);
  });

  it('prints an error value as its message (LVAsString *Error)', async () => {
    expect(await printed('print("got", errors.new("boom"))')).toEqual(['got boom']);
  });

  it('warns at the line when it drops a value, saying what to write instead', async () => {
    const found = await warnings('local ok = true\nprint(ok)\nprint("fine", 1)');
    expect(found).toEqual([
      "2: print: the platform prints '' for a boolean (only strings, numbers and errors print); use tostring(x)",
    ]);
  });

  it('ignores __tostring, as LVAsString does', async () => {
    expect(
      await printed('print(setmetatable({}, {__tostring = function() return "T" end}), "x")'),
    ).toEqual([' x']);
  });
});

describe('number text (wippy)', () => {
  it.each([
    [10 / 2, '5'], // print(10/2)
    [3.0, '3'],
    [1 / 3, '0.3333333333333333'],
    [0.1 + 0.2, '0.30000000000000004'],
    [1e15, '1000000000000000'],
    [1e18, '1000000000000000000'],
    [1234567.5, '1.2345675e+06'],
    [2 ** 63, '9.223372036854776e+18'],
    [-(2 ** 63), '-9223372036854775808'],
    [1e100, '1e+100'],
    [0.00001, '1e-05'],
    [0.0001, '0.0001'],
    [123456.5, '123456.5'],
    [-0.0, '0'],
    [Math.PI, '3.141592653589793'],
    [Infinity, '+Inf'],
    [-Infinity, '-Inf'],
    [NaN, 'NaN'],
    [1.5e300, '1.5e+300'],
    [-2.5e-7, '-2.5e-07'],
  ])('formats %s as go-lua does (rows number→text)', (value, text) => {
    expect(goFloatText(value)).toBe(text);
  });

  it('prints floats without .0 through print and tostring', async () => {
    expect(
      await printed('local z = 0 print(10/2, 1/3, 1/z, -1/z, tostring(3.0), math.pi)'),
    ).toEqual(['5 0.3333333333333333 +Inf -Inf 3 3.141592653589793']);
  });
});

describe('tostring (wippy)', () => {
  it('names built-ins gofunc and Lua functions function (row tostring(print))', async () => {
    const [line] = await printed(
      'print(tostring(print) .. " " .. tostring(function() end) .. " " .. tostring({}))',
    );
    expect(line).toMatch(/^gofunc: 0x[0-9a-f]+ function: 0x[0-9a-f]+ table: 0x[0-9a-f]+$/);
  });

  it('calls __tostring and ignores __name', async () => {
    expect(
      await printed(`
        print(tostring(setmetatable({}, {__tostring = function() return "T" end})))
        print((tostring(setmetatable({}, {__name = "Point"})):gsub("0x%x+", "0x")))
        print(tostring(nil), tostring(true), tostring("s"))
      `),
    ).toEqual(['T', 'table: 0x', 'nil true s']);
  });
});
