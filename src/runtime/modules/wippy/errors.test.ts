/**
 * Errors that the libraries make under wippy; rows of platform-lua.md "errors" and
 * "error values" (the operator messages are the engine's: src/engine/wippy/).
 */
import { describe, expect, it } from 'vitest';
import { failure, printed } from './run-wippy.ts';

describe('error values and library errors (wippy)', () => {
  it('prints, concatenates and stringifies error values as their message (row errors.new("x"))', async () => {
    expect(
      await printed(`
        local e = errors.new("x")
        print(e, tostring(e), "a" .. e, type(e), "[" .. e:kind() .. "]")
        print(table.concat({"got", e}, " "), string.format("%s|%v", e, e))
      `),
    ).toEqual(['x x ax userdata []', 'got x x|x']);
  });

  it('keeps error shapes (rows error("x"), error("x", 0), error({}), error(42))', async () => {
    expect(
      await printed(`
        print(select(2, pcall(error, "x", 0)))
        print(select(2, pcall(function() error("x") end)))
        print(type(select(2, pcall(error, {}))), select(2, pcall(error, 42)))
      `),
    ).toEqual(['x', 'main.lua:3: x', 'table 42']);
  });

  it('answers pcall(nil) with the platform text (row pcall(nil))', async () => {
    expect(await printed('print(select(2, pcall(nil)))')).toEqual(['attempt to call a nil value']);
  });

  it('raises library errors with the position (RaiseError)', async () => {
    expect(await failure('local t = {}\ntable.insert(t)')).toBe(
      'main.lua:2: wrong number of arguments',
    );
    expect(await failure('math.random(0)')).toBe('main.lua:1: interval is empty');
    expect(await failure('require("nope")')).toBe("main.lua:1: module 'nope' not found");
  });
});
