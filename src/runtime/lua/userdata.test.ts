import { describe, expect, it } from 'vitest';
import { lualib } from 'fengari';
import {
  checkText,
  lauxlib,
  lua,
  luaString,
  pushText,
  toDisplayString,
  type LuaState,
} from './api.ts';
import { userdataType } from './userdata.ts';

interface Box {
  label: string;
}

const box = userdataType<Box>('test.Box', 'box expected');
const plain = userdataType<bigint>('test.Plain');

/** A state with both types registered and globals to reach them from Lua. */
function state(): LuaState {
  const L = lauxlib.luaL_newstate();
  lualib.luaL_openlibs(L);
  box.register(L, {
    methods: {
      label(L1) {
        pushText(L1, box.check(L1, 1).label);
        return 1;
      },
    },
    metamethods: {
      __tostring(L1) {
        pushText(L1, `box(${box.check(L1, 1).label})`);
        return 1;
      },
      __len(L1) {
        lua.lua_pushinteger(L1, box.check(L1, 1).label.length);
        return 1;
      },
    },
  });
  plain.register(L);
  const globals = {
    newBox(L1: LuaState) {
      box.push(L1, { label: checkText(L1, 1) });
      return 1;
    },
    newPlain(L1: LuaState) {
      plain.push(L1, BigInt(lauxlib.luaL_checkinteger(L1, 1)));
      return 1;
    },
    checkBox(L1: LuaState) {
      pushText(L1, box.check(L1, 1).label);
      return 1;
    },
    checkPlain(L1: LuaState) {
      pushText(L1, String(plain.check(L1, 1)));
      return 1;
    },
    /** What `to` sees at argument 1: "null" or the value. */
    toPlain(L1: LuaState) {
      const value = plain.to(L1, 1);
      pushText(L1, value === null ? 'null' : String(value));
      return 1;
    },
  };
  for (const [name, f] of Object.entries(globals)) {
    lua.lua_pushcfunction(L, f);
    lua.lua_setglobal(L, luaString(name));
  }
  return L;
}

/** Run `code` (which asserts in Lua) and return what it returns, as a string. */
function run(code: string): string {
  const L = state();
  if (lauxlib.luaL_loadstring(L, luaString(code)) !== lua.LUA_OK)
    throw new Error(toDisplayString(L, -1));
  if (lua.lua_pcall(L, 0, 1, 0) !== lua.LUA_OK) throw new Error(toDisplayString(L, -1));
  return toDisplayString(L, -1);
}

describe('userdataType', () => {
  it('gives back the value it pushed, and null for any other value', () => {
    expect(
      run(`
        assert(toPlain(newPlain(42)) == "42")
        assert(toPlain(newBox("a")) == "null", "another userdata type")
        assert(toPlain(42) == "null" and toPlain(nil) == "null" and toPlain({}) == "null")
        assert(toPlain(io.stdout) == "null", "a userdata with a metatable of its own")
        return toPlain(newPlain(0))
      `),
    ).toBe('0'); // a falsy value is still a value
  });

  it('checks with the message given for the type', () => {
    expect(
      run(`
        assert(checkBox(newBox("a")) == "a")
        local ok, e = pcall(checkBox, newPlain(1))
        assert(not ok)
        return e
      `),
    ).toBe("bad argument #1 to 'checkBox' (box expected)");
  });

  it("checks with Lua's own message, naming both types, when none is given", () => {
    expect(
      run(`
        assert(checkPlain(newPlain(7)) == "7")
        local _, e1 = pcall(checkPlain, 1)
        local _, e2 = pcall(checkPlain, newBox("a"))
        return e1 .. " / " .. e2
      `),
    ).toBe(
      "bad argument #1 to 'checkPlain' (test.Plain expected, got number) / " +
        "bad argument #1 to 'checkPlain' (test.Plain expected, got test.Box)",
    );
  });

  it('registers the methods as __index and the metamethods as given', () => {
    expect(
      run(`
        local b = newBox("abc")
        assert(b:label() == "abc" and #b == 3)
        assert(b.nosuch == nil)
        return tostring(b)
      `),
    ).toBe('box(abc)');
  });

  it('protects the metatable with the type name', () => {
    expect(
      run(`
        assert(getmetatable(newBox("a")) == "test.Box")
        assert(not pcall(setmetatable, newBox("a"), {}))
        return getmetatable(newPlain(1))
      `),
    ).toBe('test.Plain');
  });

  it('leaves out __index without methods, so indexing fails, and tostring shows the name', () => {
    expect(
      run(`
        local p = newPlain(1)
        assert(not pcall(function() return p.x end))
        return (tostring(p):gsub("0x%x+", "ADDR"))
      `),
    ).toBe('test.Plain: ADDR');
  });
});
