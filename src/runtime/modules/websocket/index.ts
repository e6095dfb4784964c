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
    // Filled before it is sealed: a read-only proxy (lua53) or an immutable table (wippy).
    pushConstantTable(L, 'websocket', MESSAGE_CONSTANTS, (L1) => {
      setFunctions(L1, { connect });
      pushConstantTable(L1, 'websocket.COMPRESSION', COMPRESSION);
      lua.lua_setfield(L1, -2, luaString('COMPRESSION'));
      pushConstantTable(L1, 'websocket.CLOSE_CODES', CLOSE_CODES);
      lua.lua_setfield(L1, -2, luaString('CLOSE_CODES'));
    });
    return 1;
  };
}
