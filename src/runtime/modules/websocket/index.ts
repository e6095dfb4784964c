/**
 * The `websocket` library (spec: websocket-module.md; the platform's
 * `runtime/lua/modules/websocket/module.go`): `connect`, the client's methods and the
 * constants, one concept per file beside this one. The run tracks only connections that have
 * not ended (to close them when it ends): a closed client is kept by the script's reference
 * alone, so a connect/close loop does not grow memory.
 */
import { lua, luaString, setFunctions, type LuaFunction } from '../../lua/api.ts';
import { clientLibrary } from './client.ts';
import { connectFunction } from './connect.ts';
import { CLOSE_CODES, COMPRESSION, MESSAGE_CONSTANTS, pushConstantTable } from './constants.ts';
import type { WebsocketContext } from './context.ts';

export type { TransportChoice, WebsocketContext } from './context.ts';

export function openWebsocket(ctx: WebsocketContext): LuaFunction {
  const clients = clientLibrary(ctx);
  const connect = connectFunction(ctx, clients.pushClient);
  return (L) => {
    clients.register(L);
    pushConstantTable(L, 'websocket', MESSAGE_CONSTANTS);
    const module = lua.lua_gettop(L);
    // The proxy's __index table is where the values live; add functions and subtables there.
    lua.lua_getmetatable(L, module);
    lua.lua_getfield(L, -1, luaString('__index'));
    setFunctions(L, { connect });
    pushConstantTable(L, 'websocket.COMPRESSION', COMPRESSION);
    lua.lua_setfield(L, -2, luaString('COMPRESSION'));
    pushConstantTable(L, 'websocket.CLOSE_CODES', CLOSE_CODES);
    lua.lua_setfield(L, -2, luaString('CLOSE_CODES'));
    lua.lua_pop(L, 2);
    return 1;
  };
}
