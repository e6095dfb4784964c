/**
 * The client userdata (`websocket.Client`) and its methods (module.go:262-369). Every method
 * checks that the run is still going, so a client that outlives its run fails cleanly.
 *
 * Return values follow the documented contract (types.go:35-39, the original page):
 * `send`, `ping` and `close` return `true` or `false, err`; the platform's code returns nothing
 * and drops errors (docs/platform-differences.md B1-B3, B7). What the platform replaces
 * silently (a send type, a close code) is replaced here too, with a warning. `send` and
 * `close` are in send.ts and close.ts.
 */
import { lua, pushText, type LuaFunction, type LuaState } from '../../lua/api.ts';
import { Connection } from '../../connection.ts';
import { TransportUnsupported } from '../../transport/types.ts';
import { returnError, returnFalse, runtimeError } from '../errors.ts';
import { closeMethod } from './close.ts';
import type { WebsocketContext } from './context.ts';
import { CLOSED, NOT_FOUND, clientType, lookupFor, pushTrue, writable } from './results.ts';
import { sendMethod } from './send.ts';

export interface ClientLibrary {
  pushClient(L: LuaState, connection: Connection, channelIdx: number): void;
  /** Create the metatable; call once when the module opens. */
  register(L: LuaState): void;
}

export function clientLibrary(ctx: WebsocketContext): ClientLibrary {
  const lookup = lookupFor(ctx.ended);

  /**
   * module.go:300-337: the first call subscribes. It fails (Internal, retryable) once the
   * script closed the connection or the connection ended before it: what arrived is lost
   * (registry.go:160-168). Later calls return the same channel.
   */
  const channel: LuaFunction = (L) => {
    const connection = lookup(L);
    if (!(connection instanceof Connection)) return returnError(L, connection);
    if (!connection.subscribed) {
      if (connection.closedByScript) return returnError(L, { ...NOT_FOUND, retryable: true });
      if (connection.ended) return returnError(L, { ...CLOSED, retryable: true });
      connection.subscribed = true;
    }
    lua.lua_getuservalue(L, 1);
    return 1;
  };

  const methods: Record<string, LuaFunction> = {
    channel,
    close: closeMethod(ctx, lookup),
    /** Playground addition: the close code and reason once the connection has closed. */
    close_info(L) {
      const connection = lookup(L);
      if (!(connection instanceof Connection)) return returnError(L, connection);
      if (connection.state !== 'closed') {
        lua.lua_pushnil(L);
        return 1;
      }
      lua.lua_pushinteger(L, connection.closeCode ?? 1006);
      pushText(L, connection.closeReason ?? '');
      return 2;
    },
    ping(L) {
      const connection = writable(lookup(L));
      if (!(connection instanceof Connection)) return returnFalse(L, connection);
      try {
        connection.ping();
      } catch (e) {
        if (!(e instanceof TransportUnsupported)) throw e;
        return returnFalse(L, runtimeError('UNAVAILABLE', e.message));
      }
      return pushTrue(L);
    },
    /** module.go:264: an alias of channel(). */
    receive: channel,
    send: sendMethod(ctx, lookup),
  };

  /** Playground addition: `websocket.client(url, state)`; the platform shows `userdata: 0x…`. */
  const toString: LuaFunction = (L) => {
    const client = clientType.check(L, 1);
    const connection = client instanceof Connection ? client : undefined;
    pushText(L, `websocket.client(${connection?.url ?? '?'}, ${connection?.state ?? 'unknown'})`);
    return 1;
  };

  return {
    pushClient(L, connection, channelIdx) {
      clientType.push(L, connection);
      lua.lua_pushvalue(L, channelIdx);
      lua.lua_setuservalue(L, -2);
    },
    register(L) {
      clientType.register(L, { methods, metamethods: { __tostring: toString } });
    },
  };
}
