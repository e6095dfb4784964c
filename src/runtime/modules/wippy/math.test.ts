/** The math library under wippy; rows of platform-lua.md "math". */
import { describe, expect, it } from 'vitest';
import { printed, warnings } from './run-wippy.ts';

describe('math (wippy)', () => {
  it('returns floats from every function (row math.floor(3.5), math.abs(-2) …)', async () => {
    expect(
      await printed(`
        print(math.floor(3.5), math.abs(-2), math.max(1, 2), math.min(4, 3), math.ceil(2.1))
        print(math.type(math.floor(3.5)), math.type(math.abs(-2)), math.type(math.max(1, 2)))
        local r = math.random(1, 6)
        print(math.type(r), r >= 1 and r <= 6 and r == math.floor(r) and "in range" or "out")
      `),
    ).toEqual(['3 2 2 3 3', 'float float float', 'float in range']);
  });

  it('has huge = the largest float64, not infinity (rows math.huge, math.huge == 1/0)', async () => {
    expect(await printed('local z = 0 print(math.huge, tostring(math.huge == 1/z))')).toEqual([
      '1.7976931348623157e+308 false',
    ]);
  });

  it('ignores the base of log, with a warning (row math.log(8, 2))', async () => {
    expect(await printed('print(math.log(8, 2), math.log(1))')).toEqual(['2.0794415416798357 0']);
    expect(await warnings('local x = 1\nlocal y = math.log(8, 2)')).toEqual([
      '2: math.log: the platform ignores the base and returns the natural logarithm; write math.log(x) / math.log(base)',
    ]);
  });

  it('has the 5.1/5.2 functions (row math.log10, math.mod, math.pow, math.atan2, math.cosh)', async () => {
    expect(
      await printed(
        'print(math.log10(1000), math.mod(-7, 3), math.pow(2, 10), math.atan2(1, 1) == math.pi / 4, math.cosh(0), math.fmod(-7, 3))',
      ),
    ).toEqual(['3 2 1024  1 -1']);
  });

  it('raises the platform messages (rows math.random(0), math.max())', async () => {
    expect(
      await printed(`
        print(select(2, pcall(math.random, 0)))
        print(select(2, pcall(math.random, 5, 1)))
        print(select(2, pcall(math.max)))
        print(select(2, pcall(math.min)))
      `),
    ).toEqual([
      'interval is empty',
      'interval is empty',
      'wrong number of arguments',
      'wrong number of arguments',
    ]);
  });

  it('makes randomseed a no-op, with a warning (row math.randomseed(1))', async () => {
    expect(await warnings('math.randomseed(1)')).toEqual([
      '1: math.randomseed does nothing on the platform: its random numbers cannot be repeated',
    ]);
  });

  it('keeps tointeger, type, ult, maxinteger and mininteger', async () => {
    expect(
      await printed(`
        print(math.type(math.tointeger(3.0)), tostring(math.tointeger(3.5)), math.tointeger("8"))
        print(math.type(1), math.type(1.5), tostring(math.type("1")), tostring(math.ult(1, -1)))
        print(math.maxinteger, math.mininteger, math.type(math.maxinteger))
        local whole, frac = math.modf(-3.5)
        print(math.ldexp(0.5, 4), whole, frac, math.frexp(8))
      `),
    ).toEqual([
      'integer nil 8',
      'integer float nil true',
      '9223372036854775807 -9223372036854775808 integer',
      '8 -3 -0.5 0.5 4',
    ]);
  });
});
