/**
 * One run of a script: a fresh fengari state with the runtime's libraries, the main chunk as
 * the first task of a scheduler, and the cleanup that closes every socket (1001) and clears
 * every timer when the run finishes, fails or is stopped. The same code runs in the worker
 * and in Node; only the transport, the clock and the observer come from the host.
 */
import { lauxlib } from 'fengari';
import {
  decodeUtf8,
  encodeUtf8,
  lua,
  luaString,
  toDisplayString,
  type LuaFunction,
  type LuaState,
} from './lua/api.ts';
import { makeReadOnly } from './lua/readonly.ts';
import { catchNativeErrors } from './lua/native-errors.ts';
import { setWarningSink } from './warnings.ts';
import { isWippy, setDialect } from './lua/dialect.ts';
import { checkTypesBeforeRun } from './type-check.ts';
import { loadChunk } from './load-chunk.ts';
import { parse } from '../dialect/parser.ts';
import type { ParseResult } from '../dialect/ast.ts';
import { openTypes } from './modules/types/bind.ts';
import { preloadModules, preloadNativeModules, type SourceModule } from './preload-modules.ts';
import { openBase64 } from './modules/base64.ts';
import { openUuid } from './modules/uuid.ts';
import { MAIN_TASK_ID, Scheduler, type Task, type TaskEnd } from './scheduler.ts';
import { createDefer, type Defer } from './defer.ts';
import { openBase } from './modules/base.ts';
import { openWippy } from './modules/wippy/index.ts';
import { limitBase } from './modules/sandbox-limits.ts';
import { createMemoryGuard } from './memory-guard.ts';
import { channelLibrary } from './modules/channel.ts';
import { openCoroutine } from './modules/coroutine.ts';
import { openErrors, toError, formatError } from './modules/errors.ts';
import { openJson } from './modules/json.ts';
import { openTime, Timers, type Clock } from './modules/time.ts';
import { openWebsocket, type TransportChoice } from './modules/websocket/index.ts';
import type { Connection } from './connection.ts';
import type { DemoHosts } from './route.ts';
import type { Policy } from '../policy/types.ts';
import type { LuaFailure, OutputStream, RunObserver } from '../shared/run-events.ts';
import type { RunEnd } from '../shared/worker-protocol.ts';
import type { Dialect, TypeCheckMode } from '../shared/dialect.ts';
import { PRELUDE_CHUNK_NAME } from '../embed/prelude.ts';

export interface RunOptions {
  code: string;
  /** Shown in messages and tracebacks, e.g. "main.lua". */
  chunkName: string;
  /**
   * Set-up code run before `code` in the same state, as a chunk of its own named "prelude"
   * (an embed's hidden prelude): its globals are the script's, its locals are not, and the
   * script's line numbers stay its own.
   */
  prelude?: string;
  policy: Policy;
  transport: TransportChoice;
  demoHosts: DemoHosts;
  observer: RunObserver;
  /** Warnings become errors (src/runtime/warnings.ts). */
  strict?: boolean;
  /**
   * The Lua the script speaks (src/shared/dialect.ts). The runtime's own tests default to
   * `lua53`; every product surface passes the dialect it shows (default `wippy`).
   */
  dialect?: Dialect;
  /** Modules `require` reads from source (a project's imports; src/project/). */
  modules?: SourceModule[];
  /** What type diagnostics do (wippy only; src/shared/dialect.ts). Default `warn`. */
  typeCheck?: TypeCheckMode;
  clock?: Clock;
  defer?: Defer;
  /** The run's memory bound in bytes (memory-guard.ts); default MAX_RUN_MEMORY_BYTES. */
  memoryLimitBytes?: number;
}

export const DEADLOCK =
  'deadlock: every task is blocked and nothing is left that could wake one ' +
  '(a channel receive or send that no other task will match?)';

export interface RunHandle {
  /** Settles once, when the run has finished, failed or been stopped, and cleaned up. */
  done: Promise<RunEnd>;
  /** End the run now: no Lua runs again, sockets close with 1001, timers are cleared. */
  stop(): void;
  /**
   * Send a message typed in the inspector's composer on connection `connectionId`; returns
   * why it was refused, or null once it is on its way (src/runtime/connection.ts `compose`).
   */
  compose(connectionId: number, data: Uint8Array, binary: boolean): string | null;
  /** The process panel's Terminate and Cancel; returns why it was refused, or null. */
  control(pid: string, action: 'terminate' | 'cancel'): string | null;
  /** A line for a terminal process's `io.readline` (the console's input line, or stdin). */
  input(line: string | null): void;
}

const systemClock: Clock = {
  now: () => Date.now(),
  monotonic: () => performance.now(),
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export function startRun(options: RunOptions): RunHandle {
  const clock = options.clock ?? systemClock;
  const L: LuaState = lauxlib.luaL_newstate();
  setDialect(L, options.dialect ?? 'lua53');
  catchNativeErrors(L);
  const timers = new Timers(clock, () => checkDeadlock());
  const connections = new Map<number, Connection>();
  let ended = false;
  let pendingWrite = '';
  let resolveDone: (end: RunEnd) => void = () => {};
  const done = new Promise<RunEnd>((resolve) => (resolveDone = resolve));

  const output = (text: string, stream: OutputStream = 'stdout') =>
    options.observer.output({ stream, text, time: Date.now() });
  const write = (text: string, newline: boolean) => {
    // A script that a pcall kept going for a moment after its end prints nothing more.
    if (ended) return;
    if (newline) {
      output(pendingWrite + text);
      pendingWrite = '';
      return;
    }
    const lines = (pendingWrite + text).split('\n');
    pendingWrite = lines.pop() ?? '';
    for (const line of lines) output(line);
  };

  const finish = (end: RunEnd) => {
    if (ended) return;
    ended = true;
    scheduler.stop();
    if (pendingWrite) output(pendingWrite);
    const reason = end.status === 'stopped' ? 'run stopped' : 'run ended';
    for (const connection of connections.values()) connection.abandon(reason);
    timers.clearAll();
    resolveDone(end);
  };

  const onTaskEnd = (task: Task, end: TaskEnd) => {
    if (!end.ok) {
      finish({ status: 'error', failure: describeFailure(end.thread, options.chunkName) });
      return;
    }
    if (task.id === MAIN_TASK_ID) {
      const returned = returnedError(task.thread);
      if (returned) {
        finish({
          status: 'error',
          failure: { message: `the script returned an error: ${returned}`, traceback: '' },
        });
        return;
      }
      // When the main chunk returns, the run ends and its other tasks with it, as on the
      // platform (process.go:1300-1317, killAllThreads).
      finish({ status: 'finished' });
      return;
    }
    if (scheduler.taskCount === 0) finish({ status: 'finished' });
  };

  /**
   * Every task waits and nothing is left that could wake one: no timer will fire and no
   * connection is open (Go's "all goroutines are asleep"). Checked whenever the tasks go idle,
   * a timer fires or a connection ends; ending with an error beats "running" forever.
   */
  const checkDeadlock = () => {
    if (ended || scheduler.taskCount === 0 || !scheduler.isIdle) return;
    if (timers.size > 0 || connections.size > 0) return;
    finish({ status: 'error', failure: { message: DEADLOCK, traceback: '' } });
  };

  const scheduler = new Scheduler(
    L,
    options.defer ?? createDefer(),
    () => clock.now(),
    onTaskEnd,
    checkDeadlock,
  );
  const channels = channelLibrary(scheduler);

  // A warning repeats nothing new when the same line says the same again (a send in a loop):
  // each (line, message) is reported once per run.
  const warned = new Set<string>();
  setWarningSink(L, {
    strict: options.strict ?? false,
    warn: (text, line) => {
      const key = `${line ?? ''}\n${text}`;
      if (warned.has(key)) return;
      warned.add(key);
      options.observer.output({ stream: 'warn', text, line, time: Date.now() });
    },
  });
  openBase(L, write);
  // Real time, not the run's clock: the guard paces its own cost, which a fake clock does not.
  const memory = createMemoryGuard(
    () => scheduler.threads,
    () => performance.now(),
    options.memoryLimitBytes,
  );
  limitBase(L, memory.measure);
  scheduler.sliceEnd = (L1) => {
    const over = memory.check(L1);
    if (over) finish({ status: 'error', failure: { message: over, traceback: '' } });
  };
  const modules: Array<[string, LuaFunction]> = [
    ['errors', openErrors],
    ['channel', channels.open],
    ['time', openTime(scheduler, channels, timers)],
    ['json', openJson],
    [
      'websocket',
      openWebsocket({
        scheduler,
        timers,
        channels,
        observer: options.observer,
        policy: options.policy,
        demoHosts: options.demoHosts,
        transport: options.transport,
        connections,
        connectionEnded: checkDeadlock,
        now: () => clock.now(),
        ended: () => ended,
      }),
    ],
  ];
  for (const [name, open] of modules) {
    // Preset as globals too: the original page's examples use json, time, channel, errors bare.
    lauxlib.luaL_requiref(
      L,
      luaString(name),
      (L1: LuaState) => {
        open(L1);
        if (name !== 'websocket' || isWippy(L1)) makeReadOnly(L1, name);
        return 1;
      },
      1,
    );
    lua.lua_pop(L, 1);
  }
  lauxlib.luaL_requiref(L, luaString('coroutine'), openCoroutine(scheduler), 1);
  lua.lua_pop(L, 1);
  if (isWippy(L)) openWippy(L, write);

  const compose = (connectionId: number, data: Uint8Array, binary: boolean) => {
    if (ended) return 'the run has ended; nothing was sent';
    // Ended connections leave the map (connect.ts), so "not found" is "no longer open".
    const connection = connections.get(connectionId);
    if (!connection) return `connection #${connectionId} is not open; nothing was sent`;
    return connection.compose(data, binary);
  };
  const handle: RunHandle = { done, stop: () => finish({ status: 'stopped' }), compose };

  const dialect = options.dialect ?? 'lua53';
  // A wippy script is parsed once, for the checker and the loader alike.
  const parsed = dialect === 'wippy' ? parse(options.code) : undefined;
  const typeRefusal = parsed && checkTypesBeforeRun(options, parsed);
  if (typeRefusal) {
    finish({ status: 'error', failure: typeRefusal });
    return handle;
  }
  if (dialect === 'wippy') {
    openTypes(L);
    preloadNativeModules(L, { base64: openBase64, uuid: openUuid });
  }
  if (options.modules) preloadModules(L, options.modules, dialect);
  const { status, nargs } = loadMain(L, options, dialect, parsed);
  if (status !== lua.LUA_OK) {
    const message = decodeUtf8(lua.lua_tolstring(L, -1) as Uint8Array);
    finish({
      status: 'error',
      failure: { message, traceback: '', line: lineOf(message, options.chunkName) },
    });
  } else {
    scheduler.spawn(L, nargs);
  }
  return handle;
}

/**
 * The main task's function: the script's chunk, or, with a prelude, a Lua function that runs
 * the prelude and then tail-calls the script (Lua to Lua, so both may block on the scheduler,
 * and the script's traceback shows no extra frame).
 */
function loadMain(
  L: LuaState,
  options: RunOptions,
  dialect: Dialect,
  parsed: ParseResult | undefined,
): { status: number; nargs: number } {
  const status = loadChunk(L, options.code, options.chunkName, dialect, parsed);
  if (status !== lua.LUA_OK || !options.prelude?.trim()) return { status, nargs: 0 };
  const preludeStatus = loadChunk(L, options.prelude, PRELUDE_CHUNK_NAME, dialect);
  if (preludeStatus !== lua.LUA_OK) return { status: preludeStatus, nargs: 0 };
  const runner = encodeUtf8('local main, prelude = ... prelude() return main()');
  lauxlib.luaL_loadbuffer(L, runner, runner.length, luaString('=run'));
  lua.lua_insert(L, -3); // runner, main, prelude
  return { status: lua.LUA_OK, nargs: 2 };
}

/** The error on top of a failed thread, with its traceback and the script line it names. */
function describeFailure(thread: LuaState, chunkName: string): LuaFailure {
  // A thread that died of a stack overflow has no room left for the traceback.
  lua.lua_checkstack(thread, 20);
  const error = toError(thread, -1);
  const message = error ? formatError(error) : toDisplayString(thread, -1);
  lauxlib.luaL_traceback(thread, thread, null, 0);
  const traceback = decodeUtf8(lua.lua_tolstring(thread, -1) as Uint8Array);
  lua.lua_pop(thread, 1);
  return { message, traceback, line: lineOf(message, chunkName) ?? lineOf(traceback, chunkName) };
}

/** A main chunk that ends with `return nil, err` (as the original page's snippets do) failed. */
function returnedError(thread: LuaState): string | null {
  const n = lua.lua_gettop(thread);
  if (n < 2 || lua.lua_toboolean(thread, 1) || lua.lua_isnil(thread, 2)) return null;
  const error = toError(thread, 2);
  return error ? formatError(error) : toDisplayString(thread, 2);
}

function lineOf(text: string, chunkName: string): number | undefined {
  const escaped = chunkName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const match = new RegExp(`${escaped}:(\\d+):`).exec(text);
  return match ? Number(match[1]) : undefined;
}
