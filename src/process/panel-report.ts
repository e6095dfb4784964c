/**
 * What the process panel hears of a run's processes (RunObserver.process): a ProcessInfo when
 * a process starts, when what the panel shows of it changes, and when it ends.
 */
import type { ProcessInfo, ProcessState, RunObserver } from '../shared/run-events.ts';
import type { LuaProcess } from './lua-process.ts';
import type { ProcessExit } from './exit.ts';
import type { Topology } from './topology.ts';
import { copiedPreview } from './payload-copy.ts';

/** How often the panel hears of processes going from running to waiting and back. */
const SHOW_INTERVAL_MS = 100;

export class PanelReport {
  /** What the panel was last told of each live process (a small key, not the info). */
  private readonly lastShown = new Map<string, string>();
  /** Processes whose running/waiting state changed since the panel last heard. */
  private readonly changedSinceShown = new Set<string>();
  private showTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly observer: RunObserver,
    private readonly topology: Topology,
    private readonly live: (pid: string) => LuaProcess | undefined,
  ) {}

  /**
   * A process goes from running to waiting and back at every slice; the panel hears of it at
   * most every SHOW_INTERVAL_MS (a busy socket loop would otherwise redraw it per batch).
   */
  showSoon(pid: string): void {
    if (!this.observer.process) return;
    this.changedSinceShown.add(pid);
    this.showTimer ??= setTimeout(() => {
      this.showTimer = null;
      for (const changed of this.changedSinceShown) {
        const process = this.live(changed);
        if (process) this.show(process);
      }
      this.changedSinceShown.clear();
    }, SHOW_INTERVAL_MS);
  }

  /** Tell the observer when what the panel shows of a process changed (always on its exit). */
  show(process: LuaProcess, exit?: ProcessExit): void {
    const observer = this.observer.process;
    if (!observer) return;
    const pid = process.pid;
    const state: ProcessState = exit
      ? exit.result.error !== null
        ? 'failed'
        : 'exited'
      : process.isIdle
        ? 'waiting'
        : 'running';
    const links = this.topology.linksOf(pid);
    const monitors = this.topology.monitorsOf(pid);
    const waitingOn = state === 'waiting' ? process.waitingOn() : undefined;
    const key = `${state}|${process.mailbox.length}|${links.size}|${monitors.size}|${waitingOn ?? ''}`;
    if (!exit && this.lastShown.get(pid) === key) return;
    if (exit) this.lastShown.delete(pid);
    else this.lastShown.set(pid, key);
    const info: ProcessInfo = {
      pid,
      entryId: process.entryId,
      host: process.host,
      parent: process.parent ?? undefined,
      state,
      queue: process.mailbox.length,
      links: [...links],
      monitors: [...monitors],
      startedAt: process.startedAt,
    };
    if (exit) {
      info.endedAt = Date.now();
      if (exit.result.error !== null)
        info.error = exit.result.errorText ?? copiedPreview(exit.result.error, 200);
      else info.result = copiedPreview(exit.result.value, 200);
    } else if (waitingOn) info.waitingOn = waitingOn;
    observer(info);
  }

  stop(): void {
    if (this.showTimer) clearTimeout(this.showTimer);
  }
}
