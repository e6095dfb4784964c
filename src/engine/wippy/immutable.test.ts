/**
 * Immutable tables (wippyai/runtime `cached_libs.go` sets `Immutable = true` on the library
 * tables; go-lua `state.go` setField/setFieldString raise "attempt to modify Immutable table"
 * with the script's position): every write path of the patched engine refuses a table that
 * `markImmutable` flagged, reads stay free. platform-lua.md §1 row "errors | `string.x = 1`,
 * `math.pi = 3`, `function string.trim() end`, `table.insert = …`". The runtime's libraries
 * are marked by their own code; here a state is built from TypeScript and marked directly.
 */
import { describe, expect, it } from 'vitest';
import { lualib } from 'fengari';
import { lauxlib, lua, luaString, type LuaState } from '../../runtime/lua/api.ts';
import { setDialect } from '../../runtime/lua/dialect.ts';
import { isImmutable, markImmutable } from '../../runtime/lua/immutable.ts';

function stateWithImmutableLibraries(): LuaState {
  const L = lauxlib.luaL_newstate();
  setDialect(L, 'wippy');
  lualib.luaL_openlibs(L);
  for (const name of ['string', 'math', 'table']) {
    lua.lua_getglobal(L, luaString(name));
    markImmutable(L, -1);
    lua.lua_pop(L, 1);
  }
  return L;
}

/** "ok" when the chunk runs to its end, else its error message. */
function outcome(L: LuaState, code: string): string {
  if (lauxlib.luaL_loadbuffer(L, luaString(code), null, luaString('=main.lua')) !== lua.LUA_OK)
    return `syntax: ${lua.lua_tojsstring(L, -1)}`;
  const status = lua.lua_pcall(L, 0, 0, 0);
  const result = status === lua.LUA_OK ? 'ok' : String(lua.lua_tojsstring(L, -1));
  lua.lua_settop(L, 0);
  return result;
}

const REFUSED: Array<[string, string]> = [
  ['`string.x = 1`', 'string.x = 1'],
  ['`math.pi = 3` (an existing key)', 'local a = 1\nmath.pi = 3'],
  ['`function string.trim() end`', 'function string.trim() end'],
  ['`table.insert = …`', 'table.insert = print'],
  ['removing a key', 'math.floor = nil'],
  ['an integer key', 'string[1] = true'],
  ['rawset, with the script line (go-lua RaiseError skips Go frames)', 'rawset(math, "tau", 6.28)'],
  ['a library function writing into it', 'table.insert(string, "x")'],
];

describe('immutable tables', () => {
  it('marks the engine table and reports it', () => {
    const L = stateWithImmutableLibraries();
    lua.lua_getglobal(L, luaString('string'));
    expect(isImmutable(L, -1)).toBe(true);
    lua.lua_newtable(L);
    expect(isImmutable(L, -1)).toBe(false);
  });

  for (const [row, code] of REFUSED)
    it(`refuses every write: ${row}`, () => {
      const line = code.split('\n').length;
      expect(outcome(stateWithImmutableLibraries(), code)).toBe(
        `main.lua:${line}: attempt to modify Immutable table`,
      );
    });

  it('refuses lua_rawseti and lua_setfield from the host too', () => {
    const L = stateWithImmutableLibraries();
    const viaApi = (write: (L1: LuaState) => void): string => {
      lua.lua_pushcfunction(L, (L1: LuaState) => {
        lua.lua_getglobal(L1, luaString('math'));
        write(L1);
        return 0;
      });
      const status = lua.lua_pcall(L, 0, 0, 0);
      const message = status === lua.LUA_OK ? 'ok' : String(lua.lua_tojsstring(L, -1));
      lua.lua_settop(L, 0);
      return message;
    };
    const rawseti = viaApi((L1) => {
      lua.lua_pushboolean(L1, true);
      lua.lua_rawseti(L1, -2, 1);
    });
    const setfield = viaApi((L1) => {
      lua.lua_pushboolean(L1, true);
      lua.lua_setfield(L1, -2, luaString('flag'));
    });
    expect([rawseti, setfield]).toEqual([
      'attempt to modify Immutable table',
      'attempt to modify Immutable table',
    ]);
  });

  it('still reads, and leaves other tables writable', () => {
    const L = stateWithImmutableLibraries();
    const code = `
      assert(string.upper("a") == "A" and math.pi > 3)
      local t = {} t.x = 1 rawset(t, "y", 2) table.insert(t, 3)
      assert(t.x == 1 and t.y == 2 and t[1] == 3)
      local s = setmetatable({}, { __index = string }) s.own = 1 assert(s.own == 1)`;
    expect(outcome(L, code)).toBe('ok');
  });
});
