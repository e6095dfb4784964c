/**
 * The contract between the node (the run's processes: src/process/node.ts) and the Lua modules
 * a process sees (`process`, `funcs`, `events`, `ctx`: src/runtime/modules/process/, funcs/,
 * events.ts, ctx.ts). The semantics are the platform's (../shared/reference/process-model.md):
 * every process is its own Lua state; what crosses between them is copied at send time.
 */
import type { LuaState } from '../runtime/lua/api.ts';
import type { Scheduler } from '../runtime/scheduler.ts';
import type { ChannelLibrary, LuaChannel } from '../runtime/modules/channel.ts';
import type { Timers } from '../runtime/modules/time.ts';
import type { ErrorKindName } from '../shared/lua-api-errors.ts';

/**
 * A Lua value copied out of one state, to be pushed into another (src/process/payload-copy.ts
 * makes and reads them; everyone else only passes them on). Opaque on purpose.
 */
export type Copied = { readonly __copied: unique symbol } | null;

/** An error a process-API call returns as `nil, err` (err:kind(), err:message()). */
export interface ApiError {
  kind: ErrorKindName;
  message: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** How a process ended: the first return value, and an error value for an error exit. */
export interface ExitResult {
  value: Copied;
  /** Set for an error exit (raised, `return v, "why"`, terminated, killed by a link). */
  error: Copied;
  /** The error as text, for the panel, the console and LINK_DOWN kills. */
  errorText?: string;
}

export interface SpawnRequest {
  entryId: string;
  host: string;
  args: Copied[];
  /** The spawning process; null for the run itself (the main entry, a service). */
  parent: string | null;
  monitor: boolean;
  link: boolean;
  /** ctx values (process.with_context, funcs.new():with_context), inherited by default. */
  context?: Map<string, Copied>;
  /** Spawner:with_name: spawn-or-signal under this registered name. */
  name?: string;
  /** Spawner:with_message: delivered before anything else. */
  messages?: Array<{ topic: string; payloads: Copied[] }>;
}

export interface CallRequest {
  entryId: string;
  args: Copied[];
  /** The calling process's pid. */
  caller: string;
  context?: Map<string, Copied>;
}

/** An in-flight `funcs` call (a short-lived process). */
export interface CallHandle {
  pid: string;
  /** Best effort: the callee gets a CANCEL; `done` still reports how it ended. */
  cancel(): void;
}

/** The event bus of the `events` module (not a process's own events channel). */
export interface EventBus {
  subscribe(
    system: string,
    kind: string | undefined,
    deliver: (event: BusEvent) => void,
  ): () => void;
  send(event: BusEvent): void;
}

export interface BusEvent {
  system: string;
  kind: string;
  path: string;
  data: Copied;
}

/** What every process's modules may ask of the node. `from` is always the caller's pid. */
export interface NodeApi {
  spawn(request: SpawnRequest): Result<string>;
  /** dest: a pid or a registered name. `true` = routed to a live process, not received. */
  send(from: string, dest: string, topic: string, payloads: Copied[]): Result<true>;
  terminate(from: string, dest: string): Result<true>;
  cancel(from: string, dest: string, reason: string): Result<true>;
  monitor(from: string, dest: string, on: boolean): Result<true>;
  link(from: string, dest: string, on: boolean): Result<true>;
  register(from: string, name: string, pid: string): Result<true>;
  lookup(name: string): Result<string>;
  unregister(from: string, name: string): boolean;
  /**
   * Run a `function.lua` entry (or a `process.lua` entry with `meta.default_host`) as a
   * short-lived process; `done` is called once, with how it ended.
   */
  call(request: CallRequest, done: (result: ExitResult) => void): Result<CallHandle>;
  /**
   * The options a callable entry declares (`meta.options`, an object), which every call of it
   * takes under its own (funcs call-options.ts); undefined when it declares none.
   */
  declaredCallOptions(entryId: string): Record<string, unknown> | undefined;
  /**
   * Replace the code of `pid` (`process.upgrade`): the entry `entryId`, or the same definition
   * when null, started with `args` under the same pid, keeping its queue, names, monitors and
   * links. The old code must not run on after this call.
   */
  upgrade(pid: string, entryId: string | null, args: Copied[]): void;
  /** Call `watcher` once when `pid` ends; false when it is not running. */
  onExit(pid: string, watcher: (result: ExitResult) => void): boolean;
  readonly events: EventBus;
}

/** A process as its own modules see it (one per Lua state). */
export interface ProcessSelf {
  readonly pid: string;
  readonly entryId: string;
  readonly node: NodeApi;
  readonly L: LuaState;
  readonly scheduler: Scheduler;
  readonly channels: ChannelLibrary;
  readonly timers: Timers;
  /** ctx values this process was started with. */
  readonly context: Map<string, Copied>;
  options: { trapLinks: boolean };
  /** The process's one inbox channel (created on first call; its userdata is left on L). */
  inbox(L: LuaState): LuaChannel;
  /** The process's one events channel (EXIT, LINK_DOWN, CANCEL tables). */
  events(L: LuaState): LuaChannel;
  /** A channel for an exact topic; `asMessage` delivers Message userdata, else raw values. */
  listen(L: LuaState, topic: string, asMessage: boolean): LuaChannel;
  unlisten(channel: LuaChannel): boolean;
  /** A pending outside operation (a funcs call): the process is not deadlocked meanwhile. */
  hold(): () => void;
}
