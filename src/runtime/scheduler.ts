/**
 * The scheduler: every task of a run (the main chunk, and each `coroutine.spawn`) is a Lua
 * thread that it resumes. A blocking call (receive, select, sleep, connect…) parks the calling
 * thread with `suspend`, which yields *to the scheduler*, not to whatever `coroutine.resume`
 * happens to be below it: `modules/coroutine.ts` passes such a yield on through every user
 * coroutine between the blocking call and the task's root thread.
 *
 *   ready ──resume──▶ running ──suspend──▶ waiting ──wake──▶ ready
 *                        │  └──time slice over (count hook)──▶ ready
 *                        └──return / error──▶ done
 *
 * A count hook ends a slice after SLICE_MS even in `while true do end`, so the host's event
 * loop always gets its turn: socket events arrive, and Stop works without killing the worker.
 */
import { lua, raise, type LuaState } from './lua/api.ts';
import type { Defer } from './defer.ts';

/** How long Lua runs before socket events and a Stop get a turn. */
const SLICE_MS = 25;
/** How often (in VM instructions) the hook looks at the clock. */
const HOOK_INSTRUCTIONS = 10_000;

export interface Task {
  readonly id: number;
  readonly thread: LuaState;
  queued: boolean;
  done: boolean;
}

/** The main chunk is the first task; only it stands for Lua's main thread. */
export const MAIN_TASK_ID = 1;

export type TaskEnd = { ok: true } | { ok: false; thread: LuaState };

const NOT_YIELDABLE =
  'cannot block here: Lua cannot yield across a C-call boundary ' +
  '(inside a table.sort comparator, a string.gsub callback, a __gc metamethod or similar); ' +
  'move the blocking call outside it';

export class Scheduler {
  private readonly ready: Task[] = [];
  private readonly tasks = new Set<Task>();
  /** Each task by its root thread. */
  private readonly byThread = new WeakMap<LuaState, Task>();
  /** Threads that yielded for the scheduler (not for a user's `coroutine.resume`). */
  private readonly parked = new WeakSet<LuaState>();
  /** For each user coroutine: can a yield inside it travel all the way to the task? */
  private readonly chainYieldable = new WeakMap<LuaState, boolean>();
  private running: Task | null = null;
  private draining = false;
  private sliceStart = 0;
  private nextId = 1;
  private stopped = false;

  constructor(
    L: LuaState,
    private readonly defer: Defer,
    private readonly now: () => number,
    /** Called once per task that ends; an error leaves its message on the thread's stack. */
    private readonly onTaskEnd: (task: Task, end: TaskEnd) => void,
    /** Called when no task is left ready to run (every one waits, or none is left). */
    private readonly onIdle: () => void = () => {},
  ) {
    lua.lua_sethook(
      L,
      (L1: LuaState) => this.onCountHook(L1),
      lua.LUA_MASKCOUNT,
      HOOK_INSTRUCTIONS,
    );
  }

  get current(): Task {
    if (!this.running) throw new Error('no task is running');
    return this.running;
  }

  get taskCount(): number {
    return this.tasks.size;
  }

  /** No task is running or ready: each one waits for a wake. */
  get isIdle(): boolean {
    return !this.draining && this.ready.length === 0 && this.running === null;
  }

  /**
   * Start a task running the function and `nargs` arguments on top of `from`'s stack; with
   * `keepThread`, the new thread stays on `from`'s stack in their place.
   */
  spawn(from: LuaState, nargs: number, keepThread = false): Task {
    const thread = lua.lua_newthread(from);
    // The Task object keeps the thread alive (fengari's collector is JavaScript's).
    if (keepThread) lua.lua_insert(from, -(nargs + 2));
    else lua.lua_pop(from, 1);
    lua.lua_xmove(from, thread, nargs + 1);
    const task: Task = { id: this.nextId++, thread, queued: false, done: false };
    this.tasks.add(task);
    this.byThread.set(thread, task);
    this.wake(task);
    return task;
  }

  /** The task whose root thread `L` is (not a coroutine inside a task). */
  taskOf(L: LuaState): Task | undefined {
    return this.byThread.get(L);
  }

  /**
   * Let `task` run again after the tasks now ready (coroutine.spawn: the new task runs before
   * its spawner goes on, as the platform queues them, process.go:1366-1388).
   */
  requeue(L: LuaState, k: (L: LuaState) => number): number {
    if (!this.canYieldToScheduler(L)) return k(L);
    this.wake(this.current);
    this.parked.add(L);
    return lua.lua_yieldk(L, 0, 0, (L1: LuaState) => k(L1));
  }

  /** Make a waiting task runnable again (it re-checks what it waits for). */
  wake(task: Task): void {
    if (task.queued || task.done || this.stopped) return;
    task.queued = true;
    this.ready.push(task);
    if (!this.draining) {
      this.draining = true;
      this.defer(() => this.drain());
    }
  }

  /**
   * Park the calling thread until `wake`; `k` runs when it is resumed and returns the blocking
   * call's results (or suspends again). Call as `return scheduler.suspend(L, k)`.
   */
  suspend(L: LuaState, k: (L: LuaState) => number): number {
    this.assertCanBlock(L);
    this.parked.add(L);
    return lua.lua_yieldk(L, 0, 0, (L1: LuaState) => k(L1));
  }

  /** Raise a clear error when a yield from `L` could not reach the scheduler. */
  assertCanBlock(L: LuaState): void {
    if (!this.canYieldToScheduler(L)) raise(L, NOT_YIELDABLE);
  }

  /** Was the last yield of `thread` a scheduler suspension? Clears the mark. */
  takeParked(thread: LuaState): boolean {
    if (!this.parked.has(thread)) return false;
    this.parked.delete(thread);
    return true;
  }

  /** Mark `L` as parked on behalf of a nested coroutine (see modules/coroutine.ts). */
  markParked(L: LuaState): void {
    this.parked.add(L);
  }

  /** Record, before resuming `co` from `from`, whether yields inside `co` can reach us. */
  enterCoroutine(from: LuaState, co: LuaState): void {
    this.chainYieldable.set(co, this.canYieldToScheduler(from));
  }

  /** Stop for good: no task runs again. Returns at once; the caller cleans up resources. */
  stop(): void {
    this.stopped = true;
    this.ready.length = 0;
    for (const task of this.tasks) task.done = true;
    this.tasks.clear();
  }

  get isStopped(): boolean {
    return this.stopped;
  }

  private canYieldToScheduler(L: LuaState): boolean {
    if (!lua.lua_isyieldable(L)) return false;
    const chain = this.chainYieldable.get(L);
    return chain === undefined ? true : chain;
  }

  /** Called at the end of each time slice, before the task yields (the run's memory guard). */
  sliceEnd: (L: LuaState) => void = () => {};

  /** The tasks' root threads (roots of the memory guard's walk: no Lua value holds them). */
  get threads(): LuaState[] {
    return [...this.tasks].map((task) => task.thread);
  }

  private onCountHook(L: LuaState): void {
    if (!this.stopped && this.now() - this.sliceStart >= SLICE_MS) this.sliceEnd(L);
    if (this.stopped) {
      // Stop arrived while Lua could not yield (e.g. a loop in a sort comparator): unwind.
      // From now on at every instruction, so a pcall that catches this cannot run on: each
      // instruction after it raises again, one protected level at a time.
      lua.lua_sethook(L, (L1: LuaState) => this.onCountHook(L1), lua.LUA_MASKCOUNT, 1);
      raise(L, 'run stopped');
    }
    if (this.now() - this.sliceStart < SLICE_MS) return;
    if (!this.canYieldToScheduler(L) || !this.running) return;
    this.parked.add(L);
    this.wake(this.running);
    lua.lua_yield(L, 0);
  }

  private drain(): void {
    this.sliceStart = this.now();
    while (this.ready.length > 0 && !this.stopped) {
      const task = this.ready.shift() as Task;
      task.queued = false;
      this.resume(task);
      if (this.now() - this.sliceStart >= SLICE_MS) break;
    }
    if (this.ready.length > 0 && !this.stopped) {
      this.defer(() => this.drain());
    } else {
      this.draining = false;
      if (!this.stopped) this.onIdle();
    }
  }

  private resume(task: Task): void {
    if (task.done) return;
    this.running = task;
    const thread = task.thread;
    const nargs = lua.lua_status(thread) === lua.LUA_OK ? lua.lua_gettop(thread) - 1 : 0;
    const status = lua.lua_resume(thread, null, nargs);
    this.running = null;
    if (status === lua.LUA_YIELD) {
      if (!this.takeParked(thread)) {
        // A plain coroutine.yield() at a task's top level: give others a turn.
        lua.lua_settop(thread, 0);
        this.wake(task);
      }
      return;
    }
    task.done = true;
    this.tasks.delete(task);
    this.onTaskEnd(task, status === lua.LUA_OK ? { ok: true } : { ok: false, thread });
  }
}
