/**
 * The node: every process of one run, and what lies between them (wippyai/runtime
 * system/topology, system/process, service/host). It gives pids, starts entries as processes,
 * routes copied messages into mailboxes, keeps registered names, monitors and links, and on
 * each exit sends EXIT to monitors and, for an error exit, LINK_DOWN to links. Processes run
 * interleaved in the one thread: each has its own scheduler, whose slices take turns through
 * the host's event loop, so a busy process cannot freeze the others or Stop.
 */
import type { RunEnd } from '../shared/worker-protocol.ts';
import type { MessageKind } from '../shared/run-events.ts';
import type { Entry, LuaEntry, Project } from '../project/spec.ts';
import { PROCESS_HOST, TERMINAL_HOST } from '../project/spec.ts';
import { LuaProcess, type ProcessStart } from './lua-process.ts';
import { errorResult, type ProcessExit } from './exit.ts';
import { entryLibraries, type LibrarySet } from './libraries.ts';
import type { Program } from './program.ts';
import type { RunConfig } from './run-config.ts';
import { formatPid } from './pid.ts';
import {
  LIMIT_TEXT,
  MAX_LIVE_PROCESSES,
  MAX_QUEUED_MESSAGES,
  MAX_SPAWNS_PER_RUN,
} from './limits.ts';
import { copiedFromJs, copiedPreview } from './payload-copy.ts';
import { MessagePayloads } from './message-payload.ts';
import { createEventBus } from './event-bus.ts';
import { describeStalemate } from './stalemate.ts';
import { Holds } from './holds.ts';
import { Topology } from './topology.ts';
import { callableEntry, callHost, declaredCallOptions } from './callable-entry.ts';
import { PanelReport } from './panel-report.ts';
import { nextEventOrder } from '../runtime/event-order.ts';
import type {
  ApiError,
  CallHandle,
  CallRequest,
  Copied,
  EventBus,
  ExitResult,
  NodeApi,
  Result,
  SpawnRequest,
} from './types.ts';

const ok = <T>(value: T): Result<T> => ({ ok: true, value });
const fail = (kind: ApiError['kind'], message: string): Result<never> => ({
  ok: false,
  error: { kind, message },
});

export interface MainProcess {
  program: Program;
  entryId: string;
  host: string;
  args: Copied[];
  libraries: LibrarySet;
  /** The platform's test runner's rule: a main that returns `false` failed. */
  falseIsFailure?: boolean;
}

export class Node implements NodeApi {
  private readonly processes = new Map<string, LuaProcess>();
  private readonly names = new Map<string, string>();
  private readonly topology = new Topology();
  private readonly exitWatchers = new Map<string, Array<(exit: ExitResult) => void>>();
  private readonly panel: PanelReport;
  private nextPid = 1;
  private spawns = 0;
  private main: { pid: string; falseIsFailure: boolean } | null = null;
  private finished = false;
  private stalemateCheckQueued = false;
  readonly events: EventBus = createEventBus();
  /** Keeps the run alive while something outside may still start work (a service restart). */
  private readonly outsideHolds = new Holds(() => this.queueStalemateCheck());
  /** The JSON of messages' payloads for the inspector, within the run's budget. */
  private readonly messagePayloads = new MessagePayloads();

  constructor(
    private readonly config: RunConfig,
    private readonly project: Project | null,
    private readonly finish: (end: RunEnd) => void,
    /** Tag each process's output with its pid (a project run). */
    private readonly tagOutput: boolean,
  ) {
    this.panel = new PanelReport(config.observer, this.topology, (pid) => this.processes.get(pid));
  }

  get isFinished(): boolean {
    return this.finished;
  }

  /** A line typed for a terminal process (the console's input line, or stdin; null at EOF). */
  input(line: string | null): void {
    this.config.terminalInput.push(line);
  }

  startMain(main: MainProcess): LuaProcess {
    const pid = this.allocatePid(main.host);
    this.main = { pid, falseIsFailure: main.falseIsFailure ?? false };
    return this.start({
      pid,
      entryId: main.entryId,
      host: main.host,
      parent: null,
      program: main.program,
      args: main.args,
      context: new Map(),
      libraries: main.libraries,
      tagOutput: this.tagOutput,
      terminal: this.isTerminalHost(main.host),
    });
  }

  /** End every process (Stop, or the main process ended). */
  stop(end: RunEnd): void {
    if (this.finished) return;
    this.finished = true;
    this.panel.stop();
    for (const process of [...this.processes.values()]) process.abandon(end.status === 'stopped');
    this.processes.clear();
    this.finish(end);
  }

  /** Something outside the processes keeps the run going (returns the release). */
  holdRun(): () => void {
    return this.outsideHolds.hold();
  }

  /** The process panel's buttons. */
  control(pid: string, action: 'terminate' | 'cancel'): string | null {
    if (!this.processes.has(pid)) return `${pid} is not running`;
    const result =
      action === 'terminate'
        ? this.terminate('', pid)
        : this.cancel('', pid, 'cancelled from the panel');
    return result.ok ? null : result.error.message;
  }

  /** An open connection of any process (the inspector's composer). */
  connection(id: number) {
    for (const process of this.processes.values()) {
      const connection = process.connections.get(id);
      if (connection) return connection;
    }
    return undefined;
  }

  // ---- NodeApi ----

  spawn(request: SpawnRequest): Result<string> {
    if (request.name) {
      const existing = this.names.get(request.name);
      if (existing && this.processes.has(existing)) {
        for (const m of request.messages ?? [])
          this.send(request.parent ?? '', existing, m.topic, m.payloads);
        return ok(existing);
      }
    }
    const entry = this.entry(request.entryId);
    if (!entry || entry.kind !== 'process.lua')
      return fail('NOT_FOUND', `factory not found: ${request.entryId}`);
    if (!this.hostExists(request.host)) return fail('NOT_FOUND', `host not found: ${request.host}`);
    const limit = this.checkLimits();
    if (limit) return limit;
    const pid = this.allocatePid(request.host);
    // Monitor and link are in place before the child runs: an instant exit still reports.
    if (request.parent && request.monitor) this.addMonitor(request.parent, pid);
    if (request.parent && request.link) this.addLink(request.parent, pid);
    if (request.name) this.names.set(request.name, pid);
    const process = this.startEntry(
      pid,
      entry,
      request.host,
      request.parent,
      request.args,
      request.context,
    );
    for (const m of request.messages ?? [])
      process.receive({
        kind: 'message',
        from: request.parent ?? '',
        topic: m.topic,
        payloads: m.payloads,
      });
    return ok(pid);
  }

  send(from: string, dest: string, topic: string, payloads: Copied[]): Result<true> {
    const pid = this.resolve(dest);
    if (!pid.ok) return pid;
    const target = this.processes.get(pid.value);
    if (!target) return fail('NOT_FOUND', `process not found: ${pid.value}`);
    if (target.mailbox.length >= MAX_QUEUED_MESSAGES)
      return fail('UNAVAILABLE', LIMIT_TEXT.queue(pid.value));
    this.record(
      'send',
      from,
      pid.value,
      topic,
      payloads.map((p) => copiedPreview(p, 80)).join(', '),
      payloads,
    );
    target.receive({ kind: 'message', from, topic, payloads });
    return ok(true);
  }

  terminate(from: string, dest: string): Result<true> {
    const pid = this.resolve(dest);
    if (!pid.ok) return pid;
    const target = this.processes.get(pid.value);
    if (!target) return fail('NOT_FOUND', `process not found: ${pid.value}`);
    this.record('terminate', from, pid.value, '', '');
    target.fail('process terminated');
    return ok(true);
  }

  cancel(from: string, dest: string, reason: string): Result<true> {
    const pid = this.resolve(dest);
    if (!pid.ok) return pid;
    const target = this.processes.get(pid.value);
    if (!target) return fail('NOT_FOUND', `process not found: ${pid.value}`);
    this.record('cancel', from, pid.value, 'pid.cancel', reason, [copiedFromJs(reason)]);
    target.receive({
      kind: 'event',
      event: { kind: 'pid.cancel', from, at: this.unixNow(), reason },
    });
    return ok(true);
  }

  monitor(from: string, dest: string, on: boolean): Result<true> {
    const pid = this.resolve(dest);
    if (!pid.ok) return pid;
    if (on) {
      if (!this.processes.has(pid.value))
        return fail('NOT_FOUND', `monitor failed: process not found: ${pid.value}`);
      this.addMonitor(from, pid.value);
    } else this.topology.unmonitor(from, pid.value);
    return ok(true);
  }

  link(from: string, dest: string, on: boolean): Result<true> {
    const pid = this.resolve(dest);
    if (!pid.ok) return pid;
    if (on) {
      if (!this.processes.has(pid.value))
        return fail('NOT_FOUND', `link failed: process not found: ${pid.value}`);
      this.addLink(from, pid.value);
    } else {
      this.topology.unlink(from, pid.value);
    }
    this.showPid(from);
    return ok(true);
  }

  register(from: string, name: string, pid: string): Result<true> {
    const holder = this.names.get(name);
    if (holder === pid) return ok(true);
    if (holder && this.processes.has(holder))
      return fail('ALREADY_EXISTS', `name already registered: ${name}`);
    if (!this.processes.has(pid)) return fail('NOT_FOUND', `process not found: ${pid}`);
    void from;
    this.names.set(name, pid);
    return ok(true);
  }

  lookup(name: string): Result<string> {
    const pid = this.names.get(name);
    if (!pid || !this.processes.has(pid)) return fail('NOT_FOUND', 'name not registered');
    return ok(pid);
  }

  unregister(from: string, name: string): boolean {
    void from;
    if (!this.names.has(name)) return false;
    this.names.delete(name);
    return true;
  }

  call(request: CallRequest, done: (result: ExitResult) => void): Result<CallHandle> {
    const entry = callableEntry(this.entry(request.entryId));
    if (!entry) return fail('NOT_FOUND', `function not found: ${request.entryId}`);
    const limit = this.checkLimits();
    if (limit) return limit;
    const host = callHost(entry);
    const pid = this.allocatePid(host);
    this.exitWatchers.set(pid, [done]);
    this.startEntry(pid, entry, host, request.caller, request.args, request.context);
    return ok({ pid, cancel: () => void this.cancel(request.caller, pid, 'call cancelled') });
  }

  declaredCallOptions(entryId: string): Record<string, unknown> | undefined {
    const entry = callableEntry(this.entry(entryId));
    return entry && declaredCallOptions(entry);
  }

  upgrade(pid: string, entryId: string | null, args: Copied[]): void {
    const old = this.processes.get(pid);
    if (!old || old.ended) return;
    const queued = old.retire();
    // New code is a new state: it counts as a spawn, so an upgrade loop meets the run's bound.
    const limit = this.spawns >= MAX_SPAWNS_PER_RUN ? LIMIT_TEXT.spawns : null;
    const found = entryId === null ? undefined : this.entry(entryId);
    const entry = found?.kind === 'process.lua' ? found : null;
    if (limit || (entryId !== null && !entry)) {
      // The platform's worker completes the process with this error (actor/worker.go).
      const message = `upgrade: create failed: ${limit ?? `factory not found: ${entryId}`}`;
      this.config.defer(() =>
        this.exited(old, { result: errorResult(message), failure: { message, traceback: '' } }),
      );
      return;
    }
    const next = entry
      ? this.startEntry(pid, entry, old.host, old.parent, args, old.context)
      : this.start({ ...old.startedWith, args });
    for (const message of queued) next.receive(message);
  }

  onExit(pid: string, watcher: (result: ExitResult) => void): boolean {
    if (!this.processes.has(pid)) return false;
    const watchers = this.exitWatchers.get(pid) ?? [];
    watchers.push(watcher);
    this.exitWatchers.set(pid, watchers);
    return true;
  }

  // ---- processes ----

  private startEntry(
    pid: string,
    entry: LuaEntry,
    host: string,
    parent: string | null,
    args: Copied[],
    context: Map<string, Copied> | undefined,
  ): LuaProcess {
    const { program, libraries } = this.programOf(entry);
    const inherited = context ?? (parent ? this.processes.get(parent)?.context : undefined);
    return this.start({
      pid,
      entryId: entry.id,
      host,
      parent,
      program,
      args,
      context: new Map(inherited ?? []),
      libraries,
      tagOutput: this.tagOutput,
      terminal: this.isTerminalHost(host),
    });
  }

  private start(start: ProcessStart): LuaProcess {
    this.spawns++;
    const process = new LuaProcess(start, this, this.config, {
      exited: (p, exit) => this.exited(p, exit),
      changed: (p) => {
        this.panel.showSoon(p.pid);
        // Only a process with nothing left that could wake it can make a stalemate.
        if (p.isIdle && !p.hasPending) this.queueStalemateCheck();
      },
    });
    if (!process.ended) this.processes.set(start.pid, process);
    this.panel.show(process);
    return process;
  }

  programOf(entry: LuaEntry): { program: Program; libraries: LibrarySet } {
    const imports = [];
    const modules = [...entry.modules];
    for (const [alias, id] of Object.entries(entry.imports)) {
      const library = this.entry(id);
      if (!library || library.kind !== 'library.lua') continue;
      imports.push({ alias, chunkName: library.file, source: library.source });
      modules.push(...library.modules);
    }
    const { set, unknown } = entryLibraries(modules);
    for (const name of unknown)
      this.config.observer.output({
        stream: 'warn',
        text: `${entry.id}: module '${name}' is not in the playground; require("${name}") will fail`,
        time: Date.now(),
      });
    return {
      program: {
        kind: 'entry',
        chunkName: entry.file,
        source: entry.source,
        method: entry.method,
        imports,
      },
      libraries: set,
    };
  }

  private exited(process: LuaProcess, exit: ProcessExit): void {
    const pid = process.pid;
    this.processes.delete(pid);
    for (const [name, holder] of this.names) if (holder === pid) this.names.delete(name);
    const ended = this.topology.remove(pid);
    // EXIT to every monitor; LINK_DOWN to every link, on an error exit only (topology.go:582).
    const tell = (kind: 'pid.exit' | 'pid.link.down', to: string, preview: string) => {
      const shown = exit.result.error !== null ? exit.result.error : exit.result.value;
      this.record(kind === 'pid.exit' ? 'exit' : 'link-down', pid, to, kind, preview, [shown]);
      this.processes.get(to)?.receive({
        kind: 'event',
        event: { kind, from: pid, at, value: exit.result.value, error: exit.result.error },
      });
    };
    const at = this.unixNow();
    const text = exit.result.errorText;
    for (const watcher of ended.monitors)
      tell('pid.exit', watcher, text ?? copiedPreview(exit.result.value, 80));
    if (exit.result.error !== null)
      for (const linked of ended.links) tell('pid.link.down', linked, text ?? '');
    this.panel.show(process, exit);
    for (const watcher of this.exitWatchers.get(pid) ?? []) watcher(exit.result);
    this.exitWatchers.delete(pid);
    if (this.main?.pid === pid) this.mainExited(exit);
    else this.queueStalemateCheck();
  }

  private mainExited(exit: ProcessExit): void {
    if (exit.failure || exit.result.error !== null) {
      const message = exit.failure?.message ?? exit.result.errorText ?? 'error';
      this.stop({ status: 'error', failure: exit.failure ?? { message, traceback: '' } });
    } else if (this.main?.falseIsFailure && exit.returnedFalse) {
      this.stop({ status: 'error', failure: { message: 'returned false', traceback: '' } });
    } else this.stop({ status: 'finished' });
  }

  /**
   * Every live process waits and nothing could wake one (no timer, socket, call, input or
   * restart pending, no message deliverable): on the platform they would wait forever; here
   * the run ends and says who waited on what.
   */
  private queueStalemateCheck(): void {
    if (this.stalemateCheckQueued || this.finished) return;
    this.stalemateCheckQueued = true;
    this.config.defer(() => {
      this.stalemateCheckQueued = false;
      if (this.finished || this.outsideHolds.size > 0) return;
      const live = [...this.processes.values()];
      if (live.length === 0) return;
      if (live.some((p) => !p.isIdle || p.hasPending)) return;
      this.stop({ status: 'error', failure: { message: describeStalemate(live), traceback: '' } });
    });
  }

  // ---- helpers ----

  private entry(id: string): Entry | undefined {
    return this.project?.entries.get(id);
  }

  private hostExists(host: string): boolean {
    if (host === PROCESS_HOST || host === TERMINAL_HOST) return true;
    const entry = this.entry(host);
    return entry?.kind === 'process.host' || entry?.kind === 'terminal.host';
  }

  private isTerminalHost(host: string): boolean {
    return host === TERMINAL_HOST || this.entry(host)?.kind === 'terminal.host';
  }

  private checkLimits(): Result<never> | null {
    if (this.processes.size >= MAX_LIVE_PROCESSES) return fail('UNAVAILABLE', LIMIT_TEXT.live);
    if (this.spawns >= MAX_SPAWNS_PER_RUN) return fail('UNAVAILABLE', LIMIT_TEXT.spawns);
    return null;
  }

  private allocatePid(host: string): string {
    return formatPid(host, this.nextPid++);
  }

  private resolve(dest: string): Result<string> {
    if (dest.startsWith('{')) return ok(dest);
    const pid = this.names.get(dest);
    if (!pid) return fail('NOT_FOUND', `could not resolve: ${dest}`);
    return ok(pid);
  }

  private addMonitor(watcher: string, target: string): void {
    this.topology.monitor(watcher, target);
    this.showPid(target);
  }

  private addLink(a: string, b: string): void {
    this.topology.link(a, b);
    this.showPid(a);
    this.showPid(b);
  }

  private unixNow(): number {
    return Math.floor(this.config.clock.now() / 1000);
  }

  private showPid(pid: string): void {
    const process = this.processes.get(pid);
    if (process) this.panel.show(process);
  }

  private record(
    kind: MessageKind,
    from: string,
    to: string,
    topic: string,
    preview: string,
    payloads: readonly Copied[] = [],
  ): void {
    const observer = this.config.observer.message;
    if (!observer) return;
    const payload = this.messagePayloads.keep(payloads);
    observer({
      kind,
      from,
      to,
      topic,
      preview,
      time: Date.now(),
      order: nextEventOrder(),
      ...payload,
    });
  }
}
