/**
 * `client:close([code [, reason]])` (module.go:349-369): the code and reason are resolved as
 * the platform does (close-args.ts), warning for what it replaces; the call waits up to 5 s for
 * the peer's close frame, as coder/websocket does, and the channel closes when it returns
 * (yields.go:302-313). A second close fails with "websocket connection not found"
 * (registry.go:199-204); a first close after the server closed succeeds.
 */
import {
  checkBytes,
  decodeUtf8,
  isValidUtf8,
  lua,
  toDisplayString,
  type LuaFunction,
  type LuaState,
} from '../../lua/api.ts';
import { Connection } from '../../connection.ts';
import { TransportUnsupported } from '../../transport/types.ts';
import { warn } from '../../warnings.ts';
import { returnFalse, runtimeError } from '../errors.ts';
import { resolveClose } from './close-args.ts';
import type { WebsocketContext } from './context.ts';
import { NOT_FOUND, pushTrue, type Lookup } from './results.ts';
import { waitUntil } from './wait.ts';

/** How long `close` waits for the peer's close frame (coder/websocket close.go: 5 s). */
const CLOSE_WAIT_MS = 5000;

export function closeMethod(ctx: WebsocketContext, lookup: Lookup): LuaFunction {
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

  return close;
}
