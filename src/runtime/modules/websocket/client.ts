/**
 * The client userdata (`websocket.Client`) and its methods (module.go:262-369). Every method
 * checks that the run is still going, so a client that outlives its run fails cleanly.
 *
 * Return values follow the documented contract (types.go:35-39, the original page):
 * `send`, `ping` and `close` return `true` or `false, err`; the platform's code returns nothing
 * and drops errors (docs/platform-differences.md B1-B3, B7). What the platform replaces
 * silently (a send type, a close code) is replaced here too, with a warning.
 */
import {
  checkBytes,
  decodeUtf8,
  isValidUtf8,
  lauxlib,
  lua,
  luaString,
  pushText,
  setFunctions,
  toDisplayString,
  type LuaFunction,
  type LuaState,
} from '../../lua/api.ts';
import { Connection } from '../../connection.ts';
import { TransportUnsupported } from '../../transport/types.ts';
import { warn } from '../../warnings.ts';
import { returnError, returnFalse, runtimeError, type RuntimeError } from '../errors.ts';
import { resolveClose } from './close-args.ts';
import type { WebsocketContext } from './context.ts';
import { waitUntil } from './wait.ts';

export const CLIENT_TYPE = 'websocket.Client';
/** `send` waits while more than this is queued on the socket, so memory stays bounded. */
const SEND_HIGH_WATER = 8 * 1024 * 1024;
const DRAIN_POLL_MS = 5;
/** How long `close` waits for the peer's close frame (coder/websocket close.go: 5 s). */
const CLOSE_WAIT_MS = 5000;

/** After the script's close(): the platform's registry no longer knows the handle. */
const NOT_FOUND = runtimeError('INTERNAL', 'websocket connection not found');
const CLOSED = runtimeError('INTERNAL', 'websocket connection closed');

const pushTrue = (L: LuaState): number => {
  lua.lua_pushboolean(L, true);
  return 1;
};

export interface ClientLibrary {
  pushClient(L: LuaState, connection: Connection, channelIdx: number): void;
  /** Create the metatable; call once when the module opens. */
  register(L: LuaState): void;
}

export function clientLibrary(ctx: WebsocketContext): ClientLibrary {
  /** The connection behind the client at idx 1, or the error that explains why there is none. */
  const lookup = (L: LuaState): Connection | RuntimeError => {
    const box = lauxlib.luaL_checkudata(L, 1, luaString(CLIENT_TYPE));
    if (ctx.ended())
      return runtimeError(
        'INTERNAL',
        'no runtime context: the run that opened this client has ended',
      );
    return box.connection instanceof Connection
      ? box.connection
      : runtimeError('INTERNAL', 'invalid connection ID type');
  };

  /** The connection if the script may still write to it, else the error to return. */
  const writable = (c: Connection | RuntimeError): Connection | RuntimeError => {
    if (!(c instanceof Connection)) return c;
    if (c.closedByScript) return NOT_FOUND;
    return c.state === 'open' ? c : CLOSED;
  };

  /** module.go:284-290: `safeInt(type, 1, 2)`, anything else is TEXT. */
  const messageType = (L: LuaState): 1 | 2 => {
    if (lua.lua_gettop(L) < 3 || lua.lua_isnil(L, 3)) return 1;
    const n = lua.lua_isnumber(L, 3) ? (lua.lua_tonumber(L, 3) as number) : NaN;
    if (n >= 1 && n <= 2) return Math.trunc(n) as 1 | 2;
    warn(
      L,
      `client:send: type ${toDisplayString(L, 3)} is not websocket.TEXT (1) or websocket.BINARY (2); the message is sent as TEXT, as on the platform`,
    );
    return 1;
  };

  const send: LuaFunction = (L) => {
    const looked = lookup(L);
    const data = checkBytes(L, 2);
    const type = messageType(L);
    const connection = writable(looked);
    if (!(connection instanceof Connection)) return returnFalse(L, connection);
    if (type === 1 && !isValidUtf8(data)) {
      warn(
        L,
        'client:send: a TEXT message that is not valid UTF-8 is sent as it is, as on the platform; the peer may close with 1007 (send bytes as websocket.BINARY)',
      );
    }
    const isOpen = () => connection.state === 'open' && !connection.closedByScript;
    const belowHighWater = () =>
      !isOpen() || connection.connection.bufferedAmount() <= SEND_HIGH_WATER;
    return waitUntil(
      ctx,
      L,
      belowHighWater,
      (L1) => {
        if (!isOpen()) return returnFalse(L1, CLOSED);
        connection.send(data, type === 2);
        const timeout = connection.options.writeTimeoutMs;
        if (timeout === 0) return pushTrue(L1);
        const deadline = ctx.now() + timeout;
        const drained = () =>
          !isOpen() || connection.connection.bufferedAmount() === 0 || ctx.now() >= deadline;
        return waitUntil(
          ctx,
          L1,
          drained,
          (L2) => {
            if (isOpen() && connection.connection.bufferedAmount() > 0) {
              return returnFalse(
                L2,
                runtimeError(
                  'TIMEOUT',
                  `write timeout: the message was not sent within ${timeout} ms`,
                  true,
                ),
              );
            }
            return pushTrue(L2);
          },
          DRAIN_POLL_MS,
        );
      },
      DRAIN_POLL_MS,
    );
  };

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

  const close: LuaFunction = (L) => {
    const looked = lookup(L);
    const top = lua.lua_gettop(L);
    const hasCode = top >= 2 && !lua.lua_isnil(L, 2);
    const code = !hasCode
      ? undefined
      : lua.lua_isnumber(L, 2)
        ? (lua.lua_tonumber(L, 2) as number)
        : NaN;
    const shownCode = hasCode ? toDisplayString(L, 2) : '';
    // module.go:362-364: a third argument must be a string, nil included.
    const reasonBytes = top >= 3 ? checkBytes(L, 3) : new Uint8Array(0);
    if (!(looked instanceof Connection)) return returnFalse(L, looked);
    const connection = looked;
    if (connection.closedByScript) return returnFalse(L, NOT_FOUND);
    const { frame, warnings } = resolveClose(
      code,
      shownCode,
      decodeUtf8(reasonBytes),
      reasonBytes.length,
    );
    for (const message of warnings) warn(L, message);
    if (frame.kind === 'code' && !isValidUtf8(reasonBytes)) {
      warn(L, 'client:close: the reason is not valid UTF-8; invalid bytes are sent as U+FFFD');
    }
    if (connection.state !== 'open') {
      // The peer closed first: the platform's registry still holds the entry, so this succeeds.
      connection.closedByScript = true;
      connection.stopDelivery();
      return pushTrue(L);
    }
    try {
      connection.closeBy(frame);
    } catch (e) {
      if (!(e instanceof TransportUnsupported)) throw e;
      return returnFalse(L, runtimeError('UNAVAILABLE', e.message));
    }
    const done = (L1: LuaState) => {
      connection.stopDelivery();
      return pushTrue(L1);
    };
    if (!lua.lua_isyieldable(L)) return done(L);
    // Wait for the peer's close frame, so close_info() is known once close() returns.
    const deadline = ctx.now() + CLOSE_WAIT_MS;
    connection.waiters.add(ctx.scheduler.current);
    return waitUntil(ctx, L, () => connection.ended || ctx.now() >= deadline, done, CLOSE_WAIT_MS);
  };

  const methods: Record<string, LuaFunction> = {
    channel,
    close,
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
    send,
  };

  /** Playground addition: `websocket.client(url, state)`; the platform shows `userdata: 0x…`. */
  const toString: LuaFunction = (L) => {
    const box = lauxlib.luaL_checkudata(L, 1, luaString(CLIENT_TYPE));
    const connection = box.connection instanceof Connection ? box.connection : undefined;
    pushText(L, `websocket.client(${connection?.url ?? '?'}, ${connection?.state ?? 'unknown'})`);
    return 1;
  };

  return {
    pushClient(L, connection, channelIdx) {
      const box = lua.lua_newuserdata(L, 0);
      box.connection = connection;
      lauxlib.luaL_setmetatable(L, luaString(CLIENT_TYPE));
      lua.lua_pushvalue(L, channelIdx);
      lua.lua_setuservalue(L, -2);
    },
    register(L) {
      lauxlib.luaL_newmetatable(L, luaString(CLIENT_TYPE));
      lua.lua_newtable(L);
      setFunctions(L, methods);
      lua.lua_setfield(L, -2, luaString('__index'));
      lua.lua_pushcfunction(L, toString);
      lua.lua_setfield(L, -2, luaString('__tostring'));
      lua.lua_pushliteral(L, CLIENT_TYPE);
      lua.lua_setfield(L, -2, luaString('__metatable'));
      lua.lua_pop(L, 1);
    },
  };
}
