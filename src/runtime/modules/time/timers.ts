/**
 * The clock a run is given and the timers it starts. Timers belong to the run, so that ending
 * the run clears every one of them; the websocket module uses them for its timeouts too.
 */

export interface Clock {
  /** Wall clock, ms since the Unix epoch. */
  now(): number;
  /** A monotonic reading in ms (performance.now()); without it Times carry no `m=` reading. */
  monotonic?(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** setTimeout's longest delay (2^31-1 ms, about 24.8 days); longer waits re-arm. */
const MAX_DELAY_MS = 2 ** 31 - 1;

/** Timers of one run, so that ending the run clears every one of them. */
export class Timers {
  private readonly pending = new Set<{ handle: unknown }>();
  constructor(
    readonly clock: Clock,
    /** After any timer has fired and run its callback. */
    private readonly fired: () => void = () => {},
  ) {}

  /** Timers started and not yet fired or cancelled. */
  get size(): number {
    return this.pending.size;
  }

  /** Call `callback` once after `ms`; returns a cancel function. */
  start(ms: number, callback: () => void): () => void {
    const entry: { handle: unknown } = { handle: undefined };
    const arm = (remaining: number) => {
      const step = Math.min(remaining, MAX_DELAY_MS);
      entry.handle = this.clock.setTimeout(() => {
        if (remaining > step) {
          arm(remaining - step);
          return;
        }
        this.pending.delete(entry);
        callback();
        this.fired();
      }, step);
    };
    arm(ms);
    this.pending.add(entry);
    return () => {
      this.clock.clearTimeout(entry.handle);
      this.pending.delete(entry);
    };
  }

  clearAll(): void {
    for (const entry of this.pending) this.clock.clearTimeout(entry.handle);
    this.pending.clear();
  }
}
