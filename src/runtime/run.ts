/**
 * One run of a script: the main process of a node of its own (src/process/node.ts), with the
 * runtime's libraries; the run ends when that process ends, fails or is stopped, and every
 * socket of every process closes (1001) and every timer is cleared. The same code runs in the
 * worker and in Node; only the transport, the clock and the observer come from the host.
 */
import { checkTypesBeforeRun } from './type-check.ts';
import { parse } from '../dialect/parser.ts';
import type { ParseResult } from '../dialect/ast.ts';
import type { SourceModule } from './preload-modules.ts';
import type { Defer } from './defer.ts';
import type { Clock } from './modules/time.ts';
import type { TransportChoice } from './modules/websocket/index.ts';
import type { DemoHosts } from './route.ts';
import type { Policy } from '../policy/types.ts';
import type { RunObserver } from '../shared/run-events.ts';
import type { RunEnd } from '../shared/worker-protocol.ts';
import type { Dialect, TypeCheckMode } from '../shared/dialect.ts';
import { Node, type MainProcess } from '../process/node.ts';
import type { RunConfig } from '../process/run-config.ts';
import type { Project } from '../project/spec.ts';
import { makeRunConfig } from '../process/run-config.ts';
import { scriptLibraries } from '../process/libraries.ts';
import { IMPLICIT_ENTRY, TERMINAL_HOST } from '../project/spec.ts';

export { DEADLOCK } from '../process/lua-process.ts';

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

export function startRun(options: RunOptions): RunHandle {
  const config = makeRunConfig(options);
  const { node, handle } = openRun(config, null);
  // A wippy script is parsed once, for the checker and the loader alike.
  const parsed = config.dialect === 'wippy' ? parse(options.code) : undefined;
  const typeRefusal = parsed && checkTypesBeforeRun(options, parsed);
  if (typeRefusal) {
    node.stop({ status: 'error', failure: typeRefusal });
    return handle;
  }
  node.startMain(scriptMain(options, parsed, config.dialect));
  return handle;
}

/**
 * A run's node and the handle its host holds. With a project, the node knows its entries and
 * tags every process's output with its pid.
 */
export function openRun(
  config: RunConfig,
  project: Project | null,
): { node: Node; handle: RunHandle; done: Promise<RunEnd> } {
  let resolveDone: (end: RunEnd) => void = () => {};
  const done = new Promise<RunEnd>((resolve) => (resolveDone = resolve));
  const node = new Node(config, project, resolveDone, project !== null);
  return { node, handle: runHandle(node, done), done };
}

/** A lone script as the run's main process: `app:main` on the terminal host, a script's globals. */
export function scriptMain(
  options: RunOptions,
  parsed: ParseResult | undefined,
  dialect: Dialect,
): MainProcess {
  return {
    program: {
      kind: 'script',
      chunkName: options.chunkName,
      code: options.code,
      prelude: options.prelude,
      modules: options.modules,
      parsed,
    },
    entryId: IMPLICIT_ENTRY,
    host: TERMINAL_HOST,
    args: [],
    libraries: scriptLibraries(dialect),
  };
}

/** The handle of a run on `node`: Stop, the composer, the panel's buttons, the input line. */
export function runHandle(node: Node, done: Promise<RunEnd>): RunHandle {
  return {
    done,
    stop: () => node.stop({ status: 'stopped' }),
    compose(connectionId, data, binary) {
      if (node.isFinished) return 'the run has ended; nothing was sent';
      // Ended connections leave the map (connect.ts), so "not found" is "no longer open".
      const connection = node.connection(connectionId);
      if (!connection) return `connection #${connectionId} is not open; nothing was sent`;
      return connection.compose(data, binary);
    },
    control: (pid, action) => node.control(pid, action),
    input: (line) => node.input(line),
  };
}
