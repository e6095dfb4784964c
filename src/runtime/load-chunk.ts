/**
 * Loads a chunk as its dialect reads it, leaving the function (or the error message) on the
 * stack as `luaL_loadbuffer` does. Under `lua53` it is `luaL_loadbuffer`. Under `wippy` the
 * dialect front end parses it (a syntax error is reported as Lua words it, at the user's line:
 * `main.lua:3: 'end' expected near <eof>`), erases the types with every line and column kept,
 * and binds the declared types beside the loaded function (modules/types/bind.ts).
 */
import { encodeUtf8, lauxlib, lua, luaString, pushText, type LuaState } from './lua/api.ts';
import { prepareChunk } from '../dialect/front-end.ts';
import type { ParseResult } from '../dialect/ast.ts';
import { bindManifest } from './modules/types/bind.ts';
import type { Dialect } from '../shared/dialect.ts';

/** Returns lua.LUA_OK or an error status, with the function or the message on the stack. */
export function loadChunk(
  L: LuaState,
  source: string,
  chunkName: string,
  dialect: Dialect,
  /** The source already parsed (wippy only), so a checked run parses it once. */
  parsed?: ParseResult,
): number {
  if (dialect !== 'wippy') return loadPlain(L, source, chunkName);
  const prepared = prepareChunk(source, parsed);
  if (!prepared.ok) {
    pushText(L, `${chunkName}:${prepared.error.line}: ${prepared.error.message}`);
    return lua.LUA_ERRSYNTAX;
  }
  const status = loadPlain(L, prepared.code, chunkName);
  if (status === lua.LUA_OK) bindManifest(L, -1, prepared.manifest);
  return status;
}

function loadPlain(L: LuaState, source: string, chunkName: string): number {
  const bytes = encodeUtf8(source);
  return lauxlib.luaL_loadbuffer(L, bytes, bytes.length, luaString(`=${chunkName}`));
}
