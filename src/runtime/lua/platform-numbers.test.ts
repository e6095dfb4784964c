/**
 * The platform's number rules as the libraries get them (platform-numbers.ts): the engine's
 * own helpers, so a library prints, reads and counts as the VM does under `wippy`
 * (platform-lua.md §1 "number→text", "arithmetic", "tables").
 */
import { describe, expect, it } from 'vitest';
import { lauxlib, lua, luaString } from './api.ts';
import { setDialect } from './dialect.ts';
import {
  platformNumberText,
  platformParseNumber,
  platformTableLength,
} from './platform-numbers.ts';

describe('platform numbers for the libraries', () => {
  it('writes floats as go-lua does', () => {
    expect([3, 0.1, 1e100, 1234567.5, -0, Infinity, NaN].map(platformNumberText)).toEqual([
      '3',
      '0.1',
      '1e+100',
      '1.2345675e+06',
      '0',
      '+Inf',
      'NaN',
    ]);
  });

  it('reads strings as go-lua arithmetic does', () => {
    expect(
      ['010', '0b11', '1_000', ' 5\t', 'inf', '1e3', 'abc', '1e400'].map(platformParseNumber),
    ).toEqual([8, 3, 1000, 5, Infinity, 1000, null, null]);
  });

  it("counts a table's length as go-lua's #t", () => {
    const L = lauxlib.luaL_newstate();
    setDialect(L, 'wippy');
    lauxlib.luaL_loadstring(L, luaString('local t = {1, 2} t[10] = 3 return t'));
    lua.lua_call(L, 0, 1);
    expect(platformTableLength(L, -1)).toBe(10);
  });
});
