/**
 * What every process of a run shares: the host's parts (transport, policy, clock, observer)
 * and the language settings. The node hands it to each process it starts.
 */
import type { Policy } from '../policy/types.ts';
import type { RunObserver } from '../shared/run-events.ts';
import type { Dialect, TypeCheckMode } from '../shared/dialect.ts';
import type { TransportChoice } from '../runtime/modules/websocket/index.ts';
import type { DemoHosts } from '../runtime/route.ts';
import type { Clock } from '../runtime/modules/time.ts';
import { createDefer, type Defer } from '../runtime/defer.ts';
import type { RunOptions } from '../runtime/run.ts';
import { TerminalInput } from '../runtime/modules/terminal-input.ts';

export interface RunConfig {
  policy: Policy;
  transport: TransportChoice;
  demoHosts: DemoHosts;
  observer: RunObserver;
  strict: boolean;
  dialect: Dialect;
  typeCheck?: TypeCheckMode;
  clock: Clock;
  defer: Defer;
  memoryLimitBytes?: number;
  /** One connection counter for the run: ids stay unique across processes. */
  nextConnectionId: () => number;
  /** Each (line, message) warned once per run, whichever process warns it. */
  warned: Set<string>;
  /** The terminal's input, shared by the run's terminal processes (`io.readline`). */
  terminalInput: TerminalInput;
  /** `io.args()`: the arguments after the entry (`--run ENTRY ARG...`). */
  terminalArgs: readonly string[];
}

export const systemClock: Clock = {
  now: () => Date.now(),
  monotonic: () => performance.now(),
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** The shared part of a run's options, with the defaults filled in. */
export function makeRunConfig(options: Omit<RunOptions, 'code' | 'chunkName'>): RunConfig {
  let connections = 1;
  return {
    policy: options.policy,
    transport: options.transport,
    demoHosts: options.demoHosts,
    observer: options.observer,
    strict: options.strict ?? false,
    dialect: options.dialect ?? 'lua53',
    typeCheck: options.typeCheck,
    clock: options.clock ?? systemClock,
    defer: options.defer ?? createDefer(),
    memoryLimitBytes: options.memoryLimitBytes,
    nextConnectionId: () => connections++,
    warned: new Set(),
    terminalInput: new TerminalInput((readers) => options.observer.readers?.(readers)),
    terminalArgs: [],
  };
}
