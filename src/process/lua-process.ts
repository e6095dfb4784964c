/**
 * One process: a fresh fengari state with the runtime's libraries, its own scheduler (the
 * process's tasks: its main and each `coroutine.spawn`), its own timers and sockets, and its
 * mailbox. It ends when its main returns or fails, or when the node kills it; then its tasks
 * stop, its sockets close (1001) and its timers are cleared, and the node hears how it ended.
 * A lone script is the main process of a run of one; startRun and the node both build on this.
 */
import { lauxlib } from 'fengari';
import { lua, luaString, type LuaState } from '../runtime/lua/api.ts';
import { catchNativeErrors } from '../runtime/lua/native-errors.ts';
import { setWarningSink } from '../runtime/warnings.ts';
import { isWippy, setDialect } from '../runtime/lua/dialect.ts';
import { openTypes } from '../runtime/modules/types/bind.ts';
import { preloadNativeModules } from '../runtime/preload-modules.ts';
import { MAIN_TASK_ID, Scheduler, type Task, type TaskEnd } from '../runtime/scheduler.ts';
import { openBase } from '../runtime/modules/base.ts';
import { openWippy } from '../runtime/modules/wippy/index.ts';
import { limitBase } from '../runtime/modules/sandbox-limits.ts';
import { createMemoryGuard } from '../runtime/memory-guard.ts';
import {
  channelLibrary,
  type ChannelLibrary,
  type LuaChannel,
} from '../runtime/modules/channel.ts';
import { openCoroutine } from '../runtime/modules/coroutine.ts';
import { Timers } from '../runtime/modules/time.ts';
import type { Connection } from '../runtime/connection.ts';
import type { OutputStream } from '../shared/run-events.ts';
import { EVENTS_TOPIC, INBOX_TOPIC, Mailbox, type QueuedMessage } from './mailbox.ts';
import { deliveredItem } from './delivered-item.ts';
import { openLibraries, REMOVED_BY_DIALECT, type LibrarySet } from './libraries.ts';
import { startProgram, type Program } from './program.ts';
import type { RunConfig } from './run-config.ts';
import { Holds } from './holds.ts';
import type { Copied, NodeApi, ProcessSelf } from './types.ts';
import { errorResult, exitOfFailure, exitOfMain, type ProcessExit } from './exit.ts';

export const DEADLOCK =
  'deadlock: every task is blocked and nothing is left that could wake one ' +
  '(a channel receive or send that no other task will match?)';

export interface ProcessStart {
  pid: string;
  entryId: string;
  host: string;
  parent: string | null;
  program: Program;
  args: Copied[];
  context: Map<string, Copied>;
  /** Which modules are globals: every one (a lone script) or the entry's `modules:`. */
  libraries: LibrarySet;
  /** Tag output with the pid (every process of a project run; not a lone script's). */
  tagOutput: boolean;
  /** On a terminal host: `io` reads the run's input line and writes to its console. */
  terminal: boolean;
}

/**
 * The file a warning names: none for a lone script's own chunk (the file in the editor, whose
 * warnings read `warning (line 3):` as before); an entry's chunk, an import or a module's by
 * name, since a project has several files and a bare line would be ambiguous.
 */
function warningChunk(program: Program, chunk: string | undefined): string | undefined {
  return program.kind === 'script' && chunk === program.chunkName ? undefined : chunk;
}

export interface ProcessHooks {
  exited(process: LuaProcess, exit: ProcessExit): void;
  /** The process went idle or has work again (the node's deadlock check and panel). */
  changed(process: LuaProcess): void;
}

export class LuaProcess implements ProcessSelf {
  readonly pid: string;
  readonly entryId: string;
  readonly host: string;
  readonly parent: string | null;
  readonly L: LuaState;
  readonly scheduler: Scheduler;
  readonly channels: ChannelLibrary;
  readonly timers: Timers;
  readonly context: Map<string, Copied>;
  readonly connections = new Map<number, Connection>();
  readonly mailbox: Mailbox;
  readonly startedAt = Date.now();
  readonly terminal: boolean;
  options = { trapLinks: false };
  ended = false;
  /** A LINK_DOWN kill is on its way (the mailbox's linkDown). */
  private killPending = false;
  /** Outside operations in flight (funcs calls, terminal reads): not a deadlock meanwhile. */
  private readonly holds = new Holds(() => this.idleCheck());
  private pendingWrite = '';
  private readonly start: ProcessStart;

  constructor(
    start: ProcessStart,
    readonly node: NodeApi,
    private readonly config: RunConfig,
    private readonly hooks: ProcessHooks,
  ) {
    this.pid = start.pid;
    this.entryId = start.entryId;
    this.host = start.host;
    this.parent = start.parent;
    this.context = start.context;
    this.terminal = start.terminal;
    this.start = start;
    const L: LuaState = lauxlib.luaL_newstate();
    this.L = L;
    setDialect(L, config.dialect);
    catchNativeErrors(L);
    this.timers = new Timers(config.clock, () => this.idleCheck());
    this.scheduler = new Scheduler(
      L,
      config.defer,
      () => config.clock.now(),
      (task, end) => this.onTaskEnd(task, end, start),
      () => this.idleCheck(),
    );
    this.channels = channelLibrary(this.scheduler);
    this.mailbox = new Mailbox({
      item: (message, subscription) => deliveredItem(message, subscription.asMessage),
      linkDown: () => {
        if (this.options.trapLinks) return false;
        // Pending until the deferred kill runs, so a stalemate check queued earlier does
        // not take this process for one that waits forever.
        this.killPending = true;
        config.defer(() => this.fail('linked process failed'));
        return true;
      },
    });

    setWarningSink(L, {
      strict: config.strict,
      warn: (text, at) => {
        const chunk = warningChunk(start.program, at?.chunk);
        const key = `${chunk ?? ''}\n${at?.line ?? ''}\n${text}`;
        if (config.warned.has(key)) return;
        config.warned.add(key);
        config.observer.output({
          stream: 'warn',
          text,
          line: at?.line,
          ...(chunk === undefined ? {} : { chunk }),
          time: Date.now(),
          ...this.tag(start),
        });
      },
    });
    const write = (text: string, newline: boolean, stream: OutputStream = 'stdout') =>
      this.write(text, newline, start, stream);
    openBase(L, write);
    // Real time, not the run's clock: the guard paces its own cost, which a fake clock does not.
    const memory = createMemoryGuard(
      () => this.scheduler.threads,
      () => performance.now(),
      config.memoryLimitBytes,
    );
    limitBase(L, memory.measure);
    this.scheduler.sliceEnd = (L1) => {
      const over = memory.check(L1);
      if (over) this.fail(over);
      else this.mailbox.flush();
    };
    const onRequire = openLibraries(L, this, config, start.libraries, write);
    lauxlib.luaL_requiref(L, luaString('coroutine'), openCoroutine(this.scheduler), 1);
    lua.lua_pop(L, 1);
    if (isWippy(L)) {
      openWippy(L, write);
      openTypes(L);
      openLibraries(L, this, config, start.libraries, write, REMOVED_BY_DIALECT);
    }
    // After the dialect's own `require`, which the wrapper falls back to.
    if (Object.keys(onRequire).length > 0) preloadNativeModules(L, onRequire);
    const failure = startProgram(this, start.program, start.args, config);
    if (failure) config.defer(() => this.end({ result: errorResult(failure.message), failure }));
  }

  private tag(start: ProcessStart): { pid?: string } {
    return start.tagOutput ? { pid: this.pid } : {};
  }

  /** What a partial line still waiting for its end was, shown as the process ends. */
  private flushPendingWrite(): void {
    if (!this.pendingWrite) return;
    this.write('', true, this.start);
  }

  private write(
    text: string,
    newline: boolean,
    start: ProcessStart,
    stream: OutputStream = 'stdout',
  ): void {
    // A script that a pcall kept going for a moment after its end prints nothing more.
    if (this.ended) return;
    const output = (line: string) =>
      this.config.observer.output({ stream, text: line, time: Date.now(), ...this.tag(start) });
    if (stream !== 'stdout') {
      output(text);
      return;
    }
    if (newline) {
      output(this.pendingWrite + text);
      this.pendingWrite = '';
      return;
    }
    const lines = (this.pendingWrite + text).split('\n');
    this.pendingWrite = lines.pop() ?? '';
    for (const line of lines) output(line);
  }

  // ---- ProcessSelf: the process's own channels ----

  inbox(L: LuaState): LuaChannel {
    return this.ownChannel(L, INBOX_TOPIC, true);
  }

  events(L: LuaState): LuaChannel {
    return this.ownChannel(L, EVENTS_TOPIC, false);
  }

  listen(L: LuaState, topic: string, asMessage: boolean): LuaChannel {
    const existing = this.mailbox.topics.get(topic);
    if (existing && !existing.channel.core.closed) {
      lua.lua_rawgeti(L, lua.LUA_REGISTRYINDEX, existing.ref);
      return existing.channel;
    }
    return this.subscribe(L, topic, 1, asMessage);
  }

  unlisten(channel: LuaChannel): boolean {
    for (const [topic, subscription] of this.mailbox.topics) {
      if (subscription.channel !== channel || topic.startsWith('@')) continue;
      this.mailbox.topics.delete(topic);
      lauxlib.luaL_unref(this.L, lua.LUA_REGISTRYINDEX, subscription.ref);
      channel.core.close();
      return true;
    }
    return false;
  }

  /** Something that could wake a task ended (a connection): re-check for a deadlock. */
  poke(): void {
    this.idleCheck();
  }

  hold(): () => void {
    return this.holds.hold();
  }

  /** The same channel on every call (its userdata is kept in the registry), left on L. */
  private ownChannel(L: LuaState, topic: string, asMessage: boolean): LuaChannel {
    const existing = this.mailbox.topics.get(topic);
    if (existing) {
      lua.lua_rawgeti(L, lua.LUA_REGISTRYINDEX, existing.ref);
      return existing.channel;
    }
    return this.subscribe(L, topic, 0, asMessage);
  }

  private subscribe(L: LuaState, topic: string, capacity: number, asMessage: boolean): LuaChannel {
    const channel = this.channels.create(L, capacity);
    lua.lua_pushvalue(L, -1);
    const ref = lauxlib.luaL_ref(L, lua.LUA_REGISTRYINDEX);
    this.mailbox.topics.set(topic, { channel, ref, asMessage });
    this.mailbox.flush();
    return channel;
  }

  // ---- the node's side ----

  /** A message or an event arrives (the node checked limits and copied it). */
  receive(message: QueuedMessage): void {
    if (this.ended) return;
    this.mailbox.push(message);
    this.hooks.changed(this);
  }

  /** Every task waits, and nothing this process owns could wake one. */
  get isIdle(): boolean {
    return !this.ended && this.scheduler.isIdle;
  }

  /** Something this process owns could wake one of its tasks. */
  get hasPending(): boolean {
    return (
      this.killPending ||
      this.timers.size > 0 ||
      this.connections.size > 0 ||
      this.holds.size > 0 ||
      this.config.terminalInput.isWaiting(this.scheduler)
    );
  }

  /** The tasks wait but the process has subscriptions: it idles (the platform's rule). */
  get waitsForMessages(): boolean {
    return this.mailbox.subscribed;
  }

  /** What the panel says a waiting process waits on. */
  waitingOn(): string {
    const topics = [...this.mailbox.topics.keys()].map((t) =>
      t === INBOX_TOPIC ? 'inbox' : t === EVENTS_TOPIC ? 'events' : `topic "${t}"`,
    );
    const parts = [];
    if (this.holds.size > 0) parts.push('a call or input');
    if (this.timers.size > 0) parts.push('a timer');
    if (this.connections.size > 0) parts.push('a connection');
    if (topics.length > 0) parts.push(topics.join(', '));
    return parts.join('; ') || 'a channel';
  }

  /** End with an error now (terminate, the LINK_DOWN kill, the memory guard). */
  fail(message: string): void {
    this.end({ result: errorResult(message), failure: { message, traceback: '' } });
  }

  /** Stop with the run (no exit events: the whole node is going). */
  abandon(stopped: boolean): void {
    this.end({ result: errorResult(stopped ? 'run stopped' : 'run ended'), stopped }, true);
  }

  /**
   * Give way to new code under the same pid (`process.upgrade`): nothing more of this code
   * runs, its sockets (1001) and timers go, and what is queued is handed on. No exit: the
   * process lives on.
   */
  retire(): QueuedMessage[] {
    const queued = this.mailbox.takeQueued();
    this.release('process upgraded');
    return queued;
  }

  /** What this process was started with (an upgrade to the same definition reuses it). */
  get startedWith(): ProcessStart {
    return this.start;
  }

  private end(exit: ProcessExit, silent = false): void {
    if (this.ended) return;
    this.release(exit.stopped ? 'run stopped' : 'run ended');
    if (!silent) this.hooks.exited(this, exit);
  }

  private release(reason: string): void {
    if (this.ended) return;
    this.flushPendingWrite();
    this.ended = true;
    this.scheduler.stop();
    this.config.terminalInput.release(this.scheduler);
    for (const connection of this.connections.values()) connection.abandon(reason);
    this.timers.clearAll();
    this.mailbox.clear();
  }

  private onTaskEnd(task: Task, end: TaskEnd, start: ProcessStart): void {
    if (!end.ok) {
      this.end(exitOfFailure(end.thread, start.program.chunkName));
      return;
    }
    if (task.id === MAIN_TASK_ID) {
      this.end(exitOfMain(task.thread, start.program));
      return;
    }
    this.idleCheck();
  }

  /**
   * The platform's per-process deadlock (process.go:786-793): every task blocked, nothing
   * pending, no subscription. A process with subscriptions idles; the node decides about those.
   */
  private idleCheck(): void {
    if (this.ended) return;
    if (this.scheduler.taskCount > 0 && this.scheduler.isIdle) this.mailbox.flush();
    this.hooks.changed(this);
    if (this.scheduler.taskCount === 0 || !this.scheduler.isIdle) return;
    if (this.hasPending || this.waitsForMessages) return;
    this.end({ result: errorResult(DEADLOCK), failure: { message: DEADLOCK, traceback: '' } });
  }
}
