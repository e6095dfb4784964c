/**
 * `client:send(data [, type])` (module.go:279-295): the type is read as `safeInt(type, 1, 2)`,
 * anything else is TEXT (with a warning here); text is not checked for UTF-8 (a warning here).
 * Returns `true` once the message is handed to the transport, or `false, err` (the documented
 * contract; the platform returns nothing). It waits while more than SEND_HIGH_WATER bytes are
 * queued, so memory stays bounded, and with `write_timeout` until the socket has drained.
 */
import {
  checkBytes,
  isValidUtf8,
  lua,
  toDisplayString,
  type LuaFunction,
  type LuaState,
} from '../../lua/api.ts';
import { Connection } from '../../connection.ts';
import { warn } from '../../warnings.ts';
import { returnFalse, runtimeError } from '../errors.ts';
import type { WebsocketContext } from './context.ts';
import { CLOSED, pushTrue, writable, type Lookup } from './results.ts';
import { waitUntil } from './wait.ts';

const SEND_HIGH_WATER = 8 * 1024 * 1024;
const DRAIN_POLL_MS = 5;

export function sendMethod(ctx: WebsocketContext, lookup: Lookup): LuaFunction {
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

  return send;
}
