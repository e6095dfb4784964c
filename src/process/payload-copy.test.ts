/**
 * Copying values between two real Lua states, as the platform copies a message's payloads
 * (runtime/lua/engine/payload/export.go; its tests: export_test.go). The value is made by Lua
 * in one state, copied out, pushed into a second state, and checked by Lua there.
 */
import { describe, expect, it } from 'vitest';
import { lualib } from 'fengari';
import { lauxlib, lua, luaString, toDisplayString, type LuaState } from '../runtime/lua/api.ts';
import { setDialect } from '../runtime/lua/dialect.ts';
import { openErrors } from '../runtime/modules/errors.ts';
import { openJson } from '../runtime/modules/json.ts';
import { channelLibrary } from '../runtime/modules/channel.ts';
import { Scheduler } from '../runtime/scheduler.ts';
import {
  COPY_LIMITS,
  CopyLimitError,
  copiedFromJs,
  copiedJson,
  copiedPreview,
  copyOut,
  copyValues,
  pushCopied,
  type Copied,
} from './payload-copy.ts';

function state(): LuaState {
  const L = lauxlib.luaL_newstate();
  setDialect(L, 'wippy');
  lualib.luaL_openlibs(L);
  const open = (name: string, opener: (L1: LuaState) => number) => {
    lauxlib.luaL_requiref(L, luaString(name), opener, 1);
    lua.lua_pop(L, 1);
  };
  open('errors', openErrors);
  open('json', openJson);
  const scheduler = new Scheduler(
    L,
    (f) => queueMicrotask(f),
    () => 0,
    () => {},
    () => {},
  );
  open('channel', channelLibrary(scheduler).open);
  return L;
}

function run(L: LuaState, code: string): void {
  if (lauxlib.luaL_dostring(L, luaString(code)) !== lua.LUA_OK)
    throw new Error(toDisplayString(L, -1));
}

/** Evaluate `expression` in `from`, copy it, and bind the copy to the global `v` of `to`. */
function send(from: LuaState, to: LuaState, expression: string): { copy: Copied; lost: string[] } {
  run(from, `__value = ${expression}`);
  lua.lua_getglobal(from, luaString('__value'));
  const lost: string[] = [];
  const copy = copyOut(from, -1, (what) => lost.push(what));
  lua.lua_pop(from, 1);
  pushCopied(to, copy);
  lua.lua_setglobal(to, luaString('v'));
  return { copy, lost };
}

describe('copyOut / pushCopied between two states (export.go copyValue)', () => {
  it('keeps scalars: nil, booleans, integers apart from floats, int64 beyond 2^53', () => {
    const [a, b] = [state(), state()];
    send(a, b, '{1, 2.0, true, false, 9007199254740993, math.mininteger, -0.5, 1e300}');
    run(
      b,
      `
      assert(v[1] == 1 and math.type(v[1]) == "integer")
      assert(v[2] == 2.0 and math.type(v[2]) == "float")
      assert(v[3] == true and v[4] == false)
      assert(v[5] == 9007199254740993 and math.type(v[5]) == "integer")
      assert(tostring(v[5]) == "9007199254740993", tostring(v[5]))
      assert(v[6] == math.mininteger)
      assert(v[7] == -0.5 and v[8] == 1e300)
    `,
    );
    send(a, b, 'nil');
    run(b, 'assert(v == nil)');
  });

  it('keeps the exact bytes of strings, invalid UTF-8 and zero bytes included', () => {
    const [a, b] = [state(), state()];
    send(a, b, '"a\\0b\\255\\254z"');
    run(b, 'assert(v == "a\\0b\\255\\254z" and #v == 6)');
  });

  it('deep-copies tables: the copy is independent of the source', () => {
    const [a, b] = [state(), state()];
    run(a, 'src = {name = "x", list = {1, 2, 3}, [true] = "yes", [2.5] = "float key"}');
    send(a, b, 'src');
    run(a, 'src.list[1] = 100; src.name = "changed"');
    run(
      b,
      `
      assert(v.name == "x" and v.list[1] == 1 and #v.list == 3)
      assert(v[true] == "yes" and v[2.5] == "float key")
      v.list[2] = 7
    `,
    );
    run(a, 'assert(src.list[2] == 2)');
  });

  it('keeps cycles and shared subtables as one table in the copy', () => {
    const [a, b] = [state(), state()];
    send(
      a,
      b,
      '(function() local t = {}; t.self = t; local s = {n = 1}; t.a = s; t.b = s; return t end)()',
    );
    run(b, 'assert(v.self == v and v.a == v.b and v.a.n == 1)');
  });

  it('copies metatables too (deepCopyTable copies Metatable)', () => {
    const [a, b] = [state(), state()];
    const { lost } = send(a, b, 'setmetatable({}, {__index = {greeting = "hi"}})');
    run(b, 'assert(v.greeting == "hi")');
    expect(lost).toEqual([]);
  });

  it('makes functions, channels and other userdata nil and names each loss', () => {
    const [a, b] = [state(), state()];
    const { lost } = send(
      a,
      b,
      '{f = print, ch = channel.new(1), [print] = "key lost", list = {1, coroutine.create(print), 3}, n = 1}',
    );
    run(
      b,
      `
      assert(v.f == nil and v.ch == nil and v.n == 1)
      assert(v.list[1] == 1 and v.list[2] == nil and v.list[3] == 3)
      local count = 0
      for _ in pairs(v) do count = count + 1 end
      assert(count == 2, "the entry whose key was lost is gone")
    `,
    );
    expect(lost.sort()).toEqual(
      ['channel.Channel at .ch', 'function', 'function at .f', 'thread at .list[2]'].sort(),
    );
    const top = send(a, b, 'print');
    expect(top.lost).toEqual(['function']);
    run(b, 'assert(v == nil)');
  });

  it('keeps error objects as error objects, kind, message and details included', () => {
    const [a, b] = [state(), state()];
    send(
      a,
      b,
      '{err = errors.new{message = "boom", kind = errors.NOT_FOUND, retryable = true, details = {id = 7}}}',
    );
    run(
      b,
      `
      local e = v.err
      assert(errors.is(e, errors.NOT_FOUND), tostring(e))
      assert(e:message() == "boom" and tostring(e) == "boom" and e:retryable() == true)
      assert(e:details().id == 7)
    `,
    );
  });

  it('pushes a copy twice as two independent values', () => {
    const [a, b] = [state(), state()];
    const { copy } = send(a, b, '{n = 1}');
    run(b, 'first = v; first.n = 2');
    pushCopied(b, copy);
    lua.lua_setglobal(b, luaString('v'));
    run(b, 'assert(v.n == 1 and first.n == 2 and v ~= first)');
  });

  it('keeps an empty json.decode object an object for json.encode', () => {
    const [a, b] = [state(), state()];
    send(a, b, 'json.decode(\'{"o": {}, "a": []}\')');
    run(b, 'local s = json.encode(v); assert(s:find(\'"o":{}\') and s:find(\'"a":%[%]\'), s)');
  });

  it('copies call arguments one by one (copyValues)', () => {
    const [a, b] = [state(), state()];
    run(a, 'shared = {1}');
    lua.lua_settop(a, 0);
    lua.lua_getglobal(a, luaString('shared'));
    lua.lua_pushinteger(a, 5);
    lua.lua_getglobal(a, luaString('shared'));
    const values = copyValues(a, 1, 3, () => {});
    expect(values).toHaveLength(3);
    for (const value of values) pushCopied(b, value);
    lua.lua_setglobal(b, luaString('z'));
    lua.lua_setglobal(b, luaString('y'));
    lua.lua_setglobal(b, luaString('x'));
    run(b, 'assert(x[1] == 1 and y == 5 and z[1] == 1 and x ~= z)');
  });
});

describe('copy bounds (playground limits)', () => {
  it('refuses a value nested deeper than the bound, naming it', () => {
    const a = state();
    run(
      a,
      `deep = {}; local t = deep; for i = 1, ${COPY_LIMITS.maxDepth + 5} do t.next = {}; t = t.next end`,
    );
    lua.lua_getglobal(a, luaString('deep'));
    expect(() => copyOut(a, -1, () => {})).toThrow(CopyLimitError);
    expect(() => copyOut(a, -1, () => {})).toThrow(/nest tables at most 1000 deep/);
  });

  it('refuses a value bigger than the bound, naming it', () => {
    const a = state();
    run(
      a,
      `big = {string.rep("x", ${COPY_LIMITS.maxBytes / 2}), string.rep("y", ${COPY_LIMITS.maxBytes / 2})}`,
    );
    lua.lua_getglobal(a, luaString('big'));
    expect(() => copyOut(a, -1, () => {})).toThrow(/at most 16 MiB/);
  });
});

describe('copiedFromJs and copiedPreview', () => {
  it('turns YAML-like JS values into Lua values', () => {
    const b = state();
    pushCopied(
      b,
      copiedFromJs({
        name: 'svc',
        count: 3,
        ratio: 0.5,
        tags: ['a', 'b'],
        none: null,
        big: 2n ** 60n,
      }),
    );
    lua.lua_setglobal(b, luaString('v'));
    run(
      b,
      `
      assert(v.name == "svc" and v.count == 3 and math.type(v.count) == "integer")
      assert(v.ratio == 0.5 and v.tags[2] == "b" and #v.tags == 2 and v.none == nil)
      assert(v.big == 1 << 60)
    `,
    );
  });

  it('embeds a Copied inside a JS value as itself', () => {
    const [a, b] = [state(), state()];
    const { copy } = send(a, b, '{x = 1.5}');
    pushCopied(b, copiedFromJs({ kind: 'pid.exit', result: { value: copy } }));
    lua.lua_setglobal(b, luaString('v'));
    run(b, 'assert(v.kind == "pid.exit" and v.result.value.x == 1.5)');
  });

  it('previews values as short Lua-like text, cut at the bound', () => {
    const [a, b] = [state(), state()];
    expect(copiedPreview(send(a, b, '{1, 2.0, "s", name = "x", [true] = false}').copy, 80)).toBe(
      '{1, 2.0, "s", name = "x", [true] = false}',
    );
    expect(
      copiedPreview(send(a, b, '(function() local t = {}; t.t = t; return t end)()').copy, 80),
    ).toBe('{t = {…}}');
    const long = copiedPreview(send(a, b, 'string.rep("a", 100)').copy, 10);
    expect(long).toHaveLength(10);
    expect(long.endsWith('…')).toBe(true);
    expect(copiedPreview(null, 10)).toBe('nil');
  });
});

describe('copiedJson', () => {
  const json = (expression: string, max = 1000) => {
    const [a, b] = [state(), state()];
    return copiedJson(send(a, b, expression).copy, max);
  };

  it('writes lists as arrays, other tables as objects, scalars as JSON', () => {
    const { text, cut } = json('{1, 2.5, "s\\n", true, {}}');
    expect(cut).toBe(false);
    expect(JSON.parse(text)).toEqual([1, 2.5, 's\n', true, []]);
    const map = JSON.parse(json('{name = "x", [3] = 1, nested = {a = {1, 2}}}').text);
    expect(map).toEqual({ name: 'x', '3': 1, nested: { a: [1, 2] } });
    expect(json('1.0').text).toBe('1.0');
    expect(json('nil').text).toBe('null');
    expect(json('0/0').text).toBe('"nan"');
    expect(json('9007199254740993').text).toBe('9007199254740993');
    expect(JSON.parse(json('errors.new("boom")').text)).toEqual({ error: 'boom' });
    expect(json('json.decode("{}")').text).toBe('{}');
  });

  it('names a table met again inside itself instead of recursing', () => {
    expect(JSON.parse(json('(function() local t = {}; t.t = t; return t end)()').text)).toEqual({
      t: '<cycle>',
    });
  });

  it('cuts a long value at the bound and says so', () => {
    const { text, cut } = json('{data = string.rep("a", 10000)}', 100);
    expect(cut).toBe(true);
    expect(text).toHaveLength(100);
    expect(text.startsWith('{"data": "aaa')).toBe(true);
  });
});
