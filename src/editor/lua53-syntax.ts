/**
 * Syntax errors of reference Lua 5.3 as Lua itself reports them: fengari's own parser loads
 * the chunk into a throwaway state and nothing runs. Used by the editor's check worker for
 * scripts in the `lua53` dialect.
 */
import { decodeUtf8, encodeUtf8, lauxlib, lua, luaString } from '../runtime/lua/api.ts';

/** Lua's message for the first syntax error of `code` (`main.lua:3: …`), or null. */
export function lua53SyntaxError(code: string, chunkName: string): string | null {
  const L = lauxlib.luaL_newstate();
  try {
    const source = encodeUtf8(code);
    const status = lauxlib.luaL_loadbuffer(L, source, source.length, luaString(`=${chunkName}`));
    if (status === lua.LUA_OK) return null;
    return decodeUtf8(lua.lua_tolstring(L, -1) as Uint8Array);
  } finally {
    lua.lua_close(L);
  }
}
