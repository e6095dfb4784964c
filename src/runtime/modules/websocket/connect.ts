/**
 * `websocket.connect(url [, options])`, in the platform's order (module.go:134-253):
 *
 *   1. policy `websocket.connect` with resource ""        denied → nil, PermissionDenied
 *   2. the URL argument (a string, not "")                 otherwise a raised argument error
 *   3. policy `websocket.connect.url` with the URL as written   denied → nil, PermissionDenied
 *   4. the options (nil or a table, read leniently)        a non-table raises; the rest warns
 *   5. the dial                                            failure → nil, Internal, retryable
 *
 * Nothing is opened before both policy checks pass. Step 5 includes what the platform's dialer
 * refuses (dial-target.ts) and what the page's transport cannot do (UNAVAILABLE, naming the
 * relay: a browser limit, docs/platform-differences.md B26).
 */
import {
  argError,
  decodeUtf8,
  lauxlib,
  lua,
  type LuaFunction,
  type LuaState,
} from '../../lua/api.ts';
import { LuaOpaque, LuaTable, type LuaValue } from '../../lua/values.ts';
import { parseConnectOptions, type ConnectOptions } from '../../connect-options.ts';
import { dialTarget } from '../../dial-target.ts';
import { Connection } from '../../connection.ts';
import { routeUrl } from '../../route.ts';
import { warn } from '../../warnings.ts';
import { returnError, runtimeError } from '../errors.ts';
import { CONNECT, CONNECT_URL, evaluate } from '../../../policy/policy.ts';
import type { ConnectionState } from '../../../shared/run-events.ts';
import type { Transport } from '../../transport/types.ts';
import type { WebsocketContext } from './context.ts';
import { waitUntil } from './wait.ts';

/** The platform's prefix of every dial error (service/websocket/errors.go `NewDialError`). */
const DIAL_FAILED = 'failed to dial websocket: ';

/** The option the transport cannot honour, named with the way out (the relay). */
function missingFeature(transport: Transport, options: ConnectOptions): string | null {
  const f = transport.features;
  const needsRelay = (what: string) =>
    `the relay is needed for ${what}: the browser's own WebSocket cannot do it (transport is direct)`;
  if (Object.keys(options.headers).length > 0 && !f.headers) return needsRelay('custom headers');
  if (options.explicit.has('compression') && !f.compression)
    return needsRelay('choosing compression');
  if (options.explicit.has('compression_threshold') && !f.compression)
    return needsRelay('compression_threshold');
  if (options.explicit.has('read_limit') && !f.readLimit) return needsRelay('read_limit');
  return null;
}

/** A plain Lua value, tables copied `levels` deep (deeper ones stay opaque): no cycle can bite. */
function readShallow(L: LuaState, idx: number, levels: number): LuaValue {
  const abs = lua.lua_absindex(L, idx);
  switch (lua.lua_type(L, abs)) {
    case lua.LUA_TNIL:
    case lua.LUA_TNONE:
      return null;
    case lua.LUA_TBOOLEAN:
      return lua.lua_toboolean(L, abs) as boolean;
    case lua.LUA_TNUMBER:
      return lua.lua_tonumber(L, abs) as number;
    case lua.LUA_TSTRING:
      return decodeUtf8(lua.lua_tolstring(L, abs) as Uint8Array);
    case lua.LUA_TTABLE: {
      if (levels === 0) return new LuaOpaque('table', 'table');
      const entries: Array<[LuaValue, LuaValue]> = [];
      lua.lua_pushnil(L);
      while (lua.lua_next(L, abs) !== 0) {
        entries.push([readShallow(L, -2, 0), readShallow(L, -1, levels - 1)]);
        lua.lua_pop(L, 1);
      }
      return new LuaTable(entries);
    }
    default: {
      const name = decodeUtf8(lua.lua_typename(L, lua.lua_type(L, abs)) as Uint8Array);
      return new LuaOpaque(name, name);
    }
  }
}

export function connectFunction(
  ctx: WebsocketContext,
  pushClient: (L: LuaState, connection: Connection, channelIdx: number) => void,
): LuaFunction {
  let counter = 1;
  const nextConnectionId = ctx.nextConnectionId ?? (() => counter++);

  /** A connection that never opened, for the inspector. */
  const reportUnopened = (url: string, state: ConnectionState, why: string, error: string) => {
    ctx.observer.connection({
      id: nextConnectionId(),
      url,
      routedUrl: url,
      state,
      transport: 'none',
      transportWhy: why,
      protocol: '',
      extensions: '',
      error,
    });
  };

  return (L) => {
    const mayConnect = evaluate(ctx.policy, CONNECT, '');
    ctx.observer.decision(mayConnect);
    if (!mayConnect.allowed) {
      const shown =
        lua.lua_type(L, 1) === lua.LUA_TSTRING ? decodeUtf8(lua.lua_tolstring(L, 1)) : '?';
      reportUnopened(shown, 'denied', 'denied by policy: no socket opened', mayConnect.explanation);
      return returnError(L, runtimeError('PERMISSION_DENIED', 'websocket connections not allowed'));
    }

    const url = decodeUtf8(lauxlib.luaL_checklstring(L, 1));
    if (url === '') argError(L, 1, 'URL required');

    const mayOpen = evaluate(ctx.policy, CONNECT_URL, url);
    ctx.observer.decision(mayOpen);
    if (!mayOpen.allowed) {
      reportUnopened(url, 'denied', 'denied by policy: no socket opened', mayOpen.explanation);
      return returnError(L, runtimeError('PERMISSION_DENIED', `not allowed: ${url}`));
    }

    let table: LuaTable | null = null;
    if (!lua.lua_isnoneornil(L, 2)) {
      lauxlib.luaL_checktype(L, 2, lua.LUA_TTABLE);
      table = readShallow(L, 2, 2) as LuaTable;
    }
    const { options, warnings } = parseConnectOptions(table);
    for (const message of warnings) warn(L, message);

    const target = dialTarget(url, options);
    if (!target.ok) {
      reportUnopened(url, 'failed', 'refused before dialing', target.error);
      return returnError(L, runtimeError('INTERNAL', DIAL_FAILED + target.error, true));
    }
    const missing = missingFeature(ctx.transport.transport, options);
    if (missing) return returnError(L, runtimeError('UNAVAILABLE', missing));

    ctx.scheduler.assertCanBlock(L);
    return dial(L, url, routeUrl(target.url, ctx.demoHosts), options);
  };

  function dial(L: LuaState, url: string, routedUrl: string, options: ConnectOptions): number {
    const { transport, why } = ctx.transport;
    // The channel is made first (the connection needs it); it reaches the connection late.
    const late: { connection?: Connection } = {};
    const channel = ctx.channels.create(L, options.channelCapacity, {
      receiveOnly: true,
      onTake: () => late.connection?.onChannelTake(),
    });
    // Its userdata stays on the stack (kept across the wait) until the client holds it.
    const channelIdx = lua.lua_gettop(L);
    const id = nextConnectionId();
    const opened = new Connection(id, url, routedUrl, options, transport, why, channel, {
      scheduler: ctx.scheduler,
      timers: ctx.timers,
      observer: ctx.observer,
      now: ctx.now,
      onEnded: (ended) => {
        ctx.connections.delete(ended.id);
        ctx.connectionEnded();
      },
    });
    late.connection = opened;
    ctx.connections.set(id, opened);
    opened.waiters.add(ctx.scheduler.current);
    opened.start();
    return waitUntil(
      ctx,
      L,
      () => opened.state !== 'connecting',
      (L1) => {
        if (opened.state !== 'open') {
          const message = opened.error ?? 'connection failed';
          return returnError(L1, runtimeError('INTERNAL', DIAL_FAILED + message, true));
        }
        pushClient(L1, opened, channelIdx);
        return 1;
      },
    );
  }
}
