/**
 * The Payload userdata and the `payload` global against runtime/lua/modules/payload/spec.md
 * and module.go, asserted in Lua on a real state; received payloads come from a second state
 * through payload-copy, as a message's would.
 */
import { describe, it } from 'vitest';
import { lualib } from 'fengari';
import { lauxlib, lua, luaString, toDisplayString, type LuaState } from '../../lua/api.ts';
import { setDialect } from '../../lua/dialect.ts';
import { openErrors } from '../errors.ts';
import { openJson } from '../json.ts';
import { copyOut } from '../../../process/payload-copy.ts';
import { openPayload, pushPayload } from './payload.ts';

function state(): LuaState {
  const L = lauxlib.luaL_newstate();
  setDialect(L, 'wippy');
  lualib.luaL_openlibs(L);
  for (const [name, open] of [
    ['errors', openErrors],
    ['json', openJson],
    ['payload', openPayload],
  ] as const) {
    lauxlib.luaL_requiref(L, luaString(name), open, 1);
    lua.lua_pop(L, 1);
  }
  return L;
}

function run(L: LuaState, code: string): void {
  if (lauxlib.luaL_dostring(L, luaString(code)) !== lua.LUA_OK)
    throw new Error(toDisplayString(L, -1));
}

/** `expression` evaluated in a sender state arrives in `to` as the Payload global `p`. */
function receive(to: LuaState, expression: string): void {
  const from = state();
  run(from, `__v = ${expression}`);
  lua.lua_getglobal(from, luaString('__v'));
  pushPayload(
    to,
    copyOut(from, -1, () => {}),
  );
  lua.lua_setglobal(to, luaString('p'));
}

describe('payload global (module.go buildModule)', () => {
  it('has new and the format constants, which scripts cannot change', () => {
    run(
      state(),
      `
      assert(payload.format.JSON == "json/plain" and payload.format.YAML == "yaml/plain")
      assert(payload.format.STRING == "text/plain" and payload.format.BYTES == "application/octet-stream")
      assert(payload.format.MSGPACK == "application/msgpack" and payload.format.LUA == "lua/any")
      assert(payload.format.GOLANG == "golang/any" and payload.format.ERROR == "golang/error")
      assert(not pcall(function() payload.format.JSON = "x" end))
    `,
    );
  });

  it('new keeps the value itself: data() is the same table, errors get golang/error', () => {
    run(
      state(),
      `
      local t = {name = "test", values = {1, 2, 3}}
      local p = payload.new(t)
      assert(p:get_format() == "lua/any" and p:data() == t and p:unmarshal() == t)
      assert(tostring(p) == "payload{format=lua/any}", tostring(p))
      local e = payload.new(errors.new("failed"))
      assert(e:get_format() == "golang/error")
      assert(errors.is(e:data(), errors.UNKNOWN) and e:data():message() == "failed")
      assert(payload.new(nil):data() == nil and payload.new(123):data() == 123)
    `,
    );
  });

  it('methods check their receiver: "payload expected"', () => {
    run(
      state(),
      `
      local p = payload.new(1)
      local ok, err = pcall(p.data, {})
      assert(not ok and tostring(err):find("payload expected"), tostring(err))
    `,
    );
  });
});

describe('received payloads (pushPayload of a copy)', () => {
  it('data() gives the copied value, the same table on every call', () => {
    const L = state();
    receive(L, '{name = "x", list = {1, 2.5}}');
    run(
      L,
      `
      assert(p:get_format() == "lua/any")
      local d = p:data()
      assert(d.name == "x" and d.list[2] == 2.5 and math.type(d.list[1]) == "integer")
      assert(p:data() == d and p:unmarshal() == d)
    `,
    );
  });

  it('an error value arrives as a golang/error payload whose data is the error', () => {
    const L = state();
    receive(L, 'errors.new{message = "bad", kind = errors.INVALID}');
    run(L, 'assert(p:get_format() == "golang/error" and p:data():kind() == "Invalid")');
  });
});

describe('transcode (engine/payload/{json,string,bytes}.go)', () => {
  it('goes to JSON and back, and to text for scalars', () => {
    run(
      state(),
      `
      local j, err = payload.new({a = 1, list = {1, 2}}):transcode(payload.format.JSON)
      assert(j and err == nil and j:get_format() == "json/plain", tostring(err))
      local back = j:data()
      assert(back.a == 1 and back.list[2] == 2)
      local again = j:transcode(payload.format.LUA)
      assert(again:get_format() == "lua/any" and again:data().a == 1)
      assert(payload.new(42):transcode(payload.format.STRING):data() == "42")
      assert(payload.new(true):transcode(payload.format.STRING):data() == "true")
      assert(payload.new(nil):transcode(payload.format.BYTES):data() == "")
      assert(payload.new(0.5):transcode(payload.format.STRING):data() == "0.5")
      local s = payload.new("hi")
      assert(s:transcode(payload.format.LUA):data() == "hi")
      assert(s:transcode(payload.format.LUA) ~= s)
    `,
    );
  });

  it('fails with kind Internal where the playground does not emulate the format', () => {
    run(
      state(),
      `
      local p, err = payload.new({1}):transcode(payload.format.YAML)
      assert(p == nil and err:kind() == errors.INTERNAL, tostring(err))
      assert(tostring(err):find("yaml/plain"), tostring(err))
      local q, err2 = payload.new({f = 1, [2] = 2}):transcode(payload.format.JSON)
      assert(q == nil and err2:kind() == errors.INTERNAL, tostring(err2))
      local r, err3 = payload.new({1}):transcode(payload.format.STRING)
      assert(r == nil and err3:kind() == errors.INTERNAL)
    `,
    );
  });
});
