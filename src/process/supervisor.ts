/**
 * `process.service` supervision as the platform's code does it, as pure logic: the node passes
 * in how to spawn, how to learn of an exit, how to cancel, and a clock.
 *
 * Per service (wippyai/runtime `system/supervisor/controller.go`, `service/supervisor/service.go`):
 *
 *   starting ──spawn ok──▶ running ──normal exit──▶ exited   (no restart)
 *      ▲  │                   │
 *      │  └─spawn failed─┐    └──error exit──▶ failed ──attempts left──▶ (wait) ──▶ starting
 *      └────(wait)───────┘                        └──none left──▶ stays failed
 *
 * - attempts: each failure counts one; a restart happens while `max_attempts` is 0 (forever)
 *   or the count is below it, so `max_attempts: 3` means three runs in all. A run that lasted
 *   `stable_threshold` resets the count first (controller.go `ctrlFailed`).
 * - the wait: the code builds a fresh backoff calculator for every retry (controller.go
 *   `tryRetry`), so each restart waits `initial_delay` ± 10 % jitter, never more; the docs'
 *   exponential backoff is not what runs (docs/platform-differences.md).
 * - start order: auto-start services after the services they `require`, a cycle refused.
 * - stop: CANCEL "service stopping" to each running process, no restart after it.
 */
import type { Result } from './types.ts';
import type { Clock } from '../runtime/modules/time.ts';
import type { Project, ServiceEntry } from '../project/spec.ts';

export type ServiceStatus = 'starting' | 'running' | 'failed' | 'exited' | 'stopping' | 'stopped';

export interface ServiceState {
  id: string;
  status: ServiceStatus;
  /** The running (or last) process. */
  pid?: string;
  /** Failures counted toward `max_attempts` (controller.go's retry count). */
  retryCount: number;
  /** Why it failed or exited, when it did. */
  detail?: string;
}

export interface ExitReport {
  /** An error exit (raised, returned an error, terminated, killed by a link). */
  error: boolean;
  errorText?: string;
}

export interface SupervisorHooks {
  /** Start the service's process monitored by the supervisor; its pid, or why not. */
  spawn(entryId: string, host: string, args: unknown[]): Result<string>;
  /** Called once when `pid` ends. */
  onExit(pid: string, callback: (exit: ExitReport) => void): void;
  /** Cooperative cancel (stopAll). */
  cancel(pid: string, reason: string): void;
  clock: Pick<Clock, 'now' | 'setTimeout' | 'clearTimeout'>;
  /** In [0, 1) (jitter); Math.random by default. */
  random?: () => number;
  /** Each state change, and a line to show ("restarting in 1.04 s"). */
  onChange?(state: ServiceState, note: string): void;
}

/** RetryPolicy.Jitter's default (api/supervisor/config.go InitDefaults). */
const JITTER = 0.1;

interface Controller {
  entry: ServiceEntry;
  state: ServiceState;
  desired: 'running' | 'stopped';
  /** When the current run started (clock.now()), null when none is running. */
  runStart: number | null;
  retryTimer?: unknown;
}

export class Supervisor {
  private readonly controllers = new Map<string, Controller>();
  private readonly random: () => number;

  constructor(
    private readonly project: Project,
    private readonly hooks: SupervisorHooks,
  ) {
    this.random = hooks.random ?? Math.random;
  }

  /**
   * Starts every auto-start service, each after the services it requires (those are started
   * too, auto-start or not). Returns the problems: cycles, a required service that is not one.
   */
  startAll(): string[] {
    const { order, problems } = startOrder(this.project);
    for (const entry of order) this.start(entry);
    return problems;
  }

  /** Cancels every running service's process; none restarts afterwards. */
  stopAll(): void {
    for (const controller of this.controllers.values()) {
      controller.desired = 'stopped';
      if (controller.retryTimer !== undefined) {
        this.hooks.clock.clearTimeout(controller.retryTimer);
        controller.retryTimer = undefined;
      }
      if (controller.state.status === 'running' && controller.state.pid) {
        this.update(controller, 'stopping', 'stopping: CANCEL "service stopping"');
        this.hooks.cancel(controller.state.pid, 'service stopping');
      } else if (controller.state.status !== 'exited') {
        this.update(controller, 'stopped', 'stopped');
      }
    }
  }

  states(): ServiceState[] {
    return [...this.controllers.values()].map((c) => ({ ...c.state }));
  }

  state(id: string): ServiceState | undefined {
    const controller = this.controllers.get(id);
    return controller && { ...controller.state };
  }

  private start(entry: ServiceEntry): void {
    const controller: Controller = {
      entry,
      state: { id: entry.id, status: 'starting', retryCount: 0 },
      desired: 'running',
      runStart: null,
    };
    this.controllers.set(entry.id, controller);
    this.tryStart(controller);
  }

  private tryStart(controller: Controller): void {
    const { entry } = controller;
    this.update(controller, 'starting', `starting (attempt ${controller.state.retryCount + 1})`);
    const spawned = this.hooks.spawn(entry.process, entry.host, entry.input);
    if (!spawned.ok) {
      const attempt = ++controller.state.retryCount;
      const detail = `start failed: ${spawned.error.message}`;
      const max = entry.restart.maxAttempts;
      if (max !== 0 && attempt >= max) {
        this.update(controller, 'failed', `${detail}; giving up after ${attempt} attempts`, detail);
        return;
      }
      this.update(controller, 'failed', detail, detail);
      this.scheduleRetry(controller, attempt);
      return;
    }
    const pid = spawned.value;
    controller.state.pid = pid;
    controller.runStart = this.hooks.clock.now();
    this.update(controller, 'running', `running as ${pid}`);
    this.hooks.onExit(pid, (exit) => this.exited(controller, pid, exit));
  }

  private exited(controller: Controller, pid: string, exit: ExitReport): void {
    if (controller.state.pid !== pid) return;
    const ranFor = controller.runStart === null ? 0 : this.hooks.clock.now() - controller.runStart;
    controller.runStart = null;
    if (controller.desired === 'stopped') {
      this.update(controller, 'stopped', 'stopped');
      return;
    }
    if (!exit.error) {
      // service.go reports supervisor.ErrExit, a terminal error: the controller stops here.
      this.update(controller, 'exited', 'service exited (a normal exit is not restarted)');
      return;
    }
    const detail = `process failed: ${exit.errorText ?? 'error'}`;
    let attempt = ++controller.state.retryCount;
    if (ranFor >= controller.entry.restart.stableThresholdMs) {
      controller.state.retryCount = 0;
      attempt = 1;
    }
    const max = controller.entry.restart.maxAttempts;
    if (max === 0 || attempt < max) {
      this.update(controller, 'failed', detail, detail);
      this.scheduleRetry(controller, attempt);
    } else {
      this.update(controller, 'failed', `${detail}; giving up after ${attempt} attempts`, detail);
    }
  }

  private scheduleRetry(controller: Controller, attempt: number): void {
    const max = controller.entry.restart.maxAttempts;
    if ((max !== 0 && attempt >= max) || controller.desired !== 'running') return;
    const delay = this.retryDelay(controller.entry.restart.initialDelayMs);
    this.hooks.onChange?.(
      { ...controller.state },
      `restarting in ${(delay / 1000).toFixed(2)} s (failure ${attempt}${max ? ` of ${max}` : ''})`,
    );
    controller.retryTimer = this.hooks.clock.setTimeout(() => {
      controller.retryTimer = undefined;
      if (controller.desired === 'running') this.tryStart(controller);
    }, delay);
  }

  /** backoff.Calculator's first interval: initial_delay ± jitter, never below 0. */
  private retryDelay(initialDelayMs: number): number {
    const range = initialDelayMs * JITTER;
    return Math.max(0, initialDelayMs + (this.random() * 2 * range - range));
  }

  private update(controller: Controller, status: ServiceStatus, note: string, detail?: string) {
    controller.state.status = status;
    if (detail !== undefined) controller.state.detail = detail;
    this.hooks.onChange?.({ ...controller.state }, note);
  }
}

/**
 * The services to start, each after those it requires: the auto-start services and,
 * transitively, what they require. Requirements that are not services (hosts) are met already.
 */
export function startOrder(project: Project): { order: ServiceEntry[]; problems: string[] } {
  const services = new Map<string, ServiceEntry>();
  for (const entry of project.entries.values())
    if (entry.kind === 'process.service') services.set(entry.id, entry);
  const order: ServiceEntry[] = [];
  const problems: string[] = [];
  const done = new Set<string>();
  const visiting = new Set<string>();
  const visit = (service: ServiceEntry, path: string[]): boolean => {
    if (done.has(service.id)) return true;
    if (visiting.has(service.id)) {
      problems.push(`a cycle of requires: ${[...path, service.id].join(' → ')}`);
      return false;
    }
    visiting.add(service.id);
    let ready = true;
    for (const dep of service.requires) {
      const required = services.get(dep);
      if (required) ready = visit(required, [...path, service.id]) && ready;
      else if (!project.entries.has(dep))
        problems.push(`${service.id} requires ${dep}, which is not an entry`);
    }
    visiting.delete(service.id);
    if (!ready) {
      problems.push(`${service.id} is not started: what it requires cannot start`);
      return false;
    }
    done.add(service.id);
    order.push(service);
    return true;
  };
  for (const service of [...services.values()].sort((a, b) => (a.id < b.id ? -1 : 1)))
    if (service.autoStart) visit(service, []);
  return { order, problems };
}
