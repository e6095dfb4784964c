import { describe, expect, it } from 'vitest';
import { lualib } from 'fengari';
import { lauxlib, lua, luaString, toDisplayString, type LuaState } from './api.ts';
import { catchNativeErrors } from './native-errors.ts';

function stateWithBrokenFunction(): LuaState {
  const L = lauxlib.luaL_newstate();
  lualib.luaL_openlibs(L);
  catchNativeErrors(L);
  lua.lua_pushcfunction(L, () => {
    throw new TypeError('a library bug');
  });
  lua.lua_setglobal(L, luaString('broken'));
  return L;
}

describe('JavaScript exceptions inside Lua', () => {
  it('become a Lua error that pcall catches', () => {
    const L = stateWithBrokenFunction();
    lauxlib.luaL_loadstring(
      L,
      luaString('local ok, e = pcall(broken); return tostring(ok) .. " " .. e'),
    );
    expect(lua.lua_pcall(L, 0, 1, 0)).toBe(lua.LUA_OK);
    expect(toDisplayString(L, -1)).toBe('false internal error: a library bug');
  });

  it('end a resumed coroutine with that error instead of escaping lua_resume', () => {
    const L = stateWithBrokenFunction();
    const thread = lua.lua_newthread(L);
    lauxlib.luaL_loadstring(thread, luaString('broken()'));
    expect(lua.lua_resume(thread, null, 0)).toBe(lua.LUA_ERRRUN);
    lua.lua_checkstack(thread, 5); // a dead thread's frame ends at its top
    expect(toDisplayString(thread, -1)).toBe('internal error: a library bug');
  });
});
