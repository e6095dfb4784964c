/**
 * The `websocket` library (spec: websocket-module.md). `connect` checks its arguments, then the
 * policy with the URL as written, then dials through the run's transport; nothing is opened
 * before both checks pass. Client objects are userdata holding their connection; every method
 * checks that the run is still going, so a client that outlives its run fails cleanly. The run
 * tracks only connections that have not ended (to close them when it ends): a closed client
 * is kept by the script's reference alone, so a connect/close loop does not grow memory.
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
  type LuaFunction,
  type LuaState,
} from '../lua/api.ts';
import { toLuaValue } from '../lua/values.ts';
import { makeReadOnly } from '../lua/readonly.ts';
import {
  validateClose,
  validateConnectOptions,
  validateUrl,
  type ConnectOptions,
} from '../connect-options.ts';
import { Connection } from '../connection.ts';
import { returnError, returnFalse, runtimeError, type RuntimeError } from './errors.ts';
import { TransportUnsupported, type Transport } from '../transport/types.ts';
import { routeUrl, type DemoHosts } from '../route.ts';
import { checkConnect } from '../../policy/policy.ts';
import type { Policy } from '../../policy/types.ts';
import type { RunObserver } from '../../shared/run-events.ts';
import type { ChannelLibrary } from './channel.ts';
import type { Scheduler } from '../scheduler.ts';
import type { Timers } from './time.ts';

export type TransportChoice = { transport: Transport; why: string };

export interface WebsocketContext {
  scheduler: Scheduler;
  timers: Timers;
  channels: ChannelLibrary;
  observer: RunObserver;
  policy: Policy;
  demoHosts: DemoHosts;
  transport: TransportChoice;
  /** Connections not yet ended, by id: what the run closes when it ends. */
  connections: Map<number, Connection>;
  /** After a connection ended and left `connections`. */
  connectionEnded(): void;
  now(): number;
  /** True once the run has ended: clients kept by a host no longer have a runtime. */
  ended(): boolean;
}

const CLIENT_TYPE = 'websocket.Client';
/** `send` waits while more than this is queued on the socket, so memory stays bounded. */
const SEND_HIGH_WATER = 8 * 1024 * 1024;
const DRAIN_POLL_MS = 5;
/** How long `close` waits for the peer's close frame before returning. */
const CLOSE_WAIT_MS = 2000;

const CLOSE_CODES: Record<string, number> = {
  NORMAL: 1000,
  GOING_AWAY: 1001,
  PROTOCOL_ERROR: 1002,
  UNSUPPORTED_DATA: 1003,
  NO_STATUS: 1005,
  ABNORMAL_CLOSURE: 1006,
  INVALID_PAYLOAD: 1007,
  POLICY_VIOLATION: 1008,
  MESSAGE_TOO_BIG: 1009,
  INTERNAL_ERROR: 1011,
  SERVICE_RESTART: 1012,
  TRY_AGAIN_LATER: 1013,
};
const COMPRESSION: Record<string, number> = { DISABLED: 0, CONTEXT_TAKEOVER: 1, NO_CONTEXT: 2 };
const CONSTANTS: Record<string, number | string> = {
  TEXT: 1,
  BINARY: 2,
  TYPE_TEXT: 'text',
  TYPE_BINARY: 'binary',
  TYPE_PING: 'ping',
  TYPE_PONG: 'pong',
  TYPE_CLOSE: 'close',
};

const CONNECTION_CLOSED = runtimeError('INTERNAL', 'connection closed');

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

export function openWebsocket(ctx: WebsocketContext): LuaFunction {
  let nextId = 1;

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
      : runtimeError('INTERNAL', 'invalid connection id');
  };

  /** Push a client for `connection`; its user value is the channel userdata at `channelIdx`. */
  const pushClient = (L: LuaState, connection: Connection, channelIdx: number) => {
    const box = lua.lua_newuserdata(L, 0);
    box.connection = connection;
    lauxlib.luaL_setmetatable(L, luaString(CLIENT_TYPE));
    lua.lua_pushvalue(L, channelIdx);
    lua.lua_setuservalue(L, -2);
  };

  /**
   * Park until `done()` holds, re-checking every time the task is woken or `pollMs` passes.
   * The poll timer is cancelled once the wait is over: left to run, it would keep the
   * connection alive (and wake the task for nothing) long after, e.g. 2 s after every close.
   */
  const waitUntil = (
    L: LuaState,
    done: () => boolean,
    then: (L: LuaState) => number,
    pollMs?: number,
  ): number => {
    if (done()) return then(L);
    const task = ctx.scheduler.current;
    let cancelPoll: (() => void) | undefined;
    const park = (L1: LuaState): number => {
      if (pollMs !== undefined && !cancelPoll) {
        cancelPoll = ctx.timers.start(pollMs, () => {
          cancelPoll = undefined;
          ctx.scheduler.wake(task);
        });
      }
      return ctx.scheduler.suspend(L1, (L2) => {
        if (!done()) return park(L2);
        cancelPoll?.();
        return then(L2);
      });
    };
    return park(L);
  };

  const connect: LuaFunction = (L) => {
    const urlText = decodeUtf8(lauxlib.luaL_checklstring(L, 1));
    if (!lua.lua_isnoneornil(L, 2)) lauxlib.luaL_checktype(L, 2, lua.LUA_TTABLE);
    const url = validateUrl(urlText);
    if (!url.ok) return returnError(L, runtimeError('INVALID', url.error));
    const options = validateConnectOptions(toLuaValue(L, 2));
    if (!options.ok) return returnError(L, runtimeError('INVALID', options.error));

    const decision = checkConnect(ctx.policy, urlText);
    ctx.observer.decision(decision);
    const id = nextId++;
    const routedUrl = routeUrl(url.value, ctx.demoHosts);
    if (!decision.allowed) {
      ctx.observer.connection({
        id,
        url: urlText,
        routedUrl,
        state: 'denied',
        transport: 'none',
        transportWhy: 'denied by policy: no socket opened',
        protocol: '',
        extensions: '',
        error: decision.explanation,
      });
      return returnError(L, runtimeError('PERMISSION_DENIED', decision.explanation));
    }
    const { transport, why } = ctx.transport;
    const missing = missingFeature(transport, options.value);
    if (missing) return returnError(L, runtimeError('UNAVAILABLE', missing));

    ctx.scheduler.assertCanBlock(L);
    // The channel is made first (the connection needs it); it reaches the connection late.
    const late: { connection?: Connection } = {};
    const channel = ctx.channels.create(L, options.value.channelCapacity, {
      receiveOnly: true,
      onTake: () => late.connection?.onChannelTake(),
    });
    // Its userdata stays on the stack (kept across the wait) until the client holds it.
    const channelIdx = lua.lua_gettop(L);
    const opened = new Connection(id, urlText, routedUrl, options.value, transport, why, channel, {
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
      L,
      () => opened.state !== 'connecting',
      (L1) => {
        if (opened.state !== 'open') {
          return returnError(
            L1,
            runtimeError('INTERNAL', opened.error ?? 'connection failed', true),
          );
        }
        pushClient(L1, opened, channelIdx);
        return 1;
      },
    );
  };

  const send: LuaFunction = (L) => {
    const connection = lookup(L);
    const data = checkBytes(L, 2);
    const type = lua.lua_isnoneornil(L, 3) ? 1 : Number(lauxlib.luaL_checkinteger(L, 3));
    if (!(connection instanceof Connection)) return returnFalse(L, connection);
    if (type !== 1 && type !== 2) {
      return returnFalse(
        L,
        runtimeError(
          'INVALID',
          `message type must be websocket.TEXT (1) or websocket.BINARY (2), got ${type}`,
        ),
      );
    }
    if (type === 1 && !isValidUtf8(data)) {
      return returnFalse(
        L,
        runtimeError(
          'INVALID',
          'a TEXT message must be valid UTF-8; send bytes as websocket.BINARY',
        ),
      );
    }
    const isOpen = () => connection.state === 'open';
    const belowHighWater = () =>
      !isOpen() || connection.connection.bufferedAmount() <= SEND_HIGH_WATER;
    return waitUntil(
      L,
      belowHighWater,
      (L1) => {
        if (!isOpen()) return returnFalse(L1, CONNECTION_CLOSED);
        connection.send(data, type === 2);
        const timeout = connection.options.writeTimeoutMs;
        if (timeout === 0) {
          lua.lua_pushboolean(L1, true);
          return 1;
        }
        const deadline = ctx.now() + timeout;
        const drained = () =>
          !isOpen() || connection.connection.bufferedAmount() === 0 || ctx.now() >= deadline;
        return waitUntil(
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
            lua.lua_pushboolean(L2, true);
            return 1;
          },
          DRAIN_POLL_MS,
        );
      },
      DRAIN_POLL_MS,
    );
  };

  const methods: Record<string, LuaFunction> = {
    channel(L) {
      const connection = lookup(L);
      if (!(connection instanceof Connection)) return returnError(L, connection);
      lua.lua_getuservalue(L, 1);
      return 1;
    },
    close(L) {
      const connection = lookup(L);
      const code = lua.lua_isnoneornil(L, 2) ? 1000 : Number(lauxlib.luaL_checkinteger(L, 2));
      const reason = lua.lua_isnoneornil(L, 3) ? new Uint8Array(0) : checkBytes(L, 3);
      if (!(connection instanceof Connection)) return returnFalse(L, connection);
      const invalid = validateClose(code, reason, isValidUtf8(reason));
      if (invalid) return returnFalse(L, runtimeError('INVALID', invalid));
      if (connection.state !== 'open') {
        lua.lua_pushboolean(L, true);
        return 1;
      }
      try {
        connection.close(code, decodeUtf8(reason));
      } catch (e) {
        if (!(e instanceof TransportUnsupported)) throw e;
        return returnFalse(L, runtimeError('UNAVAILABLE', e.message));
      }
      const returnTrue = (L1: LuaState) => {
        lua.lua_pushboolean(L1, true);
        return 1;
      };
      if (!lua.lua_isyieldable(L)) return returnTrue(L);
      // Wait for the peer's close frame, so close_info() is known once close() returns.
      const deadline = ctx.now() + CLOSE_WAIT_MS;
      connection.waiters.add(ctx.scheduler.current);
      return waitUntil(
        L,
        () => connection.ended || ctx.now() >= deadline,
        returnTrue,
        CLOSE_WAIT_MS,
      );
    },
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
      const connection = lookup(L);
      if (!(connection instanceof Connection)) return returnFalse(L, connection);
      if (connection.state !== 'open') return returnFalse(L, CONNECTION_CLOSED);
      try {
        connection.ping();
      } catch (e) {
        if (!(e instanceof TransportUnsupported)) throw e;
        return returnFalse(L, runtimeError('UNAVAILABLE', e.message));
      }
      lua.lua_pushboolean(L, true);
      return 1;
    },
    send,
  };

  const pushConstantTable = (
    L: LuaState,
    name: string,
    values: Record<string, number | string>,
  ) => {
    lua.lua_newtable(L);
    for (const [key, value] of Object.entries(values)) {
      if (typeof value === 'number') lua.lua_pushinteger(L, value);
      else pushText(L, value);
      lua.lua_setfield(L, -2, luaString(key));
    }
    makeReadOnly(L, name);
  };

  return (L) => {
    lauxlib.luaL_newmetatable(L, luaString(CLIENT_TYPE));
    lua.lua_newtable(L);
    setFunctions(L, methods);
    lua.lua_setfield(L, -2, luaString('__index'));
    lua.lua_pushcfunction(L, (L1: LuaState) => {
      const box = lauxlib.luaL_checkudata(L1, 1, luaString(CLIENT_TYPE));
      const connection = box.connection instanceof Connection ? box.connection : undefined;
      pushText(
        L1,
        `websocket.client(${connection?.url ?? '?'}, ${connection?.state ?? 'unknown'})`,
      );
      return 1;
    });
    lua.lua_setfield(L, -2, luaString('__tostring'));
    lua.lua_pushliteral(L, CLIENT_TYPE);
    lua.lua_setfield(L, -2, luaString('__metatable'));
    lua.lua_pop(L, 1);

    pushConstantTable(L, 'websocket', CONSTANTS);
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
