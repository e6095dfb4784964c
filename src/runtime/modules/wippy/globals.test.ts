/** The globals under wippy; rows of platform-lua.md "globals", "types", "errors", "coroutine". */
import { describe, expect, it } from 'vitest';
import { failure, printed } from './run-wippy.ts';
import { lua } from '../../run-for-test.ts';

describe('globals (wippy)', () => {
  it('has none of load, loadstring, dofile, loadfile, collectgarbage, rawlen, io, debug, utf8, bit32 (rows globals)', async () => {
    expect(
      await printed(`
        for _, name in ipairs({"load", "loadstring", "dofile", "loadfile", "collectgarbage",
            "rawlen", "io", "debug", "utf8", "bit32", "setfenv", "getfenv", "module", "newproxy"}) do
          print(name .. "=" .. type(_G[name]))
        end
      `),
    ).toEqual(
      [
        'load',
        'loadstring',
        'dofile',
        'loadfile',
        'collectgarbage',
        'rawlen',
        'io',
        'debug',
        'utf8',
        'bit32',
        'setfenv',
        'getfenv',
        'module',
        'newproxy',
      ].map((name) => `${name}=nil`),
    );
  });

  it('names the version and keeps unpack global (rows _VERSION, global unpack)', async () => {
    expect(
      await printed('print(_VERSION) print(_GOPHER_LUA_VERSION) print(unpack({1, 2, 3}))'),
    ).toEqual(['Lua 5.3 - Wippy Modification', 'GopherLua 0.2 Wippy Edition', '1 2 3']);
  });

  it('has the restricted package and a require of globals (row package.path …)', async () => {
    expect(
      await printed(`
        print("[" .. package.path .. "]", type(package.loaded), type(package.preload), type(package.searchers))
        print(package.loadlib("x"))
        print(require("json") == json, select(2, pcall(require, "x")))
      `),
    ).toEqual([
      '[] nil nil nil',
      "cannot load module 'x': loadlib disabled",
      // The position of the nearest Lua frame (state.go where skips Go frames such as pcall).
      " main.lua:4: module 'x' not found",
    ]);
  });

  it('has coroutine.spawn but not isyieldable or close (row coroutine)', async () => {
    expect(
      await printed(
        'print(type(coroutine.spawn), type(coroutine.isyieldable), type(coroutine.close), type(coroutine.wrap))',
      ),
    ).toEqual(['function nil nil function']);
  });

  it('calls the xpcall function without arguments (row xpcall(f, h, 1, 2))', async () => {
    expect(
      await printed(`
        print(select(2, xpcall(function(...) return select("#", ...) end, print, 1, 2)))
        print(select(2, xpcall(function() error("boom", 0) end, function(m) return "handled " .. m end)))
      `),
    ).toEqual(['0', 'handled boom']);
  });

  it('adds the position to assert messages (rows assert(false, "m"), assert(nil))', async () => {
    expect(await failure('local x = 1\nassert(false, "m")')).toBe('main.lua:2: m');
    expect(await failure('assert(nil)')).toBe('main.lua:1: assertion failed!');
    expect(await failure('assert(false, errors.new("typed"))')).toBe('main.lua:1: typed');
  });

  it('words setmetatable errors as go-lua (row setmetatable(nil, …))', async () => {
    expect(
      await printed(`
        print(select(2, pcall(setmetatable, nil, {})))
        local t = setmetatable({}, {__metatable = "locked"})
        print(select(2, pcall(setmetatable, t, {})))
      `),
    ).toEqual(['cannot set metatable to a nil object.', 'cannot change a protected metatable']);
  });

  it('calls built-ins gofunc in tostring (row tostring(print))', async () => {
    const [line] = await printed('print(tostring(print), tostring(string.format))');
    expect(line).toMatch(/^gofunc: 0x[0-9a-f]+ gofunc: 0x[0-9a-f]+$/);
  });

  it('keeps reference Lua 5.3 under lua53', async () => {
    const r = await lua('print(type(load), _VERSION, type(io), math.type(math.floor(3.5)))');
    expect(r.lines).toEqual(['function\tLua 5.3\ttable\tinteger']);
  });
});
