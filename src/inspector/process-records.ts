/**
 * What the page knows of a project run's processes: the latest ProcessInfo of each pid (the
 * worker sends only the newest state per batch, src/runtime/event-batcher.ts). Bounded: a run
 * that spawns thousands of short-lived workers keeps the live ones and the most recent ended
 * ones. (The messages between them belong to the inspected run: message-buffer.ts.)
 */
import type { ProcessInfo } from '../shared/run-events.ts';

/** Ended processes kept for the panel; live ones are always kept. */
export const ENDED_CAPACITY = 500;

export class ProcessRecords {
  /** By pid, in the order each first appeared. */
  readonly byPid = new Map<string, ProcessInfo>();
  private ended = 0;

  absorb(processes: readonly ProcessInfo[]): void {
    for (const info of processes) {
      const before = this.byPid.get(info.pid);
      if (isEnded(info) && (!before || !isEnded(before))) this.ended++;
      this.byPid.set(info.pid, info);
    }
    if (this.ended > ENDED_CAPACITY) this.forgetOldestEnded(this.ended - ENDED_CAPACITY);
  }

  get size(): number {
    return this.byPid.size;
  }

  /** Processes not yet ended. */
  get live(): number {
    return this.byPid.size - this.ended;
  }

  /**
   * The run ended: a process still shown as running or waiting was ended with it (Stop, the
   * main entry's end), and must not look alive in the panel afterwards.
   */
  settle(note: string, now: number): void {
    for (const [pid, info] of this.byPid)
      if (!isEnded(info))
        this.byPid.set(pid, {
          ...info,
          state: 'exited',
          waitingOn: undefined,
          endedAt: now,
          result: note,
        });
    this.ended = this.byPid.size;
  }

  private forgetOldestEnded(count: number): void {
    for (const [pid, info] of this.byPid) {
      if (count === 0) break;
      if (!isEnded(info)) continue;
      this.byPid.delete(pid);
      this.ended--;
      count--;
    }
  }
}

export const isEnded = (info: ProcessInfo) => info.state === 'exited' || info.state === 'failed';
